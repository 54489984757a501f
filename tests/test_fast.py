"""The fast paths (``treatywithdraw._fast``) give exactly what the full path gives, or stand aside.

A plan answers a call only where it positively knows the answer; everywhere else it
returns ``None`` and the full path answers. These tests hold every plan of the catalogue
to the full path: the same date, the same ``Effect`` (field by field, and its
explanation), the same last receipt day. The full path is reached by passing
``options=NoticeOptions(...)``, which the fast paths never take.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import _fast, catalogue, effects
from treatywithdraw.errors import TreatyWithdrawError

TREATIES = tw.treaties()
KEYS = [t.key for t in TREATIES]
# Every fourth day of two years (every day of the month, every month), and both ends of the calendar.
GRID = (
    [date(2023, 1, 1) + timedelta(days=4 * i) for i in range(183)]
    + [date(1, 1, 1) + timedelta(days=i) for i in range(0, 800, 13)]
    + [date(9999, 12, 31) - timedelta(days=i) for i in range(0, 800, 7)]
)


def _full(t: tw.Treaty, day: date, **values: Any) -> tw.Effect | str:
    try:
        return tw.effect(t, day, options=tw.NoticeOptions(**values))
    except TreatyWithdrawError as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize("key", KEYS)
def test_every_plan_gives_the_full_paths_date_and_effect(key: str) -> None:
    t = tw.treaty(key)
    answered = 0
    for day in GRID:
        expected = _full(t, day)
        fast_date = _fast.date_of(t, day, {})
        fast_effect = _fast.effect_of(t, day)
        if fast_date is not None:
            answered += date(2023, 1, 1) <= day < date(2025, 1, 1)
            assert isinstance(expected, tw.Effect) and fast_date == expected.date, (day, expected)
        if fast_effect is not None:
            assert fast_effect == expected, day
            assert isinstance(expected, tw.Effect) and fast_effect.explain() == expected.explain()
        # The public functions answer exactly as the full path does, fast or not.
        try:
            assert tw.effective_date(t, day) == (expected.date if isinstance(expected, tw.Effect) else None)
        except TreatyWithdrawError as exc:
            assert f"{type(exc).__name__}: {exc}" == expected or isinstance(exc, tw.EffectPendingError)
    if t.clause.kind.value != "none" and t.clause.later_date.value != "required":
        assert answered > 120, "the plan should answer most ordinary days"


@pytest.mark.parametrize("key", KEYS)
def test_every_fast_last_receipt_day_is_the_full_paths(key: str) -> None:
    t = tw.treaty(key)
    for target in GRID[::3]:
        fast = _fast.latest_of(t, target)
        if fast is None:
            continue
        assert fast == tw.latest_receipt_date(t, target, options=tw.NoticeOptions()), target
        assert tw.latest_receipt_date(t, target) == fast


options = st.fixed_dictionaries(
    {},
    optional={
        "party": st.sampled_from(["US", " lv ", "gb", "XYZ", "", "AR"]),
        "party_since": st.dates(date(1900, 1, 1), date(2100, 12, 31)),
        "later_date": st.dates(date(1990, 1, 1), date(2100, 12, 31)),
        "rounding": st.sampled_from(["backward", "forward", "raise", tw.Rounding.FORWARD, None]),
    },
)


@settings(max_examples=3000, deadline=None)
@given(key=st.sampled_from(KEYS), day=st.dates(date(1900, 1, 1), date(2100, 12, 31)), values=options)
def test_effective_date_with_options_is_the_full_paths(key: str, day: date, values: dict[str, Any]) -> None:
    t = tw.treaty(key)
    try:
        expected: object = tw.effective_date(t, day, options=tw.NoticeOptions(**values))
    except TreatyWithdrawError as exc:
        expected = f"{type(exc).__name__}: {exc}"
    for treaty in (t, key):
        try:
            got: object = tw.effective_date(treaty, day, **values)
        except TreatyWithdrawError as exc:
            got = f"{type(exc).__name__}: {exc}"
        assert got == expected


def test_aliases_and_keys_give_the_same_plan_without_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        _fast.plan_for_name("mine-ban")
        is _fast.plan_for_name("ottawa")
        is _fast.plan_for(tw.treaty("ottawa"))
    )
    tw.effective_date("mine-ban", date(2025, 6, 27))

    def no_disk(*args: object) -> None:
        raise AssertionError("the disk was read")

    monkeypatch.setattr(catalogue, "_read_treaty_text", no_disk)
    monkeypatch.setattr(catalogue, "_alias_file", no_disk)
    assert tw.effective_date("mine-ban", date(2025, 6, 27)) == date(2025, 12, 27)
    assert tw.treaty("mine-ban").key == "ottawa"


def test_names_are_resolved_again_when_the_catalogue_is_swapped(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _fast.plan_for_name("ottawa")
    monkeypatch.setattr(catalogue, "_files", {})
    monkeypatch.setattr(catalogue, "_registry", None)
    monkeypatch.setattr(catalogue, "_built_cache", None)  # the built treaties are read again too
    again = _fast.plan_for_name("ottawa")
    assert again is not None and before is not None and again.treaty is not before.treaty
    assert again.treaty == before.treaty


def test_names_and_objects_no_plan_knows_go_the_full_way() -> None:
    assert _fast.plan_for_name("no-such-treaty") is None
    assert _fast.date_of("no-such-treaty", date(2025, 1, 1), {}) is None
    assert _fast.date_of(3, date(2025, 1, 1), {}) is None
    assert _fast.effect_of(3, date(2025, 1, 1)) is None
    assert _fast.latest_of(3, date(2025, 1, 1)) is None
    with pytest.raises(tw.UnknownTreatyError, match="did you mean 'ottawa'"):
        tw.effective_date("otawa", date(2025, 1, 1))


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ({"party": "LVA"}, "not a party code: the full path names it"),
        ({"party": 7}, "not a str"),
        ({"party": ["LV"]}, "not a str, not even hashable"),
        ({"party_since": "2020-01-01"}, "a string, read by the full path"),
        ({"later_date": "2030-01-01"}, "a string, read by the full path"),
        ({"rounding": "sideways"}, "unknown rounding"),
        ({"rounding": ["backward"]}, "unhashable rounding"),
        ({"apply_vclt56": True}, "an option no plan covers"),
        ({"armed_conflicts": ()}, "an option no plan covers"),
        ({"extended_to": date(2026, 1, 31)}, "a date, for an option no plan covers"),
    ],
)
def test_options_a_plan_does_not_cover_go_the_full_way(values: dict[str, Any], why: str) -> None:
    assert _fast.date_of("ottawa", date(2025, 6, 27), values) is None, why


def test_a_party_with_terms_of_its_own_goes_the_full_way() -> None:
    who = tw.treaty("who")
    assert who.clause.party_terms
    assert _fast.date_of(who, date(2025, 1, 22), {"party": "US"}) is None
    assert tw.effective_date(who, date(2025, 1, 22), party="US") == date(2026, 1, 22)
    # Without terms of its own, a party changes nothing a plan computes.
    assert _fast.date_of("ottawa", date(2025, 6, 27), {"party": " lv "}) == date(2025, 12, 27)
    assert _fast.date_of("ottawa", date(2025, 6, 27), {"party": None}) == date(2025, 12, 27)


def test_the_party_code_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fast, "_parties", {str(i): "X" for i in range(_fast._MAX_CACHED)})
    assert _fast._party(" ee ") == "EE"
    assert " ee " not in _fast._parties


def test_the_plan_caches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fast, "_by_id", {-i: None for i in range(_fast._MAX_CACHED)})
    plan = _fast.plan_for(tw.treaty("ottawa"))
    assert list(_fast._by_id.values()) == [plan]
    monkeypatch.setattr(_fast, "_by_name", {str(i): plan for i in range(_fast._MAX_CACHED)})
    monkeypatch.setattr(_fast, "_names_of", catalogue._files)
    assert _fast.plan_for_name("icsid") is not None
    assert list(_fast._by_name) == ["icsid"]
    _fast.clear()
    assert not _fast._by_id and not _fast._by_name


def test_an_effect_with_a_field_the_builder_does_not_know_is_built_the_full_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    @attrs.frozen(kw_only=True)
    class Wider(tw.Effect):  # type: ignore[misc]
        extra: int = 0

    monkeypatch.setattr(effects, "Effect", Wider)
    plan = _fast.Plan(tw.treaty("ottawa"))
    assert plan.build is None
    assert plan.day(date(2025, 6, 27), None, None) == date(2025, 12, 27)


def test_a_party_that_changes_the_rule_takes_the_full_path() -> None:
    # ECT Art. 45(3)(a): a provisional signatory named as the party gets 60 days, which
    # the plan for the treaty's own Art. 47 does not know (merge of the clause shapes).
    ect = tw.treaty("ect")
    assert _fast.plan_for(ect).party_terms
    assert _fast.date_of(ect, date(2009, 8, 20), {"party": "RU"}) is None
    assert tw.effective_date(ect, date(2009, 8, 20), party="RU") == date(2009, 10, 19)
    assert tw.effective_date(ect, date(2009, 8, 20)) == date(2010, 8, 21)


def test_plans_stand_aside_at_the_calendars_edges() -> None:
    ottawa = _fast.plan_for(tw.treaty("ottawa"))
    assert ottawa.day(date(9999, 7, 1), None, None) is None  # past 9999
    assert ottawa.day(date(2025, 8, 31), None, None) is None  # a month end
    with pytest.raises(tw.InvalidDateError):
        tw.effective_date("ottawa", date(9999, 7, 1))
    assert _fast.latest_of("ottawa", date(1, 3, 1)) is None
    assert _fast.latest_of("ottawa", date.max) is None
    with pytest.raises(tw.InvalidDateError, match="outside years 1-9999"):
        tw.latest_receipt_date("ottawa", date.max)


def _variant(key: str, **clause: Any) -> tw.Treaty:
    t = tw.treaty(key)
    return attrs.evolve(t, clause=attrs.evolve(t.clause, **clause))


def _same_as_full(t: tw.Treaty, days: list[date]) -> None:
    for day in days:
        expected = _full(t, day)
        fast = _fast.date_of(t, day, {})
        assert fast is None or (isinstance(expected, tw.Effect) and fast == expected.date), (t, day)


def test_shapes_no_plan_covers_go_the_full_way() -> None:
    nato = tw.treaty("nato")
    mp = nato.clause.minimum_participation
    assert mp is not None and mp.anchor.value == "treaty"
    genocide = tw.treaty("genocide")
    fp = genocide.clause.fixed_periods
    assert fp is not None
    days = [date(2025, 6, 27), date(9999, 6, 27)]
    shapes = {
        # An earliest notice day past the calendar, and one that depends on the rounding.
        "earliest past 9999": attrs.evolve(nato, entry_into_force=date(9999, 1, 1)),
        "earliest at a month end": attrs.evolve(
            nato,
            entry_into_force=date(2019, 8, 31),
            clause=attrs.evolve(
                nato.clause, minimum_participation=attrs.evolve(mp, period=tw.Period(months=6))
            ),
        ),
        # A notice clause counted by a convention of another shape.
        "notice, end-of-period": _variant("ottawa", convention=tw.Convention.END_OF_PERIOD),
        # Fixed periods of months and days; a deadline before the first day of the calendar.
        "periods with days": _variant(
            "genocide", fixed_periods=attrs.evolve(fp, then=tw.Period(years=5, days=1))
        ),
        "deadline before year 1": _variant(
            "genocide",
            fixed_periods=attrs.evolve(
                fp, start=date(1, 1, 1), first=tw.Period(months=1), notice_before_end=tw.Period(days=400)
            ),
        ),
    }
    for name, t in shapes.items():
        plan = _fast.Plan(t)
        if name != "deadline before year 1":
            assert plan.computed is _fast._never_pair and plan.day(date(2025, 6, 27), None, None) is None, (
                name
            )
        _same_as_full(t, days)
    assert _fast._never_pair(date(2025, 6, 27)) is None  # a treaty without a plan answers nothing
    # The deadline of the first period falls before 1 January 1: no period is listed.
    assert _fast.period_ends(shapes["deadline before year 1"]) == ([], [])


def test_the_last_receipt_day_near_a_month_end_goes_the_full_way() -> None:
    # 30 March: six months back is 30 September, past the 28th, where rounding may matter.
    assert _fast.latest_of("ottawa", date(2026, 3, 30)) is None
    assert tw.latest_receipt_date("ottawa", date(2026, 3, 30)) == date(2025, 9, 30)


@pytest.mark.parametrize(
    "convention",
    [tw.Convention.ANNIVERSARY, tw.Convention.DAY_AFTER, tw.Convention.FIRST_OF_NEXT_MONTH, tw.Convention.END_OF_FOLLOWING_YEAR],
)
@pytest.mark.parametrize(
    "period",
    [
        tw.Period(months=6),
        tw.Period(years=1),
        tw.Period(months=13),
        tw.Period(days=90),
        tw.Period(months=6, days=10),
        tw.Period(),
        tw.Period(months=-6),
        tw.Period(days=10**10),  # more days than the calendar holds
    ],
    ids=str,
)
def test_every_period_shape_under_every_convention_is_the_full_paths(
    convention: tw.Convention, period: tw.Period
) -> None:
    # The plans bind a period's parts once and write the common shapes (whole months)
    # inline: each shape, at the calendar's edges, on the 28th and after it, and across
    # a year's end, gives what the full path gives.
    t = _variant("ottawa", convention=convention, notice_period=period)
    plan = _fast.Plan(t)
    days = [*GRID, *(date(2024, m, d) for m in (1, 7, 12) for d in (1, 27, 28, 29, 31)), date(2024, 2, 29)]
    days += [date(9999, 6, 27), date(9999, 6, 28), date(9998, 12, 28), date(1, 1, 1), date(1, 6, 28)]
    answered = 0
    for day in days:
        expected = _full(t, day)
        for got in (plan.plain(day), plan.day(day, None, None), _fast.date_of(t, day, {})):
            if got is not None:
                answered += 1
                assert isinstance(expected, tw.Effect) and got == expected.date, (day, expected)
        found = plan.computed(day)
        if found is not None:
            assert isinstance(expected, tw.Effect) and found == (expected.expiry, expected.computed), day
    assert answered or period.days > 10**9 or period.total_months < 0 or convention is tw.Convention.END_OF_FOLLOWING_YEAR


def test_a_minimum_period_from_entry_into_force_or_a_required_date_is_kept_without_options() -> None:
    nato = tw.treaty("nato")
    plan = _fast.plan_for(nato)
    assert plan.threshold is not None
    before, after = plan.threshold - timedelta(days=1), plan.threshold + timedelta(days=1)
    assert plan.plain(before) is None and plan.plain(after) == tw.effective_date(nato, after)
    cfc = _fast.plan_for(tw.treaty("cfc"))
    assert cfc.needs_later and cfc.plain(date(2025, 6, 27)) is None
    assert cfc.day(date(2025, 6, 27), None, date(2026, 6, 27)) == date(2026, 6, 27)
