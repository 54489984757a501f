"""Mermaid exports: Gantt charts and timelines of the 2025 seeds, state diagrams of every template."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatywithdraw.errors import InvalidArgumentError, NotAWithdrawalError, UnknownPartyError
from treatywithdraw.formats import (
    load_timeline,
    procedure_state_diagram,
    timeline_diagram,
    timeline_gantt,
)
from treatywithdraw.formats.mermaid import _ident, _text
from treatywithdraw.procedures import BRANCH_STEPS, Actor, Procedure, Step, StepRule, procedures
from treatywithdraw.timeline import Withdrawal

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
# What Mermaid reads as syntax inside a label.
UNSAFE = re.compile(r'[:#;%"`{}<>\[\]\n]')
ID = re.compile(r"[a-z][a-z0-9_]*")


def seed(code: str) -> Withdrawal:
    w = load_timeline(SEEDS / f"{code}-ottawa-2025.toml")
    assert isinstance(w, Withdrawal)
    return w


def sections(text: str) -> list[str]:
    return [
        line.strip().removeprefix("section ")
        for line in text.splitlines()
        if line.strip().startswith("section ")
    ]


# -- gantt ---------------------------------------------------------------------------------


def test_gantt_of_the_latvian_seed() -> None:
    assert timeline_gantt(seed("lv")).splitlines() == [
        "gantt",
        "    title LV withdrawal from the Ottawa Convention",
        "    dateFormat YYYY-MM-DD",
        "    todayMarker off",
        "    section LV - Ottawa Convention",
        "    initiative :milestone, lv_ottawa_1, 2025-03-18, 0d",
        "    government-decision :milestone, lv_ottawa_2, 2025-03-25, 0d",
        "    parliament-approval :milestone, lv_ottawa_3, 2025-04-16, 0d",
        "    head-of-state-act :milestone, lv_ottawa_4, 2025-04-24, 0d",
        "    instrument-deposited :milestone, lv_ottawa_5, 2025-06-27, 0d",
        "    notice period, Art. 20(2)-(3) :lv_ottawa_notice, 2025-06-27, 2025-12-27",
        "    withdrawal takes effect :crit, milestone, lv_ottawa_effect, 2025-12-27, 0d",
    ]


def test_gantt_of_the_five_seeds() -> None:
    text = timeline_gantt([seed(c) for c in EFFECTIVE])
    lines = text.splitlines()
    assert lines[0] == "gantt"
    assert lines[1] == "    title Withdrawals from the Ottawa Convention (LV, LT, EE, FI, PL)"
    assert "    dateFormat YYYY-MM-DD" in lines
    assert "excludes" not in text  # effect dates fall on weekends as they are
    assert sections(text) == [f"{c.upper()} - Ottawa Convention" for c in EFFECTIVE]
    for code, effective in EFFECTIVE.items():
        base = f"{code}_ottawa"
        assert (
            f"    withdrawal takes effect :crit, milestone, {base}_effect, {effective.isoformat()}, 0d"
            in lines
        )
        assert (
            f"    notice period, Art. 20(2)-(3) :{base}_notice, {RECEIVED[code].isoformat()}, {effective.isoformat()}"
            in lines
        )


@pytest.mark.parametrize("code", EFFECTIVE)
def test_gantt_has_a_milestone_per_dated_step(code: str) -> None:
    w = seed(code)
    text = timeline_gantt(w)
    milestones = re.findall(r"^    (\S+) :milestone, \w+, (\d{4}-\d\d-\d\d), 0d$", text, re.MULTILINE)
    assert milestones == [(str(e.step), e.on.isoformat()) for e in w.events if e.on is not None]
    undated = [str(e.step) for e in w.events if e.on is None]
    if undated:
        assert f"    %% undated, not drawn: {', '.join(undated)}" in text.splitlines()
    ids = re.findall(r":(?:crit, )?(?:milestone, )?(\w+), \d{4}", text)
    assert len(ids) == len(set(ids))


def test_gantt_as_of_names_the_status() -> None:
    text = timeline_gantt([seed("lv"), seed("pl")], as_of="2026-01-01")
    assert sections(text) == [
        "LV - Ottawa Convention (effective on 2026-01-01)",
        "PL - Ottawa Convention (notice-pending on 2026-01-01)",
    ]


def test_gantt_projects_the_remaining_steps() -> None:
    w = Withdrawal.start(party="FI", treaty="ottawa")
    with pytest.raises(InvalidArgumentError, match="as_of="):
        timeline_gantt(w)
    text = timeline_gantt(w, as_of="2025-04-01")
    assert "(projected)" in text
    assert re.search(r"withdrawal takes effect \(projected\) :crit, milestone, fi_ottawa_effect, ", text)
    assert "not-started on 2025-04-01" in text


def test_gantt_of_a_pending_effect() -> None:
    w = Withdrawal.start(party="TV", treaty="ottawa", armed_conflicts=[("2025-01-01", None)])
    text = timeline_gantt(w.record("instrument-deposited", "2025-06-27"))
    assert (
        "    notice period (effect pending), Art. 20(2)-(3) :tv_ottawa_notice, 2025-06-27, 2025-12-27" in text
    )
    assert "    notice period ends, effect pending :milestone, tv_ottawa_effect, 2025-12-27, 0d" in text
    assert "crit" not in text


def test_gantt_numbers_a_repeated_party_and_treaty() -> None:
    text = timeline_gantt([seed("lv"), seed("lv")])
    assert "lv_ottawa_effect" in text and "lv_ottawa_2_effect" in text
    assert len(sections(text)) == 2


def test_gantt_is_deterministic() -> None:
    several = [seed(c) for c in EFFECTIVE]
    assert timeline_gantt(several) == timeline_gantt(tuple(several))


# -- timeline --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", EFFECTIVE)
def test_timeline_of_each_seed(code: str) -> None:
    w = seed(code)
    text = timeline_diagram(w)
    lines = text.splitlines()
    assert lines[0] == "timeline"
    assert lines[1] == f"    title {code.upper()} withdrawal from the Ottawa Convention"
    assert sections(text) == ["Domestic procedure", "Depositary", "Effect"]
    assert lines[-1] == f"        {EFFECTIVE[code].isoformat()} : withdrawal takes effect, Art. 20(2)-(3)"
    for e in w.events:
        assert f"{e.step} — " in text
    assert f"        {RECEIVED[code].isoformat()} : instrument-deposited — " in text
    for line in lines[2:]:
        if not line.strip().startswith("section "):
            assert re.fullmatch(r"        (\d{4}-\d\d-\d\d|undated)( : [^:]+)+", line), line


def test_timeline_keeps_undated_steps_in_place() -> None:
    text = timeline_diagram(seed("pl"))
    assert (
        "        undated : senate-approval — Senate (Senat) : head-of-state-act — President "
        "(Prezydent Rzeczypospolitej Polskiej)"
    ) in text.splitlines()


def test_timeline_with_nothing_dated_shows_the_recorded_steps_only() -> None:
    w = Withdrawal.start(party="PL", treaty="ottawa").record("government-decision", None)
    assert timeline_diagram(w).splitlines() == [
        "timeline",
        "    title PL withdrawal from the Ottawa Convention",
        "    section Domestic procedure",
        "        undated : government-decision — Council of Ministers (Rada Ministrów)",
    ]


def test_timeline_refuses_a_suspension() -> None:
    with pytest.raises(NotAWithdrawalError, match=r"VCLT Art\. 62"):
        timeline_diagram(load_timeline(SEEDS / "ua-ottawa-2025.toml"))  # type: ignore[arg-type]


# -- state diagrams --------------------------------------------------------------------------


def edges(text: str) -> list[tuple[str, str, str]]:
    found = []
    for line in text.splitlines():
        m = re.fullmatch(r"    (\S+) --> (\S+)(?: : (.+))?", line)
        if m:
            found.append((m[1], m[2], m[3] or ""))
    return found


@pytest.mark.parametrize("template", procedures(), ids=lambda p: p.key)
def test_state_diagram_of_every_template(template: Procedure) -> None:
    text = procedure_state_diagram(template)
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    assert lines[1].startswith(f"    %% {template.name} ({template.key}) - ")
    states = re.findall(r'^    state "([^"]+)" as (\w+)$', text, re.MULTILINE)
    path = [r for r in template.steps if not r.incidental]  # incidental events are not states
    assert [ident for _, ident in states] == [r.step.value.replace("-", "_") for r in path]
    for (label, _), r in zip(states, path, strict=True):
        assert label.startswith(str(r.step))
        assert ("(optional)" in label) is (not r.required and not r.typical)
        assert ("(usual, not required)" in label) is (not r.required and r.typical)
        assert not UNSAFE.search(label)
    found = edges(text)
    pairs = {(a, b) for a, b, _ in found}
    assert len(pairs) == len(found), "each transition once, its labels merged"
    ids = {r.step: r.step.value.replace("-", "_") for r in path}
    for r in path:
        for needed in r.requires:
            assert (ids[needed], ids[r.step]) in pairs
        for back in r.reopens:
            assert (ids[r.step], ids[back], "sends back") in found
    assert (ids[Step.INSTRUMENT_DEPOSITED], "[*]", "notice period, then effect") in found
    for step, why in ((Step.REVOCATION, "revoked"), (Step.PARLIAMENT_REJECTION, "abandoned")):
        if step in template:
            assert (ids[step], "[*]", why) in found
    # Every state can be reached from [*], and [*] can be reached from every state.
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for a, b, _ in found:
        forward.setdefault(a, set()).add(b)
        backward.setdefault(b, set()).add(a)
    for graph in (forward, backward):
        seen, todo = {"[*]"}, ["[*]"]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert seen == {"[*]", *ids.values()}


def test_state_diagram_of_latvia() -> None:
    found = edges(procedure_state_diagram("LV"))
    assert found[:8] == [
        ("[*]", "initiative", ""),
        ("[*]", "government_decision", ""),  # the initiative is optional
        ("[*]", "parliament_approval", ""),  # so is the Cabinet's bill: the law does not require it
        ("initiative", "government_decision", ""),
        ("initiative", "parliament_approval", ""),
        ("government_decision", "parliament_approval", ""),
        ("parliament_approval", "head_of_state_act", "from 7 days to 21 days, Satversme Art. 69"),
        ("head_of_state_act", "instrument_deposited", ""),
    ]
    assert (
        "parliament_approval",
        "law_returned",
        "before head-of-state-act, no later than 10 days, Satversme Art. 71",
    ) in found
    assert ("law_returned", "parliament_approval", "sends back") in found
    assert (
        "publication_suspended",
        "head_of_state_act",
        "no earlier than 2 months, Satversme Art. 72",
    ) in found
    assert ("[*]", "parliament_rejection", "before head-of-state-act") in found


def test_state_diagram_of_lithuania_goes_around_optional_steps() -> None:
    pairs = {(a, b) for a, b, _ in edges(procedure_state_diagram("LT"))}
    # initiative and government-decision are both optional: each can be skipped.
    assert {
        ("[*]", "initiative"),
        ("[*]", "government_decision"),
        ("[*]", "presidential_submission"),
        ("initiative", "presidential_submission"),
    } <= pairs
    # The deposit needs only the Seimas' approval (a hard prerequisite).
    assert ("parliament_approval", "instrument_deposited") in pairs


def test_state_diagram_takes_a_code() -> None:
    assert procedure_state_diagram("lva") == procedure_state_diagram("LV")
    with pytest.raises(UnknownPartyError):
        procedure_state_diagram("TV")


def test_state_diagram_sanitises_labels() -> None:
    odd = Actor(name='Ministry: "A" #1; 100% {x} <y>')
    template = Procedure(
        key="XX",
        name="Test: #1",
        summary="a; b",
        legal_basis=(),
        steps=(
            StepRule(step=Step.PARLIAMENT_APPROVAL, actor=odd),
            StepRule(step=Step.INSTRUMENT_DEPOSITED, actor=odd, requires=(Step.PARLIAMENT_APPROVAL,)),
        ),
    )
    text = procedure_state_diagram(template)
    for line in text.splitlines()[2:]:
        label = line.split('"')[1] if line.strip().startswith("state ") else line.partition(" : ")[2]
        assert not UNSAFE.search(label), line
    assert (
        "state \"parliament-approval — Ministry - 'A' No.1, 100 percent (x) ‹y›\" as parliament_approval"
        in text
    )
    assert not any(r.step in BRANCH_STEPS for r in template.steps)


# -- sanitising ------------------------------------------------------------------------------


@given(st.text())
def test_text_leaves_no_syntax(value: str) -> None:
    out = _text(value)
    assert not UNSAFE.search(out)
    assert out == out.strip() and "  " not in out


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_ident_is_an_identifier(parts: list[str]) -> None:
    assert ID.fullmatch(_ident(*parts))


@pytest.mark.parametrize("function", [timeline_gantt, timeline_diagram])
def test_bad_arguments(function: object) -> None:
    assert callable(function)
    with pytest.raises(InvalidArgumentError):
        function(42)
    with pytest.raises(NotAWithdrawalError):
        function(load_timeline(SEEDS / "ua-ottawa-2025.toml"))


def test_gantt_needs_a_withdrawal() -> None:
    with pytest.raises(InvalidArgumentError, match="no withdrawal"):
        timeline_gantt([])
