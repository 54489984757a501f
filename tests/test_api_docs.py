"""The API reference (docs/api.md) covers the public names, and names nothing else (issue 14).

Every name in ``treatywithdraw.__all__`` has an entry: an autodoc directive
(``.. autoclass:: Treaty``), a ``.. py:data::`` entry, or, for the errors, the
``automodule`` of ``treatywithdraw.errors``, whose ``__all__`` it documents. The reverse
holds too: every entry names something importable, so a renamed function cannot leave
a stale entry behind (Sphinx would only warn when the import fails).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import treatywithdraw as tw
import treatywithdraw.errors

API = Path(__file__).resolve().parent.parent / "docs" / "api.md"
_ENTRY = re.compile(
    r"^\.\. (auto(?:class|function|data|exception)|py:data|automodule|currentmodule):: (\S+)", re.MULTILINE
)


def _entries() -> list[tuple[str, str]]:
    """Each entry as (directive, dotted name), names qualified by the ``currentmodule`` in force."""
    entries, module = [], "treatywithdraw"
    for directive, target in _ENTRY.findall(API.read_text("utf-8")):
        if directive == "currentmodule":
            module = target
        elif directive == "automodule":  # Sphinx: it sets the current module for what follows too
            entries.append((directive, target))
            module = target
        else:
            entries.append(
                (directive, target if target.startswith("treatywithdraw.") else f"{module}.{target}")
            )
    return entries


def _documented() -> set[str]:
    names: set[str] = set()
    for directive, target in _entries():
        if directive == "automodule":
            module = importlib.import_module(target)
            names |= set(getattr(module, "__all__", ()))
        elif target.count(".") == 1:  # treatywithdraw.NAME: a top-level name
            names.add(target.removeprefix("treatywithdraw."))
    return names


def test_every_public_name_is_in_the_api_reference() -> None:
    missing = sorted(set(tw.__all__) - _documented())
    assert not missing, f"docs/api.md has no entry for {missing}: add an autodoc directive"


def test_the_errors_module_is_documented_whole() -> None:
    assert ("automodule", "treatywithdraw.errors") in _entries()
    assert {n for n in tw.__all__ if hasattr(treatywithdraw.errors, n)} <= set(treatywithdraw.errors.__all__)


def test_every_entry_names_something_importable() -> None:
    for directive, target in _entries():
        if directive == "automodule":
            importlib.import_module(target)
            continue
        module_name, _, name = target.rpartition(".")
        if module_name == "treatywithdraw":
            assert name in tw.__all__, (
                f"docs/api.md documents {name!r}, which is not in treatywithdraw.__all__"
            )
        module = importlib.import_module(module_name)
        assert name in getattr(module, "__all__", ()) or name == "__version__", target
        assert getattr(module, name) is not None, target


def test_the_exports_and_ones_own_treaty_are_on_how_to_pages() -> None:
    howto = API.parent / "howto"
    export = (howto / "export.md").read_text("utf-8")
    for name in ("to_ics", "timeline_gantt", "timeline_diagram", "procedure_state_diagram", "plot_timelines"):
        assert f"{{func}}`~treatywithdraw.{name}`" in export, name
    own = (howto / "own-treaty.md").read_text("utf-8")
    assert "tw.treaty(path)" in own and "load_timeline(saved, treaty=pact)" in own
    index = (API.parent / "index.md").read_text("utf-8")
    assert "howto/export" in index and "howto/own-treaty" in index
