"""Messages and behaviour fixed after the message-snapshot review: each test names the defect."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.errors import (
    AmbiguousDateError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidTransitionError,
)
from treatywithdraw.periods import Period, add_period
from treatywithdraw.timeline import Withdrawal

# -- 1. _dates.as_date: an unknown time zone is named, not read as a calendar overflow ------


def _on_mars() -> tw.Treaty:
    t = tw.treaty("ottawa")
    return attrs.evolve(t, depositary=attrs.evolve(t.depositary, time_zone="Mars/Olympus"))


def test_unknown_time_zone_of_a_hand_built_treaty_is_named() -> None:
    with pytest.raises(InvalidDateError) as info:
        tw.effect(_on_mars(), datetime(2025, 6, 27, tzinfo=UTC))
    assert info.value.field == "time_zone"
    assert str(info.value) == (
        "unknown time zone 'Mars/Olympus': use an IANA name such as 'America/New_York'"
    )
    assert "1-9999" not in str(info.value)


def test_calendar_overflow_names_the_zone_shortened() -> None:
    t = tw.treaty("ottawa")
    long_zone = attrs.evolve(t, depositary=attrs.evolve(t.depositary, time_zone="America/New_York"))
    with pytest.raises(InvalidDateError) as info:
        tw.effect(long_zone, datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=23))))
    assert info.value.field == "received"
    assert str(info.value) == (
        "received 0001-01-01T00:00:00+23:00 falls outside years 1-9999 when read in "
        "'America/New_York': pass a day inside the calendar"
    )


# -- 2. Period: mixed signs round-trip, and describe() reads them -------------------------


@pytest.mark.parametrize(
    ("period", "text", "words"),
    [
        (Period(years=1, months=-1), "P1Y-1M", "1 year minus 1 month"),
        (Period(months=-1, days=5), "P-1M5D", "minus 1 month plus 5 days"),
        (Period(years=1, months=2, days=-3), "P1Y2M-3D", "1 year plus 2 months minus 3 days"),
        (Period(months=-6), "-P6M", "minus 6 months"),
        (Period(years=-1, months=-6), "-P1Y6M", "minus 1 year minus 6 months"),
        (Period(years=1, months=6), "P1Y6M", "1 year and 6 months"),
        (Period(), "P0D", "0 days"),
    ],
)
def test_period_text_and_words(period: Period, text: str, words: str) -> None:
    assert str(period) == text
    assert Period.parse(text) == period
    assert period.describe() == words


def test_mixed_sign_period_no_longer_reads_back_as_its_opposite() -> None:
    # '-P1Y1M' was written for +11 months and read back as -13.
    p = Period(years=1, months=-1)
    assert Period.parse(str(p)).total_months == 11


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P1Y-1M", Period(years=1, months=-1)),
        ("-P-1M", Period(months=1)),
        ("P-1W3D", Period(days=-4)),
        ("P1000000000000D", Period(days=10**12)),
        ("P0000000000000000001M", Period(months=1)),
    ],
)
def test_period_parse_per_part_signs_and_bounds(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize("text", ["P1000000000001D", "P10000000000000000000Y", "P142857142858W"])
def test_period_parse_out_of_range(text: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Period.parse(text)
    assert str(info.value) == f"period {text!r} is out of range: each part must be within 10**12"
    assert info.value.field == "period"


@pytest.mark.parametrize("text", ["P-", "P--1M", "+P1M", "P1Y-"])
def test_period_parse_refuses_stray_signs(text: str) -> None:
    with pytest.raises(InvalidArgumentError, match="is not an ISO 8601 duration: write it like"):
        Period.parse(text)


# -- 3. negative day counts and subtractions in messages ----------------------------------


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2025-04-15", "is 1 day before parliament-approval"),
        ("2025-04-16", "is the same day as parliament-approval"),
        ("2025-04-17", "is 1 day after parliament-approval"),
        ("2025-04-18", "is 2 days after parliament-approval"),
    ],
)
def test_deadline_problem_says_before_or_after(day: str, words: str) -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    with pytest.raises(InvalidTransitionError) as info:
        w.record("head-of-state-act", day)
    message = info.value.reasons[-1]
    assert message.startswith(f"head-of-state-act on {day} {words} on 2025-04-16: Satversme Art. 69")
    assert "-1 days" not in str(info.value)


def test_add_period_names_a_subtraction_as_before() -> None:
    with pytest.raises(InvalidDateError) as info:
        add_period(date(1, 3, 1), Period(months=-6))
    assert str(info.value) == (
        "6 months before 0001-03-01 falls outside years 1-9999: only days from 0001-01-01 to 9999-12-31 exist"
    )
    with pytest.raises(AmbiguousDateError) as ambiguous:
        add_period(date(2025, 8, 31), Period(months=-6))
    assert str(ambiguous.value).startswith("6 months before 2025-08-31 has no such day (2025-02-31")


def test_add_period_days_overflow_names_the_day_given() -> None:
    # Months then days: the message names the caller's day, not the day after the months.
    with pytest.raises(InvalidDateError) as info:
        add_period(date(9999, 12, 1), Period(months=-1, days=61))
    assert str(info.value).startswith("9999-12-01 + minus 1 month plus 61 days falls outside")
    assert info.value.value == date(9999, 12, 1)
    with pytest.raises(InvalidDateError) as both:
        add_period(date(9999, 11, 1), Period(months=1, days=40))
    assert str(both.value).startswith("9999-11-01 + 1 month and 40 days falls outside")


# -- 4. latest_receipt_date at the calendar's start: the planning message -----------------


def test_latest_receipt_date_at_the_calendar_start_names_effective_by() -> None:
    with pytest.raises(InvalidDateError) as info:
        tw.latest_receipt_date("ottawa", "0001-03-01")
    assert info.value.field == "effective_by"
    assert str(info.value) == (
        "the last receipt day for ottawa to take effect by 0001-03-01 falls outside years 1-9999: "
        "pass a date further inside the calendar"
    )


# -- 5. Withdrawal.project: durations and rounding -----------------------------------------


def test_project_names_a_bad_duration_string_as_a_duration() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    with pytest.raises(InvalidArgumentError) as info:
        w.project({"head-of-state-act": "two weeks"})
    assert info.value.field == "durations"
    assert str(info.value) == (
        "durations['head-of-state-act'] = 'two weeks' is not an ISO 8601 duration: give a Period, "
        "a number of days >= 0 or an ISO duration such as 'P14D'"
    )
    with pytest.raises(InvalidArgumentError) as too_big:
        w.project({"head-of-state-act": "P99999999999999D"})
    assert too_big.value.field == "durations"
    assert str(too_big.value) == (
        "durations['head-of-state-act'] = 'P99999999999999D' is out of range: each part must be within 10**12"
    )


def test_project_reads_an_iso_duration_with_per_part_signs() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    steps = w.project({"head-of-state-act": "P1M-2D"}).steps
    assert (steps[0].step, steps[0].on) == (tw.Step.HEAD_OF_STATE_ACT, date(2025, 5, 14))


def test_project_ambiguous_step_points_at_start_rounding() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("government-decision", "2025-01-31")
    with pytest.raises(AmbiguousDateError) as info:
        w.project({"parliament-approval": "P1M"})
    assert info.value.candidates == (date(2025, 2, 28), date(2025, 3, 1))
    assert str(info.value) == (
        "projecting parliament-approval: 2025-01-31 + 1 month (given by the caller) has no such "
        "day: project() takes no rounding, the withdrawal's own applies: pass "
        'rounding="backward" (2025-02-28) or rounding="forward" (2025-03-01) to Withdrawal.start'
    )
    # The advice works.
    fixed = Withdrawal.start(party="LV", treaty="ottawa", rounding="backward").record(
        "government-decision", "2025-01-31"
    )
    assert fixed.project({"parliament-approval": "P1M"}).steps[0].on == date(2025, 2, 28)


def test_project_ambiguous_effect_points_at_start_rounding() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-08-01")
    with pytest.raises(AmbiguousDateError) as info:
        w.project({"head-of-state-act": 7, "instrument-deposited": 23})
    assert info.value.candidates == (date(2026, 2, 28), date(2026, 3, 1))
    assert str(info.value) == (
        "the effective date of the deposit projected on 2025-08-31 depends on month-end rounding: "
        "project() takes no rounding, the withdrawal's own applies: pass "
        'rounding="backward" (2026-02-28) or rounding="forward" (2026-03-01) to Withdrawal.start'
    )


# -- 6. Effect.explain: the evidence line ends in one period -------------------------------


@pytest.mark.parametrize(
    ("key", "received", "options"),
    [
        ("genocide", "1955-01-01", {}),
        ("vclt", "2025-06-27", {"apply_vclt56": True}),
        ("ottawa", "2025-06-27", {}),  # a summary of cases, without a period of its own
    ],
)
def test_evidence_line_ends_in_one_period(key: str, received: str, options: dict[str, bool]) -> None:
    lines = tw.effect(key, received, **options).explain().splitlines()
    (evidence,) = [line for line in lines if "Evidence for the convention" in line]
    assert evidence.endswith(".")
    assert not evidence.endswith("..")


# -- 7. Effect.explain: a late notice carried to the next fixed period ----------------------


def test_explain_a_late_notice_carried_to_the_next_period() -> None:
    e = tw.effect("coe-statute", "2025-12-01")
    lines = e.explain().splitlines()
    assert lines[2] == (
        "2. Fixed periods: 1 year from 1949-01-01, then successive periods of 1 year; the period "
        "current at receipt ends 2026-01-01, and the notice came after its deadline, 2025-09-30 "
        "(3 months and 1 day before that end); under Art. 7 a late notice takes effect at the end "
        "of the next period, 2027-01-01."
    )
    assert lines[3] == (
        "3. Counting convention 'end-of-period': the withdrawal takes effect when the next period "
        "ends, 2027-01-01."
    )
    assert "at least 3 months and 1 day before it" not in e.explain()


def test_explain_a_timely_notice_in_a_fixed_period_is_unchanged() -> None:
    lines = tw.effect("coe-statute", "2025-09-30").explain().splitlines()
    assert lines[2] == (
        "2. Fixed periods: 1 year from 1949-01-01, then successive periods of 1 year; the current "
        "period ends 2026-01-01 and the notice came at least 3 months and 1 day before it."
    )
    assert lines[3].endswith("takes effect when the period ends, 2026-01-01.")


def test_explain_a_hand_built_fixed_period_effect() -> None:
    # An Effect not made by effect(): a receipt before the first period still explains.
    t = tw.treaty("genocide")
    e = tw.Effect(
        treaty=t,
        received=date(1900, 1, 1),
        expiry=date(1961, 1, 12),
        date=date(1961, 1, 12),
        rule="fixed-periods",
        computed=date(1961, 1, 12),
    )
    assert "the current period ends 1961-01-12 and the notice came at least" in e.explain()


# -- issue 16, item 12: the ambiguity named is the one that decides ---------------------------


def test_an_ambiguity_names_the_notice_period_when_the_minimum_period_decides_nothing() -> None:
    # Paris for a party since 29 February 2016: its three years end on 28 February or
    # 1 March 2019, but a notice of 29 February 2020 is allowed either way; what depends
    # on rounding is the notice period, ending in 2021.
    with pytest.raises(tw.AmbiguousDateError) as raised:
        tw.effect("paris", "2020-02-29", party_since="2016-02-29")
    assert "2021-02-29 does not exist" in str(raised.value) and "2019" not in str(raised.value)
    assert raised.value.candidates == (date(2021, 2, 28), date(2021, 3, 1))


def test_an_ambiguity_names_the_minimum_period_when_it_decides() -> None:
    with pytest.raises(tw.AmbiguousDateError) as raised:
        tw.effect("paris", "2019-02-28", party_since="2016-02-29")
    assert "the period ends 2019-02-28 or 2019-03-01" in str(raised.value)
    assert "NoticeTooEarlyError" in str(raised.value)
