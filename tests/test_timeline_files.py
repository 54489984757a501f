"""Timeline files: TOML loading, every problem reported at once, exact JSON round trips."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatywithdraw.errors import TimelineFileError
from treatywithdraw.formats import (
    JSON_SCHEMA,
    load_timeline,
    parse_timeline,
    timeline_from_json,
    timeline_to_json,
    timeline_to_record,
)
from treatywithdraw.procedures import Step
from treatywithdraw.timeline import Suspension, Withdrawal

MINIMAL = """
party = "LV"
treaty = "ottawa"

[[events]]
step = "parliament-approval"
on = 2025-04-16

[[events]]
step = "head-of-state-act"
on = "2025-04-24"
"""


def test_minimal_file_defaults_to_the_partys_template() -> None:
    w = parse_timeline(MINIMAL)
    assert isinstance(w, Withdrawal)
    assert w.procedure.key == "LV"
    assert [e.on for e in w.history] == [date(2025, 4, 16), date(2025, 4, 24)]
    assert w.history[0].confidence is None


def test_options_reach_the_effect() -> None:
    w = parse_timeline("""
party = "FI"
treaty = "ottawa"
procedure = "generic"
[options]
rounding = "forward"
armed_conflicts = [{start = 2025-12-01, end = 2026-02-01}, {start = 2026-03-01}]
[[events]]
step = "instrument-deposited"
on = 2025-08-31
""")
    assert isinstance(w, Withdrawal)
    assert w.options.armed_conflicts == ((date(2025, 12, 1), date(2026, 2, 1)), (date(2026, 3, 1), None))
    assert w.effect is not None and w.effect.expiry == date(2026, 3, 1)  # 31 Feb rounded forward
    assert w.effective_date is None  # engaged in a conflict on expiry, not ended
    assert timeline_from_json(timeline_to_json(w)) == w


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(TimelineFileError) as info:
        parse_timeline(
            """
party = "LV"
colour = "red"
[[events]]
step = "promulgation"
on = "2025-02-30"
[[events]]
step = "head-of-state-act"
confidence = "sure"
""",
            file="bad.toml",
        )
    error = info.value
    assert isinstance(error, ValueError)
    assert error.file == "bad.toml"
    message = str(error)
    assert message.startswith("bad.toml:")
    for part in (
        "treaty: is missing",
        "colour: unknown field",
        "events[0].step: unknown step 'promulgation'",
        "events[0].on: '2025-02-30' is not an ISO date",
        "events[1].confidence: 'sure'",
        "events[1].on: is missing: give the date, or mark the step",
    ):
        assert part in message, part


def test_invalid_toml_dates_are_caught_by_the_parser() -> None:
    with pytest.raises(TimelineFileError, match="not valid TOML"):
        parse_timeline('party = "LV"\ntreaty = "ottawa"\n[[events]]\nstep = "initiative"\non = 2025-02-30\n')


def test_events_that_break_the_procedure_name_the_event() -> None:
    with pytest.raises(TimelineFileError) as info:
        parse_timeline(
            """
