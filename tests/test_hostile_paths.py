"""Paths that are not paths (issue 16, item 9): one reading for every loader.

A NUL in a name, a ``PathLike`` whose ``__fspath__`` raises or returns something else,
bytes, an empty name, a folder and a named pipe each get one error of the library's
own, from the treaty, timeline and procedure loaders alike.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import treatywithdraw as tw
from treatywithdraw.catalogue import load_treaty_file
from treatywithdraw.procedures import load_procedure_file


class _Raising(os.PathLike[str]):
    def __fspath__(self) -> str:
        raise RuntimeError("no path today")


class _Int(os.PathLike[str]):
    def __fspath__(self) -> str:
        return 5  # type: ignore[return-value]


class _Bytes(os.PathLike[str]):
    def __fspath__(self) -> str:
        return b"ottawa.toml"  # type: ignore[return-value]


LOADERS: dict[str, Callable[[Any], object]] = {
    "load_treaty_file": load_treaty_file,
    "load_timeline": tw.load_timeline,
    "load_procedure_file": load_procedure_file,
}

BAD_PATHS: dict[str, tuple[object, str]] = {
    "nul": ("a\0b.toml", "holds a NUL character"),
    "fspath raises": (_Raising(), "fails to give a path (RuntimeError)"),
    "fspath gives an int": (_Int(), "fails to give a path (TypeError)"),
    "fspath gives bytes": (_Bytes(), "is a path (str or Path), not bytes"),
    "bytes": (b"ottawa.toml", "is a path (str or Path), not bytes"),
    "empty": ("", "the file name is empty"),
    "int": (42, "is a path (str or Path), not int"),
}


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("case", sorted(BAD_PATHS))
def test_a_path_that_is_not_a_path_is_one_error(loader: str, case: str) -> None:
    value, expected = BAD_PATHS[case]
    with pytest.raises(tw.TreatyWithdrawError) as raised:
        LOADERS[loader](value)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_folder_and_a_named_pipe_are_refused_before_opening(loader: str, tmp_path: Path) -> None:
    with pytest.raises(tw.TreatyWithdrawError, match="is a directory"):
        LOADERS[loader](tmp_path)
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)  # opening it would wait for a writer forever
    with pytest.raises(tw.TreatyWithdrawError, match="is not a regular file"):
        LOADERS[loader](pipe)
    with pytest.raises(tw.TreatyWithdrawError, match="no such file"):
        LOADERS[loader](tmp_path / "missing.toml")


def test_a_str_path_is_named_in_the_error() -> None:
    with pytest.raises(tw.InvalidArgumentError, match=r"^path 'a\\x00b\.toml': is not a path"):
        load_treaty_file("a\0b.toml")
    with pytest.raises(tw.TimelineFileError, match=r"^'a\\x00b\.toml': is not a path"):
        tw.load_timeline("a\0b.toml")
    with pytest.raises(tw.CatalogueError, match=r"^'a\\x00b\.toml': is not a path"):
        load_procedure_file("a\0b.toml")


def test_the_shared_reader_bounds_a_stream_and_a_file_by_what_it_reads(tmp_path: Path) -> None:
    from treatywithdraw._inputs import read_regular_file

    def error(message: str) -> tw.InvalidArgumentError:
        return tw.InvalidArgumentError(message)

    def too_large(size: int, at_least: bool) -> tw.InvalidArgumentError:
        return tw.InvalidArgumentError(f"{'at least ' if at_least else ''}{size} bytes")

    # A stream the caller reads on purpose (as /dev/stdin) has no size: at most limit + 1 is read.
    with pytest.raises(tw.InvalidArgumentError, match=r"^at least 11 bytes$"):
        read_regular_file("/dev/zero", 10, error, too_large, streams=("/dev/zero",))
    with pytest.raises(tw.InvalidArgumentError, match="is not a regular file"):
        read_regular_file("/dev/zero", 10, error, too_large)
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 12)
    with pytest.raises(tw.InvalidArgumentError, match=r"^12 bytes$"):
        read_regular_file(str(big), 10, error, too_large)
    assert read_regular_file(str(big), 12, error, too_large) == b"#" * 12
