"""Notebook display: ``Withdrawal._repr_html_`` is a compact, escaped HTML table."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from treatywithdraw.formats import load_timeline
from treatywithdraw.procedures import Actor, Procedure, Step, StepRule
from treatywithdraw.timeline import Withdrawal

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class _Cells(HTMLParser):
    """The table's rows, as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self.rows[-1].append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"}:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.rows[-1][-1] += data


def cells(markup: str) -> list[list[str]]:
    parser = _Cells()
    parser.feed(markup)
    return parser.rows


def seed(code: str) -> Withdrawal:
    w = load_timeline(SEEDS / f"{code}-ottawa-2025.toml")
    assert isinstance(w, Withdrawal)
    return w


def test_the_latvian_seed() -> None:
    markup = seed("lv")._repr_html_()
    assert markup.startswith('<table class="treatywithdraw-withdrawal">') and markup.endswith("</table>")
    assert cells(markup) == [
        ["party", "LV"],
        ["treaty", "Ottawa Convention (ottawa)"],
        ["procedure", "Latvia (LV)"],
        ["date", "step", "actor"],
        ["2025-03-18", "initiative", "Minister of Defence (Aizsardzības ministrs)"],
        ["2025-03-25", "government-decision", "Cabinet of Ministers (Ministru kabinets)"],
        ["2025-04-16", "parliament-approval", "Saeima (Saeima)"],
        ["2025-04-24", "head-of-state-act", "President (Valsts prezidents)"],
        ["2025-06-27", "instrument-deposited", "Ministry of Foreign Affairs (Ārlietu ministrija)"],
        ["effective date", "2025-12-27 (Art. 20(2)-(3))"],
    ]


def test_undated_steps() -> None:
    rows = cells(seed("pl")._repr_html_())
    assert ["undated", "senate-approval", "Senate (Senat)"] in rows
    assert rows[-1] == ["effective date", "2026-02-20 (Art. 20(2)-(3))"]


@pytest.mark.parametrize(
    ("w", "last"),
    [
        (
            Withdrawal.start(party="TV", treaty="ottawa"),
            "not yet: the depositary has not received the instrument",
        ),
        (
            Withdrawal.start(party="TV", treaty="ottawa")
            .record("instrument-deposited", "2025-06-27")
            .record("revocation", "2025-09-01"),
            "revoked",
        ),
        (
            Withdrawal.start(party="TV", treaty="ottawa").record("parliament-rejection", "2025-05-01"),
            "abandoned",
        ),
    ],
)
def test_the_last_row(w: Withdrawal, last: str) -> None:
    assert cells(w._repr_html_())[-1][1] == last


def test_a_pending_effect() -> None:
    w = Withdrawal.start(party="TV", treaty="ottawa", armed_conflicts=[("2025-01-01", None)])
    row = cells(w.record("instrument-deposited", "2025-06-27")._repr_html_())[-1]
    assert row[0] == "effective date" and row[1].startswith("pending: ")


def test_an_effect_that_cannot_be_computed_does_not_raise() -> None:
    # 31 Aug + 6 months has no such day: no rounding chosen, so no date (and no crash).
    w = Withdrawal.start(party="TV", treaty="ottawa").record("instrument-deposited", "2025-08-31")
    row = cells(w._repr_html_())[-1]
    assert row[0] == "effective date"
    assert row[1].startswith("cannot be computed: ") and 'rounding="backward"' in row[1]


def test_text_is_escaped() -> None:
    odd = Actor(name="<script>alert('x')</script> & Co")
    template = Procedure(
        key="XX",
        name="<b>Test</b>",
        summary="",
        legal_basis=(),
        steps=(StepRule(step=Step.INSTRUMENT_DEPOSITED, actor=odd),),
    )
    w = Withdrawal.start(party="TV", treaty="ottawa", procedure=template).record(
        "instrument-deposited", "2025-06-27"
    )
    markup = w._repr_html_()
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in markup
    assert ["2025-06-27", "instrument-deposited", "<script>alert('x')</script> & Co"] in cells(markup)
