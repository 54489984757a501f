"""From a treaty and a receipt day to the day the withdrawal takes effect.

Pure functions, no clock. The steps (``DESIGN.md``, "How an effective date is
computed"): read the receipt day in the depositary's time zone; check that notice is
allowed; add the notice period (months rounded once, see :mod:`treatywithdraw.periods`);
apply the depositary's counting convention; then a later date named in the notice,
decisions that move the date, and suspensive conditions such as armed conflict.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from treatywithdraw._dates import DateLike, as_date, shown
from treatywithdraw._inputs import conflict_pairs, party_code
from treatywithdraw.catalogue import Treaty, TreatyLike
from treatywithdraw.catalogue import treaty as _lookup
from treatywithdraw.clauses import Anchor, ClauseKind, Convention, LaterDate, WithdrawalClause
from treatywithdraw.errors import (
    AmbiguousDateError,
    EffectPendingError,
    InvalidArgumentError,
    InvalidDateError,
    NoticeNotAllowedError,
    NoWithdrawalClauseError,
    TreatyWithdrawError,
)
from treatywithdraw.periods import Period, Rounding, add_period

__all__ = [
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
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@attrs.frozen(kw_only=True)
class Effect:
    """The effect of one withdrawal notice, with everything needed to explain it.

    ``received`` (receipt by the depositary), ``expiry`` (end of the notice period, before
    the counting convention) and ``date`` (the effective date) are three fields, not one.
    ``date`` is ``None`` while a suspensive condition holds; ``pending`` then says why.

    >>> e = effect("ottawa", "2025-06-27")
    >>> e.received, e.expiry, e.date
    (datetime.date(2025, 6, 27), datetime.date(2025, 12, 27), datetime.date(2025, 12, 27))
    """

    treaty: Treaty
    received: _dt.date
    expiry: _dt.date | None
    date: _dt.date | None
    pending: str | None = None
    party: str | None = None
    rule: str = "clause"
    """Where the period came from: ``clause``, ``party-terms``, ``vclt56`` or ``fixed-periods``."""
    notice_period: Period | None = None
    convention: Convention | None = None
    rounding: Rounding = Rounding.RAISE
    rounded: bool = False
    """Whether the expiry fell on a day the month lacks and ``rounding`` chose it."""
    computed: _dt.date | None = None
    """The date the clause gives before a named later date, decisions or conditions."""
    earliest_notice: _dt.date | None = None
    notes: tuple[str, ...] = ()

    def explain(self) -> str:
        """A plain-language derivation, quoting ISO dates and citing the article.

        >>> print(effect("icsid", "2007-05-02").explain().splitlines()[0])
        ICSID Convention (icsid), Art. 71 — depositary: ...
        """
        return _explain(self)

    def _repr_html_(self) -> str:
        import html

        rows = [
            ("treaty", str(self.treaty)),
            ("received", self.received.isoformat()),
            ("expiry", self.expiry.isoformat() if self.expiry else "—"),
            ("effective date", self.date.isoformat() if self.date else f"pending: {self.pending}"),
        ]
        body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
        return f"<table>{body}</table>"


# -- the computation ---------------------------------------------------------------------


def _convention_date(convention: Convention, expiry: date, received: date) -> date:
    try:
        return _convention_day(convention, expiry, received)
    except (OverflowError, ValueError):  # past 31 December 9999
        raise InvalidDateError(
            f"the '{convention.value}' convention puts the effective date after {expiry.isoformat()}, "
            "outside years 1-9999: pass an earlier date",
            value=expiry,
            field="date",
        ) from None


def _convention_day(convention: Convention, expiry: date, received: date) -> date:
    if convention is Convention.ANNIVERSARY:
        return expiry
    if convention is Convention.DAY_AFTER:
        return expiry + _ONE_DAY
    if convention is Convention.FIRST_OF_NEXT_MONTH:
        if expiry.month == 12:
            return date(expiry.year + 1, 1, 1)
        return date(expiry.year, expiry.month + 1, 1)
    if convention is Convention.END_OF_FOLLOWING_YEAR:
        # UNESCO Constitution Art. II(6): "on 31 December of the year following that
        # during which the notice was given".
        return date(received.year + 1, 12, 31)
    raise AssertionError(f"convention {convention} has no single-period rule")  # pragma: no cover


def _rounding_for(clause: WithdrawalClause, rounding: Rounding | str | None) -> Rounding:
    if rounding is None:
        return clause.rounding if clause.rounding is not None else Rounding.RAISE
    return Rounding.coerce(rounding)


def _party_code(party: object) -> str | None:
    return None if party is None else party_code(party)


def _flag(value: object, field: str) -> bool:
    if value is True or value is False:
        return value
    raise InvalidArgumentError(
        f"{field} must be True or False, not {type(value).__name__} {shown(value)}",
        value=value,
        field=field,
    )


def _no_clause_message(t: Treaty) -> str:
    return (
        f"{t.short_name} ({t.key}) has no withdrawal clause. {t.clause.no_clause_note} "
        "If you judge that a right of withdrawal is implied, pass apply_vclt56=True to "
        "apply VCLT Art. 56(2) (not less than twelve months' notice)."
    )


def _fixed_period_end(t: Treaty, received: date) -> tuple[date, date]:
    """The end of the fixed period containing ``received`` and the notice deadline for it.

    Constant time: the period index is computed from the month difference.
    """
    fp = t.clause.fixed_periods
    assert fp is not None
    if received < fp.start:
        raise NoticeNotAllowedError(
            f"{t.key}: {received.isoformat()} is before the treaty's first period starts "
            f"({fp.start.isoformat()})"
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


def _compute(
    t: Treaty,
    received: date,
    rounding: Rounding | str | None,
    party: str | None,
    later_date: date | None,
    party_since: date | None,
    armed_conflicts: tuple[tuple[date, date | None], ...],
    apply_vclt56: bool,
    extended_to: date | None,
    agreement_in_force: date | None,
    planning: bool = False,
) -> Effect:
    clause = t.clause
    mode = _rounding_for(clause, rounding)
    notes: list[str] = []
    terms = clause.terms_for(party)
    rule = "clause"
    convention = clause.convention
    period = clause.notice_period
    if terms is not None:
        rule, convention, period = "party-terms", terms.convention, terms.notice_period
    elif clause.kind is ClauseKind.NONE:
        if not apply_vclt56:
            raise NoWithdrawalClauseError(_no_clause_message(t))
        rule, convention, period = "vclt56", Convention.ANNIVERSARY, VCLT56_NOTICE
    elif party is not None and clause.party_terms:
        notes.append(f"{party} holds no party-specific terms; the treaty's own clause applies.")

    earliest = None
    mp = clause.minimum_participation
    if mp is not None and rule != "vclt56":
        anchor = party_since if mp.anchor is Anchor.PARTY else t.entry_into_force
        if anchor is None:
            notes.append(
                f"{clause.article} allows notice only {mp.period.describe()} after the treaty "
                "entered into force for the party: not checked, pass party_since= to check it."
            )
        else:
            earliest = add_period(anchor, mp.period, mode)
            if received < earliest:
                whose = "for the party" if mp.anchor is Anchor.PARTY else "itself"
                raise NoticeNotAllowedError(
                    f"{t.key} {clause.article}: notice received {received.isoformat()} is too early; "
                    f"notice is allowed from {earliest.isoformat()} ({mp.period.describe()} after the "
                    f"treaty entered into force {whose} on {anchor.isoformat()})",
                    earliest,
                )
    if party_since is not None and received < party_since:
        raise NoticeNotAllowedError(
            f"{t.key}: notice received {received.isoformat()} is before the treaty entered into "
            f"force for the party ({party_since.isoformat()})",
            party_since,
        )

    rounded = False
    if clause.kind is ClauseKind.FIXED_PERIODS and rule == "clause":
        end, deadline = _fixed_period_end(t, received)
        if received > deadline:
            fp = clause.fixed_periods
            assert fp is not None
            following = add_period(end, fp.then, Rounding.BACKWARD)
            if fp.late_notice != "next-period":
                raise NoticeNotAllowedError(
                    f"{t.key} {clause.article}: notice received {received.isoformat()} is less than "
                    f"{fp.notice_before_end.describe()} before the current period ends on "
                    f"{end.isoformat()} (last day for notice: {deadline.isoformat()}). Read literally, "
                    "the treaty then remains in force for the party for the next period, so such a "
                    f"notice would take effect on {following.isoformat()}; with no depositary practice "
                    "to confirm that reading the library does not apply it silently.",
                    deadline,
                )
            notes.append(
                f"The notice came after {deadline.isoformat()}, less than "
                f"{fp.notice_before_end.describe()} before the period ending {end.isoformat()}: "
                f"{clause.article} carries it to the end of the next period."
            )
            end = following
        expiry, computed, period = end, end, None
        rule = "fixed-periods"
    else:
        assert period is not None and convention is not None
        expiry = add_period(received, period, mode)
        if expiry.day != received.day and not period.days and (period.years or period.months):
            rounded = True
        computed = _convention_date(convention, expiry, received)

    final: date | None = computed
    if later_date is not None:
        if clause.later_date is LaterDate.NONE:
            raise NoticeNotAllowedError(
                f"{t.key} {clause.article} does not let a notification name its own date: "
                f"drop later_date={later_date.isoformat()}"
            )
        if later_date < computed:
            raise NoticeNotAllowedError(
                f"{t.key} {clause.article}: the named date {later_date.isoformat()} is earlier than "
                f"the clause allows ({computed.isoformat()}): name {computed.isoformat()} or later",
                computed,
            )
        final = later_date
    elif clause.later_date is LaterDate.REQUIRED and rule == "clause" and not planning:
        raise NoticeNotAllowedError(
            f"{t.key} {clause.article}: the notification must name the withdrawal date, at least "
            f"{(period or Period()).describe()} after receipt: pass later_date= "
            f"({computed.isoformat()} or later)",
            computed,
        )

    if extended_to is not None or agreement_in_force is not None:
        final = _apply_decisions(t, final, expiry, convention, extended_to, agreement_in_force, received)

    pending = None
    if armed_conflicts:
        if not clause.armed_conflict_deferral:
            notes.append(
                f"armed_conflicts were given but {t.key} {clause.article} has no armed-conflict "
                "condition: they do not change the date."
            )
        else:
            final, pending, note = _defer_for_conflicts(t, expiry, final, armed_conflicts)
            if note:
                notes.append(note)

    return Effect(
        treaty=t,
        received=received,
        expiry=expiry,
        date=final,
        pending=pending,
        party=party,
        rule=rule,
        notice_period=period,
        convention=convention if rule != "fixed-periods" else Convention.END_OF_PERIOD,
        rounding=mode,
        rounded=rounded,
        computed=computed,
        earliest_notice=earliest,
        notes=tuple(notes),
    )


def _apply_decisions(
    t: Treaty,
    final: date | None,
    expiry: date,
    convention: Convention | None,
    extended_to: date | None,
    agreement_in_force: date | None,
    received: date,
) -> date | None:
    clause = t.clause
    if extended_to is not None:
        if not clause.extendable_by_decision:
            raise InvalidArgumentError(
                f"{t.key} {clause.article} has no extension by decision: drop extended_to=",
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
                f"{t.key} {clause.article} has no withdrawal agreement: drop agreement_in_force=",
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
) -> tuple[date | None, str | None, str]:
    # Ottawa Art. 20(3), CCM Art. 20(2): "If, however, on the expiry of that six-month
    # period, the withdrawing State Party is engaged in an armed conflict, the withdrawal
    # shall not take effect before the end of the armed conflict."
    engaged = [(s, e) for s, e in conflicts if s <= expiry and (e is None or e >= expiry)]
    if not engaged:
        return final, None, f"No armed conflict given covers the expiry ({expiry.isoformat()})."
    if any(e is None for _, e in engaged):
        start = min(s for s, _ in engaged)
        why = (
            f"{t.key} {t.clause.article}: on expiry ({expiry.isoformat()}) the party is engaged in "
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
                    f"from before {expiry.isoformat()} (a conflict since {s.isoformat()} has not ended)"
                )
                return None, why, ""
            end = e
    moved = max(end, final) if final is not None else end
    note = (
        f"On expiry ({expiry.isoformat()}) the party was engaged in an armed conflict that ended "
        f"{end.isoformat()}; the withdrawal takes effect when the conflict ends, on "
        f"{moved.isoformat()} (assumed: the end day itself, the treaty says 'not before the end')."
    )
    return moved, None, note


def _resolve(
    treaty: TreatyLike,
    received: DateLike,
    rounding: Rounding | str | None,
    party: str | None,
    later_date: DateLike | None,
    party_since: DateLike | None,
    armed_conflicts: Iterable[tuple[DateLike, DateLike | None]],
    apply_vclt56: bool,
    extended_to: DateLike | None,
    agreement_in_force: DateLike | None,
) -> Effect:
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    day = received if type(received) is date else as_date(received, "received", t.depositary.time_zone)
    args = (
        _party_code(party),
        None if later_date is None else as_date(later_date, "later_date"),
        None if party_since is None else as_date(party_since, "party_since"),
        () if type(armed_conflicts) is tuple and not armed_conflicts else conflict_pairs(armed_conflicts),
        _flag(apply_vclt56, "apply_vclt56"),
        None if extended_to is None else as_date(extended_to, "extended_to"),
        None if agreement_in_force is None else as_date(agreement_in_force, "agreement_in_force"),
    )
    try:
        return _compute(t, day, rounding, *args)
    except AmbiguousDateError as err:
        # Only Rounding.RAISE raises. A day the month lacks matters only if the two
        # roundings lead to different outcomes: ask both (after the counting convention,
        # a named date, decisions, conditions) and compare.
        outcomes: list[Effect | TreatyWithdrawError] = []
        for mode in (Rounding.BACKWARD, Rounding.FORWARD):
            try:
                outcomes.append(_compute(t, day, mode, *args))
            except TreatyWithdrawError as exc:
                outcomes.append(exc)
        back, fwd = outcomes
        ends = f"{err.candidates[0].isoformat()} or {err.candidates[1].isoformat()}"
        if isinstance(back, Effect) and isinstance(fwd, Effect):
            if back.date == fwd.date:
                # Both give the same date, or both wait on the same condition.
                either = "gives " + back.date.isoformat() if back.date else "leaves the effect pending"
                note = f"A period ends on a day the month lacks ({ends}); either rounding {either}."
                return attrs.evolve(back, notes=(*back.notes, note))
            if back.date is not None and fwd.date is not None:
                if (back.date, fwd.date) == err.candidates:
                    raise
                raise AmbiguousDateError(
                    f"{t.key}: the effective date of a notice received {day.isoformat()} depends on "
                    f"month-end rounding (the period ends {ends}): "
                    f'pass rounding="backward" ({back.date.isoformat()}) or '
                    f'rounding="forward" ({fwd.date.isoformat()})',
                    (back.date, fwd.date),
                ) from None
        elif type(back) is type(fwd) and str(back) == str(fwd):
            # Refused the same way whatever the rounding: that is the answer.
            assert isinstance(back, TreatyWithdrawError)
            raise back.with_traceback(None) from None
        # One rounding gives a date and the other does not, or they refuse differently:
        # say what each gives. The candidates are then the two ends of the period.
        raise AmbiguousDateError(
            f"{t.key}: the outcome for a notice received {day.isoformat()} depends on month-end "
            f'rounding (the period ends {ends}): rounding="backward" gives {_outcome(back)}; '
            f'rounding="forward" gives {_outcome(fwd)}',
            err.candidates,
        ) from None


def _outcome(result: Effect | TreatyWithdrawError) -> str:
    """One rounding's answer, in words, for an ambiguity message."""
    if isinstance(result, TreatyWithdrawError):
        return f"no date ({type(result).__name__}: {result})"
    if result.date is None:
        return f"no date yet ({result.pending})"
    return result.date.isoformat()


