"""Reading the dates callers give us: ``date``, ISO string, or aware ``datetime``."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone, tzinfo
from functools import cache
from typing import Any

from treatywithdraw.errors import InvalidDateError

__all__ = ["DateLike", "Instant", "as_date", "at_depositary", "shown", "zone"]

DateLike = date | datetime | str
"""A ``date``, an ISO ``YYYY-MM-DD`` string, or a timezone-aware ``datetime``."""


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for an error message: one line, about ``limit`` characters at most.

    Never raises, whatever the caller passed: an int too long to print (Python refuses
    ``repr`` beyond 4300 digits) or an object whose ``__repr__`` fails is named by its type.

    >>> shown("2025-02-30"), shown(10**5000), shown("x" * 100)
    ("'2025-02-30'", '<int of 16610 bits>', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")
    """
    try:
        text = repr(value)
    except Exception:
        if isinstance(value, int):
            return f"<int of {value.bit_length()} bits>"
        return f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def zone(name: object) -> tzinfo:
    """The IANA time zone ``name``: the system database, or the copy dateutil ships.

    Only IANA names are read (``America/New_York``): not file paths, not POSIX TZ strings
    such as ``JST-9``, which the operating system would also accept.

    >>> zone("America/New_York").utcoffset(datetime(2025, 6, 27, 12))
    datetime.timedelta(days=-1, seconds=72000)
    >>> zone("/etc/localtime")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidDateError: unknown time zone '/etc/localtime': use an IANA name such as 'America/New_York'
    """
    found = _zone(name) if type(name) is str else None
    if found is None:
        raise InvalidDateError(
            f"unknown time zone {shown(name)}: use an IANA name such as 'America/New_York'",
            value=name,
            field="time_zone",
        )
    return found


@cache
def _zone(name: str) -> tzinfo | None:
    found: tzinfo | None = None
    if len(name) <= 64 and _IANA.fullmatch(name) and ".." not in name:
        try:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            found = ZoneInfo(name)
        except ZoneInfoNotFoundError:  # the database has no such zone
            found = None
        except (ImportError, ValueError, OSError):  # no usable tz database here (OSError: a name too long)
            # dateutil's own copy, for the names that passed the IANA check above.
            from dateutil import tz

            try:
                found = tz.gettz(name)
            except (ValueError, OSError):
                found = None
    return found


# An IANA zone name: ASCII words joined by "/" (America/Argentina/Buenos_Aires, Etc/GMT+5, UTC).
_IANA = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9][A-Za-z0-9_+-]*)*\Z")


class Instant(date):
    """A day read from an aware ``datetime`` before the depositary's time zone was known.

    The one rule for aware datetimes (``docs/concepts``): an instant names the calendar
    day it falls on *at the depositary* (the treaty's ``depositary.time_zone``), wherever
    it is given. An :class:`~treatywithdraw.timeline.Event` or a
    :class:`~treatywithdraw.NoticeOptions` built before any treaty is known keeps the
    instant in :attr:`at` and, until then, stands for the day of its own zone; the
    withdrawal or computation that brings the treaty reads it again with
    :func:`at_depositary`. Arithmetic and ``replace`` give plain dates.

    >>> from datetime import timedelta, timezone
    >>> i = Instant(datetime(2025, 6, 28, 0, 30, tzinfo=timezone(timedelta(hours=14))))
    >>> i == date(2025, 6, 28), at_depositary(i, "America/New_York")
    (True, datetime.date(2025, 6, 27))
    >>> i + timedelta(days=1)
    datetime.date(2025, 6, 29)
    """

    __slots__ = ("at",)
    at: datetime

    def __new__(cls, at: datetime) -> Instant:
        day = at.date()
        self = super().__new__(cls, day.year, day.month, day.day)
        self.at = at
        return self

    def __repr__(self) -> str:
        return f"Instant({self.at.isoformat()!r})"

    def plain(self) -> date:
        """The plain day this stands for until the depositary's zone is known."""
        return date(self.year, self.month, self.day)

    def __add__(self, other: Any) -> Any:
        return self.plain() + other

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        return self.plain() - other

    def replace(self, *args: Any, **kwargs: Any) -> date:  # type: ignore[override]  # a plain date
        return self.plain().replace(*args, **kwargs)

    def __reduce__(self) -> tuple[type[Instant], tuple[datetime]]:
        return (Instant, (self.at,))


def at_depositary(value: date | None, time_zone: str) -> date | None:
    """``value`` as the depositary's day: an :class:`Instant` is read in ``time_zone``.

    Every other value is returned unchanged (it is a day already).
    """
    if type(value) is not Instant:
        return value
    return _in_zone(value.at, value.at.isoformat(), "date", time_zone)


def _in_zone(value: datetime, text: str, field: str, time_zone: str) -> date:
    tz = zone(time_zone)  # an unknown zone raises its own error, naming the zone
    try:
        return value.astimezone(tz).date()
    except (OverflowError, ValueError):
        raise InvalidDateError(
            f"{field} {text} falls outside years 1-9999 when read in "
            f"{shown(time_zone)}: pass a day inside the calendar",
            value=value,
            field=field,
        ) from None


_FIELDS = ("year", "month", "day", "hour", "minute", "second", "microsecond")


