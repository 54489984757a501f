"""Latvia: withdrawal from a treaty by a law of the Saeima, promulgated by the President.

Legal basis (research/domestic_procedures.md §1.2–1.3):

- Satversme Art. 68: treaties on matters decided by legislation need the Saeima's
  ratification. It does not mention withdrawal; that the Saeima decides it is stated by
  the Ministry of Defence and the Prime Minister (2025). Latvia acceded to the Ottawa
  Convention in 2005; the 2025 law "revokes accession".
- Law "On International Treaties of the Republic of Latvia" covers denunciation; the
  section on withdrawal is **unconfirmed**.
- Satversme Art. 69: the President proclaims a law no earlier than the 7th and no later
  than the 21st day after its adoption (from the 1922 English translation; the current
  wording was not checked).
- Satversme Art. 71: within 10 days of adoption the President may return the law for a
  second review (the 1922 text said 7 days; the current text 10).
- Satversme Art. 72: the President may suspend publication for two months (must, if a
  third of the deputies ask); a request must come within 7 days of adoption; a
  signature collection and a referendum may follow.

The 2025 Ottawa withdrawal (seeds/lv-ottawa-2025.toml): joint recommendation 18 Mar,
Cabinet decision 25 Mar, Saeima final reading 16 Apr, promulgation 24 Apr (day 8 of the
Art. 69 window), receipt by the UN Secretary-General 27 Jun, effect 27 Dec 2025.

``read_on`` is the day the research note citing the page was read for this template;
the research gives no retrieval date per page.
"""

from __future__ import annotations

from datetime import date

from treatywithdraw.periods import Period
from treatywithdraw.procedures._model import (
    Actor,
    Deadline,
    Duration,
    Procedure,
    Source,
    Step,
    StepRule,
    international_steps,
)

__all__ = ["PROCEDURE"]

_READ = date(2026, 11, 27)
_SAEIMA = Actor(name="Saeima", local_name="Saeima")
_PRESIDENT = Actor(name="President", local_name="Valsts prezidents")
_MFA = Actor(name="Ministry of Foreign Affairs", local_name="Ārlietu ministrija")

