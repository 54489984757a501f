"""The 2025 Ottawa seeds: real dates, their sources, and the acceptance checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from treatywithdraw.errors import NotAWithdrawalError
from treatywithdraw.formats import load_timeline, timeline_from_json, timeline_to_json
from treatywithdraw.procedures import Confidence, Step
from treatywithdraw.timeline import Status, Suspension, Withdrawal

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EFFECTIVE = {
    "lv": date(2025, 12, 27),
    "lt": date(2025, 12, 27),
    "ee": date(2025, 12, 27),
    "fi": date(2026, 1, 10),
    "pl": date(2026, 2, 20),
}
RECEIVED = {
    "lv": date(2025, 6, 27),
    "lt": date(2025, 6, 27),
    "ee": date(2025, 6, 27),
    "fi": date(2025, 7, 10),
    "pl": date(2025, 8, 20),
}


def seed(code: str) -> Withdrawal:
    w = load_timeline(SEEDS / f"{code}-ottawa-2025.toml")
    assert isinstance(w, Withdrawal)
    return w


ALL_SEEDS = sorted(p.stem for p in SEEDS.glob("*.toml"))


def test_the_seed_directory_holds_the_2025_ottawa_files_and_named_seeds() -> None:
    assert {f"{c}-ottawa-2025" for c in (*EFFECTIVE, "ua")} <= set(ALL_SEEDS)
    for name in ALL_SEEDS:  # <party>-<treaty key>-<year of its first step>
        party, _, rest = name.partition("-")
        key, year = rest.rsplit("-", 1)
        timeline = load_timeline(SEEDS / f"{name}.toml")
        assert (timeline.party.lower(), timeline.treaty.key) == (party, key), name
        dated = [e.on for e in timeline.history if e.on is not None]
        first = dated[0].year if dated else int(year)
        assert int(year) == first, name


@pytest.mark.parametrize(("code", "effective"), EFFECTIVE.items())
def test_effective_dates(code: str, effective: date) -> None:
    w = seed(code)
    assert w.party == code.upper()
    assert w.treaty.key == "ottawa"
    assert w.procedure.key == code.upper()
    assert w.deposit is not None and w.deposit.on == RECEIVED[code]
    assert w.effective_date == effective
    assert w.status(effective) == Status.EFFECTIVE


def test_latvian_seed_status() -> None:
    lv = load_timeline("seeds/lv-ottawa-2025.toml") if Path("seeds").is_dir() else seed("lv")
    assert lv.status(date(2025, 7, 1)) == "notice-pending"
    assert lv.status(date(2025, 12, 26)) == "notice-pending"
    assert lv.status(date(2025, 12, 27)) == "effective"
    assert [e.step for e in lv.history] == [
        Step.INITIATIVE,
        Step.GOVERNMENT_DECISION,
        Step.PARLIAMENT_APPROVAL,
        Step.HEAD_OF_STATE_ACT,
        Step.INSTRUMENT_DEPOSITED,
    ]
    assert lv.status(date(2025, 4, 24)) == Status.APPROVED


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_json_round_trip_of_every_seed_is_exact(name: str) -> None:
    timeline = load_timeline(SEEDS / f"{name}.toml")
    text = timeline_to_json(timeline)
    back = timeline_from_json(text)
    assert back == timeline
    assert timeline_to_json(back) == text


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_every_seed_event_has_sources_and_a_confidence_label(name: str) -> None:
    timeline = load_timeline(SEEDS / f"{name}.toml")
    assert timeline.sources
    for event in timeline.history:
        assert event.sources, event
        assert event.confidence is not None, event
        assert event.note, event
        if event.confidence is Confidence.UNCONFIRMED:
            assert event.on is None, "an unconfirmed date is left out, not guessed"
        else:
            assert event.on is not None


def test_unconfirmed_steps_are_marked_not_invented() -> None:
    pl = seed("pl")
    undated = [e.step for e in pl.history if e.on is None]
    assert undated == [Step.GOVERNMENT_DECISION, Step.SENATE_APPROVAL, Step.HEAD_OF_STATE_ACT]
    lt = seed("lt")
    assert [e.step for e in lt.history if e.on is None] == [Step.HEAD_OF_STATE_ACT]
    inferred = [e for e in lt.history if e.confidence is Confidence.INFERRED]
    assert [e.on for e in inferred] == [date(2025, 4, 9)]


def test_polish_receipt_date_is_sourced_to_the_official_journal() -> None:
    deposit = seed("pl").deposit
    assert deposit is not None and deposit.confidence is Confidence.CONFIRMED
    assert deposit.note is not None and "Dz. U. 2025 poz. 1514" in deposit.note
    assert "C.N." in deposit.note


def test_ukraine_is_a_suspension_without_an_effective_date() -> None:
    ua = load_timeline(SEEDS / "ua-ottawa-2025.toml")
    assert isinstance(ua, Suspension)
    assert ua.notified == date(2025, 7, 18)
    assert ua.basis == "VCLT Art. 62"
    with pytest.raises(NotAWithdrawalError, match=r"suspended the Ottawa Convention under VCLT Art\. 62"):
        _ = ua.effective_date
    with pytest.raises(NotAWithdrawalError, match="does not allow suspension"):
        ua.status(date(2026, 1, 18))


def test_projection_of_each_template_reproduces_its_2025_case() -> None:
    # Default durations are measured on the 2025 cases: projecting from each state's
    # first step gives back its real receipt day.
    for code in ("lv", "ee", "fi"):
        w = seed(code)
        first = w.history[0]
        start = Withdrawal.start(party=w.party, treaty="ottawa").record(first.step, first.on)
        assert start.project().deposit == RECEIVED[code], code
