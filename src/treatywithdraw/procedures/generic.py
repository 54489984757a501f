"""A generic parliamentary procedure, for states without a template of their own.

The usual path of a parliamentary democracy: a government decision, parliament's
approval, the head of state's act, then the instrument deposited with the depositary.
The library does not know the state's constitution, so the domestic steps are **not**
prerequisites of the deposit: a deposit recorded without them is accepted as the fact
it is (South Africa deposited its Rome Statute withdrawal on 19 October 2016 without
parliament's approval; its High Court later found that unconstitutional). When domestic
steps are recorded, their order is still checked.

Typical durations are rounded medians of the 2025 Ottawa cases (LV, LT, EE, FI).
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
_PARLIAMENT = Actor(name="Parliament")
_FOREIGN_MINISTRY = Actor(name="Ministry of Foreign Affairs")

PROCEDURE = Procedure(
    key="generic",
    name="Generic parliamentary procedure",
    summary="Government decision, parliament's approval, head of state's act, deposit; "
    "only the order of what is recorded is checked.",
    legal_basis=(
        "VCLT Art. 54(a) (withdrawal in conformity with the treaty's provisions)",
        "VCLT Art. 67(2) (instrument communicated to the other parties)",
        "VCLT Art. 68 (revocation before the withdrawal takes effect)",
    ),
    steps=(
        StepRule(
            step=Step.INITIATIVE,
            actor=Actor(name="Government or parliament"),
            required=False,
            provision="political initiative, no legal effect",
        ),
        StepRule(
            step=Step.GOVERNMENT_DECISION, actor=Actor(name="Government"), provision="domestic constitution"
        ),
        StepRule(step=Step.PARLIAMENT_APPROVAL, actor=_PARLIAMENT, provision="domestic constitution"),
        StepRule(
            step=Step.LAW_RETURNED,
            actor=Actor(name="Head of state"),
            required=False,
            requires=(Step.PARLIAMENT_APPROVAL,),
            reopens=(Step.PARLIAMENT_APPROVAL,),
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="domestic constitution (suspensive veto)",
        ),
        StepRule(
            step=Step.PARLIAMENT_REJECTION,
            actor=_PARLIAMENT,
            required=False,
            not_after=(Step.HEAD_OF_STATE_ACT, Step.INSTRUMENT_DEPOSITED),
            provision="domestic constitution",
        ),
        StepRule(
            step=Step.HEAD_OF_STATE_ACT,
            actor=Actor(name="Head of state"),
            provision="domestic constitution (promulgation or signature)",
        ),
        # Nothing domestic is required before the deposit: the library does not know the
        # state's constitution, and a deposit made without parliament is still a fact.
        *international_steps(
            _FOREIGN_MINISTRY,
            deposit_requires=(),
            deposit_provision="the treaty's withdrawal clause; VCLT Arts. 67(2), 78(b)",
            notify_provision="the treaty's withdrawal clause",
        ),
    ),
    durations=(
        Duration(
            step=Step.GOVERNMENT_DECISION,
            period=Period(days=30),
            basis="rounded median of the 2025 Ottawa cases (7, 22, 37, 57 days)",
        ),
        Duration(
            step=Step.PARLIAMENT_APPROVAL,
            period=Period(days=25),
            basis="rounded median of the 2025 Ottawa cases (22, 22, 27, 41 days)",
        ),
        Duration(
            step=Step.HEAD_OF_STATE_ACT, period=Period(days=9), basis="2025 Ottawa cases: LV 8, EE 9 days"
        ),
        Duration(
            step=Step.INSTRUMENT_DEPOSITED,
            period=Period(days=14),
            basis="median of the 2025 Ottawa cases (LV 64, EE 14, FI 6 days)",
        ),
    ),
    approval=(Step.PARLIAMENT_APPROVAL, Step.HEAD_OF_STATE_ACT),
    sources=(
        Source(
            url="http://hozir.org/vienna-convention-on-the-law-of-treaties-between-states-and-in.html?page=17",
            read_on=_READ,
            supports="VCLT Art. 68 (1986 text, mirroring 1969)",
        ),
    ),
    unconfirmed=("Everything constitutional: use a country template where one exists.",),
    aliases=("GENERIC",),
)
