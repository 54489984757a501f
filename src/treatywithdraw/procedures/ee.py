"""Estonia: the Riigikogu denounces by an Act, which the President proclaims.

Legal basis (research/domestic_procedures.md §3.2–3.3):

- Constitution §121: the Riigikogu ratifies **and denounces** treaties that create
  military obligations, require legislation, etc.
- Foreign Relations Act (RT I 2006, 32, 248, as amended): internal processing of
  treaties, including termination; the section is **unconfirmed**.
- Constitution §107: the President may refuse to proclaim an Act and return it within
  14 days **of receiving it**; if passed again unamended, the President proclaims it or
  asks the Supreme Court to declare it unconstitutional.
- Whether §106 excludes denunciation from referendum is **unconfirmed**.

The 2025 Ottawa withdrawal (seeds/ee-ottawa-2025.toml): Government approves the draft
Act 24 Apr, Riigikogu 4 Jun (81–1–7), President proclaims 13 Jun, receipt by the UN
Secretary-General 27 Jun, effect 27 Dec 2025. Precedent for a rejection: bill 726 SE,
rejected at first reading on 12 Jan 2023.

``read_on`` is the day the research note citing the page was read for this template.
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
_RIIGIKOGU = Actor(name="Riigikogu", local_name="Riigikogu")
_PRESIDENT = Actor(name="President", local_name="Vabariigi President")
_MFA = Actor(name="Ministry of Foreign Affairs", local_name="Välisministeerium")

PROCEDURE = Procedure(
    key="EE",
    name="Estonia",
    summary="A Government bill adopted by the Riigikogu and proclaimed by the President; "
    "the Ministry of Foreign Affairs deposits the instrument.",
    legal_basis=(
        "Constitution §121 (the Riigikogu ratifies and denounces treaties)",
        "Constitution §107 (the President may return an Act within 14 days of receipt)",
        "Foreign Relations Act (termination of treaties; section unconfirmed)",
    ),
    steps=(
        StepRule(
            step=Step.INITIATIVE,
            actor=Actor(name="Minister of Defence", local_name="Kaitseminister"),
            required=False,
            provision="political recommendation, no legal effect",
        ),
        StepRule(
            step=Step.GOVERNMENT_DECISION,
            actor=Actor(name="Government of the Republic", local_name="Vabariigi Valitsus"),
            provision="Foreign Relations Act (section unconfirmed)",
            note="Not a prerequisite: MPs can table a denunciation bill in form (726 SE, "
            "2022), though a committee chair read the law as reserving it to the Government.",
        ),
        StepRule(
            step=Step.PARLIAMENT_APPROVAL,
            actor=_RIIGIKOGU,
            provision="Constitution §121",
        ),
        StepRule(
            step=Step.LAW_RETURNED,
            actor=_PRESIDENT,
            required=False,
            requires=(Step.PARLIAMENT_APPROVAL,),
            reopens=(Step.PARLIAMENT_APPROVAL,),
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="Constitution §107",
            note="After a second unamended adoption the President proclaims or refers the "
            "Act to the Supreme Court (not modelled).",
        ),
        StepRule(
            step=Step.PARLIAMENT_REJECTION,
            actor=_RIIGIKOGU,
            required=False,
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="Riigikogu Rules of Procedure and Internal Rules Act",
            note="Precedent: bill 726 SE rejected at first reading, 12 Jan 2023.",
        ),
        StepRule(
            step=Step.HEAD_OF_STATE_ACT,
            actor=_PRESIDENT,
            requires=(Step.PARLIAMENT_APPROVAL,),
            provision="Constitution §107 (proclamation, väljakuulutamine)",
        ),
        # The instrument carries out the denunciation Act, so it waits until the President
        # has proclaimed that Act (Constitution §107).
        *international_steps(
            _MFA,
            deposit_requires=(Step.HEAD_OF_STATE_ACT,),
            deposit_provision="Ottawa Art. 20(2)-(3); VCLT Arts. 67(2), 78(b)",
            notify_provision="Ottawa Art. 20(2)",
        ),
    ),
    deadlines=(
        # Constitution §107: the President may refuse to proclaim and return the Act
        # within 14 days of *receiving* it. Receipt by the President is not a recorded
        # step, so the rule is documented, not checked.
        Deadline(
            step=Step.LAW_RETURNED,
            after=Step.PARLIAMENT_APPROVAL,
            latest=Period(days=14),
            provision="Constitution §107",
            note="Counted from the President's receipt of the Act, not from the vote.",
            enforced=False,
        ),
    ),
    durations=(
        Duration(
            step=Step.GOVERNMENT_DECISION, period=Period(days=37), basis="2025 case: 2025-03-18 → 2025-04-24"
        ),
        Duration(
            step=Step.PARLIAMENT_APPROVAL, period=Period(days=41), basis="2025 case: 2025-04-24 → 2025-06-04"
        ),
        Duration(
            step=Step.HEAD_OF_STATE_ACT, period=Period(days=9), basis="2025 case: 2025-06-04 → 2025-06-13"
        ),
        Duration(
            step=Step.INSTRUMENT_DEPOSITED,
            period=Period(days=14),
            basis="2025 case: 2025-06-13 → 2025-06-27 (coordinated with LV and LT)",
        ),
    ),
    sources=(
        Source(
            url="https://pohiseadus.riigioigus.ee/v1/eesti-vabariigi-pohiseadus/ix-valissuhted-ja-valislepingud-ss-120-123/ss-121-riigikogu-poolt",
            read_on=_READ,
            supports="Constitution §121",
        ),
        Source(
            url="https://eesti-pohiseadus.ee/konstituciya/glava-vii/paragraf-107/",
            read_on=_READ,
            supports="Constitution §107",
        ),
        Source(
            url="https://news.err.ee/1609713534/estonia-votes-to-leave-ottawa-anti-personnel-landmine-ban-convention",
            read_on=_READ,
            supports="Riigikogu vote 4 Jun 2025",
        ),
        Source(
            url="https://www.err.ee/1609721382/president-karis-kiitis-heaks-ettepaneku-lahkuda-ottawa-konventsioonist",
            read_on=_READ,
            supports="proclamation 13 Jun 2025",
        ),
    ),
    unconfirmed=(
        "The Foreign Relations Act section on termination.",
        "Whether §106 excludes denunciation from referendum.",
        "The number of readings of bill 642 SE (probably two) and its Riigi Teataja publication.",
        "Who signed the 2025 instrument.",
    ),
    aliases=("EST", "ESTONIA"),
)
