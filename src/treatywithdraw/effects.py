"""From a treaty and a receipt day to the day the withdrawal takes effect.

Pure functions, no clock. The steps (``DESIGN.md``, "How an effective date is
computed"): read the receipt day in the depositary's time zone; check that notice is
allowed; add the notice period (months rounded once, see :mod:`treatywithdraw.periods`);
apply the depositary's counting convention (:mod:`treatywithdraw.conventions`); then a
later date named in the notice, decisions that move the date, and suspensive
conditions such as armed conflict.

Every option of a notice is a field of :class:`~treatywithdraw.NoticeOptions`; each
function here takes them as keywords or as ``options=``.

A month end is ambiguity *as a value*: the computation runs under one rounding and
records whether a period landed on a day the month lacks. Only then, and only when the
caller chose no rounding, is the other rounding computed too, and one policy
(:func:`_settle`) compares the two outcomes: no exception is caught to find out.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple, Unpack

import attrs

from treatywithdraw import _fast
from treatywithdraw._dates import DateLike, as_date, shown
from treatywithdraw._inputs import of_type, tuple_of
from treatywithdraw.catalogue import Evidence, Treaty, TreatyLike
from treatywithdraw.catalogue import treaty as _lookup
from treatywithdraw.clauses import Anchor, ClauseKind, Condition, Convention, LaterDate, Linked
from treatywithdraw.conventions import RULES
from treatywithdraw.errors import (
    AmbiguousDateError,
    EffectPendingError,
    Fix,
    InvalidArgumentError,
    InvalidDateError,
    NoticeNotAllowedError,
    NoticeTooEarlyError,
    NoticeTooLateError,
    NoWithdrawalClauseError,
    TreatyWithdrawError,
)
from treatywithdraw.options import DEFAULT_OPTIONS, NoticeOptions, OptionValues, merge_options
from treatywithdraw.periods import Period, Rounding, Shifted, add_period, shift

__all__ = [
    "DerivationStep",
    "Effect",
    "earliest_notice_date",
    "effect",
    "effective_date",
    "latest_receipt_date",
]

# VCLT Art. 56(2): "A party shall give not less than twelve months' notice of its
# intention to denounce or withdraw from a treaty under paragraph 1."
VCLT56_NOTICE = Period(months=12)
_ONE_DAY = timedelta(days=1)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RULES = ("clause", "party-terms", "provisional", "vclt56", "fixed-periods", "fixed-date")


def _rule(instance: object, attribute: object, value: object) -> None:
    if value not in _RULES:
        raise InvalidArgumentError(
            f"Effect.rule must be one of {', '.join(_RULES)}, not {shown(value)}", value=value, field="rule"
        )


def _notes(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(n, str) for n in value):
        raise InvalidArgumentError(
            f"Effect.notes must be a tuple of str, not {shown(value)}", value=value, field="notes"
        )


class DerivationStep(NamedTuple):
    """One line of :meth:`Effect.explain`, as data: what kind of step, its day and its article.

    ``number`` is the step's number in the text (``None`` for the heading, the effective
    date and the clause quotation, which are not numbered). ``kind`` is one of
    ``treaty``, ``receipt``, ``party-terms``, ``provisional``, ``vclt56``,
    ``notice-allowed``, ``fixed-periods``, ``fixed-date``, ``expiry``, ``convention``,
    ``evidence``, ``note``, ``condition``, ``linked``, ``moved``, ``effective-date`` and
    ``clause``. ``date`` is the day the step settles
    (the receipt, the expiry, the date the convention gives...), ``article`` the
    provision it applies, and ``text`` the line :meth:`Effect.explain` prints, without
    its number.

    >>> steps = effect("ottawa", "2025-06-27").derivation()
    >>> [(s.kind, s.date.isoformat() if s.date else None) for s in steps[1:4]]
    [('receipt', '2025-06-27'), ('expiry', '2025-12-27'), ('convention', '2025-12-27')]
    >>> steps[1].to_record()["article"]
    'VCLT Art. 78(b)'
    """

    number: int | None
    kind: str
    text: str
    date: _dt.date | None = None
    article: str | None = None

    @property
    def line(self) -> str:
        """The step as :meth:`Effect.explain` prints it: ``"2. Expiry: ..."``."""
        return self.text if self.number is None else f"{self.number}. {self.text}"

    def to_record(self) -> dict[str, object]:
        """The step as JSON-ready data (the ``derivation`` items of ``effective --json --explain``)."""
        return {
            "step": self.number,
            "kind": self.kind,
            "date": None if self.date is None else self.date.isoformat(),
            "article": self.article,
            "text": self.text,
        }


@attrs.frozen(kw_only=True)
class LinkedEffect:
    """A treaty a withdrawal takes with it, and the day it goes: the withdrawal's own day.

    >>> [(l.key, l.date) for l in effect("unfccc", "2026-01-09").linked]
    [('paris', datetime.date(2027, 1, 9)), ('kyoto', datetime.date(2027, 1, 9))]
    """

    link: Linked = attrs.field(validator=of_type(Linked))
    date: _dt.date | None = attrs.field(validator=of_type(_dt.date, optional=True))
    """``None`` while the withdrawal itself is pending."""

    @property
    def key(self) -> str:
        """The linked treaty's catalogue key."""
        return self.link.key


