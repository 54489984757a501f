"""A withdrawal builds its notice options (its party laid over them) once, not on every question."""

from __future__ import annotations

import pytest

import treatywithdraw as tw
from treatywithdraw import timeline


def _withdrawal(**options: object) -> tw.Withdrawal:
    w = tw.Withdrawal.start(party="LV", treaty="ottawa", **options)  # type: ignore[arg-type]
    return (
        w.record("parliament-approval", "2025-04-16")
        .record("head-of-state-act", "2025-04-24")
        .record("instrument-deposited", "2025-06-27")
    )


def test_the_options_with_the_party_are_built_once() -> None:
    w = _withdrawal(armed_conflicts=[("2022-02-24", "2023-01-01")])
    first = w._notice_options
    assert first.party == "LV" and first.armed_conflicts == w.options.armed_conflicts
    assert w._notice_options is first  # the same object: not rebuilt, its spans not re-checked
    assert w.status("2025-12-28") is tw.Status.EFFECTIVE


def test_options_that_name_the_party_already_are_used_as_they_are() -> None:
    import attrs

    options = tw.NoticeOptions(party="LV", rounding="backward")
    w = attrs.evolve(tw.Withdrawal.start(party="LV", treaty="ottawa"), options=options)
    assert w._notice_options is w.options


def test_the_cache_is_bounded_and_checks_what_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    w = _withdrawal()
    stale = tw.NoticeOptions(party="EE")
    monkeypatch.setattr(timeline, "_WITH_PARTY", {id(w.options): (stale, "EE", stale)})
    assert w._notice_options.party == "LV"  # an entry for another object or party is not used
    monkeypatch.setattr(timeline, "_WITH_PARTY", {-i: (stale, "EE", stale) for i in range(1024)})
    assert w._notice_options.party == "LV"
    assert len(timeline._WITH_PARTY) == 1
