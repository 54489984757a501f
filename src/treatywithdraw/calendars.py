"""Is the depositary's office closed on a day? A note for the reader, never a change of date.

Receipt is the day the depositary received the notification (VCLT Art. 78(b)), and an
effective date is the day the clause and the depositary's practice give: neither is
ever moved off a weekend or a holiday. But a receipt day on which the office is closed
deserves a second look (was the instrument really received that day, or dated on the
next working day?), and a planned last receipt day on a closed day means delivering
earlier. :func:`closed` says why a day may be closed, or ``None``.

- **Weekends**: Saturday and Sunday, the weekend of every depositary in the catalogue.
- **Public holidays** of a government depositary (a foreign ministry, a federal
  council), from the optional `holidays <https://pypi.org/project/holidays/>`_ package
  (``pip install 'treatywithdraw[holidays]'``), imported only when asked: the host
  state's public holidays, on the assumption that its government offices close on them.
  Without the package, only weekends are flagged.
- **Not modelled**: the closures of international organisations (the UN Headquarters,
  the Council of Europe, UNESCO, WIPO...), which follow their own published calendars,
  not the host state's; for them only weekends are flagged.

>>> from treatywithdraw.catalogue import treaty
>>> closed(treaty("ottawa"), "2025-06-28")
'Saturday'
>>> closed(treaty("ottawa"), "2025-06-27") is None
True
"""

from __future__ import annotations

from datetime import date

from treatywithdraw._dates import DateLike, as_date
from treatywithdraw.catalogue import Treaty, TreatyLike
from treatywithdraw.catalogue import treaty as _lookup

__all__ = ["WEEKDAYS", "closed", "government_calendar", "weekday"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Government depositaries of the catalogue, by the depositary name in their treaty files,
# with the host state's calendar in the `holidays` package (ISO 3166-1 code, subdivision
# where the ministry sits). Assumed: a government's offices close on its public holidays.
_GOVERNMENT_CALENDARS: dict[str, tuple[str, str | None]] = {
    "Ministry of Foreign Affairs of the Kingdom of the Netherlands": ("NL", None),
    "Government of the Kingdom of the Netherlands": ("NL", None),
    "Swiss Federal Council": ("CH", "BE"),
    "Government of the Swiss Confederation (Depositary Government)": ("CH", "BE"),
    "Government of the United States of America": ("US", "DC"),
    "Government of the Portuguese Republic": ("PT", None),
    "Government of the Federal Republic of Germany": ("DE", "BE"),
    "Government of the Republic of Ecuador": ("EC", None),
}


def weekday(day: DateLike) -> str:
    """The English name of the day of the week.

    >>> weekday("2025-12-27")
    'Saturday'
    """
    return WEEKDAYS[as_date(day, "day").weekday()]


def government_calendar(t: TreatyLike) -> tuple[str, str | None] | None:
    """The host state's holiday calendar (country, subdivision) of a government depositary, else ``None``.

    >>> government_calendar("ap-ii")
    ('CH', 'BE')
    >>> government_calendar("ottawa") is None   # the UN: its own closures, not modelled
    True
    """
    return _GOVERNMENT_CALENDARS.get(_lookup(t).depositary.name)


def closed(t: Treaty | str, day: DateLike) -> str | None:
    """Why the depositary's office may be closed on ``day``, or ``None`` if nothing is known.

    ``'Saturday'`` or ``'Sunday'``; or, for a government depositary with the ``holidays``
    package installed, ``'public holiday in CH: Christmas Day'``.
    """
    treaty, on = _lookup(t), as_date(day, "day")
    if on.weekday() >= 5:
        return WEEKDAYS[on.weekday()]
    calendar = _GOVERNMENT_CALENDARS.get(treaty.depositary.name)
    if calendar is None:
        return None
    holiday = _holiday(calendar, on)
    return None if holiday is None else f"public holiday in {calendar[0]}: {holiday}"


def _holiday(calendar: tuple[str, str | None], on: date) -> str | None:
    try:
        import holidays
    except ImportError:  # the optional extra: without it, weekends only
        return None
    country, subdivision = calendar
    found = holidays.country_holidays(country, subdiv=subdivision, years=on.year).get(on)
    return None if found is None else str(found)
