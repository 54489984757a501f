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

import operator
import threading
from abc import abstractmethod
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from typing import Any, Protocol, overload

import attrs

from treatywithdraw.periods import Period, shift
from treatywithdraw.procedures._model import BRANCH_STEPS, Deadline, Procedure, Step

__all__ = [
    "MUST_BE_DATED",
    "TERMINAL",
    "Recorded",
    "Window",
    "addressees",
    "allowed",
    "applies",
    "bounds",
    "deadline_problem",
    "first_index",
    "last_dated",
    "last_index",
    "last_index_other",
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


def _last_below(positions: list[int] | None, cut: int) -> int | None:
    """The last of ascending ``positions`` below ``cut``, or ``None``."""
    if not positions:
        return None
    i = bisect_left(positions, cut)
    return positions[i - 1] if i else None


class _Index:
    """Where each step, each notice to the parties (by addressee) and each dated event sits
    among a log's events: positions in ascending order, only ever appended.

    A log and the logs :meth:`EventLog.plus` makes from it share one index, each reading
    only the positions below its own length. Recording on a log whose index a later log
    has already extended (two steps recorded on the same withdrawal) copies its part
    first; the lock makes that claim safe when a withdrawal is shared between threads.
    """

    __slots__ = ("dated", "days", "events", "lock", "notices", "size", "steps")

    def __init__(self) -> None:
        self.size = 0
        self.events: list[Any] = []
        self.steps: dict[Step, list[int]] = {}
        self.notices: dict[str | None, list[int]] = {}
        self.dated: list[int] = []
        self.days: list[date] = []
        self.lock = threading.Lock()

    def add(self, event: Recorded) -> None:
        """Index ``event`` at the next position."""
        i = self.size
        found = self.steps.get(event.step)
        if found is None:
            self.steps[event.step] = [i]
        else:
            found.append(i)
        if event.step is Step.PARTIES_NOTIFIED:
            self.notices.setdefault(event.addressee, []).append(i)
        if event.on is not None:
            self.dated.append(i)
            self.days.append(event.on)
        self.events.append(event)
        self.size = i + 1

    def upto(self, n: int) -> _Index:
        """A new index of the first ``n`` positions alone."""
        new = _Index()
        new.size = n
        new.events = self.events[:n]
        new.steps = {s: found[: bisect_left(found, n)] for s, found in self.steps.items()}
        new.notices = {a: found[: bisect_left(found, n)] for a, found in self.notices.items()}
        k = bisect_left(self.dated, n)
        new.dated, new.days = self.dated[:k], self.days[:k]
        return new


class _Events(Sequence[Any]):
    """The first ``len(self)`` items of a list of events only ever appended to: what an
    :class:`EventLog` and a :class:`Prefix` of one are, read the same way."""

    __slots__ = ()

    @abstractmethod
    def _list(self) -> list[Any]:
        """The list whose first ``len(self)`` items these are."""

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Any, ...]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return tuple(self)[i]
        n = len(self)
        j = operator.index(i)
        if j < 0:
            j += n
        if not 0 <= j < n:
            raise IndexError("event index out of range")
        return self._list()[j]

    def __iter__(self) -> Iterator[Any]:
        return islice(self._list(), len(self))


