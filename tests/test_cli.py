"""The command line: answers, exit codes, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from treatywithdraw.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_effective(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "effective", "ottawa", "2025-06-27") == (0, "2025-12-27\n", "")


def test_effective_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "effective", "ottawa", "2025-06-27", "--json")
    assert code == 0
    assert json.loads(out)["effective_date"] == "2025-12-27"


def test_effective_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "effective", "icsid", "2007-05-02", "--explain")
    assert code == 0
    assert "Art. 71" in out and "2007-11-03" in out


def test_ambiguous_exits_1_naming_both_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "effective", "ottawa", "2025-08-31")
    assert code == 1
    assert out == ""
    assert "2026-02-28" in err and "2026-03-01" in err
    assert err.count("\n") == 1


def test_pending_and_no_clause_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "effective", "who", "2025-01-22")[0] == 1
    assert run(capsys, "effective", "who", "2025-01-22", "--party", "US")[1] == "2026-01-22\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["effective", "nonsense", "2025-06-27"],
        ["effective", "ottawa", "2025-02-30"],
        ["effective", "ottawa", "27.06.2025"],
        ["effective", "who", "2025-01-22", "--party", "USA"],
        ["timeline", "no/such/file.toml"],
        ["plan", "ottawa", "--effective-by", "soon"],
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("treatywithdraw: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "effective", "ottawa")[0] == 2
    assert run(capsys)[0] == 2


def test_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "plan", "ottawa", "--effective-by", "2026-01-01") == (0, "2025-07-01\n", "")


def test_treaties_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "treaties", "--json")
    assert code == 0
    assert len(json.loads(out)) >= 35
    code, out, _ = run(capsys, "show", "mine-ban")
    assert code == 0
    assert "Art. 20" in out


def test_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(ROOT / "seeds" / "lv-ottawa-2025.toml")
    code, out, _ = run(capsys, "timeline", seed, "--as-of", "2025-07-01")
    assert code == 0
    assert "notice-pending" in out and "2025-12-27" in out
    code, out, _ = run(capsys, "timeline", seed, "--format", "json", "--as-of", "2025-07-01")
    assert code == 0
    shown = json.loads(out)  # the view, as --json: not an echo of the file
    assert (shown["party"], shown["status"], shown["effect"]["effective_date"]) == (
        "LV",
        "notice-pending",
        "2025-12-27",
    )
    assert shown == json.loads(run(capsys, "timeline", seed, "--json", "--as-of", "2025-07-01")[1])
    code, out, _ = run(capsys, "timeline", seed, "--format", "timeline-json")
    assert code == 0
    record = json.loads(out)  # the file itself, which loads back
    assert record["schema"] == "treatywithdraw.timeline/1" and "status" not in record


def test_ukraine_timeline_has_no_effective_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", str(ROOT / "seeds" / "ua-ottawa-2025.toml"))
    assert code == 1
    assert "Art. 62" in out


def test_example_as_a_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "treatywithdraw", "example"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "2025-12-27" in done.stdout
    assert "Art. 20" in done.stdout


def test_timeline_ics_parses_back(capsys: pytest.CaptureFixture[str]) -> None:
    icalendar = pytest.importorskip("icalendar")
    code, out, _ = run(capsys, "timeline", str(ROOT / "seeds" / "lv-ottawa-2025.toml"), "--format", "ics")
    assert code == 0
    calendar = icalendar.Calendar.from_ical(out)
    days = {event.decoded("dtstart").isoformat() for event in calendar.walk("VEVENT")}
    assert "2025-12-27" in days
    assert "2025-06-27" in days


def test_timeline_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", str(ROOT / "seeds" / "lv-ottawa-2025.toml"), "--format", "mermaid")
    assert code == 0
    assert out.startswith("gantt\n")
    assert "2025-12-27" in out


@pytest.mark.parametrize("command", ["effective", "plan", "treaties", "show", "timeline", "example"])
def test_every_subcommand_has_help_with_an_example(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "example" in out
    assert "treatywithdraw" in out


def test_the_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    import treatywithdraw as tw

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"treatywithdraw {tw.__version__}\n"
