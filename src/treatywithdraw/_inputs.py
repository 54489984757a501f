"""Reading the non-date arguments callers give: party codes and armed-conflict spans.

Shared by :mod:`treatywithdraw.effects` and :mod:`treatywithdraw.timeline`, so the same
bad value gets the same error wherever it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from treatywithdraw._dates import as_date, shown
from treatywithdraw.errors import InvalidArgumentError, InvalidDateError

__all__ = ["conflict_pairs", "flag", "of_type", "one_of", "party_code", "tuple_of"]


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
