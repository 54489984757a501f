"""explain() builds the treaty's constant lines once (issue 15: explain() at most 2x a relativedelta)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw import effects


def test_the_constant_lines_are_built_once_per_treaty_and_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(effects, "_CONSTANT_STEPS", {})
    t = tw.treaty("ect")
    first = tw.effect(t, date(2024, 4, 26)).explain()
    assert list(effects._CONSTANT_STEPS) == [(id(t), "clause")]
    assert tw.effect(t, date(2024, 4, 26)).explain() == first  # from the cache
    provisional = tw.effect(t, date(2009, 8, 20), party="RU").explain()
    assert (id(t), "provisional") in effects._CONSTANT_STEPS
    assert "Art. 45(3)(a)" in provisional.splitlines()[0] and "Art. 45(3)(a)" not in first.splitlines()[0]


def test_an_equal_treaty_object_gets_its_own_lines_and_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    t = tw.treaty("ottawa")
    renamed = attrs.evolve(t, short_name="Mine Ban Convention")
    full = {(-i, "clause"): effects._constants(tw.effect(t, date(2025, 6, 27))) for i in range(1, 4097)}
    monkeypatch.setattr(effects, "_CONSTANT_STEPS", full)
    text = tw.effect(renamed, date(2025, 6, 27)).explain()
    assert text.startswith("Mine Ban Convention (ottawa)")
    assert list(effects._CONSTANT_STEPS) == [(id(renamed), "clause")]  # full: cleared, then stored
    # A stale entry under a reused id (another object) is not taken.
    effects._CONSTANT_STEPS[(id(t), "clause")] = effects._CONSTANT_STEPS[(id(renamed), "clause")]
    assert tw.effect(t, date(2025, 6, 27)).explain().startswith("Ottawa Convention (ottawa)")
