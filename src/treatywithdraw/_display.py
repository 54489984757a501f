"""Short reprs and notebook tables: what an object shows when printed or displayed.

A repr is one line that names the object (``Treaty('ottawa')``), not a dump of every
field: a treaty's full definition runs to twelve thousand characters. The whole
definition is still available, as fields, and :func:`definition_text` spells it out for
fingerprints.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

# Characters that act on a terminal or a line-based reader instead of showing: the C0
# controls (ESC starts a terminal escape sequence, NUL ends C strings, BEL rings), DEL,
# the C1 controls (U+0085 is a line break to Unicode-aware readers), the Unicode line and
# paragraph separators, and the bidirectional overrides and isolates that reorder text;
# and lone surrogates (valid in JSON input, ``"\\ud800"``, but no encoding can write them).
_ESCAPED = (
    *range(0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0xD800, 0xE000),
)


def escape_controls(text: str, keep: str = "\n\t") -> str:
    r"""``text`` with every control character written as a visible escape (``\u001b``).

    Nothing is dropped: the escape names the character, in the form JSON also reads
    (so a JSON answer stays valid and keeps the character). ``keep`` lists the controls
    that stay as they are (line feed and tab by default); a carriage return is kept
    only as part of a ``\r\n`` line ending.

    >>> escape_controls("red \x1b[31m alert\x07\u2028BEGIN:VEVENT\r\nnext")
    'red \\u001b[31m alert\\u0007\\u2028BEGIN:VEVENT\r\nnext'
    """
    if text.isprintable():
        return text
    table = _escapes(keep)
    return "\r\n".join(part.translate(table) for part in text.split("\r\n"))


@functools.cache
def _escapes(keep: str) -> dict[int, str]:
    """The translation table of :func:`escape_controls` for ``keep`` (built once: about 2,200 entries)."""
    return {i: f"\\u{i:04x}" for i in _ESCAPED if chr(i) not in keep}


def day(value: date | None, missing: str = "—") -> str:
    """``value`` as ISO text, or ``missing``."""
    return value.isoformat() if value is not None else missing


def table(rows: Iterable[tuple[str, str]]) -> str:
    """An HTML table of (heading, value) rows, every text escaped.

    >>> table([("treaty", "A & B")])
    '<table><tr><th>treaty</th><td>A &amp; B</td></tr></table>'
    """
    import html

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
