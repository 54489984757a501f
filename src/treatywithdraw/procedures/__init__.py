"""Domestic withdrawal procedures: one template per state, and a generic one.

One explicit registry maps ISO 3166-1 alpha-2 codes (and a few aliases) to the module
that defines the template; a module is imported the first time it is asked for.

>>> procedure("LV").name
'Latvia'
>>> procedure("lva").key
'LV'
>>> [p.key for p in procedures()]
['EE', 'FI', 'LT', 'LV', 'PL', 'generic']
>>> procedure("UA")
Traceback (most recent call last):
...
treatywithdraw.errors.UnknownPartyError: no withdrawal procedure for 'UA': Ukraine's 2025 notification on the Ottawa Convention suspended it under VCLT Art. 62; it was not a withdrawal (see seeds/ua-ottawa-2025.toml). Pass procedure='generic' to model a withdrawal anyway; templates exist for EE, FI, LT, LV, PL
"""

from __future__ import annotations

import importlib

from treatywithdraw._dates import shown
from treatywithdraw.errors import UnknownPartyError
from treatywithdraw.procedures._model import (
    BRANCH_STEPS,
    Actor,
    Confidence,
    Deadline,
    Duration,
    Procedure,
    Source,
    Step,
    StepRule,
)

__all__ = [
    "BRANCH_STEPS",
    "Actor",
    "Confidence",
    "Deadline",
    "Duration",
    "Procedure",
    "Source",
    "Step",
    "StepRule",
    "procedure",
    "procedures",
]

# code -> (module, aliases). The module defines PROCEDURE.
_REGISTRY: dict[str, tuple[str, tuple[str, ...]]] = {
    "EE": ("ee", ("EST", "ESTONIA")),
    "FI": ("fi", ("FIN", "FINLAND")),
    "LT": ("lt", ("LTU", "LITHUANIA")),
    "LV": ("lv", ("LVA", "LATVIA")),
    "PL": ("pl", ("POL", "POLAND")),
    "GENERIC": ("generic", ()),
}

# Parties whose known 2025 acts are not withdrawals: say so instead of "unknown".
_NOT_WITHDRAWALS = {
    "UA": "Ukraine's 2025 notification on the Ottawa Convention suspended it under VCLT "
    "Art. 62; it was not a withdrawal (see seeds/ua-ottawa-2025.toml)",
}

_INDEX = {alias: code for code, (_, aliases) in _REGISTRY.items() for alias in (code, *aliases)}
_LOADED: dict[str, Procedure] = {}


def _load(code: str) -> Procedure:
    found = _LOADED.get(code)
    if found is None:
        module = importlib.import_module(f"treatywithdraw.procedures.{_REGISTRY[code][0]}")
        found = module.PROCEDURE
        assert isinstance(found, Procedure)
        _LOADED[code] = found
    return found


def procedure(party: str | Procedure) -> Procedure:
    """The withdrawal procedure template for ``party``; a :class:`Procedure` passes through.

    Args:
        party: an ISO 3166-1 alpha-2 code (``"LV"``), an alias (``"LVA"``,
            ``"latvia"``), or ``"generic"``; case does not matter.

    Raises:
        UnknownPartyError: no template for that code (also a ``LookupError``); the
            message lists the codes that have one.

    >>> procedure("generic").key
    'generic'
    """
    if isinstance(party, Procedure):
        return party
    name = party.strip().upper() if isinstance(party, str) else ""
    code = _INDEX.get(name)
    if code is None:
        known = ", ".join(c for c in _REGISTRY if c != "GENERIC")
        why = _NOT_WITHDRAWALS.get(name)
        if why is not None:
            message = (
                f"no withdrawal procedure for {shown(party)}: {why}. Pass procedure='generic' to "
                f"model a withdrawal anyway; templates exist for {known}"
            )
        else:
            message = (
                f"no withdrawal procedure for {shown(party)}: templates exist for {known}; "
                "use procedure('generic') for any other state"
            )
        raise UnknownPartyError(message)
    return _load(code)


def procedures() -> tuple[Procedure, ...]:
    """Every registered template, countries by code, then the generic one."""
    return tuple(_load(code) for code in _REGISTRY)
