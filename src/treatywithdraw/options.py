"""The options of a withdrawal notice, declared once.

:class:`NoticeOptions` holds every input besides the treaty and the receipt day that
can change an effective date: month-end rounding, the withdrawing party, a later date
named in the notice, minimum participation, armed conflicts, VCLT Art. 56, and the
decisions of TEU Art. 50(3). Every entry point takes the same options from this one
definition, as keyword arguments or as ``options=NoticeOptions(...)``:
:func:`~treatywithdraw.effect`, :func:`~treatywithdraw.effective_date`,
:func:`~treatywithdraw.latest_receipt_date`, :func:`~treatywithdraw.earliest_notice_date`,
:meth:`Withdrawal.start <treatywithdraw.Withdrawal.start>`, the ``[options]`` table of a
timeline file, and the command line (a flag per option, ``--later-date``).

Validation lives in the type: the converters read ISO strings, aware datetimes, party
codes and rounding names, so no constructor and no :func:`attrs.evolve` can build an
invalid value.

>>> NoticeOptions(party=" lv ", later_date="2026-01-01")
NoticeOptions(party='LV', later_date=datetime.date(2026, 1, 1))
>>> NoticeOptions(rounding="sideways")
Traceback (most recent call last):
...
treatywithdraw.errors.InvalidArgumentError: rounding 'sideways' is not known: pass 'backward', 'forward', 'raise' or a treatywithdraw.Rounding member
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final, TypedDict

import attrs

from treatywithdraw._dates import DateLike, Instant, as_date, at_depositary, shown, zone
from treatywithdraw._inputs import conflict_pairs, flag, party_code
from treatywithdraw.errors import InvalidArgumentError, Problem, TreatyWithdrawError
from treatywithdraw.periods import Rounding

__all__ = ["OPTION_NAMES", "NoticeOptions", "OptionValues", "PartyOptionValues", "merge_options"]


def _rounding(value: object) -> Rounding | None:
    return None if value is None else Rounding.coerce(value)  # type: ignore[arg-type]


def _party(value: object) -> str | None:
    return None if value is None else party_code(value)


def _later_date(value: object) -> date | None:
    return None if value is None else as_date(value, "later_date")


def _party_since(value: object) -> date | None:
    return None if value is None else as_date(value, "party_since")


def _extended_to(value: object) -> date | None:
    return None if value is None else as_date(value, "extended_to")


def _agreement_in_force(value: object) -> date | None:
    return None if value is None else as_date(value, "agreement_in_force")


def _vclt56(value: object) -> bool:
    return flag(value, "apply_vclt56")


def _provisional(value: object) -> bool:
    return flag(value, "provisional")


def _help(text: str, *, metavar: str = "D", cli: str = "date") -> dict[str, str]:
    """Field metadata: the help text and how the command line reads the flag."""
    return {"help": text, "metavar": metavar, "cli": cli}


@attrs.frozen(kw_only=True, repr=False)
class NoticeOptions:
    """Every option of a withdrawal notice. Immutable; ``NoticeOptions()`` means none.

    Attributes:
        rounding: month-end rounding, ``"backward"`` or ``"forward"`` (or a
            :class:`~treatywithdraw.Rounding`); ``None``: the treaty's cited default, or
            raise :class:`~treatywithdraw.AmbiguousDateError` on an ambiguous month end.
        party: ISO 3166-1 alpha-2 code of the withdrawing state (party-specific terms).
        later_date: a later date named in the notification, where the clause allows it.
        party_since: the treaty's entry into force for the party (minimum participation).
        armed_conflicts: ``(start, end)`` pairs, ``end`` ``None`` while ongoing.
        apply_vclt56: for a treaty without a clause, apply VCLT Art. 56(2).
        extended_to: the last day of a period extended by decision (TEU Art. 50(3)).
        agreement_in_force: entry into force of a withdrawal agreement (TEU Art. 50(3)).
        provisional: the withdrawing state is a signatory applying the treaty provisionally
            and terminates that (Energy Charter Treaty Art. 45(3)(a)); the signatories the
            catalogue knows of (``party="RU"``) need not say so.

    >>> NoticeOptions(armed_conflicts=[("2022-02-24", None)]).armed_conflicts
    ((datetime.date(2022, 2, 24), None),)
    """

    rounding: Rounding | None = attrs.field(
        default=None,
        converter=_rounding,
        metadata=_help("month-end rounding when the day does not exist", metavar="R", cli="rounding"),
    )
    party: str | None = attrs.field(
        default=None,
        converter=_party,
        metadata=_help("ISO 3166-1 alpha-2 code of the withdrawing state", metavar="CC", cli="text"),
    )
    later_date: date | None = attrs.field(
        default=None, converter=_later_date, metadata=_help("a later date named in the notification")
    )
    party_since: date | None = attrs.field(
        default=None,
        converter=_party_since,
        metadata=_help("entry into force for the party (checks minimum participation)"),
    )
    armed_conflicts: tuple[tuple[date, date | None], ...] = attrs.field(
        default=(),
        converter=conflict_pairs,
        metadata=_help(
            "an armed conflict START/END (END empty while it goes on); repeat for several",
            metavar="START/END",
            cli="conflict",
        ),
    )
    apply_vclt56: bool = attrs.field(
        default=False,
        converter=_vclt56,
        metadata=_help("for a treaty without a clause, apply VCLT Art. 56(2)", cli="flag"),
    )
    extended_to: date | None = attrs.field(
        default=None,
        converter=_extended_to,
        metadata=_help("the last day of a period extended by decision (TEU Art. 50(3))"),
    )
    agreement_in_force: date | None = attrs.field(
        default=None,
        converter=_agreement_in_force,
        metadata=_help("entry into force of a withdrawal agreement (TEU Art. 50(3))"),
    )
    provisional: bool = attrs.field(
        default=False,
        converter=_provisional,
        metadata=_help(
            "a signatory terminating its provisional application (Energy Charter Treaty Art. 45(3)(a))",
            cli="flag",
        ),
    )

    def __repr__(self) -> str:
        """Only the options that are set: ``NoticeOptions(party='US')``."""
        return f"NoticeOptions({', '.join(f'{k}={v!r}' for k, v in self.given().items())})"

    def at_depositary(self, time_zone: str) -> NoticeOptions:
        """These options with every instant read as the day at the depositary.

        The one rule for aware datetimes: an instant names the calendar day it falls on
        in the depositary's time zone (``time_zone``), wherever it is given. Options
        built before the treaty is known keep the instant (an
        :class:`~treatywithdraw._dates.Instant`); every computation reads it here.

        >>> from datetime import datetime, timedelta, timezone
        >>> kiribati = timezone(timedelta(hours=14))
        >>> o = NoticeOptions(party_since=datetime(2016, 11, 5, 0, 30, tzinfo=kiribati))
        >>> o.at_depositary("America/New_York").party_since
        datetime.date(2016, 11, 4)
        """
        zone(time_zone)  # an unknown zone is refused even where nothing needs it
        changes: dict[str, Any] = {}
        for name in _DAY_FIELDS:
            value = getattr(self, name)
            if type(value) is Instant:
                changes[name] = at_depositary(value, time_zone)
        if any(type(day) is Instant for span in self.armed_conflicts for day in span):
            changes["armed_conflicts"] = tuple(
                (at_depositary(start, time_zone), at_depositary(end, time_zone))
                for start, end in self.armed_conflicts
            )
        return attrs.evolve(self, **changes) if changes else self

    def holds_instants(self) -> bool:
        """Whether any day of these options is an instant, which :meth:`at_depositary` would date.

        A computation for a treaty (whose time zone was checked when it was built) calls
        :meth:`at_depositary` only then, so plain days never load the time zone database.

        >>> from datetime import datetime, timezone
        >>> NoticeOptions(party_since="2016-11-04").holds_instants()
        False
        >>> NoticeOptions(party_since=datetime(2016, 11, 4, 12, tzinfo=timezone.utc)).holds_instants()
        True
        """
        return any(type(getattr(self, name)) is Instant for name in _DAY_FIELDS) or any(
            type(day) is Instant for span in self.armed_conflicts for day in span
        )

    def given(self) -> dict[str, Any]:
        """The options that differ from their defaults, by name.

        >>> NoticeOptions(party="US").given()
        {'party': 'US'}
        """
        return {
            f.name: getattr(self, f.name)
            for f in attrs.fields(NoticeOptions)
            if getattr(self, f.name) != f.default
        }

    def to_record(self) -> dict[str, Any]:
        """The options that are set, as a JSON- and TOML-ready table (ISO dates, names).

        >>> NoticeOptions(rounding="backward", armed_conflicts=[("2022-02-24", None)]).to_record()
        {'rounding': 'backward', 'armed_conflicts': [{'start': '2022-02-24'}]}
        """
        out: dict[str, Any] = {}
        for name, value in self.given().items():
            if isinstance(value, date):
                out[name] = value.isoformat()
            elif isinstance(value, Rounding):
                out[name] = value.value
            elif name == "armed_conflicts":
                out[name] = [
                    {"start": s.isoformat()} | ({"end": e.isoformat()} if e is not None else {})
                    for s, e in value
                ]
            else:
                out[name] = value
        return out

    @classmethod
    def from_record(cls, record: object, *, path: str = "options") -> tuple[NoticeOptions, list[Problem]]:
        """Read a parsed ``[options]`` table (TOML or JSON), reporting every problem.

        Returns the options (the fields that could be read) and the problems, each with
        its path (``options.later_date``). Armed conflicts are written as tables
        ``{start = ..., end = ...}`` or, in JSON, as ``[start, end]`` pairs.

        >>> NoticeOptions.from_record({"party_since": "2016-11-04", "colour": "red"})
        (NoticeOptions(party_since=datetime.date(2016, 11, 4)), [Problem(path='options.colour', message='unknown field: the options are rounding, party, ...')])
        """
        problems: list[Problem] = []
        if record is None:
            return cls(), problems
        if not isinstance(record, Mapping):
            return cls(), [Problem(path, f"must be a table of options, not {shown(record)}")]
        values: dict[str, Any] = {}
        for key, raw in record.items():
            where = (
                f"{path}.{key}"
                if isinstance(key, str) and key.isidentifier()
                else f"{path}[{shown(key, 40)}]"
            )
            if key not in OPTION_NAMES:
                import difflib

                close = difflib.get_close_matches(str(key), OPTION_NAMES, n=1, cutoff=0.5)
                hint = f"did you mean {close[0]!r}? " if close else ""
                problems.append(
                    Problem(where, f"unknown field: {hint}the options are {', '.join(OPTION_NAMES)}")
                )
                continue
            if key == "armed_conflicts":
                raw = _conflict_rows(raw, where, problems)
                if raw is None:
                    continue
            elif key not in _FLAGS and raw is not None and not isinstance(raw, (str, date)):
                problems.append(Problem(where, f"must be a string, not {shown(raw)}"))
                continue
            try:
                values[key] = _CONVERTERS[key](raw)
            except TreatyWithdrawError as exc:
                problems.append(Problem(where, _without_field(exc, key)))
        return cls(**values), problems


def _without_field(exc: TreatyWithdrawError, key: str) -> str:
    """The error's words for a located problem (the path already names the field)."""
    text = exc.render("file")
    return text.removeprefix(f"{key} ").removeprefix(f"{key}: ")


