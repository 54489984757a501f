"""No silent change of wording: every curated message and rendering against a checked-in file.

``tests/vectors/messages.txt`` holds, for each expression in ``scripts/gen_messages.py``,
the error it raises (class, attributes, whole message) or what it returns (the full text
of a rendering such as ``Withdrawal.explain()``). Messages and renderings are what a user
reads, and they cite the law: a change in any of them fails here until the file is
regenerated on purpose and the change is logged in ``CHANGELOG.md``.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from types import ModuleType

import pytest

from script_modules import load_script

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "vectors" / "messages.txt"
REGENERATE = (
    "If the change is intended, run `python scripts/gen_messages.py` and add a line to "
    "CHANGELOG.md saying which messages changed and why."
)


def _cases(text: str) -> dict[str, str]:
    """The file split into {expression: body}, in file order."""
    cases: dict[str, str] = {}
    for chunk in text.split("\n== ")[1:]:
        expression, _, body = chunk.partition("\n")
        cases[expression] = body.rstrip("\n")
    return cases


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return load_script("gen_messages")


@pytest.fixture(scope="module")
def computed(generator: ModuleType) -> dict[str, str]:
    """Every case as the library answers now (about half a second)."""
    cases: dict[str, str] = generator.cases()
    return cases


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    return _cases(SNAPSHOT.read_text("utf-8"))


def _shown(body: str | None) -> str:
    return "(no such case)" if body is None else "\n    ".join(body.splitlines())


def test_every_message_and_rendering_is_unchanged(expected: dict[str, str], computed: dict[str, str]) -> None:
    differing = [
        e
        for e in (*expected, *(c for c in computed if c not in expected))
        if expected.get(e) != computed.get(e)
    ]
    if not differing:
        return
    first = differing[0]
    old, new = expected.get(first), computed.get(first)
    if old is not None and new is not None and (old.count("\n") > 2 or new.count("\n") > 2):
        diff = "\n".join(
            difflib.unified_diff(old.splitlines(), new.splitlines(), "messages.txt", "now", lineterm="", n=1)
        )
        detail = f"diff:\n{diff}"
    else:
        detail = f"expected:\n    {_shown(old)}\ngot:\n    {_shown(new)}"
    raise AssertionError(
        f"{len(differing)} case(s) differ from tests/vectors/messages.txt; the first:\n"
        f"== {first}\n{detail}\n{REGENERATE}"
    )


def test_the_file_and_the_generator_hold_the_same_cases(
    generator: ModuleType, expected: dict[str, str]
) -> None:
    cases = [label for label, _ in generator.CASES]
    assert len(set(cases)) == len(cases), "scripts/gen_messages.py lists a case twice"
    gone = [e for e in expected if e not in set(cases)]
    new = [c for c in cases if c not in expected]
    assert not gone, (
        f"{len(gone)} case(s) in messages.txt are no longer in the generator, e.g. {gone[0]}. {REGENERATE}"
    )
    assert not new, (
        f"{len(new)} case(s) of the generator are not in messages.txt, e.g. {new[0]}. {REGENERATE}"
    )


def test_the_file_is_exactly_what_the_generator_writes(
    generator: ModuleType, computed: dict[str, str]
) -> None:
    # Case by case the tests above say what changed; this catches the rest (header, order).
    assert SNAPSHOT.read_text("utf-8") == generator.render(computed), (
        f"tests/vectors/messages.txt is not in the generator's order or lacks its header. {REGENERATE}"
    )


def test_the_cases_reach_errors_and_renderings(expected: dict[str, str]) -> None:
    errors = [b for b in expected.values() if b.startswith("-> ")]
    results = [b for b in expected.values() if b.startswith("=> ")]
    assert len(errors) + len(results) == len(expected), "every case is an error (->) or a result (=>)"
    assert len(errors) > 150 and len(results) > 100
    assert not [b for b in errors if "NOT a treatywithdraw error" in b], (
        "only treatywithdraw errors may come out"
    )


def test_each_label_is_the_code_it_runs(generator: ModuleType) -> None:
    """The label a case is filed under is the source of its lambda: no case is run from a string."""
    import inspect

    for label, call in generator.CASES:
        assert f"lambda: {label})," in inspect.getsource(call), label
