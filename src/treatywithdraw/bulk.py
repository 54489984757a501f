"""Effective dates of many receipt days at once, for datasets: :func:`effective_dates`.

One call computes what a loop of :func:`~treatywithdraw.effective_date` would, day by
day, but never raises half-way: a day on which the law gives no single answer (an
ambiguous month end, a notice too early or too late, a condition that leaves the date
pending) gets no date and the *name* of the error :func:`~treatywithdraw.effective_date`
would raise for it. Arguments that are wrong for every day (an unknown treaty, an
unknown option, a value that is not a day, a treaty without a withdrawal clause) raise
one error before anything is computed.

With NumPy installed (``pip install 'treatywithdraw[bulk]'``) the common clause shapes
are computed as whole arrays; the rest, and everything without NumPy, go day by day
through the same functions as :func:`~treatywithdraw.effective_date`. NumPy is imported
only when this function is called.

>>> import treatywithdraw as tw
>>> result = tw.effective_dates("ottawa", ["2025-06-27", "2025-08-31", "2025-09-01"])
>>> result.dates
(datetime.date(2025, 12, 27), None, datetime.date(2026, 3, 1))
>>> result.errors
(None, 'AmbiguousDateError', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, Unpack, overload

from treatywithdraw import _fast
from treatywithdraw._dates import as_date, shown
from treatywithdraw.catalogue import Treaty, TreatyLike
from treatywithdraw.catalogue import treaty as _lookup
from treatywithdraw.clauses import ClauseKind, Convention, LaterDate
from treatywithdraw.errors import (
    InvalidArgumentError,
    InvalidDateError,
    MissingExtraError,
    NoWithdrawalClauseError,
    TreatyWithdrawError,
)
from treatywithdraw.options import NoticeOptions, OptionValues, merge_options
from treatywithdraw.periods import Rounding, shift

__all__ = ["EffectiveDates", "effective_dates"]

# Error kinds the array computation gives itself (code = position; 0 is "no error").
_KINDS = ("", "AmbiguousDateError", "NoticeTooEarlyError", "NoticeTooLateError", "NoticeNotAllowedError")
_AMBIGUOUS, _TOO_EARLY, _TOO_LATE, _NOT_ALLOWED = 1, 2, 3, 4


class EffectiveDates(Sequence[date | None]):
    """The effective dates of many receipt days, and per day the error where there is none.

    A sequence of ``date | None``, one per receipt day, in order. ``errors`` holds, for
    each day without a date, the name of the error :func:`~treatywithdraw.effective_date`
    raises for it (``'AmbiguousDateError'``, ``'NoticeTooEarlyError'``, ...), and ``None``
    for each day with one. :meth:`datetime64` gives the dates as a NumPy array (``NaT``
    where there is none) without building a Python ``date`` per day.

    >>> r = effective_dates("icsid", ["2007-05-02", "2012-01-24"])
    >>> list(r), r.errors
    ([datetime.date(2007, 11, 3), datetime.date(2012, 7, 25)], (None, None))
    >>> r
    EffectiveDates(icsid, 2 days, 2 dates)
    """

    __slots__ = ("_array", "_codes", "_dates", "_errors", "_kinds", "treaty")

    def __init__(self, treaty: Treaty, dates: Iterable[date | None], errors: Iterable[str | None]) -> None:
        """Per day a date or an error name (the other ``None``); :func:`effective_dates` builds one."""
        if type(treaty) is not Treaty:
            raise InvalidArgumentError(
                f"treaty must be a Treaty, not {type(treaty).__name__} {shown(treaty)}: "
                "build the result with effective_dates()",
                value=treaty,
                field="treaty",
            )
        listed, named = _items(dates, "dates"), _items(errors, "errors")
        if len(listed) != len(named) or any(
            not ((type(d) is date and e is None) or (d is None and type(e) is str))
            for d, e in zip(listed, named, strict=False)
        ):
            raise InvalidArgumentError(
                "dates and errors must be as long as each other and give, per day, a date or an "
                "error name (the other None): build the result with effective_dates()",
                field="dates",
            )
        self.treaty = treaty
        self._dates: tuple[date | None, ...] | None = tuple(listed)
        self._errors: tuple[str | None, ...] | None = tuple(named)
        self._array: Any = None
        self._codes: Any = None
        self._kinds: tuple[str, ...] = _KINDS

    @classmethod
    def _of_arrays(cls, treaty: Treaty, array: Any, codes: Any, kinds: Sequence[str]) -> EffectiveDates:
        """A result held as NumPy arrays: Python dates and names are built when first asked for."""
        result = cls.__new__(cls)
        result.treaty, result._dates, result._errors = treaty, None, None
        result._array, result._codes, result._kinds = array, codes, tuple(kinds)
        return result

    @property
    def dates(self) -> tuple[date | None, ...]:
        """The effective date of each receipt day; ``None`` where ``errors`` names why there is none."""
        if self._dates is None:
            self._dates = tuple(self._array.tolist())
        return self._dates

    @property
    def errors(self) -> tuple[str | None, ...]:
        """Per day, the name of the error ``effective_date`` raises for it, or ``None``."""
        if self._errors is None:
            kinds = [None, *self._kinds[1:]]
            self._errors = tuple(kinds[code] for code in self._codes.tolist())
        return self._errors

    def datetime64(self) -> Any:
        """The dates as a NumPy ``datetime64[D]`` array, ``NaT`` where there is none.

        Raises:
            MissingExtraError: NumPy is not installed.
        """
        np = _numpy(required=True)
        if self._array is not None:
            return self._array.copy()
        return np.array([d if d is not None else "NaT" for d in self.dates], dtype="datetime64[D]")

    def __len__(self) -> int:
        return len(self._array) if self._array is not None else len(self.dates)

    @overload
    def __getitem__(self, index: int) -> date | None: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[date | None, ...]: ...

    def __getitem__(self, index: int | slice) -> date | tuple[date | None, ...] | None:
        return self.dates[index]

    def __iter__(self) -> Iterator[date | None]:
        return iter(self.dates)

    def __repr__(self) -> str:
        found = sum(1 for e in self.errors if e is None)
        return f"EffectiveDates({self.treaty.key}, {len(self)} days, {found} dates)"


def _items(values: object, field: str) -> list[Any]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidArgumentError(
            f"{field} must be a sequence, not {type(values).__name__} {shown(values)}",
            value=values,
            field=field,
        )
    return list(values)


def _numpy(*, required: bool = False) -> Any:
    try:
        import numpy
    except ImportError as exc:
        if required:
            raise MissingExtraError(
                "datetime64() needs NumPy: pip install 'treatywithdraw[bulk]'", name="numpy"
            ) from exc
        return None
    return numpy


def effective_dates(
    treaty: TreatyLike,
    days: Iterable[Any],
    *,
    options: NoticeOptions | None = None,
    **option_values: Unpack[OptionValues],
) -> EffectiveDates:
    """The effective date of a withdrawal notice received on each of ``days``.

    Args:
        treaty: a key, an alias or a :class:`~treatywithdraw.Treaty`.
        days: receipt days: a sequence of anything :func:`~treatywithdraw.effective_date`
            reads as a day (``date``, ISO string, aware ``datetime``, pandas ``Timestamp``,
            NumPy ``datetime64``), or a NumPy ``datetime64`` array, a pandas ``Series`` or
            ``DatetimeIndex``.
        options: a :class:`~treatywithdraw.NoticeOptions`, applied to every day.
        **option_values: the notice options as keywords, as for ``effective_date``.

    Returns:
        An :class:`EffectiveDates`: per day the date ``effective_date`` gives, or
        ``None`` and the name of the error it raises (``errors``).

    Raises:
        UnknownTreatyError, InvalidArgumentError: an unknown treaty or option.
        InvalidDateError: a value that is not a day (the message names its position);
            a missing value (``NaT``) is not a day either.
        NoWithdrawalClauseError: the treaty has no clause and ``apply_vclt56`` is false.

    >>> r = effective_dates("genocide", ["2025-06-27", "2025-12-01"])
    >>> r.dates, r.errors
    ((datetime.date(2026, 1, 12), None), (None, 'NoticeTooLateError'))
    """
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    opts = merge_options(options, dict(option_values))
    np = _numpy()
    if np is not None and _is_array(days):
        array = _as_array(np, days, t)
        if array is not None:
            return _with_numpy(np, t, array, opts)
        days = list(days)
    received = _as_days(days, t)
    if np is not None and received and _vector_plan(t, opts) is not None:
        array = np.array(received, dtype="datetime64[D]")
        return _with_numpy(np, t, array, opts)
    # Day by day: the plan's fast path where the call is a plain one, else the full path.
    values = option_values if options is None else None
    dates: list[date | None] = []
    errors: list[str | None] = []
    for day in received:
        found, kind = _one(t, day, opts, values)
        dates.append(found)
        errors.append(kind)
    return EffectiveDates(t, dates, errors)


def _one(t: Treaty, day: date, opts: NoticeOptions, values: Any) -> tuple[date | None, str | None]:
    """One day: its date, or the name of the error ``effective_date`` raises for it."""
    if values is not None:
        fast = _fast.date_of(t, day, values)
        if fast is not None:
            return fast, None
    from treatywithdraw.effects import effect

    try:
        result = effect(t, day, options=opts)
    except NoWithdrawalClauseError:
        raise  # the same for every day: the treaty has no clause
    except TreatyWithdrawError as exc:
        return None, type(exc).__name__
    if result.date is None:
        return None, "EffectPendingError"
    return result.date, None


def _is_array(days: object) -> bool:
    return type(days).__module__.split(".", 1)[0] in ("numpy", "pandas")


def _as_days(days: Iterable[Any], t: Treaty) -> list[date]:
    if isinstance(days, (str, bytes)) or not isinstance(days, Iterable):
        raise InvalidArgumentError(
            f"days must be a sequence of receipt days, not {type(days).__name__} {shown(days)}: "
            "pass e.g. ['2025-06-27', '2025-08-31']",
            value=days,
            field="days",
        )
    zone = t.depositary.time_zone
    return [d if type(d) is date else as_date(d, f"days[{i}]", zone) for i, d in enumerate(days)]


def _as_array(np: Any, days: Any, t: Treaty) -> Any:
    """A NumPy or pandas array of days as ``datetime64[D]``; ``None`` to read it day by day."""
    values = np.asarray(days)
    if values.dtype.kind != "M":
        return None  # objects (dates, strings, aware Timestamps): read one by one
    if values.ndim != 1:
        raise InvalidArgumentError(
            f"days must be one-dimensional, not an array of shape {values.shape}",
            value=days,
            field="days",
        )
    whole = values.astype("datetime64[D]")
    missing = np.isnat(values)
    if missing.any():
        i = int(np.argmax(missing))
        raise InvalidDateError(
            f"days[{i}] is NaT (not a time), a missing value: give the day, e.g. '2025-06-27', "
            "or drop the missing rows first",
            value=days[i] if isinstance(days, np.ndarray) else None,
            field=f"days[{i}]",
        )
    timed = whole != values
    if timed.any():
        i = int(np.argmax(timed))
        raise InvalidDateError(
            f"days[{i}] {values[i]} has a time of day but NumPy times have no zone, so it names no one "
            "day: pass the days alone (values.astype('datetime64[D]'), or Series.dt.normalize())",
            field=f"days[{i}]",
        )
    lo, hi = np.datetime64("0001-01-01", "D"), np.datetime64("9999-12-31", "D")
    outside = (whole < lo) | (whole > hi)
    if outside.any():
        i = int(np.argmax(outside))
        raise InvalidDateError(
            f"days[{i}] {whole[i]} is not a day of years 1-9999: pass days inside the calendar",
            field=f"days[{i}]",
        )
    return whole


# -- the array computation -----------------------------------------------------------------


def _vector_plan(t: Treaty, opts: NoticeOptions) -> _fast.Plan | None:
    """The treaty's plan where the arrays can follow it for these options, else ``None``."""
    if opts.armed_conflicts or opts.apply_vclt56 or opts.extended_to or opts.agreement_in_force:
        return None
    clause = t.clause
    if opts.party is not None and clause.terms_for(opts.party) is not None:
        return None
    plan = _fast.plan_for(t)
    # A plan exists for the notice conventions, fixed periods and fixed dates it knows.
    if plan.computed is _fast._never_pair or (plan.ends is not None and not plan.ends[0]):
        return None
    return plan


