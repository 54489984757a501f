"""Invariants of the effect API and of withdrawals, fuzzed over the whole catalogue.

Every treaty in ``treaties()``, receipts from 1900 to 2200 (half of them on the 28th-31st,
where month arithmetic becomes ambiguous) and each treaty's own options: a month-end
rounding, party-specific terms, VCLT Art. 56 for a treaty without a clause, a later date
where the clause allows one, ``party_since`` for a minimum-participation rule, armed
conflicts where the clause defers for them, extensions and withdrawal agreements (TEU).

1. The effect is never before the receipt.
2. The effect is monotone in the receipt (same options, same rounding).
3. ``latest_receipt_date`` is exact: its effect is on or before the target, the next
   day's is after it (or the next day is refused).
4. Under ``rounding="raise"`` a month end raises ``AmbiguousDateError`` exactly when
   ``backward`` and ``forward`` give different dates, with ``candidates == (backward,
   forward)``; otherwise it gives their common date.
5. The JSON export of random withdrawals (random valid step sequences recorded through
   each procedure template) round-trips exactly, and the text is stable.
6. A refused ``record`` leaves the withdrawal unchanged.

The law refuses some questions: no clause (``NoWithdrawalClauseError``), a notice that is
too early, too late for a fixed period or names too early a date
(``NoticeNotAllowedError``), an effect pending during an armed conflict
(``EffectPendingError``), a decision date that does not fit the notice
(``InvalidArgumentError``, TEU only). An invariant between two answers applies where both
are dates. The option draws are written once against a small :class:`Draw` interface, so
the Hypothesis tests and a deterministic, seeded companion (:func:`test_draws_are_mostly_dated`)
draw from the same distribution; the companion counts outcomes and fails if the fuzzing
became vacuous (most draws refused).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, Protocol, TypeVar

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from treatywithdraw import (
    AmbiguousDateError,
    EffectPendingError,
    InvalidArgumentError,
    InvalidTransitionError,
    NoticeNotAllowedError,
    NoticeTooEarlyError,
    NoWithdrawalClauseError,
    TreatyWithdrawError,
    effect,
    effective_date,
    latest_receipt_date,
    treaties,
)
from treatywithdraw.catalogue import Treaty
from treatywithdraw.clauses import Anchor, ClauseKind, LaterDate
from treatywithdraw.formats import timeline_from_json, timeline_to_json
from treatywithdraw.periods import days_in_month
from treatywithdraw.procedures import Confidence, Step, procedures
from treatywithdraw.timeline import Withdrawal

T = TypeVar("T")
ONE_DAY = timedelta(days=1)
FIRST, LAST = date(1900, 1, 1), date(2200, 12, 31)
TREATIES = treaties()
ROUNDINGS = ("backward", "forward")
#: Refusals by the law (not bad input): an invariant between two answers needs two dates.
REFUSED: tuple[type[TreatyWithdrawError], ...] = (
    NoWithdrawalClauseError,
    NoticeNotAllowedError,
    EffectPendingError,
)
DECISIONS = ("extended_to", "agreement_in_force")


# -- one way to draw, two sources of randomness --------------------------------------------


class Draw(Protocol):
    def choice(self, options: Sequence[T]) -> T: ...
    def integer(self, lo: int, hi: int) -> int: ...
    def text(self) -> str | None: ...


class HypothesisDraw:
    """Draws from Hypothesis (shrinkable)."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def choice(self, options: Sequence[T]) -> T:
        return self.data.draw(st.sampled_from(options))

    def integer(self, lo: int, hi: int) -> int:
        return self.data.draw(st.integers(lo, hi))

    def text(self) -> str | None:
        return self.data.draw(st.none() | st.text(max_size=20))


_TEXTS = (None, "", "Saeima vote", "žņ ā — “quoted”", 'a "b" \\ c', "line\nbreak", "\u00a0\t")


class SeededDraw:
    """Draws from a seeded ``random.Random``: the deterministic companion."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def text(self) -> str | None:
        return self.choice(_TEXTS)


def a_day(draw: Draw, first: date = FIRST, last: date = LAST, *, month_ends: int = 1) -> date:
    """A day in [first, last]; one of the 28th-31st of its month ``month_ends`` times in 2."""
    year = draw.integer(first.year, last.year)
    month = draw.integer(1, 12)
    length = days_in_month(year, month)
    end = draw.integer(1, 2) <= month_ends
    day = min(draw.integer(28, 31), length) if end else draw.integer(1, length)
    return min(max(date(year, month, day), first), last)


def _lead_days(t: Treaty) -> int:
    """An upper bound, in days, on the clause's notice period (for drawing later dates)."""
    period = t.clause.notice_period
    if period is None:
        return 366
    return period.total_months * 31 + period.days


