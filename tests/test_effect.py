"""Effective dates: the acceptance cases of the core issue, and the rules behind them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

import treatywithdraw as tw
from treatywithdraw import (
    AmbiguousDateError,
    EffectPendingError,
    InvalidArgumentError,
    InvalidDateError,
    NoticeNotAllowedError,
    NoWithdrawalClauseError,
    Rounding,
    UnknownTreatyError,
    effect,
    effective_date,
)


class TestUnitedNations:
    """The UN Secretary-General dates the effect on the same calendar day (anniversary)."""

    def test_latvia_2025(self) -> None:
        assert effective_date("ottawa", date(2025, 6, 27)) == date(2025, 12, 27)

    def test_finland_2025(self) -> None:
        assert effective_date("ottawa", date(2025, 7, 10)) == date(2026, 1, 10)

    def test_iso_string_works_the_same(self) -> None:
        assert effective_date("ottawa", "2025-06-27") == date(2025, 12, 27)

    def test_alias_and_treaty_object(self) -> None:
        ottawa = tw.treaty("ottawa")
        assert effective_date(ottawa, date(2025, 6, 27)) == date(2025, 12, 27)
        assert effective_date("mine-ban", date(2025, 6, 27)) == date(2025, 12, 27)

    def test_saturday_is_not_moved(self) -> None:
        day = effective_date("ottawa", date(2025, 6, 27))
        assert day.weekday() == 5  # a Saturday, as the depositary stated it


class TestOtherDepositaries:
    def test_world_bank_counts_the_day_after(self) -> None:
        assert effective_date("icsid", date(2007, 5, 2)) == date(2007, 11, 3)

    def test_portugal_counts_the_day_after(self) -> None:
        assert effective_date("ect", date(2014, 12, 31)) == date(2016, 1, 1)

    def test_unesco_end_of_following_year(self) -> None:
        assert effective_date("unesco", date(2017, 10, 12)) == date(2018, 12, 31)

    @pytest.mark.parametrize("day", range(1, 31))
    def test_council_of_europe_first_of_next_month(self, day: int) -> None:
        assert effective_date("istanbul", date(2021, 3, day)) == date(2021, 7, 1)


class TestMonthEnds:
    def test_ambiguous_by_default(self) -> None:
        with pytest.raises(AmbiguousDateError) as info:
            effective_date("ottawa", date(2025, 8, 31))
        assert info.value.candidates == (date(2026, 2, 28), date(2026, 3, 1))
        assert "2026-02-28" in str(info.value)
        assert "2026-03-01" in str(info.value)

    def test_caller_chooses(self) -> None:
        assert effective_date("ottawa", date(2025, 8, 31), rounding="backward") == date(2026, 2, 28)
        assert effective_date("ottawa", date(2025, 8, 31), rounding=Rounding.FORWARD) == date(2026, 3, 1)

    def test_ambiguous_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="rounding"):
            effective_date("ottawa", "2025-08-31")

    def test_rounding_is_recorded_in_the_effect(self) -> None:
        e = effect("ottawa", "2025-08-31", rounding="backward")
        assert e.rounded
        assert e.rounding is Rounding.BACKWARD
        assert "rounded backward" in e.explain()


class TestTimeZones:
    def test_aware_datetime_is_read_in_new_york(self) -> None:
        # 02:00 UTC on 28 June is 22:00 on 27 June in New York.
        received = datetime(2025, 6, 28, 2, 0, tzinfo=UTC)
        assert effective_date("ottawa", received) == date(2025, 12, 27)

    def test_same_instant_elsewhere_is_another_day(self) -> None:
        # The same instant is 28 June in Lisbon: the ECT depositary's day.
        received = datetime(2025, 6, 28, 2, 0, tzinfo=UTC)
        assert effect("ect", received).received == date(2025, 6, 28)

    def test_naive_datetime_is_refused(self) -> None:
        with pytest.raises(InvalidDateError, match="naive"):
            effective_date("ottawa", datetime(2025, 6, 27, 12, 0))

    def test_offset_datetime(self) -> None:
        received = datetime(2025, 6, 27, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
        assert effect("ottawa", received).received == date(2025, 6, 27)


class TestMinimumParticipation:
    def test_paris_earliest_notice_is_the_third_anniversary(self) -> None:
        assert tw.earliest_notice_date("paris", party_since=date(2016, 11, 4)) == date(2019, 11, 4)

    def test_paris_notice_on_the_anniversary_is_allowed(self) -> None:
        got = effective_date("paris", date(2019, 11, 4), party_since=date(2016, 11, 4))
        assert got == date(2020, 11, 4)

    def test_paris_notice_a_day_early_is_refused(self) -> None:
        with pytest.raises(NoticeNotAllowedError) as info:
            effective_date("paris", date(2019, 11, 3), party_since=date(2016, 11, 4))
        assert info.value.earliest == date(2019, 11, 4)
        assert "2019-11-04" in str(info.value)

    def test_unchecked_minimum_is_said_in_the_derivation(self) -> None:
        e = effect("paris", "2019-11-04")
        assert any("party_since" in note for note in e.notes)

    def test_ect_five_years(self) -> None:
        with pytest.raises(NoticeNotAllowedError):
            effective_date("ect", "2014-12-31", party_since="2010-01-01")
        assert effective_date("ect", "2014-12-31", party_since="1998-04-16") == date(2016, 1, 1)

    def test_notice_before_being_a_party_is_refused(self) -> None:
        with pytest.raises(NoticeNotAllowedError):
            effective_date("ottawa", "2025-06-27", party_since="2025-07-01")


class TestPartyTerms:
    def test_us_reservation_to_the_who_constitution(self) -> None:
        assert effective_date("who", date(2025, 1, 22), party="US") == date(2026, 1, 22)

    def test_who_without_party_has_no_clause(self) -> None:
        with pytest.raises(NoWithdrawalClauseError, match="apply_vclt56"):
            effective_date("who", date(2025, 1, 22))

    def test_other_party_has_no_clause_either(self) -> None:
        with pytest.raises(NoWithdrawalClauseError):
            effective_date("who", date(2025, 3, 17), party="AR")

    def test_vclt56_only_on_request(self) -> None:
        e = effect("who", "2025-03-17", party="AR", apply_vclt56=True)
        assert e.date == date(2026, 3, 17)
        assert e.rule == "vclt56"
        assert "Art. 56(2)" in e.explain()

    def test_party_code_is_checked(self) -> None:
        with pytest.raises(InvalidArgumentError, match="alpha-2"):
            effective_date("who", "2025-01-22", party="USA")

    def test_lower_case_party_is_read(self) -> None:
        assert effective_date("who", "2025-01-22", party="us") == date(2026, 1, 22)


class TestLaterDate:
    def test_rome_statute_later_date_replaces(self) -> None:
        assert effective_date("rome-statute", "2016-10-27", later_date="2018-01-01") == date(2018, 1, 1)

    def test_earlier_date_is_refused(self) -> None:
        with pytest.raises(NoticeNotAllowedError, match="2017-10-27"):
            effective_date("rome-statute", "2016-10-27", later_date="2017-06-01")

    def test_treaty_without_later_date(self) -> None:
        with pytest.raises(NoticeNotAllowedError, match="later_date"):
            effective_date("ottawa", "2025-06-27", later_date="2026-06-27")


class TestArmedConflict:
    def test_ongoing_conflict_makes_the_effect_pending(self) -> None:
        conflicts = [(date(2022, 2, 24), None)]
        with pytest.raises(EffectPendingError) as info:
            effective_date("ottawa", date(2025, 6, 27), armed_conflicts=conflicts)
        pending = info.value.effect
        assert isinstance(pending, tw.Effect)
        assert pending.date is None
        e = effect("ottawa", date(2025, 6, 27), armed_conflicts=conflicts)
        assert e.date is None
        assert e.pending is not None and "armed conflict" in e.pending
        assert e.expiry == date(2025, 12, 27)

    def test_conflict_ended_before_expiry_changes_nothing(self) -> None:
        conflicts = [(date(2022, 2, 24), date(2025, 1, 1))]
        assert effective_date("ottawa", "2025-06-27", armed_conflicts=conflicts) == date(2025, 12, 27)

    def test_conflict_ending_after_expiry_defers_to_its_end(self) -> None:
        conflicts = [("2025-11-01", "2026-03-15")]
        assert effective_date("ottawa", "2025-06-27", armed_conflicts=conflicts) == date(2026, 3, 15)

    def test_a_later_conflict_does_not_defer(self) -> None:
        conflicts = [("2026-01-01", None)]
        assert effective_date("ottawa", "2025-06-27", armed_conflicts=conflicts) == date(2025, 12, 27)

    def test_treaty_without_the_condition_says_so(self) -> None:
        e = effect("rome-statute", "2016-10-27", armed_conflicts=[("2016-01-01", None)])
        assert e.date == date(2017, 10, 27)
        assert any("no armed-conflict condition" in note for note in e.notes)

    @pytest.mark.parametrize(
        "bad", [[("2025-01-01",)], "2022-02-24", [("2025-02-01", "2025-01-01")], [(1, None)]]
    )
    def test_bad_conflicts_are_refused(self, bad: object) -> None:
        with pytest.raises(tw.TreatyWithdrawError):
            effective_date("ottawa", "2025-06-27", armed_conflicts=bad)  # type: ignore[arg-type]


class TestBadInput:
    def test_unknown_treaty_names_close_keys(self) -> None:
        with pytest.raises(UnknownTreatyError) as info:
            tw.treaty("nonsense")
        assert isinstance(info.value, LookupError)
        with pytest.raises(UnknownTreatyError, match="ottawa"):
            tw.treaty("otawa")

    @pytest.mark.parametrize("bad", ["2025-02-30", "27/06/2025", "", 20250627, None, 3.5])
    def test_bad_receipt(self, bad: object) -> None:
        with pytest.raises(InvalidDateError):
            effective_date("ottawa", bad)  # type: ignore[arg-type]

    def test_unknown_rounding(self) -> None:
        with pytest.raises(InvalidArgumentError, match="rounding"):
            effective_date("ottawa", "2025-08-31", rounding="up")


class TestExplain:
    def test_derivation_cites_article_dates_and_evidence(self) -> None:
        text = effect("ottawa", "2025-06-27").explain()
        assert "Art. 20" in text
        assert "2025-06-27" in text
        assert "2025-12-27" in text
        assert "anniversary" in text
        assert "LV 2025-06-27 → 2025-12-27" in text
        assert "Saturday" in text

    def test_day_after_is_explained(self) -> None:
        text = effect("icsid", "2007-05-02").explain()
        assert "2007-11-02" in text and "2007-11-03" in text and "day after" in text

    def test_pending_is_explained(self) -> None:
        text = effect("ottawa", "2025-06-27", armed_conflicts=[("2022-02-24", None)]).explain()
        assert "none yet" in text

    def test_html(self) -> None:
        assert "<table>" in effect("ottawa", "2025-06-27")._repr_html_()


def test_treaty_of_the_wrong_type_is_named() -> None:
    with pytest.raises(InvalidArgumentError, match="not int 42"):
        tw.treaty(42)  # type: ignore[arg-type]


def test_timeline_file_conflict_ending_before_it_starts_names_the_field(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "w.toml"
    path.write_text(
        'party = "LV"\ntreaty = "ottawa"\n[options]\narmed_conflicts = [{start = 2025-02-01, end = 2025-01-01}]\n',
        encoding="utf-8",
    )
    with pytest.raises(tw.TimelineFileError) as info:
        tw.load_timeline(path)
    assert "armed_conflicts[0].end" in str(info.value)
    assert "w.toml" in str(info.value)