@attrs.frozen(kw_only=True)
class Effect:
    """The effect of one withdrawal notice, with everything needed to explain it.

    ``received`` (receipt by the depositary), ``expiry`` (end of the notice period, before
    the counting convention) and ``date`` (the effective date) are three fields, not one.
    ``date`` is ``None`` while a suspensive condition holds; ``pending`` then says why.
    Build one with :func:`effect`; the constructor checks the types of its fields.

    >>> e = effect("ottawa", "2025-06-27")
    >>> e.received, e.expiry, e.date
    (datetime.date(2025, 6, 27), datetime.date(2025, 12, 27), datetime.date(2025, 12, 27))
    """

    treaty: Treaty = attrs.field(validator=of_type(Treaty))
    received: _dt.date = attrs.field(validator=of_type(_dt.date))
    expiry: _dt.date | None = attrs.field(validator=of_type(_dt.date, optional=True))
    date: _dt.date | None = attrs.field(validator=of_type(_dt.date, optional=True))
    pending: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    party: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    rule: str = attrs.field(default="clause", validator=_rule)
    """Where the date came from: ``clause``, ``party-terms``, ``provisional`` (termination of
    provisional application), ``vclt56``, ``fixed-periods`` or ``fixed-date``."""
    notice_period: Period | None = attrs.field(default=None, validator=of_type(Period, optional=True))
    convention: Convention | None = attrs.field(default=None, validator=of_type(Convention, optional=True))
    rounding: Rounding = attrs.field(default=Rounding.RAISE, validator=of_type(Rounding))
    rounded: bool = attrs.field(default=False, validator=of_type(bool))
    """Whether the expiry fell on a day the month lacks and ``rounding`` chose it."""
    computed: _dt.date | None = attrs.field(default=None, validator=of_type(_dt.date, optional=True))
    """The date the clause gives before a named later date, decisions or conditions."""
    earliest_notice: _dt.date | None = attrs.field(default=None, validator=of_type(_dt.date, optional=True))
    notes: tuple[str, ...] = attrs.field(
        default=(),
        validator=_notes,
    )
    linked: tuple[LinkedEffect, ...] = attrs.field(default=(), validator=tuple_of(LinkedEffect))
    """The treaties this withdrawal takes with it, each on the same day (UNFCCC: Paris, Kyoto)."""
    conditions: tuple[Condition, ...] = attrs.field(default=(), validator=tuple_of(Condition))
    """Conditions precedent the text sets on the date (dues paid: ILO Art. 1(5)); shown, not checked."""

    def explain(self) -> str:
        """A plain-language derivation, quoting ISO dates and citing the article.

        >>> print(effect("icsid", "2007-05-02").explain().splitlines()[0])
        ICSID Convention (icsid), Art. 71 — depositary: ...
        """
        text = _plain_text(self)  # a plain notice: written at once, without the steps
        return text if text is not None else "\n".join(step.line for step in _derivation(self))

    def derivation(self) -> tuple[DerivationStep, ...]:
        """The derivation of :meth:`explain` as data: one ``DerivationStep`` a line.

        Each step (``treatywithdraw.effects.DerivationStep``, a named tuple) has
        ``number`` (``None`` for the unnumbered heading, effective date and clause
        lines), ``kind`` (``treaty``, ``receipt``, ``party-terms``, ``provisional``,
        ``vclt56``, ``notice-allowed``, ``fixed-periods``, ``fixed-date``, ``expiry``,
        ``convention``, ``evidence``, ``note``, ``condition``, ``linked``, ``moved``,
        ``effective-date``, ``clause``), ``text``, the
        ``date`` it settles and the ``article`` it applies; ``line`` is the text as
        :meth:`explain` prints it and ``to_record()`` the step as JSON-ready data.

        >>> [s.kind for s in effect("icsid", "2007-05-02").derivation()]
        ['treaty', 'receipt', 'expiry', 'convention', 'evidence', 'effective-date', 'clause']
        """
        return _derivation(self)

    def __repr__(self) -> str:
        """Who, which treaty, receipt and effect on one line (:meth:`explain` says why).

        >>> effect("ottawa", "2025-06-27", party="LV")
        Effect(LV, ottawa, received 2025-06-27 → 2025-12-27)
        """
        who = f"{self.party}, " if self.party else ""
        outcome = self.date.isoformat() if self.date is not None else "pending"
        return f"Effect({who}{self.treaty.key}, received {self.received.isoformat()} → {outcome})"

    def _repr_html_(self) -> str:
        from treatywithdraw._display import day, table

        return table(
            [
                ("treaty", str(self.treaty)),
                ("received", self.received.isoformat()),
                ("expiry", day(self.expiry)),
                ("effective date", self.date.isoformat() if self.date else f"pending: {self.pending}"),
            ]
        )


# -- the computation ---------------------------------------------------------------------


def _convention_date(convention: Convention, expiry: date, received: date) -> date:
    try:
        return RULES[convention].forward(expiry, received)
    except (OverflowError, ValueError):  # past 31 December 9999
        raise InvalidDateError(
            f"the '{convention.value}' convention puts the effective date after {expiry.isoformat()}, "
            "outside years 1-9999: pass an earlier date",
            value=expiry,
            field="date",
        ) from None


def _rounding_for(treaty: Treaty, rounding: Rounding | None) -> Rounding:
    if rounding is None:
        return treaty.clause.rounding if treaty.clause.rounding is not None else Rounding.RAISE
    return rounding


def _no_clause(t: Treaty) -> NoWithdrawalClauseError:
    return NoWithdrawalClauseError(
        f"{t.short_name} ({t.key}) has no withdrawal clause. {t.clause.no_clause_note} "
        "If you judge that a right of withdrawal is implied,",
        fixes=(Fix("apply_vclt56", True),),
        joiner=" ",
        tail=" to apply VCLT Art. 56(2) (not less than twelve months' notice).",
    )


def _fixed_period_end(t: Treaty, received: date) -> tuple[date, date]:
    """The end of the fixed period containing ``received`` and the notice deadline for it.

    Constant time: the period index is computed from the month difference.
    """
    fp = t.clause.fixed_periods
    assert fp is not None
    if received < fp.start:
        raise NoticeTooEarlyError(
            f"{t.key}: {received.isoformat()} is before the treaty's first period starts "
            f"({fp.start.isoformat()})",
            earliest=fp.start,
            value=received,
            field="received",
        )
    first_end = add_period(fp.start, fp.first, Rounding.BACKWARD)
    if received < first_end:
        end = first_end
    else:
        step = fp.then.total_months
        elapsed = (received.year - first_end.year) * 12 + received.month - first_end.month
        # step * k > elapsed months puts the k-th end in a month after the receipt's, so
        # it is after the receipt; step back while the previous end is too.
        # A period covers [end of previous, end): the end day itself starts the next.
        k = elapsed // step + 1
        while k > 1 and add_period(first_end, Period(months=step * (k - 1)), Rounding.BACKWARD) > received:
            k -= 1
        end = add_period(first_end, Period(months=step * k), Rounding.BACKWARD)
    # "at least six months before the expiration": the last allowed receipt day is
    # end - 6 months, rounded back (the later day would leave less than six months).
    deadline = add_period(end, -fp.notice_before_end, Rounding.BACKWARD)
    return end, deadline


def _cutoff_before(effect: date, receipt_by: tuple[int, int]) -> date:
    """The last ``receipt_by`` day before ``effect``: the cut-off for that effect."""
    same_year = date(effect.year, *receipt_by)
    return same_year if same_year < effect else date(effect.year - 1, *receipt_by)


def _fixed_date_effect(t: Treaty, received: date) -> date:
    """The first fixed day after ``received`` whose cut-off ``received`` met.

    Single Convention Art. 46(2): "if received ... on or before the first day of July in
    any year, shall take effect on the first day of January in the succeeding year, and,
    if received after the first day of July, shall take effect as if it had been received
    on or before the first day of July in the succeeding year".
    """
    fd = t.clause.fixed_date
    assert fd is not None
    year = received.year  # at most two years on: a cut-off falls within every year
    while True:
        try:
            effect = date(year, *fd.effect_on)
        except ValueError:  # past 9999
            raise InvalidDateError(
                f"{t.key} {t.clause.article}: a notice received {received.isoformat()} takes effect after "
                "the calendar's last year (9999)",
                value=received,
                field="received",
            ) from None
        if effect > received and received <= _cutoff_before(effect, fd.receipt_by):
            return effect
        year += 1


