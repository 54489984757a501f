"""Planning is the exact inverse of the effect, for every convention and any period (issue 16, item 11).

Two mutants survived the suite before these tests: the planning correction loop cut
from eight rounds to one (wrong for mixed periods such as ``P1M1D`` near month ends,
where the answer is three days back), and UNESCO's convention keyed on the year of
expiry instead of the year of receipt (the same for UNESCO, whose period is zero).
Treaties built here give each convention periods the catalogue does not hold, and every
day of two years is checked to be the last one that makes its target.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.clauses import Convention
from treatywithdraw.periods import Period

ONE_DAY = timedelta(days=1)
CONVENTIONS = [
    Convention.ANNIVERSARY,
    Convention.DAY_AFTER,
    Convention.FIRST_OF_NEXT_MONTH,
    Convention.END_OF_FOLLOWING_YEAR,
]
PERIODS = ["P1M1D", "P6M", "P1Y1M", "P2M3D"]


def _treaty(convention: Convention, period: str) -> tw.Treaty:
    """Ottawa's clause (no minimum period, no later date) with another period and convention."""
    ottawa = tw.treaty("ottawa")
    clause = attrs.evolve(ottawa.clause, notice_period=Period.parse(period), convention=convention)
    return attrs.evolve(ottawa, key=f"ottawa-{convention.value}-{period.lower()}", clause=clause)


def _effect(t: tw.Treaty, day: date, rounding: str) -> date:
    return tw.effective_date(t, day, rounding=rounding)


@pytest.mark.parametrize("rounding", ["backward", "forward"])
@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("convention", CONVENTIONS, ids=str)
def test_the_latest_receipt_is_the_last_day_that_makes_the_target(
    convention: Convention, period: str, rounding: str
) -> None:
    t = _treaty(convention, period)
    target = date(2026, 1, 1)
    while target < date(2028, 1, 1):
        latest = tw.latest_receipt_date(t, target, rounding=rounding)
        assert _effect(t, latest, rounding) <= target, (t.key, target, latest)
        assert _effect(t, latest + ONE_DAY, rounding) > target, (t.key, target, latest)
        target += ONE_DAY


def test_a_mixed_period_needs_more_than_one_correction_round() -> None:
    # Forward rounding: receipts on 29, 30 and 31 January 2023 all give 2 March (there is
    # no 29-31 February), so the last receipt that makes 1 March is 28 January.
    t = _treaty(Convention.ANNIVERSARY, "P1M1D")
    assert [_effect(t, date(2023, 1, d), "forward") for d in (28, 29, 30, 31)] == [
        date(2023, 3, 1),
        date(2023, 3, 2),
        date(2023, 3, 2),
        date(2023, 3, 2),
    ]
    assert tw.latest_receipt_date(t, date(2023, 3, 1), rounding="forward") == date(2023, 1, 28)


def test_the_end_of_the_following_year_counts_from_the_receipt_whatever_the_period() -> None:
    # UNESCO Art. II(6) names the year of the notice; with a period, expiry may fall in
    # the next year, which must not move the effect.
    t = _treaty(Convention.END_OF_FOLLOWING_YEAR, "P6M")
    assert _effect(t, date(2025, 9, 1), "backward") == date(2026, 12, 31)
    assert tw.latest_receipt_date(t, date(2026, 12, 31)) == date(2025, 12, 31)
