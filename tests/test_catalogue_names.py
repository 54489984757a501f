"""The name index (``_index.json``): aliases and misspelt keys found without reading every file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import treatywithdraw as tw
from script_modules import load_script
from treatywithdraw import catalogue
from treatywithdraw.catalogue import INDEX_FILE

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(catalogue.__file__).parent / "data" / "treaties"


def _generator() -> object:
    return load_script("gen_compiled_catalogue")


def test_the_name_index_is_current() -> None:
    assert (FOLDER / INDEX_FILE).read_text("utf-8") == _generator().render_index(), (  # type: ignore[attr-defined]
        "the name index is stale: run python scripts/gen_compiled_catalogue.py"
    )


def _copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "treaties"
    shutil.copytree(FOLDER, folder)
    for name, value in (("_folder", lambda: folder), ("_files", {}), ("_registry", None)):
        monkeypatch.setattr(catalogue, name, value)
    monkeypatch.setattr(catalogue, "_compiled_cache", None)
    monkeypatch.setattr(catalogue, "_current", None)
    return folder


def test_a_misspelt_key_is_answered_from_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _copy(tmp_path, monkeypatch)
    for name in ("otawa", "mine-bans", "zzzz-unknown"):
        with pytest.raises(tw.UnknownTreatyError) as found:
            tw.treaty(name)
        assert catalogue._registry is None and not catalogue._files  # no file was read
        # The same message the whole catalogue gives.
        monkeypatch.setattr(catalogue, "_index_names", lambda: None)
        with pytest.raises(tw.UnknownTreatyError) as whole:
            tw.treaty(name)
        assert str(found.value) == str(whole.value)
        assert catalogue._registry is not None
        monkeypatch.undo()
        _copy(tmp_path / name, monkeypatch)
    with pytest.raises(tw.UnknownTreatyError, match="did you mean 'ottawa'"):
        tw.treaty("otawa")


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (
            lambda folder: (folder / "ottawa.toml").write_text(
                (folder / "ottawa.toml").read_text("utf-8") + "\n"
            ),
            "a size differs",
        ),
        (
            lambda folder: (folder / "icsid.toml").unlink(),
            "a file the index names is gone",
        ),
        (lambda folder: (folder / INDEX_FILE).write_text("{", "utf-8"), "not JSON"),
        (lambda folder: (folder / INDEX_FILE).unlink(), "no index"),
    ],
)
def test_a_stale_index_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object, why: str
) -> None:
    folder = _copy(tmp_path, monkeypatch)
    change(folder)  # type: ignore[operator]
    assert catalogue._index_names() is None, why
    assert tw.treaty("mine-ban").key == "ottawa"


def test_an_index_naming_a_broken_file_or_a_shared_alias_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path, monkeypatch)
    index = json.loads((folder / INDEX_FILE).read_text("utf-8"))
    index["files"]["icsid"]["valid"] = False
    (folder / INDEX_FILE).write_text(json.dumps(index), "utf-8")
    assert catalogue._index_names() is None
    index["files"]["icsid"]["valid"] = True
    index["files"]["icsid"]["aliases"].append("mine-ban")
    (folder / INDEX_FILE).write_text(json.dumps(index), "utf-8")
    monkeypatch.setattr(catalogue, "_index_cache", None)
    assert catalogue._index_names() is None


def test_an_alias_the_file_no_longer_names_asks_the_whole_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path, monkeypatch)
    index = json.loads((folder / INDEX_FILE).read_text("utf-8"))
    index["files"]["icsid"]["aliases"].append("landmines")  # the index says icsid; icsid's file does not
    (folder / INDEX_FILE).write_text(json.dumps(index), "utf-8")
    assert catalogue._alias_file("landmines") == "icsid"
    with pytest.raises(tw.UnknownTreatyError):
        tw.treaty("landmines")
    assert catalogue._registry is not None  # the whole catalogue was asked


def test_the_index_records_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "treaties"
    folder.mkdir()
    shutil.copy(FOLDER / "ottawa.toml", folder)
    (folder / "broken.toml").write_text('key = "broken"\naliases = ["b", 3]\n', "utf-8")
    (folder / "worse.toml").write_text('key = "worse"\naliases = "w"\n', "utf-8")
    (folder / "not-toml.toml").write_text("key = = =\n", "utf-8")
    files = catalogue.compile_index(folder)["files"]
    assert files["ottawa"]["valid"] is True and "mine-ban" in files["ottawa"]["aliases"]
    assert files["broken"] == {
        "size": len('key = "broken"\naliases = ["b", 3]\n'),
        "aliases": ["b"],
        "valid": False,
    }
    assert files["worse"]["aliases"] == [] and files["worse"]["valid"] is False
    assert files["not-toml"]["aliases"] == [] and files["not-toml"]["valid"] is False