class _Run:
    """One computation under one rounding, noting every period that fell on a missing day.

    ``ambiguity`` is the first (a note names it when both roundings agree); ``later``
    holds the others, so that an error can name the one that decides (issue 16, item 12).
    """

    __slots__ = ("ambiguity", "asked", "later", "mode")

    def __init__(self, mode: Rounding, asked: Rounding | None = None) -> None:
        self.mode = mode
        self.asked = mode if asked is None else asked  # what the Effect reports: RAISE when none was chosen
        self.ambiguity: Shifted | None = None
        self.later: list[Shifted] = []

    def add(self, day: date, period: Period) -> tuple[date, bool]:
        """``day + period`` under this run's rounding, and whether a month end was rounded."""
        shifted = shift(day, period)
        if not shifted.ambiguous:
            return shifted.backward, False
        if self.ambiguity is None:
            self.ambiguity = shifted
        else:
            self.later.append(shifted)
        return (shifted.forward if self.mode is Rounding.FORWARD else shifted.backward), True


def _terms(t: Treaty, opts: NoticeOptions) -> tuple[str, Convention | None, Period | None, list[str]]:
    """Which rule gives the period: the clause, the party's own terms, provisional application, or VCLT Art. 56."""
    clause = t.clause
    terms = clause.terms_for(opts.party)
    if terms is not None:
        return "party-terms", terms.convention, terms.notice_period, []
    prov = clause.provisional
    if opts.provisional and prov is None:
        raise InvalidArgumentError(
            f"{t.key} {clause.article} provides no termination of provisional application (as the Energy "
            "Charter Treaty's Art. 45(3)(a) does), so the provisional option means nothing for it",
            fixes=(Fix("provisional", True, action="drop"),),
            value=True,
            field="provisional",
        )
    if prov is not None and (opts.provisional or opts.party in prov.parties):
        return "provisional", prov.convention, prov.notice_period, []
    if clause.kind is ClauseKind.NONE:
        if not opts.apply_vclt56:
            raise _no_clause(t)
        return "vclt56", Convention.ANNIVERSARY, VCLT56_NOTICE, []
    notes = []
    if opts.party is not None and clause.party_terms:
        notes.append(f"{opts.party} holds no party-specific terms; the treaty's own clause applies.")
    return "clause", clause.convention, clause.notice_period, notes


def _ends_provisional_application(t: Treaty, opts: NoticeOptions) -> bool:
    """Whether the notice ends a signatory's provisional application (no party terms of its own)."""
    prov = t.clause.provisional
    if prov is None or t.clause.terms_for(opts.party) is not None:
        return False
    return opts.provisional or opts.party in prov.parties


def _compute(t: Treaty, received: date, opts: NoticeOptions, run: _Run, *, planning: bool = False) -> Effect:
    """The effect under ``run``'s rounding (``BACKWARD`` or ``FORWARD``, never ``RAISE``)."""
    clause = t.clause
    rule, convention, period, notes = _terms(t, opts)

    earliest = None
    mp = clause.minimum_participation
    if mp is not None and rule not in ("vclt56", "provisional"):
        anchor = opts.party_since if mp.anchor is Anchor.PARTY else t.entry_into_force
        if anchor is None:
            notes.append(
                f"{clause.article} allows notice only {mp.period.describe()} after the treaty "
                "entered into force for the party: not checked, pass party_since= to check it."
            )
        else:
            earliest, _ = run.add(anchor, mp.period)
            if received < earliest:
                whose = "for the party" if mp.anchor is Anchor.PARTY else "itself"
                raise NoticeTooEarlyError(
                    f"{t.key} {clause.article}: notice received {received.isoformat()} is too early; "
                    f"notice is allowed from {earliest.isoformat()} ({mp.period.describe()} after the "
                    f"treaty entered into force {whose} on {anchor.isoformat()})",
                    earliest=earliest,
                    value=received,
                    field="received",
                )
    if opts.party_since is not None and received < opts.party_since:
        raise NoticeTooEarlyError(
            f"{t.key}: notice received {received.isoformat()} is before the treaty entered into "
            f"force for the party ({opts.party_since.isoformat()})",
            earliest=opts.party_since,
            value=received,
            field="received",
        )

    rounded = False
    if clause.kind is ClauseKind.FIXED_PERIODS and rule == "clause":
        end, deadline = _fixed_period_end(t, received)
        if received > deadline:
            end = _late_fixed_notice(t, received, end, deadline, notes)
        expiry, computed, period = end, end, None
        rule = "fixed-periods"
    elif clause.kind is ClauseKind.FIXED_DATE and rule == "clause":
        expiry = computed = _fixed_date_effect(t, received)
        period, rule = None, "fixed-date"
    else:
        assert period is not None and convention is not None
        expiry, rounded = run.add(received, period)
        computed = _convention_date(convention, expiry, received)

    final: date | None = computed
    if opts.later_date is not None:
        if clause.later_date is LaterDate.NONE or rule == "provisional":
            raise NoticeNotAllowedError(
                f"{t.key} {_article(t, rule)} does not let a notification name its own date",
                fixes=(Fix("later_date", opts.later_date, action="drop"),),
                value=opts.later_date,
                field="later_date",
            )
        if opts.later_date < computed:
            raise NoticeNotAllowedError(
                f"{t.key} {clause.article}: the named date {opts.later_date.isoformat()} is earlier than "
                f"the clause allows ({computed.isoformat()})",
                fixes=(Fix("later_date", computed, gives="or later"),),
                value=opts.later_date,
                field="later_date",
            )
        final = opts.later_date
    elif clause.later_date is LaterDate.REQUIRED and rule == "clause" and not planning:
        raise NoticeNotAllowedError(
            f"{t.key} {clause.article}: the notification must name the withdrawal date, at least "
            f"{(period or Period()).describe()} after receipt",
            fixes=(Fix("later_date", gives=f"{computed.isoformat()} or later"),),
            field="later_date",
        )

    if opts.extended_to is not None or opts.agreement_in_force is not None:
        final = _apply_decisions(t, final, expiry, convention, opts, received)

    pending = None
    if opts.armed_conflicts:
        if not clause.armed_conflict_deferral:
            notes.append(
                f"armed_conflicts were given but {t.key} {clause.article} has no armed-conflict "
                "condition: they do not change the date."
            )
        else:
            final, pending, note = _defer_for_conflicts(t, expiry, final, opts.armed_conflicts, received)
            if note:
                notes.append(note)

    return Effect(
        treaty=t,
        received=received,
        expiry=expiry,
        date=final,
        pending=pending,
        party=opts.party,
        rule=rule,
        notice_period=period,
        convention={"fixed-periods": Convention.END_OF_PERIOD, "fixed-date": Convention.FIXED_DATE}.get(
            rule, convention
        ),
        rounding=run.asked,
        rounded=rounded,
        computed=computed,
        earliest_notice=earliest,
        notes=tuple(notes),
        linked=tuple(LinkedEffect(link=link, date=final) for link in clause.linked),
        conditions=clause.conditions_for(opts.party),
    )


def _article(t: Treaty, rule: str) -> str:
    """The article that gives the date under ``rule``: the clause's, or the provisional one."""
    prov = t.clause.provisional
    return prov.article if rule == "provisional" and prov is not None else t.clause.article