class EventLog(_Events):
    """A withdrawal's events with the index the rules ask of them, kept as events are added.

    The last position of each step and the first terminal event: :func:`last_index` and
    :func:`terminal_event` read them instead of scanning, so recording the n-th event
    costs the same as the first (issue 15). Behind them, the positions of every step and
    of every dated event, so that the events known by a day (:meth:`known_by`,
    :meth:`upto`) answer the same questions by bisection: a status or an agenda on any
    day reads O(log n) of the index, not the events. A plain sequence (a slice, a list)
    is scanned.

    The events themselves sit in the index too, in a list only ever appended to: a log
    is that list's first ``len(log)`` items, so :meth:`plus` copies no earlier event
    (a tuple would copy them all at every step). It reads as the tuple of its events:
    it is equal to that tuple, hashes as it, adds to a tuple, slices into one and pickles
    as one.

    >>> log = EventLog(())
    >>> log.last, log.terminal, log == ()
    ({}, None, True)
    """

    __slots__ = ("_index", "_n", "last", "ordered", "terminal")

    last: dict[Step, int]
    terminal: Any
    ordered: bool
    """Whether the days of the dated events never go backwards, as :meth:`record
    <treatywithdraw.Withdrawal.record>` ensures (a history given to the constructor need
    not): only then is a day found by bisection."""
    _index: _Index
    _n: int

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self.last, self.terminal, self.ordered = {}, None, True
        index = self._index = _Index()
        for i, e in enumerate(items):
            self.last[e.step] = i
            if self.terminal is None and e.step in TERMINAL:
                self.terminal = e
            if e.on is not None and index.days and e.on < index.days[-1]:
                self.ordered = False
            index.add(e)
        self._n = index.size

    def plus(self, event: Any) -> EventLog:
        """These events and ``event`` after them (the index carried over, not rebuilt, and
        no earlier event copied: amortised O(1))."""
        n = self._n
        new = EventLog.__new__(EventLog)
        new.last = {**self.last, event.step: n}
        new.terminal = self.terminal if self.terminal is not None or event.step not in TERMINAL else event
        shared = self._index
        with shared.lock:
            # Another log extended the index from this one already: index this log's part anew.
            index = shared if shared.size == n else shared.upto(n)
            new.ordered = self.ordered and (event.on is None or not index.days or event.on >= index.days[-1])
            index.add(event)
        new._index, new._n = index, n + 1
        return new

    def __len__(self) -> int:
        return self._n

    def _list(self) -> list[Any]:
        return self._index.events

    def __eq__(self, other: object) -> bool:
        if type(other) is EventLog:
            return self._n == other._n and (self._index is other._index or tuple(self) == tuple(other))
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, tuple | EventLog):
            return tuple(self) + tuple(other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, tuple):
            return other + tuple(self)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[EventLog], tuple[tuple[Any, ...]]]:
        return (EventLog, (tuple(self),))

    def known_by(self, day: date) -> int:
        """How many of the events are known by ``day``: those up to the last dated one on
        or before ``day`` and before any dated after it (an undated event counts once a
        later dated one does).

        >>> from treatywithdraw.timeline import Event
        >>> log = EventLog((Event(step="initiative", on="2025-03-18"), Event(step="notice-signed", on=None),
        ...                 Event(step="government-decision", on="2025-03-25")))
        >>> [log.known_by(date(2025, 3, day)) for day in (17, 18, 24, 25)]
        [0, 1, 1, 3]
        """
        if self.ordered:
            index = self._index
            count = bisect_left(index.dated, len(self))
            j = bisect_right(index.days, day, 0, count)
            return index.dated[j - 1] + 1 if j else 0
        known = 0  # days go backwards somewhere: read them in order, as they were recorded
        for i, e in enumerate(self):
            if e.on is not None:
                if e.on > day:
                    break
                known = i + 1
        return known

    def upto(self, cut: int) -> EventLog | Prefix:
        """The first ``cut`` events, answering from this log's index (nothing copied)."""
        return self if cut == len(self) else Prefix(self, cut)

    def _between(self, steps: Iterable[Step], lo: int, hi: int) -> list[int]:
        """Positions from ``lo`` to before ``hi`` of the events of ``steps``, ascending."""
        out: list[int] = []
        for s in set(steps):
            found = self._index.steps.get(s)
            if found:
                out += found[bisect_left(found, lo) : bisect_left(found, hi)]
        out.sort()
        return out

    def _any_between(self, steps: Iterable[Step], lo: int, hi: int) -> bool:
        """Whether an event of ``steps`` sits from ``lo`` to before ``hi``."""
        for s in steps:
            found = self._index.steps.get(s)
            if found:
                i = bisect_left(found, lo)
                if i < len(found) and found[i] < hi:
                    return True
        return False


