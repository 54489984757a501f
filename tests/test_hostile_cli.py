"""Hostile command lines: every subcommand, fed garbage, answers with exit code 0, 1 or 2.

An error is one line on stderr, ``treatywithdraw: ...``, that names the bad value (or the
argument it was given for), never a traceback. Two end-to-end runs check what a user
sees for a malformed timeline file and a 50 MB one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatywithdraw._dates import shown as _shown
from treatywithdraw.cli import _CONTROL, main
from treatywithdraw.formats import timeline_to_json
from treatywithdraw.formats.timeline_files import MAX_TIMELINE_BYTES, load_timeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "lv-ottawa-2025.toml"
SEED_TEXT = SEED.read_text(encoding="utf-8")

hostile = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def named(value: str, err: str) -> bool:
    """The error line shows ``value`` as given, quoted, or with its control characters escaped
    (a long value cut short as every message cuts it, ``shown``)."""
    shown = [value, repr(value), value.translate(_CONTROL), value.strip(), _shown(value)]
    return any(s and s in err for s in shown) or (value.strip() == "" and "''" in err)


def check(code: int, out: str, err: str, *, bad: str | None = None, slot: str = "") -> None:
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "Traceback" not in out, err
    if code == 0:
        assert err == "", err
    if code == 2:
        assert err, "exit code 2 without an error line"
    if err:
        assert err.endswith("\n") and err.count("\n") == 1, err
        if err.startswith("{"):  # under --json: one JSON object, its message as the plain line's
            record = json.loads(err)
            assert set(record) & {"error", "warning"}, record
            err = f"treatywithdraw: {record['message']}\n"
        assert err.startswith("treatywithdraw: "), err
    if code == 2 and bad is not None and not bad.startswith("-"):  # "-x" is read as an option
        assert named(bad, err) or (slot and slot in err), (bad, err)


# -- hostile values --------------------------------------------------------------------------

_offsets = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
dates_text = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "2025-02-30",
            "2025-13-01",
            "0000-01-01",
            "10000-01-01",
            "9999-12-31",
            "0001-01-01",
            "27/06/2025",
            "06/27/2025",
            "2025-06-27T10:00",
            "2025-06-27T23:59:59+14:00",
            "2025-06-27T00:00:00-12:00",
            "2025-W26-5",
            "20250627",
            "2025-6-27",
            "None",
            "null",
            "٢٠٢٥-٠٦-٢٧",
            "2025-06-27\n",
            "-1",
            "2025-08-31",
        ]
    ),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(min_value=datetime(1, 1, 2)).map(datetime.isoformat),
    st.datetimes(min_value=datetime(1, 1, 2), timezones=_offsets).map(datetime.isoformat),
    st.text(max_size=15),
)
treaties = st.one_of(
    st.sampled_from(
        [
            *("ottawa", "mine-ban", "who", "paris", "genocide", "rome-statute", "vclt", "icsid", "OTTAWA"),
            *(" ottawa ", "otawa", "", "None", "0", "\x00", "ottawa\n", "..", "ottawa; rm -rf /"),
        ]
    ),
    st.text(max_size=15),
)
parties = st.one_of(
    st.sampled_from(["LV", "lv", "US", "ZZ", "XX", "USA", "U", "1", "", " ", "ＬＶ", "L\x00", "None"]),
    st.text(max_size=4),
)
garbage = st.one_of(st.text(max_size=20), st.sampled_from(["--bogus", "--json=yes", "-x", "--", "-h", "0"]))
formats = st.one_of(st.sampled_from(["text", "json", "ics", "mermaid", "xml", "JSON", "", "--json"]), garbage)


# -- timeline files the tests point at ------------------------------------------------------

FILES = {
    "truncated.toml": SEED_TEXT[: len(SEED_TEXT) // 2].encode(),
    "truncated.json": timeline_to_json(load_timeline(SEED))[:500].encode(),
    "wrong-type.toml": SEED_TEXT.replace('party = "LV"', "party = 5").encode(),
    "unknown-field.toml": SEED_TEXT.replace("schema = 1", 'schema = 1\ncolour = "red"').encode(),
    "week-date.toml": SEED_TEXT.replace("on = 2025-06-27", 'on = "2025-W26-5"').encode(),
    "out-of-order.toml": SEED_TEXT.replace("on = 2025-06-27", "on = 2025-01-01").encode(),
    "bom.toml": b"\xef\xbb\xbf" + SEED_TEXT.encode(),
    "latin-1.toml": SEED_TEXT.encode("utf-8").replace("ā".encode(), b"\xe2"),
    "empty.toml": b"",
    "nested.json": b"[" * 100_000 + b"]" * 100_000,
    "duplicate.json": timeline_to_json(load_timeline(SEED))
    .replace('"party": "LV"', '"party": "LV", "party": "EE"')
    .encode(),
    "over-the-limit.toml": b"#" * (MAX_TIMELINE_BYTES + 1),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    (folder / "a-directory.toml").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)  # garbage file names resolve here, not in the checkout
        yield folder


paths = st.one_of(
    st.sampled_from([*FILES, "a-directory.toml", "missing.toml", "", ".", "\x00", "a\nb"]), garbage
)


# -- one bad value in an otherwise good command line ----------------------------------------

X = object()  # where the bad value goes
SLOTS: list[tuple[list[object], str, st.SearchStrategy[str]]] = [
    (["effective", X, "2025-06-27"], "TREATY", treaties),
    (["effective", "ottawa", X], "RECEIVED", dates_text),
    (["effective", "ottawa", "2025-06-27", "--party", X], "--party", parties),
    (["effective", "who", "2025-01-22", "--party", X], "--party", parties),
    (["effective", "rome-statute", "2025-06-02", "--later-date", X], "--later-date", dates_text),
    (["effective", "paris", "2019-11-04", "--party-since", X], "--party-since", dates_text),
    (["effective", "ottawa", "2025-08-31", "--rounding", X], "--rounding", garbage),
    (["effective", "ottawa", "2025-06-27", X], "", garbage),
    (["plan", X, "--effective-by", "2026-01-01"], "TREATY", treaties),
    (["plan", "ottawa", "--effective-by", X], "--effective-by", dates_text),
    (["plan", "ottawa", "--effective-by", "2026-01-01", "--party", X], "--party", parties),
    (["plan", "ottawa", "--effective-by", "2026-01-01", "--rounding", X], "--rounding", garbage),
    (["plan", "ottawa", "--effective-by", "2026-01-01", X], "", garbage),
    (["show", X], "TREATY", treaties),
    (["show", "ottawa", X], "", garbage),
    (["treaties", X], "", garbage),
    (["example", X], "", garbage),
    (["timeline", X], "FILE", paths),
    (["timeline", str(SEED), "--as-of", X], "--as-of", dates_text),
    (["timeline", str(SEED), "--format", X], "--format", formats),
    (["timeline", X, "--format", "json"], "FILE", paths),
    ([X], "COMMAND", garbage),
]


@hostile
@given(st.data())
def test_one_bad_value_is_named(capsys: pytest.CaptureFixture[str], files: Path, data: st.DataObject) -> None:
    template, slot, values = data.draw(st.sampled_from(SLOTS))
    bad = data.draw(values)
    argv = [bad if part is X else str(part) for part in template]
    code, out, err = run(capsys, argv)
    check(code, out, err, bad=bad, slot=slot)


# -- everything at once ---------------------------------------------------------------------

_effective_options = st.one_of(
    st.tuples(st.just("--party"), parties),
    st.tuples(st.just("--rounding"), st.one_of(st.sampled_from(["backward", "forward"]), garbage)),
    st.tuples(st.just("--later-date"), dates_text),
    st.tuples(st.just("--party-since"), dates_text),
    st.tuples(st.sampled_from(["--apply-vclt56", "--explain", "--json", "--bogus", "--", "-x"])),
)


@hostile
@given(treaties, dates_text, st.lists(_effective_options, max_size=4))
def test_effective_with_garbage_everywhere(
    capsys: pytest.CaptureFixture[str], treaty: str, received: str, options: list[tuple[str, ...]]
) -> None:
    argv = ["effective", treaty, received, *(word for option in options for word in option)]
    check(*run(capsys, argv))


@hostile
@given(
    treaties,
    st.one_of(st.just(()), st.tuples(st.just("--effective-by"), dates_text)),
    st.lists(
        st.one_of(st.tuples(st.just("--party"), parties), st.tuples(st.just("--json")), st.tuples(garbage)),
        max_size=3,
    ),
)
def test_plan_with_garbage_everywhere(
    capsys: pytest.CaptureFixture[str], treaty: str, by: tuple[str, ...], options: list[tuple[str, ...]]
) -> None:
    argv = ["plan", treaty, *by, *(word for option in options for word in option)]
    check(*run(capsys, argv))


@hostile
@given(
    paths,
    st.lists(
        st.one_of(
            st.tuples(st.just("--as-of"), dates_text),
            st.tuples(st.just("--format"), formats),
            st.tuples(garbage),
        ),
        max_size=3,
    ),
)
def test_timeline_with_garbage_everywhere(
    capsys: pytest.CaptureFixture[str], files: Path, file: str, options: list[tuple[str, ...]]
) -> None:
    check(*run(capsys, ["timeline", file, *(word for option in options for word in option)]))


@hostile
@given(
    st.sampled_from(["effective", "plan", "treaties", "show", "timeline", "example", ""]),
    st.lists(garbage, max_size=4),
)
def test_any_words_after_any_command(
    capsys: pytest.CaptureFixture[str], files: Path, command: str, words: list[str]
) -> None:
    check(*run(capsys, [command, *words] if command else words))


# -- the files, one by one ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(set(FILES) - {"bom.toml"}))
def test_each_malformed_file_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], files: Path, name: str
) -> None:
    code, out, err = run(capsys, ["timeline", name, "--format", "json"])
    check(code, out, err, bad=name)
    assert (code, out) == (2, "")
    assert err.startswith(f"treatywithdraw: {name}:")


def test_a_file_with_a_byte_order_mark_is_read(capsys: pytest.CaptureFixture[str], files: Path) -> None:
    code, out, err = run(capsys, ["timeline", "bom.toml", "--format", "json"])
    assert (code, err) == (0, "")
    assert json.loads(out)["party"] == "LV"


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("wrong-type.toml", "party"),
        ("unknown-field.toml", "colour"),
        ("week-date.toml", "events[4].on"),
        ("out-of-order.toml", "events"),
        ("duplicate.json", "party"),
    ],
)
def test_a_bad_field_is_named(capsys: pytest.CaptureFixture[str], files: Path, name: str, field: str) -> None:
    err = run(capsys, ["timeline", name])[2]
    assert err.startswith(f"treatywithdraw: {name}:{field}: "), err


# -- the command line's own words, not the library's ----------------------------------------


@pytest.mark.parametrize(
    ("argv", "words", "not_words"),
    [
        (
            ["effective", "ottawa", "2025-06-27", "--later-date", "2026-01-01"],
            ["drop --later-date 2026-01-01"],
            ["later_date"],
        ),
        (["effective", "ottawa", "2025-08-31"], ["--rounding backward", "--rounding forward"], ["rounding="]),
        (["effective", "ottawa", "27/06/2025"], ["RECEIVED '27/06/2025'"], []),
        (
            ["effective", "ottawa", "2025-06-27", "--later-date", "soon"],
            ["--later-date 'soon'"],
            ["later_date"],
        ),
        (["effective", "paris", "2019-11-04", "--party-since", "x"], ["--party-since 'x'"], ["party_since"]),
        (
            ["effective", "ottawa", "2025-06-27", "--party", "LVA"],
            ["--party 'LVA'", "--party LV"],
            ["party="],
        ),
        (
            ["plan", "ottawa", "--effective-by", "2025-02-30"],
            ["--effective-by '2025-02-30'"],
            ["effective_by"],
        ),
        (["plan", "ottawa", "--effective-by", "2026-01-01", "--party", "1"], ["--party '1'"], ["party="]),
        (["timeline", str(SEED), "--as-of", "tomorrow"], ["--as-of 'tomorrow'"], ["as_of"]),
        (["effective", "who", "2025-06-27"], ["--apply-vclt56"], ["apply_vclt56=True"]),
    ],
)
def test_errors_name_the_flag(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str], not_words: list[str]
) -> None:
    code, out, err = run(capsys, argv)
    check(code, out, err)
    assert code in (1, 2)
    for word in words:
        assert word in err, err
    for word in not_words:
        assert word not in err, err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["effective", "ottawa"], ["RECEIVED", "'treatywithdraw effective --help'"]),
        (["effective", "ottawa", "2025-06-27", "--bogus"], ["--bogus", "'treatywithdraw effective --help'"]),
        (["timeline", str(SEED), "--format", "xml"], ["'xml'", "'treatywithdraw timeline --help'"]),
        (["plan", "ottawa"], ["--effective-by"]),
        (["frobnicate"], ["'frobnicate'", "'treatywithdraw --help'"]),
        (["effective", "ottawa", "2025-06-27", "--party"], ["--party"]),
    ],
)
def test_usage_errors_are_one_line_too(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str]
) -> None:
    code, out, err = run(capsys, argv)
    check(code, out, err)
    assert (code, out) == (2, "")
    assert "usage:" not in err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize("argv", ["treaties", b"treaties", ["treaties", None], [5], ("show", 3.0)])
def test_arguments_that_are_not_strings(capsys: pytest.CaptureFixture[str], argv: object) -> None:
    code, out, err = run(capsys, argv)  # type: ignore[arg-type]
    check(code, out, err)
    assert code == 2 and "list of strings" in err


# -- end to end: what a user sees ------------------------------------------------------------


def _run_module(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "treatywithdraw", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def _one_clear_line(done: subprocess.CompletedProcess[str], path: Path) -> str:
    assert done.returncode == 2, done
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.endswith("\n"), done.stderr
    assert done.stderr.startswith(f"treatywithdraw: {path}:"), done.stderr
    return done.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.toml", SEED_TEXT[:700], "not valid TOML"),
        ("bad.json", '{"schema": "treatywithdraw.timeline/1", "party": ', "not valid JSON"),
        (
            "typed.toml",
            SEED_TEXT.replace('treaty = "ottawa"', "treaty = 2025-06-27"),
            "treaty: must be a non-empty string",
        ),
    ],
)
def test_a_malformed_timeline_file_at_the_command_line(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert expected in _one_clear_line(_run_module("timeline", str(path)), path)


def test_a_50_mb_timeline_file_at_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    size = 50 * 1024 * 1024
    with path.open("wb") as f:
        header = SEED_TEXT.encode() + b"\n# "
        f.write(header)
        f.write(b"x" * (size - len(header) - 1) + b"\n")
    assert path.stat().st_size == size
    message = _one_clear_line(_run_module("timeline", str(path)), path)
    assert f"{size:,} bytes" in message
    assert "1 MiB" in message and "refused before parsing" in message


def _cli(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "treatywithdraw", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


def test_an_ascii_terminal_gets_one_line_not_a_traceback() -> None:
    done = _cli(["show", "ottawa"], PYTHONIOENCODING="ascii")
    assert done.returncode in (0, 2)
    assert "Traceback" not in done.stderr
    if done.returncode == 2:
        assert "PYTHONIOENCODING=utf-8" in done.stderr and done.stderr.count("\n") == 1


def test_a_full_disk_gets_one_line_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "treatywithdraw", "treaties"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert "cannot write the answer" in done.stderr and "Traceback" not in done.stderr
