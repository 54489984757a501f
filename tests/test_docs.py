"""Docs tied to the data: the generated catalogue page must match the treaty files."""

from __future__ import annotations

from pathlib import Path

import treatywithdraw as tw
from script_modules import load_script

ROOT = Path(__file__).resolve().parent.parent


def _generator():  # type: ignore[no-untyped-def]
    return load_script("gen_catalogue")


def test_catalogue_page_is_current() -> None:
    page = (ROOT / "docs" / "catalogue.md").read_text("utf-8")
    assert page == _generator().render(), "docs/catalogue.md is stale: run python scripts/gen_catalogue.py"


def test_catalogue_page_has_a_row_per_treaty() -> None:
    page = (ROOT / "docs" / "catalogue.md").read_text("utf-8")
    for t in tw.treaties():
        assert f"| `{t.key}` |" in page


def test_the_procedure_templates_page_is_generated_from_the_files() -> None:
    module = load_script("gen_procedures_page")
    page = (ROOT / "docs" / "procedure-templates.md").read_text("utf-8")
    assert page == module.render(), (
        "docs/procedure-templates.md is stale: run python scripts/gen_procedures_page.py"
    )
