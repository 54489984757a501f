"""Reading the dates callers give us: ``date``, ISO string, or aware ``datetime``."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import cache

from treatywithdraw.errors import InvalidDateError

__all__ = ["DateLike", "as_date", "zone"]

DateLike = date | datetime | str
"""A ``date``, an ISO ``YYYY-MM-DD`` string, or a timezone-aware ``datetime``."""


@cache
def zone(name: str) -> tzinfo:
    """The IANA time zone ``name``, from the system database or dateutil's copy.

    >>> zone("America/New_York").utcoffset(datetime(2025, 6, 27, 12))
    datetime.timedelta(days=-1, seconds=72000)
    """
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ImportError, LookupError, ValueError):
        # No system tz database (e.g. Windows without tzdata): dateutil ships one.
        from dateutil import tz

        found: tzinfo | None = tz.gettz(name)
        if found is None:
            raise InvalidDateError(
                f"unknown time zone {name!r}: use an IANA name such as 'America/New_York'",
                value=name,
                field="time_zone",
            ) from None
        return found


def as_date(value: object, field: str = "date", time_zone: str | None = None) -> date:
    """Read ``value`` as a calendar day.

    A ``datetime`` must be timezone-aware; it is converted to ``time_zone`` (the
    depositary's zone) before its date is taken. A string must be ISO ``YYYY-MM-DD``.

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
        return value.astimezone(zone(time_zone)).date()
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise InvalidDateError(
                f"{field} {value!r} is not an ISO date: write it as YYYY-MM-DD",
                value=value,
                field=field,
            )
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise InvalidDateError(
                f"{field} {value!r} is not a valid day ({exc}): give an ISO date YYYY-MM-DD that exists",
                value=value,
                field=field,
            ) from None
    raise InvalidDateError(
        f"{field} must be a date, an ISO 'YYYY-MM-DD' string or an aware datetime, "
        f"not {type(value).__name__} {value!r}",
        value=value,
        field=field,
    )
