"""Timeline files: TOML for people, JSON for machines, both for one withdrawal.

A timeline file describes one party's withdrawal from one treaty (or, with
``kind = "suspension"``, a suspension such as Ukraine's in 2025): the party, the treaty,
the events with their dates, sources, notes and confidence labels. Loading replays the
events through :meth:`~treatywithdraw.timeline.Withdrawal.record`, so a file is
checked against the procedure template like any recorded step. The format is in
``docs/procedures.md``.

Files are UTF-8 (a leading byte-order mark is ignored) and at most
:data:`MAX_TIMELINE_BYTES` long; a larger file is refused before it is parsed.

JSON export is deterministic (sorted keys, two-space indent, a final newline, UTF-8 kept
as is) and carries a schema version; ``timeline_from_json(timeline_to_json(w)) == w``
and exporting again gives the same bytes.

>>> from treatywithdraw.timeline import Withdrawal
>>> w = Withdrawal.start(party="EE", treaty="ottawa").record("parliament-approval", "2025-06-04")
>>> text = timeline_to_json(w)
>>> timeline_from_json(text) == w, timeline_to_json(timeline_from_json(text)) == text
(True, True)
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from treatywithdraw._inputs import file_name, read_regular_file
from treatywithdraw._records import toml_shape_problem
from treatywithdraw.catalogue import Treaty, _is_treaty_path
from treatywithdraw.clauses import ADDRESSEES
from treatywithdraw.errors import (
    CatalogueError,
    InvalidArgumentError,
    InvalidTransitionError,
    Problem,
    TimelineFileError,
    TreatyWithdrawError,
    UnknownPartyError,
    UnknownTreatyError,
)
from treatywithdraw.options import OPTION_NAMES, NoticeOptions
from treatywithdraw.procedures import Confidence, Procedure, Step
from treatywithdraw.timeline import Event, Suspension, Withdrawal

__all__ = [
    "JSON_SCHEMA",
    "MAX_TIMELINE_BYTES",
    "TOML_SCHEMA",
    "Timeline",
    "load_timeline",
    "seed_names",
    "parse_timeline",
    "timeline_from_json",
    "timeline_from_record",
    "timeline_to_json",
    "timeline_to_record",
]

Timeline = Withdrawal | Suspension
"""What a timeline file holds."""

TOML_SCHEMA = 1
"""The version of the TOML timeline format (``schema = 1``; optional in the file)."""
JSON_SCHEMA = "treatywithdraw.timeline/1"
"""The ``schema`` field of the JSON export."""

MAX_TIMELINE_BYTES = 1024 * 1024
"""The largest timeline file (or text) read: 1 MiB, checked before parsing.

The 2025 seeds are 2-5 KB; a timeline with a hundred events and long notes stays under
100 KB. Anything larger is not a timeline (a wrong file, a log, a dump), and refusing
it before parsing keeps a wrong path from costing memory and time. See
``docs/data-format.md``.
"""

_BOM = "\ufeff"
"""A UTF-8 byte-order mark (Windows editors write one): carries no meaning, ignored."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_TOP = {
    "withdrawal": {
        "schema",
        "kind",
        "party",
        "treaty",
        "treaty_hash",
        "procedure",
        "procedure_hash",
        "note",
        "sources",
        "options",
        "events",
    },
    "suspension": {
        "schema",
        "kind",
        "party",
        "treaty",
        "treaty_hash",
        "basis",
        "notified",
        "outcome",
        "note",
        "sources",
        "events",
    },
}
_EVENT = {"step", "on", "confidence", "sources", "note", "addressee"}


