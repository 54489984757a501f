"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from treatywithdraw import Period

#: Days far enough from the ends of the calendar that any period below stays valid.
days = st.dates(min_value=date(1800, 1, 1), max_value=date(2400, 12, 31))

#: Days that end a month: where month arithmetic becomes ambiguous.
month_ends = st.builds(
    lambda y, m, d: date(
        y,
        m,
        min(
            d,
            [
                31,
                29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][m - 1],
        ),
    ),
    st.integers(1800, 2400),
    st.integers(1, 12),
    st.integers(28, 31),
)

any_day = st.one_of(days, month_ends)

month_periods = st.builds(Period, years=st.integers(0, 50), months=st.integers(-24, 120), days=st.just(0))

periods = st.builds(
    Period, years=st.integers(-20, 50), months=st.integers(-24, 120), days=st.integers(-400, 400)
)
