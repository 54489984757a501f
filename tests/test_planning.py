"""Planning: the last receipt day for a target, computed by inverting the clause."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import AmbiguousDateError, Rounding, effective_date, latest_receipt_date

PLANNABLE = ["ottawa", "icsid", "ect", "istanbul", "unesco", "rome-statute", "iccpr-op1", "paris"]


def test_ottawa_out_by_new_year() -> None:
    assert latest_receipt_date("ottawa", date(2026, 1, 1)) == date(2025, 7, 1)


def test_day_after_inverts() -> None:
    assert latest_receipt_date("icsid", date(2007, 11, 3)) == date(2007, 5, 2)
    assert latest_receipt_date("ect", "2016-01-01") == date(2014, 12, 31)


def test_first_of_next_month_inverts() -> None:
    assert latest_receipt_date("istanbul", "2021-07-01") == date(2021, 3, 31)
    assert latest_receipt_date("istanbul", "2021-07-31") == date(2021, 3, 31)


def test_unesco_inverts() -> None:
    assert latest_receipt_date("unesco", "2018-12-31") == date(2017, 12, 31)
    assert latest_receipt_date("unesco", "2018-12-30") == date(2016, 12, 31)


def test_month_end_target_is_ambiguous_unless_rounding_given() -> None:
    # 28 Feb 2026: receipt on 29-31 Aug 2025 gives 28 Feb (backward) or 1 Mar (forward).
    with pytest.raises(AmbiguousDateError) as info:
        latest_receipt_date("ottawa", date(2026, 2, 28))
    assert info.value.candidates == (date(2025, 8, 31), date(2025, 8, 28))
    assert latest_receipt_date("ottawa", date(2026, 2, 28), rounding="backward") == date(2025, 8, 31)
    assert latest_receipt_date("ottawa", date(2026, 2, 28), rounding="forward") == date(2025, 8, 28)


def test_party_terms() -> None:
    assert latest_receipt_date("who", "2026-01-22", party="US") == date(2025, 1, 22)


def test_a_target_no_party_can_reach_is_refused_without_party_since() -> None:
    # Paris Art. 28(1): no notice before three years after entry into force (2016-11-04).
    with pytest.raises(tw.NoticeTooEarlyError, match="for any party") as info:
        latest_receipt_date("paris", "2018-01-01")
    assert info.value.earliest == date(2019, 11, 4)
    assert latest_receipt_date("paris", "2020-11-04") == date(2019, 11, 4)
    with pytest.raises(tw.NoticeTooEarlyError, match=r"only from 2019-11-04\Z"):
        latest_receipt_date("paris", "2018-01-01", party_since="2016-11-04")
    # Basel Art. 27: three years from the entry into force for the party; the Convention
    # entered into force on 1992-05-05 (catalogue, with its source), so no party before 1995-05-05.
    with pytest.raises(tw.NoticeTooEarlyError, match="for any party") as info:
        latest_receipt_date("basel", "1990-01-01")
    assert info.value.earliest == date(1995, 5, 5)
    # A clause without a minimum period, or one whose entry into force is not catalogued, is not bounded.
    assert latest_receipt_date("ottawa", "1990-01-01") == date(1989, 7, 1)
    unknown = attrs.evolve(tw.treaty("basel"), entry_into_force=None)
    assert unknown.clause.minimum_participation is not None
    assert latest_receipt_date(unknown, "1990-01-01") == date(1989, 1, 1)


def test_no_clause() -> None:
    with pytest.raises(tw.NoWithdrawalClauseError):
        latest_receipt_date("who", "2026-01-22")


@given(
    st.sampled_from(PLANNABLE),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from([Rounding.BACKWARD, Rounding.FORWARD]),
)
def test_latest_receipt_is_exact(key: str, target: date, mode: Rounding) -> None:
    try:
        latest = latest_receipt_date(key, target, rounding=mode)
    except tw.NoticeTooEarlyError as exc:
        # Refused only when even the first day any party may give notice is too late.
        assert effective_date(key, exc.earliest, rounding=mode) > target
        return
    assert effective_date(key, latest, rounding=mode) <= target
    assert effective_date(key, latest + timedelta(days=1), rounding=mode) > target


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)))
def test_latest_receipt_without_rounding_agrees_with_both(target: date) -> None:
    try:
        latest = latest_receipt_date("ottawa", target)
    except AmbiguousDateError as err:
        back, fwd = err.candidates
        assert back != fwd
        return
    for mode in (Rounding.BACKWARD, Rounding.FORWARD):
        assert latest == latest_receipt_date("ottawa", target, rounding=mode)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)))
def test_earliest_notice_is_a_boundary(since: date) -> None:
    assume(since.day <= 28 or since.month != 2)
    try:
        earliest = tw.earliest_notice_date("paris", party_since=since)
    except AmbiguousDateError:
        return
    effective_date("paris", earliest, party_since=since, rounding="backward")
    with pytest.raises(tw.NoticeNotAllowedError):
        effective_date("paris", earliest - timedelta(days=1), party_since=since, rounding="backward")
