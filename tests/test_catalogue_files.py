"""A broken treaty data file is refused with its file and field; the others keep working.

Two ways a file goes wrong: a user writes their own (``load_treaty_file``), or an edit
to the shipped catalogue goes wrong. Both are fuzzed here from the real files: every
leaf of every treaty is replaced by a value of the wrong type, files are truncated,
fields are misspelt, and a copy of the catalogue is broken in place.
"""

from __future__ import annotations

import re
import shutil
import tomllib
import warnings
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import catalogue
from treatywithdraw.catalogue import MAX_TREATY_FILE_BYTES, Treaty, load_treaty_file
from treatywithdraw.errors import CatalogueError, CatalogueWarning, InvalidArgumentError

FOLDER = Path(catalogue.__file__).parent / "data" / "treaties"
FILES = sorted(FOLDER.glob("*.toml"))
RECORDS = {path.name: tomllib.loads(path.read_text("utf-8")) for path in FILES}


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (dotted path, value) of a parsed TOML record, in the reader's notation."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def replaced(record: Any, path: str, new: Any) -> Any:
    """A deep copy of ``record`` with the leaf at ``path`` set to ``new``."""
    if not path:
        return new
    head, _, rest = path.partition(".")
    m = re.fullmatch(r"(.+?)\[(\d+)\](.*)", head)
    copy = dict(record)
    if m:
        name, index, tail = m.group(1), int(m.group(2)), m.group(3)
        rows = list(copy[name])
        inner = (tail.lstrip(".") + ("." + rest if rest else "")) if tail else rest
        rows[index] = replaced(rows[index], inner, new)
        copy[name] = rows
    else:
        copy[head] = replaced(copy[head], rest, new)
    return copy


#: Values of each TOML type; a leaf is given one whose type it does not have.
GARBAGE: dict[type, list[Any]] = {
    str: ["", "   ", "P6X", "2025-02-30", "not a date", "ottawa", "LV"],
    int: [0, -1, 10**30],
    float: [float("nan"), 1.5],
    bool: [True, False],
    list: [[], [1, 2], [{"a": 1}]],
    dict: [{}, {"unknown": 1}],
    date: [date(2025, 6, 27)],
    datetime: [datetime(2025, 6, 27, 12, 0)],
}

LEAVES = [(name, path, value) for name, record in RECORDS.items() for path, value in leaves(record)]


def wrong_type(value: Any) -> st.SearchStrategy[Any]:
    own = type(value)
    if own is str:
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            own = date  # a TOML date and a quoted ISO date are the same datum
    # An int stands for a float in TOML; a str holds dates and periods too.
    others = [v for kind, values in GARBAGE.items() if kind is not own and kind is not str for v in values]
    if own is not bool:
        others = [v for v in others if not isinstance(v, bool) or own is not int]
    return st.sampled_from(others)


@settings(max_examples=400)
@given(data=st.data(), leaf=st.sampled_from(LEAVES))
def test_a_leaf_of_the_wrong_type_is_refused_at_its_field(
    data: st.DataObject, leaf: tuple[str, str, Any]
) -> None:
    name, path, value = leaf
    new = data.draw(wrong_type(value), label="new value")
    if isinstance(value, float) and isinstance(new, int) and not isinstance(new, bool):
        return  # TOML's 1 reads as 1.0: the same value, not a wrong type
    record = replaced(RECORDS[name], path, new)
    try:
        Treaty.from_record(record, file=name)
    except CatalogueError as exc:
        assert exc.file == name
        assert exc.field, f"{exc} names no field"
        # The refusal is at the field that changed, or inside it (a table's first row).
        assert exc.field == path or exc.field.startswith((path + ".", path + "[")), (path, str(exc))
        # One problem reads "file:field: message"; several are numbered, the first at this field.
        assert str(exc).startswith(
            (f"{name}:{exc.field}: ", f"{name}: {len(exc.problems)} problems: (1) {exc.field}: ")
        )
    else:
        pytest.fail(f"{name}: {path} = {new!r} (was {value!r}) was accepted")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_misspelt_field_is_refused_with_a_suggestion(path: Path) -> None:
    text = path.read_text("utf-8").replace("\nname = ", "\nnmae = ", 1)
    with pytest.raises(
        CatalogueError, match=r":name: required field is missing \(str\): is 'nmae' a misspelling of it\?"
    ) as info:
        load_treaty_file(path.name, text)
    assert (info.value.file, info.value.field) == (path.name, "name")
    # An optional field misspelt cannot be missed either: its default would stand in.
    text = path.read_text("utf-8").replace("\ncategory = ", "\ncatgeory = ", 1)
    with pytest.raises(CatalogueError, match=r":catgeory: unknown field \(did you mean 'category'\?"):
        load_treaty_file(path.name, text)


