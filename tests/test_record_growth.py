"""record() copies a checked withdrawal instead of checking every earlier event again (issue 15)."""

from __future__ import annotations

import pickle

import treatywithdraw as tw


def test_a_recorded_withdrawal_equals_the_one_the_constructor_builds() -> None:
    w = tw.Withdrawal.start(party="LV", treaty="ottawa", rounding="backward")
    for step, day in (
        ("initiative", "2025-03-18"),
        ("government-decision", "2025-03-25"),
        ("parliament-approval", "2025-04-16"),
        ("head-of-state-act", "2025-04-24"),
        ("instrument-deposited", "2025-06-27"),
    ):
        w = w.record(step, day)
    built = tw.Withdrawal(
        party=w.party, treaty=w.treaty, procedure=w.procedure, events=w.events, options=w.options
    )
    assert w == built and hash(w) == hash(built) and repr(w) == repr(built)
    assert type(w) is tw.Withdrawal and w.effective_date == built.effective_date
    assert pickle.loads(pickle.dumps(w)) == w
    assert len({id(e) for e in w.events}) == 5  # the earlier events are shared, not rebuilt
