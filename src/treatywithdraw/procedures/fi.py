"""Finland: the Eduskunta consents, then the President decides on the withdrawal.

Legal basis (research/domestic_procedures.md §5.2–5.3):

- Constitution s. 93(1): foreign policy is directed by the President in cooperation
  with the Government; Parliament accepts international obligations **and their
  denouncement**.
- Constitution s. 94: Parliament's acceptance is needed to denounce obligations with
  legislative provisions or otherwise significant; a majority of votes cast (two thirds
  for the Constitution, borders or a significant transfer of sovereignty).
- A government proposal is required; the President decides the withdrawal **after**
  Parliament consents.

The 2025 Ottawa withdrawal (seeds/fi-ottawa-2025.toml): Government decides to prepare
1 Apr, approves HE 56/2025 on 28 May, Eduskunta consents 19 Jun (157–18), President
decides 4 Jul, receipt by the UN Secretary-General 10 Jul 2025, effect 10 Jan 2026.

``read_on`` is the day the research note citing the page was read for this template.
"""

from __future__ import annotations

from datetime import date

from treatywithdraw.periods import Period
from treatywithdraw.procedures._model import (
    Actor,
    Duration,
    Procedure,
    Source,
    Step,
    StepRule,
    international_steps,
)

__all__ = ["PROCEDURE"]

_READ = date(2026, 11, 27)
_GOVERNMENT = Actor(name="Government", local_name="Valtioneuvosto")
_EDUSKUNTA = Actor(name="Parliament", local_name="Eduskunta")
_PRESIDENT = Actor(name="President of the Republic", local_name="Tasavallan presidentti")
_MFA = Actor(name="Ministry for Foreign Affairs", local_name="Ulkoministeriö")

PROCEDURE = Procedure(
    key="FI",
    name="Finland",
    summary="A government proposal; the Eduskunta consents; the President, in "
    "Government session, decides the withdrawal; the MFA deposits the instrument.",
    legal_basis=(
        "Constitution s. 93(1) (Parliament accepts denouncement of obligations)",
        "Constitution s. 94 (acceptance; majority of votes cast)",
    ),
    steps=(
        StepRule(
            step=Step.INITIATIVE,
            actor=_GOVERNMENT,
            required=False,
            provision="Constitution s. 93(1)",
            note="2025: the Government decides to prepare the withdrawal (1 Apr).",
        ),
        StepRule(
            step=Step.GOVERNMENT_DECISION,
            actor=_GOVERNMENT,
            provision="Constitution s. 93-94 (government proposal, hallituksen esitys)",
            note="2025: draft sent for comment until 16 May; Chancellor of Justice opinion "
            "15 May (legality review, not a veto).",
        ),
        StepRule(
            step=Step.PARLIAMENT_APPROVAL,
            actor=_EDUSKUNTA,
            requires=(Step.GOVERNMENT_DECISION,),
            provision="Constitution s. 94 (majority of votes cast)",
        ),
        StepRule(
            step=Step.PARLIAMENT_REJECTION,
            actor=_EDUSKUNTA,
            required=False,
            requires=(Step.GOVERNMENT_DECISION,),
            not_after=(Step.DENUNCIATION_DECISION, Step.INSTRUMENT_DEPOSITED),
            provision="Constitution s. 94",
        ),
        StepRule(
            step=Step.DENUNCIATION_DECISION,
            actor=_PRESIDENT,
            requires=(Step.PARLIAMENT_APPROVAL,),
            provision="Constitution s. 93(1); President decides after Parliament consents",
        ),
        # The instrument carries the President's decision to withdraw, taken after the
        # Eduskunta consents (Constitution s. 93(1)).
        *international_steps(
            _MFA,
            deposit_requires=(Step.DENUNCIATION_DECISION,),
            deposit_provision="Ottawa Art. 20(2)-(3); VCLT Arts. 67(2), 78(b)",
            notify_provision="Ottawa Art. 20(2)",
        ),
    ),
    durations=(
        Duration(
            step=Step.GOVERNMENT_DECISION, period=Period(days=57), basis="2025 case: 2025-04-01 → 2025-05-28"
        ),
        Duration(
            step=Step.PARLIAMENT_APPROVAL, period=Period(days=22), basis="2025 case: 2025-05-28 → 2025-06-19"
        ),
        Duration(
            step=Step.DENUNCIATION_DECISION,
            period=Period(days=15),
            basis="2025 case: 2025-06-19 → 2025-07-04",
        ),
        Duration(
            step=Step.INSTRUMENT_DEPOSITED, period=Period(days=6), basis="2025 case: 2025-07-04 → 2025-07-10"
        ),
    ),
    sources=(
        Source(
            url="https://xtra.net/daily/article/finland-1999-constitution-reviewed-2011/8",
            read_on=_READ,
            supports="Constitution ss. 93-94",
        ),
        Source(
            url="https://finlex.fi/fi/hallituksen-esitykset/2025/56", read_on=_READ, supports="HE 56/2025 vp"
        ),
        Source(
            url="https://www.verkkouutiset.fi/a/asiantuntija-tyrmaa-sprn-miinanakemyksen-perustelut-heikkoja",
            read_on=_READ,
            supports="President's decision 4 Jul 2025",
        ),
        Source(
            url="https://www.verkkouutiset.fi/a/suomi-on-nyt-vapaa-ottawan-sopimuksesta-paatos-oli-oikea-ja-valttamaton/",
            read_on=_READ,
            supports="deposit 10 Jul 2025; effect 10 Jan 2026",
        ),
    ),
    unconfirmed=(
        "What happens if the President does not follow the Government's proposal (Constitution s. 58).",
        "The dates of the accompanying laws (repeal of the enforcement Act, Criminal Code): "
        "not modelled as steps.",
        "The date HE 56/2025 was handed to Parliament; committee report dates.",
        "A citizens' initiative as an alternative trigger.",
    ),
    aliases=("FIN", "FINLAND"),
)