party = "LV"
treaty = "ottawa"
[[events]]
step = "parliament-approval"
on = 2025-04-16
[[events]]
step = "instrument-deposited"
on = 2025-06-27
""",
            file="lv.toml",
        )
    assert info.value.field == "events"
    message = str(info.value)
    assert "event 1 (instrument-deposited on 2025-06-27)" in message
    assert "needs head-of-state-act first" in message


def test_unknown_treaty_and_party() -> None:
    with pytest.raises(TimelineFileError, match="no treaty 'otawa'"):
        parse_timeline('party = "LV"\ntreaty = "otawa"\n')
    with pytest.raises(TimelineFileError, match="no withdrawal procedure for 'XX'"):
        parse_timeline('party = "LV"\ntreaty = "ottawa"\nprocedure = "XX"\n')


def test_unknown_kind_and_schema() -> None:
    with pytest.raises(TimelineFileError, match="'termination' is not known"):
        parse_timeline('kind = "termination"\nparty = "LV"\ntreaty = "ottawa"\n')
    with pytest.raises(TimelineFileError, match="schema"):
        parse_timeline('schema = 7\nparty = "LV"\ntreaty = "ottawa"\n')


def test_time_of_day_is_refused() -> None:
    with pytest.raises(TimelineFileError, match="has a time"):
        parse_timeline(
            'party = "LV"\ntreaty = "ottawa"\n[[events]]\nstep = "initiative"\non = 2025-03-18T10:00:00Z\n'
        )


def test_json_has_a_schema_and_sorted_keys() -> None:
    w = parse_timeline(MINIMAL)
    text = timeline_to_json(w)
    record = json.loads(text)
    assert record["schema"] == JSON_SCHEMA
    assert record["kind"] == "withdrawal"
    assert list(record) == sorted(record)
    assert text.endswith("}\n")
    assert record == timeline_to_record(w)


def test_json_from_another_schema_is_refused() -> None:
    text = timeline_to_json(parse_timeline(MINIMAL)).replace(JSON_SCHEMA, "treatywithdraw.timeline/9")
    with pytest.raises(TimelineFileError, match="export the timeline with this version"):
        timeline_from_json(text)
    with pytest.raises(TimelineFileError, match="not valid JSON"):
        timeline_from_json("{")


def test_json_keeps_non_ascii_text() -> None:
    w = Withdrawal.start(party="LV", treaty="ottawa").record(
        "initiative", "2025-03-18", note="Andris Sprūds", source="https://example.org/ā"
    )
    text = timeline_to_json(w)
    assert "Sprūds" in text
    assert timeline_from_json(text.encode("utf-8")) == w


def test_suspension_round_trip() -> None:
    s = Suspension.create(party="UA", treaty="ottawa", basis="VCLT Art. 62", notified="2025-07-18")
    text = timeline_to_json(s)
    assert json.loads(text)["kind"] == "suspension"
    assert timeline_from_json(text) == s
    assert timeline_to_json(timeline_from_json(text)) == text


def test_load_timeline_reads_a_path(tmp_path: Path) -> None:
    path = tmp_path / "lv.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert load_timeline(path) == load_timeline(str(path)) == parse_timeline(MINIMAL)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(TimelineFileError, match="not UTF-8"):
        load_timeline(path)


# -- round trips of generated withdrawals ---------------------------------------------------

_PATH = [
    Step.INITIATIVE,
    Step.GOVERNMENT_DECISION,
    Step.PARLIAMENT_APPROVAL,
    Step.HEAD_OF_STATE_ACT,
    Step.INSTRUMENT_DEPOSITED,
    Step.PARTIES_NOTIFIED,
    Step.REVOCATION,
]
_text = st.none() | st.text(max_size=30)


@st.composite
def withdrawals(draw: st.DrawFn) -> Withdrawal:
    w = Withdrawal.start(
        party="EE",
        treaty="ottawa",
        rounding=draw(st.sampled_from([None, "backward", "forward"])),
        note=draw(_text),
        sources=draw(st.lists(st.text(min_size=1, max_size=20), max_size=2)),
    )
    day = draw(st.dates(min_value=date(1999, 3, 1), max_value=date(2090, 1, 1)))
    for step in _PATH[: draw(st.integers(min_value=0, max_value=len(_PATH)))]:
        if step is Step.HEAD_OF_STATE_ACT:
            day = day.fromordinal(day.toordinal() + draw(st.integers(0, 30)))
        else:
            day = day.fromordinal(day.toordinal() + draw(st.integers(0, 60)))
        undated = step in (Step.INITIATIVE, Step.GOVERNMENT_DECISION) and draw(st.booleans())
        w = w.record(
            step,
            None if undated else day,
            note=draw(_text),
            confidence=draw(st.sampled_from([None, "confirmed", "inferred", "unconfirmed"])),
            source=draw(st.lists(st.text(min_size=1, max_size=20), max_size=2)),
        )
    return w


@settings(max_examples=60, deadline=None)
@given(withdrawals())
def test_json_round_trip_is_exact(w: Withdrawal) -> None:
    text = timeline_to_json(w)
    back = timeline_from_json(text)
    assert back == w
    assert timeline_to_json(back) == text


# -- a record carries what it needs: no silent swap of definitions ---------------------------


def test_a_withdrawal_from_ones_own_treaty_never_comes_back_with_another_date(tmp_path: Path) -> None:
    import treatywithdraw as tw
    from treatywithdraw.catalogue import load_treaty_file
    from treatywithdraw.formats import timeline_from_json, timeline_to_json

    own = tmp_path / "ottawa.toml"
    text = (Path(tw.__file__).parent / "data" / "treaties" / "ottawa.toml").read_text("utf-8")
    own.write_text(text.replace('notice_period = "P6M"', 'notice_period = "P12M"'), "utf-8")
    mine = load_treaty_file(own)
    w = tw.Withdrawal.start(party="TV", treaty=mine).record("instrument-deposited", "2025-06-27")
    assert w.effective_date == date(2026, 6, 27)
    record = timeline_to_json(w)
    with pytest.raises(tw.TimelineFileError, match="another definition of its treaty") as info:
        timeline_from_json(record)  # the catalogue's Ottawa would give 2025-12-27
    assert info.value.field == "treaty_hash"
    back = timeline_from_json(record, treaty=mine)
    assert back == w and back.effective_date == date(2026, 6, 27)


def test_a_withdrawal_on_a_custom_procedure_comes_back_with_it() -> None:
    import attrs

    import treatywithdraw as tw
    from treatywithdraw.formats import timeline_from_json, timeline_to_json

    generic = tw.procedure("generic")
    custom = attrs.evolve(generic, key="XX", name="A custom procedure")
    w = tw.Withdrawal.start(party="TV", treaty="ottawa", procedure=custom).record(
        "instrument-deposited", "2025-06-27"
    )
    record = timeline_to_json(w)
    with pytest.raises(tw.TimelineFileError):
        timeline_from_json(record)  # no template 'XX' in the package
    assert timeline_from_json(record, procedure=custom) == w
