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

__all__ = ["Period", "Rounding", "add_period", "days_in_month"]

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


_PERIOD_RE = re.compile(r"^(?P<sign>-)?P(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?$")


@attrs.frozen
class Period:
    """A calendar period: years, months and days, kept apart.

    A period is not a ``timedelta``: "6 months" has no fixed number of days.

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

        A leading ``-`` negates the whole period. Weeks are seven days.

        >>> Period.parse("P2W")
        Period(years=0, months=0, days=14)
        >>> Period.parse("6 months")
        Traceback (most recent call last):
        ...
        treatywithdraw.errors.InvalidArgumentError: period '6 months' is not an ISO 8601 duration: write it like 'P6M', 'P1Y', 'P150D'
        """
        match = _PERIOD_RE.match(text.strip().upper()) if isinstance(text, str) else None
        if match is None or text.strip().upper() in ("P", "-P"):
            raise InvalidArgumentError(
                f"period {shown(text)} is not an ISO 8601 duration: write it like 'P6M', 'P1Y', 'P150D'",
                value=text,
                field="period",
            )
        if any(len(match[part] or "") > 12 for part in "ymwd"):
            raise InvalidArgumentError(
                f"period {shown(text)} is out of range: each part must be within 10**12",
                value=text,
                field="period",
            )
        sign = -1 if match["sign"] else 1
        years, months = int(match["y"] or 0), int(match["m"] or 0)
        days = int(match["w"] or 0) * 7 + int(match["d"] or 0)
        return cls(years=sign * years, months=sign * months, days=sign * days)

    @property
    def total_months(self) -> int:
        """Years and months together, in months."""
        return self.years * 12 + self.months

    def __neg__(self) -> Period:
        return Period(years=-self.years, months=-self.months, days=-self.days)

    def __str__(self) -> str:
        parts = [(abs(self.years), "Y"), (abs(self.months), "M"), (abs(self.days), "D")]
        negative = self.years < 0 or self.months < 0 or self.days < 0
        body = "".join(f"{n}{unit}" for n, unit in parts if n)
        return f"{'-' if negative else ''}P{body or '0D'}"

    def describe(self) -> str:
        """Plain English: ``6 months``, ``1 year``, ``150 days``.

        >>> Period(years=1, months=6).describe()
        '1 year and 6 months'
        """
        words = []
        for n, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if n:
                words.append(f"{n} {unit}{'' if abs(n) == 1 else 's'}")
        if not words:
            return "0 days"
        return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


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
    months = period.years * 12 + period.months
    if months:
        index = day.year * 12 + day.month - 1 + months
        if not 12 <= index <= _MAX_MONTH_INDEX:
            raise InvalidDateError(
                f"{day.isoformat()} + {period.describe()} falls outside years 1-9999: "
                "only days from 0001-01-01 to 9999-12-31 exist",
                value=day,
                field="date",
            )
        year, month0 = divmod(index, 12)
        month = month0 + 1
        last = days_in_month(year, month)
        if day.day <= last:
            day = date(year, month, day.day)
        else:
            backward = date(year, month, last)
            forward = backward + timedelta(days=1)
            if rounding is Rounding.BACKWARD:
                day = backward
            elif rounding is Rounding.FORWARD:
                day = forward
            else:
                backward = _add_days(backward, period)
                forward = _add_days(forward, period)
                raise AmbiguousDateError(
                    f"{day.isoformat()} + {period.describe()} has no such day "
                    f"({year:04d}-{month:02d}-{day.day:02d} does not exist): "
                    f'pass rounding="backward" ({backward.isoformat()}) or '
                    f'rounding="forward" ({forward.isoformat()})',
                    (backward, forward),
                )
    return _add_days(day, period) if period.days else day


def _add_days(day: date, period: Period) -> date:
    try:
        return day + timedelta(days=period.days)
    except OverflowError:
        raise InvalidDateError(
            f"{day.isoformat()} + {period.describe()} falls outside years 1-9999: "
            "only days from 0001-01-01 to 9999-12-31 exist",
            value=day,
            field="date",
        ) from None
