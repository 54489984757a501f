"""Calendar periods and the one place that adds months to a date.

Semantics follow Catala's ``dates_calc`` (Monat, Fromherz and Merigoux, "Formalizing
Date Arithmetic and Statically Detecting Ambiguities for the Law", ESOP 2024): years
and months are added together and rounded **once**, then days are added exactly. So
``1 year`` is always the same as ``12 months`` and a period's parts never round twice.

A month addition is *ambiguous* when the target month is shorter than the starting
day (31 August + 6 months: there is no 31 February). :class:`Rounding` says what to do:

- ``RAISE`` (the default): raise :class:`~treatywithdraw.AmbiguousDateError` whose
  ``.candidates`` is ``(backward, forward)``;
- ``BACKWARD``: the last day of the target month;
- ``FORWARD``: the first day of the month after it.
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from typing import Any

import attrs

from treatywithdraw._dates import as_date, shown
from treatywithdraw.errors import AmbiguousDateError, InvalidArgumentError, InvalidDateError

__all__ = ["Period", "Rounding", "Shifted", "add_period", "days_in_month", "shift"]

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_MONTH_INDEX = 9999 * 12 + 11  # December 9999, the last month a date can hold
_MAX_PART = 10**12  # far beyond any date arithmetic (years 1-9999); keeps str() printable


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year`` (Gregorian).

    >>> days_in_month(2024, 2), days_in_month(2025, 2), days_in_month(1900, 2)
    (29, 28, 28)
    """
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


class CheckedEnumType(enum.EnumType):
    """Enum metaclass: a value the enum lacks raises :class:`~treatywithdraw.InvalidArgumentError`.

    Its message names the value and the choices, whatever the value is (Python's own
    ``ValueError`` would also fail to print an int of more than 4300 digits).

    >>> Rounding("sideways")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidArgumentError: 'sideways' is not a Rounding: use one of 'raise', 'backward', 'forward'
    """

    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            # Enum's functional API ("Name", "A B") makes a new enum; these are closed.
            raise InvalidArgumentError(
                f"{cls.__name__} takes one value, not {1 + len(args) + len(kwargs)}: "
                f"use one of {', '.join(repr(m.value) for m in cls)}",  # type: ignore[var-annotated]
                value=value,
                field=cls.__name__.lower(),
            )
        try:
            return super().__call__(value)
        except Exception:
            choices = ", ".join(repr(m.value) for m in cls)  # type: ignore[var-annotated]
            raise InvalidArgumentError(
                f"{shown(value)} is not a {cls.__name__}: use one of {choices}",
                value=value,
                field=cls.__name__.lower(),
            ) from None


class Rounding(enum.Enum, metaclass=CheckedEnumType):
    """What to do when adding months lands on a day the month lacks."""

    RAISE = "raise"
    """Refuse: raise :class:`~treatywithdraw.AmbiguousDateError` with both candidates."""
    BACKWARD = "backward"
    """Round to the last day of the month (31 Aug + 6 months → 28 Feb)."""
    FORWARD = "forward"
    """Round to the first day of the next month (31 Aug + 6 months → 1 Mar)."""

    @classmethod
    def coerce(cls, value: Rounding | str | None, default: Rounding | None = None) -> Rounding:
        """Accept a member, its lower-case name, or ``None`` (meaning ``default``).

        >>> Rounding.coerce("backward")
        <Rounding.BACKWARD: 'backward'>
        """
        if value is None:
            return default if default is not None else cls.RAISE
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            try:
                return cls(value.strip().lower())
            except ValueError:
                pass
        raise InvalidArgumentError(
            f"rounding {shown(value)} is not known: pass 'backward', 'forward', 'raise' "
            "or a treatywithdraw.Rounding member",
            value=value,
            field="rounding",
        )


class _NotAnInt(InvalidArgumentError, TypeError):
    """A period's part that is not an ``int``: still the ``TypeError`` it always was."""