def effect(
    treaty: TreatyLike,
    received: DateLike,
    *,
    rounding: Rounding | str | None = None,
    party: str | None = None,
    later_date: DateLike | None = None,
    party_since: DateLike | None = None,
    armed_conflicts: Iterable[tuple[DateLike, DateLike | None]] = (),
    apply_vclt56: bool = False,
    extended_to: DateLike | None = None,
    agreement_in_force: DateLike | None = None,
) -> Effect:
    """The effect of a withdrawal notice received on ``received``, with its derivation.

    Like :func:`effective_date`, but a suspensive condition does not raise: the
    :class:`Effect` has ``date=None`` and ``pending`` says why.

    >>> e = effect("ottawa", "2025-06-27", armed_conflicts=[("2022-02-24", None)])
    >>> e.date is None, e.expiry
    (True, datetime.date(2025, 12, 27))
    """
    return _resolve(
        treaty,
        received,
        rounding,
        party,
        later_date,
        party_since,
        armed_conflicts,
        apply_vclt56,
        extended_to,
        agreement_in_force,
    )


def effective_date(
    treaty: TreatyLike,
    received: DateLike,
    *,
    rounding: Rounding | str | None = None,
    party: str | None = None,
    later_date: DateLike | None = None,
    party_since: DateLike | None = None,
    armed_conflicts: Iterable[tuple[DateLike, DateLike | None]] = (),
    apply_vclt56: bool = False,
    extended_to: DateLike | None = None,
    agreement_in_force: DateLike | None = None,
) -> date:
    """The day a withdrawal takes effect, given the day the depositary received it.

    Args:
        treaty: a key, an alias or a :class:`Treaty`.
        received: the day of receipt by the depositary (VCLT Art. 78(b)): a ``date``,
            an ISO string, or an aware ``datetime`` (read in the depositary's time zone).
        rounding: month-end rounding, ``"backward"`` or ``"forward"``; by default an
            ambiguous month end raises (unless the treaty has a cited default).
        party: ISO 3166-1 alpha-2 code of the withdrawing state, for party-specific terms.
        later_date: a later date named in the notification, where the clause allows it.
        party_since: when the treaty entered into force for the party, to check a
            minimum-participation rule.
        armed_conflicts: ``(start, end)`` pairs, ``end`` ``None`` while ongoing.
        apply_vclt56: for a treaty with no clause, apply VCLT Art. 56(2) (twelve months).
        extended_to: the new last day of the period, as a decision under the clause
            names it (TEU Art. 50(3): "until 31 January 2020"); the counting convention
            applies to it as to an expiry.
        agreement_in_force: entry into force of a withdrawal agreement (TEU Art. 50(3)).

    Raises:
        AmbiguousDateError: the expiry is a day the month lacks and the two roundings
            give different dates; ``.candidates`` is (effective date with ``backward``,
            effective date with ``forward``).
        NoticeNotAllowedError: notice is not allowed that day, or a named date is too early.
        NoWithdrawalClauseError: the treaty has no clause and ``apply_vclt56`` is false.
        EffectPendingError: a suspensive condition holds (``.effect`` has the details).
        InvalidDateError, InvalidArgumentError, UnknownTreatyError: bad input.

    >>> effective_date("ottawa", date(2025, 6, 27))
    datetime.date(2025, 12, 27)
    >>> effective_date("ottawa", "2025-08-31", rounding="backward")
    datetime.date(2026, 2, 28)
    >>> effective_date("unesco", "2017-10-12")
    datetime.date(2018, 12, 31)
    """
    result = _resolve(
        treaty,
        received,
        rounding,
        party,
        later_date,
        party_since,
        armed_conflicts,
        apply_vclt56,
        extended_to,
        agreement_in_force,
    )
    if result.date is None:
        raise EffectPendingError(f"{result.pending}: no effective date yet", result)
    return result.date


