"""Clause families: the few shapes that hundreds of withdrawal clauses share.

The Council of Europe's two hundred conventions, the UN's treaties and the rest word
their denunciation clauses in a handful of ways: "six months after the date of receipt"
(the expiry itself, or the day after it), "the first day of the month following the
expiration of a period of three, six or twelve months", a fixed day of the year, fixed
periods, or no clause at all. A *family* names one such way; it is computed from the
clause's data (kind, notice period, counting convention), so it is modelled once, here,
and every treaty has one. A *lock-in* (notice allowed only some years after entry
into force, CETS Art. "at any time after five years") is a separate trait a clause of
any family may have: :func:`lock_in`.

>>> from treatywithdraw import treaty
>>> family_of(treaty("cets-126")).key, family_of(treaty("ottawa")).key
('first-of-month-after-1-year', '6-months-same-day')
>>> family("first-of-month-after-6-months").title
'the first day of the month after 6 months'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from treatywithdraw._dates import shown
from treatywithdraw.clauses import ClauseKind, Convention
from treatywithdraw.errors import InvalidArgumentError
from treatywithdraw.periods import Period

if TYPE_CHECKING:
    from treatywithdraw.catalogue import Treaty

__all__ = ["Family", "families", "family", "family_of", "lock_in"]


@attrs.frozen(kw_only=True)
class Family:
    """One shape of withdrawal clause: its key and how it reads."""

    key: str
    """``first-of-month-after-6-months``, ``1-year-same-day``, ``no-clause``, ..."""
    title: str
    """The rule in words: ``the first day of the month after 6 months``."""

    def __str__(self) -> str:
        return self.key


_FIXED = {
    "no-clause": "no withdrawal clause (VCLT Art. 56 only, if asked for)",
    "on-receipt": "on receipt (no notice period)",
    "fixed-periods": "fixed periods: the notice takes effect at the end of the current period",
    "fixed-date": "a fixed day of the year, for a notice received by a cut-off",
}
_CONVENTION_WORDS = {
    Convention.ANNIVERSARY: ("same-day", "{period} after receipt, on the same calendar day"),
    Convention.DAY_AFTER: ("day-after", "the day after {period} from receipt"),
    Convention.END_OF_FOLLOWING_YEAR: ("end-of-following-year", "31 December of the year after the notice"),
    Convention.END_OF_PERIOD: ("end-of-period", "the end of the period in which {period} ends"),
}
_KEY = re.compile(r"[a-z0-9-]{1,80}\Z")


def _slug(period: Period) -> str:
    """``6-months``, ``1-year``, ``90-days``: equal periods one way (``P12M`` is ``1-year``)."""
    return period_words(period).replace(" and ", "-").replace(" ", "-")


def period_words(period: Period) -> str:
    """``6 months``, ``1 year``, ``2 years and 6 months``: years where months make whole years."""
    years, months = divmod(period.total_months, 12)
    return Period(years=years, months=months, days=period.days).describe()


def family_of(value: Treaty | object) -> Family:
    """The family of a treaty's clause (or of a :class:`~treatywithdraw.clauses.WithdrawalClause`).

    >>> from treatywithdraw import treaty
    >>> [family_of(treaty(k)).key for k in ("unesco", "genocide", "opec-statute", "icsid", "who")]
    ['end-of-following-year', 'fixed-periods', 'fixed-date', '6-months-day-after', 'no-clause']
    """
    from treatywithdraw.catalogue import Treaty
    from treatywithdraw.clauses import WithdrawalClause

    clause = value.clause if isinstance(value, Treaty) else value
    if not isinstance(clause, WithdrawalClause):
        raise InvalidArgumentError(
            f"family_of() takes a Treaty or a WithdrawalClause, not {type(value).__name__} {shown(value)}",
            value=value,
            field="treaty",
        )
    if clause.kind is ClauseKind.NONE:
        return family("no-clause")
    if clause.kind is ClauseKind.FIXED_PERIODS:
        return family("fixed-periods")
    if clause.kind is ClauseKind.FIXED_DATE:
        return family("fixed-date")
    period, convention = clause.notice_period, clause.convention
    assert period is not None and convention is not None  # a notice clause has both (the reader checks)
    if convention is Convention.FIRST_OF_NEXT_MONTH:
        return Family(
            key=f"first-of-month-after-{_slug(period)}",
            title=f"the first day of the month after {period_words(period)}",
        )
    if convention is Convention.END_OF_FOLLOWING_YEAR:
        suffix = "" if period == Period() else f"-after-{_slug(period)}"
        return Family(key=f"end-of-following-year{suffix}", title=_CONVENTION_WORDS[convention][1])
    tag, words = _CONVENTION_WORDS[convention]
    if period == Period() and convention is Convention.ANNIVERSARY:
        return Family(key="on-receipt", title="on receipt (no notice period)")
    return Family(key=f"{_slug(period)}-{tag}", title=words.format(period=period_words(period)))


def family(key: str) -> Family:
    """The family named ``key``, whether or not a treaty of the catalogue has it.

    >>> family("3-months-same-day").title
    '3 months after receipt, on the same calendar day'
    >>> family("fortnightly")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidArgumentError: no clause family 'fortnightly': the catalogue's families are listed by treatywithdraw.families.families()
    """
    if isinstance(key, str) and key in _FIXED:
        return Family(key=key, title=_FIXED[key])
    if isinstance(key, str) and _KEY.fullmatch(key):
        for found in families():
            if found.key == key:
                return found
        parsed = _parse(key)
        if parsed is not None:
            return parsed
    raise InvalidArgumentError(
        f"no clause family {shown(key)}: the catalogue's families are listed by treatywithdraw.families.families()",
        value=key,
        field="family",
    )


_SHAPE = re.compile(
    r"(?:(?P<first>first-of-month-after-)(?P<p1>.+)|(?P<p2>.+)-(?P<tag>same-day|day-after|end-of-period))\Z"
)
_PART = re.compile(r"(\d{1,6})-(years|year|months|month|days|day)(?=-|\Z)")


def _parse(key: str) -> Family | None:
    """A family key of a period and a convention, read back (for keys no treaty has yet)."""
    match = _SHAPE.match(key)
    if match is None:
        return None
    rest = match.group("p1") or match.group("p2")
    units: dict[str, int] = {"year": 0, "month": 0, "day": 0}
    while rest:
        m = _PART.match(rest)
        if m is None:
            return None
        units[m.group(2).rstrip("s")] = int(m.group(1))
        rest = rest[m.end() :].removeprefix("-")
    period = Period(years=units["year"], months=units["month"], days=units["day"])
    if match.group("first"):
        convention = Convention.FIRST_OF_NEXT_MONTH
    else:
        convention = {v[0]: k for k, v in _CONVENTION_WORDS.items()}[match.group("tag")]
    from treatywithdraw.clauses import Verification, WithdrawalClause

    found = family_of(
        WithdrawalClause(
            kind=ClauseKind.NOTICE,
            article="",
            text="",
            verification=Verification.ASSUMED,
            notice_period=period,
            convention=convention,
        )
    )
    return found if found.key == key else None


def families() -> tuple[Family, ...]:
    """Every family a treaty of the catalogue has, sorted by key.

    >>> "first-of-month-after-6-months" in [f.key for f in families()]
    True
    """
    from treatywithdraw.catalogue import treaties

    found = {f.key: f for f in (family_of(t) for t in treaties())}
    return tuple(found[k] for k in sorted(found))


def lock_in(value: Treaty) -> Period | None:
    """The years a clause locks a party in before notice is allowed, if it does.

    >>> from treatywithdraw import treaty
    >>> lock_in(treaty("paris")), lock_in(treaty("ottawa"))
    (Period(years=3, months=0, days=0), None)
    """
    mp = value.clause.minimum_participation
    return None if mp is None else mp.period
