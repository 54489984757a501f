"""Withdrawal: recording steps, the rules, status, effect, revocation, projection."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta

import pytest

from treatywithdraw.catalogue import Treaty, treaty
from treatywithdraw.errors import (
    AmbiguousDateError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidTransitionError,
    NotAWithdrawalError,
    UnknownTreatyError,
)
from treatywithdraw.periods import Period
from treatywithdraw.procedures import Confidence, Step, procedure
from treatywithdraw.timeline import Event, Status, Suspension, Withdrawal


def latvia(until: Step | None = None) -> Withdrawal:
    """The Latvian 2025 path, recorded up to and including ``until``."""
    w = Withdrawal.start(party="LV", treaty="ottawa")
    for step, day in (
        (Step.INITIATIVE, "2025-03-18"),
        (Step.GOVERNMENT_DECISION, "2025-03-25"),
        (Step.PARLIAMENT_APPROVAL, "2025-04-16"),
        (Step.HEAD_OF_STATE_ACT, "2025-04-24"),
        (Step.INSTRUMENT_DEPOSITED, "2025-06-27"),
    ):
        w = w.record(step, day)
        if step == until:
            break
    return w


def refused(w: Withdrawal, step: Step | str, on: object, **kwargs: object) -> tuple[str, ...]:
    before = pickle.dumps(w)
    with pytest.raises(InvalidTransitionError) as info:
        w.record(step, on, **kwargs)  # type: ignore[arg-type]
    assert pickle.dumps(w) == before, "a refused step must leave the withdrawal unchanged"
    assert isinstance(info.value, ValueError)
    return info.value.reasons


def rome(key: str = "rome-statute") -> Treaty:
    try:
        return treaty(key)
    except UnknownTreatyError:
        pytest.skip(f"{key} is not in the catalogue yet")


# -- the acceptance points -------------------------------------------------------------


def test_latvian_effective_date_and_status() -> None:
    w = latvia()
    assert w.effective_date == date(2025, 12, 27)
    assert w.status(date(2025, 7, 1)) == "notice-pending"
    assert w.status(date(2025, 12, 26)) == "notice-pending"
    assert w.status(date(2025, 12, 27)) == "effective"


def test_deposit_before_parliament_names_both_steps_and_changes_nothing() -> None:
    w = latvia(Step.GOVERNMENT_DECISION)
    reasons = refused(w, "instrument-deposited", date(2025, 6, 27))
    assert len(reasons) == 1
    assert "instrument-deposited" in reasons[0]
    assert "parliament-approval" in reasons[0]
    assert w.history[-1].step is Step.GOVERNMENT_DECISION


def test_revocation_before_effect_gives_revoked_and_no_date() -> None:
    w = latvia().record("revocation", "2025-12-26")
    assert w.status(date(2026, 1, 1)) == "revoked"
    assert w.status(date(2025, 12, 25)) == "notice-pending"
    assert w.effective_date is None
    assert w.effect is None


@pytest.mark.parametrize("day", ["2025-12-27", "2026-03-01"])
def test_revocation_on_or_after_effect_is_refused(day: str) -> None:
    reasons = refused(latvia(), "revocation", day)
    assert reasons == (
        f"revocation on {day} is too late: VCLT Art. 68 allows revoking a notification only "
        "before it takes effect, and this withdrawal took effect on 2025-12-27",
    )


# -- the statuses ------------------------------------------------------------------------


def test_status_through_the_latvian_procedure() -> None:
    w = latvia()
    assert w.status("2025-03-01") == Status.NOT_STARTED
    assert w.status("2025-03-18") == Status.ANNOUNCED  # the ministers' recommendation: no legal effect
    assert w.status("2025-03-25") == Status.IN_PREPARATION  # the Cabinet's decision
    assert w.status("2025-04-16") == Status.IN_PREPARATION  # law adopted, not promulgated
    assert w.status("2025-04-24") == Status.APPROVED
    assert w.status("2025-06-26") == Status.APPROVED
    assert w.status("2025-06-27") == Status.NOTICE_PENDING
    assert isinstance(w.status("2025-06-27"), str)


def test_status_ignores_events_after_as_of() -> None:
    w = latvia().record("revocation", "2025-09-01")
    assert w.status("2025-08-31") == Status.NOTICE_PENDING
    assert w.status("2025-09-01") == Status.REVOKED


def test_deferred_while_engaged_in_armed_conflict() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa", armed_conflicts=[("2025-11-01", None)])
    for step, day in (
        ("parliament-approval", "2025-04-16"),
        ("head-of-state-act", "2025-04-24"),
        ("instrument-deposited", "2025-06-27"),
    ):
        w = w.record(step, day)
    assert w.effective_date is None
    assert w.effect is not None and w.effect.pending
    assert w.status("2025-12-26") == Status.NOTICE_PENDING
    assert w.status("2025-12-27") == Status.DEFERRED
    # Ottawa Art. 20(3): not yet effective, so revocation is still possible (VCLT Art. 68).
    assert w.record("revocation", "2026-06-01").status("2026-06-01") == Status.REVOKED


def test_deferral_ends_with_the_conflict() -> None:
    w = Withdrawal.start(party="FI", treaty="ottawa", armed_conflicts=[("2025-12-01", "2026-03-15")])
    for step, day in (
        ("government-decision", "2025-05-28"),
        ("parliament-approval", "2025-06-19"),
        ("denunciation-decision", "2025-07-04"),
        ("instrument-deposited", "2025-07-10"),
    ):
        w = w.record(step, day)
    assert w.effective_date == date(2026, 3, 15)
    assert w.status("2026-02-01") == Status.DEFERRED
    assert w.status("2026-03-15") == Status.EFFECTIVE


def test_abandoned_after_parliament_rejects() -> None:
    w = Withdrawal.start(party="EE", treaty="ottawa").record("parliament-rejection", "2023-01-12")
    assert w.status("2023-02-01") == Status.ABANDONED
    reasons = refused(w, "parliament-approval", "2023-03-01")
    assert "abandoned by parliament-rejection on 2023-01-12" in reasons[0]
    assert w.next_steps() == ()


# -- each rule, and all of them at once ---------------------------------------------------


def test_dates_going_backwards() -> None:
    reasons = refused(latvia(Step.PARLIAMENT_APPROVAL), "head-of-state-act", "2025-04-10")
    assert any("dates go backwards" in r for r in reasons)


def test_unknown_step_name() -> None:
    reasons = refused(latvia(), "ratification", "2025-07-01")
    assert reasons[0].startswith("unknown step 'ratification': the Latvia procedure's steps")


def test_step_the_template_does_not_know() -> None:
    reasons = refused(latvia(Step.PARLIAMENT_APPROVAL), "senate-approval", "2025-04-20")
    assert reasons == (
        "senate-approval is not a step of the Latvia procedure (LV): its steps are initiative, "
        "government-decision, parliament-approval, law-returned, publication-suspended, "
        "parliament-rejection, head-of-state-act, instrument-deposited, parties-notified, "
        "revocation, notice-signed, parliament-postponement, court-ruling, condition-contested",
    )


def test_step_out_of_order() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("government-decision", "2025-03-25")
    w = w.record("parliament-approval", "2025-04-16")
    reasons = refused(w, "initiative", "2025-04-20")
    assert reasons == (
        "initiative comes before government-decision and parliament-approval in the Latvia "
        "procedure, but government-decision on 2025-03-25 and parliament-approval on "
        "2025-04-16 are already recorded",
    )


def test_duplicate_step() -> None:
    reasons = refused(latvia(Step.GOVERNMENT_DECISION), "government-decision", "2025-03-30")
    assert reasons == ("government-decision was already recorded on 2025-03-25",)


def test_every_violated_rule_is_reported_at_once() -> None:
    w = latvia(Step.GOVERNMENT_DECISION)
    reasons = refused(w, "revocation", "2025-03-01")
    assert len(reasons) == 2
    assert "dates go backwards" in reasons[0]
    assert "revocation needs parliament-approval, head-of-state-act and instrument-deposited" in reasons[1]


def test_nothing_after_the_effect() -> None:
    reasons = refused(latvia(), "parties-notified", "2026-01-05")
    assert reasons == (
        "the withdrawal took effect on 2025-12-27: parties-notified on 2026-01-05 comes after "
        "a terminal state",
    )
    assert latvia().record("parties-notified", "2025-07-01").history[-1].step is Step.PARTIES_NOTIFIED


def test_nothing_after_revocation() -> None:
    w = latvia().record("revocation", "2025-07-01")
    reasons = refused(w, "parties-notified", "2025-07-02")
    assert "revoked by revocation on 2025-07-01" in reasons[0]


def test_deposit_needs_a_date() -> None:
    reasons = refused(latvia(Step.HEAD_OF_STATE_ACT), "instrument-deposited", None)
    assert reasons == (
        "instrument-deposited needs a date: receipt by the depositary is the legal clock (VCLT Art. 78(b))",
    )


# -- Latvian deadlines (Satversme Arts. 69, 71, 72) ------------------------------------------


@pytest.mark.parametrize(("days", "ok"), [(6, False), (7, True), (8, True), (21, True), (22, False)])
def test_promulgation_window(days: int, ok: bool) -> None:
    w = latvia(Step.PARLIAMENT_APPROVAL)
    day = date(2025, 4, 16) + timedelta(days=days)
    if ok:
        assert w.record("head-of-state-act", day).history[-1].on == day
    else:
        (reason,) = refused(w, "head-of-state-act", day)
        assert "Satversme Art. 69 places it from 2025-04-23 to 2025-05-07" in reason


def test_return_within_ten_days_then_adopt_again() -> None:
    w = latvia(Step.PARLIAMENT_APPROVAL)
    (reason,) = refused(w, "law-returned", "2025-04-27")
    assert "Satversme Art. 71 places it no later than 2025-04-26" in reason
    w = w.record("law-returned", "2025-04-26")
    # The law must be adopted again before promulgation.
    (reason,) = refused(w, "head-of-state-act", "2025-05-01")
    assert reason.startswith("head-of-state-act needs parliament-approval first")
    w = w.record("parliament-approval", "2025-05-20")
    # The Art. 69 window runs from the new adoption; the President cannot return it twice.
    refused(w, "head-of-state-act", "2025-05-21")
    (reason,) = refused(w, "law-returned", "2025-05-22")
    assert reason == "law-returned was already recorded on 2025-04-26"
    assert w.record("head-of-state-act", "2025-05-27").status("2025-05-27") == Status.APPROVED


def test_publication_suspended_for_two_months() -> None:
    w = latvia(Step.PARLIAMENT_APPROVAL).record("publication-suspended", "2025-04-20")
    (reason,) = refused(w, "head-of-state-act", "2025-05-01")
    assert "Satversme Art. 72 places it no earlier than 2025-06-20" in reason
    assert w.record("head-of-state-act", "2025-06-20").history[-1].on == date(2025, 6, 20)


def test_ambiguous_month_end_bound_is_not_guessed() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-12-24")
    w = w.record("publication-suspended", "2025-12-31")
    (reason,) = refused(w, "head-of-state-act", "2026-02-28")
    assert "ambiguous" in reason
    assert w.record("head-of-state-act", "2026-03-01").history[-1].on == date(2026, 3, 1)


# -- undated steps -----------------------------------------------------------------------------


def test_undated_step_counts_once_a_later_step_is_dated() -> None:
    w = Withdrawal.start(party="PL", treaty="ottawa")
    w = w.record("parliament-approval", "2025-06-25")
    w = w.record("senate-approval", None, confidence="unconfirmed", note="July 2025")
    w = w.record("head-of-state-act", None, confidence=Confidence.UNCONFIRMED)
    assert w.status("2025-07-30") == Status.IN_PREPARATION
    w = w.record("denunciation-decision", "2025-08-05")
    assert w.status("2025-08-04") == Status.IN_PREPARATION
    assert w.status("2025-08-05") == Status.APPROVED
    assert w.history[1] == Event(
        step=Step.SENATE_APPROVAL, on=None, note="July 2025", confidence=Confidence.UNCONFIRMED
    )


def test_unknown_confidence_label() -> None:
    with pytest.raises(InvalidArgumentError, match="confidence 'sure' is not known"):
        Withdrawal.start(party="LV", treaty="ottawa").record("initiative", "2025-03-18", confidence="sure")


# -- dates -------------------------------------------------------------------------------------


def test_deposit_datetime_is_read_in_the_depositary_time_zone() -> None:
    w = latvia(Step.HEAD_OF_STATE_ACT)
    late_evening_new_york = datetime(2025, 6, 28, 2, 30, tzinfo=UTC)
    assert w.record("instrument-deposited", late_evening_new_york).deposit.on == date(2025, 6, 27)  # type: ignore[union-attr]


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(InvalidDateError, match="naive datetime"):
        latvia(Step.HEAD_OF_STATE_ACT).record("instrument-deposited", datetime(2025, 6, 27, 12))


def test_bad_party_code() -> None:
    with pytest.raises(InvalidArgumentError, match="not an ISO 3166-1 alpha-2 code"):
        Withdrawal.start(party="Latvia", treaty="ottawa")


# -- the generic template and the Rome Statute revocations --------------------------------------


def test_party_without_template_uses_the_generic_one() -> None:
    w = Withdrawal.start(party="tv", treaty="ottawa")
    assert w.party == "TV" and w.procedure == procedure("generic").for_treaty(w.treaty)
    assert w.procedure.key == "generic"
    # The generic template does not know the constitution: a bare deposit is a fact.
    assert w.record("instrument-deposited", "2025-01-10").status("2025-01-10") == Status.NOTICE_PENDING


def test_south_africa_revoked_its_rome_statute_withdrawal_in_2017() -> None:
    # The 2016 notice was deposited without Parliament's prior approval, which the High
    # Court held unconstitutional (DA v Minister, 2017): the ZA template refuses that
    # deposit, so the record of what happened uses the generic one.
    with pytest.raises(InvalidTransitionError, match=r"DA v Minister"):
        Withdrawal.start(party="ZA", treaty=rome()).record("instrument-deposited", "2016-10-19")
    w = Withdrawal.start(party="ZA", treaty=rome(), procedure="generic").record(
        "instrument-deposited",
        "2016-10-19",
        source="https://www.icc-cpi.int/fr/news/le-president-de-laep-se-felicite-de-la-revocation-du-retrait-du-statut-de-rome-par-lafrique-du",
    )
    assert w.effective_date == date(2017, 10, 19)
    w = w.record("revocation", "2017-03-07", note="C.N.121.2017.TREATIES-XVIII.10")
    assert w.status("2017-10-19") == Status.REVOKED
    assert w.effective_date is None


def test_gambia_revoked_before_the_effect_and_could_not_have_after() -> None:
    w = Withdrawal.start(party="GM", treaty=rome()).record("instrument-deposited", "2016-11-10")
    assert w.effective_date == date(2017, 11, 10)
    assert w.record("revocation", "2017-02-10").status("2017-02-10") == Status.REVOKED
    (reason,) = refused(w, "revocation", "2017-11-10")
    assert "took effect on 2017-11-10" in reason


# -- next steps and projection ---------------------------------------------------------------------


def test_next_steps_follow_the_template() -> None:
    w = latvia(Step.PARLIAMENT_APPROVAL)
    assert w.next_steps() == (
        Step.LAW_RETURNED,
        Step.PUBLICATION_SUSPENDED,
        Step.PARLIAMENT_REJECTION,
        Step.HEAD_OF_STATE_ACT,
    )
    assert latvia().next_steps() == (Step.PARTIES_NOTIFIED, Step.REVOCATION)


def test_projection_from_the_vote_with_default_durations() -> None:
    p = latvia(Step.PARLIAMENT_APPROVAL).project()
    assert [(s.step, s.on) for s in p.steps] == [
        (Step.HEAD_OF_STATE_ACT, date(2025, 4, 24)),
        (Step.INSTRUMENT_DEPOSITED, date(2025, 6, 27)),
    ]
    assert p.steps[0].basis == "2025 case: 2025-04-16 → 2025-04-24"
    assert p.deposit == date(2025, 6, 27)
    assert p.effective_date == date(2025, 12, 27)


def test_projection_respects_the_legal_minimum() -> None:
    p = latvia(Step.PARLIAMENT_APPROVAL).project({Step.HEAD_OF_STATE_ACT: 1, "instrument-deposited": "P1M"})
    assert p.steps[0].on == date(2025, 4, 23)
    assert p.steps[0].basis.startswith("legal minimum: head-of-state-act from 7 days")
    assert p.steps[1].on == date(2025, 5, 23)
    assert p.effective_date == date(2025, 11, 23)


def test_projection_from_scratch_needs_a_start() -> None:
    w = Withdrawal.start(party="FI", treaty="ottawa")
    with pytest.raises(InvalidArgumentError, match="pass start="):
        w.project()
    p = w.project(start="2025-04-01")
    assert [s.step for s in p.steps] == list(procedure("FI").main_path())
    assert p.deposit == date(2025, 7, 10)  # the 2025 durations reproduce the 2025 case
    assert p.effective_date == date(2026, 1, 10)


def test_projection_after_deposit_and_after_revocation() -> None:
    assert latvia().project().effective_date == date(2025, 12, 27)
    assert latvia().project().steps == ()
    p = latvia().record("revocation", "2025-08-01").project()
    assert p.effective_date is None and p.deposit is None


def test_projection_rejects_bad_durations() -> None:
    with pytest.raises(InvalidArgumentError, match="is not a step"):
        latvia(Step.PARLIAMENT_APPROVAL).project({"signature": 3})
    with pytest.raises(InvalidArgumentError, match="number of days"):
        latvia(Step.PARLIAMENT_APPROVAL).project({"head-of-state-act": -3})
    assert latvia(Step.PARLIAMENT_APPROVAL).project({"head-of-state-act": Period(days=10)}).steps[
        0
    ].on == date(2025, 4, 26)


# -- values ------------------------------------------------------------------------------------


def test_withdrawals_are_immutable_comparable_and_picklable() -> None:
    w = latvia()
    assert pickle.loads(pickle.dumps(w)) == w
    with pytest.raises(AttributeError):
        w.party = "EE"  # type: ignore[misc]
    assert latvia() == w and hash(w) == hash(latvia())


def test_explain_lists_the_steps_and_the_effect() -> None:
    text = latvia().explain("2025-07-01")
    assert "2025-04-24  head-of-state-act — President (Valsts prezidents)" in text
    assert "Effective date: 2025-12-27" in text
    assert text.endswith("Status on 2025-07-01: notice-pending")


# -- suspension --------------------------------------------------------------------------------


def test_a_suspension_has_no_effective_date() -> None:
    s = Suspension.create(
        party="UA",
        treaty="ottawa",
        basis="VCLT Art. 62",
        notified="2025-07-18",
        outcome="The 22nd Meeting of States Parties found suspension not permitted.",
    )
    for attempt in (
        lambda: s.effective_date,
        lambda: s.effect,
        lambda: s.status("2026-01-18"),
        lambda: s.project(),
        lambda: s.record("instrument-deposited", "2025-07-18"),
    ):
        with pytest.raises(NotAWithdrawalError) as info:
            attempt()
        assert info.value.basis == "VCLT Art. 62"
        assert isinstance(info.value, ValueError)
        message = str(info.value)
        assert "not a withdrawal under Art. 20(2)-(3)" in message
        assert "no effective date" in message
        assert "found suspension not permitted" in message
        assert "Withdrawal.start(party='UA', treaty='ottawa', procedure='generic')" in message


def test_a_suspension_checks_its_events() -> None:
    with pytest.raises(InvalidTransitionError) as info:
        Suspension.create(
            party="UA",
            treaty="ottawa",
            basis="VCLT Art. 62",
            notified="2025-07-18",
            events=[
                Event(step=Step.PARLIAMENT_APPROVAL, on=date(2025, 7, 15)),
                Event(step=Step.GOVERNMENT_DECISION, on=date(2025, 7, 11)),
                Event(step=Step.INSTRUMENT_DEPOSITED, on=date(2025, 7, 20)),
            ],
        )
    assert len(info.value.reasons) == 3


def test_ambiguous_receipt_is_recorded_and_the_effect_asks_for_rounding() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa", procedure="generic")
    w = w.record("instrument-deposited", "2025-08-31")  # + 6 months: no 31 February
    with pytest.raises(AmbiguousDateError, match='rounding="backward"'):
        _ = w.effective_date
    # The effect is 2026-02-28 or 2026-03-01: only 28 February depends on the rounding.
    assert w.status("2026-01-10") == "notice-pending"
    assert w.status("2026-03-02") == "effective"
    with pytest.raises(AmbiguousDateError):
        w.status("2026-02-28")
    assert w.record("revocation", "2026-01-10").status("2026-03-02") == "revoked"
    (reason,) = refused(w, "revocation", "2026-02-28")
    assert reason.startswith("cannot tell whether a revocation on 2026-02-28 comes before the effect")
    (reason,) = refused(w, "revocation", "2026-03-01")
    assert "too late" in reason
    fixed = Withdrawal.start(party="LV", treaty="ottawa", procedure="generic", rounding="backward")
    fixed = fixed.record("instrument-deposited", "2025-08-31")
    assert fixed.effective_date == date(2026, 2, 28)