def options_for(t: Treaty, received: date, draw: Draw) -> dict[str, Any]:
    """Options that mean something for ``t``, drawn around ``received``."""
    c = t.clause
    opts: dict[str, Any] = {}
    if c.party_terms:
        opts["party"] = draw.choice((None, *(p.party for p in c.party_terms), "AR"))
    elif draw.integer(0, 9) == 0:
        opts["party"] = "ZA"  # no terms of its own: the treaty's clause applies, with a note
    if c.kind is ClauseKind.NONE:
        opts["apply_vclt56"] = draw.choice((True, True, False))
    if c.later_date is not LaterDate.NONE and draw.choice((True, False)):
        # Mostly far enough; now and then a few days short of the clause's own date: refused.
        opts["later_date"] = received + timedelta(days=_lead_days(t) + draw.integer(-40, 900))
    mp = c.minimum_participation
    if mp is not None and mp.anchor is Anchor.PARTY:
        kind = draw.integer(0, 3)
        if kind == 1:
            opts["party_since"] = received - timedelta(days=draw.integer(-30, 9000))
        elif kind == 2:
            # A leap day: "five years after" it is ambiguous, the receipt often is not.
            year = draw.integer(received.year - 40, received.year - 1)
            year -= year % 4
            if year % 100 == 0 and year % 400:
                year -= 4
            opts["party_since"] = date(year, 2, 29)
    elif draw.integer(0, 9) == 0:
        opts["party_since"] = received - timedelta(days=draw.integer(-60, 9000))
    if c.armed_conflict_deferral and draw.integer(0, 2) == 0:
        conflicts = []
        for _ in range(draw.integer(1, 2)):
            start = received + timedelta(days=draw.integer(-800, 900))
            ongoing = draw.integer(0, 3) == 0
            conflicts.append((start, None if ongoing else start + timedelta(days=draw.integer(0, 900))))
        opts["armed_conflicts"] = conflicts
    if c.extendable_by_decision and draw.integer(0, 2) == 0:
        opts["extended_to"] = received + timedelta(days=_lead_days(t) + draw.integer(-20, 600))
    if c.earlier_by_agreement and draw.integer(0, 2) == 0:
        opts["agreement_in_force"] = received + timedelta(days=draw.integer(-10, 900))
    return opts


def refusals(opts: dict[str, Any]) -> tuple[type[TreatyWithdrawError], ...]:
    """What may legitimately refuse with these options."""
    if any(key in opts for key in DECISIONS):
        # A decision date before the end of the period, an agreement before the notice.
        return (*REFUSED, InvalidArgumentError)
    return REFUSED


def outcome(t: Treaty, received: date, opts: dict[str, Any], rounding: str | None) -> date | str:
    """The effective date, or the name of the refusal."""
    try:
        return effective_date(t, received, rounding=rounding, **opts)
    except refusals(opts) as exc:
        return type(exc).__name__


def _ambiguous_somewhere(t: Treaty) -> bool:
    """Whether any of the treaty's periods has months (so a month end can be ambiguous)."""
    c = t.clause
    periods = [c.notice_period, *(p.notice_period for p in c.party_terms)]
    if c.kind is ClauseKind.NONE:
        return True  # VCLT Art. 56(2): twelve months
    if c.minimum_participation is not None:
        periods.append(c.minimum_participation.period)
    return any(p is not None and p.total_months for p in periods)


# -- the invariants, each a function of one draw (returns a label for the statistics) -----


def check_never_before_receipt(t: Treaty, draw: Draw) -> str:
    received = a_day(draw)
    opts = options_for(t, received, draw)
    rounding = draw.choice(ROUNDINGS)
    try:
        e = effect(t, received, rounding=rounding, **opts)
    except refusals(opts) as exc:
        return f"refused: {type(exc).__name__}"
    assert e.received == received
    assert e.expiry is None or e.expiry >= received, (t.key, received, opts, e.expiry)
    if e.date is None:
        assert e.pending
        with pytest.raises(EffectPendingError):
            effective_date(t, received, rounding=rounding, **opts)
        return "refused: pending"
    assert e.date >= received, (t.key, received, opts, rounding, e.date)
    return "dated"


