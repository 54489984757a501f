"""Hostile timeline files: every malformed file is one TimelineFileError naming the file and the field.

Truncated TOML and JSON, garbage in every field, unknown and missing fields, steps out of
order or twice, byte-order marks, bytes that are not UTF-8, deep nesting, oversized
text and files, and arguments of the wrong type. Nothing but the library's own errors may
come out, and a file that loads must not have lost or changed what it said.
"""

from __future__ import annotations

import json
import os
import tomllib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from treatywithdraw.errors import TimelineFileError, TreatyWithdrawError
from treatywithdraw.formats import load_timeline, parse_timeline, timeline_from_json, timeline_to_json
from treatywithdraw.formats.timeline_files import MAX_TIMELINE_BYTES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.toml"))}
JSONS = {name: timeline_to_json(parse_timeline(text)) for name, text in SEEDS.items()}
FILE = "hostile.toml"

fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

seed_names = st.sampled_from(sorted(SEEDS))


def refused(call: Any, *args: Any, file: str = FILE, **kwargs: Any) -> TimelineFileError:
    """Run ``call``; it must raise a TimelineFileError naming ``file``, on one line."""
    if call is not load_timeline:
        kwargs["file"] = file
    with pytest.raises(TreatyWithdrawError) as info:
        call(*args, **kwargs)
    error = info.value
    assert isinstance(error, TimelineFileError), f"{type(error).__name__}: {error}"
    message = str(error)
    assert message.startswith(f"{file}:"), message
    assert "\n" not in message, message
    return error


def loads_or_names_the_file(
    call: Any, *args: Any, file: str = FILE, **kwargs: Any
) -> TimelineFileError | None:
    if call is not load_timeline:
        kwargs["file"] = file
    try:
        call(*args, **kwargs)
    except TimelineFileError as error:
        assert str(error).startswith(f"{file}:"), str(error)
        assert "\n" not in str(error)
        return error
    return None


# -- size ------------------------------------------------------------------------------------

HEAD = 'party = "LV"\ntreaty = "ottawa"\n#'


def padded(size: int) -> str:
    """A valid minimal timeline of exactly ``size`` UTF-8 bytes (a long comment)."""
    return HEAD + "x" * (size - len(HEAD) - 1) + "\n"


def test_text_at_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    assert parse_timeline(padded(MAX_TIMELINE_BYTES), file=FILE).party == "LV"
    error = refused(parse_timeline, padded(MAX_TIMELINE_BYTES + 1), file=FILE)
    message = str(error)
    assert "1,048,577 bytes" in message and "1,048,576-byte (1 MiB) limit" in message
    assert "refused before parsing" in message
    refused(parse_timeline, padded(MAX_TIMELINE_BYTES + 1).encode(), file=FILE)
    refused(timeline_from_json, " " * (MAX_TIMELINE_BYTES + 1), file=FILE)


