"""No silent change of meaning: every catalogue treaty's effective dates against a checked-in table.

``tests/vectors/effective_dates.csv`` holds, for every treaty, each of its meaningful
option sets and a fixed grid of receipt days, the effective date under each rounding (or
the name of the error raised). It is written by ``scripts/gen_snapshot.py``; a change in
any cell fails here until the table is regenerated on purpose and the change is logged
under "Data" in ``CHANGELOG.md``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

import treatywithdraw as tw
from script_modules import load_script

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "vectors" / "effective_dates.csv"
REGENERATE = (
    "If the change is intended, run `python scripts/gen_snapshot.py` and add a line under "
    '"Data" in CHANGELOG.md saying which dates changed and why.'
)
SHOWN = 12


def _generator() -> ModuleType:
    return load_script("gen_snapshot")


def _read() -> tuple[list[str], list[tuple[str, ...]]]:
    lines = [line for line in TABLE.read_text("utf-8").splitlines() if not line.startswith("#")]
    header, *body = csv.reader(lines)
    return header, [tuple(row) for row in body]


def _keyed(rows: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    return {row[:3]: row[3:] for row in rows}


def test_table_is_sorted_and_has_the_generators_columns() -> None:
    gen = _generator()
    header, rows = _read()
    assert tuple(header) == gen.COLUMNS
    keys = [row[:3] for row in rows]
    assert keys == sorted(keys), "the table is not sorted: regenerate it with scripts/gen_snapshot.py"
    assert len(set(keys)) == len(keys), "a (treaty, options, received) key appears twice"
    assert all(len(row) == len(header) for row in rows)


def test_every_effective_date_is_unchanged() -> None:
    gen = _generator()
    header, rows = _read()
    expected = _keyed(rows)
    got = _keyed(list(gen.rows()))
    if got == expected:
        return
    columns = header[3:]
    problems: list[str] = []
    for key in sorted(expected.keys() | got.keys()):
        treaty, options, received = key
        where = f"{treaty} [{options}] received {received}"
        if key not in got:
            problems.append(f"{where}: in the table, no longer computed")
        elif key not in expected:
            problems.append(f"{where}: computed, not in the table")
        else:
            for column, old, new in zip(columns, expected[key], got[key], strict=True):
                if old != new:
                    problems.append(f"{where}, rounding={column}: expected {old}, got {new}")
    count = len(problems)
    shown = "\n  ".join(problems[:SHOWN])
    more = f"\n  ... and {count - SHOWN} more" if count > SHOWN else ""
    raise AssertionError(
        f"{count} effective date(s) differ from tests/vectors/effective_dates.csv:\n  {shown}{more}\n"
        + REGENERATE
    )


def test_every_catalogue_treaty_is_in_the_table_and_nothing_else() -> None:
    _, rows = _read()
    in_table = {row[0] for row in rows}
    catalogue = {t.key for t in tw.treaties()}
    missing = sorted(catalogue - in_table)
    assert not missing, f"treaties without rows in the snapshot: {missing}. {REGENERATE}"
    unknown = sorted(in_table - catalogue)
    assert not unknown, f"the snapshot names treaties not in the catalogue: {unknown}. {REGENERATE}"


def test_every_option_set_and_grid_day_is_in_the_table() -> None:
    gen = _generator()
    _, rows = _read()
    present = {row[:3] for row in rows}
    for t in tw.treaties():
        for label, _ in gen.option_sets(t):
            for day in gen.grid():
                assert (t.key, label, day.isoformat()) in present, (t.key, label, day, REGENERATE)


def test_table_stays_small_and_cells_are_dates_or_error_names() -> None:
    # About 22 KB a treaty (227 treaties: 4.8 MB). A bound, so a grid that grows by
    # mistake is caught; raise it with the catalogue, or compress past 500 treaties.
    assert TABLE.stat().st_size < 12_000_000
    _, rows = _read()
    errors = {name for name in tw.__all__ if name.endswith("Error")}
    for row in rows:
        for value in row[3:]:
            assert value in errors or (len(value) == 10 and value[4] == "-" and value[7] == "-"), row


DERIVATIONS = ROOT / "tests" / "vectors" / "derivations.txt"


def _cases(text: str) -> dict[str, str]:
    """The derivations file split into {case header: body}."""
    cases: dict[str, str] = {}
    for chunk in text.split("\n== ")[1:]:
        head, _, body = chunk.partition("\n")
        cases[head] = body.rstrip("\n")
    return cases


def test_every_derivation_is_unchanged() -> None:
    """The words a user reads (articles cited, dates, errors) change only on purpose."""
    import difflib

    expected = _cases(DERIVATIONS.read_text("utf-8"))
    got = _cases(_generator().render_derivations())
    assert len(expected) > 300
    changed = [head for head in sorted(expected.keys() | got.keys()) if expected.get(head) != got.get(head)]
    if not changed:
        return
    first = changed[0]
    diff = "\n".join(
        difflib.unified_diff(
            expected.get(first, "").splitlines(),
            got.get(first, "").splitlines(),
            "table",
            "now",
            lineterm="",
            n=0,
        )
    )
    raise AssertionError(
        f"{len(changed)} derivation(s) differ from tests/vectors/derivations.txt; the first, {first}:\n"
        f"{diff}\n{REGENERATE}"
    )


def test_the_derivations_cover_every_treaty() -> None:
    treaties = {head.split(" | ")[0] for head in _cases(DERIVATIONS.read_text("utf-8"))}
    assert treaties == {t.key for t in tw.treaties()}
