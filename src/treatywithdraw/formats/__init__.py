"""Reading and writing treatywithdraw objects: timeline files (TOML), JSON, iCalendar, Mermaid.

Heavy modules (``tomllib``, ``json``, the optional ``icalendar``) are imported inside
the functions that need them, so importing the package stays fast and works without
the extras.
"""

from __future__ import annotations

from treatywithdraw.formats.ics import to_ics
from treatywithdraw.formats.mermaid import procedure_state_diagram, timeline_diagram, timeline_gantt
from treatywithdraw.formats.timeline_files import (
    JSON_SCHEMA,
    TOML_SCHEMA,
    Timeline,
    load_timeline,
    parse_timeline,
    timeline_from_json,
    timeline_from_record,
    timeline_to_json,
    timeline_to_record,
)

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
    # exports
    "procedure_state_diagram",
    "timeline_diagram",
    "timeline_gantt",
    "to_ics",
]
