"""The depositary's calendar: weekdays named, closed days flagged, never a date moved (issue 14)."""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import subprocess
import sys
from typing import Any

import pytest

import treatywithdraw as tw
from treatywithdraw.calendars import closed, government_calendar, weekday
from treatywithdraw.cli import main


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_weekday_names() -> None:
    assert [weekday(f"2025-06-{d}") for d in (23, 27, 28, 29)] == ["Monday", "Friday", "Saturday", "Sunday"]


def test_weekends_are_flagged_for_every_depositary() -> None:
    assert closed("ottawa", "2025-06-28") == "Saturday"
    assert closed("ap-ii", "2025-06-29") == "Sunday"
    assert closed("ottawa", "2025-06-27") is None


def test_un_closures_are_not_modelled() -> None:
    # 4 July is an official holiday at UN Headquarters, but the UN's own calendar is not
    # in the library: no flag rather than a guess from the host state's holidays.
    assert government_calendar("ottawa") is None
    assert closed("ottawa", "2025-07-04") is None


def test_a_government_depositary_has_its_host_states_calendar() -> None:
    assert government_calendar("ap-ii") == ("CH", "BE")


def test_public_holidays_of_a_government_depositary() -> None:
    pytest.importorskip("holidays")
    # Swiss Federal Council (Additional Protocol II): 1 August is the Swiss National Day.
    assert closed("ap-ii", "2025-08-01") == "public holiday in CH: National Day"
    assert closed("ap-ii", "2025-08-04") is None


def test_without_the_holidays_package_only_weekends(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_holidays(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "holidays":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_holidays)
    assert closed("ap-ii", "2025-08-01") is None
    assert closed("ap-ii", "2025-08-02") == "Saturday"


def test_the_package_does_not_import_holidays() -> None:
    code = "import sys, treatywithdraw as tw; tw.effective_date('ap-ii', '2025-08-01'); print('holidays' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        == "False\n"
    )


def test_json_names_the_weekdays_and_flags_a_closed_receipt_day() -> None:
    code, out, err = _run(["effective", "ottawa", "2025-06-28", "--json"])
    record = json.loads(out)
    assert (code, err) == (0, "")
    assert record["received_weekday"] == "Saturday"
    assert record["depositary_closed_on_receipt"] == "Saturday"
    assert (record["effective_date"], record["effective_weekday"]) == ("2025-12-28", "Sunday")  # never moved


def test_text_mode_notes_a_closed_receipt_day_on_stderr_and_keeps_the_date() -> None:
    code, out, err = _run(["effective", "ottawa", "2025-06-28"])
    assert (code, out) == (0, "2025-12-28\n")
    assert err.startswith(
        "treatywithdraw: note: the receipt day, 2025-06-28, is a day the depositary's office"
    )
    assert "(Saturday)" in err and "not moved" in err
    assert _run(["effective", "ottawa", "2025-06-27"])[2] == ""


def test_plan_flags_a_last_receipt_day_on_a_weekend() -> None:
    # 2026-01-03 is a Saturday: receipt six months earlier, 2025-07-03, is a Thursday.
    code, out, err = _run(["plan", "ottawa", "--effective-by", "2026-01-05"])
    assert (code, out) == (0, "2025-07-05\n")
    assert "2025-07-05" in err and "(Saturday)" in err and "earlier working day" in err
    record = json.loads(_run(["plan", "ottawa", "--effective-by", "2026-01-05", "--json"])[1])
    assert (record["latest_receipt_weekday"], record["depositary_closed"]) == ("Saturday", "Saturday")
    assert tw.latest_receipt_date("ottawa", "2026-01-05").isoformat() == "2025-07-05"  # the answer stands


def test_the_timeline_view_names_the_weekdays() -> None:
    code, out, _ = _run(["timeline", "lv-ottawa-2025", "--json", "--as-of", "2025-07-01"])
    assert code == 0
    effect = json.loads(out)["effect"]
    assert (effect["received_weekday"], effect["effective_weekday"]) == ("Friday", "Saturday")
    assert effect["depositary_closed_on_receipt"] is None
