"""Mermaid diagrams: withdrawals as a Gantt chart or a timeline, procedures as state diagrams.

Plain text, no dependency: paste the result into a Markdown file (GitHub, GitLab and
most documentation tools render fenced ``mermaid`` blocks) or the Mermaid live editor.

- :func:`timeline_gantt` — one section per withdrawal: each dated step a milestone, the
  notice period from receipt to the effective date a bar, the effective date a milestone.
- :func:`timeline_diagram` — one withdrawal as a Mermaid ``timeline``.
- :func:`procedure_state_diagram` — a procedure template as a ``stateDiagram-v2``.

Labels are sanitised: Mermaid reads ``:`` as a separator, ``#`` as the start of an
entity code, ``;`` as the end of a statement and ``%%`` as a comment, so these never
reach a diagram (``:`` becomes `` -``, ``#`` ``No.``, ``;`` ``,``, ``%`` ``percent``;
quotes, braces and angle brackets are replaced too). The output is deterministic: no
clock, ids built from the party, the treaty and the step.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from treatywithdraw._dates import DateLike, as_date
from treatywithdraw._display import escape_controls
from treatywithdraw.formats._entries import Entry, entries, withdrawals_of
from treatywithdraw.procedures import BRANCH_STEPS, Procedure, Step
from treatywithdraw.procedures import procedure as _procedure
from treatywithdraw.timeline import Withdrawal

__all__ = ["procedure_state_diagram", "timeline_diagram", "timeline_gantt"]

_INDENT: Final = "    "
_START: Final = "[*]"
_UNSAFE = str.maketrans(
    {
        ":": " -",
        "#": "No.",
        ";": ",",
        "%": " percent",
        '"': "'",
        "`": "'",
        "<": "‹",
        ">": "›",
        "{": "(",
        "}": ")",
        "[": "(",
        "]": ")",
        "\\": "/",
    }
)
# Steps taken towards the depositary (VCLT Arts. 67, 68, 78).
_INTERNATIONAL = frozenset({Step.INSTRUMENT_DEPOSITED, Step.PARTIES_NOTIFIED, Step.REVOCATION})
# Where a procedure ends: the deposit (the notice period then runs) and the two branches
# after which nothing can be recorded.
_ENDS = {
    Step.INSTRUMENT_DEPOSITED: "notice period, then effect",
    Step.REVOCATION: "revoked",
    Step.PARLIAMENT_REJECTION: "abandoned",
}


def _text(value: object) -> str:
    """``value`` as one line of text that Mermaid shows as it is.

    >>> _text('Art. 20(3): "six months"; bill #0329\\n100%')
    "Art. 20(3) - 'six months', bill No.0329 100 percent"
    """
    return escape_controls(" ".join(str(value).translate(_UNSAFE).split()), keep="")


def _ident(*parts: str) -> str:
    """A Mermaid id: lower-case ASCII letters, digits and underscores, starting with a letter."""
    raw = "_".join(parts).lower()
    ident = "".join(c if c.isascii() and c.isalnum() else "_" for c in raw)
    return ident if ident[:1].isalpha() else f"x{ident}"


def _title(items: tuple[Withdrawal, ...]) -> str:
    first = items[0]
    if len(items) == 1:
        return f"{first.party} withdrawal from the {first.treaty.short_name}"
    if all(w.treaty.key == first.treaty.key for w in items):
        parties = ", ".join(dict.fromkeys(w.party for w in items))
        return f"Withdrawals from the {first.treaty.short_name} ({parties})"
    return "Treaty withdrawals (" + ", ".join(f"{w.party} {w.treaty.short_name}" for w in items) + ")"


def timeline_gantt(withdrawals: Withdrawal | Iterable[Withdrawal], *, as_of: DateLike | None = None) -> str:
    """A Mermaid ``gantt`` chart of one or several withdrawals, one section each.

    Each dated step is a milestone (undated ones are listed in a ``%%`` comment), the
    notice period runs as a bar from receipt to the effective date, and the effective
    date is a critical milestone. Steps not yet taken are projected
    (:meth:`~treatywithdraw.timeline.Withdrawal.project`) and marked "projected". While a
    suspensive condition holds, the bar ends at the expiry, marked "effect pending".
    Weekends are never excluded: effect dates fall on them as they are.

    Args:
        withdrawals: a :class:`~treatywithdraw.timeline.Withdrawal` or an iterable of them.
        as_of: when given, each section names the withdrawal's status on that day, and a
            withdrawal with nothing dated is projected from it. The chart has no
            "today" marker: it never reads the clock.

    Raises:
        InvalidArgumentError: no withdrawal, something else than one, or a withdrawal
            with nothing dated and no ``as_of``.
        NotAWithdrawalError: a :class:`~treatywithdraw.timeline.Suspension` was given.
        AmbiguousDateError, NoWithdrawalClauseError: as the effect or the projection raise them.

    >>> from treatywithdraw.timeline import Withdrawal
    >>> w = Withdrawal.start(party="LV", treaty="ottawa").record("parliament-approval", "2025-04-16")
    >>> print(timeline_gantt(w))
    gantt
        title LV withdrawal from the Ottawa Convention
        dateFormat YYYY-MM-DD
        todayMarker off
        section LV - Ottawa Convention
        parliament-approval :milestone, lv_ottawa_1, 2025-04-16, 0d
        head-of-state-act (projected) :milestone, lv_ottawa_2, 2025-04-24, 0d
        instrument-deposited (projected) :milestone, lv_ottawa_3, 2025-06-27, 0d
        notice period (projected), Art. 20(2)-(3) :lv_ottawa_notice, 2025-06-27, 2025-12-27
        withdrawal takes effect (projected) :crit, milestone, lv_ottawa_effect, 2025-12-27, 0d
    """
    items = withdrawals_of(withdrawals, "timeline_gantt")
    day = None if as_of is None else as_date(as_of, "as_of")
    lines = [
        "gantt",
        f"{_INDENT}title {_text(_title(items))}",
        f"{_INDENT}dateFormat YYYY-MM-DD",
        f"{_INDENT}todayMarker off",
    ]
    used: set[str] = set()
    for w in items:
        base, n = _ident(w.party, w.treaty.key), 1
        while base in used:  # the same party and treaty twice: number the repeats
            n += 1
            base = _ident(w.party, w.treaty.key, str(n))
        used.add(base)
        lines.extend(_gantt_section(w, base, day))
    return "\n".join(lines)


def _gantt_section(w: Withdrawal, base: str, day: date | None) -> list[str]:
    rows = entries(w, day, "timeline_gantt")
    heading = f"{w.party} - {w.treaty.short_name}"
    if day is not None:
        heading += f" ({w.status(day)} on {day.isoformat()})"
    lines = [f"{_INDENT}section {_text(heading)}"]
    undated = [str(e.step) for e in w.events if e.on is None]
    if undated:
        lines.append(f"{_INDENT}%% undated, not drawn: {_text(', '.join(undated))}")
    effect = next((r for r in rows if r.kind in {"effective", "pending"}), None)
    receipt = max(
        (i for i, r in enumerate(rows) if r.step is Step.INSTRUMENT_DEPOSITED),
        default=None,
    )
    for i, row in enumerate(rows):
        if row is effect:
            continue
        lines.append(f"{_INDENT}{_text(row.title)} :milestone, {base}_{i + 1}, {row.day.isoformat()}, 0d")
        if i == receipt and effect is not None:
            lines.append(_notice_bar(effect, base, row.day))
    if effect is not None:
        tags = "crit, milestone" if effect.kind == "effective" else "milestone"
        lines.append(f"{_INDENT}{_text(effect.title)} :{tags}, {base}_effect, {effect.day.isoformat()}, 0d")
    return lines


def _notice_bar(effect: Entry, base: str, received: date) -> str:
    label = "notice period"
    if effect.projected:
        label += " (projected)"
    if effect.kind == "pending":
        label += " (effect pending)"
    if effect.article:
        label += f", {effect.article}"
    return f"{_INDENT}{_text(label)} :{base}_notice, {received.isoformat()}, {effect.day.isoformat()}"


def timeline_diagram(withdrawal: Withdrawal) -> str:
    """A Mermaid ``timeline`` of one withdrawal: its steps, then its effect.

    Sections follow the phases: the domestic procedure, the steps towards the depositary,
    the effect. Steps recorded without a date stay in their place as "undated"; steps on
    the same day share a line. When something is dated, the steps not yet taken are
    projected and marked so; when nothing is, only the recorded steps are shown.

    Raises:
        InvalidArgumentError: not a withdrawal.
        NotAWithdrawalError: a :class:`~treatywithdraw.timeline.Suspension` was given.
        AmbiguousDateError, NoWithdrawalClauseError: as the effect or the projection raise them.

    A step whose date the sources do not confirm (Poland's Senate, 2025):

    >>> from treatywithdraw.timeline import Withdrawal
    >>> w = Withdrawal.start(party="PL", treaty="ottawa").record("parliament-approval", "2025-06-25")
    >>> w = w.record("senate-approval", None).record("head-of-state-act", None)
    >>> print(timeline_diagram(w.record("denunciation-decision", "2025-08-05")))
    timeline
        title PL withdrawal from the Ottawa Convention
        section Domestic procedure
            2025-06-25 : parliament-approval — Sejm (Sejm)
            undated : senate-approval — Senate (Senat) : head-of-state-act — President (Prezydent Rzeczypospolitej Polskiej)
            2025-08-05 : denunciation-decision — President (Prezydent Rzeczypospolitej Polskiej)
        section Depositary
            2025-08-20 : instrument-deposited (projected) — Ministry of Foreign Affairs (Ministerstwo Spraw Zagranicznych)
        section Effect
            2026-02-20 : withdrawal takes effect (projected), Art. 20(2)-(3)
    """
    (w,) = withdrawals_of((withdrawal,), "timeline_diagram")
    # (section, period, text), in order
    rows: list[tuple[str, str, str]] = []
    for e in w.events:
        period = e.on.isoformat() if e.on is not None else "undated"
        rows.append((_phase(e.step), period, _step_label(w, e.step, str(e.step))))
    if any(e.on is not None for e in w.events):
        for r in entries(w, None, "timeline_diagram"):
            if r.kind == "recorded":
                continue
            if r.step is not None:
                rows.append((_phase(r.step), r.day.isoformat(), _step_label(w, r.step, r.title)))
            else:
                rows.append(
                    ("Effect", r.day.isoformat(), f"{r.title}, {r.article}" if r.article else r.title)
                )
    lines = ["timeline", f"{_INDENT}title {_text(_title((w,)))}"]
    section = period = ""
    for phase, when, text in rows:
        if phase != section:
            lines.append(f"{_INDENT}section {phase}")
            section, period = phase, ""
        if when == period:
            lines[-1] += f" : {_text(text)}"
        else:
            lines.append(f"{_INDENT * 2}{when} : {_text(text)}")
            period = when
    return "\n".join(lines)


def _phase(step: Step) -> str:
    return "Depositary" if step in _INTERNATIONAL else "Domestic procedure"


def _step_label(w: Withdrawal, step: Step, title: str) -> str:
    rule = w.procedure.get(step)
    return title if rule is None else f"{title} — {rule.actor}"


def procedure_state_diagram(procedure: Procedure | str) -> str:
    """A Mermaid ``stateDiagram-v2`` of a procedure template: its steps and their order.

    Every step of the template is a state, labelled with its actor (optional steps say
    so). Transitions follow the usual order of the main path, with a way around each
    optional step; each hard prerequisite (``requires``) is a transition; a branch that
    sends a step back (a law returned to parliament) points back to it; legal deadlines
    label the transition they constrain; a branch step with no prerequisite starts from
    ``[*]``, labelled with the step it must precede. The deposit, a revocation, a
    rejection and any step nothing follows end at ``[*]``.

    Args:
        procedure: a :class:`~treatywithdraw.procedures.Procedure` or its code (``"LV"``,
            ``"generic"``).

    Raises:
        UnknownPartyError: no template for that code.

    >>> print(procedure_state_diagram("FI"))
    stateDiagram-v2
        %% Finland (FI) - ...
        state "initiative (optional) — Government (Valtioneuvosto)" as initiative
        state "government-decision — Government (Valtioneuvosto)" as government_decision
        state "parliament-approval — Parliament (Eduskunta)" as parliament_approval
        state "parliament-rejection (optional) — Parliament (Eduskunta)" as parliament_rejection
        state "denunciation-decision — President of the Republic (Tasavallan presidentti)" as denunciation_decision
        state "instrument-deposited — Ministry for Foreign Affairs (Ulkoministeriö)" as instrument_deposited
        state "parties-notified (optional) — Ministry for Foreign Affairs (Ulkoministeriö)" as parties_notified
        state "revocation (optional) — Ministry for Foreign Affairs (Ulkoministeriö)" as revocation
        [*] --> initiative
        [*] --> government_decision
        initiative --> government_decision
        government_decision --> parliament_approval
        parliament_approval --> denunciation_decision
        denunciation_decision --> instrument_deposited
        government_decision --> parliament_rejection : before denunciation-decision
        instrument_deposited --> parties_notified
        instrument_deposited --> revocation
        parliament_rejection --> [*] : abandoned
        instrument_deposited --> [*] : notice period, then effect
        parties_notified --> [*]
        revocation --> [*] : revoked
    """
    p = _procedure(procedure)
    # Incidental events (a court ruling, a contested condition) are not states of the path.
    p = attrs.evolve(p, steps=tuple(r for r in p.steps if not r.incidental))
    ids = {r.step: _ident(str(r.step)) for r in p.steps}
    lines = ["stateDiagram-v2", f"{_INDENT}%% {_text(f'{p.name} ({p.key}) - {p.summary}')}"]
    for r in p.steps:
        label = str(r.step) + ("" if r.required else " (usual, not required)" if r.typical else " (optional)")
        label += f" — {r.actor}"
        lines.append(f'{_INDENT}state "{_text(label)}" as {ids[r.step]}')

    edges: dict[tuple[str, str], list[str]] = {}

    def link(source: str, target: str, label: str = "") -> None:
        labels = edges.setdefault((source, target), [])
        if label and label not in labels:
            labels.append(label)

    # The usual order of the main path, with a way around every optional step.
    main = [r for r in p.steps if r.step not in BRANCH_STEPS]
    for i, source in enumerate([_START, *(ids[r.step] for r in main)]):
        for r in main[i:]:
            link(source, ids[r.step])
            if r.required:
                break
    for r in p.steps:
        before = _before(p, r.not_after)
        for needed in r.requires:
            link(ids[needed], ids[r.step], before)
        if r.step in BRANCH_STEPS and not r.requires:
            link(_START, ids[r.step], before)
    for d in p.deadlines:
        window = d.window().removesuffix(f" after {d.after}")
        link(ids[d.after], ids[d.step], f"{window}, {d.provision}" + ("" if d.enforced else " (not checked)"))
    for r in p.steps:
        for back in r.reopens:
            link(ids[r.step], ids[back], "sends back")
    leaving = {source for source, _ in edges}
    for r in p.steps:
        if r.step in _ENDS:
            link(ids[r.step], _START, _ENDS[r.step])
        elif ids[r.step] not in leaving:
            link(ids[r.step], _START)

    for (source, target), labels in edges.items():
        text = _text(", ".join(labels))
        lines.append(f"{_INDENT}{source} --> {target}" + (f" : {text}" if text else ""))
    return "\n".join(lines)


def _before(p: Procedure, steps: tuple[Step, ...]) -> str:
    """``before X``: the earliest of ``steps`` on the main path (a branch's ``not_after``)."""
    if not steps:
        return ""
    ranked = [s for s in steps if p.rank(s) is not None]
    first = min(ranked, key=lambda s: p.rank(s) or 0) if ranked else steps[0]
    return f"before {first}"
