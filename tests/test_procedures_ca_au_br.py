"""The Canadian, Australian and Brazilian templates: each one's own rules, and its real case."""

from __future__ import annotations

from datetime import date

import pytest

import treatywithdraw as tw
from treatywithdraw.errors import InvalidTransitionError
from treatywithdraw.procedures import Step, procedure
from treatywithdraw.timeline import Status, Withdrawal


@pytest.mark.parametrize(("alias", "code"), [("CAN", "CA"), ("australia", "AU"), ("Brasil", "BR")])
def test_found_by_code_and_alias(alias: str, code: str) -> None:
    p = procedure(code)
    assert p.key == code and procedure(alias) is p and procedure(code.lower()) is p


def test_canada_deposit_needs_the_order_in_council_and_no_parliament() -> None:
    ca = procedure("CA")
    assert ca.prerequisites(Step.INSTRUMENT_DEPOSITED) == (Step.GOVERNMENT_DECISION,)
    assert not ca.rule(Step.PARLIAMENT_APPROVAL).required
    assert any("2012 FC 893" in basis for basis in ca.legal_basis)
    with pytest.raises(InvalidTransitionError, match="government-decision"):
        Withdrawal.start(party="CA", treaty="kyoto").record("instrument-deposited", "2011-12-15")


def test_canada_kyoto_2011_replays_to_its_recorded_effect() -> None:
    # Announcement 12 Dec 2011; the Order in Council's date was not read (undated);
    # receipt by the UN Secretary-General 15 Dec 2011 (Turp v. Canada, para 1).
    w = (
        Withdrawal.start(party="CA", treaty="kyoto")
        .record("initiative", "2011-12-12")
        .record("government-decision", None, confidence="unconfirmed", note="Order in Council, date not read")
        .record("instrument-deposited", "2011-12-15")
    )
    assert w.effective_date == date(2012, 12, 15)  # kyoto.toml evidence: effective 2012-12-15
    assert w.status("2012-12-15") == Status.EFFECTIVE


def test_canada_unccd_2013_replays_to_its_recorded_effect() -> None:
    # The Cabinet's order "last week" before the reports of 27 Mar 2013 (undated here);
    # receipt by the UN Secretary-General 28 Mar 2013 (IISD; catalogue unccd.toml).
    w = (
        Withdrawal.start(party="CA", treaty="unccd")
        .record("government-decision", None, confidence="unconfirmed", note="18-22 Mar 2013")
        .record("instrument-deposited", "2013-03-28")
    )
    assert w.effective_date == date(2014, 3, 28)


def test_australia_executive_council_approves_and_jscot_advises() -> None:
    au = procedure("AU")
    assert au.prerequisites(Step.INSTRUMENT_DEPOSITED) == (Step.DENUNCIATION_DECISION,)
    jscot = au.rule(Step.PARLIAMENT_APPROVAL)
    assert not jscot.required and jscot.typical
    assert "Joint Standing Committee on Treaties" in jscot.actor.name
    # The committee's review is on the usual path, so projections wait for it.
    assert Step.PARLIAMENT_APPROVAL in au.main_path()
    w = Withdrawal.start(party="AU", treaty="ect").record("denunciation-decision", "2021-09-28")
    assert w.status("2021-09-29") == Status.APPROVED


def test_brazil_congress_approves_but_the_deposit_does_not_wait_for_it() -> None:
    br = procedure("BR")
    # ADC 39 (2023): Congress's approval is needed; whether before the notice is contested.
    assert br.approval == (Step.PARLIAMENT_APPROVAL, Step.SENATE_APPROVAL)
    assert br.prerequisites(Step.INSTRUMENT_DEPOSITED) == ()
    assert any(item.startswith("CONTESTED") for item in br.unconfirmed)
    assert any("ADC 39" in basis for basis in br.legal_basis)
    assert br.prerequisites(Step.SENATE_APPROVAL) == (Step.PARLIAMENT_APPROVAL,)
    w = Withdrawal.start(party="BR", treaty="unasur").record("parliament-approval", "2025-01-01")
    assert w.status("2025-01-02") == Status.IN_PREPARATION
    w = w.record("senate-approval", "2025-03-01")
    assert w.status("2025-03-02") == Status.APPROVED


def test_brazil_unasur_2019_notice_is_accepted_as_the_fact_it_was() -> None:
    # Before the 2023 rule: the note of 15 Apr 2019 alone (Itamaraty); UNASUR Art. 24,
    # six months from receipt, day-after convention (catalogue unasur.toml).
    w = Withdrawal.start(party="BR", treaty="unasur").record("instrument-deposited", "2019-04-15")
    assert w.effective_date == date(2019, 10, 16)
    assert w.status("2019-05-01") == Status.NOTICE_PENDING


def test_brazil_human_rights_treaties_carry_the_doctrinal_note() -> None:
    rule = procedure("BR").for_treaty(tw.treaty("iccpr")).rule(Step.PARLIAMENT_APPROVAL)
    assert "Art. 5" in rule.note
    assert "Art. 5" not in procedure("BR").for_treaty(tw.treaty("unasur")).rule(Step.PARLIAMENT_APPROVAL).note
