"""status(), agenda() and next_steps() read the event log's index, not the events (issue 15).

Each answer is held to a plain walk of the events: the code the library ran before the
index, kept here as a private reference (``_slow_status``, ``_slow_agenda``,
``_slow_next_steps``) over plain tuples, which the rules still scan. Histories come from
``record`` (valid ones, in date order), from the constructor (any steps, days going
backwards), from two records on the same withdrawal (the index copied, not shared), and
from threads recording on one withdrawal at once. Each rule function is also held to
itself on a plain tuple, for every prefix of the log a day can select. No timing here:
benchmarks/bench_ratios.py measures the speed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw._dates import as_date
from treatywithdraw.effects import effect as _effect
from treatywithdraw.errors import AmbiguousDateError, TreatyWithdrawError
from treatywithdraw.periods import Rounding
from treatywithdraw.procedures import Procedure, Step, rules
from treatywithdraw.timeline import ANNOUNCEMENTS, AgendaItem, Event, Status, Withdrawal

START = date(2020, 1, 1)
TEMPLATES = ("LV", "PL", "FI", "LT", "EE", "RU", "UA", "generic")
TREATIES = ("ottawa", "npt", "rome-statute")
ADDRESSEES = (None, "states-parties", "un-security-council", "other-party")


def _cycle() -> Procedure:
    """The generic template with two branch steps that reopen each other (as the benchmark's)."""
    generic = tw.procedure("generic")
    pair = {Step.COURT_RULING: Step.NOTICE_SIGNED, Step.NOTICE_SIGNED: Step.COURT_RULING}
    steps = tuple(attrs.evolve(r, reopens=(pair[r.step],)) if r.step in pair else r for r in generic.steps)
    return attrs.evolve(generic, steps=steps, key="cycle")


CYCLE = _cycle()


# -- the reference: the walk status() and agenda() made before the index ----------------------


def _slow_known_by(events: Sequence[Event], day: date) -> tuple[Event, ...]:
    known: list[Event] = []
    pending: list[Event] = []
    for e in events:
        if e.on is None:
            pending.append(e)
        elif e.on <= day:
            known.extend(pending)
            pending.clear()
            known.append(e)
        else:
            break
    return tuple(known)


def _slow_deposit(w: Withdrawal) -> Event | None:
    return next((e for e in reversed(tuple(w.events)) if e.step is Step.INSTRUMENT_DEPOSITED), None)


def _slow_status(w: Withdrawal, as_of: date) -> Status:
    day = as_date(as_of, "as_of", w.treaty.depositary.time_zone)
    known = _slow_known_by(tuple(w.events), day)
    steps = {e.step for e in known}
    if not steps:
        return Status.NOT_STARTED
    if Step.REVOCATION in steps:
        return Status.REVOKED
    if Step.PARLIAMENT_REJECTION in steps:
        return Status.ABANDONED
    if Step.COURT_RULING in steps:
        return Status.ANNULLED
    deposit = _slow_deposit(w)
    if Step.INSTRUMENT_DEPOSITED in steps and deposit is not None and deposit.on is not None:
        try:
            status = w._notice_status(w._effect_of(deposit.on), day)
            if status is Status.EFFECTIVE and Step.CONDITION_CONTESTED in steps:
                return Status.CONTESTED
            return status
        except AmbiguousDateError as exc:
            statuses = set()
            for mode in (Rounding.BACKWARD, Rounding.FORWARD):
                try:
                    e = _effect(w.treaty, deposit.on, options=attrs.evolve(w._notice_options, rounding=mode))
                except TreatyWithdrawError:
                    raise exc from None
                statuses.add(w._notice_status(e, day))
            if len(statuses) == 1:
                return statuses.pop()
            raise
    legal = [e for e in known if e.step not in ANNOUNCEMENTS and e.step is not Step.NOTICE_SIGNED]
    if legal and legal[-1].step is Step.PARLIAMENT_POSTPONEMENT:
        return Status.POSTPONED
    if all(rules.satisfied(w.procedure, known, s) for s in w.procedure.approval_steps()):
        return Status.APPROVED
    if steps <= ANNOUNCEMENTS:
        return Status.ANNOUNCED
    return Status.IN_PREPARATION


def _slow_effective_by(w: Withdrawal, events: Sequence[Event], day: date) -> bool:
    deposit = next((e for e in reversed(events) if e.step is Step.INSTRUMENT_DEPOSITED), None)
    assert deposit is not None and deposit.on is not None
    try:
        e = w._effect_of(deposit.on)
    except AmbiguousDateError as exc:
        return day >= exc.candidates[0]
    except TreatyWithdrawError:
        return False
    return e.date is not None and day >= e.date


def _slow_agenda(w: Withdrawal, as_of: date | None = None) -> tuple[AgendaItem, ...]:
    day = None if as_of is None else as_date(as_of, "as_of", w.treaty.depositary.time_zone)
    events = tuple(w.events) if day is None else _slow_known_by(tuple(w.events), day)
    p = w.procedure
    dated = [e.on for e in events if e.on is not None]
    today = day if day is not None else (dated[-1] if dated else None)
    items: list[AgendaItem] = []
    notified = {e.addressee for e in events if e.step is Step.PARTIES_NOTIFIED}
    owed = [] if None in notified else [a for a in w._addressees() if a not in notified]
    for r in p.steps:
        if r.incidental:
            continue
        addressee = owed[0] if r.step is Step.PARTIES_NOTIFIED and notified and owed else None
        if rules.order_violations(p, events, r.step, dated=True, addressee=addressee):
            continue
        if r.step is Step.REVOCATION and today is not None and _slow_effective_by(w, events, today):
            continue
        legal = rules.window(p, events, r.step)
        closed = today is not None and legal.latest is not None and legal.latest < today
        if closed and not r.required:
            continue
        earliest, earliest_provision = (
            legal.earliest,
            legal.earliest_by.provision if legal.earliest_by else "",
        )
        note = ""
        if r.step is Step.INSTRUMENT_DEPOSITED:
            allowed = w._notice_allowed_from()
            if allowed is not None and (earliest is None or allowed > earliest):
                earliest, earliest_provision = allowed, w.treaty.clause.article
        if r.step is Step.INSTRUMENT_DEPOSITED and w.treaty.clause.required_contents:
            note = f"the instrument must carry: {'; '.join(w.treaty.clause.required_contents)}"
        if r.step is Step.PARTIES_NOTIFIED:
            if not owed:
                continue
            note = f"notice owed to: {', '.join(owed)}"
        items.append(
            AgendaItem(
                step=r.step,
                actor=str(r.actor),
                required=r.required,
                provision=r.provision,
                earliest=earliest,
                latest=legal.latest,
                earliest_provision=earliest_provision,
                latest_provision=legal.latest_by.provision if legal.latest_by else "",
                conditions=legal.conditions,
                overdue=closed,
                note=note,
            )
        )
    return tuple(items)


def _slow_next_steps(w: Withdrawal) -> tuple[Step, ...]:
    p, events = w.procedure, tuple(w.events)
    return tuple(
        r.step
        for r in p.steps
        if not r.incidental and not rules.order_violations(p, events, r.step, dated=True)
    )


def _outcome(ask: Callable[[], object]) -> tuple[object, ...]:
    """What a call gives: its answer, or its error's type and message."""
    try:
        return ("answer", ask())
    except TreatyWithdrawError as exc:
        return ("error", type(exc), str(exc))


def _days(w: Withdrawal) -> list[date]:
    """Every day an event names, the days either side, and some after the last one."""
    dated = sorted({e.on for e in w.events if e.on is not None})
    days = {START - timedelta(days=1)}
    for d in dated:
        days |= {d - timedelta(days=1), d, d + timedelta(days=1)}
    if dated:
        days |= {dated[-1] + timedelta(days=n) for n in (30, 200, 400, 800)}
    return sorted(days)


def _agrees_with_the_walk(w: Withdrawal, days: Sequence[date]) -> None:
    assert type(w.events) is rules.EventLog
    assert w.next_steps() == _slow_next_steps(w)
    assert _outcome(w.agenda) == _outcome(lambda: _slow_agenda(w))
    for day in days:
        assert _outcome(lambda day=day: w.status(day)) == _outcome(lambda day=day: _slow_status(w, day)), day
        assert _outcome(lambda day=day: w.agenda(day)) == _outcome(lambda day=day: _slow_agenda(w, day)), day
        assert len(w._known_by(day)) == len(_slow_known_by(tuple(w.events), day))


# -- histories -------------------------------------------------------------------------------


@st.composite
def recorded(draw: st.DrawFn) -> list[Withdrawal]:
    """A withdrawal and each version of it ``record`` made: valid steps, in date order."""
    key = draw(st.sampled_from((*TEMPLATES, "cycle")))
    treaty = draw(st.sampled_from(TREATIES))
    w = Withdrawal.start(
        party="LV" if key == "cycle" else key if key != "generic" else "BR",
        treaty=treaty,
        procedure=CYCLE if key == "cycle" else key,
        rounding=draw(st.sampled_from((None, "backward"))),
    )
    versions = [w]
    day = START
    for _ in range(draw(st.integers(0, 30))):
        suggested = w.next_steps()
        if suggested and draw(st.booleans()):
            step = draw(st.sampled_from(suggested))
        else:
            step = draw(st.sampled_from(list(Step)))
        day += timedelta(days=draw(st.integers(0, 40)))
        on = None if draw(st.integers(0, 6)) == 0 else day
        addressee = draw(st.sampled_from(ADDRESSEES)) if step is Step.PARTIES_NOTIFIED else None
        try:
            w = w.record(step, on, addressee=addressee)
        except TreatyWithdrawError:
            continue
        versions.append(w)
    return versions


@st.composite
def constructed(draw: st.DrawFn) -> Withdrawal:
    """Any events given to the constructor: steps out of order, days going backwards or not."""
    key = draw(st.sampled_from((*TEMPLATES, "cycle")))
    t = tw.treaty(draw(st.sampled_from(TREATIES)))
    template = CYCLE if key == "cycle" else tw.procedure(key)
    steps = draw(st.lists(st.sampled_from(list(Step)), max_size=25))
    drawn = draw(
        st.lists(
            st.tuples(st.integers(0, 5).map(lambda k: k == 0), st.integers(0, 900)),
            min_size=len(steps),
            max_size=len(steps),
        )
    )
    # The deposit and a revocation keep a day, as record() requires: an undated deposit
    # trips an assertion in agenda() (_effective_by), with or without the index.
    days = [
        None if undated and s not in rules.MUST_BE_DATED else START + timedelta(days=n)
        for s, (undated, n) in zip(steps, drawn, strict=True)
    ]
    if draw(st.booleans()):  # in date order, as record() keeps them
        ordered = iter(sorted(d for d in days if d is not None))
        days = [None if d is None else next(ordered) for d in days]
    events = [
        Event(
            step=s,
            on=d,
            addressee=draw(st.sampled_from(ADDRESSEES)) if s is Step.PARTIES_NOTIFIED else None,
        )
        for s, d in zip(steps, days, strict=True)
    ]
    return Withdrawal(party="LV", treaty=t, procedure=template.for_treaty(t), events=events)


@given(recorded())
def test_status_and_agenda_of_recorded_histories_agree_with_the_walk(versions: list[Withdrawal]) -> None:
    for w in (versions[-1], versions[len(versions) // 2]):
        _agrees_with_the_walk(w, _days(w))


@given(constructed())
def test_status_and_agenda_of_any_constructed_history_agree_with_the_walk(w: Withdrawal) -> None:
    _agrees_with_the_walk(w, _days(w))


# -- the rules on a log, on its prefixes, and on a plain tuple ---------------------------------


def _rules_agree(p: Procedure, indexed: Sequence[Event], plain: tuple[Event, ...], day: date) -> None:
    """Every rule asked of ``indexed`` (a log or a prefix of one) answers as on ``plain``."""
    assert list(indexed) == list(plain) and len(indexed) == len(plain)
    for step in Step:
        assert rules.last_index(indexed, step) == rules.last_index(plain, step)
        assert rules.first_index(indexed, step) == rules.first_index(plain, step)
        assert rules.reopened_at(p, indexed, step) == rules.reopened_at(p, plain, step)
        assert rules.satisfied(p, indexed, step) == rules.satisfied(p, plain, step)
        for addressee in ADDRESSEES:
            for dated in (True, False):
                reasons = rules.order_violations(p, plain, step, dated=dated, addressee=addressee)
                assert rules.order_violations(p, indexed, step, dated=dated, addressee=addressee) == reasons
                assert rules.allowed(p, indexed, step, dated=dated, addressee=addressee) is (not reasons)
                assert rules.allowed(p, plain, step, dated=dated, addressee=addressee) is (not reasons)
        assert rules.window(p, indexed, step) == rules.window(p, plain, step)
    for excluded in (ANNOUNCEMENTS, ANNOUNCEMENTS | {Step.NOTICE_SIGNED}, frozenset(Step)):
        assert rules.last_index_other(indexed, excluded) == rules.last_index_other(plain, excluded)
    assert rules.terminal_event(indexed) is rules.terminal_event(plain)
    assert rules.last_dated(indexed) == rules.last_dated(plain)
    assert rules.addressees(indexed) == rules.addressees(plain)
    for d in p.deadlines:
        assert rules.applies(d, indexed) == rules.applies(d, plain)
        assert rules.deadline_problem(d, indexed, day) == rules.deadline_problem(d, plain, day)


@given(st.one_of(recorded().map(lambda versions: versions[-1]), constructed()), st.data())
def test_every_rule_reads_the_index_as_it_would_scan(w: Withdrawal, data: st.DataObject) -> None:
    log = w.events
    assert type(log) is rules.EventLog
    cut = data.draw(st.integers(0, len(log)))
    day = START + timedelta(days=data.draw(st.integers(0, 1000)))
    _rules_agree(w.procedure, log, tuple(log), day)
    _rules_agree(w.procedure, log.upto(cut), tuple(log[:cut]), day)


# -- branches of the shared index, by example ------------------------------------------------


def _cycling(n: int, w: Withdrawal | None = None, start: date = START) -> Withdrawal:
    w = w if w is not None else Withdrawal.start(party="BR", treaty="ottawa", procedure=CYCLE)
    for i in range(n):
        w = w.record("court-ruling" if i % 2 == 0 else "notice-signed", start + timedelta(days=i))
    return w


def test_two_steps_recorded_on_one_withdrawal_each_keep_their_own_index() -> None:
    base = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    base = base.record("head-of-state-act", "2025-04-24")
    # The first record extends the index in place; the second finds it taken and copies its part.
    signed = base.record("notice-signed", None)
    deposited = base.record("instrument-deposited", "2025-06-27")
    assert signed.events._index is base.events._index is not deposited.events._index
    revoked = deposited.record("revocation", "2025-07-01")
    again = signed.record("instrument-deposited", "2025-06-30")
    assert again.events._index is base.events._index
    for w in (base, signed, deposited, revoked, again):
        _agrees_with_the_walk(w, _days(w))
        for cut in range(len(w.events) + 1):
            _rules_agree(w.procedure, w.events.upto(cut), tuple(w.events[:cut]), date(2025, 6, 28))
    # A step only a later branch recorded is absent from the copy (an empty list of positions).
    assert deposited.events._index.steps[Step.NOTICE_SIGNED] == []
    assert rules.first_index(deposited.events, Step.NOTICE_SIGNED) is None
    assert rules.last_index(deposited.events.upto(1), Step.NOTICE_SIGNED) is None


def test_threads_recording_on_one_withdrawal_get_correct_histories() -> None:
    base = _cycling(20)
    results: dict[int, Withdrawal] = {}

    def grow(k: int) -> None:
        results[k] = _cycling(200 + k, base, START + timedelta(days=20))

    threads = [threading.Thread(target=grow, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, w in results.items():
        assert len(w.events) == 220 + k
        days = [START + timedelta(days=n) for n in (-1, 0, 19, 20, 100, 219 + k, 300)]
        _agrees_with_the_walk(w, days)


def test_days_going_backwards_are_read_in_the_order_recorded() -> None:
    t = tw.treaty("ottawa")
    events = [
        Event(step="initiative", on="2025-03-18"),
        Event(step="notice-signed", on=None),
        Event(step="government-decision", on="2025-03-10"),
        Event(step="parliament-approval", on="2025-04-16"),
    ]
    w = Withdrawal(party="LV", treaty=t, procedure=tw.procedure("LV").for_treaty(t), events=events)
    assert not w.events.ordered
    assert [w.events.known_by(date(2025, 3, d)) for d in (9, 10, 17, 18, 31)] == [0, 0, 0, 3, 3]
    assert w.events.known_by(date(2025, 4, 16)) == 4
    _agrees_with_the_walk(w, _days(w))
    # Recording after them keeps the log unordered.
    assert not w.events.plus(Event(step="head-of-state-act", on="2025-05-01")).ordered
    assert rules.EventLog(events[:2]).ordered


def test_a_prefix_is_a_sequence_of_the_first_events() -> None:
    w = _cycling(6)
    log = w.events
    known = log.upto(4)
    assert type(known) is rules.Prefix and log.upto(len(log)) is log
    assert repr(known) == "Prefix(4 of 6 events)"
    assert list(known) == list(log[:4]) and known[-1] is log[3] and known[0] is log[0]
    assert known[1:3] == log[1:3] and known[::-1] == log[3::-1] and known[-2:] == log[2:4]
    for bad in (4, -5):
        with pytest.raises(IndexError):
            known[bad]
    assert tuple(reversed(known)) == tuple(reversed(log[:4])) and log[5] not in known


def test_the_seed_histories_agree_with_the_walk() -> None:
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.toml")):
        w = tw.load_timeline(path)
        if isinstance(w, Withdrawal):
            _agrees_with_the_walk(w, _days(w))
            for cut in range(len(w.events) + 1):
                _rules_agree(w.procedure, w.events.upto(cut), tuple(w.events[:cut]), date(2025, 6, 1))


def test_the_log_reads_as_the_tuple_of_its_events() -> None:
    import pickle

    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    w = w.record("head-of-state-act", "2025-04-24").record("instrument-deposited", "2025-06-27")
    log, plain = w.events, tuple(w.events)
    assert type(log) is rules.EventLog and len(plain) == 3
    assert log == plain and plain == log and (log != plain) is False
    assert hash(log) == hash(plain)
    assert log != list(plain)  # as a tuple: a list of the same events is not equal
    # Concatenation, on purpose: the log must add to a tuple on either side as a tuple does.
    assert log + (plain[0],) == (*plain, plain[0])  # noqa: RUF005
    assert (plain[0],) + log == (plain[0], *plain)  # noqa: RUF005
    assert log[1:] == plain[1:] and type(log[1:]) is tuple and log[::-1] == plain[::-1]
    assert (log[0], log[-1], log[-3]) == (plain[0], plain[-1], plain[-3])
    for bad in (3, -4):
        with pytest.raises(IndexError):
            log[bad]
    assert repr(log) == repr(plain) and list(reversed(log)) == list(reversed(plain))
    assert plain[2] in log and log.index(plain[1]) == 1 and log.count(plain[0]) == 1
    assert pickle.loads(pickle.dumps(log)) == log and pickle.loads(pickle.dumps(w)) == w
    assert w.history == plain and type(w.history) is tuple
    # Equal whatever their storage: a log rebuilt from the events equals the recorded one.
    assert rules.EventLog(plain) == log and rules.EventLog(plain[:2]) != log and log == w.events
    assert log.__eq__(object()) is NotImplemented and log.__add__([]) is NotImplemented
    assert log.__radd__([]) is NotImplemented


def test_recording_in_a_line_copies_no_earlier_event() -> None:
    # Amortised O(1): each record appends to the one list the logs share; a log is its first
    # len(log) items, so an earlier withdrawal still reads only its own events.
    first = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    second = first.record("head-of-state-act", "2025-04-24")
    third = second.record("instrument-deposited", "2025-06-27")
    assert first.events._index.events is second.events._index.events is third.events._index.events
    assert [len(w.events) for w in (first, second, third)] == [1, 2, 3]
    assert [e.step for e in second.events] == [Step.PARLIAMENT_APPROVAL, Step.HEAD_OF_STATE_ACT]
    # A second record on `second` branches: its log is copied, the others are untouched.
    branch = second.record("notice-signed", None)
    assert branch.events._index.events is not third.events._index.events
    assert [e.step for e in branch.events][-1] is Step.NOTICE_SIGNED
    assert [e.step for e in third.events][-1] is Step.INSTRUMENT_DEPOSITED
    assert tuple(second.events) == tuple(third.events)[:2] == tuple(branch.events)[:2]
