"""Every JSON object the command line prints has exactly the fields docs/json.md lists (issue 14).

docs/json.md marks each table with a MyST comment, ``% schema: NAME``; this test runs the
commands, picks the object each table describes, and compares the keys both ways: an
undocumented field and a documented field the output lacks both fail.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

from treatywithdraw.clauses import WithdrawalClause
from treatywithdraw.cli import JSON_SCHEMA_VERSION, main

DOC = Path(__file__).resolve().parent.parent / "docs" / "json.md"
SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "lv-ottawa-2025.toml")


def _schemas() -> dict[str, set[str]]:
    """Each ``% schema: NAME`` marker with the fields of the table after it."""
    found: dict[str, set[str]] = {}
    for block in re.split(r"^% schema: ", DOC.read_text("utf-8"), flags=re.MULTILINE)[1:]:
        name, _, rest = block.partition("\n")
        table = rest.strip().split("\n\n")[0]
        fields = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE)
        assert fields, f"docs/json.md: no table after '% schema: {name}'"
        found[name.strip()] = set(fields)
    return found


SCHEMAS = _schemas()


def _run(*argv: str) -> tuple[int, Any, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, json.loads(out.getvalue()) if out.getvalue() else None, err.getvalue()


def _view(as_of: str) -> dict[str, Any]:
    code, view, _ = _run("timeline", SEED, "--json", "--as-of", as_of)
    assert code == 0
    return view  # type: ignore[no-any-return]


def _objects(name: str) -> list[dict[str, Any]]:
    """The objects the table ``name`` describes, from real runs."""
    if name == "effective":
        return [
            _run("effective", "ottawa", "2025-06-27", "--json")[1],
            _run("effective", "who", "2025-01-22", "--party", "US", "--json")[1],
        ]
    if name == "effective-explain":
        return [_run("effective", "ottawa", "2025-06-27", "--json", "--explain")[1]]
    if name == "derivation-step":
        return _run("effective", "paris", "2019-11-04", "--json", "--explain")[1]["derivation"]  # type: ignore[no-any-return]
    if name == "plan":
        return [_run("plan", "ottawa", "--effective-by", "2026-01-01", "--json")[1]]
    if name == "treaty":
        return _run("treaties", "--json")[1]  # type: ignore[no-any-return]
    if name == "show":
        return [_run("show", "who", "--json")[1], _run("show", "paris", "--json")[1]]
    if name == "view":
        return [_view("2025-04-20"), _view("2025-07-01")]
    if name == "view-recorded":
        return _view("2025-07-01")["recorded"]  # type: ignore[no-any-return]
    if name == "view-agenda":
        return _view("2025-04-20")["agenda"]  # type: ignore[no-any-return]
    if name == "view-effect":
        return [_view("2025-07-01")["effect"], _view("2025-04-20")["projection"]["effect"]]
    if name == "view-projection":
        return [_view("2025-04-20")["projection"]]
    if name == "register":
        return [
            *_run("pending", "--as-of", "2026-01-01", "--format", "json")[1][:3],
            *_run("withdrawals", "--format", "json", "--as-of", "2026-01-01")[1][:3],
        ]
    if name == "error":
        code, _, err = _run("effective", "ottawa", "2025-02-30", "--json")
        assert code == 2
        return [json.loads(err)]
    raise AssertionError(f"docs/json.md has a table '{name}' that no test run covers: add it here")


def _expected(name: str) -> set[str]:
    if name == "effective-explain":
        return SCHEMAS["effective"] | SCHEMAS["effective-explain"]
    if name == "show":
        return SCHEMAS["treaty"] | SCHEMAS["show"]
    return SCHEMAS[name]


def test_the_page_documents_every_command() -> None:
    assert set(SCHEMAS) == {
        "effective",
        "effective-explain",
        "derivation-step",
        "plan",
        "treaty",
        "show",
        "view",
        "view-recorded",
        "view-agenda",
        "view-effect",
        "view-projection",
        "register",
        "error",
    }


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_outputs_have_the_documented_fields(name: str) -> None:
    objects = _objects(name)
    assert objects
    expected = _expected(name)
    for obj in objects:
        keys = set(obj)
        if name == "register":  # `status` only with --as-of: both runs above give it
            assert "status" in keys
        assert keys - expected == set(), f"undocumented in docs/json.md ({name}): {sorted(keys - expected)}"
        assert expected - keys == set(), f"documented but missing ({name}): {sorted(expected - keys)}"


def test_every_top_level_object_is_versioned() -> None:
    for name in ("effective", "plan", "treaty", "show", "view", "register", "error"):
        for obj in _objects(name):
            assert obj["schema_version"] == JSON_SCHEMA_VERSION == 1, name


def test_withdrawals_without_as_of_have_no_status() -> None:
    items = _run("withdrawals", "--format", "json")[1]
    assert items and all("status" not in item for item in items)
    assert set(items[0]) == SCHEMAS["register"] - {"status"}


def test_show_clause_has_every_clause_field() -> None:
    clause = _run("show", "ottawa", "--json")[1]["clause"]
    assert set(clause) == {f.name for f in attrs.fields(WithdrawalClause)}
    paris = _run("show", "paris", "--json")[1]
    assert paris["minimum_participation"] == {"period": "P3Y", "anchor": "party"}
    assert paris["clause"]["minimum_participation"] == paris["minimum_participation"]
    who = _run("show", "who", "--json")[1]
    assert [t["party"] for t in who["party_terms"]] == ["US"]
    assert who["party_terms"][0]["notice_period"] == "P1Y"