PROCEDURE = Procedure(
    key="LV",
    name="Latvia",
    summary="A withdrawal law adopted by the Saeima and promulgated by the President; "
    "the Ministry of Foreign Affairs deposits the instrument.",
    legal_basis=(
        "Satversme Art. 68 (treaties and the Saeima)",
        "Satversme Art. 69 (promulgation from the 7th to the 21st day after adoption)",
        "Satversme Art. 71 (return for a second review within 10 days)",
        "Satversme Art. 72 (suspension of publication for two months; referendum)",
        "Law On International Treaties of the Republic of Latvia (denunciation; section unconfirmed)",
    ),
    steps=(
        StepRule(
            step=Step.INITIATIVE,
            actor=Actor(name="Minister of Defence", local_name="Aizsardzības ministrs"),
            required=False,
            provision="political recommendation, no legal effect",
            note="2025: joint statement of the defence ministers of EE, LV, LT and PL.",
        ),
        StepRule(
            step=Step.GOVERNMENT_DECISION,
            actor=Actor(name="Cabinet of Ministers", local_name="Ministru kabinets"),
            provision="Cabinet practice; the MFA drafts the bill",
            note="Not a prerequisite: a bill can also reach the Saeima another way.",
        ),
        StepRule(
            step=Step.PARLIAMENT_APPROVAL,
            actor=_SAEIMA,
            provision="Satversme Art. 68; the Saeima takes the final decision",
            note="2025: urgent procedure (Rules of Procedure), two readings.",
        ),
        StepRule(
            step=Step.LAW_RETURNED,
            actor=_PRESIDENT,
            required=False,
            requires=(Step.PARLIAMENT_APPROVAL,),
            reopens=(Step.PARLIAMENT_APPROVAL,),
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="Satversme Art. 71",
            note="The Saeima must adopt the law again; the President cannot object twice. "
            "Precedent: Istanbul Convention withdrawal law returned on 4 Nov 2025.",
        ),
        StepRule(
            step=Step.PUBLICATION_SUSPENDED,
            actor=_PRESIDENT,
            required=False,
            requires=(Step.PARLIAMENT_APPROVAL,),
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED, Step.LAW_RETURNED),
            provision="Satversme Art. 72",
            note="Publication is held for two months; a signature collection (30 days, one "
            "tenth of the electors) and a referendum may follow (not modelled).",
        ),
        StepRule(
            step=Step.PARLIAMENT_REJECTION,
            actor=_SAEIMA,
            required=False,
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="Saeima Rules of Procedure",
        ),
        StepRule(
            step=Step.HEAD_OF_STATE_ACT,
            actor=_PRESIDENT,
            requires=(Step.PARLIAMENT_APPROVAL,),
            provision="Satversme Art. 69 (promulgation, izsludināšana)",
        ),
        # The instrument carries out the withdrawal law, so it waits until the President
        # has promulgated that law (Satversme Art. 69).
        *international_steps(
            _MFA,
            deposit_requires=(Step.HEAD_OF_STATE_ACT,),
            deposit_provision="Ottawa Art. 20(2)-(3); VCLT Arts. 67(2), 78(b)",
            deposit_note="Who signed the 2025 instrument (President, PM or FM) is unconfirmed.",
            notify_provision="Ottawa Art. 20(2)",
        ),
    ),
    deadlines=(
        # Satversme Art. 69: proclaimed "not earlier than the seventh day and not later
        # than the twenty-first day after the law has been adopted".
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.PARLIAMENT_APPROVAL,
            earliest=Period(days=7),
            latest=Period(days=21),
            unless=(Step.LAW_RETURNED, Step.PUBLICATION_SUSPENDED),
            provision="Satversme Art. 69",
            note="From the 1922 English translation; current wording not checked. "
            "Laws declared urgent by two thirds (Art. 75: proclaimed by the third day) "
            "are not modelled: record such a law with procedure('generic').",
        ),
        # Satversme Art. 71: the President may ask for a second review within 10 days.
        Deadline(
            step=Step.LAW_RETURNED,
            after=Step.PARLIAMENT_APPROVAL,
            latest=Period(days=10),
            provision="Satversme Art. 71",
        ),
        # Satversme Art. 72: publication is suspended for two months; if no referendum
        # request comes, the law is published when they end.
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.PUBLICATION_SUSPENDED,
            earliest=Period(months=2),
            provision="Satversme Art. 72",
        ),
        # Satversme Art. 72: the request to suspend comes within 7 days of adoption. The
        # request is not a recorded step (the suspension may follow it), so not checked.
        Deadline(
            step=Step.PUBLICATION_SUSPENDED,
            after=Step.PARLIAMENT_APPROVAL,
            latest=Period(days=7),
            provision="Satversme Art. 72",
            note="The deadline is for the request (President or a third of the deputies), "
            "which the library does not record.",
            enforced=False,
        ),
    ),
    durations=(
        Duration(
            step=Step.GOVERNMENT_DECISION, period=Period(days=7), basis="2025 case: 2025-03-18 → 2025-03-25"
        ),
        Duration(
            step=Step.PARLIAMENT_APPROVAL, period=Period(days=22), basis="2025 case: 2025-03-25 → 2025-04-16"
        ),
        Duration(
            step=Step.HEAD_OF_STATE_ACT, period=Period(days=8), basis="2025 case: 2025-04-16 → 2025-04-24"
        ),
        Duration(
            step=Step.INSTRUMENT_DEPOSITED,
            period=Period(days=64),
            basis="2025 case: 2025-04-24 → 2025-06-27 (coordinated with EE and LT)",
        ),
    ),
    sources=(
        Source(
            url="https://saeima.lv./en/transcripts/view/2610",
            read_on=_READ,
            supports="bill on the Saeima agenda, 3 Apr 2025",
        ),
        Source(
            url="https://www.la.lv/no-sodienas-stajas-speka-butisks-latvijas-lemums-kas-notiks-talak",
            read_on=_READ,
            supports="promulgation 24 Apr 2025; deposit 27 Jun 2025",
        ),
        Source(
            url="https://likumi.lv/ta/en/en/id/57840",
            read_on=_READ,
            supports="Law On International Treaties (first sections only)",
        ),
        Source(
            url="https://books.google.to/books?id=ydAwAQAAMAAJ&pg=PA802",
            read_on=_READ,
            supports="Satversme Art. 69 (1922 English translation)",
        ),
        Source(
            url="http://presidential-power.com/?p=7748", read_on=_READ, supports="Satversme Art. 71, 10 days"
        ),
        Source(
            url="https://www.cvk.lv/lv/tautas-nobalsosanas-ierosinasanai-par-saeima-pienemta-likuma-atcelsanu",
            read_on=_READ,
            supports="Satversme Art. 72: two months, 7-day request",
        ),
    ),
    unconfirmed=(
        "The section of the Law On International Treaties that governs withdrawal.",
        "Whether the current Art. 69 wording matches the 1922 translation.",
        "Whether a withdrawal law falls under the Art. 73 referendum exclusion.",
        "Whether Art. 75 urgency was declared for the 2025 law (day-8 promulgation suggests not).",
        "Who signed the 2025 instrument of withdrawal.",
    ),
    aliases=("LVA", "LATVIA"),
)
