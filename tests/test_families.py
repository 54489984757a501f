"""Clause families (issue 12): computed once from the clause's data, every treaty has one."""

from __future__ import annotations

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.families import Family, families, family, family_of, lock_in
from treatywithdraw.periods import Period


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("ottawa", "6-months-same-day"),
        ("icsid", "6-months-day-after"),
        ("cets-126", "first-of-month-after-1-year"),
        ("unesco", "end-of-following-year"),
        ("genocide", "fixed-periods"),
        ("opec-statute", "fixed-date"),
        ("who", "no-clause"),
        ("paris", "1-year-same-day"),
    ],
)
def test_known_treaties_have_their_family(key: str, expected: str) -> None:
    assert family_of(tw.treaty(key)).key == expected
    assert family_of(tw.treaty(key).clause) == family_of(tw.treaty(key))


def test_equal_periods_are_one_family_however_written() -> None:
    cets = tw.treaty("cets-126")
    twelve = attrs.evolve(cets.clause, notice_period=Period(months=12))
    one_year = attrs.evolve(cets.clause, notice_period=Period(years=1))
    assert family_of(twelve) == family_of(one_year)
    assert family_of(twelve).title == "the first day of the month after 1 year"


def test_the_families_partition_the_catalogue() -> None:
    everything = tw.treaties()
    by_family = {f.key: tw.treaties(family=f.key) for f in families()}
    assert sum(len(members) for members in by_family.values()) == len(everything)
    assert all(family_of(t).key == key for key, members in by_family.items() for t in members)
    # The Council of Europe's families (issue 12): six months, and the first day of the
    # month after three, six or twelve months.
    coe = {family_of(t).key for t in tw.treaties(depositary="Council of Europe")}
    assert {
        "first-of-month-after-3-months",
        "first-of-month-after-6-months",
        "first-of-month-after-1-year",
    } <= coe


def test_a_family_no_treaty_has_yet_is_read_from_its_key() -> None:
    assert family("2-months-day-after") == Family(key="2-months-day-after", title="the day after 2 months from receipt")
    assert family("first-of-month-after-1-year-6-months").title == (
        "the first day of the month after 1 year and 6 months"
    )
    assert tw.treaties(family="2-months-day-after") == ()
    assert str(family("no-clause")) == "no-clause"


@pytest.mark.parametrize(
    "bad", ["fortnightly", "12-months-same-day", "6-months", "first-of-month-after-", "x" * 200, 6, ["no-clause"]]
)
def test_an_unknown_family_is_one_error(bad: object) -> None:
    with pytest.raises(tw.InvalidArgumentError, match="no clause family"):
        family(bad)  # type: ignore[arg-type]
    with pytest.raises(tw.InvalidArgumentError, match="no clause family"):
        tw.treaties(family=bad)  # type: ignore[arg-type]


def test_family_of_refuses_what_is_not_a_treaty_or_clause() -> None:
    with pytest.raises(tw.InvalidArgumentError, match="family_of\\(\\) takes a Treaty or a WithdrawalClause"):
        family_of("ottawa")


def test_lock_in_is_a_trait_of_any_family() -> None:
    assert lock_in(tw.treaty("paris")) == Period(years=3)
    assert lock_in(tw.treaty("ottawa")) is None
    locked = [t for t in tw.treaties() if lock_in(t) is not None]
    assert len({family_of(t).key for t in locked}) > 1
