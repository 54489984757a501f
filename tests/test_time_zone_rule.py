"""One rule for aware datetimes (issue 16, item 6): an instant is the depositary's day.

Before, ``record()`` and ``effect()`` read an instant in the depositary's zone while
``Event`` with ``replay()``, ``status(as_of=)`` and the options read it in the caller's:
2025-06-28T00:30+14:00 gave 2025-12-27 through one door and 2025-12-28 through another.
These tests send the same instant through every door and ask for the same answer.
"""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import Event, NoticeOptions, Withdrawal
from treatywithdraw._dates import Instant, as_date, at_depositary

KIRIBATI = timezone(timedelta(hours=14))
NEW_YORK = "America/New_York"
# 27 June 2025, 06:30 in New York; already 28 June in Kiribati (and in UTC: 10:30).
DEPOSIT = datetime(2025, 6, 28, 0, 30, tzinfo=KIRIBATI)

instants = st.builds(
    lambda day, minutes, hours: datetime.combine(day, datetime.min.time())
    .replace(tzinfo=timezone(timedelta(hours=hours)))
    + timedelta(minutes=minutes),
    st.dates(min_value=date(1990, 1, 2), max_value=date(2060, 12, 30)),
    st.integers(0, 24 * 60 - 1),
    st.integers(-12, 14),
)


def _generic(**options: object) -> Withdrawal:
    return Withdrawal.start(party="LV", treaty="ottawa", procedure="generic", **options)  # type: ignore[arg-type]


def test_the_issues_reproducer_gives_one_answer_through_every_door() -> None:
    w = _generic()
    through = {
        "record": w.record("instrument-deposited", DEPOSIT).effective_date,
        "replay": w.replay([Event(step="instrument-deposited", on=DEPOSIT)]).effective_date,
        "constructor": Withdrawal(
            party="LV",
            treaty=w.treaty,
            procedure=w.procedure,
            events=[Event(step="instrument-deposited", on=DEPOSIT)],
        ).effective_date,
        "effect": tw.effect("ottawa", DEPOSIT).date,
        "effective_date": tw.effective_date("ottawa", DEPOSIT),
    }
    assert set(through.values()) == {date(2025, 12, 27)}, through


@given(instants)
def test_record_replay_and_effect_agree_on_every_instant(moment: datetime) -> None:
    day = moment.astimezone(_ny()).date()
    w = _generic(rounding="backward")  # a month end must not stop the comparison
    recorded = w.record("instrument-deposited", moment).deposit
    replayed = w.replay([Event(step="instrument-deposited", on=moment)]).deposit
    assert recorded is not None and replayed is not None
    assert recorded.on == replayed.on == tw.effect("ottawa", moment, rounding="backward").received == day


def _ny() -> tzinfo:
    from treatywithdraw._dates import zone

    return zone(NEW_YORK)


@given(instants)
def test_every_option_reads_an_instant_at_the_depositary(moment: datetime) -> None:
    day = moment.astimezone(_ny()).date()
    o = NoticeOptions(
        later_date=moment,
        party_since=moment,
        extended_to=moment,
        agreement_in_force=moment,
        armed_conflicts=[(moment, moment)],
    ).at_depositary(NEW_YORK)
    assert (o.later_date, o.party_since, o.extended_to, o.agreement_in_force) == (day, day, day, day)
    assert o.armed_conflicts == ((day, day),)
    assert all(type(d) is date for d in (o.later_date, o.party_since, *o.armed_conflicts[0]))


def test_a_later_date_instant_counts_at_the_depositary_in_effect_and_in_a_withdrawal() -> None:
    # 1 January 2026, 00:30 in Kiribati is 31 December, 10:30 in Lisbon (the ECT's
    # depositary) and 05:30 in New York (Ottawa's).
    later = datetime(2026, 1, 1, 0, 30, tzinfo=KIRIBATI)
    expected = date(2025, 12, 31)
    assert tw.effect("ect", "2024-04-26", later_date=later).date == expected  # Art. 47(2) allows it
    w = Withdrawal.start(party="GB", treaty="ect", procedure="generic", later_date=later)
    assert w.options.later_date == expected and type(w.options.later_date) is date
    assert w.record("instrument-deposited", "2024-04-26").effective_date == expected


def test_party_since_as_an_instant_is_the_depositary_day() -> None:
    # Paris entered into force for the US on 4 November 2016 (New York). An instant on
    # the 5th in Kiribati is still the 4th in New York: notice three years on is allowed.
    since = datetime(2016, 11, 5, 0, 30, tzinfo=KIRIBATI)
    assert tw.earliest_notice_date("paris", party_since=since) == date(2019, 11, 4)
    assert tw.effective_date("paris", "2019-11-04", party_since=since) == date(2020, 11, 4)


