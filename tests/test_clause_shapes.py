"""Clause shapes beyond 'N months after receipt': each with the rule it encodes."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import NoticeNotAllowedError, NoWithdrawalClauseError, effective_date
from treatywithdraw.clauses import ClauseKind


class TestBilateral:
    @pytest.mark.parametrize("key", ["inf", "abm", "new-start"])
    def test_notice_goes_to_the_other_party(self, key: str) -> None:
        t = tw.treaty(key)
        assert t.depositary.kind == "bilateral"
        assert t.clause.addressees == ("other-party",)
        assert t.clause.required_contents

    def test_us_abm_2001(self) -> None:
        assert effective_date("abm", "2001-12-13") == date(2002, 6, 13)

    def test_new_start_three_months(self) -> None:
        assert effective_date("new-start", "2023-02-21") == date(2023, 5, 21)


class TestSecurityCouncil:
    def test_npt_addressees_and_contents(self) -> None:
        clause = tw.treaty("npt").clause
        assert "un-security-council" in clause.addressees
        assert "states-parties" in clause.addressees
        assert any("extraordinary events" in c for c in clause.required_contents)

    def test_npt_three_months(self) -> None:
        assert effective_date("npt", "1993-03-12") == date(1993, 6, 12)


class TestNamedDate:
    def test_cfe_150_days_then_the_day_after(self) -> None:
        # Russia: notice 9 June 2023, out at 00:00 on 7 November (150 days end on 6 November).
        assert effective_date("cfe", "2023-06-09") == date(2023, 11, 7)

    def test_cfe_named_date_must_leave_150_days(self) -> None:
        assert effective_date("cfe", "2023-06-09", later_date="2024-01-01") == date(2024, 1, 1)
        with pytest.raises(NoticeNotAllowedError, match="2023-11-07"):
            effective_date("cfe", "2023-06-09", later_date="2023-11-01")

    def test_open_skies_six_months(self) -> None:
        assert effective_date("open-skies", "2020-05-22") == date(2020, 11, 22)
        with pytest.raises(NoticeNotAllowedError):
            effective_date("open-skies", "2020-05-22", later_date="2020-10-01")

    def test_latest_receipt_for_a_named_date(self) -> None:
        assert tw.latest_receipt_date("cfe", "2023-11-07") == date(2023, 6, 9)


class TestGenocideFixedPeriods:
    def test_in_time(self) -> None:
        assert effective_date("genocide", date(2025, 7, 12)) == date(2026, 1, 12)

    def test_late_notice_is_refused_naming_the_rolled_date(self) -> None:
        with pytest.raises(NoticeNotAllowedError) as info:
            effective_date("genocide", date(2025, 7, 13))
        assert isinstance(info.value, tw.NoticeTooLateError)
        assert info.value.latest == date(2025, 7, 12)
        assert info.value.next_earliest == date(2026, 1, 12)
        assert "2031-01-12" in str(info.value)

    def test_first_period(self) -> None:
        assert effective_date("genocide", "1955-01-01") == date(1961, 1, 12)

    def test_receipt_on_a_period_end_belongs_to_the_next_period(self) -> None:
        # The Convention was in force for ten years "as from" 12 January 1951: each new
        # period starts on the anniversary, which is also the day the old one's effect falls.
        with pytest.raises(NoticeNotAllowedError):
            effective_date("genocide", "2026-01-11")
        assert effective_date("genocide", "2026-01-12") == date(2031, 1, 12)

    def test_far_future_is_constant_time(self) -> None:
        start = time.perf_counter()
        assert effective_date("genocide", date(9000, 3, 1)) == date(9001, 1, 12)
        assert time.perf_counter() - start < 1.0  # a loop over 1,400 periods would not be

    @given(st.dates(min_value=date(1951, 1, 12), max_value=date(3000, 1, 1)))
    def test_effect_is_a_period_end_at_least_six_months_away(self, received: date) -> None:
        try:
            result = effective_date("genocide", received)
        except NoticeNotAllowedError as err:
            assert isinstance(err, tw.NoticeTooLateError)
            assert err.latest < received
            return
        assert result.month == 1 and result.day == 12
        assert (result.year - 1961) % 5 == 0
        assert tw.add_period(received, tw.Period(months=6), "backward") <= result
        longest = 10 if received < date(1961, 1, 12) else 5  # the first period is ten years
        assert result - received <= timedelta(days=longest * 366)


class TestCouncilOfEuropeStatute:
    def test_first_nine_months(self) -> None:
        assert effective_date("coe-statute", "2022-03-15") == date(2023, 1, 1)

    def test_last_three_months_roll_to_the_next_financial_year(self) -> None:
        e = tw.effect("coe-statute", "1969-12-12")
        assert e.date == date(1971, 1, 1)
        assert any("next period" in note for note in e.notes)


class TestTreatyAge:
    def test_nato_twenty_years_in_force(self) -> None:
        assert tw.earliest_notice_date("nato", party_since="1949-08-24") == date(1969, 8, 24)
        assert tw.earliest_notice_date("nato", party_since="2023-04-04") == date(2023, 4, 4)
        with pytest.raises(NoticeNotAllowedError):
            effective_date("nato", "1960-01-01")
        assert effective_date("nato", "2025-01-01") == date(2026, 1, 1)

    def test_nato_planning_before_notice_was_allowed(self) -> None:
        assert tw.latest_receipt_date("nato", "2026-01-01") == date(2025, 1, 1)
        with pytest.raises(NoticeNotAllowedError, match="1969-01-01"):
            tw.latest_receipt_date("nato", "1969-01-01")


class TestDecisions:
    def test_teu_default_two_years_then_the_day_after(self) -> None:
        assert effective_date("teu", "2017-03-29") == date(2019, 3, 30)

    def test_teu_extension_and_agreement(self) -> None:
        assert effective_date("teu", "2017-03-29", extended_to="2019-10-31") == date(2019, 11, 1)
        got = effective_date("teu", "2017-03-29", extended_to="2020-01-31", agreement_in_force="2020-02-01")
        assert got == date(2020, 2, 1)
        assert effective_date("teu", "2017-03-29", agreement_in_force="2018-06-01") == date(2018, 6, 1)

    def test_extension_cannot_shorten(self) -> None:
        with pytest.raises(tw.InvalidArgumentError):
            effective_date("teu", "2017-03-29", extended_to="2019-01-01")

    def test_extension_only_where_the_clause_has_one(self) -> None:
        with pytest.raises(tw.InvalidArgumentError, match="extended_to"):
            effective_date("ottawa", "2025-06-27", extended_to="2026-06-27")


class TestNoClause:
    @pytest.mark.parametrize("key", ["iccpr", "vclt", "who"])
    def test_no_clause_raises_and_explains_vclt56(self, key: str) -> None:
        assert tw.treaty(key).clause.kind is ClauseKind.NONE
        with pytest.raises(NoWithdrawalClauseError) as info:
            effective_date(key, "2025-01-01")
        assert "Art. 56" in str(info.value)

    def test_iccpr_cites_general_comment_26(self) -> None:
        with pytest.raises(NoWithdrawalClauseError, match="General Comment"):
            effective_date("iccpr", "1997-08-25")

    def test_vclt56_on_request(self) -> None:
        assert effective_date("iccpr", "1997-08-25", apply_vclt56=True) == date(1998, 8, 25)


class TestFixedCalendarDate:
    """A fixed day of the year chosen by a receipt cut-off (kind = "fixed-date")."""

    def test_opec_takes_effect_at_the_beginning_of_the_next_calendar_year(self) -> None:
        # OPEC Statute Art. 8: "at the beginning of the next calendar year after the date of its receipt".
        assert effective_date("opec-statute", "2018-12-03") == date(2019, 1, 1)  # Qatar
        assert effective_date("opec-statute", "2018-12-31") == date(2019, 1, 1)
        assert effective_date("opec-statute", "2019-01-01") == date(2020, 1, 1)

    def test_the_whaling_convention_takes_effect_on_30_june(self) -> None:
        # ICRW Art. XI: withdrawal on 30 June "by giving notice on or before 1st January, of the same year".
        assert effective_date("icrw", "2018-12-26") == date(2019, 6, 30)  # Japan
        assert effective_date("icrw", "2019-01-01") == date(2019, 6, 30)  # on the cut-off itself
        assert effective_date("icrw", "2019-01-02") == date(2020, 6, 30)

    def test_the_single_convention_counts_from_1_july(self) -> None:
        # Art. 46(2): on or before 1 July -> 1 January next; after 1 July -> a year later.
        assert effective_date("single-convention-1961", "2011-06-29") == date(2012, 1, 1)  # Bolivia
        assert effective_date("single-convention-1961", "2011-07-01") == date(2012, 1, 1)
        assert effective_date("single-convention-1961", "2011-07-02") == date(2013, 1, 1)

    def test_planning_gives_the_cut_off(self) -> None:
        assert tw.latest_receipt_date("single-convention-1961", "2013-01-01") == date(2012, 7, 1)
        assert tw.latest_receipt_date("icrw", "2020-06-29") == date(2019, 1, 1)
        assert tw.latest_receipt_date("opec-statute", "2024-01-01") == date(2023, 12, 31)

    def test_the_derivation_names_the_fixed_day_and_the_cut_off(self) -> None:
        text = tw.effect("icrw", "2018-12-26").explain()
        assert (
            "Fixed date: Art. XI dates the effect on June 30 for a notice received by the January 1 before it"
            in text
        )
        assert "on or before 2019-01-01, so the effect is on 2019-06-30" in text

    def test_a_fixed_day_every_year_has(self) -> None:
        from treatywithdraw.clauses import FixedDate

        with pytest.raises(tw.InvalidArgumentError, match="every year has"):
            FixedDate(effect_on=(2, 29), receipt_by=(1, 1))
        with pytest.raises(tw.InvalidArgumentError, match="every year has"):
            FixedDate(effect_on="06-30", receipt_by=(1, 1))  # type: ignore[arg-type]
        with pytest.raises(tw.InvalidDateError, match="after the calendar's last year"):
            effective_date("icrw", "9999-01-02")


class TestGenevaConflictAtNotification:
    """Geneva Conventions Art. 63/62/142/158: the conflict is tested at the notification."""

    def test_a_peacetime_notice_is_not_deferred_by_a_later_conflict(self) -> None:
        e = tw.effect("gc-iii", "2025-03-01", armed_conflicts=[("2025-06-01", None)])
        assert e.date == date(2026, 3, 1)  # Ottawa's rule (tested at expiry) would leave it pending
        assert tw.effect("ottawa", "2025-03-01", armed_conflicts=[("2025-06-01", None)]).date is None

    def test_a_notice_in_wartime_waits_for_peace_and_repatriation(self) -> None:
        e = tw.effect("gc-iii", "2025-03-01", armed_conflicts=[("2024-06-01", None)])
        assert e.date is None and "at notification (2025-03-01)" in (e.pending or "")
        ended = tw.effect("gc-iii", "2025-03-01", armed_conflicts=[("2024-06-01", "2027-01-31")])
        assert ended.date == date(2027, 1, 31)

    def test_a_conflict_over_before_the_year_ends_leaves_the_year(self) -> None:
        e = tw.effect("gc-iii", "2025-03-01", armed_conflicts=[("2024-01-01", "2025-06-01")])
        assert e.date == date(2026, 3, 1)
        assert e.notes[-1].startswith("At notification (2025-03-01) the party was engaged")


def test_a_denunciation_that_takes_effect_immediately_or_on_a_named_date() -> None:
    # ETS 90 Art. 14: "shall take effect immediately or at such later date as may be specified".
    assert tw.effective_date("cets-090", "2025-03-01") == date(2025, 3, 1)
    assert tw.effective_date("cets-090", "2025-03-01", later_date="2025-06-01") == date(2025, 6, 1)