def _with_numpy(np: Any, t: Treaty, received: Any, opts: NoticeOptions) -> EffectiveDates:
    plan = _vector_plan(t, opts)
    codes = np.zeros(len(received), dtype=np.int8)
    out = np.full(len(received), _NAT, dtype=np.int64)
    # Days the arrays leave to the one-day path (calendar edges, thresholds that are ambiguous).
    leave = np.zeros(len(received), dtype=bool)
    if plan is None:
        leave[:] = True
    else:
        _compute(np, t, plan, received.view(np.int64), opts, out, codes, leave)
    array = out.view("datetime64[D]")
    kinds = list(_KINDS)
    for i in np.flatnonzero(leave).tolist():
        found, kind = _one(t, received[i].item(), opts, None)
        if found is not None:
            array[i], codes[i] = found, 0
        else:
            assert kind is not None
            if kind not in kinds:
                kinds.append(kind)
            codes[i] = kinds.index(kind)
    return EffectiveDates._of_arrays(t, array, codes, kinds)


# Days are int64 counts from 1970-01-01 (NumPy's datetime64[D]). Months are read from one
# table of the first day of every month of the calendar (built once, 120,000 entries):
# indexing it is many times cheaper than NumPy's unit conversions or integer division.
_NAT = -(2**63)
_LO = -719162  # 0001-01-01
_HI = 2932896  # 9999-12-31
_LAST_MONTH = 9999 * 12 + 11 - 12  # December 9999, counted from January of year 1 (index 0)
_starts: Any = None


