"""Effect.derivation(): the derivation of explain() as data, one step a line (issue 14)."""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

import pytest

import treatywithdraw as tw
from treatywithdraw.cli import main
from treatywithdraw.effects import DerivationStep

CASES: list[tuple[str, str, dict[str, Any], list[tuple[str, str | None]]]] = [
    (
        "ottawa",
        "2025-06-27",
        {},
        [
            ("treaty", None),
            ("receipt", "2025-06-27"),
            ("expiry", "2025-12-27"),
            ("convention", "2025-12-27"),
            ("evidence", None),
            ("effective-date", "2025-12-27"),
            ("clause", None),
        ],
    ),
    (
        "paris",
        "2019-11-04",
        {"party_since": "2016-11-04"},
        [
            ("treaty", None),
            ("receipt", "2019-11-04"),
            ("notice-allowed", "2019-11-04"),
            ("expiry", "2020-11-04"),
            ("convention", "2020-11-04"),
            ("evidence", None),
            ("effective-date", "2020-11-04"),
            ("clause", None),
        ],
    ),
    (
        "teu",
        "2017-03-29",
        {"extended_to": "2020-01-31", "agreement_in_force": "2020-02-01"},
        [
            ("treaty", None),
            ("receipt", "2017-03-29"),
            ("expiry", "2019-03-29"),
            ("convention", "2019-03-30"),
            ("evidence", None),
            ("moved", "2020-02-01"),
            ("effective-date", "2020-02-01"),
            ("clause", None),
        ],
    ),
    (
        "genocide",
        "2024-01-01",
        {},
        [
            ("treaty", None),
            ("receipt", "2024-01-01"),
            ("fixed-periods", "2026-01-12"),
            ("convention", "2026-01-12"),
            ("evidence", None),
            ("effective-date", "2026-01-12"),
            ("clause", None),
        ],
    ),
    (
        "single-convention",
        "2025-03-01",
        {},
        [
            ("treaty", None),
            ("receipt", "2025-03-01"),
            ("fixed-date", "2026-01-01"),
            ("evidence", None),
            ("effective-date", "2026-01-01"),
            ("clause", None),
        ],
    ),
    (
        "ottawa",
        "2025-06-27",
        {"armed_conflicts": (("2022-02-24", None),)},
        [
            ("treaty", None),
            ("receipt", "2025-06-27"),
            ("expiry", "2025-12-27"),
            ("convention", "2025-12-27"),
            ("evidence", None),
            ("effective-date", None),  # pending: no date yet
            ("clause", None),
        ],
    ),
]


@pytest.mark.parametrize(("key", "received", "options", "expected"), CASES)
def test_the_steps_and_their_dates(
    key: str, received: str, options: dict[str, Any], expected: list[Any]
) -> None:
    e = tw.effect(key, received, **options)
    steps = e.derivation()
    assert [(s.kind, s.date.isoformat() if s.date else None) for s in steps] == expected
    # The same lines as explain(), numbered as it numbers them.
    assert "\n".join(s.line for s in steps) == e.explain()
    numbered = [s.number for s in steps if s.number is not None]
    assert numbered == list(range(1, len(numbered) + 1))


def test_each_step_cites_its_provision() -> None:
    steps = {s.kind: s for s in tw.effect("who", "2025-03-17", apply_vclt56=True).derivation()}
    assert steps["receipt"].article == "VCLT Art. 78(b)"
    assert steps["vclt56"].article == "VCLT Art. 56(2)"
    assert steps["evidence"].article is None
    terms = {s.kind: s for s in tw.effect("who", "2025-01-22", party="US").derivation()}
    assert terms["party-terms"].date is None and "22 U.S.C. 290c" in terms["party-terms"].text


def test_a_note_is_a_step() -> None:
    # Minimum participation cannot be checked without party_since: a note says so.
    e = tw.effect("paris", "2019-11-04")
    assert e.notes
    assert [s.text for s in e.derivation() if s.kind == "note"] == list(e.notes)


def test_to_record() -> None:
    step = DerivationStep(2, "expiry", "Expiry: 2025-06-27 + 6 months = 2025-12-27.")
    assert step.to_record() == {
        "step": 2,
        "kind": "expiry",
        "date": None,
        "article": None,
        "text": "Expiry: 2025-06-27 + 6 months = 2025-12-27.",
    }
    heading = tw.effect("ottawa", "2025-06-27").derivation()[0]
    assert heading.line == heading.text and heading.to_record()["step"] is None


def test_effective_json_explain_carries_the_steps() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["effective", "ottawa", "2025-06-27", "--json", "--explain"]) == 0
    record = json.loads(out.getvalue())
    assert record["effective_date"] == "2025-12-27"
    assert [s["kind"] for s in record["derivation"]][:4] == ["treaty", "receipt", "expiry", "convention"]
    assert record["derivation"][2] == {
        "step": 2,
        "kind": "expiry",
        "date": "2025-12-27",
        "article": "Art. 20(2)-(3)",
        "text": "Expiry: 2025-06-27 + 6 months = 2025-12-27.",
    }
    assert record["explanation"] == [
        s["text"] if s["step"] is None else f"{s['step']}. {s['text']}" for s in record["derivation"]
    ]