def _show(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters so an error stays one readable line."""
    try:
        text = repr(value)
    except Exception:  # an object whose repr() fails: its type is all an error can show
        return f"<{type(value).__name__} object>"
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


class _Problems:
    """Collects every problem in a file, then raises them together."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[tuple[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.items.append((field, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise TimelineFileError(file=self.file, problems=[Problem(f, m) for f, m in self.items])

    def text(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.add(f"{where}{key}", "is missing")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(f"{where}{key}", f"must be a non-empty string, not {_show(value)}")
            return None
        return value

    def day(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> date | None:
        value = table.get(key)
        if value is None:
            if required:
                self.add(f"{where}{key}", "is missing: write an ISO date YYYY-MM-DD")
            return None
        if isinstance(value, datetime):
            self.add(f"{where}{key}", f"{value.isoformat()} has a time: write a date YYYY-MM-DD")
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError as exc:
                self.add(
                    f"{where}{key}",
                    f"{value!r} is not an ISO date that exists ({exc}): write a real day YYYY-MM-DD",
                )
                return None
        self.add(f"{where}{key}", f"{_show(value)} is not an ISO date: write YYYY-MM-DD")
        return None

    def strings(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(f"{where}{key}", f"must be a list of strings (URLs), not {_show(value)}")
            return ()
        return tuple(value)

    def unknown(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                # A key that is not a plain name ("\n", a long one) is quoted, so the path stays one line.
                name = key if isinstance(key, str) and _BARE_KEY.fullmatch(key) else _show(key, 40)
                self.add(f"{where}{name}", f"unknown field: the fields are {', '.join(sorted(allowed))}")


def _events(raw: object, problems: _Problems) -> list[Event]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add("events", f"must be a list of tables ([[events]]), not {_show(raw)}")
        return []
    out: list[Event] = []
    for i, item in enumerate(raw):
        where = f"events[{i}]."
        if not isinstance(item, Mapping):
            problems.add(f"events[{i}]", f"must be a table, not {_show(item)}")
            continue
        problems.unknown(item, _EVENT, where)
        step_name = problems.text(item, "step", where, required=True)
        step = None
        if step_name is not None:
            try:
                step = Step(step_name)  # the one step parser: case and spaces are forgiven
            except ValueError:
                problems.add(
                    f"{where}step",
                    f"unknown step {_show(step_name)}: the steps are {', '.join(s.value for s in Step)}",
                )
        on = problems.day(item, "on", where)
        confidence = None
        label = problems.text(item, "confidence", where)
        if label is not None:
            try:
                confidence = Confidence(label)
            except ValueError:
                problems.add(
                    f"{where}confidence",
                    f"{_show(label)} is not a confidence label: use {', '.join(c.value for c in Confidence)}",
                )
        if on is None and "on" not in item and confidence is not Confidence.UNCONFIRMED:
            problems.add(
                f"{where}on",
                'is missing: give the date, or mark the step confidence = "unconfirmed" with a note',
            )
        sources = problems.strings(item, "sources", where)
        note = problems.text(item, "note", where)
        addressee = problems.text(item, "addressee", where)
        if addressee is not None and (
            step is not Step.PARTIES_NOTIFIED or addressee not in ADDRESSEES - {"depositary"}
        ):
            problems.add(
                f"{where}addressee",
                f"{_show(addressee)}: an addressee belongs to a parties-notified step and is one of "
                f"{', '.join(sorted(ADDRESSEES - {'depositary'}))}",
            )
            addressee = None
        if step is not None:
            out.append(
                Event(
                    step=step, on=on, sources=sources, note=note, confidence=confidence, addressee=addressee
                )
            )
    return out


def definition_hash(value: object) -> str:
    """A short fingerprint of a treaty's or a procedure's whole definition (every field).

    A JSON record carries the fingerprints of the treaty and the procedure it was made
    with, so that reading it back with another definition under the same key (a treaty
    file of one's own, an edited catalogue) is an error, never a different date.
    """
    import hashlib

    from treatywithdraw._display import definition_text

    return hashlib.sha256(definition_text(value).encode("utf-8")).hexdigest()[:16]


def timeline_from_record(
    record: Mapping[str, Any],
    *,
    file: str = "",
    treaty: Treaty | None = None,
    procedure: Procedure | None = None,
) -> Timeline:
    """Build a :class:`Withdrawal` or :class:`Suspension` from a parsed TOML or JSON record.

    Every field problem is reported at once; then the events are replayed through the
    procedure's rules. ``treaty`` and ``procedure`` supply definitions of one's own (a
    treaty file read with :func:`~treatywithdraw.catalogue.load_treaty_file`, a custom
    :class:`~treatywithdraw.Procedure`) for the keys the record names; a record that
    carries fingerprints must be read with the definitions it was made with.

    Raises:
        TimelineFileError: naming ``file`` and the field (``events[3].on``).
    """
    problems = _Problems(file)
    if not isinstance(record, Mapping):
        problems.add("", f"a timeline must be a table, not {type(record).__name__}")
        problems.raise_if_any()
    kind = record.get("kind", "withdrawal")
    if not isinstance(kind, str) or kind not in _TOP:
        problems.add("kind", f"{_show(kind)} is not known: use 'withdrawal' or 'suspension'")
        problems.raise_if_any()
    schema = record.get("schema", TOML_SCHEMA)
    # ``type(...) in`` keeps true and 1.0, which compare equal to 1, from passing for it.
    if type(schema) not in (int, str) or schema not in (TOML_SCHEMA, JSON_SCHEMA):
        problems.add(
            "schema", f"{_show(schema)} is not a schema this version reads ({TOML_SCHEMA} or {JSON_SCHEMA!r})"
        )
    problems.unknown(record, _TOP[kind], "")
    party = problems.text(record, "party", "", required=True)
    treaty_key = problems.text(record, "treaty", "", required=True)
    if treaty is not None and treaty_key is not None and treaty_key != treaty.key:
        problems.add("treaty", f"{treaty_key!r} is not the key of the treaty given ({treaty.key!r})")
    elif treaty is None and treaty_key is not None and _is_treaty_path(treaty_key):
        problems.add(
            "treaty",
            f"{_show(treaty_key)} is a file path, but a timeline names its treaty by key: write the key the "
            "treaty file gives, and pass the file along (load_timeline(path, treaty=treaty(file)), or on the "
            "command line --treaty FILE)",
        )
    treaty_given: Treaty | str | None = treaty if treaty is not None else treaty_key
    note = problems.text(record, "note", "")
    sources = problems.strings(record, "sources", "")
    events = _events(record.get("events"), problems)
    try:
        if kind == "suspension":
            basis = problems.text(record, "basis", "", required=True)
            notified = problems.day(record, "notified", "", required=True)
            outcome = problems.text(record, "outcome", "")
            problems.raise_if_any()
            assert party is not None and treaty_given is not None
            assert basis is not None and notified is not None
            suspension = Suspension.create(
                party=party,
                treaty=treaty_given,
                basis=basis,
                notified=notified,
                events=events,
                outcome=outcome,
                note=note,
                sources=sources,
            )
            _check_hash(record, "treaty_hash", suspension.treaty, "treaty", file)
            return suspension
        template = problems.text(record, "procedure", "")
        options, found = NoticeOptions.from_record(record.get("options"))
        for problem in found:
            problems.add(problem.path, problem.message)
        problems.raise_if_any()
        assert party is not None and treaty_given is not None
        start = Withdrawal.start(
            party=party,
            treaty=treaty_given,
            procedure=procedure if procedure is not None else template,
            options=options,
            note=note,
            sources=sources,
        )
        _check_hash(record, "treaty_hash", start.treaty, "treaty", file)
        _check_hash(record, "procedure_hash", start.procedure, "procedure", file)
    except (TimelineFileError, CatalogueError):  # a broken catalogue is not this file's fault
        raise
    except TreatyWithdrawError as exc:
        message = _for_the_file(str(exc))
        if isinstance(exc, UnknownTreatyError):
            message += (
                "; for a treaty file of your own, pass it along: load_timeline(path, treaty=treaty(file)), "
                "or on the command line --treaty FILE"
            )
        raise TimelineFileError(
            message, file=file, field=_field_of(exc, procedure_given="procedure" in record)
        ) from exc
    try:
        return start.replay(events)
    except CatalogueError:
        raise
    except TreatyWithdrawError as exc:
        raise TimelineFileError(
            f"the events break the {start.procedure.title}: {exc}",
            file=file,
            field="events",  # the message names the event: "event 3 (head-of-state-act on ...)"
        ) from exc


def _check_hash(record: Mapping[str, Any], field: str, definition: object, what: str, file: str) -> None:
    """Refuse a record made with another definition of its treaty or procedure."""
    recorded = record.get(field)
    if recorded is None:  # a hand-written file: no fingerprint to hold it to
        return
    if recorded != definition_hash(definition):
        raise TimelineFileError(
            f"this timeline was made with another definition of its {what} than the one it is read with "
            f"(a file of one's own, or another version of the catalogue); the dates could differ: read it "
            f"with the definition it was made with (timeline_from_json(text, {what}=...))",
            file=file,
            field=field,
        )


def _field_of(exc: TreatyWithdrawError, *, procedure_given: bool) -> str:
    """The field of the file that an error raised while building the timeline is about."""
    if isinstance(exc, UnknownTreatyError):
        return "treaty"
    if isinstance(exc, UnknownPartyError):
        return "procedure" if procedure_given else "party"
    if isinstance(exc, InvalidTransitionError):  # the message names the event
        return "events"
    field = getattr(exc, "field", "")
    if field in ("party", "treaty", "basis", "notified"):
        return str(field)
    if field in OPTION_NAMES:
        return f"options.{field}"
    return ""


def _for_the_file(message: str) -> str:
    """A library message, with the fix written as a timeline file writes it."""
    return message.replace("procedure('generic')", 'procedure = "generic"').replace(
        "procedure='generic'", 'procedure = "generic"'
    )


def _too_large(size: int, file: str, *, at_least: bool = False) -> TimelineFileError:
    return TimelineFileError(
        f"{'at least ' if at_least else ''}{size:,} bytes, over the {MAX_TIMELINE_BYTES:,}-byte (1 MiB) "
        "limit for a timeline, so it was refused before parsing: a timeline is a few kilobytes; "
        "check that this is the right file, or shorten its notes",
        file=file,
    )


def _decode(data: bytes, file: str) -> str:
    """UTF-8 bytes as text, without a leading byte-order mark."""
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        line = data.count(b"\n", 0, offset) + 1
        raise TimelineFileError(
            f"not UTF-8 text: byte 0x{data[offset]:02x} at offset {offset} (line {line}) cannot be "
            "decoded: save the file as UTF-8",
            file=file,
        ) from None


def _text(text: object, file: str) -> str:
    """The text of a timeline: at most :data:`MAX_TIMELINE_BYTES`, UTF-8, no byte-order mark."""
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if len(data) > MAX_TIMELINE_BYTES:
            raise _too_large(len(data), file)
        return _decode(data, file)
    if not isinstance(text, str):
        raise TimelineFileError(
            f"a timeline is text (str, or UTF-8 bytes), not {type(text).__name__} {_show(text)}",
            file=file,
        )
    if len(text) > MAX_TIMELINE_BYTES:  # a character is at least one byte: no need to encode
        raise _too_large(len(text), file, at_least=True)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TIMELINE_BYTES:
        raise _too_large(size, file)
    return text.removeprefix(_BOM)


def _unreadable(language: str, exc: ValueError | RecursionError, file: str) -> NoReturn:
    """A parser's complaint as a :class:`TimelineFileError`."""
    if isinstance(exc, RecursionError):
        nested = "arrays or tables" if language == "TOML" else "arrays or objects"
        why = f"{nested} are nested too deeply to read (a timeline nests four levels at most)"
    else:
        # int() refuses over 4300 digits; its advice (sys.set_int_max_str_digits) is not for users.
        why = str(exc).split("; use sys.set_int_max_str_digits")[0]
    raise TimelineFileError(f"not valid {language}: {why}", file=file) from None


def parse_timeline(
    text: str | bytes,
    *,
    file: str = "<string>",
    treaty: Treaty | None = None,
    procedure: Procedure | None = None,
) -> Timeline:
    """Read a TOML timeline from a string (or UTF-8 bytes).

    A leading byte-order mark is ignored. Text over :data:`MAX_TIMELINE_BYTES` (in UTF-8)
    is refused before it is parsed. ``treaty`` and ``procedure`` supply definitions of
    one's own, as in :func:`timeline_from_record`.

    Raises:
        TimelineFileError: too long, not text, bad TOML, a bad field, or events the
            procedure refuses.
    """
    import tomllib

    source = _text(text, file)
    problem = toml_shape_problem(source)
    if problem is not None:  # a key of thousands of dotted parts: the parser is quadratic in them
        raise TimelineFileError(problem, file=file)
    try:
        record = tomllib.loads(source)
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError is a ValueError
        _unreadable("TOML", exc, file)
    return timeline_from_record(record, file=file, treaty=treaty, procedure=procedure)


def _read(path: object) -> tuple[bytes, str]:
    """The bytes of a timeline file and its name for messages; at most the limit is read."""
    def path_error(message: str) -> TimelineFileError:
        return TimelineFileError(message, file=_show(path)) if isinstance(path, str) else TimelineFileError(message)

    name = file_name(path, path_error, what="timeline file")

    def error(message: str) -> TimelineFileError:
        return TimelineFileError(message, file=name)

    def too_large(size: int, at_least: bool) -> TimelineFileError:
        return _too_large(size, name, at_least=at_least)

    data = read_regular_file(
        name, MAX_TIMELINE_BYTES, error, too_large, what="timeline file", streams=("/dev/stdin", "-")
    )
    return data, name


def seed_folders() -> tuple[Path, ...]:
    """Where the seed timelines are: in the installed package, or at the root of a checkout."""
    here = Path(__file__).resolve().parent.parent
    return tuple(p for p in (here / "data" / "seeds", here.parent.parent / "seeds") if p.is_dir())


def seed_names() -> tuple[str, ...]:
    """The names of the seed timelines shipped with the package (``lv-ottawa-2025``, ...).

    >>> "lv-ottawa-2025" in seed_names()
    True
    """
    names: set[str] = set()
    for folder in seed_folders():
        names.update(p.stem for p in folder.glob("*.toml"))
    return tuple(sorted(names))


def _seed_path(name: str) -> Path | None:
    """The seed file a bare name (no folder, no suffix) names, if there is one."""
    if not _SEED_NAME.fullmatch(name):
        return None
    for folder in seed_folders():
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return candidate
    return None


_SEED_NAME = re.compile(r"[a-z]{2}-[a-z0-9-]+-[0-9]{4}")


def load_timeline(
    path: str | Path, *, treaty: Treaty | None = None, procedure: Procedure | None = None
) -> Timeline:
    r"""Load a timeline file: TOML (``seeds/lv-ottawa-2025.toml``), or JSON if it ends in ``.json``.

    A seed shipped with the package can be named alone, from any directory:
    ``load_timeline("lv-ottawa-2025")`` (:func:`seed_names` lists them). The file must be
    UTF-8 (a leading byte-order mark is ignored) and at most :data:`MAX_TIMELINE_BYTES`
    long: the size is checked before anything is parsed.

    ``treaty`` and ``procedure`` supply definitions of one's own for the keys the file
    names, as in :func:`timeline_from_record`: a withdrawal from a treaty read with
    :func:`~treatywithdraw.catalogue.load_treaty_file` loads back with that treaty.

    Raises:
        TimelineFileError: there is no such file, it cannot be read, it is too large, or
            its content is wrong (the message names the file and the field).

    >>> load_timeline("lv-ottawa-2025").effective_date
    datetime.date(2025, 12, 27)

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:   # removed afterwards
    ...     path = pathlib.Path(folder) / "lv.toml"
    ...     _ = path.write_text('party = "LV"\ntreaty = "ottawa"\n', encoding="utf-8")
    ...     load_timeline(path).procedure.key
    'LV'
    """
    if isinstance(path, str) and not os.path.exists(path):
        seed = _seed_path(path)
        if seed is not None:
            path = seed
    data, name = _read(path)
    if name.lower().endswith(".json"):
        return timeline_from_json(data, file=name, treaty=treaty, procedure=procedure)
    return parse_timeline(data, file=name, treaty=treaty, procedure=procedure)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _event_record(e: Event) -> dict[str, Any]:
    return {
        "step": e.step.value,
        "on": _iso(e.on),
        "confidence": None if e.confidence is None else e.confidence.value,
        "sources": list(e.sources),
        "note": e.note,
        "addressee": e.addressee,
    }


def timeline_to_record(timeline: Timeline) -> dict[str, Any]:
    """The JSON-ready record of a timeline: plain dicts, lists, strings and ``None``.

    Raises:
        InvalidArgumentError: ``timeline`` is not a :class:`Withdrawal` or :class:`Suspension`.
    """
    if not isinstance(timeline, Withdrawal | Suspension):
        raise InvalidArgumentError(
            f"timeline must be a Withdrawal or a Suspension, not {type(timeline).__name__} "
            f"{_show(timeline)}: build one with Withdrawal.start or load_timeline",
            value=timeline,
            field="timeline",
        )
    common: dict[str, Any] = {
        "schema": JSON_SCHEMA,
        "party": timeline.party,
        "treaty": timeline.treaty.key,
        "treaty_hash": definition_hash(timeline.treaty),
        "note": timeline.note,
        "sources": list(timeline.sources),
        "events": [_event_record(e) for e in timeline.events],
    }
    if isinstance(timeline, Suspension):
        return {
            **common,
            "kind": "suspension",
            "basis": timeline.basis,
            "notified": timeline.notified.isoformat(),
            "outcome": timeline.outcome,
        }
    return {
        **common,
        "kind": "withdrawal",
        "procedure": timeline.procedure.key,
        "procedure_hash": definition_hash(timeline.procedure),
        "options": timeline.options.to_record(),
    }


def timeline_to_json(timeline: Timeline) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 kept, final newline."""
    import json

    return json.dumps(timeline_to_record(timeline), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


class _Refused(Exception):
    """Raised inside the JSON parser's hooks; becomes a :class:`TimelineFileError`."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (``json`` would keep the last silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"the key {_show(key)} appears twice in one object: keep one", field=key)
        out[key] = value
    return out


def _no_constant(name: str) -> NoReturn:
    raise _Refused(f"{name} is not a JSON value (RFC 8259): write a number, a string or null")


def timeline_from_json(
    text: str | bytes,
    *,
    file: str = "<json>",
    treaty: Treaty | None = None,
    procedure: Procedure | None = None,
) -> Timeline:
    """Read a timeline exported by :func:`timeline_to_json`.

    UTF-8 only; a leading byte-order mark is ignored. Text over :data:`MAX_TIMELINE_BYTES`
    is refused before it is parsed, and so is an object that gives a key twice.

    Raises:
        TimelineFileError: too long, not JSON, a schema this version does not read, or
            bad content.
    """
    import json

    source = _text(text, file)
    try:
        record = json.loads(source, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _Refused as exc:
        raise TimelineFileError(exc.message, file=file, field=exc.field) from None
    except (ValueError, RecursionError) as exc:
        _unreadable("JSON", exc, file)
    if not isinstance(record, dict):
        raise TimelineFileError(
            f"a timeline is a JSON object {{...}}, not {type(record).__name__} {_show(record)}: "
            "export the timeline with timeline_to_json",
            file=file,
        )
    if record.get("schema") != JSON_SCHEMA:
        raise TimelineFileError(
            f"schema {_show(record.get('schema'))} is not {JSON_SCHEMA!r}: export the timeline with this version",
            file=file,
            field="schema",
        )
    return timeline_from_record(record, file=file, treaty=treaty, procedure=procedure)