def check_monotone(t: Treaty, draw: Draw) -> str:
    a = a_day(draw, last=LAST - timedelta(days=1))
    gap = draw.integer(1, 40) if draw.choice((True, False)) else draw.integer(1, 30000)
    b = min(a + timedelta(days=gap), LAST)
    opts = options_for(t, a, draw)
    rounding = draw.choice(ROUNDINGS)
    early, late = outcome(t, a, opts, rounding), outcome(t, b, opts, rounding)
    if not (isinstance(early, date) and isinstance(late, date)):
        return "refused on one side" if isinstance(early, date) or isinstance(late, date) else "refused"
    assert early <= late, (t.key, opts, rounding, a, early, b, late)
    return "dated"


def check_latest_receipt(t: Treaty, draw: Draw) -> str:
    target = a_day(draw)
    opts = {k: v for k, v in options_for(t, target, draw).items() if k in ("party", "apply_vclt56")}
    rounding = draw.choice(("backward", "forward", None, "raise"))
    try:
        latest = latest_receipt_date(t, target, rounding=rounding, **opts)
    except (NoWithdrawalClauseError, NoticeNotAllowedError) as exc:
        return f"refused: {type(exc).__name__}"
    except NoticeTooEarlyError:
        # A target no party can reach: the minimum participation counts from an entry into
        # force the catalogue knows (a far-past draw for a treaty with both).
        assert t.clause.minimum_participation is not None and t.entry_into_force is not None, t.key
        return "refused: NoticeTooEarlyError"
    except AmbiguousDateError as err:
        assert rounding == "raise" or (rounding is None and t.clause.rounding is None)
        try:
            back, fwd = (latest_receipt_date(t, target, rounding=m, **opts) for m in ROUNDINGS)
        except NoticeTooEarlyError:
            # The ambiguity is reported before the minimum participation is checked: under
            # either rounding the target is then out of reach.
            assert t.clause.minimum_participation is not None and t.entry_into_force is not None, t.key
            return "refused: NoticeTooEarlyError"
        assert back != fwd and err.candidates == (back, fwd), (t.key, target, err.candidates)
        return "ambiguous"
    if rounding in ROUNDINGS or (rounding is None and t.clause.rounding is not None):
        modes: tuple[str | None, ...] = (rounding,)
    else:  # no rounding chosen and none by default: both must agree
        modes = ROUNDINGS
        assert all(latest == latest_receipt_date(t, target, rounding=m, **opts) for m in modes)
    if t.clause.later_date is LaterDate.REQUIRED:
        # The notice must name its date (CFC Art. 30): plan for one naming the target.
        opts = {**opts, "later_date": target}
    for mode in modes:
        on_time = outcome(t, latest, opts, mode)
        assert isinstance(on_time, date) and on_time <= target, (t.key, target, mode, latest, on_time)
        after = outcome(t, latest + ONE_DAY, opts, mode)
        assert not isinstance(after, date) or after > target, (t.key, target, mode, latest, after)
    return "dated"


def check_raise_iff_roundings_differ(t: Treaty, draw: Draw) -> str:
    received = a_day(draw, month_ends=2)
    opts = options_for(t, received, draw)
    back, fwd = (outcome(t, received, opts, m) for m in ROUNDINGS)
    try:
        exact: date | str | None = outcome(t, received, opts, "raise")
        raised = None
    except AmbiguousDateError as err:
        exact, raised = None, err
    if not _ambiguous_somewhere(t):
        assert raised is None, (t.key, received, opts)
    if isinstance(back, date) and isinstance(fwd, date):
        if back != fwd:
            assert raised is not None, (t.key, received, opts, back, fwd, exact)
            assert raised.candidates == (back, fwd), (t.key, received, opts, raised.candidates, back, fwd)
            return "ambiguous"
        assert raised is None and exact == back, (t.key, received, opts, back, raised)
        assert effect(t, received, rounding="raise", **opts).date == back
        return "exact"
    if isinstance(back, date) or isinstance(fwd, date):
        # One rounding refuses, the other gives a date: no single answer.
        assert raised is not None or isinstance(exact, str), (t.key, received, opts, back, fwd, exact)
        return "one rounding refused"
    assert raised is not None or exact in (back, fwd), (t.key, received, opts, back, fwd, exact)
    return "refused"


# -- withdrawals ---------------------------------------------------------------------------

TEMPLATES = tuple(p.key for p in procedures())
CONFIDENCES = (None, *(c.value for c in Confidence))
ALL_STEPS = tuple(Step)


