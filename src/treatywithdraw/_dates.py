"""Reading the dates callers give us: ``date``, ISO string, or aware ``datetime``."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from functools import cache
from typing import Any

from treatywithdraw.errors import InvalidDateError

__all__ = ["DateLike", "as_date", "shown", "zone"]

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


@cache
def zone(name: str) -> tzinfo:
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
    found: tzinfo | None = None
    if isinstance(name, str) and len(name) <= 64 and _IANA.fullmatch(name) and ".." not in name:
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
    if found is None:
        raise InvalidDateError(
            f"unknown time zone {shown(name)}: use an IANA name such as 'America/New_York'",
            value=name,
            field="time_zone",
        )
    return found


# An IANA zone name: ASCII words joined by "/" (America/Argentina/Buenos_Aires, Etc/GMT+5, UTC).
_IANA = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9][A-Za-z0-9_+-]*)*\Z")


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
    depositary's zone) before its date is taken. A string must be ISO ``YYYY-MM-DD``.
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
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidDateError(
                f"{field} {value.isoformat()} is a naive datetime: give it a tzinfo "
                "(e.g. tzinfo=timezone.utc) or pass a date",
                value=value,
                field=field,
            )
        if time_zone is None:
            return value.date()
        tz = zone(time_zone)  # an unknown zone raises its own error, naming the zone
        try:
            return value.astimezone(tz).date()
        except (OverflowError, ValueError):
            raise InvalidDateError(
                f"{field} {value.isoformat()} falls outside years 1-9999 when read in "
                f"{shown(time_zone)}: pass a day inside the calendar",
                value=value,
                field=field,
            ) from None
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise InvalidDateError(
                f"{field} {shown(value)} is not an ISO date: write it as YYYY-MM-DD",
                value=value,
                field=field,
            )
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise InvalidDateError(
                f"{field} {shown(value)} is not a valid day ({exc}): give an ISO date YYYY-MM-DD that exists",
                value=value,
                field=field,
            ) from None
    raise InvalidDateError(
        f"{field} must be a date, an ISO 'YYYY-MM-DD' string or an aware datetime, "
        f"not {type(value).__name__} {shown(value)}: pass e.g. '2025-06-27' or datetime.date(2025, 6, 27)",
        value=value,
        field=field,
    )
