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


def test_the_register_holds_the_seeds_the_cases_and_the_records() -> None:
    origins = {r.origin.split(":")[0] for r in REGISTER}
    assert origins <= {"seed", "case", "record"} and {"seed", "case"} <= origins
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
    if record.disagreement:  # the record says why not: then it must still be a disagreement
        assert record.received is not None and record.computed != record.effective, record.disagreement
    else:
        assert record.received is None or record.computed == record.effective, record.note


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


# -- the register file ------------------------------------------------------------------------

from treatywithdraw.register import load_register, register_file  # noqa: E402

_RECORD = """
[[withdrawal]]
party = "{party}"
treaty = "{treaty}"
{dates}
source = "https://example.org/source"
source_title = "An example source (official)"
read_on = "2026-11-30"
confidence = "{confidence}"
note = "What the source says."
{extra}
"""


def _write(tmp_path: Path, *records: dict[str, str]) -> Path:
    path = tmp_path / "register.toml"
    defaults = {"party": "LT", "treaty": "ccm", "confidence": "official", "extra": ""}
    path.write_text("".join(_RECORD.format(**(defaults | r)) for r in records), encoding="utf-8")
    return path


def test_the_package_register_file_loads_and_every_record_is_in_the_register() -> None:
    records = load_register()
    assert records == load_register(register_file())
    for r in records:
        assert r.origin.startswith("record:") and r.source.startswith("http")
        assert r.received is not None or r.effective is not None
        assert r.confidence in ("official", "secondary", "aggregator")
        key = (r.party, r.treaty.key, r.received, r.effective)
        assert key in {(x.party, x.treaty.key, x.received, x.effective) for x in REGISTER} or (
            # a seed or a case records the same withdrawal: the record is not counted twice
            any((x.party, x.treaty.key, x.received) == key[:3] for x in REGISTER if not x.origin.startswith("record:"))
        )


def test_a_record_with_one_date_is_computed_from_its_receipt_or_dated_by_its_effect(tmp_path: Path) -> None:
    received, stated = load_register(
        _write(tmp_path, {"dates": 'received = "2024-09-06"'}, {"dates": 'effective = "2025-03-06"'})
    )
    assert received.computed == date(2025, 3, 6) and received.effective is None
    assert received.status("2025-03-05") == "notice-pending" and received.status("2025-03-06") == "effective"
    assert stated.computed is None and stated.received is None
    assert stated.status("2025-03-05") == "notice-pending" and stated.status("2025-03-06") == "effective"
    assert stated.to_record()["effective_recorded"] == "2025-03-06"


def test_a_disagreement_is_kept_with_its_reason(tmp_path: Path) -> None:
    (r,) = load_register(
        _write(
            tmp_path,
            {
                "party": "VE",
                "treaty": "oas-charter",
                "dates": 'received = "2017-04-28"\neffective = "2019-04-27"',
                "extra": 'disagreement = "The press counts from the letter of 27 April."',
            },
        )
    )
    assert r.computed == date(2019, 4, 28) != r.effective
    assert r.to_record()["disagreement"].startswith("The press counts")


def test_every_problem_of_a_register_file_is_reported_at_once(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"dates": "", "confidence": "rumour"},
        {"treaty": "no-such-treaty", "dates": 'received = "2024-09-06"'},
        {"dates": 'effective = "2025-03-06"', "extra": 'disagreement = "x"\ncolour = "red"'},
    )
    with pytest.raises(tw.CatalogueError) as raised:
        load_register(path)
    paths = {p.path for p in raised.value.problems}
    assert {
        "withdrawal[0].confidence",
        "withdrawal[1].treaty",
        "withdrawal[2].disagreement",
    } <= paths, paths
    with pytest.raises(tw.CatalogueError, match="not valid TOML"):
        load_register(tmp_path.joinpath("bad.toml").write_text("[[withdrawal]\n") and tmp_path / "bad.toml")
    with pytest.raises(tw.CatalogueError, match="no such file"):
        load_register(tmp_path / "missing.toml")


def test_a_record_with_no_date_is_refused(tmp_path: Path) -> None:
    with pytest.raises(tw.CatalogueError, match=r"withdrawal\[0\]\.received: a record needs a receipt"):
        load_register(_write(tmp_path, {"dates": ""}))


def test_every_problem_of_one_record_is_reported_too(tmp_path: Path) -> None:
    path = tmp_path / "register.toml"
    path.write_text(
        '[[withdrawal]]\nparty = "LV"\ntreaty = "ottawa"\nreceived = "2025-02-30"\nsource = "x"\n'
        'source_title = "t"\nread_on = "2026-11-30"\nconfidence = "official"\nnote = "n"\n',
        encoding="utf-8",
    )
    with pytest.raises(tw.CatalogueError) as raised:
        load_register(path)
    assert {p.path for p in raised.value.problems} == {"withdrawal[0].received", "withdrawal[0].source"}
