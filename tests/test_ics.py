"""The iCalendar export: read back with icalendar, one event per dated step, reproducible."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from treatywithdraw.errors import (
    InvalidArgumentError,
    MissingExtraError,
    NotAWithdrawalError,
    TreatyWithdrawError,
)
from treatywithdraw.formats import load_timeline, to_ics
from treatywithdraw.formats.ics import PRODID
from treatywithdraw.timeline import Withdrawal

icalendar = pytest.importorskip("icalendar")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EFFECTIVE = {
    "lv": date(2025, 12, 27),
    "lt": date(2025, 12, 27),
    "ee": date(2025, 12, 27),
    "fi": date(2026, 1, 10),
    "pl": date(2026, 2, 20),
}


def seed(code: str) -> Withdrawal:
    w = load_timeline(SEEDS / f"{code}-ottawa-2025.toml")
    assert isinstance(w, Withdrawal)
    return w


def events(text: str) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def on(event: Any) -> date:
    day = event.decoded("dtstart")
    assert type(day) is date, "an all-day event starts on a date, not a datetime"
    return day


def categories(event: Any) -> set[str]:
    return {str(c) for c in event["categories"].cats}


def test_the_calendar_header() -> None:
    calendar = icalendar.Calendar.from_ical(to_ics(seed("lv")))
    assert str(calendar["prodid"]) == PRODID == "-//treatywithdraw//EN"
    assert str(calendar["version"]) == "2.0"


def test_lines_end_in_crlf() -> None:
    text = to_ics(seed("lv"))
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_the_latvian_effective_date() -> None:
    found = [e for e in events(to_ics(seed("lv"))) if on(e) == date(2025, 12, 27)]
    assert len(found) == 1
    (event,) = found
    assert str(event["summary"]) == "LV Ottawa Convention: withdrawal takes effect"
    description = str(event["description"])
    assert "Art. 20" in description
    assert "2025-06-27 + 6 months = 2025-12-27" in description
    assert event.decoded("dtend") == date(2025, 12, 28)
    assert str(event["status"]) == "CONFIRMED"
    assert categories(event) == {"treatywithdraw", "effective"}


@pytest.mark.parametrize("code", EFFECTIVE)
def test_an_event_for_each_recorded_step(code: str) -> None:
    w = seed(code)
    found = events(to_ics(w))
    recorded = [e for e in found if "recorded" in categories(e)]
    dated = [e for e in w.events if e.on is not None]
    assert [(on(e), str(e["summary"])) for e in recorded] == [
        (e.on, f"{code.upper()} Ottawa Convention: {e.step}") for e in dated
    ]
    # Undated steps (Poland's Senate vote, 2025) are skipped, not given a made-up day.
    assert len(recorded) == len(dated)
    effective = [e for e in found if "effective" in categories(e)]
    assert [on(e) for e in effective] == [EFFECTIVE[code]]
    assert len(found) == len(dated) + 1  # nothing is projected: the instrument was received


def test_the_polish_seed_skips_its_undated_steps() -> None:
    w = seed("pl")
    undated = [e.step for e in w.events if e.on is None]
    assert undated  # the seed has them
    summaries = [str(e["summary"]) for e in events(to_ics(w))]
    for step in undated:
        assert not any(s.endswith(f": {step}") for s in summaries)


def test_uids_are_stable_and_unique() -> None:
    found = events(to_ics([seed(c) for c in EFFECTIVE]))
    uids = [str(e["uid"]) for e in found]
    assert len(uids) == len(set(uids))
    assert "lv-ottawa-instrument-deposited-2025-06-27@treatywithdraw" in uids
    assert "lv-ottawa-withdrawal-takes-effect-2025-12-27@treatywithdraw" in uids


def test_two_calls_give_the_same_text() -> None:
    several = [seed(c) for c in EFFECTIVE]
    assert to_ics(several) == to_ics(several)
    assert to_ics(seed("lv")) == to_ics(seed("lv"))
    assert to_ics(seed("lv"), as_of="2026-01-01") == to_ics(seed("lv"), as_of=date(2026, 1, 1))


def test_dtstamp_comes_from_the_data_not_the_clock() -> None:
    # By default: the last recorded day (the Latvian receipt), at midnight UTC.
    for event in events(to_ics(seed("lv"))):
        assert event.decoded("dtstamp") == datetime(2025, 6, 27, tzinfo=UTC)
    for event in events(to_ics(seed("lv"), as_of="2026-01-01")):
        assert event.decoded("dtstamp") == datetime(2026, 1, 1, tzinfo=UTC)
    # Several withdrawals: the last recorded day of all of them (the Polish receipt).
    stamps = {e.decoded("dtstamp") for e in events(to_ics([seed("lv"), seed("pl")]))}
    assert stamps == {datetime(2025, 8, 20, tzinfo=UTC)}


def test_several_withdrawals_in_one_calendar() -> None:
    found = events(to_ics(seed(c) for c in EFFECTIVE))
    effective = sorted((str(e["summary"])[:2], on(e)) for e in found if "effective" in categories(e))
    assert effective == sorted((c.upper(), d) for c, d in EFFECTIVE.items())


def test_projected_steps_are_marked() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    found = events(to_ics(w))
    assert [(str(e["summary"]), on(e), str(e["status"])) for e in found] == [
        ("LV Ottawa Convention: parliament-approval", date(2025, 4, 16), "CONFIRMED"),
        ("LV Ottawa Convention: head-of-state-act (projected)", date(2025, 4, 24), "TENTATIVE"),
        ("LV Ottawa Convention: instrument-deposited (projected)", date(2025, 6, 27), "TENTATIVE"),
        ("LV Ottawa Convention: withdrawal takes effect (projected)", date(2025, 12, 27), "TENTATIVE"),
        # The legal window for the promulgation (Satversme Art. 69), an all-day span.
        ("LV Ottawa Convention: head-of-state-act due", date(2025, 4, 23), "CONFIRMED"),
    ]
    assert found[4]["dtend"].dt == date(2025, 5, 8)  # through 7 May, the 21st day
    assert categories(found[4]) == {"treatywithdraw", "window"}
    assert categories(found[1]) == {"treatywithdraw", "projected"}
    assert categories(found[3]) == {"treatywithdraw", "effective", "projected"}
    assert "2025 case: 2025-04-16 → 2025-04-24" in str(found[1]["description"])
    assert "Art. 20" in str(found[3]["description"])


def test_nothing_dated_needs_as_of() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa")
    with pytest.raises(InvalidArgumentError, match=r"no dated step.*pass as_of=") as info:
        to_ics(w)
    assert info.value.field == "as_of"
    found = events(to_ics(w, as_of="2025-03-18"))
    assert on(found[0]) == date(2025, 3, 25)  # government-decision, 7 days on (the 2025 case)
    assert all("projected" in categories(e) for e in found)


def test_a_pending_effect_marks_the_end_of_the_notice_period() -> None:
    # Ottawa Art. 20(3): no effect while the party is engaged in an armed conflict.
    w = Withdrawal.start(party="TV", treaty="ottawa", armed_conflicts=[("2025-01-01", None)])
    w = w.record("instrument-deposited", "2025-06-27")
    (_, end) = events(to_ics(w))
    assert on(end) == date(2025, 12, 27)
    assert str(end["summary"]) == "TV Ottawa Convention: notice period ends, effect pending"
    assert "Pending:" in str(end["description"])
    assert categories(end) == {"treatywithdraw", "pending"}


def test_a_revoked_withdrawal_has_no_effective_date() -> None:
    w = Withdrawal.start(party="TV", treaty="ottawa").record("instrument-deposited", "2025-06-27")
    w = w.record("revocation", "2025-09-01")
    assert [str(e["summary"]) for e in events(to_ics(w))] == [
        "TV Ottawa Convention: instrument-deposited",
        "TV Ottawa Convention: revocation",
    ]


def test_a_suspension_is_refused() -> None:
    ua = load_timeline(SEEDS / "ua-ottawa-2025.toml")
    with pytest.raises(NotAWithdrawalError, match="suspension"):
        to_ics(ua)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [[], (), "LV", 42, [object()]])
def test_bad_arguments(value: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        to_ics(value)  # type: ignore[arg-type]
    assert info.value.field == "withdrawals"


def test_without_icalendar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)  # `import icalendar` now fails
    with pytest.raises(MissingExtraError) as info:
        to_ics(seed("lv"))
    assert str(info.value) == "the iCalendar export needs the 'ics' extra: pip install 'treatywithdraw[ics]'"
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, TreatyWithdrawError)
    assert info.value.name == "icalendar"


def test_importing_the_formats_does_not_import_icalendar() -> None:
    code = "import sys, treatywithdraw.formats; sys.exit('icalendar' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
