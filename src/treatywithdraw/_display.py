"""Short reprs and notebook tables: what an object shows when printed or displayed.

A repr is one line that names the object (``Treaty('ottawa')``), not a dump of every
field: a treaty's full definition runs to twelve thousand characters. The whole
definition is still available, as fields, and :func:`definition_text` spells it out for
fingerprints.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs


def day(value: date | None, missing: str = "—") -> str:
    """``value`` as ISO text, or ``missing``."""
    return value.isoformat() if value is not None else missing


def table(rows: Iterable[tuple[str, str]]) -> str:
    """An HTML table of (heading, value) rows, every text escaped.

    >>> table([("treaty", "A & B")])
    '<table><tr><th>treaty</th><td>A &amp; B</td></tr></table>'
    """
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def definition_text(value: Any) -> str:
    """The whole of ``value`` as text: every attrs field, recursively, as attrs would repr it.

    Short reprs leave fields out; a fingerprint of a definition must not.

    >>> from treatywithdraw.periods import Period
    >>> definition_text((Period.parse("P6M"),))
    '(Period(years=0, months=6, days=0),)'
    """
    if attrs.has(type(value)):
        fields = ", ".join(
            f"{f.name}={definition_text(getattr(value, f.name))}" for f in attrs.fields(type(value))
        )
        return f"{type(value).__qualname__}({fields})"
    if isinstance(value, tuple):
        items = [definition_text(v) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(definition_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{definition_text(k)}: {definition_text(v)}" for k, v in value.items()) + "}"
    return repr(value)