# -- planning ---------------------------------------------------------------------------


def _single_rounding_latest(
    t: Treaty, target: date, mode: Rounding, party: str | None, apply_vclt56: bool
) -> date:
    """Latest receipt whose effect is on or before ``target`` under one rounding mode.

    An estimate from the inverse of the convention, then a bounded correction (a few
    days at most, for month ends): never a scan over the calendar.
    """
    clause = t.clause

    def effect_of(day: date) -> date | None:
        """The clause's date for a receipt on ``day``; ``None`` where notice is not yet allowed."""
        try:
            result = _compute(t, day, mode, party, None, None, (), apply_vclt56, None, None, planning=True)
        except NoticeNotAllowedError:
            return None
        return result.computed

    convention: Convention | None
    period: Period | None
    terms = clause.terms_for(party)
    if terms is not None:
        convention, period = terms.convention, terms.notice_period
    elif clause.kind is ClauseKind.NONE:
        if not apply_vclt56:
            raise NoWithdrawalClauseError(_no_clause_message(t))
        convention, period = Convention.ANNIVERSARY, VCLT56_NOTICE
    elif clause.kind is ClauseKind.FIXED_PERIODS:
        fp = clause.fixed_periods
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
    else:
        convention, period = clause.convention, clause.notice_period
    assert convention is not None and period is not None

    if convention is Convention.END_OF_FOLLOWING_YEAR:
        year = target.year - 1 if (target.month, target.day) == (12, 31) else target.year - 2
        return date(year, 12, 31)
    if convention is Convention.DAY_AFTER:
        last_expiry = target - _ONE_DAY
    elif convention is Convention.FIRST_OF_NEXT_MONTH:
        last_expiry = date(target.year, target.month, 1) - _ONE_DAY
    else:
        last_expiry = target
    guess = add_period(last_expiry, -period, Rounding.BACKWARD)
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


