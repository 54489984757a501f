"""Procedure data files: one TOML file per state, read into a :class:`Procedure`.

The files live in ``treatywithdraw/data/procedures/`` (format in ``docs/procedures.md``).
They are read by the same reader as the treaty files: every problem of a file is
reported at once, each with its path (``steps[3].actor``), as one
:class:`~treatywithdraw.errors.CatalogueError`.

The international end of every procedure (the deposit, notice to the other parties, a
revocation under VCLT Art. 68) is the same shape everywhere; the file says who deposits
and what the deposit waits for (``[international]``), and the treaty's clause supplies
the provisions, the depositary and the addressees when a withdrawal is started
(:meth:`Procedure.for_treaty`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from treatywithdraw._records import Reader, Skip, read_toml_file
from treatywithdraw.errors import CatalogueError, TreatyWithdrawError
from treatywithdraw.procedures._model import (
    Actor,
    Confidence,
    Deadline,
    Duration,
    Override,
    Procedure,
    Source,
    Step,
    StepRule,
    incidental_steps,
    international_steps,
)

__all__ = ["DEPOSIT_PROVISION", "NOTIFY_PROVISION", "load_procedure_file", "procedure_from_record"]

DEPOSIT_PROVISION = "the treaty's withdrawal clause; VCLT Arts. 67(2), 78(b)"
"""The deposit's provision in a template; a withdrawal names the treaty's own article."""
NOTIFY_PROVISION = "the treaty's withdrawal clause"

MAX_PROCEDURE_FILE_BYTES = 1024 * 1024


class _ProcedureReader(Reader):
    schema = "docs/procedures.md"

    def procedure(self) -> Procedure:
        part = self.part
        actors = part(self._actors) or {}
        steps = [s for r in part(lambda: self.subs("steps")) or () if (s := r.part(partial(r.step, actors)))]
        # Parliament postpones: the actor that adopts the law, where the template has one.
        parliament = next((s.actor for s in steps if s.step is Step.PARLIAMENT_APPROVAL), None)
        international = part(lambda: self.sub("international"))
        tail = part(lambda: international.international(actors, parliament)) if international else None
        deadlines = [x for r in part(lambda: self.subs("deadlines")) or () if (x := r.part(r.deadline))]
        durations = [y for r in part(lambda: self.subs("durations")) or () if (y := r.part(r.duration))]
        sources = [z for r in part(lambda: self.subs("sources")) or () if (z := r.part(r.source))]
        overrides = [o for r in part(lambda: self.subs("overrides")) or () if (o := r.part(r.override))]
        fields = {
            "key": part(lambda: self.nonempty("key")),
            "name": part(lambda: self.nonempty("name")),
            "summary": part(lambda: self.nonempty("summary")),
            "legal_basis": part(lambda: self.strings("legal_basis")),
            "approval": part(lambda: tuple(self._step_name(s, "approval") for s in self.strings("approval"))),
            "unconfirmed": part(lambda: self.strings("unconfirmed")),
            "aliases": part(lambda: self.strings("aliases")),
        }
        if international is None and not any(p.path.startswith("international") for p in self.problems):
            self.fail(
                "international", "required: who deposits the instrument, and what the deposit waits for"
            )
        self.refuse_unknown()
        self.raise_problems()
        assert tail is not None
        try:
            return Procedure(
                steps=(*steps, *tail),
                deadlines=tuple(deadlines),
                durations=tuple(durations),
                sources=tuple(sources),
                overrides=tuple(overrides),
                **fields,  # type: ignore[arg-type]
            )
        except TreatyWithdrawError as exc:  # the template's own consistency checks
            raise CatalogueError(exc.what, file=self.file, field="steps") from None

    def _actors(self) -> dict[str, Actor]:
        table = self.sub("actors")
        assert table is not None
        out: dict[str, Actor] = {}
        for key in table.table:
            row = table.sub(str(key))
            assert row is not None
            actor = row.part(row.actor_record)
            if actor is not None:
                out[str(key)] = actor
        return out

    def actor_record(self) -> Actor:
        return Actor(name=self.nonempty("name"), local_name=self.text("local_name", ""))

    def _actor(self, actors: Mapping[str, Actor]) -> Actor:
        key = self.text("actor")
        found = actors.get(key)
        if found is None:
            raise self.fail(
                "actor", f"{key!r} is not in [actors]: the actors are {', '.join(actors) or 'none'}"
            )
        return found

    def _step_name(self, raw: str, field: str) -> Step:
        try:
            return Step(raw)
        except ValueError:
            raise self.fail(field, f"{raw!r} is not a step: the steps are {', '.join(Step)}") from None

    def _steps(self, field: str) -> tuple[Step, ...]:
        return tuple(self._step_name(s, field) for s in self.strings(field))

    def _confidence(self) -> Confidence:
        return self.choice("confidence", Confidence, Confidence.CONFIRMED)

    def step(self, actors: Mapping[str, Actor]) -> StepRule:
        name = self._step_name(self.text("step"), "step")
        return StepRule(
            step=name,
            actor=self._actor(actors),
            required=bool(self._get("required", bool, True, False)),
            typical=bool(self._get("typical", bool, False, False)),
            requires=self._steps("requires"),
            reopens=self._steps("reopens"),
            not_after=self._steps("not_after"),
            provision=self.text("provision", ""),
            note=self.text("note", ""),
            confidence=self._confidence(),
        )

    def international(self, actors: Mapping[str, Actor], parliament: Actor | None) -> tuple[StepRule, ...]:
        actor = self._actor(actors)
        return (
            *international_steps(
                actor,
                deposit_requires=self._steps("deposit_requires"),
                deposit_provision=DEPOSIT_PROVISION,
                deposit_note=self.text("deposit_note", ""),
                notify_provision=NOTIFY_PROVISION,
            ),
            *incidental_steps(actor, parliament),
        )

    def deadline(self) -> Deadline:
        earliest = self.period("earliest", required=False)
        latest = self.period("latest", required=False)
        if earliest is None and latest is None:
            raise self.fail("latest", "a deadline needs earliest, latest or both")
        return Deadline(
            step=self._step_name(self.text("step"), "step"),
            after=self._step_name(self.text("after"), "after"),
            earliest=earliest,
            latest=latest,
            unless=self._steps("unless"),
            only_if=self._steps("only_if"),
            provision=self.nonempty("provision"),
            note=self.text("note", ""),
            confidence=self._confidence(),
            enforced=bool(self._get("enforced", bool, True, False)),
        )

    def duration(self) -> Duration:
        period = self.period("period")
        assert period is not None
        return Duration(
            step=self._step_name(self.text("step"), "step"), period=period, basis=self.nonempty("basis")
        )

    def override(self) -> Override:
        def maybe_flag(field: str) -> bool | None:
            value = self._get(field, bool, None, False)
            return None if value is None else bool(value)

        return Override(
            step=self._step_name(self.text("step"), "step"),
            treaties=self.strings("treaties"),
            categories=self.strings("categories"),
            required=maybe_flag("required"),
            typical=maybe_flag("typical"),
            provision=self._get("provision", str, None, False),
            note=self._get("note", str, None, False),
            basis=self.nonempty("basis"),
        )

    def source(self) -> Source:
        url = self.url()
        read_on = self.day("read_on")
        assert read_on is not None
        return Source(
            url=url, read_on=read_on, confidence=self._confidence(), supports=self.text("supports", "")
        )


def procedure_from_record(record: Mapping[str, Any], *, file: str = "") -> Procedure:
    """Validate a parsed procedure file into a :class:`Procedure`.

    Raises:
        CatalogueError: naming ``file`` and every field at fault (``.problems``).
    """
    if not isinstance(record, Mapping):
        raise CatalogueError(f"a procedure must be a table, not {type(record).__name__}", file=file)
    try:
        return _ProcedureReader(record, file, "").procedure()
    except Skip:  # pragma: no cover - every part is read under part()
        raise CatalogueError("could not be read", file=file) from None


def load_procedure_file(path: str | os.PathLike[str]) -> Procedure:
    """Read and validate one procedure file (a state's template of one's own, or a catalogue edit).

    Raises:
        CatalogueError: the file cannot be read, is not TOML, or has problems (all listed).
    """
    label, record = read_toml_file(path, what="procedure file", limit=MAX_PROCEDURE_FILE_BYTES)
    return procedure_from_record(record, file=f"treatywithdraw/data/procedures/{Path(label).name}")