class Prefix(_Events):
    """The first ``cut`` events of an :class:`EventLog` (those known by a day): the rules
    read the log's index for them, and no event is copied.

    >>> from treatywithdraw.timeline import Event
    >>> log = EventLog((Event(step="initiative", on="2025-03-18"), Event(step="government-decision", on="2025-03-25")))
    >>> known = log.upto(1)
    >>> known, len(known), known[-1].step.value, last_index(known, Step.GOVERNMENT_DECISION)
    (Prefix(1 of 2 events), 1, 'initiative', None)
    """

    __slots__ = ("cut", "log")

    def __init__(self, log: EventLog, cut: int) -> None:
        self.log, self.cut = log, cut

    def __len__(self) -> int:
        return self.cut

    def _list(self) -> list[Any]:
        return self.log._index.events

    def __repr__(self) -> str:
        return f"Prefix({self.cut} of {len(self.log)} events)"


def _log(events: Sequence[Recorded]) -> tuple[EventLog, int] | None:
    """The indexed log ``events`` is (all of it or its first events) and how many, if any."""
    if type(events) is EventLog:
        return events, len(events)
    if type(events) is Prefix:
        return events.log, events.cut
    return None


def last_index(events: Sequence[Recorded], step: Step) -> int | None:
    """Position of the last ``step`` recorded, or ``None``."""
    if type(events) is EventLog:
        return events.last.get(step)
    if type(events) is Prefix:
        return _last_below(events.log._index.steps.get(step), events.cut)
    for i in range(len(events) - 1, -1, -1):
        if events[i].step == step:
            return i
    return None


def first_index(events: Sequence[Recorded], step: Step) -> int | None:
    """Position of the first ``step`` recorded, or ``None``."""
    view = _log(events)
    if view is not None:
        log, cut = view
        found = log._index.steps.get(step)
        return found[0] if found and found[0] < cut else None
    return next((i for i, e in enumerate(events) if e.step == step), None)


def last_index_other(events: Sequence[Recorded], steps: Collection[Step]) -> int | None:
    """Position of the last event whose step is not one of ``steps``, or ``None``."""
    view = _log(events)
    if view is not None:
        log, cut = view
        found = [
            i
            for s, at in log._index.steps.items()
            if s not in steps and (i := _last_below(at, cut)) is not None
        ]
        return max(found, default=None)
    return next((i for i in range(len(events) - 1, -1, -1) if events[i].step not in steps), None)


def last_dated(events: Sequence[Recorded]) -> int | None:
    """Position of the last event with a day, or ``None``."""
    view = _log(events)
    if view is not None:
        log, cut = view
        return _last_below(log._index.dated, cut)
    return next((i for i in range(len(events) - 1, -1, -1) if events[i].on is not None), None)


def addressees(events: Sequence[Recorded]) -> set[str | None]:
    """Who the notices to the parties recorded went to (``None``: every addressee)."""
    view = _log(events)
    if view is not None:
        log, cut = view
        return {a for a, at in log._index.notices.items() if at and at[0] < cut}
    return {e.addressee for e in events if e.step is Step.PARTIES_NOTIFIED}


def reopened_at(p: Procedure, events: Sequence[Recorded], step: Step) -> int | None:
    """Position of a branch that sent ``step`` back after its last occurrence (a law returned)."""
    last = last_index(events, step)
    reopeners = p.reopeners(step)
    if _log(events) is not None:
        found = max((i for r in reopeners if (i := last_index(events, r)) is not None), default=-1)
        return found if found > (-1 if last is None else last) else None
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
    if type(events) is Prefix:
        firsts = [i for s in TERMINAL if (i := first_index(events, s)) is not None]
        return events[min(firsts)] if firsts else None
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