def test_as_of_and_effective_by_are_the_depositary_day() -> None:
    w = _generic().record("instrument-deposited", "2025-06-27")
    # 27 December 2025, 01:00 UTC is 26 December, 20:00 in New York: not yet effective.
    assert w.status(datetime(2025, 12, 27, 1, tzinfo=UTC)) == tw.Status.NOTICE_PENDING
    assert w.status(datetime(2025, 12, 27, 5, tzinfo=UTC)) == tw.Status.EFFECTIVE
    assert tw.view(w, datetime(2025, 12, 27, 1, tzinfo=UTC)).status == tw.Status.NOTICE_PENDING
    # effective by 1 January 2026 (New York), given as 05:00 UTC on 1 January.
    assert tw.latest_receipt_date("ottawa", datetime(2026, 1, 1, 5, tzinfo=UTC)) == date(2025, 7, 1)
    assert tw.latest_receipt_date("ottawa", datetime(2026, 1, 1, 1, tzinfo=UTC)) == date(2025, 6, 30)


def test_a_domestic_act_keeps_the_day_of_its_own_zone() -> None:
    vote = datetime(2025, 4, 16, 0, 30, tzinfo=timezone(timedelta(hours=3)))  # Riga, summer
    w = Withdrawal.start(party="LV", treaty="ottawa")
    w = w.record("initiative", "2025-03-18").record("government-decision", "2025-03-25")
    assert w.record("parliament-approval", vote).events[-1].on == date(2025, 4, 16)
    assert w.replay([Event(step="parliament-approval", on=vote)]).events[-1].on == date(2025, 4, 16)


def test_a_suspension_reads_its_events_by_the_same_rule() -> None:
    s = tw.Suspension.create(
        party="UA",
        treaty="ottawa",
        basis="VCLT Art. 62",
        notified=datetime(2025, 7, 18, 2, tzinfo=UTC),  # 17 July in New York
        events=[Event(step="government-decision", on=datetime(2025, 6, 29, 23, tzinfo=UTC))],
    )
    assert s.notified == date(2025, 7, 17)
    assert s.events[0].on == date(2025, 6, 29)
    assert type(s.events[0].on) is date


def test_an_instant_is_a_day_that_remembers_its_moment() -> None:
    i = as_date(DEPOSIT, "on")
    assert type(i) is Instant and i == date(2025, 6, 28) and i.at == DEPOSIT
    assert repr(i) == "Instant('2025-06-28T00:30:00+14:00')"
    assert at_depositary(i, NEW_YORK) == date(2025, 6, 27)
    assert as_date(i, "on") is i
    assert as_date(i, "on", NEW_YORK) == date(2025, 6, 27)
    assert at_depositary(date(2025, 6, 28), NEW_YORK) == date(2025, 6, 28)
    assert at_depositary(None, NEW_YORK) is None
    # Arithmetic and replace give plain days; pickling keeps the moment.
    for value in (i + timedelta(days=1), timedelta(days=1) + i, i - timedelta(days=1), i.replace(day=1)):
        assert type(value) is date
    assert i - date(2025, 6, 27) == timedelta(days=1)
    back = pickle.loads(pickle.dumps(i))
    assert type(back) is Instant and back.at == DEPOSIT
    event = Event(step="instrument-deposited", on=DEPOSIT)
    assert pickle.loads(pickle.dumps(event)) == event


def test_an_instant_out_of_the_calendar_at_the_depositary_is_one_error() -> None:
    edge = datetime(1, 1, 1, 0, 30, tzinfo=KIRIBATI)  # year 0 in New York
    with pytest.raises(tw.InvalidDateError, match="falls outside years 1-9999"):
        tw.effective_date("ottawa", edge)
    with pytest.raises(tw.InvalidDateError, match="falls outside years 1-9999"):
        NoticeOptions(later_date=edge).at_depositary(NEW_YORK)


class _Odd(tzinfo):
    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "odd"


class _Raising(_Odd):
    def utcoffset(self, dt: datetime | None) -> timedelta:
        raise RuntimeError("no offset")


class _DayLong(_Odd):
    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=24)


class _NotAnOffset(_Odd):
    def utcoffset(self, dt: datetime | None) -> timedelta:
        return 5  # type: ignore[return-value]


@pytest.mark.parametrize("bad", [_Raising(), _DayLong(), _NotAnOffset()], ids=type)
def test_a_tzinfo_that_gives_no_offset_is_one_error(bad: tzinfo) -> None:
    moment = datetime(2025, 6, 27, 12, tzinfo=bad)
    for call in (
        lambda: tw.effective_date("ottawa", moment),
        lambda: NoticeOptions(later_date=moment),
        lambda: Event(step="instrument-deposited", on=moment),
        lambda: _generic().record("instrument-deposited", moment),
    ):
        with pytest.raises(tw.InvalidDateError, match="fails to give an offset"):
            call()


def test_misbehaving_date_and_str_subclasses_are_read_by_their_base_type() -> None:
    class Day(date):
        @property
        def year(self) -> int:
            raise RuntimeError("year")

    class Text(str):
        def strip(self, chars: str | None = None) -> str:
            raise RuntimeError("strip")

        def __str__(self) -> str:
            raise RuntimeError("str")

    assert tw.effective_date("ottawa", Day(2025, 6, 27)) == date(2025, 12, 27)
    assert tw.effective_date("ottawa", Text(" 2025-06-27 ")) == date(2025, 12, 27)


def test_an_unknown_zone_is_refused_even_with_nothing_to_read() -> None:
    for bad in ("Mars/Olympus", ["America/New_York"], None):
        with pytest.raises(tw.InvalidDateError, match="unknown time zone"):
            NoticeOptions().at_depositary(bad)  # type: ignore[arg-type]
