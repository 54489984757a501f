"""The register of real withdrawals: the library's largest oracle, and seeds by name."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import treatywithdraw as tw
from treatywithdraw.formats.timeline_files import seed_names

REGISTER = tw.withdrawals()


def test_the_register_holds_the_seeds_and_the_cases() -> None:
    origins = {r.origin.split(":")[0] for r in REGISTER}
    assert origins == {"seed", "case"}
    assert len(REGISTER) >= 60
    cases = sum(len(t.evidence.cases) for t in tw.treaties())
    assert (
        len([r for r in REGISTER if r.origin.startswith("case:")])
        + len([r for r in REGISTER if r.origin.startswith("seed:") and r.effective is not None])
        == cases
    )  # a case the seed records is merged into it, not counted twice


@pytest.mark.parametrize(
    "record",
    [r for r in REGISTER if r.effective is not None],
    ids=lambda r: f"{r.party}-{r.treaty.key}-{r.received}",
)
def test_every_recorded_effect_is_computed_from_its_receipt(record: tw.RealWithdrawal) -> None:
    assert record.computed == record.effective, record.note


def test_pending_lists_what_takes_effect_next_in_date_order() -> None:
    found = [(r.party, r.treaty.key, r.computed) for r in tw.pending("2026-01-01")]
    assert ("US", "paris", date(2026, 1, 27)) in found
    assert ("US", "who", date(2026, 1, 22)) in found
    assert ("HU", "rome-statute", date(2026, 6, 2)) in found
    days = [d for _, _, d in found]
    assert days == sorted(days) and all(d is not None and d >= date(2026, 1, 1) for d in days)


def test_the_command_line_lists_pending_withdrawals_and_exports_the_register(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "treatywithdraw"]
    text = subprocess.run(
        [*run, "pending", "--as-of", "2026-01-01"], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    lines = text.splitlines()
    us_who = next(i for i, line in enumerate(lines) if "US  WHO" in line)
    us_paris = next(i for i, line in enumerate(lines) if "US  Paris" in line)
    hungary = next(i for i, line in enumerate(lines) if "HU  Rome Statute" in line)
    assert us_who < us_paris < hungary
    out = subprocess.run(
        [*run, "withdrawals"], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(REGISTER) and rows[0].keys() >= {
        "party",
        "treaty",
        "received",
        "effective_computed",
    }
    data = json.loads(
        subprocess.run(
            [*run, "pending", "--as-of", "2026-01-01", "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert data[0]["status"] in ("notice-pending", "effective")


def test_a_seed_is_reachable_by_name_from_any_directory(tmp_path: Path) -> None:
    assert {"lv-ottawa-2025", "pl-ottawa-2025", "ua-ottawa-2025"} <= set(seed_names())
    w = tw.load_timeline("lv-ottawa-2025")
    assert isinstance(w, tw.Withdrawal) and w.effective_date == date(2025, 12, 27)
    out = subprocess.run(
        [sys.executable, "-m", "treatywithdraw", "timeline", "lv-ottawa-2025", "--as-of", "2026-01-01"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert "Status on 2026-01-01: effective" in out
    with pytest.raises(tw.TimelineFileError, match="no such file"):
        tw.load_timeline("xx-nothing-2025")
