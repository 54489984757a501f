"""iCalendar (RFC 5545) export: the dated steps of withdrawals, for any calendar program.

One all-day event per recorded step that has a date (undated steps are skipped), one
per projected step (:meth:`~treatywithdraw.timeline.Withdrawal.project`, marked
"projected" and ``STATUS:TENTATIVE``), and one for the effective date, whose
description is the derivation (:meth:`~treatywithdraw.effects.Effect.explain`). While a
suspensive condition holds (Ottawa Art. 20(3)) there is no effective date: the event
marks the end of the notice period instead, saying why the effect is pending.

The output is reproducible: UIDs are built from the party, the treaty, the step and
the day, and ``DTSTAMP`` is ``as_of`` (or the last recorded day), never the clock.

The export needs the optional ``icalendar`` package (``pip install 'treatywithdraw[ics]'``),
imported only when :func:`to_ics` runs. The dated entries are also what
:func:`treatywithdraw.formats.mermaid.timeline_gantt` draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Final

from treatywithdraw._dates import DateLike, as_date
from treatywithdraw._display import escape_controls
from treatywithdraw.errors import MissingExtraError
from treatywithdraw.formats._entries import entries, windows, withdrawals_of
from treatywithdraw.timeline import Withdrawal

__all__ = ["PRODID", "to_ics"]

PRODID: Final = "-//treatywithdraw//EN"
"""The ``PRODID`` of every calendar :func:`to_ics` writes."""

_UID_DOMAIN = "treatywithdraw"
_ONE_DAY = timedelta(days=1)
_MISSING = "the iCalendar export needs the 'ics' extra: pip install 'treatywithdraw[ics]'"


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def to_ics(withdrawals: Withdrawal | Iterable[Withdrawal], *, as_of: DateLike | None = None) -> str:
    """An iCalendar file (RFC 5545) of one or several withdrawals, as text.

    Args:
        withdrawals: a :class:`~treatywithdraw.timeline.Withdrawal` or an iterable of them.
        as_of: the day the calendar is stamped (``DTSTAMP``, midnight UTC), and the day
            to project from when a withdrawal has nothing dated yet. By default the last
            recorded day of all the withdrawals: never the clock.

    Returns:
        The calendar, with CRLF line ends as RFC 5545 requires.

    Raises:
        MissingExtraError: ``icalendar`` is not installed (also an ``ImportError``).
        NotAWithdrawalError: a :class:`~treatywithdraw.timeline.Suspension` was given.
        InvalidArgumentError: no withdrawal; something else than a withdrawal; a
            withdrawal with nothing dated and no ``as_of``.
        AmbiguousDateError, NoWithdrawalClauseError: as the effect or the projection
            of a withdrawal raises them.
    """
    try:
        import icalendar
    except ImportError as exc:
        raise MissingExtraError(_MISSING, name="icalendar") from exc

    items = withdrawals_of(withdrawals, "to_ics")
    day = None if as_of is None else as_date(as_of, "as_of")
    per_withdrawal = [(w, (*entries(w, day, "to_ics"), *windows(w, day))) for w in items]
    if day is None:
        day = max(e.on for w in items for e in w.events if e.on is not None)
    stamp = datetime(day.year, day.month, day.day, tzinfo=UTC)

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    names = dict.fromkeys(f"{w.party} {w.treaty.short_name}" for w in items)
    calendar.add("x-wr-calname", escape_controls("treatywithdraw: " + ", ".join(names), keep=""))
    used: set[str] = set()
    for w, rows in per_withdrawal:
        for entry in rows:
            base = _slug(f"{w.party}-{w.treaty.key}-{entry.title}-{entry.day.isoformat()}")
            uid, n = f"{base}@{_UID_DOMAIN}", 1
            while uid in used:  # the same step twice on one day: number the repeats
                n += 1
                uid = f"{base}-{n}@{_UID_DOMAIN}"
            used.add(uid)
            event = icalendar.Event()
            event.add("uid", uid)
            event.add("dtstamp", stamp)
            event.add("dtstart", entry.day)
            last = entry.until or entry.day  # a legal window is an all-day span
            if last < date.max:  # without DTEND an all-day event lasts its one day (RFC 5545)
                event.add("dtend", last + _ONE_DAY)
            # Controls in a note or a treaty of one's own are escaped: a reader splitting on
            # U+2028 or U+0085 would otherwise see injected lines (BEGIN:VEVENT ...).
            event.add("summary", escape_controls(f"{w.party} {w.treaty.short_name}: {entry.title}", keep=""))
            event.add("description", escape_controls("\n".join(entry.details)))
            event.add(
                "categories", ["treatywithdraw", entry.kind, *(["projected"] if entry.projected else [])]
            )
            event.add("status", "TENTATIVE" if entry.projected else "CONFIRMED")
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    text: bytes = calendar.to_ical()
    return text.decode("utf-8")