def _late_fixed_notice(t: Treaty, received: date, end: date, deadline: date, notes: list[str]) -> date:
    """A notice after the deadline of a fixed period: refused, or carried to the next period."""
    fp = t.clause.fixed_periods
    assert fp is not None
    try:
        following: date | None = add_period(end, fp.then, Rounding.BACKWARD)
    except InvalidDateError:  # the next period would end after 9999: say so, not "year 10001"
        following = None
    if fp.late_notice != "next-period":
        reading = (
            f"so such a notice would take effect on {following.isoformat()}"
            if following is not None
            else "though that period would end after the calendar's last year (9999)"
        )
        raise NoticeTooLateError(
            f"{t.key} {t.clause.article}: notice received {received.isoformat()} is less than "
            f"{fp.notice_before_end.describe()} before the current period ends on "
            f"{end.isoformat()} (last day for notice: {deadline.isoformat()}). Read literally, "
            f"the treaty then remains in force for the party for the next period, {reading}; "
            "with no depositary practice to confirm that reading the library does not apply it silently.",
            latest=deadline,
            next_earliest=end,
            value=received,
            field="received",
        )
    if following is None:
        raise InvalidDateError(
            f"{t.key} {t.clause.article}: a notice received {received.isoformat()} takes effect at the end "
            "of the next period, which ends after the calendar's last year (9999)",
            value=received,
            field="received",
        )
    notes.append(
        f"The notice came after {deadline.isoformat()}, less than "
        f"{fp.notice_before_end.describe()} before the period ending {end.isoformat()}: "
        f"{t.clause.article} carries it to the end of the next period."
    )
    return following


def _apply_decisions(
    t: Treaty,
    final: date | None,
    expiry: date,
    convention: Convention | None,
    opts: NoticeOptions,
    received: date,
) -> date | None:
    clause = t.clause
    extended_to, agreement_in_force = opts.extended_to, opts.agreement_in_force
    if extended_to is not None:
        if not clause.extendable_by_decision:
            raise InvalidArgumentError(
                f"{t.key} {clause.article} has no extension by decision",
                fixes=(Fix("extended_to", extended_to, action="drop"),),
                value=extended_to,
                field="extended_to",
            )
        if extended_to < expiry:
            raise InvalidArgumentError(
                f"extended_to {extended_to.isoformat()} is before the end of the period "
                f"({expiry.isoformat()}): an extension can only move it later",
                value=extended_to,
                field="extended_to",
            )
        # The decision names the new last day of the period ("until 31 January 2020");
        # the counting convention turns it into the effective date as it does an expiry.
        assert convention is not None
        final = _convention_date(convention, extended_to, received)
    if agreement_in_force is not None:
        if not clause.earlier_by_agreement:
            raise InvalidArgumentError(
                f"{t.key} {clause.article} has no withdrawal agreement",
                fixes=(Fix("agreement_in_force", agreement_in_force, action="drop"),),
                value=agreement_in_force,
                field="agreement_in_force",
            )
        if agreement_in_force < received:
            raise InvalidArgumentError(
                f"agreement_in_force {agreement_in_force.isoformat()} is before the notice "
                f"({received.isoformat()})",
                value=agreement_in_force,
                field="agreement_in_force",
            )
        if final is None or agreement_in_force < final:
            final = agreement_in_force
    return final


def _defer_for_conflicts(
    t: Treaty,
    expiry: date,
    final: date | None,
    conflicts: tuple[tuple[date, date | None], ...],
    received: date | None = None,
) -> tuple[date | None, str | None, str]:
    # Ottawa Art. 20(3), CCM Art. 20(2): "If, however, on the expiry of that six-month
    # period, the withdrawing State Party is engaged in an armed conflict, the withdrawal
    # shall not take effect before the end of the armed conflict."
    # Geneva Conventions Arts. 63/62/142/158: "a denunciation of which notification has
    # been made at a time when the denouncing Power is involved in a conflict shall not
    # take effect until peace has been concluded" (armed_conflict_at = "notification").
    at_notice = t.clause.armed_conflict_at == "notification" and received is not None
    day = received if at_notice and received is not None else expiry
    the, on = ("the notification", "At notification") if at_notice else ("the expiry", "On expiry")
    engaged = [(s, e) for s, e in conflicts if s <= day and (e is None or e >= day)]
    if not engaged:
        return final, None, f"No armed conflict given covers {the} ({day.isoformat()})."
    if any(e is None for _, e in engaged):
        start = min(s for s, _ in engaged)
        why = (
            f"{t.key} {t.clause.article}: {on.lower()} ({day.isoformat()}) the party is engaged in "
            f"an armed conflict (since {start.isoformat()}, not ended); the withdrawal does not take "
            "effect before the conflict ends"
        )
        return None, why, ""
    end = max(e for _, e in engaged if e is not None)
    # Conflicts that start before that end and are still going on then keep it deferred.
    for s, e in sorted(conflicts):
        if s <= end and (e is None or e > end):
            if e is None:
                why = (
                    f"{t.key} {t.clause.article}: the party is in armed conflict without a break "
                    f"from before {day.isoformat()} (a conflict since {s.isoformat()} has not ended)"
                )
                return None, why, ""
            end = e
    moved = max(end, final) if final is not None else end
    note = (
        f"{on} ({day.isoformat()}) the party was engaged in an armed conflict that ended "
        f"{end.isoformat()}; the withdrawal takes effect when the conflict ends, on "
        f"{moved.isoformat()} (assumed: the end day itself, the treaty says 'not before the end')."
    )
    return moved, None, note


def _attempt(t: Treaty, day: date, opts: NoticeOptions, mode: Rounding) -> Effect | TreatyWithdrawError:
    """One rounding's outcome: an effect, or the refusal that rounding leads to."""
    try:
        return _compute(t, day, opts, _Run(mode))
    except TreatyWithdrawError as exc:
        return exc


def _resolve(t: Treaty, day: date, opts: NoticeOptions) -> Effect:
    mode = _rounding_for(t, opts.rounding)
    if mode is not Rounding.RAISE:
        return _compute(t, day, opts, _Run(mode))
    run = _Run(Rounding.BACKWARD, Rounding.RAISE)
    try:
        back: Effect | TreatyWithdrawError = _compute(t, day, opts, run)
    except TreatyWithdrawError as exc:
        if run.ambiguity is None:
            raise
        back = exc
    if run.ambiguity is None:
        assert isinstance(back, Effect)
        return back
    # No rounding chosen and a period landed on a day the month lacks: the forward
    # outcome too, then one policy decides (either may be a refusal).
    return _settle(t, day, run.ambiguity, back, _attempt(t, day, opts, Rounding.FORWARD), run.later)


