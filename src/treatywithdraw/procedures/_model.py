"""The vocabulary and the shape of a domestic withdrawal procedure.

A *procedure* is a template: the steps one state takes to leave a treaty, who takes
them, which are required, which must come before which, and the legal deadlines
between them. A :class:`~treatywithdraw.timeline.Withdrawal` records real steps
against a template and refuses the ones that break it.

Everything here is plain frozen data: the per-country data files (``data/procedures/lv.toml``,
...) are read into one :class:`Procedure` each, citing the provision behind every rule.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from treatywithdraw._dates import shown
from treatywithdraw.catalogue import Treaty
from treatywithdraw.errors import InvalidArgumentError
from treatywithdraw.periods import CheckedEnumType, Period

__all__ = [
    "BRANCH_STEPS",
    "Actor",
    "Confidence",
    "Deadline",
    "Duration",
    "Override",
    "Procedure",
    "Source",
    "Step",
    "StepRule",
    "INCIDENTAL_STEPS",
    "incidental_steps",
    "international_steps",
]


class _Spelled(enum.StrEnum, metaclass=CheckedEnumType):
    """A kebab-case vocabulary read by one parser: ``Member(" Parliament-Approval ")`` works.

    Case, surrounding spaces and ``_`` for ``-`` are forgiven, everywhere a value of the
    vocabulary is read (``record``, ``project``, ``Event``, timeline files, the command
    line), because every reader calls the enum itself.
    """

    @classmethod
    def _missing_(cls, value: object) -> enum.Enum | None:
        if isinstance(value, str):
            text = value.strip().lower().replace("_", "-")
            for member in cls:
                if member.value == text:
                    return member
        return None


class Step(_Spelled):
    """One step of a withdrawal. Values are kebab-case, so ``Step("initiative")`` works.

    The main path, in its usual order, then the international steps and the branches.

    >>> Step("parliament-approval") is Step.PARLIAMENT_APPROVAL
    True
    >>> Step(" Parliament-Approval ") is Step.PARLIAMENT_APPROVAL
    True
    >>> Step.INSTRUMENT_DEPOSITED == "instrument-deposited"
    True
    """

    INITIATIVE = "initiative"
    """A political initiative or recommendation: no legal effect, starts no clock."""
    GOVERNMENT_DECISION = "government-decision"
    """The government decides to withdraw or approves the bill."""
    PRESIDENTIAL_SUBMISSION = "presidential-submission"
    """The head of state submits the denunciation to parliament (Lithuania)."""
    PARLIAMENT_APPROVAL = "parliament-approval"
    """Parliament (or its lower house) adopts the withdrawal law or consents."""
    SENATE_APPROVAL = "senate-approval"
    """The upper house passes the law (Poland)."""
    HEAD_OF_STATE_ACT = "head-of-state-act"
    """The head of state promulgates, proclaims or signs the law."""
    DENUNCIATION_DECISION = "denunciation-decision"
    """A separate executive act of denunciation (Poland's President, Finland's President)."""
    INSTRUMENT_DEPOSITED = "instrument-deposited"
    """Receipt of the instrument by the depositary: the legal clock (VCLT Art. 78(b))."""
    PARTIES_NOTIFIED = "parties-notified"
    """The other States Parties (and, for Ottawa, the UN Security Council) are notified."""
    REVOCATION = "revocation"
    """The notification is revoked before it takes effect (VCLT Art. 68)."""
    LAW_RETURNED = "law-returned"
    """The head of state returns the law to parliament (LV Satversme Art. 71, EE §107)."""
    PUBLICATION_SUSPENDED = "publication-suspended"
    """The head of state suspends publication of the law (LV Satversme Art. 72)."""
    PARLIAMENT_REJECTION = "parliament-rejection"
    """Parliament rejects the bill: the withdrawal is abandoned."""
    PARLIAMENT_POSTPONEMENT = "parliament-postponement"
    """Parliament postpones the bill or the law (Latvia's Saeima and the Istanbul law, 2025)."""
    NOTICE_SIGNED = "notice-signed"
    """The notification is signed or sent; the clock still runs from its receipt."""
    COURT_RULING = "court-ruling"
    """A court holds the withdrawal or its notice unlawful (South Africa, 22 Feb 2017)."""
    CONDITION_CONTESTED = "condition-contested"
    """The depositary or the organisation says a condition of the withdrawal is unmet (WHO dues)."""


BRANCH_STEPS = frozenset(
    {
        Step.PARTIES_NOTIFIED,
        Step.REVOCATION,
        Step.LAW_RETURNED,
        Step.PUBLICATION_SUSPENDED,
        Step.PARLIAMENT_REJECTION,
        Step.PARLIAMENT_POSTPONEMENT,
        Step.NOTICE_SIGNED,
        Step.COURT_RULING,
        Step.CONDITION_CONTESTED,
    }
)

INCIDENTAL_STEPS = (
    Step.NOTICE_SIGNED,
    Step.PARLIAMENT_POSTPONEMENT,
    Step.COURT_RULING,
    Step.CONDITION_CONTESTED,
)
"""Events every template accepts and none makes due: they are recorded when they happen."""
"""Steps outside the main path: they have their own placement rules, not a rank."""


class Confidence(_Spelled):
    """How sure the research is of a date or a rule (``research/domestic_procedures.md``)."""

    CONFIRMED = "confirmed"
    """Stated in at least one source read (disagreements noted)."""
    REPORTED = "reported"
    """Reported by secondary sources only (aggregators, foreign media)."""
    INFERRED = "inferred"
    """Worked out from a source (e.g. "on Wednesday" in a dated article); reasoning in the note."""
    UNCONFIRMED = "unconfirmed"
    """Not found in any source read: no date is given for it."""


@attrs.frozen(kw_only=True)
class Source:
    """Where a rule or a date comes from: the page, when it was read, how sure we are."""

    url: str
    read_on: date
    confidence: Confidence = Confidence.CONFIRMED
    supports: str = ""


@attrs.frozen(kw_only=True)
class Actor:
    """Who takes a step, in English and in the state's own language."""

    name: str
    local_name: str = ""

    def __str__(self) -> str:
        return f"{self.name} ({self.local_name})" if self.local_name else self.name


def _steps(value: Iterable[Step | str]) -> tuple[Step, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidArgumentError(
            f"steps must be a tuple of Step values, not {type(value).__name__} {shown(value)}: "
            "pass e.g. (Step.PARLIAMENT_APPROVAL,)",
            value=value,
            field="steps",
        )
    return tuple(Step(v) for v in value)


def _tuple_of(owner: str, field: str, value: object, kind: type | tuple[type, ...]) -> None:
    """Refuse a field that is not a tuple of ``kind``, naming the field and the bad item."""
    if not isinstance(value, tuple):
        raise InvalidArgumentError(
            f"{owner}.{field} must be a tuple, not {type(value).__name__} {shown(value)}",
            value=value,
            field=field,
        )
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise InvalidArgumentError(
                f"{owner}.{field}[{i}] must be a {names}, not {type(item).__name__} {shown(item)}",
                value=item,
                field=field,
            )


@attrs.frozen(kw_only=True)
class StepRule:
    """One step of a template: who takes it and what it needs.

    ``requires`` are hard prerequisites: each must be recorded (and not sent back by a
    branch) before this step. ``reopens`` is for branches that send a step back: a law
    returned to parliament must be adopted again. ``not_after`` places a branch step:
    it is refused once one of those steps was recorded.
    """

    step: Step = attrs.field(converter=Step)
    actor: Actor
    required: bool = True
    """Required by law before the withdrawal is approved (status ``approved``) and the
    instrument deposited; also on the usual path (projected by ``project()``)."""
    typical: bool = False
    """Not required by law but on the usual path (a government bill where members could
    also table one): projected by ``project()``, not needed for ``approved``."""
    requires: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    reopens: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    not_after: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    provision: str = ""
    note: str = ""
    confidence: Confidence = Confidence.CONFIRMED
    incidental: bool = False
    """An event the template accepts but never lists as due (a court ruling, a contested condition)."""


def incidental_steps(international: Actor, parliament: Actor | None = None) -> tuple[StepRule, ...]:
    """The events every template accepts when they happen, and none makes due.

    A notice signed before it is received (the clock is the receipt), parliament
    postponing the law, a court holding the withdrawal unlawful, and a condition the
    depositary or the organisation says is unmet. Each is optional and incidental.
    """
    return (
        StepRule(
            step=Step.NOTICE_SIGNED,
            actor=international,
            required=False,
            not_after=(Step.INSTRUMENT_DEPOSITED,),
            provision="VCLT Art. 78(b): the notification counts from its receipt, not from its signature",
            incidental=True,
        ),
        StepRule(
            step=Step.PARLIAMENT_POSTPONEMENT,
            actor=parliament or Actor(name="Parliament"),
            required=False,
            not_after=(Step.INSTRUMENT_DEPOSITED,),
            provision="the parliament's rules of procedure",
            incidental=True,
        ),
        StepRule(
            step=Step.COURT_RULING,
            actor=Actor(name="Court"),
            required=False,
            provision="the state's constitution, as its court reads it",
            incidental=True,
        ),
        StepRule(
            step=Step.CONDITION_CONTESTED,
            actor=Actor(name="Depositary or the organisation"),
            required=False,
            requires=(Step.INSTRUMENT_DEPOSITED,),
            provision="the treaty's withdrawal clause (a condition of the withdrawal)",
            incidental=True,
        ),
    )


def international_steps(
    actor: Actor,
    *,
    deposit_requires: tuple[Step, ...],
    deposit_provision: str,
    deposit_note: str = "",
    notify_provision: str,
) -> tuple[StepRule, ...]:
    """The international end of a template: the deposit, then its two branch steps.

    Every template ends the same way: ``actor`` (usually the foreign ministry) deposits
    the instrument, which is required and starts the legal clock; after it, the other
    parties may be notified and the withdrawal may be revoked before it takes effect
    (VCLT Art. 68), both optional. What the deposit waits for and the provisions it
    cites belong to the state, so the caller names them.

    >>> steps = international_steps(
    ...     Actor(name="Ministry of Foreign Affairs"),
    ...     deposit_requires=(Step.PARLIAMENT_APPROVAL,),
    ...     deposit_provision="the treaty's withdrawal clause",
    ...     notify_provision="the treaty's withdrawal clause",
    ... )
    >>> [(str(r.step), r.required, [str(s) for s in r.requires]) for r in steps]
    [('instrument-deposited', True, ['parliament-approval']),
     ('parties-notified', False, ['instrument-deposited']),
     ('revocation', False, ['instrument-deposited'])]
    >>> steps[-1].provision
    'VCLT Art. 68'
    """
    return (
        StepRule(
            step=Step.INSTRUMENT_DEPOSITED,
            actor=actor,
            requires=deposit_requires,
            provision=deposit_provision,
            note=deposit_note,
        ),
        StepRule(
            step=Step.PARTIES_NOTIFIED,
            actor=actor,
            required=False,
            requires=(Step.INSTRUMENT_DEPOSITED,),
            provision=notify_provision,
        ),
        StepRule(
            step=Step.REVOCATION,
            actor=actor,
            required=False,
            requires=(Step.INSTRUMENT_DEPOSITED,),
            provision="VCLT Art. 68",
        ),
    )


@attrs.frozen(kw_only=True)
class Deadline:
    """A legal time limit between two steps, counted in calendar days, months or years.

    ``step`` must fall no earlier than ``after`` + ``earliest`` and no later than
    ``after`` + ``latest`` (the latest occurrence of ``after``). The rule does not apply
    if one of ``unless`` was recorded after ``after``, and applies only if one of
    ``only_if`` was recorded before it (when ``only_if`` is not empty).

    ``enforced`` is false when the legal clock starts at an event the library does not
    record (a law's transmission to the Senate, its receipt by the President): the rule
    is documented, not checked.

    >>> Deadline(step="law-returned", after="parliament-approval", latest=Period(days=10),
    ...          provision="Satversme Art. 71").describe()
    'law-returned no later than 10 days after parliament-approval (Satversme Art. 71)'
    """

    step: Step = attrs.field(converter=Step)
    after: Step = attrs.field(converter=Step)
    earliest: Period | None = None
    latest: Period | None = None
    unless: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    only_if: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    provision: str
    note: str = ""
    confidence: Confidence = Confidence.CONFIRMED
    enforced: bool = True

    def window(self) -> str:
        """The time limit in words: ``from 7 days to 21 days after parliament-approval``."""
        if self.earliest is not None and self.latest is not None:
            return f"from {self.earliest.describe()} to {self.latest.describe()} after {self.after}"
        if self.earliest is not None:
            return f"no earlier than {self.earliest.describe()} after {self.after}"
        assert self.latest is not None
        return f"no later than {self.latest.describe()} after {self.after}"

    def describe(self) -> str:
        """One line: the step, its window, the provision, the conditions."""
        text = f"{self.step} {self.window()} ({self.provision})"
        if self.unless:
            text += f", unless {' or '.join(self.unless)}"
        if self.only_if:
            text += f", only after {' or '.join(self.only_if)}"
        return text


@attrs.frozen(kw_only=True)
class Override:
    """Where the state's law differs for some treaties: a step's rule for those treaties.

    Applies when the treaty's key (or an alias) is in ``treaties`` or its category in
    ``categories``. The fields set (not ``None``) replace the step's own: a law being
    required for some treaties only, another provision, another note.
    """

    step: Step = attrs.field(converter=Step)
    treaties: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    required: bool | None = None
    typical: bool | None = None
    provision: str | None = None
    note: str | None = None
    basis: str = ""

    def matches(self, treaty: Treaty) -> bool:
        """Whether this override applies when leaving ``treaty``."""
        names = {treaty.key, *treaty.aliases}
        return bool(names & set(self.treaties)) or treaty.category in self.categories


@attrs.frozen(kw_only=True)
class Duration:
    """A typical time from the previous step on the path to ``step``, for projections.

    ``basis`` says where the number comes from: a measured 2025 case, or an assumption
    (with why) where the 2025 date is not confirmed.
    """

    step: Step = attrs.field(converter=Step)
    period: Period
    basis: str


@attrs.frozen(kw_only=True)
class Procedure:
    """A domestic withdrawal procedure template for one state (or the generic one).

    Build one per module; :func:`treatywithdraw.procedures.procedure` finds it.
    The table is checked when built: unknown steps, prerequisites that come later in
    the order, or deadlines on steps the template lacks raise
    :class:`~treatywithdraw.errors.InvalidArgumentError` listing every problem.

    >>> from treatywithdraw.procedures import procedure
    >>> lv = procedure("LV")
    >>> lv.prerequisites("instrument-deposited")
    (<Step.PARLIAMENT_APPROVAL: 'parliament-approval'>, <Step.HEAD_OF_STATE_ACT: 'head-of-state-act'>)
    >>> str(lv.rule("head-of-state-act").actor)
    'President (Valsts prezidents)'
    """

    key: str
    name: str
    summary: str
    legal_basis: tuple[str, ...]
    steps: tuple[StepRule, ...]
    deadlines: tuple[Deadline, ...] = ()
    durations: tuple[Duration, ...] = ()
    approval: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    """Steps that complete the domestic procedure (status ``approved``). By default the
    prerequisites of ``instrument-deposited``."""
    sources: tuple[Source, ...] = ()
    unconfirmed: tuple[str, ...] = ()
    """Rules the research could not confirm: documented here, not encoded."""
    aliases: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    """Rules that differ for some treaties or categories (:meth:`for_treaty` applies them)."""

    def __attrs_post_init__(self) -> None:
        for field in ("key", "name", "summary"):
            value = getattr(self, field)
            if not isinstance(value, str):
                raise InvalidArgumentError(
                    f"Procedure.{field} must be a str, not {type(value).__name__} {shown(value)}",
                    value=value,
                    field=field,
                )
        for field, kind in (
            ("legal_basis", str),
            ("steps", StepRule),
            ("deadlines", Deadline),
            ("durations", Duration),
            ("sources", Source),
            ("unconfirmed", str),
            ("aliases", str),
            ("overrides", Override),
        ):
            _tuple_of("Procedure", field, getattr(self, field), kind)
        problems = _check(self)
        if problems:
            raise InvalidArgumentError(
                f"procedure {self.key!r} is inconsistent: " + "; ".join(problems),
                value=self.key,
                field="steps",
            )

    def __repr__(self) -> str:
        """The key and the number of steps: the template itself is in :attr:`steps`.

        >>> from treatywithdraw.procedures import procedure
        >>> procedure("LV")
        Procedure('LV', 14 steps)
        """
        return f"Procedure({self.key!r}, {len(self.steps)} steps)"

    def _repr_html_(self) -> str:
        """A notebook table: the procedure's name, then each step with its actor."""
        from treatywithdraw._display import table

        rows = [("procedure", f"{self.name} ({self.key})")]
        rows += [(str(r.step), str(r.actor)) for r in self.steps]
        return table(rows)

    # -- look-ups -----------------------------------------------------------------------

    def __contains__(self, step: object) -> bool:
        return any(r.step == step for r in self.steps)

    def get(self, step: Step | str) -> StepRule | None:
        """The rule for ``step``, or ``None`` when the template does not know it."""
        for r in self.steps:
            if r.step == step:
                return r
        return None

    def rule(self, step: Step | str) -> StepRule:
        """The rule for ``step``.

        Raises:
            InvalidArgumentError: the template has no such step; the message lists its steps.
        """
        found = self.get(step)
        if found is None:
            raise InvalidArgumentError(
                f"{step if isinstance(step, Step) else shown(step)} is not a step of the {self.name} procedure ({self.key}): "
                f"its steps are {', '.join(self.step_names())}",
                value=step,
                field="step",
            )
        return found

    @property
    def title(self) -> str:
        """``Latvia procedure``; a name that already says so is kept (``Generic parliamentary procedure``)."""
        return self.name if self.name.casefold().endswith("procedure") else f"{self.name} procedure"

    def step_names(self) -> tuple[str, ...]:
        """The template's steps as strings, in order."""
        return tuple(str(r.step) for r in self.steps)

    def rank(self, step: Step) -> int | None:
        """Position of a main-path step in the order, ``None`` for a branch step."""
        if not isinstance(step, str) or step in BRANCH_STEPS:
            return None
        position = 0
        for r in self.steps:
            if r.step in BRANCH_STEPS:
                continue
            if r.step == step:
                return position
            position += 1
        return None

    def prerequisites(self, step: Step | str) -> tuple[Step, ...]:
        """Every hard prerequisite of ``step``, direct and indirect, in template order."""
        wanted: set[Step] = set()
        todo = list(self.rule(step).requires)
        while todo:
            current = todo.pop()
            if current in wanted:
                continue
            wanted.add(current)
            found = self.get(current)
            if found is not None:
                todo.extend(found.requires)
        return tuple(r.step for r in self.steps if r.step in wanted)

    def approval_steps(self) -> tuple[Step, ...]:
        """The steps that complete the domestic procedure: ``approval`` if the template
        names them, else the prerequisites of the deposit and every required step before it."""
        if self.approval:
            return self.approval
        wanted = set(self.prerequisites(Step.INSTRUMENT_DEPOSITED))
        for r in self.steps:
            if r.step is Step.INSTRUMENT_DEPOSITED:
                break
            if r.required and r.step not in BRANCH_STEPS:
                wanted.add(r.step)
        return tuple(r.step for r in self.steps if r.step in wanted)

    def reopeners(self, step: Step) -> tuple[Step, ...]:
        """Branch steps that send ``step`` back (it must then be recorded again)."""
        return tuple(r.step for r in self.steps if step in r.reopens)

    def deadlines_for(self, step: Step) -> tuple[Deadline, ...]:
        """Deadlines that constrain ``step``."""
        return tuple(d for d in self.deadlines if d.step == step)

    def duration(self, step: Step) -> Duration | None:
        """The typical duration to reach ``step``, or ``None`` when none is known."""
        for d in self.durations:
            if d.step == step:
                return d
        return None

    def main_path(self) -> tuple[Step, ...]:
        """The usual path (required and typical steps), in order, up to and including the deposit."""
        return tuple(r.step for r in self.steps if (r.required or r.typical) and r.step not in BRANCH_STEPS)

    def for_treaty(self, treaty: Treaty) -> Procedure:
        """This template for leaving ``treaty``: the deposit cites the treaty's own clause.

        The country's file says who deposits and what the deposit waits for; the treaty
        says where the notice goes, to whom, and under which article. A provision the
        file gives itself (not the template's generic wording) is kept.

        >>> from treatywithdraw.catalogue import treaty
        >>> from treatywithdraw.procedures import procedure
        >>> procedure("LV").for_treaty(treaty("istanbul")).rule("instrument-deposited").provision
        'Istanbul Convention Art. 80 (depositary: Secretary General of the Council of Europe); VCLT Arts. 67(2), 78(b)'
        """
        from treatywithdraw.procedures._files import DEPOSIT_PROVISION, NOTIFY_PROVISION

        if not isinstance(treaty, Treaty):
            raise InvalidArgumentError(
                f"for_treaty takes a Treaty, not {type(treaty).__name__} {shown(treaty)}: "
                "pass e.g. treatywithdraw.treaty('ottawa')",
                value=treaty,
                field="treaty",
            )
        clause = treaty.clause
        cited = f"{treaty.short_name} {clause.article}"
        addressees = [a for a in clause.addressees if a != "depositary"]
        bound = {
            Step.INSTRUMENT_DEPOSITED: (
                DEPOSIT_PROVISION,
                f"{cited} (depositary: {treaty.depositary.name}); VCLT Arts. 67(2), 78(b)",
            ),
            Step.PARTIES_NOTIFIED: (
                NOTIFY_PROVISION,
                f"{cited}" + (f" (notice also owed to: {', '.join(addressees)})" if addressees else ""),
            ),
        }
        steps = tuple(
            attrs.evolve(r, provision=bound[r.step][1])
            if r.step in bound and r.provision == bound[r.step][0]
            else r
            for r in self.steps
        )
        for o in self.overrides:
            if o.matches(treaty):
                changes = {
                    k: v
                    for k, v in (
                        ("required", o.required),
                        ("typical", o.typical),
                        ("provision", o.provision),
                        ("note", o.note),
                    )
                    if v is not None
                }
                steps = tuple(attrs.evolve(r, **changes) if r.step == o.step else r for r in steps)  # type: ignore[arg-type]
        return attrs.evolve(self, steps=steps, overrides=())

    def to_markdown(self) -> str:
        """The template as a Markdown table: step, actor, required, needs, provision.

        >>> from treatywithdraw.procedures import procedure
        >>> print(procedure("FI").to_markdown().splitlines()[2])
        | initiative | Government (Valtioneuvosto) | no | — | Constitution s. 93(1) |
        """
        lines = [
            "| step | actor | required | needs | provision |",
            "|---|---|---|---|---|",
        ]
        for r in self.steps:
            needs = ", ".join(r.requires) or "—"
            required = "yes" if r.required else "usual" if r.typical else "no"
            lines.append(f"| {r.step} | {r.actor} | {required} | {needs} | {r.provision or '—'} |")
        return "\n".join(lines)


def _check(p: Procedure) -> list[str]:
    problems: list[str] = []
    seen: list[Step] = []
    for r in p.steps:
        if r.step in seen:
            problems.append(f"{r.step} appears twice")
        seen.append(r.step)
    known = set(seen)
    if Step.INSTRUMENT_DEPOSITED not in known:
        problems.append("it has no instrument-deposited step (the legal clock)")
    for r in p.steps:
        for field, refs in (("requires", r.requires), ("reopens", r.reopens), ("not_after", r.not_after)):
            for ref in refs:
                if ref not in known:
                    problems.append(f"{r.step}.{field} names {ref}, which the template lacks")
        for ref in r.requires:
            if ref in known and seen.index(ref) >= seen.index(r.step):
                problems.append(f"{r.step} requires {ref}, which comes after it in the order")
        if r.step not in BRANCH_STEPS and (r.reopens or r.not_after):
            problems.append(f"{r.step} is on the main path: reopens/not_after are for branches")
    for d in p.deadlines:
        for ref in (d.step, d.after, *d.unless, *d.only_if):
            if ref not in known:
                problems.append(f"deadline on {d.step} names {ref}, which the template lacks")
        if d.earliest is None and d.latest is None:
            problems.append(f"deadline on {d.step} has neither earliest nor latest")
    for duration in p.durations:
        if duration.step not in known:
            problems.append(f"duration for {duration.step}, which the template lacks")
    for s in p.approval:
        if s not in known:
            problems.append(f"approval names {s}, which the template lacks")
    for o in p.overrides:
        if o.step not in known:
            problems.append(f"override for {o.step}, which the template lacks")
        if not o.treaties and not o.categories:
            problems.append(f"override for {o.step} names no treaty and no category")
    if not problems:
        for s in p.prerequisites(Step.INSTRUMENT_DEPOSITED):
            rule = p.get(s)
            if rule is not None and not rule.required:
                problems.append(f"{s} is a prerequisite of the deposit but not required")
    return problems
