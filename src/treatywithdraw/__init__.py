"""treatywithdraw: when a state's withdrawal from a treaty takes effect, and how it gets there.

>>> import treatywithdraw as tw
>>> tw.effective_date("ottawa", "2025-06-27")
datetime.date(2025, 12, 27)

The public names below are loaded on first use (PEP 562), so ``import treatywithdraw``
stays cheap for programs that only need a part of it; the errors are loaded at once.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Errors: one tree, always loaded (they are small and every layer raises them).
from treatywithdraw.errors import (
    AmbiguousDateError,
    CatalogueError,
    CatalogueWarning,
    EffectPendingError,
    Fix,
    InvalidArgumentError,
    InvalidDateError,
    InvalidTransitionError,
    MissingExtraError,
    NotAWithdrawalError,
    NoticeNotAllowedError,
    NoticeTooEarlyError,
    NoticeTooLateError,
    NoWithdrawalClauseError,
    Problem,
    TimelineFileError,
    TreatyWithdrawError,
    UnknownPartyError,
    UnknownTreatyError,
)

if TYPE_CHECKING:
    # Calendar arithmetic
    # Clauses and the catalogue
    from treatywithdraw.bulk import EffectiveDates, effective_dates
    from treatywithdraw.catalogue import Treaty, catalogue_problems, treaties, treaty
    from treatywithdraw.clauses import Convention, WithdrawalClause

    # Effective dates and planning
    from treatywithdraw.effects import (
        Effect,
        earliest_notice_date,
        effect,
        effective_date,
        latest_receipt_date,
    )
    from treatywithdraw.formats import (
        load_timeline,
        parse_timeline,
        procedure_state_diagram,
        timeline_diagram,
        timeline_from_json,
        timeline_gantt,
        timeline_to_json,
        to_ics,
    )
    from treatywithdraw.options import NoticeOptions
    from treatywithdraw.periods import Period, Rounding, add_period
    from treatywithdraw.plot import plot_timelines

    # Procedures and timelines
    # (the registry's `procedures()` stays in treatywithdraw.procedures: the name is the subpackage's)
    from treatywithdraw.procedures import Procedure, Step, procedure
    from treatywithdraw.register import RealWithdrawal, pending, withdrawals
    from treatywithdraw.timeline import AgendaItem, Event, Projection, Status, Suspension, Withdrawal
    from treatywithdraw.view import WithdrawalView, view

_LAZY = {
    "Period": "periods",
    "Rounding": "periods",
    "add_period": "periods",
    "Convention": "clauses",
    "WithdrawalClause": "clauses",
    "Treaty": "catalogue",
    "treaties": "catalogue",
    "catalogue_problems": "catalogue",
    "treaty": "catalogue",
    "NoticeOptions": "options",
    "Effect": "effects",
    "earliest_notice_date": "effects",
    "effect": "effects",
    "effective_date": "effects",
    "latest_receipt_date": "effects",
    "EffectiveDates": "bulk",
    "effective_dates": "bulk",
    "Procedure": "procedures",
    "Step": "procedures",
    "procedure": "procedures",
    "AgendaItem": "timeline",
    "Event": "timeline",
    "Projection": "timeline",
    "Status": "timeline",
    "Suspension": "timeline",
    "Withdrawal": "timeline",
    "RealWithdrawal": "register",
    "pending": "register",
    "withdrawals": "register",
    "WithdrawalView": "view",
    "view": "view",
    "load_timeline": "formats",
    "parse_timeline": "formats",
    "timeline_from_json": "formats",
    "timeline_to_json": "formats",
    "to_ics": "formats",
    "timeline_gantt": "formats",
    "timeline_diagram": "formats",
    "procedure_state_diagram": "formats",
    "plot_timelines": "plot",
}

__all__ = [
    # calendar arithmetic
    "Period",
    "Rounding",
    "add_period",
    # clauses and the catalogue
    "Convention",
    "Treaty",
    "WithdrawalClause",
    "catalogue_problems",
    "treaties",
    "treaty",
    # effective dates and planning
    "NoticeOptions",
    "Effect",
    "earliest_notice_date",
    "effect",
    "effective_date",
    "latest_receipt_date",
    # many receipt days at once (NumPy, the 'bulk' extra, makes it fast)
    "EffectiveDates",
    "effective_dates",
    # procedures and timelines
    "AgendaItem",
    "Event",
    "Procedure",
    "Projection",
    "Status",
    "Step",
    "Suspension",
    "Withdrawal",
    "load_timeline",
    "parse_timeline",
    "procedure",
    "timeline_from_json",
    "timeline_to_json",
    "WithdrawalView",
    "view",
    # the register of real withdrawals
    "RealWithdrawal",
    "pending",
    "withdrawals",
    # exports (iCalendar needs the 'ics' extra, the chart the 'plot' extra)
    "plot_timelines",
    "procedure_state_diagram",
    "timeline_diagram",
    "timeline_gantt",
    "to_ics",
    # errors
    "AmbiguousDateError",
    "CatalogueError",
    "CatalogueWarning",
    "EffectPendingError",
    "Fix",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidTransitionError",
    "MissingExtraError",
    "NoWithdrawalClauseError",
    "NoticeNotAllowedError",
    "NoticeTooEarlyError",
    "NoticeTooLateError",
    "NotAWithdrawalError",
    "Problem",
    "TimelineFileError",
    "TreatyWithdrawError",
    "UnknownPartyError",
    "UnknownTreatyError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        loaded = import_module(f"treatywithdraw.{module}")
        # Bind every public name of that module at once: later look-ups skip this function.
        for public, home in _LAZY.items():
            if home == module:
                globals()[public] = getattr(loaded, public)
        return globals()[name]
    if name == "__version__":
        # importlib.metadata costs more to import than the rest of the package.
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("treatywithdraw")
        except PackageNotFoundError:  # pragma: no cover - a source tree, not installed
            return "0+unknown"
    raise AttributeError(f"module 'treatywithdraw' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
