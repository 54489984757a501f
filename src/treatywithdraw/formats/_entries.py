"""Dated entries of withdrawals: what the calendar and diagram exports draw.

One :class:`Entry` per recorded step with a date, per projected step, and for the
effect (or the end of the notice period while a suspensive condition holds). Shared by
:mod:`treatywithdraw.formats.ics` and :mod:`treatywithdraw.formats.mermaid`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from treatywithdraw._dates import at_depositary, shown
from treatywithdraw.effects import Effect
from treatywithdraw.errors import InvalidArgumentError, NotAWithdrawalError
from treatywithdraw.procedures import Step
from treatywithdraw.timeline import Suspension, Withdrawal

__all__ = ["Entry", "entries", "windows", "withdrawals_of"]

_ONE_DAY = timedelta(days=1)
_VCLT56 = "VCLT Art. 56(2)"


@attrs.frozen(kw_only=True)
class Entry:
    """One dated thing to show: a recorded or projected step, or the effect.

    ``kind`` is ``recorded``, ``projected`` (a step), ``effective`` or ``pending`` (the
    end of the notice period while a suspensive condition holds); ``projected`` is true
    for a projected step and for an effect that follows from a projected receipt.
    """

    kind: str
    day: date
    title: str
    details: tuple[str, ...] = ()
    step: Step | None = None
    until: date | None = None
    """The last day of a span (a legal window); ``None`` for a one-day entry."""
    projected: bool = False
    article: str = ""
    """For the effect: the provision the notice period comes from."""


def withdrawals_of(value: object, caller: str) -> tuple[Withdrawal, ...]:
    """One withdrawal or an iterable of them, as a non-empty tuple."""
    items: tuple[object, ...]
    if isinstance(value, (Withdrawal, Suspension)):
        items = (value,)
    elif isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = tuple(value)
    else:
        raise InvalidArgumentError(
            f"{caller}() takes a Withdrawal or an iterable of them, not {type(value).__name__} {shown(value)}",
            value=value,
            field="withdrawals",
        )
    if not items:
        raise InvalidArgumentError(
            f"{caller}() was given no withdrawal (an empty {type(value).__name__}): pass at least one Withdrawal",
            value=value,
            field="withdrawals",
        )
    out: list[Withdrawal] = []
    for i, item in enumerate(items):
        if isinstance(item, Suspension):
            raise NotAWithdrawalError(
                f"{caller}() draws withdrawals; item {i} is a suspension. {item.explain()}",
                basis=item.basis,
            )
        if not isinstance(item, Withdrawal):
            raise InvalidArgumentError(
                f"{caller}(): item {i} is {type(item).__name__} {shown(item)}, not a Withdrawal: build one with "
                "Withdrawal.start() or load_timeline()",
                value=item,
                field="withdrawals",
            )
        out.append(item)
    return tuple(out)


def _who(w: Withdrawal, step: Step) -> str:
    rule = w.procedure.get(step)
    return "" if rule is None else str(rule.actor)


def _effect_entry(effect: Effect, *, projected: bool) -> Entry | None:
    article = _VCLT56 if effect.rule == "vclt56" else effect.treaty.clause.article
    derivation = tuple(effect.explain().splitlines())
    if projected:
        derivation = ("Projected: the instrument has not been received yet.", *derivation)
    if effect.date is not None:
        title = "withdrawal takes effect" + (" (projected)" if projected else "")
        return Entry(
            kind="effective",
            day=effect.date,
            title=title,
            details=(article, *derivation),
            projected=projected,
            article=article,
        )
    if effect.expiry is not None:
        title = "notice period ends, effect pending" + (" (projected)" if projected else "")
        reason = f"Pending: {effect.pending}" if effect.pending else "Pending."
        return Entry(
            kind="pending",
            day=effect.expiry,
            title=title,
            details=(article, reason, *derivation),
            projected=projected,
            article=article,
        )
    return None  # pragma: no cover - an effect always has a date or an expiry


def entries(w: Withdrawal, as_of: date | None, caller: str) -> tuple[Entry, ...]:
    """The dated entries of one withdrawal, in order: recorded, projected, the effect."""
    as_of = at_depositary(as_of, w.treaty.depositary.time_zone)  # an instant: the depositary's day
    out: list[Entry] = []
    for e in w.events:
        if e.on is None:
            continue
        rule = w.procedure.get(e.step)
        details = [f"{e.step} — {_who(w, e.step)}" if rule is not None else str(e.step)]
        if rule is not None and rule.provision:
            details.append(f"Provision: {rule.provision}")
        if e.confidence is not None:
            details.append(f"Confidence: {e.confidence}")
        if e.note:
            details.append(e.note)
        details.extend(f"Source: {s}" for s in e.sources)
        out.append(Entry(kind="recorded", day=e.on, title=str(e.step), details=tuple(details), step=e.step))
    if not out and as_of is None:
        raise InvalidArgumentError(
            f"{caller}(): {w.party}'s withdrawal from {w.treaty} has no dated step to show: "
            "pass as_of= (the day to project its remaining steps from)",
            value=None,
            field="as_of",
        )
    projection = w.project(start=as_of)
    for s in projection.steps:
        out.append(
            Entry(
                kind="projected",
                day=s.on,
                title=f"{s.step} (projected)",
                details=(f"{s.step} — {_who(w, s.step)}", f"Projected date: {s.basis}"),
                step=s.step,
                projected=True,
            )
        )
    if projection.effect is not None:
        received = w.deposit
        projected = received is None or received.on is None
        entry = _effect_entry(projection.effect, projected=projected)
        if entry is not None:
            out.append(entry)
    return tuple(out)


def windows(w: Withdrawal, as_of: date | None) -> tuple[Entry, ...]:
    """The legal windows of the steps due on ``as_of`` (the agenda), as spans.

    A window bounded on both sides is a span from its first to its last day; one bounded
    on one side only is its bound, one day. Optional steps are left out: a calendar
    shows what is due.
    """
    as_of = at_depositary(as_of, w.treaty.depositary.time_zone)  # an instant: the depositary's day
    out: list[Entry] = []
    for item in w.agenda(as_of):
        if not item.required or (item.earliest is None and item.latest is None):
            continue
        first = item.earliest if item.earliest is not None else item.latest
        assert first is not None
        cited = "; ".join(dict.fromkeys(p for p in (item.earliest_provision, item.latest_provision) if p))
        details = [item.describe(), f"Provision: {cited}" if cited else f"Provision: {item.provision}"]
        details.extend(f"Condition: {c}" for c in item.conditions)
        out.append(
            Entry(
                kind="window",
                day=first,
                until=item.latest if item.earliest is not None and item.latest is not None else None,
                title=f"{item.step} due" + (" (overdue)" if item.overdue else ""),
                details=tuple(details),
                step=item.step,
            )
        )
    return tuple(out)
