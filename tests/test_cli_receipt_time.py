"""RECEIVED with a time and zone on the command line, dated in the depositary's zone (issue 14)."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from treatywithdraw.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        ("2025-06-27T23:30+02:00", "2025-06-27"),  # 17:30 in New York
        ("2025-06-28T02:30Z", "2025-06-27"),  # still the 27th in New York
        ("2025-06-28T04:30:00+00:00", "2025-06-28"),  # 00:30 on the 28th in New York
        ("2025-06-27t10:00Z", "2025-06-27"),
    ],
)
def test_an_instant_is_dated_in_the_depositarys_zone(instant: str, day: str) -> None:
    code, out, _ = _run("effective", "ottawa", instant, "--json")
    record = json.loads(out)
    assert (code, record["received"]) == (0, day)


def test_the_day_decides_the_effective_date() -> None:
    # Six months from the New York day: the 27th gives 2025-12-27, the 28th 2025-12-28.
    assert _run("effective", "ottawa", "2025-06-28T02:30Z")[1] == "2025-12-27\n"
    assert _run("effective", "ottawa", "2025-06-28T04:30Z")[1] == "2025-12-28\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-06-27T23:30", "has a time but no zone, so its day is unknown: add the offset"),
        ("2025-06-27Tnope", "is not an ISO date-time: write YYYY-MM-DDTHH:MM with its zone"),
    ],
)
def test_an_instant_without_a_zone_or_malformed_is_refused(text: str, message: str) -> None:
    code, out, err = _run("effective", "ottawa", text)
    assert (code, out) == (2, "")
    assert err.startswith(f"treatywithdraw: RECEIVED '{text}' ") and message in err


def test_under_json_the_error_names_the_argument() -> None:
    code, _, err = _run("effective", "ottawa", "2025-06-27T23:30", "--json")
    record = json.loads(err)
    assert (code, record["error"], record["field"], record["value"]) == (
        2,
        "InvalidDateError",
        "RECEIVED",
        "2025-06-27T23:30",
    )