def test_the_limit_counts_utf8_bytes_not_characters() -> None:
    text = HEAD + "é" * (MAX_TIMELINE_BYTES // 2)  # fewer characters than the limit, more bytes
    assert len(text) < MAX_TIMELINE_BYTES < len(text.encode())
    assert f"{len(text.encode()):,} bytes" in str(refused(parse_timeline, text, file=FILE))


def test_a_large_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with path.open("wb") as f:
        f.write(padded(1000).encode())
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MiB on disk in no time
    error = refused(load_timeline, path, file=str(path))
    assert "52,428,800 bytes" in str(error) and "refused before parsing" in str(error)
    big_json = tmp_path / "big.json"
    os.rename(path, big_json)
    refused(load_timeline, big_json, file=str(big_json))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_read() -> None:
    # /dev/zero never ends and a named pipe would block: only a regular file (or /dev/stdin) is read.
    error = refused(load_timeline, "/dev/zero", file="/dev/zero")
    assert "is not a regular file" in str(error)


# -- encoding --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_byte_order_mark_is_ignored(tmp_path: Path, name: str) -> None:
    expected = parse_timeline(SEEDS[name])
    assert parse_timeline("\ufeff" + SEEDS[name]) == expected
    assert parse_timeline(b"\xef\xbb\xbf" + SEEDS[name].encode()) == expected
    assert timeline_from_json("\ufeff" + JSONS[name]) == expected
    assert timeline_from_json(b"\xef\xbb\xbf" + JSONS[name].encode()) == expected
    toml_path, json_path = tmp_path / "bom.toml", tmp_path / "bom.json"
    toml_path.write_bytes(b"\xef\xbb\xbf" + SEEDS[name].encode())
    json_path.write_bytes(b"\xef\xbb\xbf" + JSONS[name].encode())
    assert load_timeline(toml_path) == load_timeline(json_path) == expected


def test_a_byte_order_mark_elsewhere_is_an_error() -> None:
    refused(parse_timeline, 'party = "LV"\n\ufefftreaty = "ottawa"\n', file=FILE)
    refused(parse_timeline, "\ufeff\ufeff" + SEEDS["lv-ottawa-2025.toml"], file=FILE)


@fast
@given(seed_names, st.data())
def test_a_byte_that_is_not_utf8_is_named_with_its_offset(name: str, data: st.DataObject) -> None:
    raw = SEEDS[name].encode()
    # Between two ASCII characters, a stray byte breaks the text exactly where it stands.
    cut = data.draw(st.sampled_from([i for i in range(len(raw)) if raw[i] < 0x80 and raw[i - 1] < 0x80]))
    bad = data.draw(st.sampled_from([0x80, 0xBF, 0xC0, 0xE9, 0xFE, 0xFF]))
    broken = raw[:cut] + bytes([bad]) + raw[cut:]
    error = refused(parse_timeline, broken, file=FILE)
    line = raw.count(b"\n", 0, cut) + 1
    assert f"byte 0x{bad:02x} at offset {cut} (line {line})" in str(error)
    assert "save the file as UTF-8" in str(error)


# -- truncated files -------------------------------------------------------------------------


@fast
@given(seed_names, st.data())
def test_every_prefix_of_a_toml_seed_loads_or_is_one_error(name: str, data: st.DataObject) -> None:
    raw = SEEDS[name].encode()
    cut = data.draw(st.integers(0, len(raw)))
    error = loads_or_names_the_file(parse_timeline, raw[:cut], file=FILE)
    if cut == len(raw):
        assert error is None


@fast
@given(seed_names, st.data())
def test_every_prefix_of_a_json_export_is_one_error(name: str, data: st.DataObject) -> None:
    raw = JSONS[name].encode()
    cut = data.draw(st.integers(0, len(raw) - 2))  # the whole object ends at len - 1 (a newline follows)
    error = refused(timeline_from_json, raw[:cut], file=FILE)
    assert "not valid JSON" in str(error) or "not UTF-8" in str(error)


def test_every_prefix_of_a_seed_in_a_file(tmp_path: Path) -> None:
    raw = SEEDS["lv-ottawa-2025.toml"].encode()
    path = tmp_path / "cut.toml"
    for cut in range(0, len(raw), 97):
        path.write_bytes(raw[:cut])
        loads_or_names_the_file(load_timeline, path, file=str(path))


# -- garbage in every field ------------------------------------------------------------------


def _paths(value: Any, path: str = "") -> list[str]:
    """Every dotted path into a record: tables, lists and leaves."""
    out = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, f"{path}[{i}]")
    return out


def _split(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for dotted in path.split("."):
        name, *indexes = dotted.split("[")
        if name:
            parts.append(name)
        parts += [int(i.rstrip("]")) for i in indexes]
    return parts


def _replace(record: Any, path: str, value: Any) -> Any:
    *parents, last = _split(path)
    target = record
    for part in parents:
        target = target[part]
    target[last] = value
    return record


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else path


_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", " ", "2025-02-30", "2025-13-01", "0000-01-01", "10000-01-01", "27/06/2025"]),
    st.sampled_from(["2025-W26-5", "2025-06-27T10:00:00+14:00", "2025-06-27T10:00", "ZZ", "otawa"]),
)
garbage = st.recursive(
    _leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(seed_names, st.data())
def test_garbage_in_any_field_is_refused_naming_the_field(name: str, data: st.DataObject) -> None:
    record = json.loads(JSONS[name])
    path = data.draw(st.sampled_from(_paths(record)))
    value = data.draw(garbage)
    text = json.dumps(_replace(record, path, value))
    error = loads_or_names_the_file(timeline_from_json, text, file=FILE)
    if error is None or isinstance(value, str):
        return  # a string can be valid, or valid in form and wrong for the procedure
    message = str(error)
    # Not a string where the file has a string, a date or a list: the field (or the
    # list or pair it belongs to) is named; "events" when the procedure refuses the events.
    assert path in message or _parent(path) in message or error.field == "events", (path, message)
    assert error.field, message


def _quoted(text: str) -> str:
    """A TOML basic string: JSON's escapes, but non-ASCII kept (TOML refuses surrogate pairs) and DEL escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml(value: Any) -> str:
    """``value`` as a TOML value; tables inline, so a whole record is ``key = value`` lines."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{_quoted(k)} = {_toml(v)}" for k, v in value.items()) + "}"


