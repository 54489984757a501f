"""Properties of month arithmetic, after the theorems proved for Catala's dates_calc."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from strategies import any_day, month_periods, periods
from treatywithdraw import AmbiguousDateError, Period, Rounding, add_period


@given(any_day, any_day, periods)
def test_monotone(a: date, b: date, p: Period) -> None:
    # dates_calc Theorem 3: d1 <= d2 implies d1 + p <= d2 + p, for both roundings.
    lo, hi = min(a, b), max(a, b)
    for mode in (Rounding.BACKWARD, Rounding.FORWARD):
        assert add_period(lo, p, mode) <= add_period(hi, p, mode)


@given(any_day, periods)
def test_backward_never_after_forward_and_at_most_one_day_apart(d: date, p: Period) -> None:
    # dates_calc Theorem 4; one rounding means the candidates are one day apart.
    back, fwd = add_period(d, p, Rounding.BACKWARD), add_period(d, p, Rounding.FORWARD)
    assert back <= fwd
    assert fwd - back in (timedelta(0), timedelta(days=1))


@given(any_day, periods)
def test_raise_fails_exactly_when_roundings_differ(d: date, p: Period) -> None:
    back, fwd = add_period(d, p, Rounding.BACKWARD), add_period(d, p, Rounding.FORWARD)
    try:
        exact = add_period(d, p, Rounding.RAISE)
    except AmbiguousDateError as err:
        assert back != fwd
        assert err.candidates == (back, fwd)
    else:
        assert back == fwd == exact


@given(any_day, st.integers(-20, 50), st.integers(-24, 120), st.sampled_from(list(Rounding)))
def test_one_year_is_twelve_months(d: date, years: int, months: int, mode: Rounding) -> None:
    # dates_calc Lemma 4, and the reason rounding happens once.
    try:
        left = add_period(d, Period(years=years, months=months), mode)
    except AmbiguousDateError as err:
        try:
            add_period(d, Period(months=12 * years + months), mode)
        except AmbiguousDateError as other:
            assert other.candidates == err.candidates
        else:
            raise AssertionError("only one side was ambiguous") from None
    else:
        assert left == add_period(d, Period(months=12 * years + months), mode)


@given(any_day, month_periods)
def test_exact_when_day_exists(d: date, p: Period) -> None:
    # dates_calc Theorem 5: ambiguous exactly when the target month is shorter than the day.
    result = add_period(d, p, Rounding.BACKWARD)
    if d.day <= 28:
        assert result.day == d.day
        assert add_period(d, p) == result


@given(any_day, st.integers(-1000, 1000))
def test_days_only_is_exact_timedelta(d: date, n: int) -> None:
    assert add_period(d, Period(days=n)) == d + timedelta(days=n)


#: Every period the library can build: each part anywhere in ±10**12, small values and the
#: bounds drawn often, signs mixed freely.
_part = st.one_of(
    st.integers(-3, 3),
    st.integers(-(10**12), 10**12),
    st.sampled_from([-(10**12), 10**12]),
)


@given(st.builds(Period, years=_part, months=_part, days=_part))
def test_str_parses_back_to_the_same_period(p: Period) -> None:
    # Parts of different signs (P1Y-1M) are written with their own sign, not folded into
    # one leading '-' (which used to read back as -13 months).
    text = str(p)
    assert Period.parse(text) == p
    assert Period.parse(text.lower()) == p
    if p.years >= 0 and p.months >= 0 and p.days >= 0:
        assert "-" not in text
    elif p.years <= 0 and p.months <= 0 and p.days <= 0:
        assert text.startswith("-P") and text.count("-") == 1
        assert Period.parse(text[1:]) == -p
    else:
        assert not text.startswith("-")
    # describe() says the sign of every non-zero part in words.
    words = p.describe()
    assert "-" not in words
    assert words.count("minus") == sum(n < 0 for n in (p.years, p.months, p.days))
