"""Reading and writing treatywithdraw objects: timeline files (TOML) and JSON.

Heavy standard-library modules (``tomllib``, ``json``) are imported inside the
functions that need them, so importing the package stays fast.
"""

from __future__ import annotations

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
]