def _settle(
    t: Treaty,
    day: date,
    ambiguity: Shifted,
    back: Effect | TreatyWithdrawError,
    fwd: Effect | TreatyWithdrawError,
    later: Sequence[Shifted] = (),
) -> Effect:
    """The one policy for a month end no rounding was chosen for.

    Equal outcomes are the answer (with a note); different dates raise
    :class:`AmbiguousDateError` with both, naming the period whose month end gives
    them (the last one, when none gives them exactly: the notice period, not a minimum
    period that allowed the notice either way); the same refusal is raised as itself.
    """
    ends = f"{ambiguity.backward.isoformat()} or {ambiguity.forward.isoformat()}"
    if isinstance(back, Effect) and isinstance(fwd, Effect):
        if back.date == fwd.date:
            # Both give the same date, or both wait on the same condition.
            either = "gives " + back.date.isoformat() if back.date else "leaves the effect pending"
            note = f"A period ends on a day the month lacks ({ends}); either rounding {either}."
            return attrs.evolve(back, notes=(*back.notes, note), rounding=Rounding.BACKWARD)
        if back.date is not None and fwd.date is not None:
            if later:
                ambiguity = next(
                    (a for a in (ambiguity, *later) if (a.backward, a.forward) == (back.date, fwd.date)),
                    later[-1],
                )
                ends = f"{ambiguity.backward.isoformat()} or {ambiguity.forward.isoformat()}"
            if (back.date, fwd.date) == (ambiguity.backward, ambiguity.forward):
                ambiguity.resolve(Rounding.RAISE)  # the period's own words: "x + 6 months has no such day"
            raise AmbiguousDateError(
                f"{t.key}: the effective date of a notice received {day.isoformat()} depends on "
                f"month-end rounding (the period ends {ends})",
                (back.date, fwd.date),
            )
    elif type(back) is type(fwd) and str(back) == str(fwd):
        # Refused the same way whatever the rounding: that is the answer.
        assert isinstance(back, TreatyWithdrawError)
        raise back.with_traceback(None)
    # One rounding gives a date and the other does not, or they refuse differently:
    # say what each gives. The candidates are then the two ends of the period.
    raise AmbiguousDateError(
        f"{t.key}: the outcome for a notice received {day.isoformat()} depends on month-end "
        f'rounding (the period ends {ends}): rounding="backward" gives {_outcome(back)}; '
        f'rounding="forward" gives {_outcome(fwd)}',
        (ambiguity.backward, ambiguity.forward),
        fixes=(),
    )


def _outcome(result: Effect | TreatyWithdrawError) -> str:
    """One rounding's answer, in words, for an ambiguity message."""
    if isinstance(result, TreatyWithdrawError):
        return f"no date ({type(result).__name__}: {result})"
    if result.date is None:
        return f"no date yet ({result.pending})"
    return result.date.isoformat()


def _inputs(
    treaty: TreatyLike, received: DateLike, options: object, values: dict[str, object]
) -> tuple[Treaty, date, NoticeOptions]:
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    day = received if type(received) is date else as_date(received, "received", t.depositary.time_zone)
    if options is None and not values:
        return t, day, DEFAULT_OPTIONS
    return t, day, _options_for(t, options, values)


def _options_for(t: Treaty, options: object, values: Mapping[str, object]) -> NoticeOptions:
    """The options given, with every instant dated at the depositary of ``t``.

    The treaty's zone was checked when it was built: only instants need it now, so plain
    days never load the time zone database.
    """
    merged = merge_options(options, values)
    return merged.at_depositary(t.depositary.time_zone) if merged.holds_instants() else merged


def effect(
    treaty: TreatyLike,
    received: DateLike,
    *,
    options: NoticeOptions | None = None,
    **option_values: Unpack[OptionValues],
) -> Effect:
    """The effect of a withdrawal notice received on ``received``, with its derivation.

    Like :func:`effective_date` (same arguments), but a suspensive condition does not
    raise: the :class:`Effect` has ``date=None`` and ``pending`` says why.

    >>> e = effect("ottawa", "2025-06-27", armed_conflicts=[("2022-02-24", None)])
    >>> e.date is None, e.expiry
    (True, datetime.date(2025, 12, 27))
    """
    if options is None and not option_values and type(received) is date:
        fast = _fast.effect_of(treaty, received)
        if fast is not None:
            return fast  # type: ignore[no-any-return]
    return _resolve(*_inputs(treaty, received, options, dict(option_values)))


def effective_date(
    treaty: TreatyLike,
    received: DateLike,
    *,
    options: NoticeOptions | None = None,
    **option_values: Unpack[OptionValues],
) -> date:
    """The day a withdrawal takes effect, given the day the depositary received it.

    Args:
        treaty: a key, an alias or a :class:`Treaty`.
        received: the day of receipt by the depositary (VCLT Art. 78(b)): a ``date``,
            an ISO string, or an aware ``datetime`` (read in the depositary's time zone).
        options: a :class:`~treatywithdraw.NoticeOptions`; keyword options given too
            are laid over it.
        **option_values: any field of :class:`~treatywithdraw.NoticeOptions` as a
            keyword: ``rounding``, ``party``, ``later_date``, ``party_since``,
            ``armed_conflicts``, ``apply_vclt56``, ``extended_to``,
            ``agreement_in_force``, ``provisional``.

    Raises:
        AmbiguousDateError: the expiry is a day the month lacks and the two roundings
            give different dates; ``.candidates`` is (effective date with ``backward``,
            effective date with ``forward``).
        NoticeTooEarlyError: notice is not yet allowed (``.earliest``).
        NoticeTooLateError: the last day for notice has passed (``.latest``).
        NoticeNotAllowedError: a named date the clause does not allow (and the two above).
        NoWithdrawalClauseError: the treaty has no clause and ``apply_vclt56`` is false.
        EffectPendingError: a suspensive condition holds (``.effect`` has the details).
        InvalidDateError, InvalidArgumentError, UnknownTreatyError: bad input.

    >>> effective_date("ottawa", date(2025, 6, 27))
    datetime.date(2025, 12, 27)
    >>> effective_date("ottawa", "2025-08-31", rounding="backward")
    datetime.date(2026, 2, 28)
    >>> effective_date("unesco", "2017-10-12")
    datetime.date(2018, 12, 31)
    >>> effective_date("teu", "2017-03-29", options=NoticeOptions(extended_to="2020-01-31"))
    datetime.date(2020, 2, 1)
    """
    if options is None and type(received) is date:
        # A plan compiled once per treaty answers the common calls (treatywithdraw._fast);
        # anything it does not positively know goes the full way below.
        fast = _fast.date_of(treaty, received, option_values)
        if fast is not None:
            return fast
    result = _resolve(*_inputs(treaty, received, options, dict(option_values)))
    if result.date is None:
        raise EffectPendingError(f"{result.pending}: no effective date yet", result)
    return result.date


# -- planning ---------------------------------------------------------------------------

# Options that describe one notice already given, not a plan: refused by planning.
_NOT_FOR_PLANNING = ("later_date", "armed_conflicts", "extended_to", "agreement_in_force")