def build_withdrawal(draw: Draw) -> Withdrawal:
    """A withdrawal with a random valid sequence of steps, recorded through ``record``."""
    template = draw.choice(TEMPLATES)
    party = template if len(template) == 2 else draw.choice(("TV", "IN", "JP", "KE"))  # generic, decree
    t = draw.choice(TREATIES)
    start = a_day(draw, date(1950, 1, 1), date(2150, 12, 31))
    opts = options_for(t, start + timedelta(days=200), draw)
    w = Withdrawal.start(
        party=party,
        treaty=t,
        procedure=template,
        rounding=draw.choice((None, "backward", "forward")),
        later_date=opts.get("later_date"),
        party_since=opts.get("party_since"),
        armed_conflicts=opts.get("armed_conflicts", ()),
        note=draw.text(),
        sources=[s for s in (draw.text(),) if s],
    )
    day = start
    for _ in range(draw.integer(0, 14)):
        offered = w.next_steps()
        if not offered:
            break
        # Mostly along the template's main path, so that many runs reach the deposit.
        main = [s for s in w.procedure.main_path() if s in offered]
        step = main[0] if main and draw.integer(0, 2) else draw.choice(offered)
        day += timedelta(days=draw.integer(0, 25))
        undated = step not in (Step.INSTRUMENT_DEPOSITED, Step.REVOCATION) and draw.integer(0, 5) == 0
        extras: dict[str, Any] = {}
        if draw.integer(0, 2) == 0:
            extras = {
                "note": draw.text(),
                "confidence": draw.choice(CONFIDENCES),
                "source": [s for s in (draw.text(),) if s],
            }
        try:
            w = w.record(step, None if undated else day, **extras)
        except InvalidTransitionError:
            continue  # a deadline missed or a notice refused: try another step
    return w


def _statuses(w: Withdrawal, days: Sequence[date]) -> list[str]:
    out = []
    for day in days:
        try:
            out.append(str(w.status(day)))
        except TreatyWithdrawError as exc:
            out.append(type(exc).__name__)
    return out


def check_json_round_trip(draw: Draw) -> str:
    w = build_withdrawal(draw)
    text = timeline_to_json(w)
    back = timeline_from_json(text)
    assert back == w
    assert timeline_to_json(back) == text
    return "deposited" if w.deposit is not None else f"{len(w.history)} steps, no deposit"


def check_refused_record(draw: Draw) -> str:
    w = build_withdrawal(draw)
    events, text = w.events, timeline_to_json(w)
    dated = [e.on for e in w.events if e.on is not None]
    last = dated[-1] if dated else date(2000, 1, 1)
    probes = [last - timedelta(days=1), last, last + timedelta(days=200), last + timedelta(days=800)]
    statuses = _statuses(w, probes)
    if draw.integer(0, 2) == 0 and w.next_steps():
        step: Step | str = draw.choice(w.next_steps())  # offered, but perhaps on a wrong day
    else:
        step = draw.choice((*ALL_STEPS, "promulgation", "", "instrument deposited"))
    on = None if draw.integer(0, 9) == 0 else last + timedelta(days=draw.integer(-60, 900))
    try:
        after = w.record(step, on)
    except InvalidTransitionError as exc:
        assert exc.reasons and all(isinstance(r, str) and r for r in exc.reasons)
        assert w.events == events
        assert timeline_to_json(w) == text
        assert _statuses(w, probes) == statuses
        return "refused"
    assert after.events[:-1] == events and len(after.events) == len(events) + 1
    assert w.events == events and timeline_to_json(w) == text
    return "accepted"


# -- the Hypothesis tests ------------------------------------------------------------------

treaty_and_data = (st.sampled_from(TREATIES), st.data())


@given(*treaty_and_data)
def test_effect_is_never_before_receipt(t: Treaty, data: st.DataObject) -> None:
    event(check_never_before_receipt(t, HypothesisDraw(data)))


@given(*treaty_and_data)
def test_effect_is_monotone_in_receipt(t: Treaty, data: st.DataObject) -> None:
    event(check_monotone(t, HypothesisDraw(data)))


@given(*treaty_and_data)
def test_latest_receipt_date_is_exact(t: Treaty, data: st.DataObject) -> None:
    event(check_latest_receipt(t, HypothesisDraw(data)))


@given(*treaty_and_data)
def test_raise_exactly_when_roundings_differ(t: Treaty, data: st.DataObject) -> None:
    event(check_raise_iff_roundings_differ(t, HypothesisDraw(data)))


