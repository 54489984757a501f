"""Calendar arithmetic: golden vectors and the edge cases named in DESIGN.md."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from treatywithdraw import (
    AmbiguousDateError,
    InvalidArgumentError,
    InvalidDateError,
    Period,
    Rounding,
    add_period,
)

VECTORS = Path(__file__).parent / "vectors" / "month_ends.csv"


def _vectors() -> list[tuple[date, Period, date, date, str]]:
    rows = []
    with VECTORS.open(encoding="utf-8") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            start, period, backward, forward, note = row
            rows.append(
                (
                    date.fromisoformat(start),
                    Period.parse(period),
                    date.fromisoformat(backward),
                    date.fromisoformat(forward),
                    note,
                )
            )
    return rows


VECTOR_ROWS = _vectors()


def test_vectors_file_has_the_named_cases() -> None:
    notes = " ".join(row[4] for row in VECTOR_ROWS)
    assert len(VECTOR_ROWS) >= 20
    for needed in ("31 Jan + 1 month", "29 Feb + 1 year", "Ottawa month-end", "30 Nov + 3 months"):
        assert needed in notes


@pytest.mark.parametrize(("start", "period", "backward", "forward", "note"), VECTOR_ROWS)
def test_golden_vector(start: date, period: Period, backward: date, forward: date, note: str) -> None:
    assert add_period(start, period, Rounding.BACKWARD) == backward, note
    assert add_period(start, period, Rounding.FORWARD) == forward, note
    if backward == forward:
        assert add_period(start, period) == backward, note
    else:
        with pytest.raises(AmbiguousDateError) as info:
            add_period(start, period)
        assert info.value.candidates == (backward, forward)
        assert backward.isoformat() in str(info.value)
        assert forward.isoformat() in str(info.value)


def test_rounding_accepts_lower_case_names() -> None:
    assert add_period(date(2025, 8, 31), Period(months=6), "backward") == date(2026, 2, 28)
    assert add_period(date(2025, 8, 31), Period(months=6), "forward") == date(2026, 3, 1)


def test_unknown_rounding_is_refused_with_the_fix() -> None:
    with pytest.raises(InvalidArgumentError, match="'backward', 'forward'"):
        add_period(date(2025, 8, 31), Period(months=6), "sideways")
    with pytest.raises(InvalidArgumentError):
        Rounding.coerce("sideways")


def test_years_and_months_round_once() -> None:
    # 29 Feb 2024 + 1 year + 12 months: one rounding at 29 Feb 2026 (ambiguous), not
    # two roundings (28 Feb 2025, then 28 Feb 2026 exact).
    with pytest.raises(AmbiguousDateError):
        add_period(date(2024, 2, 29), Period(years=1, months=12))
    assert add_period(date(2024, 2, 29), Period(years=4, months=0)) == date(2028, 2, 29)


def test_out_of_range_is_an_invalid_date() -> None:
    with pytest.raises(InvalidDateError, match="outside years 1-9999"):
        add_period(date(9999, 12, 1), Period(months=1))
    with pytest.raises(InvalidDateError, match="outside years 1-9999"):
        add_period(date(9999, 12, 31), Period(days=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P6M", Period(months=6)),
        ("P1Y", Period(years=1)),
        ("P150D", Period(days=150)),
        ("P2W", Period(days=14)),
        ("p1y6m", Period(years=1, months=6)),
        ("-P1M", Period(months=-1)),
        ("P0D", Period()),
    ],
)
def test_period_parse(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize("text", ["", "P", "6M", "P6", "P1.5Y", "six months", "PT6H"])
def test_period_parse_refuses_garbage(text: str) -> None:
    with pytest.raises(InvalidArgumentError, match="ISO 8601"):
        Period.parse(text)


def test_period_str_round_trips() -> None:
    for text in ("P6M", "P1Y", "P1Y6M", "P150D", "-P3M", "P0D"):
        assert str(Period.parse(text)) == text


def test_period_rejects_non_integers() -> None:
    with pytest.raises(TypeError):
        Period(months=1.5)  # type: ignore[arg-type]


def test_period_describe() -> None:
    assert Period(months=6).describe() == "6 months"
    assert Period(years=1).describe() == "1 year"
    assert Period(years=2, months=1, days=3).describe() == "2 years, 1 month and 3 days"
