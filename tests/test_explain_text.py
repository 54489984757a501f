"""explain() of a plain notice is written at once (``effects._plain_text``), not from the steps.

Issue 15 (explain() at most 2x a relativedelta): building the structured derivation
only to join its lines cost more than the rest of the call. The text written directly
must be the derivation's lines, byte for byte; these tests hold the two together for
every treaty of the catalogue, on every fourth day of two years and at month ends, with
the options that change the lines, and check that every other effect is left to the steps.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw import effects
from treatywithdraw.clauses import Convention
from treatywithdraw.errors import TreatyWithdrawError
from treatywithdraw.periods import Period, Rounding

TREATIES = tw.treaties()
DAYS = [date(2023, 1, 1) + timedelta(days=4 * i) for i in range(183)] + [
    date(2024, m, d) for m in (1, 3, 5, 8, 10, 12) for d in (29, 30, 31)
]
OPTIONS: list[dict[str, Any]] = [
    {},
    {"rounding": "backward"},
    {"rounding": "forward"},
    {"party": "US"},
    {"party_since": date(2016, 11, 4)},
    {"later_date": date(2031, 6, 30)},
    {"apply_vclt56": True},
    {"armed_conflicts": [(date(2020, 1, 1), date(2021, 1, 1))]},
]


def _steps(e: tw.Effect) -> str:
    return "\n".join(step.line for step in e.derivation())


@pytest.mark.parametrize("t", TREATIES, ids=[t.key for t in TREATIES])
def test_every_explanation_is_its_derivations_lines(t: tw.Treaty) -> None:
    for values in OPTIONS:
        for day in DAYS if not values else DAYS[::3]:  # every day without options, a third with each
            try:
                e = tw.effect(t, day, **values)
            except TreatyWithdrawError:
                continue
            assert e.explain() == _steps(e), (day, values)


def test_the_common_notices_are_written_at_once() -> None:
    # A notice clause from the expiry (Ottawa), one without an expiry step (UNESCO,
    # "31 December of the year after"), and one with a note (Paris, minimum period unchecked).
    for key, day in (("ottawa", "2025-06-27"), ("unesco", "2017-10-12"), ("paris", "2019-11-04")):
        e = tw.effect(key, day)
        text = effects._plain_text(e)
        assert text is not None and text == _steps(e), key
    assert "not checked, pass party_since=" in tw.effect("paris", "2019-11-04").explain()


def _ottawa() -> tw.Effect:
    return tw.effect("ottawa", "2025-06-27")


@pytest.mark.parametrize(
    "case",
    [
        lambda: tw.effect("ottawa", "2025-08-31", rounding="backward"),  # a rounded month end
        lambda: tw.effect("paris", "2019-11-04", party_since="2016-11-04"),  # a minimum period checked
        lambda: tw.effect("ilo-constitution", "2025-01-06"),  # a condition precedent
        lambda: tw.effect("unfccc", "2026-01-09"),  # linked treaties
        lambda: tw.effect("ottawa", "2025-06-27", armed_conflicts=[("2022-02-24", None)]),  # pending
        lambda: tw.effect("cfc", "2025-06-27", later_date="2031-06-30"),  # a named later date
        lambda: attrs.evolve(_ottawa(), date=date(2026, 3, 1)),  # a moved date
        lambda: tw.effect("genocide", "2024-01-01"),  # fixed periods
        lambda: tw.effect("genocide", "2024-01-01", apply_vclt56=True),
        lambda: attrs.evolve(_ottawa(), notice_period=Period(months=6)),  # equal, not the clause's own
        lambda: attrs.evolve(_ottawa(), convention=Convention.DAY_AFTER),
    ],
)
def test_every_other_effect_is_left_to_the_steps(case: Any) -> None:
    e = case()
    assert effects._plain_text(e) is None
    assert e.explain() == _steps(e)


def test_a_hand_built_clause_effect_without_convention_is_left_to_the_steps() -> None:
    # No convention on the clause (fixed periods): the steps answer, as they did.
    e = tw.effect("genocide", "2024-01-01")
    hand = attrs.evolve(e, rule="clause", rounding=Rounding.RAISE)
    assert effects._plain_text(hand) is None
    with pytest.raises(AssertionError):
        hand.explain()