def _toml_record(record: dict[str, Any]) -> str:
    return "".join(f"{_quoted(k)} = {_toml(v)}\n" for k, v in record.items())


_offset = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
_toml_leaf = st.one_of(
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=_offset),
    st.times(),
)
toml_garbage = st.recursive(
    _toml_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def test_the_toml_writer_of_these_tests_is_faithful() -> None:
    for text in SEEDS.values():
        assert parse_timeline(_toml_record(tomllib.loads(text))) == parse_timeline(text)


@settings(max_examples=150, deadline=None)
@given(seed_names, st.data())
def test_garbage_in_any_toml_field_is_refused_naming_the_field(name: str, data: st.DataObject) -> None:
    record = tomllib.loads(SEEDS[name])
    path = data.draw(st.sampled_from(_paths(record)))
    value = data.draw(toml_garbage)
    text = _toml_record(_replace(record, path, value))
    error = loads_or_names_the_file(parse_timeline, text, file=FILE)
    if error is None or isinstance(value, str):
        return
    message = str(error)
    assert path in message or _parent(path) in message or error.field == "events", (path, message)
    assert error.field, message


_toml_dates = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(datetime.isoformat),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=_offset).map(
        datetime.isoformat
    ),
    st.times().map(time.isoformat),
    st.sampled_from(['"2025-W26-5"', '"27/06/2025"', '"2025-02-30"', '""', "2025-06-27T00:00:00Z"]),
)


@fast
@given(seed_names, _toml_dates)
def test_times_and_datetimes_are_refused_as_dates(name: str, literal: str) -> None:
    lines = SEEDS[name].splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("on = "))
    lines[at] = f"on = {literal}"
    error = refused(parse_timeline, "\n".join(lines), file=FILE)
    assert error.field.endswith(".on") or "not valid TOML" in str(error), str(error)


def test_a_week_date_is_not_read_as_a_calendar_day() -> None:
    text = JSONS["lv-ottawa-2025.toml"].replace('"on": "2025-06-27"', '"on": "2025-W26-5"')
    error = refused(timeline_from_json, text, file=FILE)
    assert error.field == "events[4].on" and "'2025-W26-5'" in str(error)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("schema = true", "schema"),
        ("schema = 1.0", "schema"),
        ("kind = []", "kind"),
        ("kind = { a = 1 }", "kind"),
        ("options = false", "options"),
        ("options = 0", "options"),
        ("procedure = 3", "procedure"),
        ('procedure = "XX"', "procedure"),
        ('treaty = "otawa"', "treaty"),
        ('party = "LVA"', "party"),
    ],
)
def test_values_that_used_to_pass_or_escape(change: str, field: str) -> None:
    lines = [
        line
        for line in SEEDS["lv-ottawa-2025.toml"].splitlines()
        if not line.startswith(change.split()[0] + " =")
    ]
    error = refused(parse_timeline, change + "\n" + "\n".join(lines), file=FILE)
    assert error.field == field, str(error)


def test_a_template_error_names_the_fix_as_the_file_writes_it() -> None:
    error = refused(parse_timeline, 'party = "LV"\ntreaty = "ottawa"\nprocedure = "XX"\n', file=FILE)
    assert 'procedure = "generic"' in str(error) and "'XX'" in str(error)


# -- unknown, missing, repeated fields -------------------------------------------------------

_names = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)