def _single_rounding_latest(t: Treaty, target: date, opts: NoticeOptions, mode: Rounding) -> date:
    """Latest receipt whose effect is on or before ``target`` under one rounding mode.

    An estimate from the inverse of the convention, then a bounded correction (a few
    days at most, for month ends): never a scan over the calendar.
    """
    clause = t.clause

    def effect_of(day: date) -> date | None:
        """The clause's date for a receipt on ``day``; ``None`` where notice is not yet allowed."""
        try:
            result = _compute(t, day, opts, _Run(mode), planning=True)
        except NoticeNotAllowedError:
            return None
        return result.computed

    if clause.kind is ClauseKind.FIXED_PERIODS and clause.terms_for(opts.party) is None:
        return _latest_in_fixed_periods(t, target)
    if clause.kind is ClauseKind.FIXED_DATE and clause.terms_for(opts.party) is None:
        return _latest_for_fixed_date(t, target)
    _, convention, period, _ = _terms(t, opts)
    assert convention is not None and period is not None
    inverse = RULES[convention].inverse(target)
    if inverse.of == "receipt":
        return inverse.last
    guess = add_period(inverse.last, -period, Rounding.BACKWARD)
    # Month ends make the map from receipt to effect flat or jump by a day or three:
    # step to the exact boundary (at most a few iterations).
    for _ in range(8):
        found = effect_of(guess)
        if found is not None and found <= target:
            break
        guess -= _ONE_DAY
    else:
        # Only a minimum-participation rule (a treaty too young) leaves no day to step to.
        raise NoticeNotAllowedError(
            f"{t.key}: no receipt day gives an effect by {target.isoformat()}: notice is not "
            "allowed early enough"
        )
    # Then forward while the next day still makes it (ends: the effect is never before
    # the receipt, so a day after the target always overshoots).
    while (following := effect_of(guess + _ONE_DAY)) is not None and following <= target:
        guess += _ONE_DAY
    return guess


def _latest_for_fixed_date(t: Treaty, target: date) -> date:
    """The cut-off of the last fixed day on or before ``target``."""
    fd = t.clause.fixed_date
    assert fd is not None
    effect = date(target.year, *fd.effect_on)
    if effect > target:
        effect = date(target.year - 1, *fd.effect_on)
    return _cutoff_before(effect, fd.receipt_by)