# Recording a dozen steps costs more than an effect: half the profile's examples.
withdrawal_settings = settings(max_examples=max(50, settings().max_examples // 2))


@withdrawal_settings
@given(st.data())
def test_json_round_trip_of_random_withdrawals(data: st.DataObject) -> None:
    event(check_json_round_trip(HypothesisDraw(data)))


@withdrawal_settings
@given(st.data())
def test_refused_record_leaves_the_withdrawal_unchanged(data: st.DataObject) -> None:
    event(check_refused_record(HypothesisDraw(data)))


# -- the deterministic companion: the same draws, counted -----------------------------------

EffectCheck = Callable[[Treaty, Draw], str]


def _tally(check: EffectCheck, n: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    for seed in range(n):
        draw = SeededDraw(seed)
        counts[check(draw.choice(TREATIES), draw)] += 1
    return counts


@pytest.mark.parametrize(
    ("check", "needed"),
    [
        (check_never_before_receipt, {"dated": 0.8}),
        (check_monotone, {"dated": 0.7}),
        (check_latest_receipt, {"dated": 0.75, "ambiguous": 0.01}),
        (check_raise_iff_roundings_differ, {"exact": 0.6, "ambiguous": 0.05}),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_draws_are_mostly_dated(check: EffectCheck, needed: dict[str, float]) -> None:
    n = 1500
    counts = _tally(check, n)
    for label, share in needed.items():
        assert counts[label] >= share * n, f"{check.__name__}: {dict(counts)} of {n} draws"
    # Every treaty with a clause (or terms, or VCLT Art. 56) gives a date somewhere.
    for t in TREATIES:
        draw = SeededDraw(sum(map(ord, t.key)))
        assert any(check(t, draw) in ("dated", "exact", "ambiguous") for _ in range(60)), t.key


def test_withdrawal_draws_reach_deposit_and_refusal() -> None:
    n = 200
    built = Counter(check_json_round_trip(SeededDraw(seed)) == "deposited" for seed in range(n))
    assert built[True] >= 0.25 * n, dict(built)
    recorded = Counter(check_refused_record(SeededDraw(10_000 + seed)) for seed in range(n))
    assert recorded["refused"] >= 0.4 * n and recorded["accepted"] >= 0.05 * n, dict(recorded)


# -- what the fuzzing found, pinned ----------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "received", "rounding", "candidates"),
    [
        # Day after the end of the period: 28 Feb or 1 Mar, so 1 Mar or 2 Mar.
        ("icsid", "2025-08-31", None, (date(2026, 3, 1), date(2026, 3, 2))),
        # First of the next month: 28 Feb or 1 Mar, so 1 Mar or 1 Apr.
        ("istanbul", "2025-11-30", "raise", (date(2026, 3, 1), date(2026, 4, 1))),
        # Same day: the candidates are the ends of the period themselves.
        ("ottawa", "2025-08-31", None, (date(2026, 2, 28), date(2026, 3, 1))),
    ],
)
def test_ambiguity_names_the_candidate_effective_dates(
    key: str, received: str, rounding: str | None, candidates: tuple[date, date]
) -> None:
    with pytest.raises(AmbiguousDateError) as info:
        effective_date(key, received, rounding=rounding)
    assert info.value.candidates == candidates
    for mode, day in zip(ROUNDINGS, candidates, strict=True):
        assert effective_date(key, received, rounding=mode) == day
        assert day.isoformat() in str(info.value)


@pytest.mark.parametrize(
    ("key", "received", "options", "expected"),
    [
        # 29 Feb 2024 + 1 year is ambiguous; the named date is after both candidates.
        ("rome-statute", "2024-02-29", {"later_date": "2026-01-01"}, date(2026, 1, 1)),
        # Five years from 29 Feb 2000 is ambiguous; a notice in 2020 is late enough either way.
        ("echr", "2020-01-15", {"party_since": "2000-02-29"}, date(2020, 7, 15)),
        # 28 Feb or 1 Mar 2026: both inside a conflict that ends on 1 June 2026.
        ("ottawa", "2025-08-31", {"armed_conflicts": [("2025-01-01", "2026-06-01")]}, date(2026, 6, 1)),
    ],
)
def test_raise_answers_when_both_roundings_agree(
    key: str, received: str, options: dict[str, Any], expected: date
) -> None:
    assert effective_date(key, received, rounding="raise", **options) == expected
    e = effect(key, received, **options)
    assert e.date == expected and "either rounding gives" in e.explain()


def test_withdrawal_status_reads_the_effective_candidates() -> None:
    # ICSID, received 31 Aug 2025: effective 1 or 2 March 2026 (not 28 Feb or 1 Mar).
    w = Withdrawal.start(party="TV", treaty="icsid").record("instrument-deposited", "2025-08-31")
    assert w.status("2026-02-28") == "notice-pending"
    with pytest.raises(AmbiguousDateError):
        w.status("2026-03-01")
    assert w.status("2026-03-02") == "effective"
    assert w.record("revocation", "2026-02-28").status("2026-03-05") == "revoked"
    with pytest.raises(InvalidTransitionError, match="cannot tell"):
        w.record("revocation", "2026-03-01")