def test_an_unknown_field_in_a_nested_table_is_named_with_its_path() -> None:
    text = (
        (FOLDER / "ottawa.toml")
        .read_text("utf-8")
        .replace("[clause]\n", '[clause]\nnotice_perod = "P12M"\n', 1)
    )
    with pytest.raises(
        CatalogueError,
        match=r"ottawa\.toml:clause\.notice_perod: unknown field \(did you mean 'notice_period'",
    ):
        load_treaty_file("ottawa.toml", text)


@settings(max_examples=150)
@given(path=st.sampled_from(FILES), data=st.data())
def test_a_truncated_file_is_refused_not_half_read(path: Path, data: st.DataObject) -> None:
    text = path.read_text("utf-8")
    cut = data.draw(st.integers(0, len(text) - 2), label="cut")
    prefix = text[:cut]
    try:
        loaded = load_treaty_file(path.name, prefix)
    except CatalogueError as exc:
        assert exc.file == path.name and str(exc).startswith(path.name + ":")
    else:
        # A cut at a table boundary leaves valid TOML with less in it: nothing inside a
        # file can tell that apart from a shorter file, so the test asks only that what
        # loads is a whole, valid treaty with the file's own key.
        assert isinstance(loaded, Treaty) and loaded.key == path.stem


def test_a_users_own_file_is_read_from_its_path(tmp_path: Path) -> None:
    own = tmp_path / "ottawa.toml"
    shutil.copy(FOLDER / "ottawa.toml", own)
    mine = load_treaty_file(own)
    assert mine == tw.treaty("ottawa")
    assert tw.effective_date(mine, "2025-06-27") == date(2025, 12, 27)


