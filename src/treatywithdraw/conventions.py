"""The counting conventions as one table: rule, inverse, sentence and JSON name together.

A depositary turns the end of the notice period (the *expiry*) into the effective date
by its own convention (``DESIGN.md``, "How an effective date is computed"). Each
:class:`~treatywithdraw.Convention` has one :class:`ConventionRule` here:

- ``forward``: from the expiry (and the receipt) to the effective date;
- ``inverse``: from a target effective date to the last receipt or expiry that reaches
  it, for planning (:func:`~treatywithdraw.latest_receipt_date`);
- ``words``: the sentence :meth:`Effect.explain <treatywithdraw.Effect.explain>` prints;
- ``json_name``: the name in JSON output and data files;
- ``from_expiry``: whether the date follows from the expiry (the explanation shows it).

``tests/test_conventions.py`` checks that every member has every entry, so a new
convention cannot fall through an ``if`` chain silently.

>>> RULES[Convention.DAY_AFTER].forward(date(2007, 11, 2), date(2007, 5, 2))
datetime.date(2007, 11, 3)
>>> RULES[Convention.FIRST_OF_NEXT_MONTH].inverse(date(2021, 7, 1))
Inverse(of='expiry', last=datetime.date(2021, 6, 30))
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final, Literal, NamedTuple

from treatywithdraw.clauses import Convention

__all__ = ["RULES", "ConventionRule", "Inverse"]

_ONE_DAY = timedelta(days=1)


class Inverse(NamedTuple):
    """The latest ``of`` (an expiry, or the receipt itself) whose effect is on or before a target."""

    of: Literal["expiry", "receipt"]
    last: date


class ConventionRule(NamedTuple):
    """One counting convention: how it dates the effect, backwards, in words and in JSON."""

    forward: Callable[[date, date], date]
    """``(expiry, received) -> effective date``."""
    inverse: Callable[[date], Inverse]
    """``target -> Inverse``: the latest expiry (or receipt) whose effect is on or before it."""
    words: str
    """The explanation's sentence; ``{year}`` is the year of receipt."""
    json_name: str
    from_expiry: bool = True
    """Whether the date follows from the expiry (``False``: from the year of receipt alone)."""


def _first_of_next_month(expiry: date, received: date) -> date:
    if expiry.month == 12:
        return date(expiry.year + 1, 1, 1)
    return date(expiry.year, expiry.month + 1, 1)


def _end_of_following_year(expiry: date, received: date) -> date:
    # UNESCO Constitution Art. II(6): "on 31 December of the year following that during
    # which the notice was given".
    return date(received.year + 1, 12, 31)


def _latest_receipt_for_following_year(target: date) -> Inverse:
    year = target.year - 1 if (target.month, target.day) == (12, 31) else target.year - 2
    return Inverse("receipt", date(year, 12, 31))


RULES: Final[dict[Convention, ConventionRule]] = {
    Convention.ANNIVERSARY: ConventionRule(
        forward=lambda expiry, received: expiry,
        inverse=lambda target: Inverse("expiry", target),
        words="the effective date is the expiry itself",
        json_name="anniversary",
    ),
    Convention.DAY_AFTER: ConventionRule(
        forward=lambda expiry, received: expiry + _ONE_DAY,
        inverse=lambda target: Inverse("expiry", target - _ONE_DAY),
        words="the effective date is the day after expiry",
        json_name="day-after",
    ),
    Convention.FIRST_OF_NEXT_MONTH: ConventionRule(
        forward=_first_of_next_month,
        inverse=lambda target: Inverse("expiry", date(target.year, target.month, 1) - _ONE_DAY),
        words="the effective date is the first day of the month after expiry",
        json_name="first-of-next-month",
    ),
    Convention.END_OF_FOLLOWING_YEAR: ConventionRule(
        forward=_end_of_following_year,
        inverse=_latest_receipt_for_following_year,
        words="31 December of the year after the year of receipt ({year})",
        json_name="end-of-following-year",
        from_expiry=False,
    ),
    Convention.FIXED_DATE: ConventionRule(
        # The "expiry" of a fixed-date clause is the fixed day itself (effects._fixed_date_effect).
        forward=lambda expiry, received: expiry,
        inverse=lambda target: Inverse("expiry", target),
        words="the withdrawal takes effect on the fixed day of the year the clause names",
        json_name="fixed-date",
    ),
    Convention.END_OF_PERIOD: ConventionRule(
        # The expiry of a fixed-periods clause is the end of the period itself.
        forward=lambda expiry, received: expiry,
        inverse=lambda target: Inverse("expiry", target),
        words="the withdrawal takes effect when the period ends",
        json_name="end-of-period",
    ),
}
