"""The events the real withdrawals of 2016-2026 needed: court rulings, contested conditions,
postponements, notices signed before they are received, and announcements never deposited."""

from __future__ import annotations

from datetime import date

import pytest

import treatywithdraw as tw
from treatywithdraw.procedures import Step
from treatywithdraw.procedures._model import INCIDENTAL_STEPS


def test_south_africa_ends_revoked_with_the_judgment_recorded() -> None:
    za = tw.load_timeline("za-rome-statute-2016")
    assert isinstance(za, tw.Withdrawal)
    [ruling] = [e for e in za.history if e.step is Step.COURT_RULING]
    assert ruling.on == date(2017, 2, 22)
    assert za.status("2017-02-21") == tw.Status.NOTICE_PENDING
    assert za.status("2017-02-22") == tw.Status.ANNULLED  # held unlawful, not yet revoked
    assert za.status("2017-03-07") == tw.Status.REVOKED
    assert za.effective_date is None


@pytest.mark.parametrize("party", ["bf", "ml", "ne"])
def test_the_sahel_announcements_have_no_effective_date(party: str) -> None:
    w = tw.load_timeline(f"{party}-rome-statute-2025")
    assert isinstance(w, tw.Withdrawal)
    assert w.status("2026-11-30") == tw.Status.ANNOUNCED
    assert w.deposit is None and w.effective_date is None


def test_the_united_states_who_withdrawal_is_contested() -> None:
    us = tw.load_timeline("us-who-2025")
    assert isinstance(us, tw.Withdrawal)
    assert us.effective_date == date(2026, 1, 22)  # one year's notice, the US's own terms
    assert us.status("2026-01-21") == tw.Status.NOTICE_PENDING
    assert us.status("2026-01-22") == tw.Status.CONTESTED  # the dues condition, disputed by the WHO


def test_latvia_istanbul_is_postponed() -> None:
    lv = tw.load_timeline("lv-istanbul-2025")
    assert isinstance(lv, tw.Withdrawal)
    assert lv.status("2025-11-04") == tw.Status.IN_PREPARATION
    assert lv.status("2025-11-05") == tw.Status.POSTPONED
    assert lv.effective_date is None


def test_a_notice_signed_before_it_is_received_keeps_both_dates() -> None:
    ph = tw.load_timeline("ph-rome-statute-2018")
    assert isinstance(ph, tw.Withdrawal)
    [signed] = [e for e in ph.history if e.step is Step.NOTICE_SIGNED]
    assert signed.on == date(2018, 3, 15)
    assert ph.deposit is not None and ph.deposit.on == date(2018, 3, 17)
    assert ph.effective_date == date(2019, 3, 17)  # from the receipt, not the signature


def test_incidental_events_are_accepted_but_never_due() -> None:
    w = tw.Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    assert not set(w.next_steps()) & set(INCIDENTAL_STEPS)
    assert not {i.step for i in w.agenda()} & set(INCIDENTAL_STEPS)
    w = w.record("court-ruling", "2025-04-18")
    assert w.status("2025-04-18") == tw.Status.ANNULLED


def test_the_rules_of_the_incidental_events() -> None:
    lv = tw.Withdrawal.start(party="LV", treaty="ottawa")
    with pytest.raises(tw.InvalidTransitionError, match=r"needs .*instrument-deposited first"):
        lv.record("condition-contested", "2025-04-18")
    deposited = tw.load_timeline("lv-ottawa-2025")
    assert isinstance(deposited, tw.Withdrawal)
    with pytest.raises(tw.InvalidTransitionError, match="possible only before instrument-deposited"):
        deposited.record("notice-signed", "2025-12-01")
    with pytest.raises(tw.InvalidTransitionError, match="possible only before instrument-deposited"):
        deposited.record("parliament-postponement", "2025-12-01")
    # A postponement stands until the next step moves the law again.
    moved = lv.record("parliament-approval", "2025-04-16").record("parliament-postponement", "2025-04-17")
    assert moved.status("2025-04-17") == tw.Status.POSTPONED
    assert moved.record("head-of-state-act", "2025-04-24").status("2025-04-24") == tw.Status.APPROVED
