"""pandas ``Timestamp`` and NumPy ``datetime64`` as dates (issue 14), without importing either in the core.

Both libraries write a calendar day as a zone-less midnight; that is the day. A zone-less
time of day is refused as a naive ``datetime`` is, and a missing value (NaT) is refused.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import treatywithdraw as tw
from treatywithdraw.timeline import Withdrawal

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


@pytest.mark.parametrize(
    "value",
    [
        pd.Timestamp("2025-06-27"),
        pd.to_datetime("2025-06-27"),
        np.datetime64("2025-06-27"),
        np.datetime64("2025-06-27T00:00:00"),
        np.datetime64("2025-06-27T00:00:00.000000000"),
    ],
    ids=repr,
)
def test_a_midnight_without_a_zone_is_that_day(value: object) -> None:
    assert tw.effective_date("ottawa", value) == date(2025, 12, 27)  # type: ignore[arg-type]


def test_an_aware_timestamp_is_read_in_the_depositarys_zone() -> None:
    # 02:00 UTC on 28 June is still 27 June in New York, where the UN receives it.
    assert tw.effective_date("ottawa", pd.Timestamp("2025-06-28 02:00", tz="UTC")) == date(2025, 12, 27)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (pd.NaT, "NaT"),
        (np.datetime64("NaT"), "NaT"),
        (pd.Timestamp("2025-06-27 10:00"), "tz_localize"),
        (pd.Timestamp("2025-06-27 00:00:00.000000001"), "time of day"),
        (np.datetime64("2025-06-27T10:00"), "astype('datetime64[D]')"),
        (np.datetime64("2025-06"), "not one day"),
        (np.datetime64("10000-01-01"), "years 1-9999"),
    ],
    ids=repr,
)
def test_what_names_no_one_day_is_one_clear_error(value: object, words: str) -> None:
    with pytest.raises(tw.InvalidDateError) as info:
        tw.effective_date("ottawa", value)  # type: ignore[arg-type]
    assert words in str(info.value)
    assert info.value.field == "received"


def test_a_withdrawal_records_a_timestamp_as_its_day() -> None:
    w = Withdrawal.start(party="FR", treaty="ottawa", procedure="generic")
    w = w.record("instrument-deposited", pd.Timestamp("2025-06-27"))
    assert w.deposit is not None and w.deposit.on == date(2025, 6, 27)
    assert w.effective_date == date(2025, 12, 27)


def test_the_core_imports_neither_library() -> None:
    code = "import sys, treatywithdraw as tw; tw.effective_date('ottawa', '2025-06-27'); print('pandas' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_other_pandas_and_numpy_objects_are_refused_with_the_usual_error() -> None:
    for value in (pd.Series(["2025-06-27"]), np.int64(20250627)):
        with pytest.raises(tw.InvalidDateError, match="must be a date, an ISO 'YYYY-MM-DD' string"):
            tw.effective_date("ottawa", value)  # type: ignore[arg-type]