def _latest_in_calendar(t: Treaty, target: date, mode: Rounding, party: str | None, vclt56: bool) -> date:
    # Stepping before 1 January 1 or after 31 December 9999 raises our InvalidDateError
    # (add_period, a convention) or the standard library's own: both get the planning
    # message below. Other errors of ours pass through.
    try:
        return _single_rounding_latest(t, target, mode, party, vclt56)
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
    rounding: Rounding | str | None = None,
    party: str | None = None,
    apply_vclt56: bool = False,
) -> date:
    """The last day the depositary can receive the notice for the withdrawal to take effect by ``effective_by``.

    Computed from the inverse of the clause, not by scanning days. The withdrawal
    takes effect on or before ``effective_by`` for this day, and after it for the next.

    Raises:
        AmbiguousDateError: the answer depends on month-end rounding and none was
            chosen; ``.candidates`` is (answer with ``backward``, answer with ``forward``).

    >>> latest_receipt_date("ottawa", "2026-01-01")
    datetime.date(2025, 7, 1)
    >>> latest_receipt_date("icsid", date(2007, 11, 3))
    datetime.date(2007, 5, 2)
    """
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    target = as_date(effective_by, "effective_by")
    code = _party_code(party)
    mode = _rounding_for(t.clause, rounding)
    vclt56 = _flag(apply_vclt56, "apply_vclt56")
    if mode is not Rounding.RAISE:
        return _latest_in_calendar(t, target, mode, code, vclt56)
    backward = _latest_in_calendar(t, target, Rounding.BACKWARD, code, vclt56)
    forward = _latest_in_calendar(t, target, Rounding.FORWARD, code, vclt56)
    if backward == forward:
        return backward
    raise AmbiguousDateError(
        f"the last receipt day for {t.key} to take effect by {target.isoformat()} depends on "
        f'month-end rounding: pass rounding="backward" ({backward.isoformat()}) or '
        f'rounding="forward" ({forward.isoformat()})',
        (backward, forward),
    )