def _month_starts(np: Any) -> Any:
    """The day number of the first day of each month from January 1 to January 10002."""
    global _starts
    if _starts is None:
        months = np.arange(np.datetime64("0001-01", "M"), np.datetime64("10002-02", "M"))
        _starts = months.astype("datetime64[D]").view(np.int64)
    return _starts


def _month_index(np: Any, days: Any) -> Any:
    """The table index of the month of each day number.

    An estimate from the mean month (400 years are 146,097 days and 4,800 months), off by
    one at most in either direction, corrected against the table: half the cost of
    NumPy's unit conversion (``datetime64[D]`` to ``[M]``), which was most of a century's
    answers for a clause read from the year alone. Days before the table get -1 and days
    after it its last index: every caller passes days of the calendar or clips the result.
    """
    starts = _month_starts(np)
    guess = np.clip((days - _LO) * 4800 // 146097, 0, len(starts) - 2)
    guess -= starts[guess] > days
    guess += starts[guess + 1] <= days
    return guess


def _number_of(day: date) -> int:
    return day.toordinal() - 719163


def _compute(
    np: Any, t: Treaty, plan: _fast.Plan, received: Any, opts: NoticeOptions, out: Any, codes: Any, leave: Any
) -> None:
    """Fill ``out`` and ``codes`` as ``effects._resolve`` would, day by day, for a clause a plan covers."""
    clause = t.clause
    mode = opts.rounding if opts.rounding is not None else clause.rounding or Rounding.RAISE
    # Minimum participation: the earliest day, as the full path computes it.
    earliest = plan.threshold
    mp = clause.minimum_participation
    if mp is not None and plan.unchecked_note is not None and opts.party_since is not None:
        try:
            both = shift(opts.party_since, mp.period)
        except TreatyWithdrawError:
            leave[:] = True
            return
        if both.ambiguous and mode is Rounding.RAISE:
            leave[:] = True  # which day is the earliest depends on rounding: the one-day path settles it
            return
        earliest = both.forward if mode is Rounding.FORWARD else both.backward
    bound = max(
        _number_of(earliest) if earliest is not None else _LO,
        _number_of(opts.party_since) if opts.party_since is not None else _LO,
    )
    too_early = received < bound

    refused = None
    if clause.kind is ClauseKind.NOTICE:
        back, fwd, amb, edge = _notice(np, plan, received)
    elif clause.kind is ClauseKind.FIXED_PERIODS:
        back, refused, before, edge = _periods(np, t, plan, received)
        too_early |= before
        fwd, amb = back, np.zeros(len(received), dtype=bool)
    else:
        back, edge = _fixed_day(np, t, received)
        fwd, amb = back, np.zeros(len(received), dtype=bool)
    if mode is not Rounding.RAISE:
        # A rounding was chosen: no day is ambiguous, each has the one date that rounding gives.
        back = fwd = back if mode is Rounding.BACKWARD else fwd
        amb = np.zeros(len(received), dtype=bool)
    amb = amb & (back != fwd)  # both roundings give the same date: that is the answer
    result = back
    later = opts.later_date
    if later is not None:
        named = _number_of(later)
        if clause.later_date is LaterDate.NONE:
            codes[:] = _NOT_ALLOWED  # the same refusal whatever the day and the rounding
        else:
            # Refused where the named day is before the clause's date. Where the rounding
            # decides it, the two refusals (or a refusal and a date) differ: ambiguous.
            codes[~amb & (back > named)] = _NOT_ALLOWED
            codes[amb & (fwd > named)] = _AMBIGUOUS
        amb = np.zeros(len(received), dtype=bool)
        result = np.full(len(received), named, dtype=np.int64)
    elif clause.later_date is LaterDate.REQUIRED and clause.kind is ClauseKind.NOTICE:
        # The notice must name its date: refused, the refusal naming the clause's date
        # (so two roundings giving two dates refuse differently: ambiguous).
        codes[:] = _NOT_ALLOWED
    codes[amb] = _AMBIGUOUS
    if refused is not None:
        codes[refused] = _TOO_LATE  # refused before any named date is looked at
    codes[too_early] = _TOO_EARLY  # refused before anything else
    leave |= edge
    ok = (codes == 0) & ~leave
    out[ok] = result[ok]


def _notice(np: Any, plan: _fast.Plan, received: Any) -> tuple[Any, Any, Any, Any]:
    """The clause's date under both roundings, the ambiguous days, and the days at the calendar's edges."""
    assert plan.period is not None
    months, days = plan.period.total_months, plan.period.days
    starts = _month_starts(np)
    index = _month_index(np, received)
    if (
        plan.convention is Convention.END_OF_FOLLOWING_YEAR
        and months >= 0
        and days >= 0
        and int(received.max()) < _HI - 31 * (months + 13) - days
    ):
        # The date follows from the year of receipt alone, and no expiry nears the end of
        # the calendar: the expiry need not be computed.
        nothing = np.zeros(len(received), dtype=bool)
        back = starts[(index // 12 + 2) * 12] - 1
        return back, back, nothing, nothing
    target = index + months
    edge = (target < 0) | (target > _LAST_MONTH)
    target = np.clip(target, 0, _LAST_MONTH)
    start = starts[target]
    length = starts[target + 1] - start
    day0 = received - starts[index]  # the day of the month, from 0
    amb = day0 >= length
    back = start + np.minimum(day0, length - 1)
    fwd = back + amb
    if days:
        back, fwd = back + days, fwd + days
    edge |= (back < _LO) | (fwd > _HI)
    convention = plan.convention
    if convention is Convention.DAY_AFTER:
        back, fwd = back + 1, fwd + 1
    elif convention is Convention.FIRST_OF_NEXT_MONTH:
        if days:
            back = starts[np.clip(_month_index(np, back), 0, _LAST_MONTH) + 1]
            fwd = starts[np.clip(_month_index(np, fwd), 0, _LAST_MONTH) + 1]
        else:  # the expiry is in the target month, or the first day of the next
            back, fwd = starts[target + 1], starts[target + 1 + amb]
    elif convention is Convention.END_OF_FOLLOWING_YEAR:
        back = fwd = starts[(index // 12 + 2) * 12] - 1
    # Outside years 1-9999 somewhere on the way: the one-day path names the error.
    edge |= fwd > _HI
    return back, fwd, amb, edge


_ends: dict[int, tuple[_fast.Plan, Any, Any]] = {}  # a plan's period ends as day numbers


def _periods(np: Any, t: Treaty, plan: _fast.Plan, received: Any) -> tuple[Any, Any, Any, Any]:
    """The end of the period current at receipt, the late notices, the days before the first period,
    and the days past the listed ends."""
    assert plan.ends is not None and t.clause.fixed_periods is not None
    cached = _ends.get(id(plan))
    if cached is None or cached[0] is not plan:
        if len(_ends) >= 1024:
            _ends.clear()
        cached = _ends[id(plan)] = (
            plan,
            np.array([_number_of(d) for d in plan.ends[0]], dtype=np.int64),
            np.array([_number_of(d) for d in plan.ends[1]], dtype=np.int64),
        )
    _, ends, deadlines = cached
    k = np.searchsorted(ends, received, side="right")
    edge = k >= len(ends)
    k = np.minimum(k, len(ends) - 1)
    end = ends[k]
    late = (received > deadlines[k]) & ~edge
    if t.clause.fixed_periods.late_notice != "refused":
        # Carried to the end of the next period: this end plus one period, rounded back.
        starts = _month_starts(np)
        index = _month_index(np, end)
        target = index + t.clause.fixed_periods.then.total_months
        edge |= late & (target > _LAST_MONTH)
        target = np.minimum(target, _LAST_MONTH)
        following = starts[target] + np.minimum(end - starts[index], starts[target + 1] - starts[target] - 1)
        end = np.where(late, following, end)
        late[:] = False
    before = received < _number_of(t.clause.fixed_periods.start)
    return end, late & ~before, before, edge


def _fixed_day(np: Any, t: Treaty, received: Any) -> tuple[Any, Any]:
    """The first fixed day after receipt whose cut-off the receipt met (``effects._fixed_date_effect``)."""
    fd = t.clause.fixed_date
    assert fd is not None
    starts = _month_starts(np)
    year = np.clip(_month_index(np, received) // 12, 1, 9996)  # years from 1, as table rows
    result = np.zeros(len(received), dtype=np.int64)
    found = np.zeros(len(received), dtype=bool)
    em, ed = fd.effect_on
    rm, rd = fd.receipt_by
    for ahead in range(3):  # a cut-off falls within every year: at most two years on
        row = (year + ahead) * 12
        effect = starts[row + em - 1] + ed - 1
        same = starts[row + rm - 1] + rd - 1
        cutoff = np.where(same < effect, same, starts[row - 12 + rm - 1] + rd - 1)
        hit = ~found & (effect > received) & (received <= cutoff)
        result[hit] = effect[hit]
        found |= hit
    edge = ~found | (received < _number_of(date(2, 1, 1))) | (received > _number_of(date(9997, 12, 31)))
    return result, edge
