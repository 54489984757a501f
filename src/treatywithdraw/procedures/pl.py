"""Poland: a statute consents to denunciation, then the President denounces.

Legal basis (research/domestic_procedures.md §4.2–4.3):

- Constitution Art. 89(1): ratification **and denunciation** of an agreement on peace,
  alliances, political or military matters (among others) need prior consent granted by
  statute.
- Constitution Art. 133(1)(1): the President ratifies and **denounces** agreements. The
  consent statute does not itself denounce: a separate presidential act does.
- Act on International Agreements of 14 Apr 2000, Art. 22: the denunciation is submitted
  to the President only after the consent statute is obtained; a government statement
  on the loss of binding force is published as the agreement was.
- Constitution Arts. 119 (three readings in the Sejm), 121 (the Senate has 30 days from
  transmission), 122 (the President signs within 21 days of presentation; may refer the
  statute to the Constitutional Tribunal; a veto is overridden by 3/5 of the Sejm, after
  which the President signs within 7 days).

The 2025 Ottawa withdrawal (seeds/pl-ottawa-2025.toml): PM announcement 7 Mar, Sejm
25 Jun (413–15–3), Senate and President's signature in July (days unconfirmed), the
President denounces 5 Aug, notification to the UN Secretary-General 20 Aug (Government
statement of 5 Sep 2025, Dz. U. 2025 poz. 1514), effect 20 Feb 2026.

``read_on`` is the day the page (or the research note citing it) was read.
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
_SEJM = Actor(name="Sejm", local_name="Sejm")
_PRESIDENT = Actor(name="President", local_name="Prezydent Rzeczypospolitej Polskiej")
_MFA = Actor(name="Ministry of Foreign Affairs", local_name="Ministerstwo Spraw Zagranicznych")

PROCEDURE = Procedure(
    key="PL",
    name="Poland",
    summary="A statute consenting to denunciation (Sejm, Senate, President's signature), "
    "then the President's act of denunciation; the MFA notifies the depositary.",
    legal_basis=(
        "Constitution Art. 89(1) (denunciation needs prior consent by statute)",
        "Constitution Art. 133(1)(1) (the President denounces)",
        "Act on International Agreements of 14 April 2000, Art. 22",
        "Constitution Arts. 119, 121, 122 (legislative procedure)",
    ),
    steps=(
        StepRule(
            step=Step.INITIATIVE,
            actor=Actor(name="Prime Minister", local_name="Prezes Rady Ministrów"),
            required=False,
            provision="political announcement, no legal effect",
        ),
        StepRule(
            step=Step.GOVERNMENT_DECISION,
            actor=Actor(name="Council of Ministers", local_name="Rada Ministrów"),
            provision="Constitution Art. 118(1) (government bill)",
            note="Not a prerequisite: MPs can table the bill (Konfederacja, 23 May 2024).",
        ),
        StepRule(
            step=Step.PARLIAMENT_APPROVAL,
            actor=_SEJM,
            provision="Constitution Arts. 89(1), 119 (three readings)",
        ),
        StepRule(
            step=Step.SENATE_APPROVAL,
            actor=Actor(name="Senate", local_name="Senat"),
            requires=(Step.PARLIAMENT_APPROVAL,),
            provision="Constitution Art. 121",
            note="Senate amendments or rejection send the bill back to the Sejm (not modelled).",
        ),
        StepRule(
            step=Step.LAW_RETURNED,
            actor=_PRESIDENT,
            required=False,
            requires=(Step.SENATE_APPROVAL,),
            reopens=(Step.PARLIAMENT_APPROVAL,),
            not_after=(Step.HEAD_OF_STATE_ACT, Step.DENUNCIATION_DECISION, Step.INSTRUMENT_DEPOSITED),
            provision="Constitution Art. 122(5) (veto; the Sejm overrides by 3/5)",
        ),
        StepRule(
            step=Step.PARLIAMENT_REJECTION,
            actor=_SEJM,
            required=False,
            not_after=(Step.HEAD_OF_STATE_ACT, Step.DENUNCIATION_DECISION, Step.INSTRUMENT_DEPOSITED),
            provision="Constitution Arts. 119-121",
        ),
        StepRule(
            step=Step.HEAD_OF_STATE_ACT,
            actor=_PRESIDENT,
            requires=(Step.SENATE_APPROVAL,),
            provision="Constitution Art. 122 (signature of the consent statute)",
        ),
        StepRule(
            step=Step.DENUNCIATION_DECISION,
            actor=_PRESIDENT,
            requires=(Step.HEAD_OF_STATE_ACT,),
            provision="Constitution Art. 133(1)(1); Act on International Agreements Art. 22",
            note="On the Foreign Minister's request, only after the consent statute.",
        ),
        # The consent statute does not itself denounce: the instrument carries the
        # President's act of denunciation (Constitution Art. 133(1)(1); Act on
        # International Agreements Art. 22).
        *international_steps(
            _MFA,
            deposit_requires=(Step.DENUNCIATION_DECISION,),
            deposit_provision="Ottawa Art. 20(2)-(3); VCLT Arts. 67(2), 78(b)",
            notify_provision="Ottawa Art. 20(2)",
        ),
    ),
    deadlines=(
        # Constitution Art. 121(2): the Senate acts within 30 days of the bill's
        # transmission, which is not a recorded step: documented, not checked.
        Deadline(
            step=Step.SENATE_APPROVAL,
            after=Step.PARLIAMENT_APPROVAL,
            latest=Period(days=30),
            provision="Constitution Art. 121(2)",
            note="Counted from transmission to the Senate; silence is acceptance.",
            enforced=False,
        ),
        # Constitution Art. 122(2): the President signs within 21 days of presentation,
        # which is not a recorded step: documented, not checked.
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.SENATE_APPROVAL,
            latest=Period(days=21),
            provision="Constitution Art. 122(2)",
            note="Counted from presentation by the Marshal of the Sejm.",
            enforced=False,
        ),
        # Constitution Art. 122(5): after the Sejm overrides a veto the President signs
        # within 7 days.
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.PARLIAMENT_APPROVAL,
            latest=Period(days=7),
            only_if=(Step.LAW_RETURNED,),
            provision="Constitution Art. 122(5)",
            note="Counted from the override vote; presentation may come later.",
            enforced=False,
        ),
    ),
    durations=(
        Duration(
            step=Step.GOVERNMENT_DECISION,
            period=Period(days=70),
            basis="assumed: adoption date unconfirmed; the bill reached the Sejm by "
            "20 May 2025, 74 days after the 7 Mar announcement",
        ),
        Duration(
            step=Step.PARLIAMENT_APPROVAL,
            period=Period(days=40),
            basis="assumed: 2025 first reading 20 May, final vote 25 Jun",
        ),
        Duration(
            step=Step.SENATE_APPROVAL,
            period=Period(days=14),
            basis="assumed: 2025 date unconfirmed (Art. 121 allows 30 days)",
        ),
        Duration(
            step=Step.HEAD_OF_STATE_ACT,
            period=Period(days=14),
            basis="assumed: signed in July 2025, day unconfirmed (Art. 122 allows 21 days)",
        ),
        Duration(
            step=Step.DENUNCIATION_DECISION,
            period=Period(days=13),
            basis="2025 case: 41 days from the Sejm vote (2025-06-25 → 2025-08-05), "
            "less the 28 assumed for the Senate and the signature",
        ),
        Duration(
            step=Step.INSTRUMENT_DEPOSITED, period=Period(days=15), basis="2025 case: 2025-08-05 → 2025-08-20"
        ),
    ),
    sources=(
        Source(
            url="https://pzg.warszawa.pl/konstytucja/art-89/", read_on=_READ, supports="Constitution Art. 89"
        ),
        Source(
            url="https://k.prezydent.pl/prezydent/kompetencje/legislacja/ratyfikowanie-umow-miedzynarodowych",
            read_on=_READ,
            supports="Constitution Art. 133(1)(1)",
        ),
        Source(
            url="https://www.gazetaprawna.pl/wiadomosci/artykuly/1381302,sejm-znowelizowal-ustawe-o-umowach-miedzynarodowych.html",
            read_on=_READ,
            supports="Act on International Agreements Art. 22",
        ),
        Source(
            url="https://prawo-pl.com/konstytucja_rp/121.htm", read_on=_READ, supports="Constitution Art. 121"
        ),
        Source(
            url="https://k.prezydent.pl/prezydent/kompetencje/legislacja/prezydent-wobec-uchwalonych-ustaw",
            read_on=_READ,
            supports="Constitution Art. 122",
        ),
        Source(
            url="https://www.infor.pl/akt-prawny/DZU.2025.308.0001514,oswiadczenie-rzadowe-o-utracie-mocy-obowiazujacej-w-stosunku-do-rzeczypospolitej-polskiej-konwencji-o-zakazie-uzycia-skladowania-produkcji-i-przekazywania-min-przeciwpiechotnych-oraz-o-ich-zniszczeniu.html",
            read_on=_READ,
            supports="Government statement of 5 Sep 2025 (Dz. U. 2025 poz. 1514): "
            "denounced 5 Aug 2025, notified to the UN Secretary-General 20 Aug 2025",
        ),
    ),
    unconfirmed=(
        "The dates of the Council of Ministers' adoption, the Senate vote and the "
        "President's signature of the 2025 consent statute.",
        "The publication date of Dz. U. 2025 poz. 1008 and the statute's entry into force "
        "(the 2024 draft said 14 days after promulgation).",
        "Whether the President could decline to denounce after signing the statute.",
        "Senate amendments and the Sejm's reconsideration are not modelled.",
    ),
    aliases=("POL", "POLAND"),
)