def earliest_notice_date(
    treaty: TreatyLike,
    *,
    party_since: DateLike,
    rounding: Rounding | str | None = None,
) -> date:
    """The first day a party may give notice, given when the treaty entered into force for it.

    Paris Art. 28(1): "at any time after three years from the date on which this
    Agreement has entered into force for a Party" — the UN accepted the US notice on
    the third anniversary itself.

    >>> earliest_notice_date("paris", party_since=date(2016, 11, 4))
    datetime.date(2019, 11, 4)
    >>> earliest_notice_date("ottawa", party_since="2005-01-01")
    datetime.date(2005, 1, 1)
    """
    t = treaty if type(treaty) is Treaty else _lookup(treaty)
    since = as_date(party_since, "party_since")
    mp = t.clause.minimum_participation
    if mp is None:
        return since
    mode = _rounding_for(t.clause, rounding)
    if mp.anchor is Anchor.PARTY:
        return add_period(since, mp.period, mode)
    assert t.entry_into_force is not None
    return max(since, add_period(t.entry_into_force, mp.period, mode))


# -- explanation ---------------------------------------------------------------------------


def _explain(e: Effect) -> str:
    t, clause = e.treaty, e.treaty.clause
    lines = [f"{t.short_name} ({t.key}), {clause.article} — depositary: {t.depositary.name}."]
    n = 0

    def step(text: str) -> None:
        nonlocal n
        n += 1
        lines.append(f"{n}. {text}")

    step(
        f"Receipt: {e.received.isoformat()} ({_WEEKDAYS[e.received.weekday()]}), the day the "
        f"depositary received the notification, dated in {t.depositary.time_zone} "
        "(VCLT Art. 78(b)); every period runs from it."
    )
    if e.rule == "party-terms":
        terms = clause.terms_for(e.party)
        assert terms is not None
        step(
            f"Party-specific terms for {e.party}: {terms.basis} (source: {terms.source}, read {terms.read_on.isoformat()})."
        )
    elif e.rule == "vclt56":
        step(
            f"{t.short_name} has no withdrawal clause; on the caller's request VCLT Art. 56(2) "
            "applies: 'not less than twelve months' notice'. Whether a right of withdrawal is "
            f"implied is a legal judgement the library does not make. {clause.no_clause_note}"
        )
    mp = clause.minimum_participation
    if e.earliest_notice is not None and mp is not None:
        step(
            f"Notice allowed: {clause.article} allows notice from {e.earliest_notice.isoformat()} "
            f"({mp.period.describe()} after entry into force); {e.received.isoformat()} is not earlier."
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
                f"{periods}the period current at receipt ends {current_end.isoformat()}, and the notice "
                f"came after its deadline, {deadline.isoformat()} ({fp.notice_before_end.describe()} "
                f"before that end); under {clause.article} a late notice takes effect at the end of the "
                f"next period, {e.expiry.isoformat()}."
            )
            ends = "the next period ends"
        else:
            step(
                f"{periods}the current period ends {e.expiry.isoformat()} and the notice came at least "
                f"{fp.notice_before_end.describe()} before it."
            )
            ends = "the period ends"
        step(
            f"Counting convention 'end-of-period': the withdrawal takes effect when {ends}, {e.expiry.isoformat()}."
        )
    else:
        assert e.notice_period is not None and e.expiry is not None and e.convention is not None
        rounded = (
            f", rounded {e.rounding.value} because that month lacks day {e.received.day}"
            f"{' (' + clause.rounding_basis + ')' if clause.rounding is e.rounding else ''}"
            if e.rounded
            else ""
        )
        if e.convention is not Convention.END_OF_FOLLOWING_YEAR:
            step(
                f"Expiry: {e.received.isoformat()} + {e.notice_period.describe()} = {e.expiry.isoformat()}{rounded}."
            )
        assert e.computed is not None
        step(
            f"Counting convention '{e.convention.value}': {_convention_words(e)} → {e.computed.isoformat()}."
        )
    evidence = t.evidence.summary().rstrip()
    step(f"Evidence for the convention — {evidence}{'' if evidence.endswith(('.', '!', '?')) else '.'}")
    for note in e.notes:
        step(note)
    if e.date is None:
        lines.append(f"Effective date: none yet — {e.pending}.")
    else:
        if e.computed is not None and e.date != e.computed:
            step(
                f"The date moves from {e.computed.isoformat()} to {e.date.isoformat()} (named date, decision or condition above)."
            )
        lines.append(
            f"Effective date: {e.date.isoformat()} ({_WEEKDAYS[e.date.weekday()]}; effect dates are "
            "never moved off weekends or holidays)."
        )
    source = t.sources[0]
    lines.append(
        f'Clause ({clause.verification.value}): "{" ".join(clause.text.split())}" '
        f"— {source.url} (read {source.read_on.isoformat()})."
    )
    return "\n".join(lines)


def _convention_words(e: Effect) -> str:
    c = e.convention
    if c is Convention.ANNIVERSARY:
        return "the effective date is the expiry itself"
    if c is Convention.DAY_AFTER:
        return "the effective date is the day after expiry"
    if c is Convention.FIRST_OF_NEXT_MONTH:
        return "the effective date is the first day of the month after expiry"
    return f"31 December of the year after the year of receipt ({e.received.year})"