def _conflict_rows(raw: object, where: str, problems: list[Problem]) -> list[tuple[object, object]] | None:
    """Armed conflicts from a file: ``[{start, end}]`` tables or ``[start, end]`` pairs."""
    if not isinstance(raw, list):
        problems.append(Problem(where, f"must be a list of {{start, end}} tables, not {shown(raw)}"))
        return None
    rows: list[tuple[object, object]] = []
    for i, item in enumerate(raw):
        if isinstance(item, list) and len(item) == 2:
            row = (item[0], item[1])
        elif isinstance(item, Mapping) and "start" in item and set(item) <= {"start", "end"}:
            row = (item["start"], item.get("end"))
        else:
            row = None
        if row is not None:
            try:
                conflict_pairs([row])
            except TreatyWithdrawError as exc:
                # The error's field is "armed_conflicts[0].end": the same place, in this file.
                problems.append(
                    Problem(f"{where}[{i}]{exc.field.removeprefix('armed_conflicts[0]')}", exc.what)
                )
                return None
            rows.append(row)
        else:
            problems.append(
                Problem(
                    f"{where}[{i}]",
                    f"must be a table with start and end (end omitted while ongoing), not {shown(item)}",
                )
            )
            return None
    return rows


OPTION_NAMES: Final[tuple[str, ...]] = tuple(f.name for f in attrs.fields(NoticeOptions))
"""The names of every notice option, in declaration order."""