@fast
@given(seed_names, _names, st.data())
def test_unknown_fields_are_refused_with_their_path(name: str, key: str, data: st.DataObject) -> None:
    record = json.loads(JSONS[name])
    tables = [("", record)]
    tables += [(f"events[{i}].", e) for i, e in enumerate(record["events"])]
    if "options" in record:
        tables.append(("options.", record["options"]))
    where, table = data.draw(st.sampled_from(tables))
    assume(key not in table)
    table[key] = data.draw(_leaf)
    error = refused(timeline_from_json, json.dumps(record), file=FILE)
    assert f"{where}{key}: unknown field" in str(error)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_missing_required_fields_are_named(name: str) -> None:
    record = json.loads(JSONS[name])
    required = ["party", "treaty", "events[0].step"]
    if record["kind"] == "suspension":
        required += ["basis", "notified"]
    for path in required:
        broken = json.loads(JSONS[name])
        *parents, last = _split(path)
        target = broken
        for part in parents:
            target = target[part]
        del target[last]
        error = refused(timeline_from_json, json.dumps(broken), file=FILE)
        assert f"{path}: is missing" in str(error), str(error)


def test_a_key_given_twice_in_json_is_refused() -> None:
    text = JSONS["lv-ottawa-2025.toml"].replace('"party": "LV"', '"party": "LV", "party": "EE"')
    error = refused(timeline_from_json, text, file=FILE)
    assert error.field == "party" and "appears twice" in str(error)
    refused(parse_timeline, 'party = "LV"\nparty = "EE"\ntreaty = "ottawa"\n', file=FILE)  # TOML too


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_constants_are_refused(constant: str) -> None:
    text = JSONS["lv-ottawa-2025.toml"].replace('"note": "', f'"x": {constant}, "note": "', 1)
    assert constant in str(refused(timeline_from_json, text, file=FILE))


@fast
@given(seed_names.filter(lambda n: not n.startswith("ua")), st.data())
def test_steps_out_of_order_or_twice_name_the_event(name: str, data: st.DataObject) -> None:
    record = json.loads(JSONS[name])
    events = record["events"]
    if data.draw(st.booleans()):
        record["events"] = data.draw(st.permutations(events))
        assume(record["events"] != events)
    else:
        i = data.draw(st.integers(0, len(events) - 1))
        events.insert(data.draw(st.integers(i + 1, len(events))), dict(events[i]))
    error = loads_or_names_the_file(timeline_from_json, json.dumps(record), file=FILE)
    if error is not None:  # some orders are still lawful
        assert error.field == "events" and "event " in str(error), str(error)


# -- structure, nesting, big numbers ---------------------------------------------------------


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_deep_nesting_is_one_error(depth: int) -> None:
    for error in (
        refused(parse_timeline, "x = " + "[" * depth + "]" * depth, file=FILE),
        refused(parse_timeline, "x = " + "{a=" * depth + "1" + "}" * depth, file=FILE),
        refused(timeline_from_json, "[" * depth + "]" * depth, file=FILE),
        refused(timeline_from_json, '{"a":' * depth + "1" + "}" * depth, file=FILE),
    ):
        assert "nested too deeply" in str(error)


def test_numbers_too_long_for_python_are_one_error() -> None:
    for error in (
        refused(parse_timeline, "party = " + "1" * 5000, file=FILE),
        refused(timeline_from_json, '{"party": ' + "1" * 5000 + "}", file=FILE),
    ):
        assert "set_int_max_str_digits" not in str(error)


@pytest.mark.parametrize("text", ["[]", '"LV"', "1", "null", "true"])
def test_json_that_is_not_an_object(text: str) -> None:
    assert "JSON object" in str(refused(timeline_from_json, text, file=FILE))


# -- arguments of the wrong type, paths that are not files ----------------------------------


@pytest.mark.parametrize("value", [None, 5, 1.5, [], {}, date(2025, 6, 27), object()])
def test_wrong_argument_types_are_our_error(value: object) -> None:
    refused(parse_timeline, value, file=FILE)
    refused(timeline_from_json, value, file=FILE)
    with pytest.raises(TimelineFileError, match=type(value).__name__):
        load_timeline(value)  # type: ignore[arg-type]


