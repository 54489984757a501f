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


def _revoked() -> tw.Withdrawal:
    w = tw.Withdrawal.start(party="FI", treaty="ottawa", procedure="generic")
    return w.record("instrument-deposited", "2025-07-10").record("revocation", "2025-08-01")


def test_the_event_log_keeps_what_the_rules_would_scan_for() -> None:
    from treatywithdraw.procedures import Step, rules

    w = _revoked()
    log = w.events
    assert type(log) is rules.EventLog
    plain = tuple(log)
    for step in Step:
        assert rules.last_index(log, step) == rules.last_index(plain, step), step
    assert rules.terminal_event(log) is rules.terminal_event(plain) is log[-1]
    # Rebuilt from scratch (the constructor, a pickle) it is the same index.
    again = pickle.loads(pickle.dumps(w))
    assert type(again.events) is rules.EventLog and again.events.terminal == log.terminal
    assert again.events.last == log.last and again.status("2026-01-01") == tw.Status.REVOKED
    # The first terminal event stays the one, as a scan from the start finds it.
    later = log.plus(log[-1])
    assert later.terminal is log[-1] and later.last[Step.REVOCATION] == len(log)
    assert rules.EventLog(()).terminal is None


def test_a_plain_sequence_is_still_scanned() -> None:
    from treatywithdraw.procedures import Step, rules

    events = list(_revoked().events)
    assert rules.last_index(events, Step.INSTRUMENT_DEPOSITED) == 0
    assert rules.terminal_event(events) is events[-1]
    assert rules.last_index(events[:1], Step.REVOCATION) is None
