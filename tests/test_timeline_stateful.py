"""A Hypothesis state machine drives random step sequences through a Latvian withdrawal.

A small reference model, written independently from the implementation as plain tables
(prerequisites, order, the Satversme deadlines, Ottawa Art. 20(3), VCLT Art. 68),
predicts whether each step is accepted; the machine checks that ``record`` agrees, and
that invariants hold after every step: the effect never precedes receipt, nothing
follows a terminal state, dates never go backwards, a refused step leaves the
withdrawal unchanged, and the status agrees with the model on probe days.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from treatywithdraw.errors import InvalidTransitionError
from treatywithdraw.procedures import Step
from treatywithdraw.procedures._model import INCIDENTAL_STEPS
from treatywithdraw.timeline import Withdrawal

S = Step
LV_STEPS = {
    S.INITIATIVE,
    S.GOVERNMENT_DECISION,
    S.PARLIAMENT_APPROVAL,
    S.LAW_RETURNED,
    S.PUBLICATION_SUSPENDED,
    S.PARLIAMENT_REJECTION,
    S.HEAD_OF_STATE_ACT,
    S.INSTRUMENT_DEPOSITED,
    S.PARTIES_NOTIFIED,
    S.REVOCATION,
}
NEEDS = {
    S.HEAD_OF_STATE_ACT: {S.PARLIAMENT_APPROVAL},
    S.INSTRUMENT_DEPOSITED: {S.PARLIAMENT_APPROVAL, S.HEAD_OF_STATE_ACT},
    S.LAW_RETURNED: {S.PARLIAMENT_APPROVAL},
    S.PUBLICATION_SUSPENDED: {S.PARLIAMENT_APPROVAL},
    S.PARTIES_NOTIFIED: {S.PARLIAMENT_APPROVAL, S.HEAD_OF_STATE_ACT, S.INSTRUMENT_DEPOSITED},
    S.REVOCATION: {S.PARLIAMENT_APPROVAL, S.HEAD_OF_STATE_ACT, S.INSTRUMENT_DEPOSITED},
}
RANK = {
    S.INITIATIVE: 0,
    S.GOVERNMENT_DECISION: 1,
    S.PARLIAMENT_APPROVAL: 2,
    S.HEAD_OF_STATE_ACT: 3,
    S.INSTRUMENT_DEPOSITED: 4,
}
ONLY_BEFORE = {
    S.LAW_RETURNED: {S.HEAD_OF_STATE_ACT, S.INSTRUMENT_DEPOSITED},
    S.PUBLICATION_SUSPENDED: {S.HEAD_OF_STATE_ACT, S.INSTRUMENT_DEPOSITED, S.LAW_RETURNED},
    S.PARLIAMENT_REJECTION: {S.HEAD_OF_STATE_ACT, S.INSTRUMENT_DEPOSITED},
}
START = date(2025, 1, 1)


def plus_months(day: date, months: int, *, forward: bool) -> date:
    """``day`` + ``months``; a missing day goes to the month end or the next month's 1st."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day <= last:
        return date(year, month + 1, day.day)
    end = date(year, month + 1, last)
    return end + timedelta(days=1) if forward else end


class Model:
    """The reference: a list of (step, day) and the rules as tables."""

    def __init__(self) -> None:
        self.events: list[tuple[Step, date]] = []

    def last(self, step: Step, events: list[tuple[Step, date]] | None = None) -> int | None:
        events = self.events if events is None else events
        hits = [i for i, (s, _) in enumerate(events) if s == step]
        return hits[-1] if hits else None

    def returned_since_vote(self, events: list[tuple[Step, date]]) -> bool:
        vote = self.last(S.PARLIAMENT_APPROVAL, events)
        back = self.last(S.LAW_RETURNED, events)
        return back is not None and (vote is None or back > vote)

    def done(self, step: Step, events: list[tuple[Step, date]]) -> bool:
        if self.last(step, events) is None:
            return False
        return not (step == S.PARLIAMENT_APPROVAL and self.returned_since_vote(events))

    def effective(self) -> date | None:
        i = self.last(S.INSTRUMENT_DEPOSITED)
        if i is None:
            return None
        # Ottawa Art. 20(3), UN practice: same day six months on; rounding="backward".
        return plus_months(self.events[i][1], 6, forward=False)

    def accepts(self, step: Step, day: date) -> bool:
        ev = self.events
        if step not in LV_STEPS:
            return False
        if any(s in (S.REVOCATION, S.PARLIAMENT_REJECTION) for s, _ in ev):
            return False
        if ev and day < ev[-1][1]:
            return False
        effect = self.effective()
        if effect is not None and day >= effect:
            return False
        repeat = step == S.PARLIAMENT_APPROVAL and self.returned_since_vote(ev)
        if self.last(step) is not None and not repeat:
            return False
        if not all(self.done(n, ev) for n in NEEDS.get(step, ())):
            return False
        window = ev[self.last(S.LAW_RETURNED) + 1 :] if repeat else ev  # type: ignore[operator]
        if step in RANK and any(RANK.get(s, -1) > RANK[step] for s, _ in window):
            return False
        if any(s in ONLY_BEFORE.get(step, ()) for s, _ in window):
            return False
        vote = self.last(S.PARLIAMENT_APPROVAL)
        if step == S.LAW_RETURNED and vote is not None and (day - ev[vote][1]).days > 10:
            return False  # Satversme Art. 71
        if step == S.HEAD_OF_STATE_ACT:
            assert vote is not None
            after_vote = {s for s, _ in ev[vote + 1 :]}
            held_back = after_vote & {S.LAW_RETURNED, S.PUBLICATION_SUSPENDED}
            if not held_back and not 7 <= (day - ev[vote][1]).days <= 21:
                return False  # Satversme Art. 69
            held = self.last(S.PUBLICATION_SUSPENDED)
            if held is not None and day < plus_months(ev[held][1], 2, forward=True):
                return False  # Satversme Art. 72
        return True

    def status(self, as_of: date) -> str:
        known = [(s, d) for s, d in self.events if d <= as_of]
        steps = {s for s, _ in known}
        if not steps:
            return "not-started"
        if S.REVOCATION in steps:
            return "revoked"
        if S.PARLIAMENT_REJECTION in steps:
            return "abandoned"
        if S.INSTRUMENT_DEPOSITED in steps:
            effect = self.effective()
            assert effect is not None
            return "effective" if as_of >= effect else "notice-pending"
        if self.done(S.PARLIAMENT_APPROVAL, known) and self.done(S.HEAD_OF_STATE_ACT, known):
            return "approved"
        if steps == {S.INITIATIVE}:
            return "announced"  # a political recommendation has no legal effect
        return "in-preparation"