def test_paths_that_are_not_timeline_files(tmp_path: Path) -> None:
    refused(load_timeline, tmp_path, file=str(tmp_path))
    missing = tmp_path / "missing.toml"
    assert "no such file" in str(refused(load_timeline, missing, file=str(missing)))
    assert "file name is empty" in str(refused(load_timeline, "", file="''"))
    refused(load_timeline, "a\0b.toml", file="'a\\x00b.toml'")
    too_long = tmp_path / ("x" * 300 + ".toml")
    refused(load_timeline, too_long, file=str(too_long))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(SEEDS["lv-ottawa-2025.toml"], encoding="utf-8")
    path.chmod(0)
    try:
        assert "check the path and its permissions" in str(refused(load_timeline, path, file=str(path)))
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root to drop to another user")
def test_an_unreadable_file_as_an_unprivileged_user() -> None:
    """The test above, where CI runs it: as root, a forked child drops to ``nobody`` first.

    Root reads every file, so the unreadable-file test skips there; the child, with the
    library already imported, becomes uid/gid 65534 and reads a mode-0 file in a folder
    it may enter. Every loader must give its one clear line, not a traceback.
    """
    import tempfile

    from treatywithdraw.catalogue import load_treaty_file
    from treatywithdraw.procedures import load_procedure_file

    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        path = folder / "locked.toml"
        path.write_text(SEEDS["lv-ottawa-2025.toml"], encoding="utf-8")
        path.chmod(0)
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            lines = []
            try:
                os.setgid(65534)
                os.setuid(65534)
                for load in (load_timeline, load_treaty_file, load_procedure_file):
                    try:
                        load(str(path))
                        lines.append(f"{load.__name__}: read it")
                    except TreatyWithdrawError as exc:
                        lines.append(f"{load.__name__}: {type(exc).__name__}: {exc}")
            except BaseException as exc:  # anything else is the failure this test looks for
                lines.append(f"foreign: {type(exc).__name__}: {exc}")
            os.write(write_end, "\n".join(lines).encode())
            os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            report = pipe.read().decode()
        os.waitpid(child, 0)
    finally:
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()
    lines = report.splitlines()
    assert len(lines) == 3, report
    for line in lines:
        assert "Error: " in line and "Permission denied" in line and "permissions" in line, line
        assert "foreign" not in line and "read it" not in line, line


# -- nothing lost ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_seed_loads_the_same_from_toml_json_bytes_and_file(tmp_path: Path, name: str) -> None:
    loaded = parse_timeline(SEEDS[name])
    path = tmp_path / name
    path.write_text(SEEDS[name], encoding="utf-8")
    assert (
        parse_timeline(SEEDS[name].encode())
        == timeline_from_json(JSONS[name])
        == load_timeline(path)
        == loaded
    )
    assert timeline_to_json(loaded) == JSONS[name]


# -- resource bounds: the parsers under a memory cap ----------------------------------------

_WORST = {
    "dotted-key": "a" + ".a" * 20_000 + " = 1\n",
    "dotted-header": "[" + "a." * 300_000 + "a]\n",
    "dotted-array-header": "[[" + "a." * 20_000 + "a]]\n",
}


@pytest.mark.parametrize("shape", sorted(_WORST))
@pytest.mark.parametrize("reader", ["timeline", "treaty", "procedure"])
def test_worst_case_toml_is_refused_within_a_memory_cap(tmp_path: Path, shape: str, reader: str) -> None:
    import subprocess
    import sys
    import textwrap

    path = tmp_path / f"{reader}.toml"
    path.write_text(_WORST[shape], "utf-8")
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (300 * 2**20, 300 * 2**20))
        import treatywithdraw as tw
        from treatywithdraw.catalogue import load_treaty_file
        from treatywithdraw.procedures._files import load_procedure_file
        read = {{"timeline": tw.load_timeline, "treaty": load_treaty_file, "procedure": load_procedure_file}}[{reader!r}]
        try:
            read({str(path)!r})
        except tw.TreatyWithdrawError as exc:
            print(type(exc).__name__, str(exc)[:200])
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert "dotted parts" in done.stdout


def test_sixty_thousand_unknown_fields_make_a_bounded_message_and_keep_every_problem(tmp_path: Path) -> None:
    lines = ['party = "LV"', 'treaty = "ottawa"', *(f"unknown{i} = 1" for i in range(60_000))]
    path = tmp_path / "many.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    error = refused(load_timeline, path, file=str(path))
    assert len(error.problems) == 60_000  # nothing lost: the attribute has them all
    message = str(error)
    assert len(message) < 10_000 and message.endswith("and 59,980 more (the error's .problems lists them)")
