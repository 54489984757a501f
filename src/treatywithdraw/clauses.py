"""Withdrawal clauses as plain frozen data.

A :class:`WithdrawalClause` says what a treaty's withdrawal (or denunciation) article
provides: the notice period, the counting convention the depositary uses, who must be
notified, whether notice is allowed yet, and the conditions that can move the date.
It holds no logic beyond small derived facts; :mod:`treatywithdraw.effects` computes.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from treatywithdraw._inputs import of_type, one_of, tuple_of
from treatywithdraw.periods import CheckedEnumType, Period, Rounding

__all__ = [
    "ADDRESSEES",
    "Anchor",
    "ClauseKind",
    "Condition",
    "Convention",
    "FixedDate",
    "FixedPeriods",
    "LaterDate",
    "Linked",
    "MinimumParticipation",
    "PartyTerms",
    "Provisional",
    "Verification",
    "WithdrawalClause",
]


ADDRESSEES = frozenset({"depositary", "other-party", "states-parties", "un-security-council"})
"""Who a clause may require the notice to reach (``WithdrawalClause.addressees``)."""


class ClauseKind(enum.Enum):
    """The shape of a withdrawal clause."""

    NOTICE = "notice"
    """Notice, then a notice period, then the counting convention."""
    FIXED_PERIODS = "fixed-periods"
    FIXED_DATE = "fixed-date"
    """The effect falls on a fixed day of the year, chosen by a receipt cut-off (OPEC Art. 8,
    the Single Convention Art. 46, the Whaling Convention Art. XI)."""
    """Fixed periods of validity; notice must come before the current one ends."""
    NONE = "none"
    """No withdrawal clause (VCLT Art. 56 may apply, on request only)."""


class Convention(enum.Enum, metaclass=CheckedEnumType):
    """How a depositary turns the end of the notice period (expiry) into the effective date.

    A per-treaty datum backed by real cases, never guessed from the wording.
    """

    ANNIVERSARY = "anniversary"
    """The expiry itself: 27 June + 6 months = 27 December (UN Secretary-General)."""
    DAY_AFTER = "day-after"
    """The day after expiry: 2 May + 6 months → 3 November (World Bank, ICSID)."""
    FIRST_OF_NEXT_MONTH = "first-of-next-month"
    """The first day of the month after expiry (Council of Europe)."""
    END_OF_FOLLOWING_YEAR = "end-of-following-year"
    """31 December of the year after the year of receipt (UNESCO Art. II(6))."""
    END_OF_PERIOD = "end-of-period"
    FIXED_DATE = "fixed-date"
    """A fixed day of the year: the first one whose receipt cut-off the notice met."""
    """The end of the current fixed period (Genocide Convention Art. XIV)."""


class LaterDate(enum.Enum):
    """Whether the notification may (or must) name its own, later, date."""

    NONE = "none"
    ALLOWED = "allowed"
    REQUIRED = "required"
    """The notice names the date; the notice period is the minimum lead (CFE, Open Skies)."""


class Anchor(enum.Enum):
    """What a minimum-participation period runs from."""

    PARTY = "party"
    """The treaty's entry into force for the withdrawing party (callers pass ``party_since``)."""
    TREATY = "treaty"
    """The treaty's own entry into force (NATO Art. 13)."""


class Verification(enum.Enum):
    """How sure we are of a legal datum."""

    VERIFIED = "verified"
    """Read in an authentic or official text at the cited source."""
    SECONDARY = "secondary"
    """Taken from a secondary source."""
    ASSUMED = "assumed"
    """Not read; the note says why we believe it."""


@attrs.frozen
class MinimumParticipation:
    """Notice is allowed only once ``period`` has passed from the anchor.

    Paris Art. 28(1): "at any time after three years from the date on which this
    Agreement has entered into force for a Party" — the UN accepted the US notice on
    the third anniversary itself, so the earliest day is anchor + period.
    """

    period: Period = attrs.field(validator=of_type(Period))
    anchor: Anchor = attrs.field(default=Anchor.PARTY, validator=of_type(Anchor))


