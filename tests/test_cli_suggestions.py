"""A mistyped command gets the nearest command suggested (issue 14)."""

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
    ("typed", "meant"),
    [("efective", "effective"), ("Timelin", "timeline"), ("shwo", "show"), ("pln", "plan")],
)
def test_a_mistyped_command_is_suggested(typed: str, meant: str) -> None:
    code, out, err = _run(typed, "ottawa")
    assert (code, out) == (2, "")
    assert (
        f"invalid choice: '{typed}'" in err and f"did you mean '{meant}'? see 'treatywithdraw --help'" in err
    )


def test_nothing_close_gets_no_suggestion() -> None:
    code, _, err = _run("zzz")
    assert code == 2 and "did you mean" not in err and err.endswith(": see 'treatywithdraw --help'\n")


def test_the_suggestion_under_json() -> None:
    code, _, err = _run("--json", "efective", "ottawa", "2025-06-27")
    record = json.loads(err)
    assert (code, record["error"]) == (2, "UsageError") and "did you mean 'effective'?" in record["message"]
