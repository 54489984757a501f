"""effective_dates: a loop of effective_date in one call, never raising half-way.

The property: for every treaty of the catalogue, and every option set that changes a
date, ``effective_dates(t, days)`` gives per day what ``effective_date(t, day)`` gives,
and where that raises, no date and the name of the error it raises. Checked with the
days as a NumPy array, as a list, and as a list with NumPy hidden (the pure-Python path).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import bulk
from treatywithdraw.errors import TreatyWithdrawError

np = pytest.importorskip("numpy")

KEYS = [t.key for t in tw.treaties()]
NO_CLAUSE = {t.key for t in tw.treaties() if t.clause.kind.value == "none"}


def _loop(
    treaty: Any, days: list[date], **values: Any
) -> tuple[tuple[date | None, ...], tuple[str | None, ...]]:
    dates: list[date | None] = []
    errors: list[str | None] = []
    for day in days:
        try:
            dates.append(tw.effective_date(treaty, day, **values))
            errors.append(None)
        except TreatyWithdrawError as exc:
            dates.append(None)
            errors.append(type(exc).__name__)
    return tuple(dates), tuple(errors)


# Days anywhere, month ends (where rounding matters) and both ends of the calendar.
day = st.one_of(
    st.dates(date(1940, 1, 1), date(2060, 12, 31)),
    st.builds(
        lambda y, m, d: date(y, m, 1) - timedelta(days=d),
        st.integers(1940, 2060),
        st.integers(1, 12),
        st.integers(1, 4),
    ),
    st.dates(date(9990, 1, 1), date(9999, 12, 31)),
    st.dates(date(1, 1, 1), date(12, 12, 31)),
)
option_sets = st.sampled_from(
    [
        {},
        {"rounding": "backward"},
        {"rounding": "forward"},
        {"later_date": date(2030, 1, 31)},
        {"later_date": date(2030, 1, 31), "rounding": "backward"},
        {"party_since": date(2019, 8, 31)},
        {"party_since": date(2016, 11, 4), "rounding": "forward"},
        {"party": "US"},
        {"armed_conflicts": [("2020-01-01", "2021-06-30"), ("2024-01-01", None)]},
    ]
)


@pytest.mark.parametrize("key", KEYS)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days=st.lists(day, min_size=1, max_size=25), values=option_sets)
def test_effective_dates_equal_a_loop_of_effective_date(
    key: str, days: list[date], values: dict[str, Any]
) -> None:
    t = tw.treaty(key)
    if key in NO_CLAUSE and not (values.get("party") and t.clause.terms_for(values["party"])):
        with pytest.raises(tw.NoWithdrawalClauseError):
            tw.effective_dates(t, days, **values)
        return
    expected = _loop(t, days, **values)
    as_array = tw.effective_dates(key, np.array(days, dtype="datetime64[D]"), **values)
    as_list = tw.effective_dates(t, days, options=tw.NoticeOptions(**values))
    assert (as_array.dates, as_array.errors) == expected
    assert (as_list.dates, as_list.errors) == expected
    assert list(as_array) == list(expected[0])


@pytest.mark.parametrize(
    "key", ["ottawa", "genocide", "coe-statute", "unesco", "single-convention", "cfc", "paris"]
)
def test_without_numpy_the_answers_are_the_same(key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    days = [date(2016, 1, 1) + timedelta(days=i) for i in range(0, 3000, 3)]
    with_numpy = tw.effective_dates(key, days)
    monkeypatch.setattr(bulk, "_numpy", lambda required=False: None)
    without = tw.effective_dates(key, days)
    assert without._array is None
    assert (without.dates, without.errors) == (with_numpy.dates, with_numpy.errors) == _loop(key, days)
    assert (
        tw.effective_dates(key, days, rounding="backward").dates == _loop(key, days, rounding="backward")[0]
    )


def test_a_century_of_days_for_ottawa() -> None:
    days = np.arange(np.datetime64("1950-01-01"), np.datetime64("2050-01-01"))
    result = tw.effective_dates("ottawa", days)
    assert len(result) == len(days) == 36525
    expected = _loop("ottawa", days.tolist())
    assert result.dates == expected[0] and result.errors == expected[1]
    # 31 August: February has no 31st, and the two roundings differ.
    i = days.tolist().index(date(2025, 8, 31))
    assert result[i] is None and result.errors[i] == "AmbiguousDateError"
    assert result.datetime64()[i] != result.datetime64()[i]  # NaT
    assert str(result.datetime64()[i - 3]) == "2026-02-28"  # 28 August


def test_the_month_of_every_day_of_the_calendar_is_numpys() -> None:
    # The month index is estimated from the mean month and corrected against the table
    # (cheaper than NumPy's unit conversion): the same index for every day of years 1-9999,
    # and, clipped as the callers clip it, for days a period carries past either end.
    inside = np.arange(bulk._LO, bulk._HI + 1, dtype=np.int64)
    numpys = inside.view("datetime64[D]").astype("datetime64[M]").view(np.int64) + 1969 * 12
    assert (bulk._month_index(np, inside) == numpys).all()
    outside = np.array([bulk._LO - 10**6, bulk._LO - 1, bulk._HI + 1, bulk._HI + 800, bulk._HI + 10**9], dtype=np.int64)
    numpys = outside.view("datetime64[D]").astype("datetime64[M]").view(np.int64) + 1969 * 12
    clipped = np.clip(bulk._month_index(np, outside), 0, bulk._LAST_MONTH)
    assert (clipped == np.clip(numpys, 0, bulk._LAST_MONTH)).all()


def test_pandas_series_index_and_timestamps() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(pd.to_datetime(["2025-06-27", "2025-08-31", "2024-02-29"]))
    expected = _loop("ottawa", [date(2025, 6, 27), date(2025, 8, 31), date(2024, 2, 29)])
    for days in (series, pd.DatetimeIndex(series), list(series)):
        result = tw.effective_dates("ottawa", days)
        assert (result.dates, result.errors) == expected
    # Aware timestamps are read in the depositary's time zone, as effective_date reads them.
    aware = pd.Series([pd.Timestamp("2025-06-28 02:00", tz="UTC")])
    assert tw.effective_dates("ottawa", aware).dates == (tw.effective_date("ottawa", aware[0]),)


def test_days_of_every_kind_effective_date_reads() -> None:
    days = [
        "2025-06-27",
        date(2025, 6, 27),
        datetime(2025, 6, 28, 2, tzinfo=UTC),
        np.datetime64("2025-06-27"),
    ]
    assert tw.effective_dates("ottawa", days).dates == (date(2025, 12, 27),) * 4
    assert tw.effective_dates("ottawa", np.array(days[:2], dtype=object)).dates == (date(2025, 12, 27),) * 2
    assert tw.effective_dates("ottawa", []).dates == ()
    assert tw.effective_dates("ottawa", np.array([], dtype="datetime64[D]")).dates == ()


@pytest.mark.parametrize(
    ("days", "error", "words"),
    [
        (["2025-06-27", "2025-02-30"], tw.InvalidDateError, r"days\[1\] '2025-02-30' is not a valid day"),
        (["2025-06-27", None], tw.InvalidDateError, r"days\[1\] must be a date"),
        ("2025-06-27", tw.InvalidArgumentError, "days must be a sequence of receipt days"),
        (20250627, tw.InvalidArgumentError, "days must be a sequence of receipt days"),
        (np.array(["2025-06-27", "NaT"], dtype="datetime64[D]"), tw.InvalidDateError, r"days\[1\] is NaT"),
        (
            np.array(["2025-06-27T12:00"], dtype="datetime64[m]"),
            tw.InvalidDateError,
            r"days\[0\] .* time of day",
        ),
        (np.array(["10000-01-01"], dtype="datetime64[D]"), tw.InvalidDateError, r"days\[0\] .* years 1-9999"),
        (np.zeros((2, 2), dtype="datetime64[D]"), tw.InvalidArgumentError, "one-dimensional"),
    ],
)
def test_arguments_wrong_for_every_day_raise_once(days: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        tw.effective_dates("ottawa", days)


def test_unknown_treaties_and_options_raise_before_any_day() -> None:
    with pytest.raises(tw.UnknownTreatyError, match="did you mean 'ottawa'"):
        tw.effective_dates("otawa", ["2025-06-27"])
    with pytest.raises(tw.InvalidArgumentError, match="did you mean rounding"):
        tw.effective_dates("ottawa", ["2025-06-27"], roundin="backward")  # type: ignore[call-arg]
    with pytest.raises(tw.NoWithdrawalClauseError, match="apply_vclt56"):
        tw.effective_dates("who", ["2025-06-27"])
    assert tw.effective_dates("who", ["2025-01-22"], apply_vclt56=True).dates == (date(2026, 1, 22),)
    # A party holding terms of its own: day by day, under its terms.
    assert tw.effective_dates("who", ["2025-01-22"], party="US").dates == (date(2026, 1, 22),)


def test_a_pending_effect_is_named_like_effective_dates_error() -> None:
    result = tw.effective_dates("ottawa", ["2025-06-27"], armed_conflicts=[("2022-02-24", None)])
    assert result.dates == (None,) and result.errors == ("EffectPendingError",)
    assert str(result.datetime64()[0]) == "NaT"
    assert repr(result) == "EffectiveDates(ottawa, 1 days, 0 dates)"
    assert result[0:1] == (None,)


def test_datetime64_needs_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    listed = tw.effective_dates("ottawa", ["2025-06-27", "2025-08-31"])
    assert [str(d) for d in listed.datetime64()] == ["2025-12-27", "NaT"]

    def no_numpy(*args: object, **kwargs: object) -> None:
        raise ImportError("no numpy here")

    monkeypatch.setitem(__import__("sys").modules, "numpy", None)
    assert bulk._numpy() is None
    with pytest.raises(tw.MissingExtraError, match=r"pip install 'treatywithdraw\[bulk\]'"):
        listed.datetime64()
    without = tw.effective_dates("ottawa", ["2025-06-27", "2025-08-31"])
    assert without.errors == (None, "AmbiguousDateError")


def test_numpy_is_not_imported_by_the_core() -> None:
    import subprocess
    import sys

    code = "import sys, treatywithdraw as tw; tw.effective_date('ottawa', '2025-06-27'); tw.EffectiveDates; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_edges_of_the_calendar_go_day_by_day() -> None:
    days = np.array(["0001-01-01", "9999-07-01", "9999-12-31", "2025-06-27"], dtype="datetime64[D]")
    for key in ("ottawa", "icsid", "coe-statute", "single-convention", "unesco", "cets-197"):
        result = tw.effective_dates(key, days)
        assert (result.dates, result.errors) == _loop(key, days.tolist())
        assert "InvalidDateError" in result.errors or "NoticeTooEarlyError" in result.errors


@pytest.mark.parametrize("values", [{"party_since": date(2019, 8, 31)}, {"party_since": date(9999, 1, 1)}])
def test_an_earliest_day_the_arrays_cannot_settle_goes_day_by_day(values: dict[str, Any]) -> None:
    # Paris: three years after 31 August is a day the month has; a notice counted from
    # 29 February or from 9999 leaves the arrays.
    days = [date(2022, 8, 31), date(2022, 9, 1), date(2025, 6, 27)]
    assert tw.effective_dates("paris", days, **values).errors == _loop("paris", days, **values)[1]
    leap = {"party_since": date(2016, 2, 29)}
    assert (
        tw.effective_dates("paris", [date(2019, 2, 28), date(2019, 3, 1)], **leap).errors
        == (_loop("paris", [date(2019, 2, 28), date(2019, 3, 1)], **leap)[1])
    )


def _variant(key: str, **clause: Any) -> tw.Treaty:
    import attrs

    t = tw.treaty(key)
    return attrs.evolve(t, clause=attrs.evolve(t.clause, **clause))


def test_clause_shapes_the_catalogue_lacks_yet() -> None:
    import attrs

    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(0, 800, 1)]
    genocide = tw.treaty("genocide")
    assert genocide.clause.fixed_periods is not None
    variants = [
        # A notice of months and days, counted to the first of the next month.
        _variant("cets-197", notice_period=tw.Period(months=6, days=10)),
        # Fixed periods whose first end is past the calendar: no period to list.
        _variant(
            "genocide",
            fixed_periods=attrs.evolve(
                genocide.clause.fixed_periods, start=date(9990, 1, 1), first=tw.Period(years=20)
            ),
        ),
    ]
    for t in variants:
        result = tw.effective_dates(t, np.array(days, dtype="datetime64[D]"))
        assert (result.dates, result.errors) == _loop(t, days)


def test_the_period_end_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "_ends", {-i: None for i in range(1024)})
    assert tw.effective_dates("genocide", ["2025-06-27"]).dates == (date(2026, 1, 12),)
    assert len(bulk._ends) == 1


def test_a_result_built_by_hand_is_checked() -> None:
    ottawa = tw.treaty("ottawa")
    result = tw.EffectiveDates(ottawa, [date(2025, 12, 27), None], [None, "AmbiguousDateError"])
    assert list(result) == [date(2025, 12, 27), None] and len(result) == 2
    for treaty, dates, errors, words in [
        ("ottawa", [], [], "treaty must be a Treaty"),
        (ottawa, "2025-12-27", [None], "dates must be a sequence"),
        (ottawa, [date(2025, 12, 27)], [], "as long as each other"),
        (ottawa, [None], [None], "a date or an error name"),
        (ottawa, [date(2025, 12, 27)], ["AmbiguousDateError"], "a date or an error name"),
    ]:
        with pytest.raises(tw.InvalidArgumentError, match=words):
            tw.EffectiveDates(treaty, dates, errors)  # type: ignore[arg-type]
