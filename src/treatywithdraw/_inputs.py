"""Reading the non-date arguments callers give: party codes and armed-conflict spans.

Shared by :mod:`treatywithdraw.effects` and :mod:`treatywithdraw.timeline`, so the same
bad value gets the same error wherever it is given.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from treatywithdraw._dates import as_date, shown
from treatywithdraw.errors import InvalidArgumentError, InvalidDateError

__all__ = [
    "conflict_pairs",
    "file_name",
    "flag",
    "of_type",
    "one_of",
    "party_code",
    "read_regular_file",
    "tuple_of",
]


def of_type(*kinds: type, optional: bool = False) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: the value is one of ``kinds`` (or ``None`` when ``optional``).

    Unlike ``attrs.validators.instance_of`` it raises our
    :class:`~treatywithdraw.InvalidArgumentError`, naming the class, the field and the value.
    """
    names = " or ".join(k.__name__ for k in kinds) + (" or None" if optional else "")

    def check(instance: object, attribute: Any, value: object) -> None:
        if isinstance(value, kinds) or (optional and value is None):
            return
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{attribute.name} must be {names}, not "
            f"{type(value).__name__} {shown(value)}",
            value=value,
            field=attribute.name,
        )

    return check


def party_code(party: object) -> str:
    """An ISO 3166-1 alpha-2 code, upper-cased.

    >>> party_code(" lv ")
    'LV'
    >>> party_code("LVA")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidArgumentError: party 'LVA' is not an ISO 3166-1 alpha-2 code: pass e.g. party='LV'
    """
    if isinstance(party, str):
        code = party.strip()
        if len(code) == 2 and code.isascii() and code.isalpha():
            return code.upper()
    raise InvalidArgumentError(
        f"party {shown(party)} is not an ISO 3166-1 alpha-2 code: pass e.g. party='LV'",
        value=party,
        field="party",
    )


def one_of(*values: str) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: one of a closed set of words."""

    def check(instance: object, attribute: Any, value: object) -> None:
        if value in values:
            return
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{attribute.name} must be one of {', '.join(map(repr, values))}, "
            f"not {shown(value)}",
            value=value,
            field=attribute.name,
        )

    return check


def tuple_of(*kinds: type) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: a ``tuple`` whose items are each one of ``kinds``."""
    names = " or ".join(k.__name__ for k in kinds)

    def check(instance: object, attribute: Any, value: object) -> None:
        if isinstance(value, tuple) and all(isinstance(item, kinds) for item in value):
            return
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{attribute.name} must be a tuple of {names}, not "
            f"{type(value).__name__} {shown(value)}",
            value=value,
            field=attribute.name,
        )

    return check


def flag(value: object, field: str) -> bool:
    """``True`` or ``False`` and nothing else (not ``1``, not ``"yes"``).

    >>> flag(True, "apply_vclt56")
    True
    >>> flag("no", "apply_vclt56")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidArgumentError: apply_vclt56 must be True or False, not str 'no'
    """
    if value is True or value is False:
        return value
    raise InvalidArgumentError(
        f"{field} must be True or False, not {type(value).__name__} {shown(value)}",
        value=value,
        field=field,
    )


def conflict_pairs(value: Iterable[object]) -> tuple[tuple[date, date | None], ...]:
    """``(start, end)`` pairs as dates, ``end`` ``None`` while the conflict goes on.

    >>> conflict_pairs([("2022-02-24", None)])
    ((datetime.date(2022, 2, 24), None),)
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidArgumentError(
            f"armed_conflicts must be an iterable of (start, end) pairs, not {shown(value)}: "
            "pass e.g. [('2022-02-24', None)]",
            value=value,
            field="armed_conflicts",
        )
    out = []
    for i, pair in enumerate(value):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InvalidArgumentError(
                f"armed_conflicts[{i}] must be a (start, end) pair with end None while the "
                f"conflict goes on, not {shown(pair)}",
                value=pair,
                field="armed_conflicts",
            )
        start = as_date(pair[0], f"armed_conflicts[{i}].start")
        end = None if pair[1] is None else as_date(pair[1], f"armed_conflicts[{i}].end")
        if end is not None and end < start:
            raise InvalidDateError(
                f"armed_conflicts[{i}] ends {end.isoformat()} before it starts {start.isoformat()}",
                value=pair,
                field=f"armed_conflicts[{i}].end",
            )
        out.append((start, end))
    return tuple(out)


def file_name(value: object, error: Callable[[str], Exception], *, what: str = "file") -> str:
    """A path argument as its name (``str``), or ``error(message)`` raised.

    The one reading of a path for every loader: a ``str`` or an ``os.PathLike`` whose
    ``__fspath__`` gives a ``str``; bytes, a failing ``__fspath__``, an empty name and a
    NUL (which no file system accepts) are refused before anything is opened. The
    messages for a ``str`` path do not repeat it: ``error`` names the file.
    """
    if not isinstance(value, str | os.PathLike):
        raise error(f"a {what} is a path (str or Path), not {type(value).__name__} {shown(value)}")
    try:
        name = os.fspath(value)
    except Exception as exc:  # a user's PathLike may raise anything
        raise error(f"the path object {shown(value)} fails to give a path ({type(exc).__name__}): pass a str") from None
    if not isinstance(name, str):
        raise error(f"a {what} is a path (str or Path), not {type(name).__name__} {shown(name)}")
    if not name:
        raise error(f"the file name is empty: give the path of a {what}")
    if "\0" in name:
        raise error("is not a path (it holds a NUL character): check the name")
    return name


def read_regular_file(
    name: str,
    limit: int,
    error: Callable[[str], Exception],
    too_large: Callable[[int, bool], Exception],
    *,
    what: str = "file",
    streams: tuple[str, ...] = (),
) -> bytes:
    """At most ``limit`` bytes of the regular file ``name`` (more than that: ``too_large``).

    Anything that is not a regular file is refused before it is opened: a named pipe
    would block until something writes to it, a device may never end. ``streams`` names
    the exceptions a caller reads on purpose (``/dev/stdin``), a bounded amount.
    ``too_large(size, at_least)`` builds the error for a file over the limit.
    """
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"is a directory: give the path of a {what}")
        if not stat.S_ISREG(info.st_mode) and name not in streams:
            pipe = f", or pipe it to {streams[0]}" if streams else ""
            raise error(
                f"is not a regular file (a named pipe, a device or a socket): give the path of a {what}{pipe}"
            )
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise too_large(info.st_size, False)
        with open(name, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise error("no such file: check the path") from None
    except OSError as exc:
        raise error(f"cannot be read ({exc.strerror or exc}): check the path and its permissions") from None
    if len(data) > limit:
        raise too_large(len(data), True)
    return data
