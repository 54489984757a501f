"""The compiled catalogue: generated from the files, never stale, never different from them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import treatywithdraw as tw
from script_modules import load_script
from treatywithdraw import catalogue
from treatywithdraw.catalogue import COMPILED_FILE, load_treaty_file

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(catalogue.__file__).parent / "data" / "treaties"


def _generator() -> object:
    return load_script("gen_compiled_catalogue")


def test_the_compiled_catalogue_is_current() -> None:
    shipped = (FOLDER / COMPILED_FILE).read_text("utf-8")
    assert shipped == _generator().render(), (  # type: ignore[attr-defined]
        "the compiled catalogue is stale: run python scripts/gen_compiled_catalogue.py"
    )


def test_compiled_treaties_equal_the_files() -> None:
    for t in tw.treaties():
        assert load_treaty_file(FOLDER / f"{t.key}.toml") == t, t.key


def test_an_alias_reads_one_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue, "_files", {})
    monkeypatch.setattr(catalogue, "_registry", None)
    assert tw.treaty("mine-ban").key == "ottawa"
    assert list(catalogue._files) == ["ottawa"]  # the others were not parsed
    assert catalogue._registry is None


def test_an_edited_file_is_read_from_its_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    folder = tmp_path / "treaties"
    shutil.copytree(FOLDER, folder)
    path = folder / "ottawa.toml"
    path.write_text(
        path.read_text("utf-8").replace('notice_period = "P6M"', 'notice_period = "P12M"'), "utf-8"
    )
    for name, value in (("_folder", lambda: folder), ("_files", {}), ("_registry", None)):
        monkeypatch.setattr(catalogue, name, value)
    monkeypatch.setattr(catalogue, "_compiled_cache", None)
    monkeypatch.setattr(catalogue, "_current", None)
    assert str(tw.treaty("mine-ban").clause.notice_period) == "P12M"  # the alias path, not stale
    assert len(tw.treaties()) == len(list(FOLDER.glob("*.toml")))
    assert tw.effective_date("ottawa", "2025-06-27") == date(2026, 6, 27)  # the edit, not the compiled copy


def test_a_fresh_process_reads_the_whole_catalogue() -> None:
    code = "import treatywithdraw as tw; print(len(tw.treaties()), tw.catalogue_problems())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == f"{len(list(FOLDER.glob('*.toml')))} ()\n"


def test_treaties_filter_by_category_depositary_and_period() -> None:
    coe = tw.treaties(depositary="council of europe")
    assert len(coe) >= 100 and all("Council of Europe" in t.depositary.name for t in coe)
    yearly = tw.treaties(notice_period="P12M")
    assert {t.key for t in tw.treaties(notice_period="P1Y")} == {t.key for t in yearly}  # P1Y == P12M
    assert "kyoto" in {t.key for t in yearly}
    assert all(t.category == "environment" for t in tw.treaties(category="environment"))
    both = tw.treaties(lambda t: t.clause.later_date.value != "none", category="environment")
    assert both and all(t.category == "environment" for t in both)
    with pytest.raises(tw.InvalidArgumentError):
        tw.treaties(notice_period="six months")
    with pytest.raises(tw.InvalidArgumentError):
        tw.treaties(category=1)  # type: ignore[arg-type]
    with pytest.raises(tw.InvalidArgumentError):
        tw.treaties(notice_period=6)  # type: ignore[arg-type]


# -- the built treaties (_compiled.pickle): treaties() in a fresh process, issue 12 ------------


@pytest.mark.built_catalogue
def test_the_built_catalogue_is_current_and_serves_every_file() -> None:
    built = catalogue._built()
    stems = {p.stem for p in FOLDER.glob("*.toml")}
    assert set(built) == stems, "the built catalogue is stale: run python scripts/gen_compiled_catalogue.py"
    import zlib

    for stem, (crc, t) in built.items():
        assert crc == zlib.crc32((FOLDER / f"{stem}.toml").read_bytes()), (
            f"{stem}: the built catalogue is stale: run python scripts/gen_compiled_catalogue.py"
        )
        assert t == load_treaty_file(FOLDER / f"{stem}.toml"), stem


def test_a_built_catalogue_from_other_code_or_files_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle
    import shutil

    folder = tmp_path / "treaties"
    shutil.copytree(FOLDER, folder)
    data = pickle.loads((folder / catalogue.BUILT_FILE).read_bytes())
    # Built by other code: a module's source hash differs.
    data["sources"] = dict.fromkeys(data["sources"], "0" * 64)
    (folder / catalogue.BUILT_FILE).write_bytes(pickle.dumps(data))
    for name, value in (("_folder", lambda: folder), ("_files", {}), ("_registry", None)):
        monkeypatch.setattr(catalogue, name, value)
    monkeypatch.setattr(catalogue, "_compiled_cache", None)
    monkeypatch.setattr(catalogue, "_built_cache", None)
    assert catalogue._built() == {}
    assert len(tw.treaties()) == len(list(FOLDER.glob("*.toml")))  # read from the records instead
    # A truncated file is no built catalogue either.
    (folder / catalogue.BUILT_FILE).write_bytes(b"\x80\x05garbage")
    monkeypatch.setattr(catalogue, "_built_cache", None)
    assert catalogue._built() == {}


@pytest.mark.built_catalogue
def test_an_edited_file_is_not_taken_from_the_built_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    folder = tmp_path / "treaties"
    shutil.copytree(FOLDER, folder)
    path = folder / "ottawa.toml"
    path.write_text(path.read_text("utf-8").replace('notice_period = "P6M"', 'notice_period = "P3M"'), "utf-8")
    for name, value in (("_folder", lambda: folder), ("_files", {}), ("_registry", None)):
        monkeypatch.setattr(catalogue, name, value)
    monkeypatch.setattr(catalogue, "_compiled_cache", None)
    monkeypatch.setattr(catalogue, "_built_cache", None)
    assert "ottawa" in catalogue._built()  # the stale entry is there, and not used:
    assert tw.effective_date(tw.treaty("ottawa"), date(2025, 6, 27)) == date(2025, 9, 27)


def _fresh(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    for name, value in (("_folder", lambda: folder), ("_files", {}), ("_registry", None)):
        monkeypatch.setattr(catalogue, name, value)
    for name in ("_compiled_cache", "_built_cache", "_built_file", "_resolved"):
        monkeypatch.setattr(catalogue, name, None if name != "_resolved" else {})


@pytest.mark.built_catalogue
def test_a_key_alone_is_its_own_built_treaty(monkeypatch: pytest.MonkeyPatch) -> None:
    # One key asked for in a fresh process unpickles that treaty only, and it is the
    # treaty the reader builds from the file.
    _fresh(monkeypatch, FOLDER)
    served = tw.treaty("ottawa")
    assert catalogue._built_cache is None  # the whole catalogue was not unpickled
    assert catalogue._built_file is not None and catalogue._built_file[1], "the built file was not used"
    assert served == load_treaty_file(FOLDER / "ottawa.toml")


@pytest.mark.built_catalogue
def test_a_damaged_built_file_falls_back_to_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    folder = tmp_path / "treaties"
    shutil.copytree(FOLDER, folder)
    raw = (folder / catalogue.BUILT_FILE).read_bytes()
    _fresh(monkeypatch, folder)
    header_end = len(raw) - len(catalogue._built_data()[1])
    # The header intact, the treaties after it cut short or overwritten: each part is unreadable.
    for body in (b"", b"\x00" * (len(raw) // 2)):
        (folder / catalogue.BUILT_FILE).write_bytes(raw[:header_end] + body)
        _fresh(monkeypatch, folder)
        assert catalogue._built_one("ottawa", catalogue._built_data()[0]["each"]["ottawa"][0]) is None
        assert tw.treaty("ottawa") == load_treaty_file(FOLDER / "ottawa.toml")
        assert catalogue._built() == {}
        assert len(tw.treaties()) == len(list(FOLDER.glob("*.toml")))