def _latest_in_fixed_periods(t: Treaty, target: date) -> date:
    fp = t.clause.fixed_periods
    assert fp is not None
    first_end = add_period(fp.start, fp.first, Rounding.BACKWARD)
    if target < first_end:
        raise NoticeNotAllowedError(
            f"{t.key}: no period of {t.short_name} ends by {target.isoformat()} "
            f"(the first ends {first_end.isoformat()})"
        )
    step = fp.then.total_months
    elapsed = (target.year - first_end.year) * 12 + target.month - first_end.month
    k = max(elapsed // step, 0)
    while add_period(first_end, Period(months=step * k), Rounding.BACKWARD) > target:
        k -= 1
    end = add_period(first_end, Period(months=step * k), Rounding.BACKWARD)
    return add_period(end, -fp.notice_before_end, Rounding.BACKWARD)


def _latest_in_calendar(t: Treaty, target: date, opts: NoticeOptions, mode: Rounding) -> date:
    # Stepping before 1 January 1 or after 31 December 9999 raises our InvalidDateError
    # (add_period, a convention) or the standard library's own: both get the planning
    # message below. Other errors of ours pass through.
    try:
        return _single_rounding_latest(t, target, opts, mode)
    except TreatyWithdrawError as exc:
        if not isinstance(exc, InvalidDateError):
            raise
    except (OverflowError, ValueError):
        pass
    raise InvalidDateError(
        f"the last receipt day for {t.key} to take effect by {target.isoformat()} falls outside "
        "years 1-9999: pass a date further inside the calendar",
        value=target,
        field="effective_by",
    )


def latest_receipt_date(
    treaty: TreatyLike,
    effective_by: DateLike,
    *,
    options: NoticeOptions | None = None,
    **option_values: Unpack[OptionValues],
) -> date:
    """The last day the depositary can receive the notice for the withdrawal to take effect by ``effective_by``.

    Computed from the inverse of the clause, not by scanning days. The withdrawal
    takes effect on or before ``effective_by`` for this day, and after it for the next.

    The options that shape a plan are ``rounding``, ``party``, ``party_since`` (a day
    before notice is allowed is refused), ``apply_vclt56`` and ``provisional`` (a
    signatory ending its provisional application); the options that
    describe a notice already given (``later_date``, ``armed_conflicts``,
    ``extended_to``, ``agreement_in_force``) are refused.

    Raises:
        AmbiguousDateError: the answer depends on month-end rounding and none was
            chosen; ``.candidates`` is (answer with ``backward``, answer with ``forward``).
        NoticeTooEarlyError: the answer is before notice is allowed: for the party, with
            ``party_since``; without it, for any party, where the clause counts its
            minimum period from an entry into force the catalogue knows (Paris Art. 28(1)
            allows no notice before 2019-11-04).

    >>> latest_receipt_date("ottawa", "2026-01-01")
    datetime.date(2025, 7, 1)
    >>> latest_receipt_date("icsid", date(2007, 11, 3))
    datetime.date(2007, 5, 2)
    """
    if options is None and not option_values and type(effective_by) is date:
        fast = _fast.latest_of(treaty, effective_by)
        if fast is not None:
            return fast
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    target = as_date(effective_by, "effective_by", t.depositary.time_zone)
    opts = _options_for(t, options, dict(option_values))
    for name in _NOT_FOR_PLANNING:
        if getattr(opts, name) not in (None, ()):
            raise InvalidArgumentError(
                f"{name} describes a notice already given and means nothing for a plan",
                fixes=(Fix(name, action="drop"),),
                value=getattr(opts, name),
                field=name,
            )
    planning = attrs.evolve(opts, party_since=None)
    mode = _rounding_for(t, opts.rounding)
    if mode is not Rounding.RAISE:
        day = _latest_in_calendar(t, target, planning, mode)
    else:
        backward = _latest_in_calendar(t, target, planning, Rounding.BACKWARD)
        forward = _latest_in_calendar(t, target, planning, Rounding.FORWARD)
        if backward != forward:
            raise AmbiguousDateError(
                f"the last receipt day for {t.key} to take effect by {target.isoformat()} depends on "
                "month-end rounding",
                (backward, forward),
            )
        day = backward
    since, whom = opts.party_since, ""
    provisional = _ends_provisional_application(t, opts)
    if (
        since is None
        and t.clause.minimum_participation is not None
        and t.entry_into_force is not None
        and not provisional
    ):
        # No party is bound before the treaty is in force: its entry into force bounds every party.
        since = t.entry_into_force
        whom = (
            f" for any party ({t.clause.article}; the treaty entered into force on {since.isoformat()}, "
            "and later for a party that joined later)"
        )
    if since is not None:
        earliest = earliest_notice_date(
            t, party_since=since, rounding=opts.rounding, party=opts.party, provisional=provisional
        )
        if day < earliest:
            raise NoticeTooEarlyError(
                f"{t.key}: to take effect by {target.isoformat()} the notice must be received by "
                f"{day.isoformat()}, but notice is allowed only from {earliest.isoformat()}{whom}",
                earliest=earliest,
                value=target,
                field="effective_by",
            )
    return day


def earliest_notice_date(
    treaty: TreatyLike,
    *,
    options: NoticeOptions | None = None,
    **option_values: Unpack[OptionValues],
) -> date:
    """The first day a party may give notice, given when the treaty entered into force for it.

    ``party_since`` (required, as a keyword or in ``options``) and ``rounding`` are the
    options that mean something here; the others are accepted and do not change the day.

    Paris Art. 28(1): "at any time after three years from the date on which this
    Agreement has entered into force for a Party" — the UN accepted the US notice on
    the third anniversary itself.

    >>> earliest_notice_date("paris", party_since=date(2016, 11, 4))
    datetime.date(2019, 11, 4)
    >>> earliest_notice_date("ottawa", party_since="2005-01-01")
    datetime.date(2005, 1, 1)
    """
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    opts = _options_for(t, options, dict(option_values))
    since = opts.party_since
    if since is None:
        raise InvalidArgumentError(
            "earliest_notice_date needs the day the treaty entered into force for the party",
            fixes=(Fix("party_since", gives="e.g. '2016-11-04'"),),
            field="party_since",
        )
    mp = t.clause.minimum_participation
    if mp is None or _ends_provisional_application(t, opts):
        # A signatory ending its provisional application is no Contracting Party: the
        # minimum participation of the withdrawal clause (ECT Art. 47(1)) does not bind it.
        return since
    mode = _rounding_for(t, opts.rounding)
    if mp.anchor is Anchor.PARTY:
        return add_period(since, mp.period, mode)
    assert t.entry_into_force is not None
    return max(since, add_period(t.entry_into_force, mp.period, mode))


# -- explanation ---------------------------------------------------------------------------


def _describe(period: Period) -> str:
    """``period.describe()``, once per period as written (a derivation says it on every call).

    Keyed on the parts, not the period: ``P12M == P1Y``, but they read differently.
    """
    return _described(period.years, period.months, period.days)


@functools.lru_cache(maxsize=1024)
def _described(years: int, months: int, days: int) -> str:
    return Period(years=years, months=months, days=days).describe()


class _Constants:
    """The parts of a derivation that depend on the treaty and the rule alone, built once.

    The heading, the evidence sentence and the quoted clause (whose long text is the cost
    of :meth:`Effect.explain`), as steps and as the lines :meth:`Effect.explain` prints;
    for the clause's own rule, also the words of its notice period and convention, so
    that :func:`_plain_text` writes a plain notice's explanation without building steps.
    """

    __slots__ = (
        "convention",
        "evidence_text",
        "from_expiry",
        "head",
        "heading",
        "period",
        "period_words",
        "quoted",
        "quoted_line",
        "receipt_tail",
        "treaty",
        "words",
        "words_by_year",
    )

    def __init__(self, t: Treaty, rule: str, evidence: Evidence) -> None:
        self.treaty = t
        clause = t.clause
        article = _article(t, rule)
        self.heading = DerivationStep(
            None, "treaty", f"{t.short_name} ({t.key}), {article} — depositary: {t.depositary.name}.", article=article
        )
        self.head = self.heading.text
        summary = evidence.summary().rstrip()
        self.evidence_text = (
            f"Evidence for the convention — {summary}{'' if summary.endswith(('.', '!', '?')) else '.'}"
        )
        source = t.sources[0]
        text = clause.provisional.text if rule == "provisional" and clause.provisional else clause.text
        self.quoted = DerivationStep(
            None,
            "clause",
            f'Clause ({clause.verification.value}): "{" ".join(text.split())}" '
            f"— {source.url} (read {source.read_on.isoformat()}).",
            article=article,
        )
        self.quoted_line = self.quoted.text
        self.receipt_tail = (
            f"), the day the depositary received the notification, dated in {t.depositary.time_zone} "
            "(VCLT Art. 78(b)); every period runs from it."
        )
        # The clause's own period and convention: _plain_text uses them when an effect
        # carries these very objects (every effect of the clause's rule does).
        self.period = clause.notice_period
        self.period_words = _describe(clause.notice_period) if clause.notice_period is not None else ""
        self.convention = clause.convention
        self.from_expiry = False
        self.words = self.words_by_year = ""
        if clause.convention is not None:
            convention_rule = RULES[clause.convention]
            self.from_expiry = convention_rule.from_expiry
            if "{" in convention_rule.words or "}" in convention_rule.words:
                self.words_by_year = convention_rule.words
            else:
                self.words = convention_rule.words


_CONSTANT_STEPS: dict[tuple[int, str], _Constants] = {}


def _constants(e: Effect) -> _Constants:
    """The :class:`_Constants` of ``e``'s treaty and rule. Keyed on the treaty object, which
    is immutable (an equal copy gets its own); bounded."""
    t = e.treaty
    key = (id(t), e.rule)
    hit = _CONSTANT_STEPS.get(key)
    if hit is not None and hit.treaty is t:
        return hit
    built = _Constants(t, e.rule, _evidence_for(e))
    if len(_CONSTANT_STEPS) >= 4096:
        _CONSTANT_STEPS.clear()
    _CONSTANT_STEPS[key] = built
    return built


_NEVER_MOVED = "; effect dates are never moved off weekends or holidays)."


def _plain_text(e: Effect) -> str | None:
    """:meth:`Effect.explain` of a plain notice, written at once; ``None`` for any other effect.

    Plain: the clause's own rule, period and convention, no month end rounded, no minimum
    period checked, no condition, linked treaty or moved date (notes are written). This is
    what :func:`_derivation` gives for such an effect, line for line, without building its
    steps; ``tests/test_explain_text.py`` holds the two together for every treaty.
    """
    if e.rule != "clause" or e.rounded or e.earliest_notice is not None or e.conditions or e.linked:
        return None
    day, expiry, received = e.date, e.expiry, e.received
    if day is None or expiry is None or day != e.computed:
        return None
    c = _constants(e)
    if c.convention is None or c.period is None or e.convention is not c.convention or e.notice_period is not c.period:
        return None  # an Effect built by hand with terms of its own: the steps say it
    r = received.isoformat()
    words = c.words or c.words_by_year.format(year=received.year)
    if c.from_expiry:
        text = (
            f"{c.head}\n1. Receipt: {r} ({_WEEKDAYS[received.weekday()]}{c.receipt_tail}\n"
            f"2. Expiry: {r} + {c.period_words} = {expiry.isoformat()}.\n"
            f"3. Counting convention '{c.convention.value}': {words} → {day.isoformat()}.\n"
            f"4. {c.evidence_text}"
        )
        number = 4
    else:
        text = (
            f"{c.head}\n1. Receipt: {r} ({_WEEKDAYS[received.weekday()]}{c.receipt_tail}\n"
            f"2. Counting convention '{c.convention.value}': {words} → {day.isoformat()}.\n"
            f"3. {c.evidence_text}"
        )
        number = 3
    for note in e.notes:
        number += 1
        text = f"{text}\n{number}. {note}"
    return f"{text}\nEffective date: {day.isoformat()} ({_WEEKDAYS[day.weekday()]}{_NEVER_MOVED}\n{c.quoted_line}"


def _derivation(e: Effect) -> tuple[DerivationStep, ...]:
    t, clause = e.treaty, e.treaty.clause
    constants = _constants(e)
    heading, evidence_text, quoted = constants.heading, constants.evidence_text, constants.quoted
    article = heading.article
    lines = [heading]

    numbered = 0

    def step(kind: str, text: str, on: date | None = None, cites: str | None = article) -> None:
        nonlocal numbered
        numbered += 1
        lines.append(DerivationStep(numbered, kind, text, on, cites))

    step(
        "receipt",
        f"Receipt: {e.received.isoformat()} ({_WEEKDAYS[e.received.weekday()]}{constants.receipt_tail}",
        e.received,
        "VCLT Art. 78(b)",
    )
    if e.rule == "party-terms":
        terms = clause.terms_for(e.party)
        assert terms is not None
        step(
            "party-terms",
            f"Party-specific terms for {e.party}: {terms.basis} (source: {terms.source}, read {terms.read_on.isoformat()}).",
            cites=None,
        )
    elif e.rule == "provisional":
        prov = clause.provisional
        assert prov is not None
        who = (
            f"{e.party} is a signatory that applied the treaty provisionally (the catalogue records it)"
            if e.party in prov.parties
            else "on the caller's word (provisional=True), the withdrawing state is a signatory applying "
            "the treaty provisionally"
        )
        step(
            "provisional",
            f"Provisional application: {who}; terminating it is governed by {prov.article}, not by the "
            f"withdrawal clause of Contracting Parties ({clause.article}).{' ' + prov.note if prov.note else ''}",
            cites=prov.article,
        )
    elif e.rule == "vclt56":
        step(
            "vclt56",
            f"{t.short_name} has no withdrawal clause; on the caller's request VCLT Art. 56(2) "
            "applies: 'not less than twelve months' notice'. Whether a right of withdrawal is "
            f"implied is a legal judgement the library does not make. {clause.no_clause_note}",
            cites="VCLT Art. 56(2)",
        )
    mp = clause.minimum_participation
    if e.earliest_notice is not None and mp is not None:
        step(
            "notice-allowed",
            f"Notice allowed: {clause.article} allows notice from {e.earliest_notice.isoformat()} "
            f"({mp.period.describe()} after entry into force); {e.received.isoformat()} is not earlier.",
            e.earliest_notice,
            clause.article,
        )
    if e.rule == "fixed-periods":
        fp = clause.fixed_periods
        assert fp is not None and e.expiry is not None
        # A late notice carried to the next period (late_notice = "next-period"): the
        # Effect keeps only the end it was carried to, so find the period current at receipt.
        try:
            current_end, deadline = _fixed_period_end(t, e.received)
        except TreatyWithdrawError:  # an Effect built by hand, not by effect()
            current_end, deadline = e.expiry, e.received
        periods = (
            f"Fixed periods: {fp.first.describe()} from {fp.start.isoformat()}, then successive "
            f"periods of {fp.then.describe()}; "
        )
        if e.received > deadline and current_end != e.expiry:
            step(
                "fixed-periods",
                f"{periods}the period current at receipt ends {current_end.isoformat()}, and the notice "
                f"came after its deadline, {deadline.isoformat()} ({fp.notice_before_end.describe()} "
                f"before that end); under {clause.article} a late notice takes effect at the end of the "
                f"next period, {e.expiry.isoformat()}.",
                e.expiry,
            )
            ends = "the next period ends"
        else:
            step(
                "fixed-periods",
                f"{periods}the current period ends {e.expiry.isoformat()} and the notice came at least "
                f"{fp.notice_before_end.describe()} before it.",
                e.expiry,
            )
            ends = "the period ends"
        step(
            "convention",
            f"Counting convention 'end-of-period': the withdrawal takes effect when {ends}, {e.expiry.isoformat()}.",
            e.expiry,
        )
    elif e.rule == "fixed-date":
        fd = clause.fixed_date
        assert fd is not None and e.expiry is not None
        cutoff = _cutoff_before(e.expiry, fd.receipt_by)
        step(
            "fixed-date",
            f"Fixed date: {clause.article} dates the effect on {_MONTHS[fd.effect_on[0] - 1]} {fd.effect_on[1]} "
            f"for a notice received by the {_MONTHS[fd.receipt_by[0] - 1]} {fd.receipt_by[1]} before it; "
            f"received {e.received.isoformat()}, on or before {cutoff.isoformat()}, so the effect is on "
            f"{e.expiry.isoformat()}.",
            e.expiry,
        )
    else:
        assert e.notice_period is not None and e.expiry is not None and e.convention is not None
        rounded = (
            f", rounded {e.rounding.value} because that month lacks day {e.received.day}"
            f"{' (' + clause.rounding_basis + ')' if clause.rounding is e.rounding else ''}"
            if e.rounded
            else ""
        )
        if RULES[e.convention].from_expiry:
            step(
                "expiry",
                f"Expiry: {e.received.isoformat()} + {_describe(e.notice_period)} = {e.expiry.isoformat()}{rounded}.",
                e.expiry,
            )
        assert e.computed is not None
        step(
            "convention",
            f"Counting convention '{e.convention.value}': {_convention_words(e)} → {e.computed.isoformat()}.",
            e.computed,
        )
    step("evidence", evidence_text, cites=None)
    for note in e.notes:
        step("note", note, cites=None)
    for condition in e.conditions:
        step(
            "condition",
            f"Condition ({condition.article}): the date holds only if {condition.text}. The library does not "
            f"check it (source: {condition.source}, read {condition.read_on.isoformat()})."
            + (f" Contested: {condition.contested}" if condition.contested else ""),
            cites=condition.article,
        )
    for linked in e.linked:
        when = linked.date.isoformat() if linked.date is not None else "the same day, once it is known"
        step(
            "linked",
            f"Linked withdrawal: the party also ceases to be bound by {linked.key}, on {when} — {linked.link.article}: "
            f'"{" ".join(linked.link.text.split())}" (source: {linked.link.source}, read '
            f"{linked.link.read_on.isoformat()}).",
            linked.date,
            linked.link.article,
        )
    if e.date is None:
        lines.append(DerivationStep(None, "effective-date", f"Effective date: none yet — {e.pending}."))
    else:
        if e.computed is not None and e.date != e.computed:
            step(
                "moved",
                f"The date moves from {e.computed.isoformat()} to {e.date.isoformat()} (named date, decision or condition above).",
                e.date,
                None,
            )
        lines.append(
            DerivationStep(
                None,
                "effective-date",
                f"Effective date: {e.date.isoformat()} ({_WEEKDAYS[e.date.weekday()]}{_NEVER_MOVED}",
                e.date,
            )
        )
    lines.append(quoted)
    return tuple(lines)


def _evidence_for(e: Effect) -> Evidence:
    """The evidence for the rule that gave the date: a treaty with provisional terms keeps
    the cases of its provisional signatories apart from those of its Contracting Parties."""
    evidence, prov = e.treaty.evidence, e.treaty.clause.provisional
    if prov is None:
        return evidence
    mine = e.rule == "provisional"
    cases = tuple(c for c in evidence.cases if (c.party in prov.parties) == mine)
    if cases:
        return attrs.evolve(evidence, cases=cases)
    return Evidence(status="assumed", reason=f"no case under {_article(t=e.treaty, rule=e.rule)} recorded")


def _convention_words(e: Effect) -> str:
    assert e.convention is not None
    return RULES[e.convention].words.format(year=e.received.year)