def _aware(value: datetime, field: str) -> datetime:
    """``value`` as a plain aware ``datetime``, or one clear error.

    The offset is asked for once, through the base type: a ``tzinfo`` whose ``utcoffset``
    raises, or returns something that is not an offset of less than a day, is refused
    here rather than failing later with a foreign exception.
    """
    try:
        offset = datetime.utcoffset(value)
    except Exception as exc:  # a user's tzinfo may raise anything
        raise InvalidDateError(
            f"{field}: the datetime's tzinfo {shown(value.tzinfo)} fails to give an offset "
            f"({type(exc).__name__}): use datetime.timezone or zoneinfo.ZoneInfo",
            value=value,
            field=field,
        ) from None
    plain = datetime(*(getattr(datetime, name).__get__(value) for name in _FIELDS))
    if offset is None:
        raise InvalidDateError(
            f"{field} {plain.isoformat()} is a naive datetime: give it a tzinfo "
            "(e.g. tzinfo=timezone.utc) or pass a date",
            value=value,
            field=field,
        )
    return plain.replace(tzinfo=timezone(offset))


def _array_library_day(value: Any, field: str) -> date | None:
    """The day a pandas ``Timestamp`` or a NumPy ``datetime64`` stands for, without importing either.

    Both libraries write a calendar day as a zone-less midnight (``pd.Timestamp("2025-06-27")``,
    ``np.datetime64("2025-06-27")``): that is read as the day. A zone-less value with a time
    of day is refused like a naive ``datetime`` (which zone's day would it be?); a
    zone-aware ``Timestamp`` returns ``None`` and is read as an aware ``datetime``.
    """
    name = type(value).__name__
    if name == "NaTType" or (name == "datetime64" and str(value) == "NaT"):
        raise InvalidDateError(
            f"{field} is NaT (not a time), a missing value: give the day, e.g. '2025-06-27'",
            value=value,
            field=field,
        )
    if name == "Timestamp" and isinstance(value, datetime):
        if value.tzinfo is not None:
            return None
        if value.time() == time(0) and getattr(value, "nanosecond", 0) == 0:
            return date(value.year, value.month, value.day)
        raise InvalidDateError(
            f"{field} {value.isoformat()} is a Timestamp with a time of day but no zone: "
            "localise it (ts.tz_localize('UTC')) or pass ts.normalize() for the day alone",
            value=value,
            field=field,
        )
    if name == "datetime64":
        text = str(value)
        day, _, clock = text.partition("T")
        if clock.strip("0:."):
            raise InvalidDateError(
                f"{field} numpy.datetime64({text!r}) has a time of day but NumPy times have no zone, "
                "so it names no one day: pass value.astype('datetime64[D]') for the day alone",
                value=value,
                field=field,
            )
        try:
            return as_date(day, field)
        except InvalidDateError:
            raise InvalidDateError(
                f"{field} numpy.datetime64({text!r}) is not one day of years 1-9999: "
                "pass a day, e.g. numpy.datetime64('2025-06-27')",
                value=value,
                field=field,
            ) from None
    return None


def as_date(value: object, field: str = "date", time_zone: str | None = None) -> date:
    """Read ``value`` as a calendar day.

    A ``datetime`` must be timezone-aware; it is converted to ``time_zone`` (the
    depositary's zone) before its date is taken. Without ``time_zone`` (no treaty known
    yet) it becomes an :class:`Instant`, which :func:`at_depositary` reads later. A string must be ISO ``YYYY-MM-DD``.
    A pandas ``Timestamp`` or NumPy ``datetime64`` at midnight without a zone is that day
    (how both libraries write a date); with a time of day it needs a zone.

    >>> as_date("2025-06-27")
    datetime.date(2025, 6, 27)
    >>> from datetime import timezone
    >>> as_date(datetime(2025, 6, 28, 2, tzinfo=timezone.utc), time_zone="America/New_York")
    datetime.date(2025, 6, 27)
    >>> as_date("2025-02-30")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidDateError: date '2025-02-30' is not a valid day (day is out of range for month): give an ISO date YYYY-MM-DD that exists
    """
    cls = type(value)
    if cls is date:
        return value  # type: ignore[return-value]  # exact-type fast path
    if cls.__module__.split(".", 1)[0] in ("pandas", "numpy"):
        day = _array_library_day(value, field)
        if day is not None:
            return day
    if cls is Instant:
        return value if time_zone is None else _in_zone(value.at, value.at.isoformat(), field, time_zone)  # type: ignore[attr-defined,return-value]
    if isinstance(value, datetime):
        moment = _aware(value, field)
        if time_zone is None:
            return Instant(moment)  # read at the depositary once the treaty is known
        return _in_zone(moment, moment.isoformat(), field, time_zone)
    if isinstance(value, date):
        # The base type's own methods: a subclass's properties are not trusted.
        return date.fromordinal(date.toordinal(value))
    if isinstance(value, str):
        given = str.__str__(value)  # the base type's text: a subclass's methods are not trusted
        text = given.strip()
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise InvalidDateError(
                f"{field} {shown(given)} is not an ISO date: write it as YYYY-MM-DD",
                value=value,
                field=field,
            )
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise InvalidDateError(
                f"{field} {shown(given)} is not a valid day ({exc}): give an ISO date YYYY-MM-DD that exists",
                value=value,
                field=field,
            ) from None
    raise InvalidDateError(
        f"{field} must be a date, an ISO 'YYYY-MM-DD' string or an aware datetime, "
        f"not {type(value).__name__} {shown(value)}: pass e.g. '2025-06-27' or datetime.date(2025, 6, 27)",
        value=value,
        field=field,
    )
