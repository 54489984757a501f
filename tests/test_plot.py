"""The chart: one row per withdrawal, effective dates annotated, PNG and SVG files, errors."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import treatywithdraw as tw
from treatywithdraw.errors import InvalidArgumentError, MissingExtraError, NotAWithdrawalError
from treatywithdraw.plot import plot_timelines
from treatywithdraw.timeline import Suspension, Withdrawal

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OTTAWA_2025 = {  # party: effective date, as the states announced them
    "lv": "2025-12-27",
    "lt": "2025-12-27",
    "ee": "2025-12-27",
    "fi": "2026-01-10",
    "pl": "2026-02-20",
}


@pytest.fixture
def mpl() -> ModuleType:
    return pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def seeds() -> list[Withdrawal]:
    out = []
    for party in OTTAWA_2025:
        w = tw.load_timeline(SEEDS / f"{party}-ottawa-2025.toml")
        assert isinstance(w, Withdrawal)
        out.append(w)
    return out


def _texts(fig: object) -> list[str]:
    ax = fig.axes[0]  # type: ignore[attr-defined]
    return [t.get_text() for t in ax.texts]


def test_one_row_per_withdrawal(mpl: ModuleType, seeds: list[Withdrawal]) -> None:
    fig = plot_timelines(seeds)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [f"{p.upper()} · Ottawa Convention" for p in OTTAWA_2025]
    assert list(ax.get_yticks()) == list(range(len(seeds)))


def test_effective_dates_are_annotated(mpl: ModuleType, seeds: list[Withdrawal]) -> None:
    texts = _texts(plot_timelines(seeds))
    for effective in OTTAWA_2025.values():
        assert effective in texts
    assert texts.count("2025-12-27") == 3  # the Baltic states: one star each


def test_receipt_and_undated_steps_are_written(mpl: ModuleType, seeds: list[Withdrawal]) -> None:
    texts = _texts(plot_timelines(seeds))
    assert "received 2025-08-20 · 6 months" in texts  # Poland, from the Government statement
    assert "undated: government-decision, senate-approval, head-of-state-act" in texts


def test_default_title_names_the_treaty(mpl: ModuleType, seeds: list[Withdrawal]) -> None:
    assert plot_timelines(seeds).axes[0].get_title(loc="left") == "Withdrawals from the Ottawa Convention"
    assert plot_timelines(seeds, title="Ottawa").axes[0].get_title(loc="left") == "Ottawa"


def test_as_of_line_and_legend(mpl: ModuleType, seeds: list[Withdrawal]) -> None:
    fig = plot_timelines(seeds, as_of="2026-01-01")
    (legend,) = fig.legends
    entries = [t.get_text() for t in legend.get_texts()]
    assert "as of 2026-01-01" in entries
    assert {"initiative", "parliament approval", "effective date"} <= set(entries)
    assert "senate approval" not in entries  # Poland's Senate vote is undated: not on the axis


def test_png_is_written(mpl: ModuleType, seeds: list[Withdrawal], tmp_path: Path) -> None:
    path = tmp_path / "ottawa.png"
    fig = plot_timelines(seeds, path)
    assert fig is not None
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_svg_is_written_and_parses(mpl: ModuleType, seeds: list[Withdrawal], tmp_path: Path) -> None:
    path = tmp_path / "ottawa.SVG"  # the suffix is read case-insensitively
    plot_timelines(seeds, str(path))
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_svg_is_reproducible(mpl: ModuleType, seeds: list[Withdrawal], tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    plot_timelines(seeds, first, as_of="2025-12-27")
    plot_timelines(seeds, second, as_of="2025-12-27")
    assert first.read_bytes() == second.read_bytes()
    assert b"<dc:date>" not in first.read_bytes()


@pytest.mark.parametrize("name", ["chart.pdf", "chart", "chart.svg.txt"])
def test_bad_suffix_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(InvalidArgumentError, match=r"\.png or \.svg") as info:
        plot_timelines([], path)  # checked first: no matplotlib needed, nothing drawn
    assert name in str(info.value)
    assert info.value.field == "path"
    assert not path.exists()


def test_nothing_to_draw(mpl: ModuleType) -> None:
    with pytest.raises(InvalidArgumentError, match="at least one Withdrawal"):
        plot_timelines([])


def test_a_suspension_is_refused(mpl: ModuleType) -> None:
    ua = tw.load_timeline(SEEDS / "ua-ottawa-2025.toml")
    assert isinstance(ua, Suspension)
    # The same error as the iCalendar and Mermaid exports give.
    with pytest.raises(NotAWithdrawalError, match="no notice period and no effective date"):
        plot_timelines([ua])  # type: ignore[list-item]


def test_in_progress_withdrawals(mpl: ModuleType) -> None:
    projected = (
        Withdrawal.start(party="LV", treaty="ottawa")
        .record("initiative", "2025-03-18")
        .record("government-decision", "2025-03-25")
    )
    pending = (
        Withdrawal.start(party="EE", treaty="ottawa", armed_conflicts=[("2025-10-01", None)])
        .record("parliament-approval", "2025-06-04")
        .record("head-of-state-act", "2025-06-13")
        .record("instrument-deposited", "2025-06-27")
    )
    revoked = pending.record("revocation", "2025-09-01")
    texts = _texts(plot_timelines([projected, pending, revoked]))
    assert f"≈ {projected.project().effective_date}" in texts
    assert "effect pending" in texts
    assert "revoked" in texts


def test_missing_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    w = Withdrawal.start(party="LV", treaty="ottawa")
    with pytest.raises(MissingExtraError, match=r"pip install 'treatywithdraw\[plot\]'") as info:
        plot_timelines([w])
    assert isinstance(info.value, ImportError)
    assert info.value.name == "matplotlib"
