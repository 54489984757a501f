"""Domestic withdrawal procedures: one data file per state, and a generic one.

Each template is a TOML file in ``treatywithdraw/data/procedures/`` (``lv.toml``),
read and validated by one reader (:mod:`treatywithdraw.procedures._files`): adding a
state is adding a file. Codes and aliases are matched without regard to case.

>>> procedure("LV").name
'Latvia'
>>> procedure("lva").key
'LV'
>>> len(procedures()) >= 20
True
>>> procedure("TV")
Traceback (most recent call last):
...
treatywithdraw.errors.UnknownPartyError: no withdrawal procedure for 'TV': templates exist for AR, AU, BR, CA, DE, EE, EU, FI, FR, GB, HU, LT, LV, NI, PH, PL, RU, UA, US, VE, ZA, decree; use procedure('generic') for any other state
"""

from __future__ import annotations

import threading
import warnings
from pathlib import Path

from treatywithdraw._dates import shown
from treatywithdraw.errors import CatalogueError, CatalogueWarning, UnknownPartyError
from treatywithdraw.procedures._files import load_procedure_file
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
    "procedure_problems",
    "procedures",
]

# Parties whose known acts are not withdrawals and that have no template: say so instead
# of "unknown". (Ukraine has a template since 2026-11; its 2025 Ottawa notification, a
# suspension under VCLT Art. 62, is the seed seeds/ua-ottawa-2025.toml, kind = "suspension".)
_NOT_WITHDRAWALS: dict[str, str] = {}

_lock = threading.Lock()
_loaded: tuple[dict[str, Procedure], tuple[Procedure, ...], dict[str, CatalogueError]] | None = None


def _folder() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "procedures"


def _registry() -> tuple[dict[str, Procedure], tuple[Procedure, ...], dict[str, CatalogueError]]:
    """Every procedure file, read once: the index of codes and aliases, the templates in
    order, and the files that were refused (by file name), each warned about once."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                found: list[Procedure] = []
                broken: dict[str, CatalogueError] = {}
                for path in sorted(_folder().glob("*.toml")):
                    try:
                        found.append(load_procedure_file(path))
                    except CatalogueError as exc:  # set aside: the other templates keep working
                        broken[path.stem.upper()] = exc
                        warnings.warn(f"procedure files: {exc}", CatalogueWarning, stacklevel=3)
                found.sort(key=lambda p: (p.key == "generic", p.key))
                index = {name.upper(): p for p in found for name in (p.key, *p.aliases)}
                _loaded = index, tuple(found), broken
    return _loaded


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
    index, everything, broken = _registry()
    found = index.get(name)
    if found is None and name in broken:
        raise broken[name].with_traceback(None)
    if found is None:
        known = ", ".join(p.key for p in everything if p.key != "generic")
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
        raise UnknownPartyError(message, value=party, field="procedure")
    return found


def procedures() -> tuple[Procedure, ...]:
    """Every template, countries by code, then the generic one."""
    return _registry()[1]


def procedure_problems() -> tuple[CatalogueError, ...]:
    """The procedure files that were refused, each naming its file and every field at fault.

    >>> procedure_problems()
    ()
    """
    return tuple(_registry()[2].values())
