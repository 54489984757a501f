"""Date-only fast paths for :mod:`treatywithdraw.effects`: a plan compiled once per treaty.

The full computation (:func:`treatywithdraw.effects._resolve`) handles every clause
shape, option, month end and refusal, and builds an :class:`~treatywithdraw.Effect` with
its notes. Most calls need none of that: a receipt day on or before the 28th (no month
lacks it), a clause of the common shapes, no option or only ``party``, ``party_since``,
``later_date`` and ``rounding``. For those a *plan*, compiled once per treaty, does the
month arithmetic inline and returns the date.

A plan answers only what it positively knows. Anything else (a day after the 28th, a
refusal, the edges of the calendar, a party holding its own terms, an option the plan
does not cover, a clause shape it does not know) makes it return ``None``, and the
caller runs the full path, which gives the same answers, errors and messages as it
always did. ``tests/test_fast.py`` checks the plans against the full path day by day for
every treaty of the catalogue.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from treatywithdraw import catalogue as _catalogue
from treatywithdraw.catalogue import Treaty
from treatywithdraw.clauses import Anchor, ClauseKind, Convention, LaterDate
from treatywithdraw.conventions import RULES
from treatywithdraw.errors import TreatyWithdrawError
from treatywithdraw.periods import Period, Rounding, shift

__all__ = ["Plan", "clear", "date_of", "effect_of", "latest_of", "plan_for", "plan_for_name"]

_DIM = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_INDEX = 9999 * 12 + 11
_ONE_DAY = timedelta(days=1)
_LAST_DAY = date.max
_MAX_CACHED = 4096  # treaties built by hand (hypothesis builds thousands): the cache stays bounded


class Plan:
    """What one treaty's clause gives for a receipt day, without building an ``Effect``.

    ``day(received, party_since, later_date)`` is the effective date, or ``None`` where
    the full path must answer; ``plain(received)`` is ``day(received, None, None)``,
    one call shorter. The other attributes are the constants an
    :class:`~treatywithdraw.Effect` of the clause carries.
    """

    __slots__ = (
        "build",
        "computed",
        "convention",
        "day",
        "earliest",
        "ends",
        "needs_later",
        "party_terms",
        "period",
        "plain",
        "rule",
        "threshold",
        "treaty",
        "unchecked_note",
    )

    def __init__(self, treaty: Treaty) -> None:
        self.treaty = treaty
        clause = treaty.clause
        # A party may change the rule: its own terms, or a signatory's provisional
        # application (ECT Art. 45(3)(a)). The full path answers any call naming one.
        self.party_terms = bool(clause.party_terms) or clause.provisional is not None
        self.needs_later = clause.later_date is LaterDate.REQUIRED
        self.earliest: date | None = None
        self.unchecked_note: str | None = None
        self.period: Period | None = clause.notice_period
        self.convention: Convention | None = clause.convention
        self.rule = "clause"
        self.day: Callable[[date, date | None, date | None], date | None] = _never
        self.plain: Callable[[date], date | None] = _nowhere
        self.computed: Callable[[date], tuple[date, date] | None] = _never_pair
        self.build: Callable[[date, date, date], Any] | None = None
        self.threshold: date | None = None
        self.ends: tuple[list[date], list[date]] | None = None
        mp = clause.minimum_participation
        threshold: date | None = None
        party_mp: Period | None = None
        if mp is not None:
            if mp.anchor is Anchor.TREATY and treaty.entry_into_force is not None:
                try:
                    both = shift(treaty.entry_into_force, mp.period)
                except TreatyWithdrawError:
                    return  # an earliest day outside the calendar: the full path says so
                if both.ambiguous:
                    return  # the earliest day depends on rounding: the full path settles it
                threshold = self.earliest = both.backward
            elif mp.anchor is Anchor.PARTY:
                party_mp = mp.period
                self.unchecked_note = (
                    f"{clause.article} allows notice only {mp.period.describe()} after the treaty "
                    "entered into force for the party: not checked, pass party_since= to check it."
                )
            else:  # pragma: no cover - the catalogue reader refuses a treaty anchor without a date
                return
        shape: tuple[_Pair, _On] | None
        if clause.kind is ClauseKind.NOTICE and clause.notice_period is not None:
            shape = _notice(clause.notice_period, clause.convention)
            self.rule = "clause"
        elif clause.kind is ClauseKind.FIXED_PERIODS and clause.fixed_periods is not None:
            self.ends = period_ends(treaty)
            end = _fixed_periods(treaty, self.ends)
            shape = None if end is None else (_both(end), end)
            self.rule, self.period, self.convention = "fixed-periods", None, Convention.END_OF_PERIOD
        elif clause.kind is ClauseKind.FIXED_DATE and clause.fixed_date is not None:
            fixed = _fixed_date(clause.fixed_date.effect_on, clause.fixed_date.receipt_by)
            shape = (_both(fixed), fixed)
            self.rule, self.period, self.convention = "fixed-date", None, Convention.FIXED_DATE
        else:
            return  # no clause (VCLT Art. 56 on request), or a shape this module does not know
        if shape is None:
            return
        self.computed, gives = shape
        self.threshold = threshold
        self.day = _day(gives, threshold, party_mp, clause.later_date, self.needs_later)
        # day(received, None, None), the call without options, with one call fewer: none
        # where a named date is required, else the clause's own function, after the
        # earliest day notice is allowed where there is one.
        if not self.needs_later:
            self.plain = gives if threshold is None else _from(threshold, gives)
        self.build = _builder(self)


def _from(threshold: date, gives: _On) -> _On:
    """``gives``, refusing a receipt before ``threshold`` (a minimum period from entry into force)."""

    def plain(received: date) -> date | None:
        return None if received < threshold else gives(received)

    return plain


def _builder(plan: Plan) -> Callable[[date, date, date], Any] | None:
    """``(received, expiry, date) -> Effect`` as the full path builds it for a plain notice.

    The fields are of the right types by construction, so the constructor's checks are
    skipped. ``None`` when ``Effect`` has a field this module does not fill (a field added
    since: the full path then builds every ``Effect``).
    """
    import attrs

    from treatywithdraw.effects import Effect, LinkedEffect

    t = plan.treaty
    constants: dict[str, object] = {
        "treaty": t,
        "pending": None,
        "party": None,
        "rule": plan.rule,
        "notice_period": plan.period,
        "convention": plan.convention,
        "rounding": t.clause.rounding if t.clause.rounding is not None else Rounding.RAISE,
        "rounded": False,
        "earliest_notice": plan.earliest,
        "notes": (plan.unchecked_note,) if plan.unchecked_note is not None else (),
        # No party is named on this path: the conditions every party meets (ILO Art. 1(5)).
        "conditions": t.clause.conditions_for(None),
    }
    per_call = {"received", "expiry", "date", "computed", "linked"}
    if {f.name for f in attrs.fields(Effect)} != {*constants, *per_call}:
        return None
    pairs = tuple(constants.items())
    links = t.clause.linked
    new, put = Effect.__new__, object.__setattr__

    def build(received: date, expiry: date, day: date) -> Any:
        effect = new(Effect)
        for name, value in pairs:
            put(effect, name, value)
        put(effect, "received", received)
        put(effect, "expiry", expiry)
        put(effect, "date", day)
        put(effect, "computed", day)
        # The treaties the withdrawal takes with it go the same day (Paris Art. 28(3)).
        put(effect, "linked", tuple(LinkedEffect(link=link, date=day) for link in links) if links else ())
        return effect

    return build


def _never(received: date, since: date | None, later: date | None) -> None:
    return None


def _never_pair(received: date) -> None:
    return None


def _add_months(day: date, months: int, days: int) -> date | None:
    """``day + months + days`` where no rounding can matter, else ``None``."""
    if months:
        if day.day > 28:
            return None
        index = day.year * 12 + day.month - 1 + months
        if not 12 <= index <= _MAX_INDEX:
            return None
        year, month0 = divmod(index, 12)
        day = date(year, month0 + 1, day.day)
    if days:
        try:
            return day + timedelta(days=days)
        except OverflowError:
            return None
    return day


def _nowhere(day: date) -> None:
    return None


def _same_day(day: date) -> date:
    return day


def _shifter(months: int, days: int) -> Callable[[date], date | None]:
    """``_add_months(day, months, days)`` for one period, its parts bound once.

    A plan adds the same period on every call: the ``timedelta`` of its days is built
    here, not per call (that was a quarter of the cost of a 150-day clause's answer).
    """
    try:
        delta = timedelta(days=days)
    except OverflowError:  # more days than the calendar holds: every sum leaves it
        return _nowhere
    if not months:
        if not days:
            return _same_day

        def by_days(day: date) -> date | None:
            try:
                return day + delta
            except OverflowError:
                return None

        return by_days

    def by_months(day: date) -> date | None:
        year, month, d = day.year, day.month + months, day.day
        if d > 28:
            return None
        if not 0 < month < 13:  # into another year (no divmod: most sums stay in the year)
            year += (month - 1) // 12
            month = (month - 1) % 12 + 1
            if not 0 < year < 10000:
                return None
        moved = date(year, month, d)
        if not days:
            return moved
        try:
            return moved + delta
        except OverflowError:
            return None

    return by_months


_Pair = Callable[[date], tuple[date, date] | None]
_On = Callable[[date], date | None]


def _both(on: _On) -> _Pair:
    """``received -> (date, date)`` for a clause whose expiry is its date."""

    def pair(received: date) -> tuple[date, date] | None:
        found = on(received)
        return None if found is None else (found, found)

    return pair


def _notice(period: Period, convention: Convention | None) -> tuple[_Pair, _On] | None:
    """``received -> (expiry, computed date)`` and ``received -> computed date`` for a notice
    clause, or ``None`` for the conventions it lacks. The second builds no pair: an
    effective date needs no expiry (and under the anniversary it is the sum itself)."""
    add = _shifter(period.total_months, period.days)
    if convention is Convention.ANNIVERSARY:
        return _both(add), add
    if convention is Convention.DAY_AFTER:

        def day_after(received: date) -> tuple[date, date] | None:
            expiry = add(received)
            if expiry is None or expiry == _LAST_DAY:
                return None
            return expiry, expiry + _ONE_DAY

        if period.days or not period.total_months:

            def day_after_on(received: date) -> date | None:
                expiry = add(received)
                if expiry is None or expiry == _LAST_DAY:
                    return None
                return expiry + _ONE_DAY

        else:  # whole months (every such clause of the catalogue but one): the day after, built at once
            months = period.total_months

            def day_after_on(received: date) -> date | None:
                year, month, d = received.year, received.month + months, received.day  # the expiry's, as _shifter
                if d > 28:
                    return None
                if not 0 < month < 13:
                    year += (month - 1) // 12
                    month = (month - 1) % 12 + 1
                    if not 0 < year < 10000:
                        return None
                if d < 28:
                    return date(year, month, d + 1)  # every month has the 28th
                return date(year, month, 28) + _ONE_DAY

        return day_after, day_after_on
    if convention is Convention.FIRST_OF_NEXT_MONTH:

        def first_of_next_month(received: date) -> tuple[date, date] | None:
            expiry = add(received)
            if expiry is None:
                return None
            if expiry.month == 12:
                if expiry.year == 9999:
                    return None
                return expiry, date(expiry.year + 1, 1, 1)
            return expiry, date(expiry.year, expiry.month + 1, 1)

        if period.days or not period.total_months:

            def first_of_next_month_on(received: date) -> date | None:
                found = first_of_next_month(received)
                return None if found is None else found[1]

        else:  # whole months (every such clause of the catalogue): the expiry's month is enough
            shift = period.total_months - 1

            def first_of_next_month_on(received: date) -> date | None:
                if received.day > 28:
                    return None  # where a month lacks the day, as _shifter
                index = received.year * 12 + received.month + shift  # the expiry's month
                if not 12 <= index < _MAX_INDEX:
                    return None  # before year 1, or an expiry in December 9999 or after
                year, month0 = divmod(index + 1, 12)
                return date(year, month0 + 1, 1)

        return first_of_next_month, first_of_next_month_on
    if convention is Convention.END_OF_FOLLOWING_YEAR:

        def end_of_following_year(received: date) -> tuple[date, date] | None:
            expiry = add(received)
            if expiry is None or received.year >= 9999:
                return None
            return expiry, date(received.year + 1, 12, 31)

        def end_of_following_year_on(received: date) -> date | None:
            if add(received) is None or received.year >= 9999:
                return None
            return date(received.year + 1, 12, 31)

        return end_of_following_year, end_of_following_year_on
    return None


def _backward(day: date, months: int) -> date | None:
    """``day + months``, a missing day rounded back to the month's last (``add_period`` ``BACKWARD``)."""
    index = day.year * 12 + day.month - 1 + months
    if not 12 <= index <= _MAX_INDEX:
        return None
    year, month0 = divmod(index, 12)
    last = (
        _DIM[month0]
        if month0 != 1
        else (29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28)
    )
    return date(year, month0 + 1, min(day.day, last))


def period_ends(t: Treaty) -> tuple[list[date], list[date]] | None:
    """Every end of a fixed-periods clause up to the calendar's last year, with its notice deadline.

    A few thousand at most (periods are whole months); ``None`` for a shape not covered.
    """
    fp = t.clause.fixed_periods
    assert fp is not None
    if fp.first.days or fp.then.days or fp.then.total_months <= 0:
        return None
    first_end = _backward(fp.start, fp.first.total_months)
    step = fp.then.total_months
    before_months, before_days = -fp.notice_before_end.total_months, -fp.notice_before_end.days
    ends: list[date] = []
    deadlines: list[date] = []
    end = first_end
    while end is not None:
        deadline = _backward(end, before_months)
        try:
            deadline = None if deadline is None else deadline + timedelta(days=before_days)
        except OverflowError:
            deadline = None
        if deadline is None:
            break
        ends.append(end)
        deadlines.append(deadline)
        assert first_end is not None
        end = _backward(first_end, step * len(ends))
    return ends, deadlines


def _fixed_periods(t: Treaty, listed: tuple[list[date], list[date]] | None) -> _On | None:
    """The end of the period current at receipt (``effects._fixed_period_end``), by bisection."""
    if listed is None:
        return None
    ends, deadlines = listed
    assert t.clause.fixed_periods is not None
    start = t.clause.fixed_periods.start

    def fixed(received: date) -> date | None:
        if received < start:
            return None
        # A period covers [end of the previous one, its end): the first end after receipt.
        k = bisect_right(ends, received)
        if k == len(ends) or received > deadlines[k]:
            return None  # past the listed ends, or a late notice (refused, or carried on with a note)
        return ends[k]

    return fixed


def _fixed_date(effect_on: tuple[int, int], receipt_by: tuple[int, int]) -> _On:
    """The first fixed day whose cut-off the receipt met (``effects._fixed_date_effect``), inline."""
    effect_on_day, cutoff = effect_on, receipt_by
    month, day = effect_on
    cut_first = cutoff < effect_on  # the cut-off falls earlier in the same year as the effect

    def fixed(received: date) -> date | None:
        # The first year whose fixed day is after receipt and whose cut-off it met: this
        # year, the next, or the one after (effects._fixed_date_effect, counted by cases).
        year = received.year
        if year < 2:
            return None  # a cut-off in year 0: the full path
        md = (received.month, received.day)
        if cut_first and md <= cutoff and effect_on_day > md:
            ahead = 0
        elif cut_first or md <= cutoff:
            ahead = 1
        else:
            ahead = 2
        if year + ahead > 9999:
            return None
        return date(year + ahead, month, day)

    return fixed


def _day(
    gives: _On,
    threshold: date | None,
    party_mp: Period | None,
    later_rule: LaterDate,
    needs_later: bool,
) -> Callable[[date, date | None, date | None], date | None]:
    """The effective date of one receipt: the minimum-participation checks, the clause, a named date."""
    mp_months = party_mp.total_months if party_mp is not None else 0
    mp_days = party_mp.days if party_mp is not None else 0
    later_allowed = later_rule is not LaterDate.NONE

    # The earliest day for the last party_since asked about (callers ask about one party at
    # a time), swapped in as one tuple so that threads never see half of it.
    memo: list[tuple[date | None, date | None]] = [(None, None)]

    def day(received: date, since: date | None, later: date | None) -> date | None:
        if threshold is not None and received < threshold:
            return None
        if since is not None:
            if party_mp is not None:
                known = memo[0]
                if since is known[0]:
                    earliest = known[1]
                else:
                    earliest = _add_months(since, mp_months, mp_days)
                    memo[0] = (since, earliest)
                if earliest is None or received < earliest:
                    return None
            if received < since:
                return None
        found = gives(received)
        if found is None:
            return None
        if later is not None:
            if not later_allowed or later < found:
                return None
            return later
        if needs_later:
            return None
        return found

    return day


def _plan(treaty: object) -> Plan | None:
    if type(treaty) is str:
        found = _by_name.get(treaty)
        return found if found is not None and _names_of is _catalogue._files else plan_for_name(treaty)
    if type(treaty) is Treaty:
        plan = _by_id.get(id(treaty))
        return plan if plan is not None and plan.treaty is treaty else plan_for(treaty)
    return None


def effect_of(treaty: object, received: date) -> Any:
    """``effect(treaty, received)`` (no options) where a plan knows it, else ``None``."""
    plan = _plan(treaty)
    if plan is None or plan.build is None or plan.needs_later:
        return None
    if plan.threshold is not None and received < plan.threshold:
        return None
    found = plan.computed(received)
    if found is None:
        return None
    return plan.build(received, found[0], found[1])


def latest_of(treaty: object, target: date) -> date | None:
    """``latest_receipt_date(treaty, target)`` (no options) for a notice clause, else ``None``.

    The same search as ``effects._single_rounding_latest``: an estimate from the inverse of
    the convention, then a step to the exact boundary; every day it looks at must be one a
    plan knows, so both roundings agree and no month end is near.
    """
    plan = _plan(treaty)
    if plan is None or plan.rule != "clause" or plan.period is None or plan.threshold is not None:
        return None
    if plan.unchecked_note is not None or plan.build is None:
        return None  # a minimum-participation clause: the full path bounds the answer
    assert plan.convention is not None
    try:
        of, last = RULES[plan.convention].inverse(target)
    except (OverflowError, ValueError):
        return None
    if of == "receipt":
        return last
    guess = _add_months(last, -plan.period.total_months, -plan.period.days)
    if guess is None or guess == date.max:
        return None
    # The estimate is the answer when it reaches the target and the next day does not;
    # anywhere else (a month end near, a flat stretch of first-of-next-month) the full
    # path steps to the boundary.
    found, following = plan.computed(guess), plan.computed(guess + _ONE_DAY)
    if found is None or following is None or found[1] > target or following[1] <= target:
        return None
    return guess


# -- the caches ----------------------------------------------------------------------------

_by_id: dict[int, Plan] = {}
_by_name: dict[str, Plan] = {}
_names_of: object = None  # the catalogue's file cache the names were resolved against


def clear() -> None:
    """Forget every plan (the catalogue was reloaded)."""
    _by_id.clear()
    _by_name.clear()


def plan_for(t: Treaty) -> Plan:
    """The plan of ``t``, compiled on first use (keyed on the object: a treaty is immutable)."""
    plan = _by_id.get(id(t))
    if plan is None or plan.treaty is not t:
        if len(_by_id) >= _MAX_CACHED:
            _by_id.clear()
        plan = _by_id[id(t)] = Plan(t)
    return plan


def plan_for_name(name: str) -> Plan | None:
    """The plan of the treaty ``name`` (a key or an alias) names; ``None`` if it names none."""
    global _names_of
    if _catalogue._files is not _names_of:  # the catalogue was swapped (tests): start again
        _by_name.clear()
        _names_of = _catalogue._files
    plan = _by_name.get(name)
    if plan is None:
        try:
            t = _catalogue.treaty(name)
        except TreatyWithdrawError:
            return None
        if len(_by_name) >= _MAX_CACHED:
            _by_name.clear()
        plan = _by_name[name] = plan_for(t)
    return plan


_parties: dict[str, str] = {}
_ROUNDINGS = {member: member for member in Rounding} | {member.value: member for member in Rounding}


def date_of(treaty: object, received: date, values: Mapping[str, Any]) -> date | None:
    """``effective_date(treaty, received, **values)`` where a plan knows it, else ``None``.

    ``received`` is a ``date`` (exactly); ``values`` are the keyword options.
    """
    # _plan(treaty), inlined: the commonest call of the library, where a call is a tenth of the cost.
    if type(treaty) is str:
        plan = _by_name.get(treaty)
        if plan is None or _names_of is not _catalogue._files:
            plan = plan_for_name(treaty)
            if plan is None:
                return None
    elif type(treaty) is Treaty:
        plan = _by_id.get(id(treaty))
        if plan is None or plan.treaty is not treaty:
            plan = plan_for(treaty)
    else:
        return None
    if not values:
        return plan.plain(received)
    if len(values) == 1:  # one option, the common case: no loop
        (name,) = values
        value = values[name]
        if type(value) is date:
            if name == "later_date":
                return plan.day(received, None, value)
            if name == "party_since":
                return plan.day(received, value, None)
        elif name == "party" and type(value) is str and value in _parties and not plan.party_terms:
            return plan.plain(received)  # a party code already read, with no terms of its own
    since = later = None
    for name, value in values.items():
        if value is None:
            continue
        if name == "party":
            if plan.party_terms or _party(value) is None:
                return None
        elif name == "party_since":
            if type(value) is not date:
                return None
            since = value
        elif name == "later_date":
            if type(value) is not date:
                return None
            later = value
        elif name != "rounding" or not _rounding_ok(value):
            return None
    return plan.day(received, since, later)


def _rounding_ok(value: object) -> bool:
    try:
        return value in _ROUNDINGS
    except TypeError:  # unhashable: the full path names it
        return False


def _party(value: object) -> str | None:
    """The party code of ``value`` where it is a valid one (remembered), else ``None``."""
    if type(value) is not str:
        return None
    code = _parties.get(value)
    if code is None:
        stripped = value.strip()
        if len(stripped) != 2 or not stripped.isascii() or not stripped.isalpha():
            return None
        if len(_parties) < _MAX_CACHED:
            _parties[value] = code = stripped.upper()
        else:
            code = stripped.upper()
    return code