DEFAULT_OPTIONS: Final = NoticeOptions()

# The options that are true or false (a file writes them as TOML booleans, not strings).
_FLAGS: Final = frozenset(f.name for f in attrs.fields(NoticeOptions) if f.metadata["cli"] == "flag")

# Each field's converter: the one parser of that option, used by the file reader too.
_CONVERTERS: Final[dict[str, Any]] = {f.name: f.converter for f in attrs.fields(NoticeOptions)}


class PartyOptionValues(TypedDict, total=False):
    """The notice options but ``party``, as keyword arguments (:meth:`Withdrawal.start` has its own)."""

    rounding: Rounding | str | None
    later_date: DateLike | None
    party_since: DateLike | None
    armed_conflicts: Iterable[tuple[DateLike, DateLike | None]]
    apply_vclt56: bool
    extended_to: DateLike | None
    agreement_in_force: DateLike | None
    provisional: bool


class OptionValues(PartyOptionValues, total=False):
    """The notice options as keyword arguments (for type checkers; see :class:`NoticeOptions`).

    A test checks that its keys are exactly ``OPTION_NAMES``.
    """

    party: str | None


# The options that hold one day (an instant given for one is dated at the depositary),
# read from the fields, so that a new date option is never left out.
_DAY_FIELDS = tuple(f.name for f in attrs.fields(NoticeOptions) if f.metadata["cli"] == "date")