def test_a_byte_order_mark_is_not_part_of_the_data(tmp_path: Path) -> None:
    own = tmp_path / "ottawa.toml"
    own.write_bytes(b"\xef\xbb\xbf" + (FOLDER / "ottawa.toml").read_bytes())
    assert load_treaty_file(own) == tw.treaty("ottawa")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"key = \xff\n", r"is not UTF-8 text \(byte 6\)"),
        (b"x" * (MAX_TREATY_FILE_BYTES + 1), rf"is larger than {MAX_TREATY_FILE_BYTES} bytes"),
        (b"a = " + b"[" * 5000 + b"]" * 5000, r"not valid TOML|nested too deeply"),
        # Every missing field at once, not one per run.
        (
            b"key = 'mine'\n",
            r"mine\.toml: 6 problems: \(1\) name: required field is missing .*\(3\) depositary: required field is missing \(dict\)",
        ),
    ],
    ids=["not-utf8", "too-large", "deep-nesting", "incomplete"],
)
def test_unreadable_user_files_give_one_catalogue_error(tmp_path: Path, content: bytes, message: str) -> None:
    own = tmp_path / "mine.toml"
    own.write_bytes(content)
    with pytest.raises(CatalogueError, match=message) as info:
        load_treaty_file(own)
    assert info.value.file == str(own)


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"mine\.toml: no such file: check the path"):
        load_treaty_file(tmp_path / "mine.toml")
    with pytest.raises(CatalogueError, match=r"is a directory: give the path of a treaty file"):
        load_treaty_file(tmp_path)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    fifo = tmp_path / "p.toml"
    os.mkfifo(fifo)
    with pytest.raises(CatalogueError, match="is not a regular file"):
        load_treaty_file(fifo)
    for command in (["timeline", str(fifo)], ["show", str(fifo)]):
        done = subprocess.run(
            [sys.executable, "-m", "treatywithdraw", *command], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2 and "is not a regular file" in done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("bad", [None, 42, b"ottawa.toml", ["ottawa.toml"]])
def test_a_path_of_the_wrong_type_is_an_argument_error(bad: Any) -> None:
    with pytest.raises(InvalidArgumentError, match=r"a treaty file is a path \(str or Path\), not .* \(e\.g\. 'my-treaty\.toml'\)"):
        load_treaty_file(bad)


def test_text_of_the_wrong_type_is_an_argument_error() -> None:
    with pytest.raises(InvalidArgumentError, match=r"text must be the file's TOML as str, not bytes"):
        load_treaty_file("ottawa.toml", b'key = "ottawa"')  # type: ignore[arg-type]


def test_a_catalogue_file_must_be_named_after_its_key() -> None:
    from treatywithdraw.catalogue import _catalogue_file

    text = (FOLDER / "ottawa.toml").read_text("utf-8")
    with pytest.raises(
        CatalogueError,
        match=r"mines\.toml:key: key 'ottawa' differs from the file name 'mines\.toml': name the file ottawa\.toml",
    ):
        _catalogue_file("treatywithdraw/data/treaties/mines.toml", text)


def test_ones_own_file_need_not_be_named_after_its_key() -> None:
    text = (FOLDER / "ottawa.toml").read_text("utf-8")
    assert load_treaty_file("mines.toml", text).key == "ottawa"


# -- a catalogue edit gone wrong --------------------------------------------------------


@pytest.fixture
def copied_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped catalogue that the test may break."""
    folder = tmp_path / "treaties"
    shutil.copytree(FOLDER, folder)
    monkeypatch.setattr(catalogue, "_folder", lambda: folder)
    monkeypatch.setattr(catalogue, "_files", {})
    monkeypatch.setattr(catalogue, "_registry", None)
    monkeypatch.setattr(catalogue, "_compiled_cache", None)
    monkeypatch.setattr(catalogue, "_current", None)
    return folder


def break_ottawas_period(catalogue: Path) -> None:
    """Write Ottawa's notice period as a number, which the reader refuses."""
    broken = catalogue / "ottawa.toml"
    broken.write_text(
        broken.read_text("utf-8").replace('notice_period = "P6M"', "notice_period = 6"), "utf-8"
    )


def test_a_broken_catalogue_file_is_left_out_and_the_rest_keep_working(copied_catalogue: Path) -> None:
    break_ottawas_period(copied_catalogue)

    with pytest.warns(
        CatalogueWarning,
        match=r"treaty catalogue: .*ottawa\.toml:clause\.notice_period: expected str, found 6",
    ):
        everything = tw.treaties()
    assert len(everything) == len(FILES) - 1
    assert "ottawa" not in {t.key for t in everything}

    (problem,) = tw.catalogue_problems()
    assert (problem.file.rsplit("/", 1)[-1], problem.field) == ("ottawa.toml", "clause.notice_period")
    # Its key gives its own error, every time; never a wrong treaty.
    for _ in range(2):
        with pytest.raises(CatalogueError, match=r"ottawa\.toml:clause\.notice_period"):
            tw.treaty("ottawa")
    # Its aliases are in the file that could not be read: the message says where to look.
    with pytest.raises(
        tw.UnknownTreatyError,
        match=r"no treaty 'mine-ban' .*\(the catalogue left out ottawa\.toml: treatywithdraw\.catalogue_problems\(\) says why\)",
    ):
        tw.treaty("mine-ban")
    # Every other treaty still answers.
    assert tw.effective_date("ccm", "2025-03-06") == date(2025, 9, 6)
    assert tw.treaty("icsid").key == "icsid"


def test_a_broken_file_read_directly_before_the_index_is_still_refused(copied_catalogue: Path) -> None:
    (copied_catalogue / "ccm.toml").write_text("key = 'ccm'\n[clause\n", "utf-8")
    with pytest.raises(CatalogueError, match=r"ccm\.toml: not valid TOML"):
        tw.treaty("ccm")
    assert tw.effective_date("ottawa", "2025-06-27") == date(2025, 12, 27)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(tw.treaties()) == len(FILES) - 1
    assert [str(w.message) for w in caught] == [f"treaty catalogue: {tw.catalogue_problems()[0]}"]


def test_a_file_whose_name_is_not_a_key_is_reported(copied_catalogue: Path) -> None:
    shutil.copy(copied_catalogue / "ottawa.toml", copied_catalogue / "Ottawa Copy.toml")
    with pytest.warns(
        CatalogueWarning, match=r"Ottawa Copy\.toml:key: the file name is not a kebab-case key"
    ):
        assert len(tw.treaties()) == len(FILES)


def test_an_alias_claimed_twice_is_refused_rather_than_guessed(copied_catalogue: Path) -> None:
    ccm = copied_catalogue / "ccm.toml"
    ccm.write_text(ccm.read_text("utf-8").replace("aliases = [", 'aliases = ["mine-ban", ', 1), "utf-8")
    with pytest.warns(
        CatalogueWarning,
        match=r"ottawa\.toml:aliases: alias 'mine-ban' is claimed by both 'ccm' and 'ottawa'",
    ):
        assert len(tw.treaties()) == len(FILES)
    with pytest.raises(CatalogueError, match=r"alias 'mine-ban' is claimed by both 'ccm' and 'ottawa'"):
        tw.treaty("mine-ban")
    # The keys themselves are unambiguous and keep working.
    assert tw.treaty("ottawa").key == "ottawa" and tw.treaty("ccm").key == "ccm"


def test_an_alias_that_is_another_treatys_key_does_not_hide_that_treaty(copied_catalogue: Path) -> None:
    ccm = copied_catalogue / "ccm.toml"
    ccm.write_text(ccm.read_text("utf-8").replace("aliases = [", 'aliases = ["ottawa", ', 1), "utf-8")
    with pytest.warns(
        CatalogueWarning, match=r"ccm\.toml:aliases: alias 'ottawa' is claimed by both 'ottawa' and 'ccm'"
    ):
        tw.treaties()
    assert tw.treaty("ottawa").key == "ottawa"


def test_the_shipped_catalogue_has_no_problems() -> None:
    assert tw.catalogue_problems() == ()


def test_the_command_line_lists_the_rest_and_warns_in_one_line(
    copied_catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from treatywithdraw.cli import main

    break_ottawas_period(copied_catalogue)
    assert main(["treaties"]) == 0
    out, err = capsys.readouterr()
    assert "ccm " in out and "ottawa " not in out
    assert err.splitlines() == [
        "treatywithdraw: warning: treaty catalogue: "
        "treatywithdraw/data/treaties/ottawa.toml:clause.notice_period: expected str, found 6"
    ]
    assert main(["effective", "ottawa", "2025-06-27"]) == 2
    assert capsys.readouterr().err.startswith(
        "treatywithdraw: treatywithdraw/data/treaties/ottawa.toml:clause.notice_period:"
    )


def test_the_command_line_takes_a_users_own_treaty_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from treatywithdraw.cli import main

    own = tmp_path / "ottawa.toml"
    shutil.copy(FOLDER / "ottawa.toml", own)
    assert main(["effective", str(own), "2025-06-27"]) == 0
    assert capsys.readouterr().out == "2025-12-27\n"
    assert main(["plan", str(own), "--effective-by", "2026-01-01"]) == 0
    assert capsys.readouterr().out == "2025-07-01\n"
    own.write_text("key = 'ottawa'\n", "utf-8")
    assert main(["show", str(own)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"treatywithdraw: {own}: 6 problems: (1) name: required field is missing (str); ")
    assert "(3) depositary: required field is missing (dict)" in err and err.count("\n") == 1


def test_under_json_the_catalogue_warning_is_json_too(
    copied_catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from treatywithdraw.cli import main

    break_ottawas_period(copied_catalogue)
    assert main(["treaties", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "ottawa" not in {t["key"] for t in json.loads(out)}
    (line,) = err.splitlines()
    assert json.loads(line) == {
        "schema_version": 1,
        "warning": "CatalogueWarning",
        "message": "treaty catalogue: treatywithdraw/data/treaties/ottawa.toml:clause.notice_period: expected str, found 6",
    }
