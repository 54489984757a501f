"""Branches of the core modules that the scenario tests do not reach, each with its meaning.

CI holds periods, clauses, effects and timeline at 100 % branch coverage (docs/quality.md).
Each test here pins one rule a branch encodes, with the outcome it must give; none only
runs a line.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.clauses import LaterDate
from treatywithdraw.errors import (
    EffectPendingError,
    InvalidArgumentError,
    InvalidTransitionError,
    NoticeNotAllowedError,
)
from treatywithdraw.periods import Period, Rounding
from treatywithdraw.procedures import Deadline, Step, procedure
from treatywithdraw.timeline import Event, Suspension, Withdrawal

# -- periods ------------------------------------------------------------------------------


def test_the_enums_are_closed_to_the_functional_api() -> None:
    with pytest.raises(
        InvalidArgumentError,
        match=r"^Rounding takes one value, not 2: use one of 'raise', 'backward', 'forward'$",
    ):
        Rounding("Sideways", "LEFT RIGHT")  # type: ignore[call-arg]


def test_a_period_part_beyond_ten_to_the_twelfth_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"^Period months=10000000000000 is out of range") as info:
        Period(months=10**13)
    assert info.value.field == "months"
    assert Period(months=10**12).months == 10**12


def test_an_iso_period_with_a_thirteen_digit_part_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"^period 'P9999999999999M' is out of range"):
        Period.parse("P9999999999999M")
    assert Period.parse("P999999999999M").months == 999_999_999_999


# -- effects ------------------------------------------------------------------------------


def test_a_party_with_no_terms_of_its_own_is_noted_when_the_treaty_has_a_clause() -> None:
    who = tw.treaty("who")
    terms = who.clause.party_terms
    # The same terms on a treaty that has a clause of its own (the ICSID one).
    icsid = tw.treaty("icsid")
    t = attrs.evolve(icsid, clause=attrs.evolve(icsid.clause, party_terms=terms))
    e = tw.effect(t, "2025-06-27", party="LV")
    assert e.rule == "clause"
    assert e.notes[0] == "LV holds no party-specific terms; the treaty's own clause applies."
    assert e.date == tw.effective_date("icsid", "2025-06-27")


def test_a_clause_that_requires_a_named_date_refuses_a_notice_without_one() -> None:
    cfe = tw.treaty("cfe")
    t = attrs.evolve(cfe, clause=attrs.evolve(cfe.clause, later_date=LaterDate.REQUIRED))
    earliest = tw.effective_date("cfe", "2025-06-27")
    with pytest.raises(
        NoticeNotAllowedError,
        match=r"must name the withdrawal date, at least 150 days after receipt: pass later_date= \(",
    ) as info:
        tw.effect(t, "2025-06-27")
    assert info.value.fixes == (tw.Fix("later_date", gives=f"{earliest.isoformat()} or later"),)
    assert f"({earliest.isoformat()} or later)" in str(info.value)
    assert tw.effective_date(t, "2025-06-27", later_date=earliest) == earliest


def test_a_withdrawal_agreement_is_refused_where_the_treaty_has_none() -> None:
    with pytest.raises(
        InvalidArgumentError,
        match=r"^ottawa Art\. 20\(2\)-\(3\) has no withdrawal agreement: drop agreement_in_force=2025-09-01$",
    ) as info:
        tw.effect("ottawa", "2025-06-27", agreement_in_force="2025-09-01")
    assert info.value.field == "agreement_in_force"


def test_an_unending_conflict_that_overlaps_the_one_at_expiry_keeps_the_effect_pending() -> None:
    # Engaged at expiry (2025-12-27) in a conflict that ends 2026-03-01, and in another
    # from 2026-02-01 that has not ended: no day without conflict, so no effect yet.
    with pytest.raises(
        EffectPendingError,
        match=r"without a break from before 2025-12-27 \(a conflict since 2026-02-01 has not ended\)",
    ):
        tw.effective_date(
            "ottawa", "2025-06-27", armed_conflicts=[("2025-11-01", "2026-03-01"), ("2026-02-01", None)]
        )
    # The same second conflict, ended: the effect waits for the end of the later one.
    assert tw.effective_date(
        "ottawa", "2025-06-27", armed_conflicts=[("2025-11-01", "2026-03-01"), ("2026-02-01", "2026-04-30")]
    ) == date(2026, 4, 30)


def test_the_last_receipt_for_a_fixed_period_steps_back_to_the_period_that_ends_in_time() -> None:
    # Genocide Art. XIV: periods end 2021-01-12 and 2026-01-12; a target of 2026-01-05
    # needs the 2021 end, so notice at least six months before it.
    assert tw.latest_receipt_date("genocide", "2026-01-05") == date(2020, 7, 12)
    assert tw.effective_date("genocide", "2020-07-12") == date(2021, 1, 12)
    with pytest.raises(NoticeNotAllowedError):
        tw.effective_date("genocide", "2020-07-13")


# -- timeline -----------------------------------------------------------------------------


#: Latvia's 2025 path up to the Saeima's adoption.
_TO_ADOPTION = (
    ("initiative", "2025-03-18"),
    ("government-decision", "2025-03-25"),
    ("parliament-approval", "2025-04-16"),
)


def _record(w: Withdrawal, *steps: tuple[str, str]) -> Withdrawal:
    for step, day in steps:
        w = w.record(step, day)
    return w


def test_sources_must_all_be_text() -> None:
    with pytest.raises(
        InvalidArgumentError,
        match=r"^sources must be a URL or an iterable of URLs \(str\), not list \['https://a\.example', 1\]",
    ):
        Withdrawal.start(party="LV", treaty="ottawa").record(
            "initiative", "2025-03-18", source=["https://a.example", 1]
        )


def _latvia_with(deadline: Deadline) -> Withdrawal:
    lv = procedure("LV")
    custom = attrs.evolve(lv, deadlines=(deadline,))
    return Withdrawal.start(party="LV", treaty="ottawa", procedure=custom)


_ONLY_AFTER_RETURN = Deadline(
    step=Step.HEAD_OF_STATE_ACT,
    after=Step.PARLIAMENT_APPROVAL,
    earliest=Period(days=7),
    only_if=(Step.LAW_RETURNED,),
    provision="a rule for a law adopted again after its return",
)


def test_a_deadline_only_for_a_returned_law_does_not_bind_the_first_adoption() -> None:
    w = _latvia_with(_ONLY_AFTER_RETURN)
    w = _record(w, *_TO_ADOPTION)
    # Two days after adoption: the rule's only_if (a return before it) is not met.
    assert w.record("head-of-state-act", "2025-04-18").events[-1].on == date(2025, 4, 18)


def test_a_deadline_only_for_a_returned_law_binds_the_second_adoption() -> None:
    w = _latvia_with(_ONLY_AFTER_RETURN)
    w = _record(w, *_TO_ADOPTION, ("law-returned", "2025-04-20"), ("parliament-approval", "2025-05-08"))
    with pytest.raises(
        InvalidTransitionError,
        match=r"head-of-state-act on 2025-05-10 is 2 days after parliament-approval on 2025-05-08: a rule for a law adopted again after its return places it no earlier than 2025-05-15",
    ):
        w.record("head-of-state-act", "2025-05-10")


def test_projection_of_a_step_with_no_typical_duration_is_the_same_day() -> None:
    custom = attrs.evolve(procedure("LV"), durations=(), deadlines=())
    w = Withdrawal.start(party="LV", treaty="ottawa", procedure=custom).record("initiative", "2025-03-18")
    p = w.project()
    assert [s.on for s in p.steps] == [date(2025, 3, 18)] * len(p.steps)
    assert {s.basis for s in p.steps} == {"no typical duration known: projected on the same day"}
    assert p.deposit == date(2025, 3, 18)
    assert p.effect is not None and p.effect.date == date(2025, 9, 18)


def test_projection_skips_a_legal_minimum_that_a_return_lifts() -> None:
    # Satversme Art. 69 (7 days at the earliest) does not apply once the law was returned.
    w = Withdrawal.start(party="LV", treaty="ottawa")
    w = _record(w, *_TO_ADOPTION, ("law-returned", "2025-04-18"))
    p = w.project({"parliament-approval": 0, "head-of-state-act": 1})
    by_step = {s.step: s for s in p.steps}
    assert by_step[Step.HEAD_OF_STATE_ACT].on == date(2025, 4, 19)
    assert by_step[Step.HEAD_OF_STATE_ACT].basis == "given by the caller"
    # Without the return, the same durations are moved to the legal minimum.
    plain = Withdrawal.start(party="LV", treaty="ottawa")
    plain = _record(plain, *_TO_ADOPTION)
    moved = {s.step: s for s in plain.project({"head-of-state-act": 1}).steps}
    assert moved[Step.HEAD_OF_STATE_ACT].on == date(2025, 4, 23)
    assert moved[Step.HEAD_OF_STATE_ACT].basis.startswith("legal minimum: head-of-state-act")


def test_projection_skips_a_legal_minimum_whose_condition_is_unmet() -> None:
    w = _latvia_with(_ONLY_AFTER_RETURN)
    w = _record(w, *_TO_ADOPTION)
    steps = {s.step: s for s in w.project({"head-of-state-act": 1}).steps}
    assert steps[Step.HEAD_OF_STATE_ACT].on == date(2025, 4, 17)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"basis": "  "}, r"^basis must name the legal ground, e\.g\. 'VCLT Art\. 62', not '  '$"),
        ({"events": 5}, r"^events must be an iterable of Event, not int 5$"),
        (
            {"events": "parliament-approval"},
            r"^events must be an iterable of Event, not str 'parliament-approval'$",
        ),
        (
            {"events": [Event(step=Step.INITIATIVE, on=date(2025, 7, 1)), "x"]},
            r"^events\[1\] must be an Event, not str 'x': build it with Event\(step=\.\.\., on=\.\.\.\)$",
        ),
    ],
)
def test_a_suspension_refuses_malformed_arguments(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "party": "UA",
        "treaty": "ottawa",
        "basis": "VCLT Art. 62",
        "notified": "2025-07-18",
    }
    with pytest.raises(InvalidArgumentError, match=message):
        Suspension.create(**{**args, **kwargs})  # type: ignore[arg-type]


def test_a_suspension_event_without_a_date_does_not_break_the_date_order() -> None:
    s = Suspension.create(
        party="UA",
        treaty="ottawa",
        basis="VCLT Art. 62",
        notified="2025-07-18",
        events=[
            Event(step=Step.GOVERNMENT_DECISION, on=date(2025, 7, 1)),
            Event(step=Step.INITIATIVE, on=None),
            Event(step=Step.PARLIAMENT_APPROVAL, on=date(2025, 7, 10)),
        ],
    )
    assert s.events[1].on is None
    with pytest.raises(InvalidTransitionError, match=r"event 2: dates go backwards"):
        Suspension.create(
            party="UA",
            treaty="ottawa",
            basis="VCLT Art. 62",
            notified="2025-07-18",
            events=[
                Event(step=Step.GOVERNMENT_DECISION, on=date(2025, 7, 11)),
                Event(step=Step.INITIATIVE, on=None),
                Event(step=Step.PARLIAMENT_APPROVAL, on=date(2025, 7, 1)),
            ],
        )


def test_a_suspension_under_a_treaty_without_conflict_deferral_does_not_mention_it() -> None:
    text = Suspension.create(party="UA", treaty="npt", basis="VCLT Art. 62", notified="2025-07-18").explain()
    assert "armed_conflicts" not in text
    assert text.endswith("procedure='generic') and record instrument-deposited.")
    ottawa = Suspension.create(
        party="UA", treaty="ottawa", basis="VCLT Art. 62", notified="2025-07-18"
    ).explain()
    assert ottawa.endswith("armed conflict at expiry: pass armed_conflicts=.")


# -- a month end whose roundings lead to different kinds of outcome ------------------------


def test_an_ambiguity_says_what_each_rounding_gives_when_one_gives_no_date() -> None:
    # 31 August + 6 months ends 28 February or 1 March; a conflict from 1 March holds
    # the forward effect, not the backward one.
    with pytest.raises(tw.AmbiguousDateError) as info:
        tw.effective_date("ottawa", "2024-08-31", rounding="raise", armed_conflicts=[("2025-03-01", None)])
    assert str(info.value).startswith(
        "ottawa: the outcome for a notice received 2024-08-31 depends on month-end rounding (the period "
        'ends 2025-02-28 or 2025-03-01): rounding="backward" gives 2025-02-28; rounding="forward" gives '
        "no date yet (ottawa Art. 20(2)-(3): on expiry (2025-03-01)"
    )
    assert info.value.candidates == (date(2025, 2, 28), date(2025, 3, 1))
    # A named date the forward rounding no longer allows.
    with pytest.raises(
        tw.AmbiguousDateError, match=r'rounding="forward" gives no date \(NoticeNotAllowedError: '
    ):
        tw.effective_date("rome-statute", "2024-02-29", rounding="raise", later_date="2025-02-28")


def test_an_ambiguity_that_changes_nothing_is_no_error() -> None:
    # A conflict from 1 January holds both possible expiries: pending either way.
    e = tw.effect("ottawa", "2024-08-31", rounding="raise", armed_conflicts=[("2025-01-01", None)])
    assert e.date is None
    assert e.notes[-1] == (
        "A period ends on a day the month lacks (2025-02-28 or 2025-03-01); either rounding leaves the effect pending."
    )


def test_status_answers_when_both_roundings_agree() -> None:
    w = Withdrawal.start(
        party="TV", treaty="ottawa", procedure="generic", armed_conflicts=[("2026-01-01", "2026-02-01")]
    ).record("instrument-deposited", "2024-08-31")
    # Effective on 28 February or 1 March 2025 (the conflict covers neither): by 5 March
    # it is effective either way; on 28 February it depends on the rounding.
    assert w.status("2025-03-05") is tw.Status.EFFECTIVE
    assert w.status("2025-02-27") is tw.Status.NOTICE_PENDING
    with pytest.raises(tw.AmbiguousDateError):
        w.status("2025-02-28")


# -- rules that only a clause of another shape would show ----------------------------------


def test_a_minimum_anchored_on_the_treaty_is_rounded_as_asked() -> None:
    # A treaty in force on 31 August, notice allowed six months later: 28 February or
    # 1 March, as the caller chooses; NATO's own dates never meet a month end.
    nato = tw.treaty("nato")
    mp = nato.clause.minimum_participation
    assert mp is not None
    t = attrs.evolve(
        nato,
        entry_into_force=date(2000, 8, 31),
        clause=attrs.evolve(nato.clause, minimum_participation=attrs.evolve(mp, period=Period(months=6))),
    )
    assert tw.earliest_notice_date(t, party_since="2000-09-01", rounding="forward") == date(2001, 3, 1)
    assert tw.earliest_notice_date(t, party_since="2000-09-01", rounding="backward") == date(2001, 2, 28)
    with pytest.raises(tw.AmbiguousDateError):
        tw.earliest_notice_date(t, party_since="2000-09-01", rounding="raise")


def test_a_suspension_is_dated_in_the_depositarys_time_zone() -> None:
    from datetime import UTC, datetime

    # 02:00 UTC on 18 July is still 17 July at UN Headquarters in New York.
    s = Suspension.create(
        party="UA", treaty="ottawa", basis="VCLT Art. 62", notified=datetime(2025, 7, 18, 2, 0, tzinfo=UTC)
    )
    assert s.notified == date(2025, 7, 17)


def test_an_effect_without_an_expiry_shows_a_dash_in_its_table() -> None:
    e = tw.effect("ottawa", "2025-06-27")
    html = attrs.evolve(e, expiry=None)._repr_html_()
    assert "<th>expiry</th><td>—</td>" in html
    assert "<th>expiry</th><td>2025-12-27</td>" in e._repr_html_()


def _two_deadlines(first: Deadline) -> Withdrawal:
    """Latvia with ``first`` listed before Satversme Art. 69 for the same step."""
    lv = procedure("LV")
    (art69,) = [d for d in lv.deadlines if d.provision == "Satversme Art. 69"]
    custom = attrs.evolve(lv, deadlines=(first, art69))
    w = Withdrawal.start(party="LV", treaty="ottawa", procedure=custom)
    return _record(w, *_TO_ADOPTION)


@pytest.mark.parametrize(
    "first",
    [
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.PARLIAMENT_APPROVAL,
            earliest=Period(days=3),
            provision="documented, not checked",
            enforced=False,
        ),
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.GOVERNMENT_DECISION,
            earliest=Period(days=30),
            unless=(Step.PARLIAMENT_APPROVAL,),
            provision="lifted by the adoption",
        ),
        Deadline(
            step=Step.HEAD_OF_STATE_ACT,
            after=Step.PARLIAMENT_APPROVAL,
            earliest=Period(days=3),
            only_if=(Step.LAW_RETURNED,),
            provision="only after a return",
        ),
    ],
    ids=["not-enforced", "unless-met", "only-if-unmet"],
)
def test_a_projection_skips_one_deadline_and_still_applies_the_next(first: Deadline) -> None:
    w = _two_deadlines(first)
    steps = {s.step: s for s in w.project({"head-of-state-act": 1}).steps}
    # The first rule does not bind this projection; Satversme Art. 69 still says the 23rd.
    assert steps[Step.HEAD_OF_STATE_ACT].on == date(2025, 4, 23)
    assert steps[Step.HEAD_OF_STATE_ACT].basis.startswith("legal minimum: head-of-state-act from 7 days")


def test_a_projection_reads_a_lifted_deadline_as_record_does() -> None:
    # Returned and adopted again: Satversme Art. 69 runs from the second adoption, as
    # record() enforces it; the return before that adoption does not lift it.
    w = Withdrawal.start(party="LV", treaty="ottawa")
    w = _record(w, *_TO_ADOPTION, ("law-returned", "2025-04-18"), ("parliament-approval", "2025-05-08"))
    steps = {s.step: s for s in w.project({"head-of-state-act": 1}).steps}
    assert steps[Step.HEAD_OF_STATE_ACT].on == date(2025, 5, 15)
    with pytest.raises(InvalidTransitionError, match=r"Satversme Art\. 69"):
        w.record("head-of-state-act", "2025-05-09")
    assert w.record("head-of-state-act", "2025-05-15").events[-1].on == date(2025, 5, 15)


def test_status_raises_when_one_rounding_refuses_the_notice() -> None:
    # A named date of 28 February: allowed if the year runs to 28 February, refused if
    # it runs to 1 March. The status cannot be told without the rounding.
    w = Withdrawal.start(
        party="TV", treaty="rome-statute", procedure="generic", later_date="2025-02-28"
    ).record("instrument-deposited", "2024-02-29")
    with pytest.raises(
        tw.AmbiguousDateError, match=r'rounding="forward" gives no date \(NoticeNotAllowedError'
    ):
        w.status("2025-03-05")
    assert (
        attrs.evolve(w, options=tw.NoticeOptions(rounding=Rounding.BACKWARD)).status("2025-03-05")
        is tw.Status.EFFECTIVE
    )


def test_a_named_date_after_the_conflict_ends_still_holds() -> None:
    # Were Ottawa to allow a named later date: a conflict at expiry that ends before
    # that date leaves the named date standing; one that ends after it moves the effect.
    ottawa = tw.treaty("ottawa")
    t = attrs.evolve(ottawa, clause=attrs.evolve(ottawa.clause, later_date=LaterDate.ALLOWED))
    conflict = [("2025-12-01", "2026-02-01")]
    assert tw.effective_date(t, "2025-06-27", later_date="2026-06-30", armed_conflicts=conflict) == date(
        2026, 6, 30
    )
    assert tw.effective_date(t, "2025-06-27", later_date="2026-01-15", armed_conflicts=conflict) == date(
        2026, 2, 1
    )


def test_a_domestic_step_keeps_its_own_date_and_a_deposit_takes_new_yorks() -> None:
    from datetime import UTC, datetime

    two_am_utc = datetime(2025, 6, 27, 2, 0, tzinfo=UTC)  # still 26 June in New York
    w = Withdrawal.start(party="LV", treaty="ottawa")
    w = _record(w, ("initiative", "2025-03-18"), ("government-decision", "2025-03-25"))
    # A domestic act is dated where it happens: the day of the datetime given.
    w = w.record("parliament-approval", datetime(2025, 4, 16, 2, 0, tzinfo=UTC))
    assert w.events[-1].on == date(2025, 4, 16)
    w = w.record("head-of-state-act", "2025-04-24")
    # Receipt by the depositary is dated in the depositary's zone (VCLT Art. 78(b)).
    w = w.record("instrument-deposited", two_am_utc)
    assert w.events[-1].on == date(2025, 6, 26)
    assert w.effective_date == date(2025, 12, 26)
