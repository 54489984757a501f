"""One party's withdrawal from one treaty, as an immutable, event-sourced record.

A :class:`Withdrawal` is a party, a treaty, a procedure template and the steps recorded
so far. :meth:`Withdrawal.record` checks a new step against the template and returns a
new object, or raises :class:`~treatywithdraw.errors.InvalidTransitionError` listing
every rule the step breaks; the original is never changed. Everything else (the status
on a given day, the effect, the next steps, a projection) is derived from the events.

The legal clock is the ``instrument-deposited`` step: the day the depositary received
the instrument (VCLT Art. 78(b)). Its effect comes from :func:`treatywithdraw.effect`.

>>> w = Withdrawal.start(party="LV", treaty="ottawa")
>>> w = w.record("parliament-approval", "2025-04-16").record("head-of-state-act", "2025-04-24")
>>> w = w.record("instrument-deposited", "2025-06-27")
>>> w.effective_date
datetime.date(2025, 12, 27)
>>> w.status("2025-12-26"), w.status("2025-12-27")
(<Status.NOTICE_PENDING: 'notice-pending'>, <Status.EFFECTIVE: 'effective'>)

A :class:`Suspension` (Ukraine and the Ottawa Convention, 2025, under VCLT Art. 62) is
kept apart: it is not a withdrawal and has no effective date; asking for one raises
:class:`~treatywithdraw.errors.NotAWithdrawalError` with the explanation.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NoReturn, Unpack

import attrs

from treatywithdraw._dates import DateLike, Instant, as_date, at_depositary, shown
from treatywithdraw._inputs import of_type, party_code, tuple_of
from treatywithdraw.catalogue import Treaty, TreatyLike
from treatywithdraw.catalogue import treaty as _treaty
from treatywithdraw.clauses import ADDRESSEES
from treatywithdraw.effects import Effect
from treatywithdraw.effects import effect as _effect
from treatywithdraw.errors import (
    AmbiguousDateError,
    InvalidArgumentError,
    InvalidTransitionError,
    NotAWithdrawalError,
    NoticeNotAllowedError,
    TreatyWithdrawError,
    UnknownPartyError,
)
from treatywithdraw.options import DEFAULT_OPTIONS, NoticeOptions, PartyOptionValues, merge_options
from treatywithdraw.periods import CheckedEnumType, Period, Rounding, _read_period, _sum_words, add_period
from treatywithdraw.procedures import (
    Confidence,
    Procedure,
    Step,
    rules,
)
from treatywithdraw.procedures import procedure as _procedure

__all__ = [
    "ANNOUNCEMENTS",
    "AgendaItem",
    "Event",
    "ProjectedStep",
    "Projection",
    "Status",
    "Suspension",
    "Withdrawal",
]

# Steps done towards the depositary: an aware datetime is read in its time zone
# (the one rule, docs/concepts/dates.md); a domestic act keeps the day of its own zone.
_INTERNATIONAL = frozenset({Step.INSTRUMENT_DEPOSITED, Step.PARTIES_NOTIFIED, Step.REVOCATION})
# Steps that need a date: receipt is the legal clock; revocation is judged against the effect.
_TERMINAL = rules.TERMINAL


class Status(enum.StrEnum, metaclass=CheckedEnumType):
    """Where a withdrawal stands on a given day. Compares equal to its kebab-case value.

    >>> Status.NOTICE_PENDING == "notice-pending"
    True
    """

    NOT_STARTED = "not-started"
    """Nothing recorded by that day."""
    ANNOUNCED = "announced"
    """Only political announcements so far (an initiative, a joint statement): no legal step."""
    IN_PREPARATION = "in-preparation"
    """Domestic steps under way."""
    APPROVED = "approved"
    """The domestic procedure is complete; the instrument is not yet received."""
    NOTICE_PENDING = "notice-pending"
    """The depositary has the instrument; the notice period runs."""
    EFFECTIVE = "effective"
    """The withdrawal has taken effect: the party is no longer bound."""
    DEFERRED = "deferred"
    """The notice period is over but a suspensive condition holds (Ottawa Art. 20(3))."""
    REVOKED = "revoked"
    """The notification was revoked before it took effect (VCLT Art. 68)."""
    ANNULLED = "annulled"
    """A court held the withdrawal or its notice unlawful; it has not been revoked (yet)."""
    POSTPONED = "postponed"
    """Parliament postponed the law; nothing has moved since."""
    CONTESTED = "contested"
    """The notice period is over, but the depositary or the organisation says a condition
    of the withdrawal is unmet (the WHO's dues): the library does not decide who is right."""
    ABANDONED = "abandoned"
    """Parliament rejected the withdrawal."""


def _sources(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, bytes | bytearray):
        items = tuple(value)
        if all(isinstance(item, str) for item in items):
            return items
    raise InvalidArgumentError(
        f"sources must be a URL or an iterable of URLs (str), not {type(value).__name__} {shown(value)}",
        value=value,
        field="sources",
    )


def _text(value: object, field: str) -> str | None:
    """A free-text argument: a ``str`` or ``None``."""
    if value is None or isinstance(value, str):
        return value
    raise InvalidArgumentError(
        f"{field} must be a str or None, not {type(value).__name__} {shown(value)}",
        value=value,
        field=field,
    )


def _event_step(value: Step | str) -> Step:
    return Step(value)  # the one step parser; an unknown step raises InvalidArgumentError listing the steps


def _event_day(value: DateLike | None) -> date | None:
    return None if value is None else as_date(value, "on")


def _note(value: str | None) -> str | None:
    return _text(value, "note")


def _addressee(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in ADDRESSEES:
        return value.strip().lower()
    raise InvalidArgumentError(
        f"addressee {shown(value)} is not known: use one of {', '.join(sorted(ADDRESSEES - {'depositary'}))}",
        value=value,
        field="addressee",
    )


def _confidence(value: Confidence | str | None) -> Confidence | None:
    if value is None:
        return None
    try:
        return Confidence(value)
    except ValueError:
        raise InvalidArgumentError(
            f"confidence {shown(value)} is not known: use one of {', '.join(c.value for c in Confidence)}",
            value=value,
            field="confidence",
        ) from None


@attrs.frozen(kw_only=True)
class Event:
    """One recorded step: what, when, on what evidence.

    ``on`` is ``None`` for a step known to have happened on a date the sources do not
    confirm (e.g. the Polish Senate's 2025 vote): it counts as done, but no date rule
    can be checked against it.
    """

    step: Step = attrs.field(converter=_event_step)
    on: date | None = attrs.field(converter=_event_day)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_sources)
    note: str | None = attrs.field(default=None, converter=_note)
    confidence: Confidence | None = attrs.field(default=None, converter=_confidence)
    addressee: str | None = attrs.field(default=None, converter=_addressee)
    """For ``parties-notified``: who was notified (``states-parties``,
    ``un-security-council``, ``other-party``), each its own dated fact; ``None``: all
    the clause names."""

    def __attrs_post_init__(self) -> None:
        if self.addressee is not None and self.step is not Step.PARTIES_NOTIFIED:
            raise InvalidArgumentError(
                f"addressee {self.addressee!r} belongs to a parties-notified step, not to {self.step}: "
                "drop addressee=",
                value=self.addressee,
                field="addressee",
            )

    def describe(self) -> str:
        """``step on YYYY-MM-DD`` (or ``step, date unconfirmed``)."""
        step = f"{self.step} ({self.addressee})" if self.addressee else str(self.step)
        return f"{step} on {self.on.isoformat()}" if self.on else f"{step}, undated"


def _events(value: object) -> tuple[Event, ...]:
    """A tuple of :class:`Event` (a withdrawal's constructor does not replay them: see ``replay``)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidArgumentError(
            f"events must be an iterable of Event, not {type(value).__name__} {shown(value)}",
            value=value,
            field="events",
        )
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, Event):
            raise InvalidArgumentError(
                f"events[{i}] must be an Event, not {type(item).__name__} {shown(item)}: "
                "build it with Event(step=..., on=...)",
                value=item,
                field="events",
            )
    return items


def _on_at_depositary(event: Event, time_zone: str) -> Event:
    """``event`` with an instant given as its date read as a day: the one rule.

    A step towards the depositary (the deposit, a notification, a revocation) is the
    depositary's day, in ``time_zone``; a domestic act is the day where it happened,
    the zone the datetime carries (the library knows no zone per state).
    """
    if type(event.on) is not Instant:
        return event
    day = at_depositary(event.on, time_zone) if event.step in _INTERNATIONAL else event.on.plain()
    return attrs.evolve(event, on=day)


# Steps with no legal effect: a political announcement moves the status only to "announced".
ANNOUNCEMENTS = frozenset({Step.INITIATIVE})
# Steps that do not move a postponed bill: an announcement, a notice signed but not received.
_NOT_LEGAL = ANNOUNCEMENTS | {Step.NOTICE_SIGNED}


@attrs.frozen(kw_only=True)
class AgendaItem:
    """A step that may come next, with the legal window for it.

    ``earliest`` and ``latest`` bound the days the law allows (``None``: no bound on
    that side); ``earliest_provision`` and ``latest_provision`` cite the rule behind each
    bound. ``conditions`` says what would lift or change a bound (a law returned).
    ``required`` is true for a step on the usual path to the effect; ``overdue`` is true
    when its window closed before the day asked about (an optional step whose window
    closed is not listed: it can no longer be taken).
    """

    step: Step = attrs.field(converter=_event_step)
    actor: str = attrs.field(validator=of_type(str))
    required: bool = attrs.field(validator=of_type(bool))
    provision: str = attrs.field(validator=of_type(str))
    earliest: date | None = attrs.field(default=None, validator=of_type(date, optional=True))
    latest: date | None = attrs.field(default=None, validator=of_type(date, optional=True))
    earliest_provision: str = attrs.field(default="", validator=of_type(str))
    latest_provision: str = attrs.field(default="", validator=of_type(str))
    conditions: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    overdue: bool = attrs.field(default=False, validator=of_type(bool))
    note: str = attrs.field(default="", validator=of_type(str))

    def describe(self) -> str:
        """One line: ``head-of-state-act (President): from 2025-04-23 to 2025-05-07 (Satversme Art. 69)``."""
        if self.earliest is not None and self.latest is not None:
            span = f"from {self.earliest.isoformat()} to {self.latest.isoformat()}"
        elif self.earliest is not None:
            span = f"from {self.earliest.isoformat()}"
        elif self.latest is not None:
            span = f"by {self.latest.isoformat()}"
        else:
            span = "no legal window"
        cited = "; ".join(dict.fromkeys(p for p in (self.earliest_provision, self.latest_provision) if p))
        text = f"{self.step} ({self.actor}{'' if self.required else ', optional'}): {span}"
        if cited:
            text += f" ({cited})"
        if self.conditions:
            text += f" [{'; '.join(self.conditions)}]"
        if self.overdue:
            text += " — overdue"
        if self.note:
            text += f" — {self.note}"
        return text

    def to_record(self) -> dict[str, object]:
        """The item as JSON-ready data (ISO dates)."""
        return {
            "step": str(self.step),
            "actor": self.actor,
            "required": self.required,
            "provision": self.provision,
            "earliest": None if self.earliest is None else self.earliest.isoformat(),
            "latest": None if self.latest is None else self.latest.isoformat(),
            "earliest_provision": self.earliest_provision or None,
            "latest_provision": self.latest_provision or None,
            "conditions": list(self.conditions),
            "overdue": self.overdue,
            "note": self.note or None,
        }


@attrs.frozen(kw_only=True)
class ProjectedStep:
    """A step :meth:`Withdrawal.project` expects, with the basis of its date."""

    step: Step
    on: date
    basis: str


@attrs.frozen(kw_only=True)
class Projection:
    """The remaining steps of a withdrawal with projected dates, and the resulting effect.

    ``deposit`` is the projected (or recorded) receipt day; ``effect`` what follows from
    it. Both are ``None`` when nothing remains (revoked, abandoned).
    """

    steps: tuple[ProjectedStep, ...]
    deposit: date | None
    effect: Effect | None
    note: str = ""

    @property
    def effective_date(self) -> date | None:
        """The earliest effective date the projection gives, ``None`` if pending or none."""
        return self.effect.date if self.effect is not None else None

    def __repr__(self) -> str:
        steps = f"{len(self.steps)} step{'s' if len(self.steps) != 1 else ''}"
        deposit = f", deposit {self.deposit.isoformat()}" if self.deposit is not None else ""
        effect = f", effective {self.effective_date.isoformat()}" if self.effective_date is not None else ""
        return f"Projection({steps}{deposit}{effect})"

    def _repr_html_(self) -> str:
        """A notebook table: each projected step and its day, then the deposit and the effect."""
        from treatywithdraw._display import day, table

        rows = [(str(s.step), f"{s.on.isoformat()} ({s.basis})") for s in self.steps]
        rows += [("deposit", day(self.deposit)), ("effective date", day(self.effective_date))]
        if self.note:
            rows.append(("note", self.note))
        return table(rows)


def _start_with_rounding(what: str, exc: AmbiguousDateError) -> AmbiguousDateError:
    """``exc`` again, advising the rounding of :meth:`Withdrawal.start`, which ``project`` uses."""
    return AmbiguousDateError(
        f"{what}: project() takes no rounding, the withdrawal's own applies:",
        exc.candidates,
        joiner=" ",
        tail=" to Withdrawal.start",
    )


# A withdrawal's options with its party laid over them, by the options object: asking
# status() or the effect again does not rebuild them (and re-check their spans).
_WITH_PARTY: dict[int, tuple[NoticeOptions, str, NoticeOptions]] = {}


@attrs.frozen(kw_only=True)
class Withdrawal:
    """One party's withdrawal from one treaty: the template and the recorded steps.

    Build one with :meth:`start` and :meth:`record` (or :meth:`replay`); the constructor
    itself does not validate the events. Immutable, comparable and picklable.

    Refused steps raise with every reason at once, and leave the object unchanged:

    >>> w = Withdrawal.start(party="LV", treaty="ottawa")
    >>> w.record("instrument-deposited", "2025-06-27")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidTransitionError: instrument-deposited needs parliament-approval and head-of-state-act first (Satversme Art. 68; the Saeima takes the final decision; Satversme Art. 69 (promulgation, izsludināšana)), but they have not been recorded
    >>> w.history
    ()
    """

    party: str = attrs.field(converter=party_code)
    treaty: Treaty = attrs.field(validator=of_type(Treaty))
    procedure: Procedure = attrs.field(validator=of_type(Procedure))
    events: Sequence[Event] = attrs.field(default=(), converter=_events)
    """The recorded steps in order: a :class:`~treatywithdraw.procedures.rules.EventLog`,
    which reads as the tuple of its events (equal to it, hashing as it, adding to a tuple)
    and carries the index the rules read; given as any iterable of events."""
    options: NoticeOptions = attrs.field(default=DEFAULT_OPTIONS, validator=of_type(NoticeOptions))
    """Every option of the notice (:class:`~treatywithdraw.NoticeOptions`), applied
    when the effect is computed; ``options.party`` is always :attr:`party`."""
    note: str | None = attrs.field(default=None, converter=_note)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_sources)

    def __attrs_post_init__(self) -> None:
        # The one rule for aware datetimes: instants are read as the depositary's days.
        zone = self.treaty.depositary.time_zone
        options = self.options.at_depositary(zone)
        if options is not self.options:
            object.__setattr__(self, "options", options)
        if any(type(e.on) is Instant for e in self.events):
            object.__setattr__(self, "events", tuple(_on_at_depositary(e, zone) for e in self.events))
        # The rules read the last position of each step from the log, not by scanning.
        object.__setattr__(self, "events", rules.EventLog(self.events))
        if self.options.party not in (None, self.party):
            raise InvalidArgumentError(
                f"options.party {self.options.party!r} differs from the withdrawing party {self.party!r}: "
                "drop it from the options (the withdrawal's party applies)",
                value=self.options.party,
                field="party",
            )

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        *,
        party: str,
        treaty: TreatyLike,
        procedure: Procedure | str | None = None,
        options: NoticeOptions | None = None,
        note: str | None = None,
        sources: str | Iterable[str] | None = None,
        **option_values: Unpack[PartyOptionValues],
    ) -> Withdrawal:
        """A withdrawal with nothing recorded yet.

        Args:
            party: ISO 3166-1 alpha-2 code of the withdrawing state.
            treaty: a catalogue key, alias or :class:`~treatywithdraw.catalogue.Treaty`.
            procedure: a template or its code; by default the party's own template,
                or the generic one when the party has none (``.procedure.key`` says
                which was used).
            options, option_values: the notice options
                (:class:`~treatywithdraw.NoticeOptions`, as an object or as keywords:
                ``rounding``, ``later_date``, ``party_since``, ``armed_conflicts``,
                ``apply_vclt56``, ``extended_to``, ``agreement_in_force``), applied when
                the effect is computed. ``party`` is the withdrawal's own.
            note, sources: about the withdrawal as a whole.

        Raises:
            UnknownTreatyError, UnknownPartyError, InvalidArgumentError, InvalidDateError.

        >>> Withdrawal.start(party="TV", treaty="ottawa").procedure.key
        'generic'
        >>> w = Withdrawal.start(party="GB", treaty="teu", procedure="generic",
        ...                      extended_to="2020-01-31", agreement_in_force="2020-02-01")
        >>> w.record("instrument-deposited", "2017-03-29").effective_date
        datetime.date(2020, 2, 1)
        """
        code = party_code(party)
        if procedure is None:
            try:
                template = _procedure(code)
            except UnknownPartyError:
                template = _procedure("generic")
        else:
            template = _procedure(procedure)
        opts = merge_options(options, dict(option_values))
        if opts.party is not None and opts.party != code:
            raise InvalidArgumentError(
                f"party {opts.party!r} in the options differs from party {code!r}: give the party once",
                value=opts.party,
                field="party",
            )
        t = _treaty(treaty)
        return cls(
            party=code,
            treaty=t,
            procedure=template.for_treaty(t),
            options=attrs.evolve(opts, party=None),
            note=_text(note, "note"),
            sources=_sources(sources),
        )

    def replay(self, events: Iterable[Event]) -> Withdrawal:
        """Record ``events`` one after another, checking each (the event-sourced rebuild).

        Raises:
            InvalidTransitionError: at the first event that cannot be recorded; its
                reasons name the event's position.
        """
        if isinstance(events, str | bytes) or not isinstance(events, Iterable):
            raise InvalidArgumentError(
                f"events must be an iterable of Event, not {type(events).__name__} {shown(events)}",
                value=events,
                field="events",
            )
        current = self
        for i, event in enumerate(events):
            if not isinstance(event, Event):
                raise InvalidArgumentError(
                    f"events[{i}] must be an Event, not {type(event).__name__} {shown(event)}: "
                    "build it with Event(step=..., on=...)",
                    value=event,
                    field="events",
                )
            try:
                current = current._append(event)
            except InvalidTransitionError as exc:
                raise InvalidTransitionError(
                    [f"event {i} ({event.describe()}): {r}" for r in exc.reasons]
                ) from None
        return current

    def record(
        self,
        step: Step | str,
        on: DateLike | None,
        *,
        source: str | Iterable[str] | None = None,
        note: str | None = None,
        confidence: Confidence | str | None = None,
        addressee: str | None = None,
    ) -> Withdrawal:
        """A new withdrawal with ``step`` recorded on ``on``; this one is unchanged.

        Args:
            step: a :class:`~treatywithdraw.procedures.Step` or its kebab-case value.
            on: the day (a ``date``, ISO string, or aware ``datetime``, read in the
                depositary's time zone for international steps). ``None`` records a
                step whose date is not confirmed; the deposit and a revocation need one.
            source: a URL, or several.
            note: free text.
            confidence: how sure the date is (``confirmed``, ``reported``, ``inferred``,
                ``unconfirmed``).
            addressee: for ``parties-notified``, who was notified (one of the addressees
                the treaty's clause names: ``states-parties``, ``un-security-council``,
                ``other-party``); each is its own dated fact. ``None``: all of them.

        Raises:
            InvalidTransitionError: ``.reasons`` lists every violated rule: a step the
                template does not know, a missing prerequisite, a step out of order,
                dates going backwards, a legal deadline missed, a notice the treaty
                does not allow, a revocation after the effect, anything after a
                terminal state.

        >>> w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
        >>> w.record("head-of-state-act", "2025-04-20").history[-1]
        Traceback (most recent call last):
        ...
        treatywithdraw.errors.InvalidTransitionError: head-of-state-act on 2025-04-20 is 4 days after parliament-approval on 2025-04-16: Satversme Art. 69 places it from 2025-04-23 to 2025-05-07 (from 7 days to 21 days after parliament-approval), unless law-returned or publication-suspended
        """
        kind = self._parse_step(step)
        if kind is None:
            raise InvalidTransitionError(
                [
                    f"unknown step {shown(step)}: the {self.procedure.title}'s steps are "
                    f"{', '.join(self.procedure.step_names())}"
                ]
            )
        day = None if on is None else as_date(on, f"{kind} date")  # an instant: read by _append
        event = Event(
            step=kind,
            on=day,
            sources=_sources(source),
            note=note,
            confidence=_confidence(confidence),
            addressee=addressee,
        )
        return self._append(event)

    def _append(self, event: Event) -> Withdrawal:
        event = _on_at_depositary(event, self.treaty.depositary.time_zone)
        reasons = self._violations(event.step, event.on, event.addressee)
        if reasons:
            raise InvalidTransitionError(reasons)
        # Every field of this withdrawal was converted and checked when it was built, and
        # the event just now: copy them rather than run the constructor, which would check
        # every earlier event again (building n events cost O(n^2) in checks alone).
        new = object.__new__(type(self))
        for name in _FIELDS:
            object.__setattr__(new, name, getattr(self, name))
        events = self.events
        log = events.plus(event) if type(events) is rules.EventLog else rules.EventLog((*events, event))
        object.__setattr__(new, "events", log)
        return new

    @staticmethod
    def _parse_step(step: object) -> Step | None:
        if isinstance(step, Step):
            return step
        if isinstance(step, str):
            try:
                return Step(step)
            except ValueError:
                return None
        return None

    # -- the rules (procedures/rules.py: one engine for record, agenda, project, next_steps) --

    def _last_index(self, step: Step) -> int | None:
        return rules.last_index(self.events, step)

    def _reopened_at(self, step: Step) -> int | None:
        return rules.reopened_at(self.procedure, self.events, step)

    def _satisfied(self, step: Step) -> bool:
        return rules.satisfied(self.procedure, self.events, step)

    def _terminal_event(self) -> Event | None:
        found = rules.terminal_event(self.events)
        assert found is None or isinstance(found, Event)
        return found

    def _violations(self, step: Step, day: date | None, addressee: str | None = None) -> list[str]:
        """Every rule recording ``step`` on ``day`` breaks: state, dates, path, windows, the treaty."""
        p = self.procedure
        reasons = rules.state_violations(p, self.events, step)
        reasons += self._date_violations(step, day)
        if p.get(step) is None:
            return reasons
        reasons += rules.path_violations(p, self.events, step, dated=day is not None, addressee=addressee)
        owed = self._addressees()
        if addressee is not None and addressee not in owed:
            clause = self.treaty.clause
            reasons.append(
                f"{self.treaty.key} {clause.article} names no notice to {addressee}: "
                f"it owes notice to {', '.join(owed) if owed else 'the depositary alone'}"
            )
        if day is None:
            return reasons
        for d in p.deadlines_for(step):
            if d.enforced:
                problem = rules.deadline_problem(d, self.events, day)
                if problem:
                    reasons.append(problem)
        if step is Step.INSTRUMENT_DEPOSITED:
            try:
                self._effect_of(day)
            except NoticeNotAllowedError as exc:
                reasons.append(str(exc))
            except TreatyWithdrawError:
                pass  # ambiguous month ends etc. surface when the effect is asked for
        return reasons

    def _date_violations(self, step: Step, day: date | None) -> list[str]:
        reasons: list[str] = []
        if day is None:
            return reasons
        i = rules.last_dated(self.events)
        last = None if i is None else self.events[i]
        if last is not None and last.on is not None and day < last.on:
            reasons.append(
                f"dates go backwards: {step} on {day.isoformat()} is before "
                f"{last.describe()}, the last dated step; record steps in the order "
                "they happened"
            )
        notice = self._notice_effect_or_error()
        if isinstance(notice, Effect):
            if notice.date is not None and day >= notice.date:
                if step is Step.REVOCATION:
                    reasons.append(
                        f"revocation on {day.isoformat()} is too late: VCLT Art. 68 allows "
                        "revoking a notification only before it takes effect, and this "
                        f"withdrawal took effect on {notice.date.isoformat()}"
                    )
                else:
                    reasons.append(
                        f"the withdrawal took effect on {notice.date.isoformat()}: {step} on "
                        f"{day.isoformat()} comes after a terminal state"
                    )
        elif isinstance(notice, AmbiguousDateError) and step is Step.REVOCATION:
            # The effect is one of two days: a revocation before both is in time, one on
            # or after both is too late, and only one between them depends on the rounding.
            backward, forward = notice.candidates
            if day >= forward:
                reasons.append(
                    f"revocation on {day.isoformat()} is too late: VCLT Art. 68 allows revoking "
                    f"only before the effect, which is {backward.isoformat()} or {forward.isoformat()}"
                )
            elif day >= backward:
                reasons.append(
                    f"cannot tell whether a revocation on {day.isoformat()} comes before the effect: {notice}"
                )
        elif notice is not None and step is Step.REVOCATION:
            reasons.append(
                f"cannot tell whether a revocation on {day.isoformat()} comes before the effect: {notice}"
            )
        return reasons

    # -- the effect -------------------------------------------------------------------------

    def _effect_of(self, received: date) -> Effect:
        return _effect(self.treaty, received, options=self._notice_options)

    @property
    def _notice_options(self) -> NoticeOptions:
        """The options with the withdrawal's party: built (and their spans checked) once."""
        if self.options.party == self.party:
            return self.options
        cached = _WITH_PARTY.get(id(self.options))
        if cached is not None and cached[0] is self.options and cached[1] == self.party:
            return cached[2]
        made = attrs.evolve(self.options, party=self.party)
        if len(_WITH_PARTY) >= 1024:
            _WITH_PARTY.clear()
        _WITH_PARTY[id(self.options)] = (self.options, self.party, made)
        return made

    def _notice_effect_or_error(self) -> Effect | TreatyWithdrawError | None:
        deposit = self.deposit
        if deposit is None or deposit.on is None:
            return None
        try:
            return self._effect_of(deposit.on)
        except TreatyWithdrawError as exc:
            return exc

    @property
    def deposit(self) -> Event | None:
        """The ``instrument-deposited`` event (receipt by the depositary), if recorded."""
        i = self._last_index(Step.INSTRUMENT_DEPOSITED)
        return None if i is None else self.events[i]

    @property
    def history(self) -> tuple[Event, ...]:
        """Every recorded event, in the order recorded (which is chronological), as a tuple."""
        return tuple(self.events)

    @property
    def effect(self) -> Effect | None:
        """The effect of the deposited instrument; ``None`` before receipt or if revoked.

        Raises:
            AmbiguousDateError, NoticeNotAllowedError, NoWithdrawalClauseError: as
                :func:`treatywithdraw.effect` does for this receipt day and options.
        """
        deposit = self.deposit
        if deposit is None or deposit.on is None or self._last_index(Step.REVOCATION) is not None:
            return None
        return self._effect_of(deposit.on)

    @property
    def effective_date(self) -> date | None:
        """The day the withdrawal takes effect, or ``None``: not received yet, revoked,
        or pending a suspensive condition (see :attr:`effect`)."""
        e = self.effect
        return None if e is None else e.date

    def __repr__(self) -> str:
        """Party, treaty, steps recorded and the effect, on one line; never raises.

        >>> w = Withdrawal.start(party="LV", treaty="ottawa")
        >>> w
        Withdrawal(LV, ottawa, 0 steps, not deposited)
        """
        steps = f"{len(self.events)} step{'s' if len(self.events) != 1 else ''}"
        return f"Withdrawal({self.party}, {self.treaty.key}, {steps}, {self._outcome()})"

    def _outcome(self) -> str:
        if self.deposit is None or self.deposit.on is None:
            return "not deposited"
        if self._last_index(Step.REVOCATION) is not None:
            return "revoked"
        found = self._notice_effect_or_error()
        if isinstance(found, TreatyWithdrawError):
            return f"effect not computable: {type(found).__name__}"
        if found is None or found.date is None:
            return "effect pending"
        return f"effective {found.date.isoformat()}"

    # -- questions ----------------------------------------------------------------------------

    def _known_by(self, day: date) -> Sequence[Event]:
        """Events known to have happened by ``day``: an undated one counts once a later
        dated event is on or before ``day``. The first events of the log, found by
        bisection on the days and not copied, so the rules still read its index."""
        log = self.events
        assert type(log) is rules.EventLog  # the constructor and _append make it one
        return log.upto(log.known_by(day))

    def status(self, as_of: DateLike) -> Status:
        """Where the withdrawal stands on ``as_of`` (events after that day are ignored).

        Raises:
            AmbiguousDateError: only on a day that is effective under one month-end
                rounding and not the other (and the other effect errors, once the
                instrument is received).

        >>> w = Withdrawal.start(party="LV", treaty="ottawa").record("initiative", "2025-03-18")
        >>> w.status("2025-01-01"), w.status("2025-03-18")
        (<Status.NOT_STARTED: 'not-started'>, <Status.ANNOUNCED: 'announced'>)
        """
        day = as_date(as_of, "as_of", self.treaty.depositary.time_zone)
        # Each question below reads the log's index: O(log n) in the events, not a walk.
        known = self._known_by(day)
        if not known:
            return Status.NOT_STARTED
        if rules.first_index(known, Step.REVOCATION) is not None:
            return Status.REVOKED
        if rules.first_index(known, Step.PARLIAMENT_REJECTION) is not None:
            return Status.ABANDONED
        if rules.first_index(known, Step.COURT_RULING) is not None:
            return Status.ANNULLED
        deposit = self.deposit
        received = rules.first_index(known, Step.INSTRUMENT_DEPOSITED) is not None
        if received and deposit is not None and deposit.on is not None:
            try:
                status = self._notice_status(self._effect_of(deposit.on), day)
                contested = rules.first_index(known, Step.CONDITION_CONTESTED) is not None
                if status is Status.EFFECTIVE and contested:
                    return Status.CONTESTED
                return status
            except AmbiguousDateError as exc:
                # The effect depends on month-end rounding; the status on this day may
                # not: ask both roundings, and answer when they agree.
                statuses = set()
                for mode in (Rounding.BACKWARD, Rounding.FORWARD):
                    try:
                        e = _effect(
                            self.treaty, deposit.on, options=attrs.evolve(self._notice_options, rounding=mode)
                        )
                    except TreatyWithdrawError:
                        raise exc from None
                    statuses.add(self._notice_status(e, day))
                if len(statuses) == 1:
                    return statuses.pop()
                raise
        legal = rules.last_index_other(known, _NOT_LEGAL)
        if legal is not None and known[legal].step is Step.PARLIAMENT_POSTPONEMENT:
            return Status.POSTPONED
        if all(rules.satisfied(self.procedure, known, s) for s in self.procedure.approval_steps()):
            return Status.APPROVED
        if rules.last_index_other(known, ANNOUNCEMENTS) is None:
            return Status.ANNOUNCED
        return Status.IN_PREPARATION

    def _notice_status(self, e: Effect, day: date) -> Status:
        """The status on ``day`` of a received notice whose effect is ``e``."""
        if e.date is not None and day >= e.date:
            return Status.EFFECTIVE
        # The clause's own date (or a later one named in the notice) has passed but a
        # suspensive condition holds (Ottawa Art. 20(3)): deferred, not pending.
        due = e.computed if e.computed is not None else e.expiry
        if due is not None and self.options.later_date is not None and self.options.later_date > due:
            due = self.options.later_date
        if due is not None and day >= due:
            return Status.DEFERRED
        return Status.NOTICE_PENDING

    def next_steps(self) -> tuple[Step, ...]:
        """The steps the template would accept next, in template order (dates aside).

        >>> Withdrawal.start(party="FI", treaty="ottawa").next_steps()
        (<Step.INITIATIVE: 'initiative'>, <Step.GOVERNMENT_DECISION: 'government-decision'>)
        """
        p = self.procedure
        return tuple(
            r.step for r in p.steps if not r.incidental and rules.allowed(p, self.events, r.step, dated=True)
        )

    def agenda(self, as_of: DateLike | None = None) -> tuple[AgendaItem, ...]:
        """What is due: each step that may come next, its actor and its legal window.

        Counted from the steps recorded by ``as_of`` (all of them by default). The window
        comes from the template's legal deadlines in force (one engine with
        :meth:`record`); for the deposit, from the treaty's minimum participation when
        ``party_since`` is known. Optional steps (branches) are listed too, marked so.

        >>> w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
        >>> for item in w.agenda():
        ...     print(item.describe())
        law-returned (President (Valsts prezidents), optional): by 2025-04-26 (Satversme Art. 71)
        publication-suspended (President (Valsts prezidents), optional): no legal window
        parliament-rejection (Saeima (Saeima), optional): no legal window
        head-of-state-act (President (Valsts prezidents)): from 2025-04-23 to 2025-05-07 (Satversme Art. 69) [Satversme Art. 69: unless law-returned or publication-suspended]
        """
        day = None if as_of is None else as_date(as_of, "as_of", self.treaty.depositary.time_zone)
        # The events known that day, read through the log's index: nothing below walks them.
        events = self.events if day is None else self._known_by(day)
        p = self.procedure
        # The day the agenda is read on: as_of, or the last day recorded. A window closed
        # before it is overdue for a required step, and gone for an optional one.
        last_dated = rules.last_dated(events)
        today = day if day is not None else (None if last_dated is None else events[last_dated].on)
        items: list[AgendaItem] = []
        notified = rules.addressees(events)
        owed = [] if None in notified else [a for a in self._addressees() if a not in notified]
        for r in p.steps:
            if r.incidental:  # a court ruling or a contested condition happens; it is never due
                continue
            # A notice to the parties is due for each addressee still owed one.
            addressee = owed[0] if r.step is Step.PARTIES_NOTIFIED and notified and owed else None
            if not rules.allowed(p, events, r.step, dated=True, addressee=addressee):
                continue
            if r.step is Step.REVOCATION and today is not None and self._effective_by(events, today):
                continue  # VCLT Art. 68: a notification can be revoked only before it takes effect
            legal = rules.window(p, events, r.step)
            closed = today is not None and legal.latest is not None and legal.latest < today
            if closed and not r.required:
                continue
            earliest, earliest_provision = (
                legal.earliest,
                legal.earliest_by.provision if legal.earliest_by else "",
            )
            note = ""
            if r.step is Step.INSTRUMENT_DEPOSITED:
                allowed = self._notice_allowed_from()
                if allowed is not None and (earliest is None or allowed > earliest):
                    earliest, earliest_provision = allowed, self.treaty.clause.article
            if r.step is Step.INSTRUMENT_DEPOSITED and self.treaty.clause.required_contents:
                note = f"the instrument must carry: {'; '.join(self.treaty.clause.required_contents)}"
            if r.step is Step.PARTIES_NOTIFIED:
                if not owed:
                    continue
                note = f"notice owed to: {', '.join(owed)}"
            items.append(
                AgendaItem(
                    step=r.step,
                    actor=str(r.actor),
                    required=r.required,
                    provision=r.provision,
                    earliest=earliest,
                    latest=legal.latest,
                    earliest_provision=earliest_provision,
                    latest_provision=legal.latest_by.provision if legal.latest_by else "",
                    conditions=legal.conditions,
                    overdue=closed,
                    note=note,
                )
            )
        return tuple(items)

    def _effective_by(self, events: Sequence[Event], day: date) -> bool:
        """Whether the deposit among ``events`` has taken effect by ``day`` (under either rounding)."""
        i = rules.last_index(events, Step.INSTRUMENT_DEPOSITED)
        # Asked only where a revocation could come next: after a deposit.
        assert i is not None
        deposit = events[i]
        if deposit.on is None:  # a history given whole may leave the deposit undated: no effect is known
            return False
        try:
            e = self._effect_of(deposit.on)
        except AmbiguousDateError as exc:
            return day >= exc.candidates[0]
        except TreatyWithdrawError:
            return False
        return e.date is not None and day >= e.date

    def _addressees(self) -> tuple[str, ...]:
        """Whom the treaty's clause owes notice besides the depositary."""
        return tuple(a for a in self.treaty.clause.addressees if a != "depositary")

    def _notice_allowed_from(self) -> date | None:
        """The first day the treaty allows notice, where minimum participation and ``party_since`` say."""
        if self.options.party_since is None or self.treaty.clause.minimum_participation is None:
            return None
        from treatywithdraw.effects import earliest_notice_date

        try:
            return earliest_notice_date(self.treaty, options=self._notice_options)
        except TreatyWithdrawError:  # an ambiguous month end: the agenda does not guess
            return None

    def explain(self, as_of: DateLike | None = None) -> str:
        """The recorded steps, one a line, then the effect, the agenda and the status.

        With ``as_of`` the text is what was known that day: steps recorded later are not
        shown as facts (only counted), and an effect that follows from a deposit not yet
        received is labelled as a projection.
        """
        day = None if as_of is None else as_date(as_of, "as_of", self.treaty.depositary.time_zone)
        known = self.events if day is None else tuple(self._known_by(day))
        lines = [
            f"{self.party} withdrawing from {self.treaty.short_name} ({self.treaty.key}); "
            f"procedure: {self.procedure.name} ({self.procedure.key})"
        ]
        for e in known:
            rule = self.procedure.get(e.step)
            who = f" — {rule.actor}" if rule is not None else ""
            label = f" [{e.confidence}]" if e.confidence else ""
            lines.append(f"  {e.on.isoformat() if e.on else 'undated   '}  {e.step}{who}{label}")
        hidden = len(self.events) - len(known)
        if hidden:
            assert day is not None
            lines.append(
                f"  ({hidden} later step{'s' if hidden != 1 else ''} recorded after {day.isoformat()} not shown)"
            )
        deposited = any(e.step is Step.INSTRUMENT_DEPOSITED for e in known)
        if any(e.step is Step.REVOCATION for e in known):
            lines.append("Revoked before taking effect (VCLT Art. 68): no effective date.")
        elif deposited:
            notice = self._notice_effect_or_error()
            if isinstance(notice, Effect):
                lines.append(notice.explain())
            else:  # the deposit is dated (record() requires it), so this is the error
                lines.append(f"Effect: {notice}")
        elif hidden:
            lines.append(f"Not received by the depositary by {day}: the effect is not yet a fact.")
        agenda = self.agenda(day)
        if agenda:
            lines.append("Agenda" + (f" on {day.isoformat()}" if day else "") + ":")
            lines.extend(f"  - {item.describe()}" for item in agenda)
        if day is not None:
            lines.append(f"Status on {day.isoformat()}: {self.status(day)}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """A compact HTML table for notebooks: party, treaty, the steps, the effect.

        Never raises: an effect that cannot be computed shows the error's message. There
        is no status row, which would need today's date (use :meth:`status`).

        >>> w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
        >>> "<td>2025-04-16</td><td>parliament-approval</td>" in w._repr_html_()
        True
        """
        import html

        def row(*cells: str, head: bool = False) -> str:
            tag = "th" if head else "td"
            return "<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>"

        def pair(key: str, value: str) -> str:
            return f'<tr><th>{html.escape(key)}</th><td colspan="2">{html.escape(value)}</td></tr>'

        rows = [
            pair("party", self.party),
            pair("treaty", str(self.treaty)),
            pair("procedure", f"{self.procedure.name} ({self.procedure.key})"),
            row("date", "step", "actor", head=True),
        ]
        for e in self.events:
            rule = self.procedure.get(e.step)
            rows.append(
                row(e.on.isoformat() if e.on else "undated", str(e.step), str(rule.actor) if rule else "")
            )
        terminal = self._terminal_event()
        notice = None if terminal is not None else self._notice_effect_or_error()
        if terminal is not None:
            rows.append(pair("status", _TERMINAL[terminal.step]))
        elif isinstance(notice, Effect) and notice.date is not None:
            rows.append(pair("effective date", f"{notice.date.isoformat()} ({notice.treaty.clause.article})"))
        elif isinstance(notice, Effect):
            rows.append(pair("effective date", f"pending: {notice.pending}"))
        elif notice is not None:
            rows.append(pair("effective date", f"cannot be computed: {notice}"))
        else:
            rows.append(pair("effective date", "not yet: the depositary has not received the instrument"))
        return '<table class="treatywithdraw-withdrawal">' + "".join(rows) + "</table>"

    # -- projection ---------------------------------------------------------------------------

    def project(
        self,
        durations: Mapping[Step | str, Period | int | str] | None = None,
        *,
        start: DateLike | None = None,
    ) -> Projection:
        """Projected dates for the remaining required steps, and the earliest effect.

        Each remaining step is placed a typical duration after the previous one: the
        template's (measured on the 2025 cases, each with its basis) unless
        ``durations`` gives another (a :class:`~treatywithdraw.periods.Period`, a number
        of days, or an ISO duration such as ``"P2M"``). A legal minimum (Satversme
        Art. 69: not before the 7th day) moves a step later when needed.

        Args:
            durations: per step, the time from the previous step.
            start: where to start when nothing dated is recorded yet.

        Raises:
            InvalidArgumentError: nothing dated recorded and no ``start``; a bad duration.
            AmbiguousDateError: a projected step or the effective date falls on a day the
                month lacks and the withdrawal has no rounding; ``.candidates`` is
                (backward, forward). ``project`` takes no rounding: give one to
                :meth:`start` (``Withdrawal.start(..., rounding="backward")``).

        >>> w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
        >>> p = w.project({"head-of-state-act": 3})
        >>> [(s.step.value, s.on.isoformat()) for s in p.steps]
        [('head-of-state-act', '2025-04-23'), ('instrument-deposited', '2025-06-26')]
        >>> p.effective_date
        datetime.date(2025, 12, 26)
        """
        terminal = self._terminal_event()
        if terminal is not None:
            return Projection(
                steps=(),
                deposit=None,
                effect=None,
                note=f"the withdrawal was {_TERMINAL[terminal.step]}: nothing remains",
            )
        deposit = self.deposit
        if deposit is not None and deposit.on is not None:
            return Projection(
                steps=(),
                deposit=deposit.on,
                effect=self.effect,
                note="the instrument was received: only the notice period remains",
            )
        if durations is not None and not isinstance(durations, Mapping):
            raise InvalidArgumentError(
                f"durations must be a mapping of step to duration, not {type(durations).__name__} "
                f"{shown(durations)}: pass e.g. {{'head-of-state-act': 14}}",
                value=durations,
                field="durations",
            )
        overrides = {self._duration_key(k): self._duration_value(k, v) for k, v in (durations or {}).items()}
        p = self.procedure
        highest = max((r for e in self.events if (r := p.rank(e.step)) is not None), default=-1)
        remaining = [
            s
            for s in p.main_path()
            if not self._satisfied(s) and ((p.rank(s) or 0) > highest or self._reopened_at(s) is not None)
        ]
        dated = [e.on for e in self.events if e.on is not None]
        if dated:
            cursor = dated[-1]
        elif start is not None:
            cursor = as_date(start, "start", self.treaty.depositary.time_zone)
        else:
            raise InvalidArgumentError(
                "nothing dated is recorded yet: pass start= (the day to project from)",
                value=None,
                field="start",
            )
        known: dict[Step, date] = {e.step: e.on for e in self.events if e.on is not None}
        out: list[ProjectedStep] = []
        for s in remaining:
            if s in overrides:
                period, basis = overrides[s], "given by the caller"
            elif (d := p.duration(s)) is not None:
                period, basis = d.period, d.basis
            else:
                period, basis = Period(), "no typical duration known: projected on the same day"
            try:
                on = add_period(cursor, period, self.options.rounding or Rounding.RAISE)
            except AmbiguousDateError as exc:
                raise _start_with_rounding(
                    f"projecting {s}: {_sum_words(cursor, period)} ({basis}) has no such day", exc
                ) from None
            # The window as record() reads it (a projected step counts as after everything recorded).
            legal = rules.window(p, self.events, s, known)
            if legal.earliest is not None and legal.earliest > on:
                assert legal.earliest_by is not None
                on, basis = legal.earliest, f"legal minimum: {legal.earliest_by.describe()}"
            out.append(ProjectedStep(step=s, on=on, basis=basis))
            known[s] = on
            cursor = on
        received = known.get(Step.INSTRUMENT_DEPOSITED)
        try:
            projected = None if received is None else self._effect_of(received)
        except AmbiguousDateError as exc:
            assert received is not None
            raise _start_with_rounding(
                f"the effective date of the deposit projected on {received.isoformat()} depends on "
                "month-end rounding",
                exc,
            ) from None
        return Projection(steps=tuple(out), deposit=received, effect=projected)

    @staticmethod
    def _duration_key(key: Step | str) -> Step:
        try:
            return Step(key)
        except ValueError:
            raise InvalidArgumentError(
                f"durations: {shown(key)} is not a step; use values such as 'head-of-state-act'",
                value=key,
                field="durations",
            ) from None

    @staticmethod
    def _duration_value(key: Step | str, value: Period | int | str) -> Period:
        if isinstance(value, Period):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return Period(days=value)
        fix = "give a Period, a number of days >= 0 or an ISO duration such as 'P14D'"
        problem = ""
        if isinstance(value, str):
            # Named as a duration of this step, not as Period.parse's own 'period'.
            found = _read_period(value)
            if not isinstance(found, str):
                return Period(*found)
            problem = f" {found}"
            if "ISO" not in found:
                fix = "each part must be within 10**12"
        raise InvalidArgumentError(
            f"durations[{str(key)!r}] = {shown(value)}{problem}: {fix}",
            value=value,
            field="durations",
        )


_FIELDS = tuple(f.name for f in attrs.fields(Withdrawal))
"""A withdrawal's fields, copied by ``_append`` (every one but ``events`` unchanged)."""


@attrs.frozen(kw_only=True)
class Suspension:
    """A notification *suspending* a treaty (VCLT Arts. 57-62, 65): not a withdrawal.

    Ukraine notified the UN Secretary-General on 18 July 2025 that it suspended the
    Ottawa Convention, invoking VCLT Art. 62 (fundamental change of circumstances).
    The Convention's Art. 20 knows only withdrawal, so there is no notice period and no
    effective date; objections followed, and the 22nd Meeting of States Parties found
    that suspension is not permitted. Asking for a date raises with that explanation:

    >>> s = Suspension.create(party="UA", treaty="ottawa", basis="VCLT Art. 62",
    ...                       notified="2025-07-18")
    >>> s.effective_date
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.NotAWithdrawalError: UA's notification received on 2025-07-18 suspended the Ottawa Convention under VCLT Art. 62: it is not a withdrawal under Art. 20(2)-(3), so it has no notice period and no effective date. ...
    """

    party: str
    treaty: Treaty
    basis: str
    notified: date
    events: tuple[Event, ...] = ()
    outcome: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()

    @classmethod
    def create(
        cls,
        *,
        party: str,
        treaty: TreatyLike,
        basis: str,
        notified: DateLike,
        events: Iterable[Event] = (),
        outcome: str | None = None,
        note: str | None = None,
        sources: str | Iterable[str] | None = None,
    ) -> Suspension:
        """A checked suspension record: events in date order, none after the notification.

        Raises:
            InvalidTransitionError: every event out of order, at once.
        """
        t = _treaty(treaty)
        day = as_date(notified, "notified", t.depositary.time_zone)
        if not isinstance(basis, str) or not basis.strip():
            raise InvalidArgumentError(
                f"basis must name the legal ground, e.g. 'VCLT Art. 62', not {shown(basis)}",
                value=basis,
                field="basis",
            )
        steps = tuple(_on_at_depositary(e, t.depositary.time_zone) for e in _events(events))
        reasons = []
        previous: Event | None = None
        for i, e in enumerate(steps):
            if e.step in _INTERNATIONAL:
                reasons.append(
                    f"event {i}: {e.step} belongs to a withdrawal; a suspension's "
                    "notification is the `notified` date"
                )
            if e.on is not None and previous is not None and previous.on is not None and e.on < previous.on:
                reasons.append(f"event {i}: dates go backwards ({e.describe()} after {previous.describe()})")
            if e.on is not None and e.on > day:
                reasons.append(f"event {i}: {e.describe()} is after the notification ({day.isoformat()})")
            if e.on is not None:
                previous = e
        if reasons:
            raise InvalidTransitionError(reasons)
        return cls(
            party=party_code(party),
            treaty=t,
            basis=basis,
            notified=day,
            events=steps,
            outcome=_text(outcome, "outcome"),
            note=_text(note, "note"),
            sources=_sources(sources),
        )

    @property
    def history(self) -> tuple[Event, ...]:
        """The domestic steps recorded before the notification."""
        return self.events

    def __repr__(self) -> str:
        """Party, treaty, basis and notification day on one line.

        >>> Suspension.create(party="UA", treaty="ottawa", basis="VCLT Art. 62", notified="2025-07-18")
        Suspension(UA, ottawa, VCLT Art. 62, notified 2025-07-18)
        """
        return (
            f"Suspension({self.party}, {self.treaty.key}, {self.basis}, notified {self.notified.isoformat()})"
        )

    def explain(self) -> str:
        """Why this record has no effective date, and what to do instead."""
        t = self.treaty
        text = (
            f"{self.party}'s notification received on {self.notified.isoformat()} suspended "
            f"the {t.short_name} under {self.basis}: it is not a withdrawal under "
            f"{t.clause.article}, so it has no notice period and no effective date."
        )
        if self.outcome:
            text += f" {self.outcome}"
        text += (
            " To ask when a withdrawal under the treaty's own clause would take effect, "
            f"use Withdrawal.start(party={self.party!r}, treaty={t.key!r}, "
            "procedure='generic') and record instrument-deposited"
        )
        if t.clause.armed_conflict_deferral:
            text += (
                f"; {t.clause.article} defers the effect while the party is engaged in an "
                "armed conflict at expiry: pass armed_conflicts="
            )
        return text + "."

    def _refuse(self) -> NoReturn:
        raise NotAWithdrawalError(self.explain(), basis=self.basis)

    @property
    def effective_date(self) -> NoReturn:
        """Always raises :class:`~treatywithdraw.errors.NotAWithdrawalError`."""
        self._refuse()

    @property
    def effect(self) -> NoReturn:
        """Always raises :class:`~treatywithdraw.errors.NotAWithdrawalError`."""
        self._refuse()

    def status(self, as_of: DateLike) -> NoReturn:
        """Always raises: a suspension has no withdrawal status."""
        self._refuse()

    def project(self, *args: object, **kwargs: object) -> NoReturn:
        """Always raises: nothing of a withdrawal remains to project."""
        self._refuse()

    def record(self, *args: object, **kwargs: object) -> NoReturn:
        """Always raises: record the steps of a withdrawal on a :class:`Withdrawal`."""
        self._refuse()