def _previous(events: Sequence[Recorded], step: Step, addressee: str | None) -> int | None:
    """Position of the record ``step`` would repeat: the last ``step``, or for a notice to
    the parties to ``addressee``, the last notice to it or to every addressee (one fact per
    addressee: a notice to another addressee is not a repeat)."""
    if step is not Step.PARTIES_NOTIFIED or addressee is None:
        return last_index(events, step)
    view = _log(events)
    if view is not None:
        log, cut = view
        notices = log._index.notices
        found = [i for a in (None, addressee) if (i := _last_below(notices.get(a), cut)) is not None]
        return max(found, default=None)
    same = [i for i, e in enumerate(events) if e.step is step and e.addressee in (None, addressee)]
    return same[-1] if same else None


def _after(p: Procedure, rank: int, step: Step) -> set[Step]:
    """The main-path steps of ``p`` ranked after ``rank``, ``step`` aside."""
    # Counted as Procedure.rank counts, in one pass over the template (not one per step).
    ranks: dict[Step, int] = {}
    position = 0
    for r in p.steps:
        if r.step not in BRANCH_STEPS:
            ranks.setdefault(r.step, position)
            position += 1
    return {s for s, k in ranks.items() if k > rank and s != step}


def _since(events: Sequence[Recorded], steps: Collection[Step], since: int) -> list[int]:
    """Positions from ``since`` on of the events of ``steps``, ascending."""
    view = _log(events)
    if view is not None:
        log, cut = view
        return log._between(steps, since, cut)
    return [i for i in range(since, len(events)) if events[i].step in steps]


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
    last = _previous(events, step, addressee)
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
    rank = p.rank(step)
    if rank is not None:
        later = [events[i] for i in _since(events, _after(p, rank, step), since)]
        if later:
            shown = join([e.describe() for e in later])
            reasons.append(
                f"{step} comes before {join(list(dict.fromkeys(e.step for e in later)))} "
                f"in the {p.title}, but {shown} {'is' if len(later) == 1 else 'are'} already recorded"
            )
    blocked = [events[i] for i in _since(events, rule.not_after, since)]
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


def allowed(
    p: Procedure, events: Sequence[Recorded], step: Step, *, dated: bool, addressee: str | None = None
) -> bool:
    """Whether ``step`` may come next: :func:`order_violations` finds nothing.

    On an :class:`EventLog` (or the events of one known by a day) each rule is asked of
    the index and no reason is written, so the answer costs O(log n) in the events;
    a plain sequence is asked through :func:`order_violations` itself.
    """
    view = _log(events)
    if view is None:
        return not order_violations(p, events, step, dated=dated, addressee=addressee)
    log, cut = view
    rule = p.get(step)
    if rule is None or terminal_event(events) is not None or (not dated and step in MUST_BE_DATED):
        return False
    reopened = reopened_at(p, events, step)
    if reopened is None and _previous(events, step, addressee) is not None:
        return False
    if not all(satisfied(p, events, s) for s in p.prerequisites(step)):
        return False
    since = 0 if reopened is None else reopened + 1
    rank = p.rank(step)
    if rank is not None and log._any_between(_after(p, rank, step), since, cut):
        return False
    return not log._any_between(rule.not_after, since, cut)


def applies(d: Deadline, events: Sequence[Recorded]) -> bool:
    """Whether deadline ``d`` is in force: lifted by an ``unless`` step after the last
    ``after``, in force only after an ``only_if`` step before it. An ``after`` not yet
    recorded (a projected step) comes after everything recorded."""
    i = last_index(events, d.after)
    view = _log(events)
    if view is not None:
        log, cut = view
        if d.unless and i is not None and log._any_between(d.unless, i + 1, cut):
            return False
        return not (d.only_if and not log._any_between(d.only_if, 0, cut if i is None else i))
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
