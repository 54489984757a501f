"""One reader of data files: typed, located access to a parsed TOML or JSON table.

The catalogue's treaty files and the procedure files are read by subclasses of
:class:`Reader`. Every problem is recorded with its dotted path (``clause.notice_period``,
``steps[3].actor``) and reading goes on, so one run reports every problem of a file;
:meth:`Reader.raise_problems` then raises one error with all of them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, Self, TypeVar

from treatywithdraw._dates import as_date
from treatywithdraw._inputs import party_code
from treatywithdraw.errors import (
    CatalogueError,
    InvalidArgumentError,
    InvalidDateError,
    Problem,
    TreatyWithdrawError,
)
from treatywithdraw.periods import Period

__all__ = ["MAX_KEY_PARTS", "Reader", "Skip", "read_toml_file", "toml_shape_problem"]

MAX_KEY_PARTS = 32
"""The most dotted parts a TOML key or table header may have in a data file.

The deepest key of the formats has four (``clause.minimum_participation.period`` as a
dotted key); Python's TOML parser is quadratic in the parts of one key (a 40 KB line of
``a.a.a...`` took 1.6 GB), so a longer key is refused before parsing.
"""

# A key-value line or a table header: bare or quoted key parts joined by dots, no prose.
_KEY_HEAD = re.compile(r"""\s*(?:\[\[?)?\s*[A-Za-z0-9_\-"'.\s]+?\s*(?:=|\]\]?)""")


def toml_shape_problem(text: str) -> str | None:
    """What makes ``text`` too costly to parse as a data file, or ``None``.

    >>> toml_shape_problem("a.b.c = 1\\n[x.y]\\n"), toml_shape_problem("a" + ".a" * 40 + " = 1")
    (None, 'line 1: a key of more than 32 dotted parts (41): no data file needs one; check the file')
    """
    for number, line in enumerate(text.splitlines(), 1):
        match = _KEY_HEAD.match(line)
        if match is not None:
            parts = match.group(0).count(".") + 1
            if parts > MAX_KEY_PARTS:
                return f"line {number}: a key of more than {MAX_KEY_PARTS} dotted parts ({parts}): no data file needs one; check the file"
    return None


def read_toml_file(path: object, *, what: str, limit: int, label: str | None = None) -> tuple[str, dict[str, Any]]:
    """The name and the TOML table of a data file (a procedure or a register file), or one error.

    The one way such a file is read: the path checked (:func:`~treatywithdraw._inputs.file_name`),
    at most ``limit`` bytes of a regular file, UTF-8 (a byte-order mark ignored), a
    shape bounded before parsing (:func:`toml_shape_problem`), then the TOML. Every
    failure is a :class:`~treatywithdraw.errors.CatalogueError` naming the file
    (``label``, if given, instead of the path).
    """
    import tomllib

    from treatywithdraw._dates import shown
    from treatywithdraw._inputs import file_name, read_regular_file

    def path_error(message: str) -> CatalogueError:
        return CatalogueError(message, file=shown(path) if isinstance(path, str) else "path")

    name = file_name(path, path_error, what=what)
    where = name if label is None else label

    def error(message: str) -> CatalogueError:
        return CatalogueError(message, file=where)

    def too_large(size: int, at_least: bool) -> CatalogueError:
        return CatalogueError(f"is larger than {limit} bytes: is it the right file?", file=where)

    raw = read_regular_file(name, limit, error, too_large, what=what)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(f"is not UTF-8 text (byte {exc.start}): save it as UTF-8", file=where) from None
    problem = toml_shape_problem(text)
    if problem is not None:
        raise CatalogueError(problem, file=where)
    try:
        return name, tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"not valid TOML: {exc}", file=where) from None
    except RecursionError:
        raise CatalogueError(f"nested too deeply to be a {what}", file=where) from None


def _iso_day(text: str, field: str) -> date:
    """The one date parser (``as_date``), held to the exact form a file must use."""
    if text != text.strip():
        raise ValueError(text)
    try:
        return as_date(text, field)
    except InvalidDateError:
        raise ValueError(text) from None


def _is_party_code(text: str) -> bool:
    """The one party-code parser (``party_code``), held to the exact form a file must use."""
    try:
        return party_code(text) == text
    except InvalidArgumentError:
        return False


T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class Skip(Exception):
    """A part of the record could not be read; its problem is already recorded."""


class Reader:
    """Typed, located access to a TOML table: every problem names the file and the field.

    Problems are collected, not raised one at a time: a part that cannot be read is
    skipped (:meth:`part`), the others are still read, and the caller raises one error
    listing every problem with its path (:meth:`raise_problems`).
    """

    schema = "docs/data-format.md"
    """Where the fields of this kind of file are documented (named in unknown-field problems)."""

    def __init__(
        self, table: Mapping[str, Any], file: str, prefix: str, problems: list[Problem] | None = None
    ) -> None:
        self.table = table
        self.file = file
        self.prefix = prefix
        self.seen: set[str] = set()
        # Present fields already named as a likely misspelling of a missing one: not "unknown" too.
        self.suggested: set[str] = set()
        self.children: list[Reader] = []
        self.problems: list[Problem] = [] if problems is None else problems

    def refuse_unknown(self) -> None:
        """Refuse a field no reader asked for: a misspelt field would otherwise be ignored.

        Its default would then stand in silently for what the author meant.
        """
        if self.prefix and any(p.path.startswith(self.prefix) for p in self.problems):
            # A part that could not be read: its unread fields are not unknown, only unread.
            return
        for field in self.table:
            if field not in self.seen and field not in self.suggested:
                known = sorted(self.seen)
                import difflib

                close = difflib.get_close_matches(str(field), known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"the fields here are {', '.join(known)}"
                self.fail(str(field), f"unknown field ({hint}; {self.schema} lists them)")
        for child in self.children:
            child.refuse_unknown()

    def fail(self, field: str, message: str) -> Skip:
        """Record a problem at ``field``; the caller raises what this returns to skip the part."""
        self.problems.append(Problem(self.prefix + field, message))
        return Skip()

    def part(self, read: Callable[[], T]) -> T | None:
        """``read()``, or ``None`` when it could not be read (its problem is recorded)."""
        try:
            return read()
        except Skip:
            return None

    def _get(self, field: str, kind: type[T], default: T | None, required: bool) -> T | None:
        self.seen.add(field)
        if field not in self.table:
            if required:
                present = [k for k in self.table if k not in self.seen]
                import difflib

                close = difflib.get_close_matches(field, present, n=1)
                hint = f": is {close[0]!r} a misspelling of it?" if close else ""
                self.suggested.update(close)
                raise self.fail(field, f"required field is missing ({kind.__name__}){hint}")
            return default
        value = self.table[field]
        if kind is date and isinstance(value, str):
            try:
                value = _iso_day(value, field)
            except ValueError:
                raise self.fail(field, f"{value!r} is not an ISO date YYYY-MM-DD") from None
        if kind is date and isinstance(value, datetime):
            raise self.fail(
                field, f"{value.isoformat()!r} has a time of day: write the date alone, YYYY-MM-DD"
            )
        if kind is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.fail(field, f"expected {kind.__name__}, found {value!r}")
        return value

    def text(self, field: str, default: str | None = None) -> str:
        value = self._get(field, str, default, default is None)
        assert value is not None
        return value

    def nonempty(self, field: str) -> str:
        value = self.text(field)
        if not value.strip():
            raise self.fail(field, "must not be empty")
        return value

    def url(self, field: str = "url") -> str:
        """A non-empty http(s) URL: a source must be one a reader can open."""
        value = self.nonempty(field)
        if not value.startswith(("http://", "https://")):
            raise self.fail(field, f"{value!r} is not an http(s) URL")
        return value

    def day(self, field: str, *, required: bool = True) -> date | None:
        return self._get(field, date, None, required)

    def flag(self, field: str) -> bool:
        value = self._get(field, bool, False, False)
        return bool(value)

    def strings(self, field: str) -> tuple[str, ...]:
        values = self._get(field, list, [], False) or []
        for i, item in enumerate(values):
            if not isinstance(item, str):
                raise self.fail(f"{field}[{i}]", f"expected a string, found {item!r}")
        return tuple(values)

    def period(self, field: str, *, required: bool = True) -> Period | None:
        raw = self._get(field, str, None, required)
        if raw is None:
            return None
        if raw != raw.strip():
            raise self.fail(field, f"{raw!r} has spaces or a line break around it: write e.g. 'P6M'")
        try:
            period = Period.parse(raw)
        except TreatyWithdrawError:
            raise self.fail(field, f"{raw!r} is not an ISO 8601 period like 'P6M'") from None
        if min(period.years, period.months, period.days) < 0:
            # A negative part would date an effect before its receipt.
            raise self.fail(field, f"{raw!r} has a negative part: a period in a data file runs forward")
        return period

    def choice(self, field: str, enum_type: type[E], default: E | None = None) -> E:
        raw = self._get(field, str, None, default is None)
        if raw is None:
            assert default is not None
            return default
        try:
            return enum_type(raw)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            raise self.fail(field, f"{raw!r} is not one of {allowed}") from None

    def sub(self, field: str, *, required: bool = True) -> Self | None:
        table = self._get(field, dict, None, required)
        if table is None:
            return None
        child = type(self)(table, self.file, f"{self.prefix}{field}.", self.problems)
        self.children.append(child)
        return child

    def subs(self, field: str) -> list[Self]:
        rows = self._get(field, list, [], False) or []
        readers = []
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise self.fail(f"{field}[{i}]", f"expected a table, found {row!r}")
            readers.append(type(self)(row, self.file, f"{self.prefix}{field}[{i}].", self.problems))
        self.children.extend(readers)
        return readers

    def party(self, field: str) -> str:
        code = self.text(field)
        if not _is_party_code(code):
            raise self.fail(field, f"{code!r} is not an ISO 3166-1 alpha-2 code like 'LV'")
        return code

    def raise_problems(self, error: type[CatalogueError] = CatalogueError) -> None:
        """Raise ``error`` naming the file and every problem recorded, if there is one."""
        if self.problems:
            raise error(file=self.file, problems=self.problems)
