"""One view of a withdrawal on a given day: what the exports and the command line read.

:func:`view` answers, for one day, everything a reader asks of a withdrawal: the status,
the steps known by then (later ones only counted), what is due (the agenda with its
legal windows), and the effect if the depositary had received the instrument by then,
or else a projection, labelled as such. The JSON of ``treatywithdraw timeline --json``
and the windows of the iCalendar export are read from it, so no export re-derives the
status.

>>> from treatywithdraw.formats import load_timeline
>>> w = load_timeline("seeds/lv-ottawa-2025.toml")
>>> v = view(w, "2025-04-20")
>>> v.status, [str(e.step) for e in v.recorded], v.later
(<Status.IN_PREPARATION: 'in-preparation'>, ['initiative', 'government-decision', 'parliament-approval'], 2)
>>> [(str(i.step), i.earliest, i.latest) for i in v.agenda if i.required]
[('head-of-state-act', datetime.date(2025, 4, 23), datetime.date(2025, 5, 7))]
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from treatywithdraw._dates import DateLike, as_date
from treatywithdraw._inputs import of_type, tuple_of
from treatywithdraw.effects import Effect
from treatywithdraw.errors import TreatyWithdrawError
from treatywithdraw.procedures import Step
from treatywithdraw.timeline import AgendaItem, Event, Projection, Status, Withdrawal

__all__ = ["VIEW_SCHEMA", "WithdrawalView", "view"]

VIEW_SCHEMA = "treatywithdraw.view/1"
"""The ``schema`` field of a view's JSON (``treatywithdraw timeline FILE --json``)."""


@attrs.frozen(kw_only=True)
class WithdrawalView:
    """A withdrawal as known on ``as_of``.

    ``recorded`` are the steps known by that day, ``later`` how many were recorded after
    it (not shown as facts). ``effect`` is the effect of an instrument received by that
    day; otherwise ``projection`` projects the remaining steps (``None`` when nothing
    can be projected), and ``problem`` says why when neither can be computed.
    """

    withdrawal: Withdrawal = attrs.field(validator=of_type(Withdrawal))
    as_of: date = attrs.field(validator=of_type(date))
    status: Status | None = attrs.field(validator=of_type(Status, optional=True))
    recorded: tuple[Event, ...] = attrs.field(validator=tuple_of(Event))
    later: int = attrs.field(validator=of_type(int))
    agenda: tuple[AgendaItem, ...] = attrs.field(validator=tuple_of(AgendaItem))
    effect: Effect | None = attrs.field(default=None, validator=of_type(Effect, optional=True))
    projection: Projection | None = attrs.field(default=None, validator=of_type(Projection, optional=True))
    problem: str = attrs.field(default="", validator=of_type(str))

    def __repr__(self) -> str:
        w = self.withdrawal
        status = self.status.value if self.status is not None else "no status"
        return f"WithdrawalView({w.party}, {w.treaty.key}, as of {self.as_of.isoformat()}, {status})"

    def to_record(self) -> dict[str, Any]:
        """The view as JSON-ready data: schema, status, steps, agenda, effect or projection."""
        w = self.withdrawal
        out: dict[str, Any] = {
            "schema": VIEW_SCHEMA,
            "party": w.party,
            "treaty": w.treaty.key,
            "procedure": w.procedure.key,
            "as_of": self.as_of.isoformat(),
            "status": None if self.status is None else str(self.status),
            "recorded": [
                {
                    "step": str(e.step),
                    "on": None if e.on is None else e.on.isoformat(),
                    "actor": str(rule.actor) if (rule := w.procedure.get(e.step)) else None,
                    "confidence": None if e.confidence is None else str(e.confidence),
                    "sources": list(e.sources),
                    "note": e.note,
                }
                for e in self.recorded
            ],
            "recorded_later": self.later,
            "agenda": [item.to_record() for item in self.agenda],
            "effect": None,
            "projection": None,
            "problem": self.problem or None,
        }
        if self.effect is not None:
            out["effect"] = _effect_record(self.effect)
        if self.projection is not None:
            out["projection"] = {
                "steps": [
                    {"step": str(s.step), "on": s.on.isoformat(), "basis": s.basis}
                    for s in self.projection.steps
                ],
                "deposit": None if self.projection.deposit is None else self.projection.deposit.isoformat(),
                "effect": None if self.projection.effect is None else _effect_record(self.projection.effect),
                "note": self.projection.note or None,
            }
        return out


def _effect_record(e: Effect) -> dict[str, Any]:
    from treatywithdraw.calendars import closed, weekday

    return {
        "article": e.treaty.clause.article,
        "received": e.received.isoformat(),
        "received_weekday": weekday(e.received),
        "depositary_closed_on_receipt": closed(e.treaty, e.received),
        "expiry": None if e.expiry is None else e.expiry.isoformat(),
        "effective_date": None if e.date is None else e.date.isoformat(),
        "effective_weekday": None if e.date is None else weekday(e.date),
        "pending": e.pending,
        "convention": None if e.convention is None else e.convention.value,
        "rule": e.rule,
        "explanation": e.explain().splitlines(),
        "derivation": [step.to_record() for step in e.derivation()],
    }


def view(w: Withdrawal, as_of: DateLike) -> WithdrawalView:
    """The withdrawal ``w`` as known on ``as_of`` (see :class:`WithdrawalView`).

    Never raises for what the law leaves open (an ambiguous month end, a notice not
    allowed): ``problem`` says it instead, so an export can still show the rest.
    """
    day = as_date(as_of, "as_of", w.treaty.depositary.time_zone)
    known = tuple(w._known_by(day))
    problem = ""
    try:
        status: Status | None = w.status(day)
    except TreatyWithdrawError as exc:
        status, problem = None, str(exc)
    effect = projection = None
    if any(e.step is Step.INSTRUMENT_DEPOSITED for e in known) and not any(
        e.step is Step.REVOCATION for e in known
    ):
        try:
            effect = w.effect
        except TreatyWithdrawError as exc:
            problem = problem or str(exc)
    elif not any(e.step in (Step.REVOCATION, Step.PARLIAMENT_REJECTION) for e in known):
        try:
            projection = attrs.evolve(w, events=known).project(start=day)
        except TreatyWithdrawError as exc:
            problem = problem or f"no projection: {exc}"
    return WithdrawalView(
        withdrawal=w,
        as_of=day,
        status=status,
        recorded=known,
        later=len(w.events) - len(known),
        agenda=w.agenda(day),
        effect=effect,
        projection=projection,
        problem=problem,
    )