def merge_options(options: object, values: Mapping[str, object]) -> NoticeOptions:
    """``options`` with the keyword ``values`` laid over it, validated.

    Raises:
        InvalidArgumentError: ``options`` is not a :class:`NoticeOptions`, or a keyword
            is not an option (the message names the closest option).

    >>> merge_options(NoticeOptions(party="US"), {"rounding": "backward"})
    NoticeOptions(rounding=<Rounding.BACKWARD: 'backward'>, party='US')
    """
    if options is None:
        if not values:
            return DEFAULT_OPTIONS
        base = DEFAULT_OPTIONS
    elif type(options) is NoticeOptions:
        if not values:
            return options
        base = options
    else:
        raise InvalidArgumentError(
            f"options must be a treatywithdraw.NoticeOptions, not {type(options).__name__} {shown(options)}: "
            "pass e.g. options=NoticeOptions(rounding='backward'), or the options as keywords",
            value=options,
            field="options",
        )
    unknown = [k for k in values if k not in OPTION_NAMES]
    if unknown:
        name = unknown[0]
        import difflib

        close = difflib.get_close_matches(str(name), OPTION_NAMES, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]}=? " if close else ""
        raise InvalidArgumentError(
            f"{shown(name)} is not a notice option: {hint}the options are {', '.join(OPTION_NAMES)}",
            value=name,
            field="options",
        )
    return attrs.evolve(base, **values)  # type: ignore[arg-type]
