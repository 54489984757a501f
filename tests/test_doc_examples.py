"""Every TOML and JSON example shown in docs/ loads: a reader copying one gets no error.

A block is read by what it is: a treaty file (it has a ``[clause]`` table), a procedure
file (an ``[international]`` table), a timeline
(``party`` and ``treaty`` at the top), a timeline in JSON (a ``schema`` field), or an
``[options]`` table alone. A block that is deliberately wrong is preceded in the page by
the HTML comment ``<!-- invalid example -->`` and must then be refused.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

import treatywithdraw as tw
from treatywithdraw.catalogue import load_treaty_file
from treatywithdraw.formats import parse_timeline, timeline_from_json
from treatywithdraw.procedures._files import procedure_from_record

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"(<!-- invalid example -->\s*)?```(toml|json)\n(.*?)```", re.S)


def _blocks() -> list[tuple[str, str, str, bool]]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for i, match in enumerate(BLOCK.finditer(page.read_text("utf-8"))):
            found.append((f"{page.relative_to(DOCS)}#{i}", match[2], match[3], bool(match[1])))
    return found


BLOCKS = _blocks()


def test_the_docs_show_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize(("where", "language", "text", "invalid"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_every_example_loads(where: str, language: str, text: str, invalid: bool) -> None:
    def load() -> object:
        if language == "json":
            record = json.loads(text)
            return timeline_from_json(text, file=where) if "schema" in record else record
        record = tomllib.loads(text)
        if "clause" in record:
            return load_treaty_file(f"{record['key']}.toml", text)
        if "international" in record:
            return procedure_from_record(record, file=where)
        if "party" in record and "treaty" in record:
            return parse_timeline(text, file=where)
        if set(record) == {"options"}:
            options, problems = tw.NoticeOptions.from_record(record["options"])
            assert not problems, problems
            return options
        return record

    if invalid:
        with pytest.raises(tw.TreatyWithdrawError):
            load()
    else:
        assert load() is not None
