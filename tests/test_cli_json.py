"""``--json`` all the way (issue 14): the explanation as data, and errors as JSON on stderr.

Under ``--json`` standard error carries JSON objects, one per line, so a program reading
the answer never has to parse English; without it, errors stay one plain line.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from treatywithdraw.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_with_explain_holds_the_date_and_the_derivation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "effective", "ottawa", "2025-06-27", "--json", "--explain")
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["effective_date"] == "2025-12-27"
    steps = record["explanation"]
    assert steps[0].startswith("Ottawa Convention (ottawa), Art. 20(2)-(3)")
    assert any(step.startswith("2. Expiry: 2025-06-27 + 6 months = 2025-12-27") for step in steps)
    assert "explanation" not in json.loads(run(capsys, "effective", "ottawa", "2025-06-27", "--json")[1])


def test_a_bad_date_under_json_is_json_on_stderr_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "effective", "ottawa", "2025-02-30", "--json")
    assert (code, out) == (2, "")
    (line,) = err.splitlines()
    assert json.loads(line) == {
        "schema_version": 1,
        "error": "InvalidDateError",
        "field": "RECEIVED",
        "value": "2025-02-30",
        "fixes": [],
        "message": "RECEIVED '2025-02-30' is not a valid day (day is out of range for month): "
        "give an ISO date YYYY-MM-DD that exists",
    }


def test_the_same_error_without_json_stays_one_plain_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "effective", "ottawa", "2025-02-30")
    assert code == 2
    assert err == (
        "treatywithdraw: RECEIVED '2025-02-30' is not a valid day (day is out of range for month): "
        "give an ISO date YYYY-MM-DD that exists\n"
    )


def test_no_single_answer_under_json_carries_its_fixes_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "effective", "ottawa", "2025-08-31", "--json")
    assert (code, out) == (1, "")
    record = json.loads(err)
    assert record["error"] == "AmbiguousDateError"
    assert record["field"] == "rounding" and record["value"] is None
    assert record["fixes"] == ["--rounding backward (2026-02-28)", "--rounding forward (2026-03-01)"]


def test_an_unknown_treaty_under_json_names_the_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "effective", "ottawaa", "2025-06-27", "--json")
    assert code == 2
    record = json.loads(err)
    assert record["error"] == "UnknownTreatyError" and "ottawa" in record["message"]


def test_usage_errors_under_json_are_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "effectiv", "ottawa", "--json")
    assert code == 2
    record = json.loads(err)
    assert record["error"] == "UsageError" and "'effective'" in record["message"]
    code, _, err = run(capsys, "--json")
    assert code == 2 and json.loads(err)["error"] == "UsageError"


def test_values_json_cannot_carry_are_shown_as_text() -> None:
    from datetime import date

    from treatywithdraw.cli import _json_value

    assert _json_value(date(2025, 6, 27)) == "2025-06-27"
    assert _json_value(6) == 6 and _json_value("P6M") == "P6M" and _json_value(True) is True
    assert _json_value(10**20) == "100000000000000000000"
    assert _json_value(object()).startswith("<object object at")


def test_json_errors_are_ascii_whatever_the_terminal() -> None:
    env = {"PYTHONIOENCODING": "ascii", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "treatywithdraw", "effective", "ottawa", "2025-02-3\u00e9", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert json.loads(done.stderr)["value"] == "2025-02-3\u00e9"
