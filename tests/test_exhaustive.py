"""Day-by-day checks against independent oracles, where random draws can miss a boundary.

Property tests sample; these walk every day of chosen windows (month ends, leap years,
period ends) and compare with an oracle written from the treaty text, not from the
library's code: the fixed periods of the Genocide Convention and of the Council of Europe
Statute, and the exactness of ``latest_receipt_date`` for every treaty in the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.catalogue import Treaty
from treatywithdraw.clauses import FixedPeriods, LaterDate
from treatywithdraw.periods import Period, add_period

ONE = timedelta(days=1)


def days(first: date, last: date) -> Iterator[date]:
    d = first
    while d <= last:
        yield d
        d += ONE


def months_later(d: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day if it has no such day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError(d)


def months_earlier(d: date, months: int) -> date:
    return months_later(d, -months)


def period_ends(fp: FixedPeriods, until: date) -> list[date]:
    """Every period end: the first after ``first``, then one each ``then`` (rounded back)."""
    first = months_later(fp.start, fp.first.total_months)
    ends, k = [first], 1
    while ends[-1] <= until:
        ends.append(months_later(first, fp.then.total_months * k))
        k += 1
    return ends


def oracle(fp: FixedPeriods, received: date) -> tuple[date, date] | None:
    """(end of the period the receipt falls in, last day to notify for that end); None
    before the first period starts. A period covers [previous end, end)."""
    if received < fp.start:
        return None
    end = next(e for e in period_ends(fp, received) if e > received)
    deadline = months_earlier(end, fp.notice_before_end.total_months)
    return end, deadline - timedelta(days=fp.notice_before_end.days)


def with_fixed_periods(base: str, **changes: object) -> Treaty:
    t = tw.treaty(base)
    assert t.clause.fixed_periods is not None
    fp = attrs.evolve(t.clause.fixed_periods, **changes)
    return attrs.evolve(t, clause=attrs.evolve(t.clause, fixed_periods=fp))


#: The Genocide Convention, and the same clause started on a month end with
#: month-length periods, where every end and deadline needs rounding back.
FIXED = {
    "genocide": tw.treaty("genocide"),
    "genocide-from-31-august": with_fixed_periods(
        "genocide",
        start=date(2000, 8, 31),
        first=Period(months=6),
        then=Period(months=6),
        notice_before_end=Period(months=3),
    ),
    # Ends on the 31st, and monthly periods after them: some fall in shorter months.
    "genocide-monthly-from-31-january": with_fixed_periods(
        "genocide",
        start=date(2000, 1, 31),
        first=Period(years=1),
        then=Period(months=1),
        notice_before_end=Period(months=1),
    ),
}


@pytest.mark.parametrize("key", sorted(FIXED))
def test_fixed_periods_match_the_oracle_every_day(key: str) -> None:
    t = FIXED[key]
    fp = t.clause.fixed_periods
    assert fp is not None
    windows = [
        (fp.start - timedelta(days=3), fp.start + timedelta(days=40)),
        (date(2000, 8, 20), date(2003, 3, 10)),
        (date(2020, 6, 1), date(2021, 2, 1)),
        (date(2025, 6, 20), date(2026, 1, 20)),
    ]
    checked = refused = 0
    for first, last in windows:
        for received in days(first, last):
            expected = oracle(fp, received)
            if expected is None:
                with pytest.raises(
                    tw.NoticeNotAllowedError, match=r"is before the treaty's first period starts"
                ):
                    tw.effective_date(t, received)
                continue
            end, deadline = expected
            if received <= deadline:
                assert tw.effective_date(t, received) == end, received
                e = tw.effect(t, received)
                assert e.expiry == end
                checked += 1
            else:
                with pytest.raises(tw.NoticeNotAllowedError) as info:
                    tw.effective_date(t, received)
                assert isinstance(info.value, tw.NoticeTooLateError)
                assert (info.value.latest, info.value.next_earliest) == (deadline, end)
                refused += 1
    assert checked > 30 and refused > 100


def test_a_late_notice_carries_to_the_next_period_where_the_statute_says_so() -> None:
    t = tw.treaty("coe-statute")
    fp = t.clause.fixed_periods
    assert fp is not None and fp.late_notice == "next-period"
    for received in days(date(2023, 9, 25), date(2024, 10, 5)):
        # Art. 7: the first nine months of a financial year: out at its end; later: at
        # the end of the next. The effect is the first day of non-membership.
        year = received.year if received.month <= 9 else received.year + 1
        assert tw.effective_date(t, received) == date(year + 1, 1, 1), received


@pytest.mark.parametrize("key", sorted(FIXED))
def test_the_last_receipt_for_a_fixed_period_target_matches_the_oracle(key: str) -> None:
    t = FIXED[key]
    fp = t.clause.fixed_periods
    assert fp is not None
    first_end = period_ends(fp, fp.start)[0]
    for target in days(date(2020, 12, 1), date(2026, 3, 1)):
        if target < first_end:
            continue
        # The latest end on or before the target, and its notice deadline.
        end = max(e for e in period_ends(fp, target) if e <= target)
        deadline = months_earlier(end, fp.notice_before_end.total_months)
        assert tw.latest_receipt_date(t, target) == deadline, target
    with pytest.raises(tw.NoticeNotAllowedError, match=r"no period of .* ends by .* \(the first ends "):
        tw.latest_receipt_date(t, first_end - ONE)
    assert tw.latest_receipt_date(t, first_end) == months_earlier(
        first_end, fp.notice_before_end.total_months
    )


# -- planning: exact on every day of the windows, for every treaty ------------------------

WINDOWS = [(date(2024, 1, 20), date(2024, 3, 10)), (date(2025, 8, 20), date(2025, 10, 10))]


def options(t: Treaty) -> dict[str, object]:
    opts: dict[str, object] = {}
    if t.clause.kind.value == "none":
        opts["apply_vclt56"] = True
    return opts


@pytest.mark.parametrize("key", [t.key for t in tw.treaties()])
def test_latest_receipt_date_is_exact_every_day(key: str) -> None:
    """Its effect is on or before the target, and the next day's is after it (or refused)."""
    t = tw.treaty(key)
    opts = options(t)
    answered = 0
    for first, last in WINDOWS:
        for target in days(first, last):
            for rounding in ("backward", "forward"):
                try:
                    r = tw.latest_receipt_date(t, target, rounding=rounding, **opts)  # type: ignore[arg-type]
                except tw.NoticeNotAllowedError:
                    continue
                answered += 1
                # A clause that requires a named date (CFC Art. 30): the plan is for a notice
                # naming the target itself, which the clause allows on r and refuses on r + 1.
                named = {"later_date": target} if t.clause.later_date is LaterDate.REQUIRED else {}
                assert tw.effective_date(t, r, rounding=rounding, **opts, **named) <= target  # type: ignore[arg-type]
                try:
                    after = tw.effective_date(t, r + ONE, rounding=rounding, **opts, **named)  # type: ignore[arg-type]
                except tw.NoticeNotAllowedError:
                    continue
                assert after > target, (key, target, rounding, r)
    assert answered > 100


def test_planning_works_where_the_notice_must_name_its_date() -> None:
    # A clause that requires a named date still has a last receipt day: the plan is for
    # a notice naming the earliest date the clause allows.
    cfe = tw.treaty("cfe")
    t = attrs.evolve(cfe, clause=attrs.evolve(cfe.clause, later_date=LaterDate.REQUIRED))
    for target in days(date(2025, 8, 25), date(2025, 9, 5)):
        assert tw.latest_receipt_date(t, target) == tw.latest_receipt_date("cfe", target)


def test_the_first_notice_day_follows_the_minimum_participation_rule() -> None:
    for key in [t.key for t in tw.treaties() if t.clause.minimum_participation is not None]:
        t = tw.treaty(key)
        mp = t.clause.minimum_participation
        assert mp is not None
        for since in (date(2020, 2, 29), date(2019, 8, 31), date(2021, 1, 15)):
            first = tw.earliest_notice_date(t, party_since=since, rounding="backward")
            anchor = since if mp.anchor.value == "party" else t.entry_into_force
            assert anchor is not None
            expected = add_period(anchor, mp.period, "backward")
            assert first == (expected if mp.anchor.value == "party" else max(since, expected)), (key, since)
