"""The rules of a procedure, as pure functions of a template and the steps recorded so far.

One engine: :meth:`Withdrawal.record <treatywithdraw.Withdrawal.record>`,
:meth:`~treatywithdraw.Withdrawal.agenda`, :meth:`~treatywithdraw.Withdrawal.project`
and :meth:`~treatywithdraw.Withdrawal.next_steps` all ask these functions, so a rule is
read the same way wherever it applies. Nothing here knows the treaty or the date of
effect; the checks that need them (a notice the treaty does not allow, a revocation
after the effect) stay with the withdrawal.

>>> from treatywithdraw.procedures import procedure
>>> from treatywithdraw.timeline import Event
>>> lv = procedure("LV")
>>> adopted = (Event(step="parliament-approval", on="2025-04-16"),)
>>> w = window(lv, adopted, Step.HEAD_OF_STATE_ACT)
>>> w.earliest, w.latest, w.latest_by.provision
(datetime.date(2025, 4, 23), datetime.date(2025, 5, 7), 'Satversme Art. 69')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

import attrs

from treatywithdraw.periods import Period, shift
from treatywithdraw.procedures._model import Deadline, Procedure, Step

__all__ = [
    "MUST_BE_DATED",
    "TERMINAL",
    "Recorded",
    "Window",
    "applies",
    "bounds",
    "deadline_problem",
    "last_index",
    "order_violations",
    "path_violations",
    "state_violations",
    "reopened_at",
    "satisfied",
    "terminal_event",
    "window",
]

# Steps that need a date: receipt is the legal clock; revocation is judged against the effect.
MUST_BE_DATED = frozenset({Step.INSTRUMENT_DEPOSITED, Step.REVOCATION})
TERMINAL = {Step.REVOCATION: "revoked", Step.PARLIAMENT_REJECTION: "abandoned"}


class Recorded(Protocol):
    """What the rules read of a recorded step (a :class:`~treatywithdraw.Event`)."""

    @property
    def step(self) -> Step: ...
    @property
    def on(self) -> date | None: ...
    @property
    def addressee(self) -> str | None: ...
    def describe(self) -> str: ...


def join(items: Sequence[object]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    names = [str(s) for s in items]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class EventLog(tuple[Any, ...]):
    """A withdrawal's events with the index the rules ask of them, kept as events are added.

    The last position of each step and the first terminal event: :func:`last_index` and
    :func:`terminal_event` read them instead of scanning, so recording the n-th event
    costs the same as the first (issue 15). A plain sequence (a slice, a list) is scanned.

    >>> log = EventLog(())
    >>> log.last, log.terminal
    ({}, None)
    """

    last: dict[Step, int]
    terminal: Any

    def __new__(cls, items: Iterable[Any] = ()) -> EventLog:
        self = super().__new__(cls, items)
        self.last, self.terminal = {}, None
        for i, e in enumerate(self):
            self.last[e.step] = i
            if self.terminal is None and e.step in TERMINAL:
                self.terminal = e
        return self

    def plus(self, event: Any) -> EventLog:
        """These events and ``event`` after them (the index carried over, not rebuilt)."""
        new = tuple.__new__(EventLog, (*self, event))
        new.last = {**self.last, event.step: len(self)}
        new.terminal = self.terminal if self.terminal is not None or event.step not in TERMINAL else event
        return new

    def __reduce__(self) -> tuple[type[EventLog], tuple[tuple[Any, ...]]]:
        return (EventLog, (tuple(self),))


def last_index(events: Sequence[Recorded], step: Step) -> int | None:
    """Position of the last ``step`` recorded, or ``None``."""
    if type(events) is EventLog:
        return events.last.get(step)
    for i in range(len(events) - 1, -1, -1):
        if events[i].step == step:
            return i
    return None


def reopened_at(p: Procedure, events: Sequence[Recorded], step: Step) -> int | None:
    """Position of a branch that sent ``step`` back after its last occurrence (a law returned)."""
    last = last_index(events, step)
    reopeners = p.reopeners(step)
    for i in range(len(events) - 1, -1 if last is None else last, -1):
        if events[i].step in reopeners:
            return i
    return None


def satisfied(p: Procedure, events: Sequence[Recorded], step: Step) -> bool:
    """``step`` was recorded and not sent back since."""
    return last_index(events, step) is not None and reopened_at(p, events, step) is None


def terminal_event(events: Sequence[Recorded]) -> Recorded | None:
    """The revocation or rejection that ended the withdrawal, if any."""
    if type(events) is EventLog:
        return events.terminal  # type: ignore[no-any-return]
    for e in events:
        if e.step in TERMINAL:
            return e
    return None


def state_violations(p: Procedure, events: Sequence[Recorded], step: Step) -> list[str]:
    """Whether anything can be recorded as ``step`` at all: the template lacks it, or the
    withdrawal already ended (revoked, abandoned)."""
    reasons: list[str] = []
    if p.get(step) is None:
        reasons.append(
            f"{step} is not a step of the {p.title} ({p.key}): its steps are {', '.join(p.step_names())}"
        )
    terminal = terminal_event(events)
    if terminal is not None:
        when = terminal.on.isoformat() if terminal.on else "an unconfirmed date"
        reasons.append(
            f"the withdrawal was {TERMINAL[terminal.step]} by {terminal.step} on {when}: "
            "nothing can be recorded after a terminal state; start a new Withdrawal"
        )
    return reasons


def path_violations(
    p: Procedure, events: Sequence[Recorded], step: Step, *, dated: bool, addressee: str | None = None
) -> list[str]:
    """Every rule of the path ``step`` would break if recorded next (dates aside).

    A step recorded twice without a branch reopening it, missing prerequisites, a step
    before one already recorded further on the path, a branch after the steps that
    close it, and (when not ``dated``) a step that needs a date. Empty for a step the
    template lacks (:func:`state_violations` says so). Notice to the parties is one fact per
    ``addressee``: it may be recorded once for each.
    """
    rule = p.get(step)
    if rule is None:
        return []
    reasons: list[str] = []
    reopened = reopened_at(p, events, step)
    last = last_index(events, step)
    if step is Step.PARTIES_NOTIFIED and addressee is not None:
        # One fact per addressee: a notice to another addressee is not a repeat.
        same = [i for i, e in enumerate(events) if e.step is step and e.addressee in (None, addressee)]
        last = same[-1] if same else None
    if last is not None and reopened is None:
        prev = events[last]
        when = prev.on.isoformat() if prev.on else "an unconfirmed date"
        again = p.reopeners(step)
        hint = f" (it can be recorded again only after {join(again)})" if again else ""
        reasons.append(f"{step} was already recorded on {when}{hint}")
    missing = [s for s in p.prerequisites(step) if not satisfied(p, events, s)]
    if missing:
        provisions = "; ".join(dict.fromkeys(p.rule(s).provision for s in missing))
        they = "it has" if len(missing) == 1 else "they have"
        reasons.append(f"{step} needs {join(missing)} first ({provisions}), but {they} not been recorded")
    since = 0 if reopened is None else reopened + 1
    recent = events[since:]
    rank = p.rank(step)
    if rank is not None:
        later = [e for e in recent if (r := p.rank(e.step)) is not None and r > rank and e.step != step]
        if later:
            shown = join([e.describe() for e in later])
            reasons.append(
                f"{step} comes before {join(list(dict.fromkeys(e.step for e in later)))} "
                f"in the {p.title}, but {shown} {'is' if len(later) == 1 else 'are'} already recorded"
            )
    blocked = [e for e in recent if e.step in rule.not_after]
    if blocked:
        reasons.append(
            f"{step} is possible only before {join(rule.not_after)} ({rule.provision}), "
            f"but {join([e.describe() for e in blocked])} {'is' if len(blocked) == 1 else 'are'} already recorded"
        )
    if not dated and step in MUST_BE_DATED:
        reasons.append(
            f"{step} needs a date: "
            + (
                "receipt by the depositary is the legal clock (VCLT Art. 78(b))"
                if step is Step.INSTRUMENT_DEPOSITED
                else "a revocation is valid only before the withdrawal takes effect (VCLT Art. 68)"
            )
        )
    return reasons


def order_violations(
    p: Procedure, events: Sequence[Recorded], step: Step, *, dated: bool, addressee: str | None = None
) -> list[str]:
    """:func:`state_violations` and :func:`path_violations` together: may ``step`` come next?"""
    return [
        *state_violations(p, events, step),
        *path_violations(p, events, step, dated=dated, addressee=addressee),
    ]


def applies(d: Deadline, events: Sequence[Recorded]) -> bool:
    """Whether deadline ``d`` is in force: lifted by an ``unless`` step after the last
    ``after``, in force only after an ``only_if`` step before it. An ``after`` not yet
    recorded (a projected step) comes after everything recorded."""
    i = last_index(events, d.after)
    later = events[i + 1 :] if i is not None else ()
    earlier = events[:i] if i is not None else events
    if d.unless and any(e.step in d.unless for e in later):
        return False
    return not (d.only_if and not any(e.step in d.only_if for e in earlier))


def _both(start: date, period: Period) -> tuple[date, date]:
    """``start + period`` as (backward, forward): equal unless a month end is ambiguous."""
    shifted = shift(start, period)
    return shifted.backward, shifted.forward


def bounds(d: Deadline, ref: date) -> tuple[tuple[date, date] | None, tuple[date, date] | None]:
    """The window ``d`` sets from ``ref`` (the ``after`` step's day): (earliest, latest), each
    as (backward, forward) candidates, ``None`` where the deadline sets no bound."""
    lo = _both(ref, d.earliest) if d.earliest is not None else None
    hi = _both(ref, d.latest) if d.latest is not None else None
    return lo, hi


def _days_apart(gap: int) -> str:
    """How a day stands to a reference day: ``1 day before``, ``3 days after``, ``the same day as``."""
    if gap == 0:
        return "the same day as"
    count = abs(gap)
    return f"{count} day{'' if count == 1 else 's'} {'before' if gap < 0 else 'after'}"


def deadline_problem(d: Deadline, events: Sequence[Recorded], day: date) -> str | None:
    """What is wrong with recording ``d.step`` on ``day``, or ``None``."""
    i = last_index(events, d.after)
    if i is None:
        return None
    ref = events[i].on
    if ref is None or not applies(d, events):
        return None
    lo, hi = bounds(d, ref)
    outside = (lo is not None and day < lo[0]) or (hi is not None and day > hi[1])
    ambiguous = (lo is not None and day < lo[1]) or (hi is not None and day > hi[0])
    if not (outside or ambiguous):
        return None
    if lo is not None and hi is not None:
        span = f"from {lo[1].isoformat()} to {hi[0].isoformat()}"
    elif lo is not None:
        span = f"no earlier than {lo[1].isoformat()}"
    else:
        assert hi is not None
        span = f"no later than {hi[0].isoformat()}"
    message = (
        f"{d.step} on {day.isoformat()} is {_days_apart((day - ref).days)} {d.after} on "
        f"{ref.isoformat()}: {d.provision} places it {span} ({d.window()})"
    )
    if d.unless:
        message += f", unless {' or '.join(d.unless)}"
    if not outside:
        message += (
            "; the bound falls on a day the month lacks, so this day is ambiguous: record "
            "a day clearly inside the window"
        )
    return message


@attrs.frozen(kw_only=True)
class Window:
    """When a step may be taken: the days the legal windows in force allow.

    ``earliest`` and ``latest`` are ``None`` where no rule bounds that side;
    ``earliest_by`` and ``latest_by`` are the deadlines that set them (their
    ``provision`` cites the law). ``conditions`` says what would lift or change a bound
    (``unless law-returned or publication-suspended``). Where a bound falls on a day the
    month lacks, the window keeps only the days inside under both roundings.
    """

    step: Step
    earliest: date | None = None
    latest: date | None = None
    earliest_by: Deadline | None = None
    latest_by: Deadline | None = None
    conditions: tuple[str, ...] = ()


def window(
    p: Procedure, events: Sequence[Recorded], step: Step, known: dict[Step, date] | None = None
) -> Window:
    """The legal window for ``step`` given ``events``: the tightest of the enforced deadlines.

    ``known`` adds days for steps not recorded (projected ones), used when projecting.
    """
    earliest = latest = None
    earliest_by = latest_by = None
    conditions: list[str] = []
    for d in p.deadlines_for(step):
        if not d.enforced:
            continue
        i = last_index(events, d.after)
        ref = events[i].on if i is not None else (known or {}).get(d.after)
        if ref is None or not applies(d, events):
            continue
        lo, hi = bounds(d, ref)
        if lo is not None and (earliest is None or lo[1] > earliest):
            earliest, earliest_by = lo[1], d
        if hi is not None and (latest is None or hi[0] < latest):
            latest, latest_by = hi[0], d
        if d.unless:
            conditions.append(f"{d.provision}: unless {' or '.join(d.unless)}")
        if d.only_if:
            conditions.append(f"{d.provision}: only after {' or '.join(d.only_if)}")
    return Window(
        step=step,
        earliest=earliest,
        latest=latest,
        earliest_by=earliest_by,
        latest_by=latest_by,
        conditions=tuple(dict.fromkeys(conditions)),
    )