@attrs.frozen
class FixedPeriods:
    """Fixed periods of validity with a notice deadline before each ends.

    Genocide Convention Art. XIV: ten years from entry into force (1951-01-12), then
    successive periods of five years; denunciation at least six months before the
    current period ends.
    """

    start: date = attrs.field(validator=of_type(date))
    first: Period = attrs.field(validator=of_type(Period))
    then: Period = attrs.field(validator=of_type(Period))
    notice_before_end: Period = attrs.field(validator=of_type(Period))
    late_notice: str = "refused"
    """``refused``: a notice after the deadline is not allowed (the library will not read
    it into the next period silently); ``next-period``: the treaty itself says a late
    notice takes effect at the end of the following period (Statute of the Council of
    Europe Art. 7)."""


def _month_day(instance: object, attribute: attrs.Attribute[tuple[int, int]], value: object) -> None:
    ok = isinstance(value, tuple) and len(value) == 2 and all(type(v) is int for v in value)
    if ok:
        assert isinstance(value, tuple)
        month: int = value[0]
        day: int = value[1]
        ok = 1 <= month <= 12 and 1 <= day <= (28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    if not ok:
        from treatywithdraw._dates import shown
        from treatywithdraw.errors import InvalidArgumentError

        raise InvalidArgumentError(
            f"FixedDate.{attribute.name} must be a (month, day) every year has, not {shown(value)}",
            value=value,
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class FixedDate:
    """The effect on a fixed day of the year, for a notice received by a cut-off before it.

    ``effect_on`` and ``receipt_by`` are (month, day). The effective date is the first
    ``effect_on`` after receipt whose cut-off (the last ``receipt_by`` before it, the day
    itself included) the receipt met. The Single Convention, Art. 46(2): received on or
    before 1 July, effect on 1 January of the succeeding year; after 1 July, a year later.
    """

    effect_on: tuple[int, int] = attrs.field(validator=_month_day)
    receipt_by: tuple[int, int] = attrs.field(validator=_month_day)


@attrs.frozen(kw_only=True)
class PartyTerms:
    """Terms one party holds that the treaty itself lacks (a reservation accepted at joining)."""

    party: str = attrs.field(validator=of_type(str))
    notice_period: Period = attrs.field(validator=of_type(Period))
    convention: Convention = attrs.field(validator=of_type(Convention))
    basis: str = attrs.field(validator=of_type(str))
    source: str = attrs.field(validator=of_type(str))
    read_on: date = attrs.field(validator=of_type(date))


@attrs.frozen(kw_only=True)
class Provisional:
    """Termination of provisional application by a signatory: its own article and period.

    Energy Charter Treaty Art. 45(3)(a): "Termination of provisional application for any
    signatory shall take effect upon the expiration of 60 days from the date on which such
    signatory's written notification is received by the Depositary." ``parties`` are the
    signatories the catalogue knows to have applied the treaty provisionally; any other
    signatory asks for these terms with the ``provisional`` option.
    """

    article: str = attrs.field(validator=of_type(str))
    text: str = attrs.field(validator=of_type(str))
    notice_period: Period = attrs.field(validator=of_type(Period))
    convention: Convention = attrs.field(validator=of_type(Convention))
    parties: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    note: str = attrs.field(default="", validator=of_type(str))


@attrs.frozen(kw_only=True)
class Linked:
    """A treaty the withdrawal takes with it, on the same day, because a text says so.

    UNFCCC withdrawal and the Paris Agreement, Art. 28(3): "Any Party that withdraws from
    the Convention shall be considered as also having withdrawn from this Agreement."
    """

    key: str = attrs.field(validator=of_type(str))
    """The catalogue key of the linked treaty."""
    article: str = attrs.field(validator=of_type(str))
    """Where the link is written (often in the linked treaty itself: "Paris Art. 28(3)")."""
    text: str = attrs.field(validator=of_type(str))
    source: str = attrs.field(validator=of_type(str))
    read_on: date = attrs.field(validator=of_type(date))


@attrs.frozen(kw_only=True)
class Condition:
    """A condition precedent the text sets on the effect: shown with the date, never checked.

    ILO Constitution Art. 1(5): the notice takes effect two years after reception
    "subject to the Member having at that time fulfilled all financial obligations arising
    out of its membership". ``party``: the condition binds that party only (its own terms);
    empty for every party. ``contested``: where the organisation disputes that it was met.
    """

    article: str = attrs.field(validator=of_type(str))
    text: str = attrs.field(validator=of_type(str))
    source: str = attrs.field(validator=of_type(str))
    read_on: date = attrs.field(validator=of_type(date))
    party: str = attrs.field(default="", validator=of_type(str))
    contested: str = attrs.field(default="", validator=of_type(str))


@attrs.frozen(kw_only=True)
class WithdrawalClause:
    """A treaty's withdrawal clause, as data.

    The fields mirror the ``[clause]`` table of a treaty data file
    (``docs/data-format.md``).
    """

    kind: ClauseKind = attrs.field(validator=of_type(ClauseKind))
    article: str = attrs.field(validator=of_type(str))
    text: str = attrs.field(validator=of_type(str))
    verification: Verification = attrs.field(validator=of_type(Verification))
    text_language: str = "en"
    """ISO 639-1 code of the quoted authentic text (English unless none could be read)."""
    verification_note: str = ""
    notice_period: Period | None = attrs.field(default=None, validator=of_type(Period, optional=True))
    convention: Convention | None = attrs.field(default=None, validator=of_type(Convention, optional=True))
    later_date: LaterDate = attrs.field(default=LaterDate.NONE, validator=of_type(LaterDate))
    armed_conflict_deferral: bool = False
    addressees: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    required_contents: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    rounding: Rounding | None = attrs.field(default=None, validator=of_type(Rounding, optional=True))
    rounding_basis: str = ""
    extendable_by_decision: bool = False
    earlier_by_agreement: bool = False
    no_clause_note: str = ""
    minimum_participation: MinimumParticipation | None = attrs.field(
        default=None, validator=of_type(MinimumParticipation, optional=True)
    )
    fixed_periods: FixedPeriods | None = attrs.field(
        default=None, validator=of_type(FixedPeriods, optional=True)
    )
    fixed_date: FixedDate | None = attrs.field(default=None, validator=of_type(FixedDate, optional=True))
    armed_conflict_at: str = attrs.field(default="expiry", validator=one_of("expiry", "notification"))
    """When the armed-conflict condition is tested: at the ``expiry`` of the notice period
    (Ottawa Art. 20(3)) or at the ``notification`` (Geneva Conventions Art. 63/62/142/158)."""
    party_terms: tuple[PartyTerms, ...] = attrs.field(default=(), validator=tuple_of(PartyTerms))
    provisional: Provisional | None = attrs.field(default=None, validator=of_type(Provisional, optional=True))
    linked: tuple[Linked, ...] = attrs.field(default=(), validator=tuple_of(Linked))
    conditions: tuple[Condition, ...] = attrs.field(default=(), validator=tuple_of(Condition))

    def __repr__(self) -> str:
        """The article, the kind and the period: the quoted text is in :attr:`text`.

        >>> from treatywithdraw import treaty
        >>> treaty("ottawa").clause
        WithdrawalClause(Art. 20(2)-(3), notice P6M, anniversary)
        """
        parts = [self.article, self.kind.value]
        if self.notice_period is not None:
            parts[-1] += f" {self.notice_period}"
        if self.convention is not None:
            parts.append(self.convention.value)
        return f"WithdrawalClause({', '.join(parts)})"

    def terms_for(self, party: str | None) -> PartyTerms | None:
        """The party-specific terms for ``party`` (an ISO alpha-2 code), if any."""
        if party is None:
            return None
        for terms in self.party_terms:
            if terms.party == party:
                return terms
        return None

    def conditions_for(self, party: str | None) -> tuple[Condition, ...]:
        """The conditions precedent that bind ``party``: every party's, and its own.

        >>> from treatywithdraw import treaty
        >>> [c.article for c in treaty("ilo-constitution").clause.conditions_for(None)]
        ['Art. 1(5)']
        """
        return tuple(c for c in self.conditions if not c.party or c.party == party)
