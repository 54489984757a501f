"""Lithuania: the Seimas denounces on the President's submission.

Legal basis (research/domestic_procedures.md §2.2–2.3):

- Constitution Art. 67(16): the Seimas ratifies and denounces treaties; Art. 138(1)
  lists the treaties it ratifies *or denounces*, political and defence treaties among
  them.
- Law on International Treaties Art. 14(2): for a ratified treaty in force, the Seimas
  decides denunciation **on the submission of the President**, made on the President's
  own initiative or on the Government's proposal (paraphrased in lt.wikipedia; the
  statute itself was not read).
- The 2025 vote needed "at least 85 votes" (Delfi, lrytas); the provision that sets this
  threshold is **unconfirmed**. Votes are not modelled.

The 2025 Ottawa withdrawal (seeds/lt-ottawa-2025.toml): Government backs denunciation
9 Apr (inferred), presidential decree submitting it 11 Apr, Seimas 8 May (107–0–3),
receipt by the UN Secretary-General 27 Jun, effect 27 Dec 2025. The date the President
signed the adopted law is **unconfirmed**: in the seed that step carries no date.

``read_on`` is the day the research note citing the page was read for this template.
"""

from __future__ import annotations

from datetime import date

from treatywithdraw.periods import Period
from treatywithdraw.procedures._model import (
    Actor,
    Confidence,
    Duration,
    Procedure,
    Source,
    Step,
    StepRule,
    international_steps,
)

__all__ = ["PROCEDURE"]

_READ = date(2026, 11, 27)
_SEIMAS = Actor(name="Seimas", local_name="Seimas")
_PRESIDENT = Actor(name="President", local_name="Respublikos Prezidentas")
_MFA = Actor(name="Ministry of Foreign Affairs", local_name="Užsienio reikalų ministerija")

PROCEDURE = Procedure(
    key="LT",
    name="Lithuania",
    summary="The President submits the denunciation (on the Government's proposal or "
    "on own initiative); the Seimas adopts it by law; the MFA deposits the instrument.",
    legal_basis=(
        "Constitution Art. 67(16) and Art. 138(1) (the Seimas denounces treaties)",
        "Law on International Treaties Art. 14(2) (Seimas decides on the President's "
        "submission; paraphrased)",
    ),
    steps=(
        StepRule(
            step=Step.INITIATIVE,
            actor=Actor(name="Minister of National Defence", local_name="Krašto apsaugos ministras"),
            required=False,
            provision="political recommendation, no legal effect",
            note="2025: MoD advice in January; joint statement of 18 Mar 2025. A State "
            "Defence Council approval (date unconfirmed) preceded the decree.",
        ),
        StepRule(
            step=Step.GOVERNMENT_DECISION,
            actor=Actor(name="Government", local_name="Vyriausybė"),
            required=False,
            provision="Law on International Treaties Art. 14(2) (Government's proposal)",
            note="Optional: the President may submit on own initiative.",
        ),
        StepRule(
            step=Step.PRESIDENTIAL_SUBMISSION,
            actor=_PRESIDENT,
            provision="Law on International Treaties Art. 14(2) (decree submitting the "
            "denunciation to the Seimas)",
        ),
        StepRule(
            step=Step.PARLIAMENT_APPROVAL,
            actor=_SEIMAS,
            requires=(Step.PRESIDENTIAL_SUBMISSION,),
            provision="Constitution Art. 67(16); Law on International Treaties Art. 14(2)",
            note="2025: at least 85 votes were reported as needed (source of the threshold unconfirmed).",
            confidence=Confidence.REPORTED,
        ),
        StepRule(
            step=Step.PARLIAMENT_REJECTION,
            actor=_SEIMAS,
            required=False,
            requires=(Step.PRESIDENTIAL_SUBMISSION,),
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="Seimas Statute",
        ),
        StepRule(
            step=Step.HEAD_OF_STATE_ACT,
            actor=_PRESIDENT,
            requires=(Step.PARLIAMENT_APPROVAL,),
            provision="Constitution Art. 71 (signature and promulgation of laws)",
            note="The 2025 signature date is unconfirmed. The deposit does not require this "
            "step in the template, so a timeline without its date still validates; when "
            "recorded, it must come before the deposit.",
            confidence=Confidence.UNCONFIRMED,
        ),
        # The instrument waits for the Seimas's law (Constitution Art. 67(16)), not for
        # the President's signature, whose 2025 date is unconfirmed (head-of-state-act).
        *international_steps(
            _MFA,
            deposit_requires=(Step.PARLIAMENT_APPROVAL,),
            deposit_provision="Ottawa Art. 20(2)-(3); VCLT Arts. 67(2), 78(b)",
            notify_provision="Ottawa Art. 20(2)",
        ),
    ),
    durations=(
        Duration(
            step=Step.PRESIDENTIAL_SUBMISSION,
            period=Period(days=24),
            basis="2025 case: 2025-03-18 → 2025-04-11",
        ),
        Duration(
            step=Step.PARLIAMENT_APPROVAL, period=Period(days=27), basis="2025 case: 2025-04-11 → 2025-05-08"
        ),
        Duration(
            step=Step.HEAD_OF_STATE_ACT,
            period=Period(days=10),
            basis="assumed: the 2025 signature date is unconfirmed",
        ),
        Duration(
            step=Step.INSTRUMENT_DEPOSITED,
            period=Period(days=40),
            basis="2025 case: 50 days from the Seimas vote (2025-05-08 → 2025-06-27), "
            "less the assumed 10 for the signature",
        ),
    ),
    sources=(
        Source(
            url="https://lt.m.wikipedia.org/wiki/Denonsavimas",
            read_on=_READ,
            confidence=Confidence.REPORTED,
            supports="Law on International Treaties Art. 14(2), paraphrased",
        ),
        Source(
            url="https://www.delfi.lt/en/politics/seimas-votes-for-withdrawal-from-anti-personnel-mine-convention-120107972",
            read_on=_READ,
            supports="Seimas vote 8 May 2025, 85 votes needed",
        ),
        Source(
            url="https://czaswschodni.pl/art/wiadomosci/prezydent-litwy-sklada-wniosek-o-pilne-wypowiedzenie-konwencji-ottawskiej_a550a203-e67d-4e57-ba18-26ccaacb4d9a",
            read_on=_READ,
            supports="presidential decree 11 Apr 2025",
        ),
        Source(
            url="https://unn.ua/en/amp/lithuania-notified-the-un-about-its-withdrawal-from-the-anti-personnel-mine-ban-treaty",
            read_on=_READ,
            supports="notification to the UN SG 27 Jun 2025",
        ),
    ),
    unconfirmed=(
        "The provision setting the 85-vote threshold (3/5 of 141 is 84.6).",
        "Presidential veto of the adopted law and Constitutional Court review: provisions "
        "and time limits not found; not modelled.",
        "The date the President signed the 2025 law and its publication in the TAR.",
        "The date of the State Defence Council approval.",
    ),
    aliases=("LTU", "LITHUANIA"),
)