class LatvianWithdrawal(RuleBasedStateMachine):
    """Random steps against the Latvian template, judged by :class:`Model`."""

    def __init__(self) -> None:
        super().__init__()
        self.model = Model()
        self.w = Withdrawal.start(party="LV", treaty="ottawa", rounding="backward")
        self.refused = 0

    @initialize()
    def begin(self) -> None:
        assert self.w.history == ()

    def _today(self) -> date:
        return self.model.events[-1][1] if self.model.events else START

    def _try(self, step: Step, day: date) -> None:
        expected = self.model.accepts(step, day)
        before = self.w
        try:
            after = self.w.record(step, day)
        except InvalidTransitionError as exc:
            assert not expected, f"refused {step} on {day}: {exc.reasons}"
            assert exc.reasons and all(isinstance(r, str) and r for r in exc.reasons)
            assert self.w is before and self.w == before  # a refused step changes nothing
            self.refused += 1
            return
        assert expected, f"accepted {step} on {day}, the model refuses it"
        event(f"accepted {step}")
        assert before.history == after.history[:-1]
        self.w = after
        self.model.events.append((step, day))

    @rule(
        # The incidental events (a court ruling, a postponement, ...) have their own tests
        # (tests/test_events.py); the model here is the Latvian path and its branches.
        step=st.sampled_from([s for s in Step if s != S.PARLIAMENT_REJECTION and s not in INCIDENTAL_STEPS]),
        gap=st.integers(min_value=-3, max_value=40),
    )
    def record_any(self, step: Step, gap: int) -> None:
        self._try(step, self._today() + timedelta(days=gap))

    @rule(roll=st.integers(min_value=0, max_value=9), gap=st.integers(min_value=0, max_value=30))
    def parliament_rejects_now_and_then(self, roll: int, gap: int) -> None:
        # Rejection ends the machine: keep it rare so that runs go deep.
        if roll == 0:
            self._try(S.PARLIAMENT_REJECTION, self._today() + timedelta(days=gap))

    @rule(gap=st.integers(min_value=7, max_value=21))
    def advance_on_the_main_path(self, gap: int) -> None:
        main = [s for s in self.w.next_steps() if s in RANK]
        if main:
            self._try(main[0], self._today() + timedelta(days=gap))

    @rule(data=st.data(), gap=st.integers(min_value=0, max_value=25))
    def record_a_suggested_step(self, data: st.DataObject, gap: int) -> None:
        suggested = [s for s in self.w.next_steps() if s != S.PARLIAMENT_REJECTION]
        if suggested:
            step = data.draw(st.sampled_from(suggested))
            self._try(step, self._today() + timedelta(days=gap))

    @rule(
        step=st.sampled_from([S.REVOCATION, S.PARTIES_NOTIFIED, S.HEAD_OF_STATE_ACT]),
        gap=st.integers(min_value=55, max_value=200),
    )
    def record_much_later(self, step: Step, gap: int) -> None:
        self._try(step, self._today() + timedelta(days=gap))

    @invariant()
    def effect_never_before_receipt(self) -> None:
        deposit = self.w.deposit
        effective = self.w.effective_date
        if deposit is None:
            assert effective is None
        elif effective is not None:
            assert deposit.on is not None and effective >= deposit.on
            assert effective == self.model.effective()

    @invariant()
    def nothing_after_a_terminal_state(self) -> None:
        steps = [e.step for e in self.w.history]
        for terminal in (S.REVOCATION, S.PARLIAMENT_REJECTION):
            if terminal in steps:
                assert steps[-1] == terminal and steps.count(terminal) == 1
        effective = self.w.effective_date
        if effective is not None:
            assert all(e.on is not None and e.on < effective for e in self.w.history)

    @invariant()
    def dates_never_go_backwards(self) -> None:
        days = [e.on for e in self.w.history if e.on is not None]
        assert days == sorted(days)

    @invariant()
    def status_agrees_with_the_model(self) -> None:
        probes = {START, self._today(), self._today() + timedelta(days=400)}
        effect = self.model.effective()
        if effect is not None:
            probes |= {effect - timedelta(days=1), effect}
        for day in probes:
            assert self.w.status(day) == self.model.status(day), day


LatvianWithdrawal.TestCase.settings = settings(
    max_examples=120,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLatvianWithdrawal = LatvianWithdrawal.TestCase
