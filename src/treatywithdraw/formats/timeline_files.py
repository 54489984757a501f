"""Timeline files: TOML for people, JSON for machines, both for one withdrawal.

A timeline file describes one party's withdrawal from one treaty (or, with
``kind = "suspension"``, a suspension such as Ukraine's in 2025): the party, the treaty,
the events with their dates, sources, notes and confidence labels. Loading replays the
events through :meth:`~treatywithdraw.timeline.Withdrawal.record`, so a file is
checked against the procedure template like any recorded step. The format is in
``docs/procedures.md``.

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

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from treatywithdraw.errors import TimelineFileError, TreatyWithdrawError
from treatywithdraw.procedures import Confidence, Step
from treatywithdraw.timeline import Event, Suspension, Withdrawal

__all__ = [
    "JSON_SCHEMA",
    "TOML_SCHEMA",
    "Timeline",
    "load_timeline",
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

_TOP = {
    "withdrawal": {"schema", "kind", "party", "treaty", "procedure", "note", "sources", "options", "events"},
    "suspension": {
        "schema",
        "kind",
        "party",
        "treaty",
        "basis",
        "notified",
        "outcome",
        "note",
        "sources",
        "events",
    },
}
_EVENT = {"step", "on", "confidence", "sources", "note"}
_OPTIONS = {"rounding", "later_date", "party_since", "armed_conflicts"}


class _Problems:
    """Collects every problem in a file, then raises them together."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[tuple[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.items.append((field, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        if len(self.items) == 1:
            field, message = self.items[0]
            raise TimelineFileError(message, file=self.file, field=field)
        text = "; ".join(f"{f}: {m}" for f, m in self.items)
        raise TimelineFileError(f"{len(self.items)} problems: {text}", file=self.file, field=self.items[0][0])

    def text(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.add(f"{where}{key}", "is missing")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(f"{where}{key}", f"must be a non-empty string, not {value!r}")
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
        if isinstance(value, str):
            try:
                if len(value) == 10:
                    return date.fromisoformat(value)
            except ValueError:
                pass
        self.add(f"{where}{key}", f"{value!r} is not an ISO date YYYY-MM-DD that exists")
        return None

    def strings(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(f"{where}{key}", f"must be a list of strings (URLs), not {value!r}")
            return ()
        return tuple(value)

    def unknown(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                self.add(f"{where}{key}", f"unknown field: the fields are {', '.join(sorted(allowed))}")


def _events(raw: object, problems: _Problems) -> list[Event]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add("events", f"must be a list of tables ([[events]]), not {raw!r}")
        return []
    out: list[Event] = []
    for i, item in enumerate(raw):
        where = f"events[{i}]."
        if not isinstance(item, Mapping):
            problems.add(f"events[{i}]", f"must be a table, not {item!r}")
            continue
        problems.unknown(item, _EVENT, where)
        step_name = problems.text(item, "step", where, required=True)
        step = None
        if step_name is not None:
            try:
                step = Step(step_name)
            except ValueError:
                problems.add(
                    f"{where}step",
                    f"unknown step {step_name!r}: the steps are {', '.join(s.value for s in Step)}",
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
                    f"{label!r} is not a confidence label: use {', '.join(c.value for c in Confidence)}",
                )
        if on is None and "on" not in item and confidence is not Confidence.UNCONFIRMED:
            problems.add(
                f"{where}on",
                'is missing: give the date, or mark the step confidence = "unconfirmed" with a note',
            )
        sources = problems.strings(item, "sources", where)
        note = problems.text(item, "note", where)
        if step is not None:
            out.append(Event(step=step, on=on, sources=sources, note=note, confidence=confidence))
    return out


def _conflicts(raw: object, problems: _Problems) -> list[tuple[date, date | None]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add("options.armed_conflicts", f"must be a list, not {raw!r}")
        return []
    out: list[tuple[date, date | None]] = []
    for i, item in enumerate(raw):
        where = f"options.armed_conflicts[{i}]."
        if isinstance(item, list) and len(item) == 2:  # the JSON form: [start, end|null]
            item = {"start": item[0], "end": item[1]}
        if not isinstance(item, Mapping):
            problems.add(
                f"options.armed_conflicts[{i}]",
                f"must be a table with start and end (end omitted while ongoing), not {item!r}",
            )
            continue
        problems.unknown(item, {"start", "end"}, where)
        start = problems.day(item, "start", where, required=True)
        end = problems.day(item, "end", where)
        if start is not None and end is not None and end < start:
            problems.add(f"{where}end", f"{end.isoformat()} is before the start {start.isoformat()}")
        elif start is not None:
            out.append((start, end))
    return out


def timeline_from_record(record: Mapping[str, Any], *, file: str = "") -> Timeline:
    """Build a :class:`Withdrawal` or :class:`Suspension` from a parsed TOML or JSON record.

    Every field problem is reported at once; then the events are replayed through the
    procedure's rules.

    Raises:
        TimelineFileError: naming ``file`` and the field (``events[3].on``).
    """
    problems = _Problems(file)
    if not isinstance(record, Mapping):
        problems.add("", f"a timeline must be a table, not {type(record).__name__}")
        problems.raise_if_any()
    kind = record.get("kind", "withdrawal")
    if kind not in _TOP:
        problems.add("kind", f"{kind!r} is not known: use 'withdrawal' or 'suspension'")
        problems.raise_if_any()
    schema = record.get("schema", TOML_SCHEMA)
    if schema not in (TOML_SCHEMA, JSON_SCHEMA):
        problems.add(
            "schema", f"{schema!r} is not a schema this version reads ({TOML_SCHEMA} or {JSON_SCHEMA!r})"
        )
    problems.unknown(record, _TOP[kind], "")
    party = problems.text(record, "party", "", required=True)
    treaty = problems.text(record, "treaty", "", required=True)
    note = problems.text(record, "note", "")
    sources = problems.strings(record, "sources", "")
    events = _events(record.get("events"), problems)
    try:
        if kind == "suspension":
            basis = problems.text(record, "basis", "", required=True)
            notified = problems.day(record, "notified", "", required=True)
            outcome = problems.text(record, "outcome", "")
            problems.raise_if_any()
            assert party is not None and treaty is not None
            assert basis is not None and notified is not None
            return Suspension.create(
                party=party,
                treaty=treaty,
                basis=basis,
                notified=notified,
                events=events,
                outcome=outcome,
                note=note,
                sources=sources,
            )
        template = problems.text(record, "procedure", "")
        options = record.get("options") or {}
        if not isinstance(options, Mapping):
            problems.add("options", f"must be a table, not {options!r}")
            options = {}
        problems.unknown(options, _OPTIONS, "options.")
        rounding = problems.text(options, "rounding", "options.")
        later_date = problems.day(options, "later_date", "options.")
        party_since = problems.day(options, "party_since", "options.")
        conflicts = _conflicts(options.get("armed_conflicts"), problems)
        problems.raise_if_any()
        assert party is not None and treaty is not None
        start = Withdrawal.start(
            party=party,
            treaty=treaty,
            procedure=template,
            rounding=rounding,
            later_date=later_date,
            party_since=party_since,
            armed_conflicts=conflicts,
            note=note,
            sources=sources,
        )
    except TimelineFileError:
        raise
    except TreatyWithdrawError as exc:
        raise TimelineFileError(str(exc), file=file) from exc
    try:
        return start.replay(events)
    except TreatyWithdrawError as exc:
        raise TimelineFileError(
            f"the events break the {start.procedure.name} procedure: {exc}",
            file=file,
            field="events",
        ) from exc


def parse_timeline(text: str, *, file: str = "<string>") -> Timeline:
    """Read a TOML timeline from a string.

    Raises:
        TimelineFileError: bad TOML, a bad field, or events the procedure refuses.
    """
    import tomllib

    try:
        record = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TimelineFileError(f"not valid TOML: {exc}", file=file) from None
    return timeline_from_record(record, file=file)


def load_timeline(path: str | Path) -> Timeline:
    r"""Load a timeline file: TOML (``seeds/lv-ottawa-2025.toml``), or JSON if it ends in ``.json``.

    Raises:
        TimelineFileError: there is no such file, it cannot be read, or its content is
            wrong (the message names the file and the field).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "lv.toml"
    >>> _ = path.write_text('party = "LV"\ntreaty = "ottawa"\n', encoding="utf-8")
    >>> load_timeline(path).procedure.key
    'LV'
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TimelineFileError(f"not UTF-8 text: {exc}", file=str(path)) from None
    except OSError as exc:
        raise TimelineFileError(
            f"cannot read the file ({exc.strerror or exc}): check the path", file=str(path)
        ) from None
    if p.suffix.lower() == ".json":
        return timeline_from_json(text, file=str(path))
    return parse_timeline(text, file=str(path))


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _event_record(e: Event) -> dict[str, Any]:
    return {
        "step": e.step.value,
        "on": _iso(e.on),
        "confidence": None if e.confidence is None else e.confidence.value,
        "sources": list(e.sources),
        "note": e.note,
    }


def timeline_to_record(timeline: Timeline) -> dict[str, Any]:
    """The JSON-ready record of a timeline: plain dicts, lists, strings and ``None``."""
    common: dict[str, Any] = {
        "schema": JSON_SCHEMA,
        "party": timeline.party,
        "treaty": timeline.treaty.key,
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
        "options": {
            "rounding": None if timeline.rounding is None else timeline.rounding.value,
            "later_date": _iso(timeline.later_date),
            "party_since": _iso(timeline.party_since),
            "armed_conflicts": [[s.isoformat(), _iso(e)] for s, e in timeline.armed_conflicts],
        },
    }


def timeline_to_json(timeline: Timeline) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 kept, final newline."""
    import json

    return json.dumps(timeline_to_record(timeline), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def timeline_from_json(text: str | bytes, *, file: str = "<json>") -> Timeline:
    """Read a timeline exported by :func:`timeline_to_json`.

    Raises:
        TimelineFileError: not JSON, a schema this version does not read, or bad content.
    """
    import json

    try:
        record = json.loads(text)
    except ValueError as exc:
        raise TimelineFileError(f"not valid JSON: {exc}", file=file) from None
    if not isinstance(record, dict) or record.get("schema") != JSON_SCHEMA:
        found = record.get("schema") if isinstance(record, dict) else None
        raise TimelineFileError(
            f"schema {found!r} is not {JSON_SCHEMA!r}: export the timeline with this version",
            file=file,
            field="schema",
        )
    return timeline_from_record(record, file=file)