def _whole(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    """A period's part: an ``int`` (not a ``bool``) of at most 10**12 either way."""
    if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise _NotAnInt(
            f"Period {attribute.name} must be an int, not {type(value).__name__} {shown(value)}: "
            "pass e.g. Period(months=6)",
            value=value,
            field=attribute.name,
        )
    if not -_MAX_PART <= value <= _MAX_PART:
        raise InvalidArgumentError(
            f"Period {attribute.name}={shown(value)} is out of range: each part must be within "
            "±10**12 (no date arithmetic needs more)",
            value=value,
            field=attribute.name,
        )


_PERIOD_RE = re.compile(
    # [0-9], not \d: "P٦M" (Arabic-Indic six) is not an ISO duration; \Z: no trailing newline.
    r"(?P<sign>-)?P(?:(?P<y>-?[0-9]+)Y)?(?:(?P<m>-?[0-9]+)M)?(?:(?P<w>-?[0-9]+)W)?(?:(?P<d>-?[0-9]+)D)?\Z"
)


def _read_period(text: object) -> tuple[int, int, int] | str:
    """``text`` as (years, months, days), or what is wrong with it for the caller's message:
    ``is not an ISO 8601 duration`` or ``is out of range`` (a part beyond ±10**12).

    A leading ``-`` negates the whole period; each part may also carry its own ``-``
    (``P1Y-1M``, as ``java.time.Period`` writes a period whose parts differ in sign).
    """
    upper = text.strip().upper() if isinstance(text, str) else ""
    match = _PERIOD_RE.match(upper)
    if match is None or upper in ("P", "-P"):
        return "is not an ISO 8601 duration"
    values = []
    for part in "ymwd":
        raw = match[part] or "0"
        digits = raw.lstrip("-").lstrip("0") or "0"
        if len(digits) > 13:  # 10**12 has 13 digits; no int() on thousands of them
            return "is out of range"
        values.append(-int(digits) if raw.startswith("-") else int(digits))
    sign = -1 if match["sign"] else 1
    years, months, days = sign * values[0], sign * values[1], sign * (values[2] * 7 + values[3])
    if any(abs(n) > _MAX_PART for n in (years, months, days)):
        return "is out of range"
    return years, months, days


@attrs.frozen(eq=False)
class Period:
    """A calendar period: years, months and days, kept apart.

    A period is not a ``timedelta``: "6 months" has no fixed number of days. Equal
    periods compare equal however they are written (``P1Y`` and ``P12M``): years and
    months are added together and rounded once, so they are the same period.

    >>> Period(months=6)
    Period(years=0, months=6, days=0)
    >>> str(Period.parse("P1Y6M"))
    'P1Y6M'
    >>> Period.parse("P1Y") .total_months == Period(months=12).total_months
    True
    """

    years: int = attrs.field(default=0, validator=_whole)
    months: int = attrs.field(default=0, validator=_whole)
    days: int = attrs.field(default=0, validator=_whole)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read an ISO 8601 duration with years, months, weeks and days (``P6M``, ``P150D``).

        A leading ``-`` negates the whole period. Weeks are seven days. A part may carry
        its own ``-`` when the parts differ in sign (``P1Y-1M`` is one year less one
        month), which is how ``str()`` writes such a period (as ``java.time.Period`` does).

        >>> Period.parse("P2W")
        Period(years=0, months=0, days=14)
        >>> Period.parse("P1Y-1M")
        Period(years=1, months=-1, days=0)
        >>> Period.parse("6 months")
        Traceback (most recent call last):
        ...
        treatywithdraw.errors.InvalidArgumentError: period '6 months' is not an ISO 8601 duration: write it like 'P6M', 'P1Y', 'P150D'
        """
        found = _read_period(text)
        if isinstance(found, str):
            fix = "write it like 'P6M', 'P1Y', 'P150D'"
            if "ISO" not in found:
                fix = "each part must be within 10**12"
            raise InvalidArgumentError(f"period {shown(text)} {found}: {fix}", value=text, field="period")
        years, months, days = found
        return cls(years=years, months=months, days=days)

    @property
    def total_months(self) -> int:
        """Years and months together, in months."""
        return self.years * 12 + self.months

    def __eq__(self, other: object) -> bool:
        """``P1Y == P12M``: the same months and days.

        >>> Period(years=1) == Period(months=12), Period(months=12) == Period(days=365)
        (True, False)
        """
        if not isinstance(other, Period):
            return NotImplemented
        return (self.total_months, self.days) == (other.total_months, other.days)

    def __hash__(self) -> int:
        return hash((self.total_months, self.days))

    def __neg__(self) -> Period:
        return Period(years=-self.years, months=-self.months, days=-self.days)

    def __str__(self) -> str:
        """ISO 8601: ``P1Y6M``; ``-P6M`` when no part is positive; ``P1Y-1M`` when the parts
        differ in sign (each part then carries its own sign). ``Period.parse`` reads all three
        back to the same parts.

        >>> str(Period(months=-6)), str(Period(years=1, months=-1)), str(Period(months=-1, days=5))
        ('-P6M', 'P1Y-1M', 'P-1M5D')
        """
        parts = ((self.years, "Y"), (self.months, "M"), (self.days, "D"))
        if max(self.years, self.months, self.days) <= 0 and self != Period():
            return "-P" + "".join(f"{-n}{unit}" for n, unit in parts if n)
        body = "".join(f"{n}{unit}" for n, unit in parts if n)
        return f"P{body or '0D'}"

    def describe(self) -> str:
        """Plain English: ``6 months``, ``1 year``, ``150 days``.

        A negative part reads ``minus``, and a positive part after it ``plus``, as a sum
        is read aloud: ``minus 6 months``, ``1 year minus 1 month``.

        >>> Period(years=1, months=6).describe()
        '1 year and 6 months'
        >>> Period(months=-6).describe(), Period(years=1, months=-1, days=3).describe()
        ('minus 6 months', '1 year minus 1 month plus 3 days')
        """
        named = ((self.years, "year"), (self.months, "month"), (self.days, "day"))
        parts = [(n, unit) for n, unit in named if n]
        if not parts:
            return "0 days"
        words = [f"{abs(n)} {unit}{'' if abs(n) == 1 else 's'}" for n, unit in parts]
        if all(n > 0 for n, _ in parts):
            return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)
        signed = [f"{'minus' if n < 0 else 'plus'} {word}" for (n, _), word in zip(parts, words, strict=True)]
        return " ".join(signed).removeprefix("plus ")


@attrs.frozen
class Shifted:
    """``day + period`` under both roundings: a value, resolved at the edge.

    ``backward`` and ``forward`` are equal unless adding the months landed on a day the
    target month lacks (31 August + 6 months); then ``missing`` names that day
    (``2026-02-31``). :meth:`resolve` applies one rounding policy.

    >>> s = shift(date(2025, 8, 31), Period(months=6))
    >>> s.ambiguous, s.backward, s.forward
    (True, datetime.date(2026, 2, 28), datetime.date(2026, 3, 1))
    >>> s.resolve(Rounding.FORWARD)
    datetime.date(2026, 3, 1)
    """

    origin: date
    period: Period
    backward: date
    forward: date
    missing: str = ""

    @property
    def ambiguous(self) -> bool:
        """Whether the two roundings give different days."""
        return self.backward != self.forward

    def resolve(self, rounding: Rounding) -> date:
        """The day ``rounding`` gives; with ``RAISE``, raise if the roundings differ.

        Raises:
            AmbiguousDateError: ``.candidates`` is ``(backward, forward)``.
        """
        if self.backward == self.forward or rounding is Rounding.BACKWARD:
            return self.backward
        if rounding is Rounding.FORWARD:
            return self.forward
        raise AmbiguousDateError(
            f"{_sum_words(self.origin, self.period)} has no such day ({self.missing} does not exist)",
            (self.backward, self.forward),
        )


def shift(day: date, period: Period) -> Shifted:
    """``day + period`` under both roundings (see :class:`Shifted`). ``day`` must be a ``date``.

    Raises:
        InvalidDateError: the result is outside years 1-9999.
    """
    origin = day
    months = period.years * 12 + period.months
    if not months:
        day = _add_days(day, period, origin) if period.days else day
        return Shifted(origin, period, day, day)
    index = day.year * 12 + day.month - 1 + months
    if not 12 <= index <= _MAX_MONTH_INDEX:
        raise InvalidDateError(
            f"{_sum_words(origin, period)} falls outside years 1-9999: "
            "only days from 0001-01-01 to 9999-12-31 exist",
            value=day,
            field="date",
        )
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last = days_in_month(year, month)
    if day.day <= last:
        target = date(year, month, day.day)
        target = _add_days(target, period, origin) if period.days else target
        return Shifted(origin, period, target, target)
    backward = date(year, month, last)
    forward = backward + timedelta(days=1)
    if period.days:
        backward, forward = _add_days(backward, period, origin), _add_days(forward, period, origin)
    return Shifted(origin, period, backward, forward, f"{year:04d}-{month:02d}-{day.day:02d}")


def add_period(day: date, period: Period, rounding: Rounding | str = Rounding.RAISE) -> date:
    """Add ``period`` to ``day``: years and months together, rounded once, then days.

    Args:
        day: the starting day (a ``date``, an ISO string or an aware ``datetime``).
        period: what to add (negative periods subtract).
        rounding: what to do when the day does not exist in the target month.

    Raises:
        AmbiguousDateError: the target day does not exist and ``rounding`` is ``RAISE``.
        InvalidDateError: ``day`` is not a day, or the result is outside years 1–9999.
        InvalidArgumentError: ``period`` is not a :class:`Period`, or ``rounding`` is unknown.

    >>> add_period(date(2025, 6, 27), Period(months=6))
    datetime.date(2025, 12, 27)
    >>> add_period(date(2024, 2, 29), Period(years=1), "backward")
    datetime.date(2025, 2, 28)
    >>> add_period(date(2025, 8, 31), Period(months=6))
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.AmbiguousDateError: 2025-08-31 + 6 months has no such day (2026-02-31 does not exist): pass rounding="backward" (2026-02-28) or rounding="forward" (2026-03-01)
    """
    if type(day) is not date:
        day = as_date(day, "day")
    if type(period) is not Period and not isinstance(period, Period):
        raise InvalidArgumentError(
            f"period must be a treatywithdraw.Period, not {type(period).__name__} {shown(period)}: "
            "pass e.g. Period(months=6) or Period.parse('P6M')",
            value=period,
            field="period",
        )
    if rounding is not Rounding.RAISE and type(rounding) is not Rounding:
        rounding = Rounding.coerce(rounding)
    return shift(day, period).resolve(rounding)


def _sum_words(day: date, period: Period) -> str:
    """``day + period`` for a message: ``2025-08-31 + 6 months``, ``6 months before 0001-03-01``.

    A period whose parts differ in sign reads as a sum: ``2025-01-31 + 1 year minus 1 month``.
    """
    if max(period.years, period.months, period.days) <= 0 and period != Period():
        return f"{(-period).describe()} before {day.isoformat()}"
    return f"{day.isoformat()} + {period.describe()}"


def _add_days(day: date, period: Period, origin: date) -> date:
    """``day`` + the days of ``period``; ``origin`` (the day before any months) names it in errors."""
    try:
        return day + timedelta(days=period.days)
    except OverflowError:
        raise InvalidDateError(
            f"{_sum_words(origin, period)} falls outside years 1-9999: "
            "only days from 0001-01-01 to 9999-12-31 exist",
            value=origin,
            field="date",
        ) from None
