"""The treaty catalogue: TOML data files shipped with the package, read lazily.

One file per treaty in ``treatywithdraw/data/treaties/<key>.toml`` (the format is in
``docs/data-format.md``). Nothing is parsed at import: :func:`treaty` reads the one
file its key names, :func:`treaties` reads every file once. A broken file (a field of
the wrong type, a misspelt or unknown field, invalid TOML) is refused with a
:class:`~treatywithdraw.CatalogueError` naming the file and the field; the other
treaties keep working, and :func:`catalogue_problems` lists what was left out.
"""

from __future__ import annotations

import enum
import os
import re
import threading
import zlib
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import attrs

from treatywithdraw._dates import shown
from treatywithdraw._inputs import file_name, of_type, read_regular_file, tuple_of
from treatywithdraw._records import Reader, Skip, _is_party_code, toml_shape_problem
from treatywithdraw.clauses import (
    ADDRESSEES,
    Anchor,
    ClauseKind,
    Condition,
    Convention,
    FixedDate,
    FixedPeriods,
    LaterDate,
    Linked,
    MinimumParticipation,
    PartyTerms,
    Provisional,
    Verification,
    WithdrawalClause,
)
from treatywithdraw.errors import (
    CatalogueError,
    InvalidArgumentError,
    TreatyWithdrawError,
    UnknownTreatyError,
)
from treatywithdraw.periods import Period, Rounding

__all__ = [
    "Case",
    "Depositary",
    "Evidence",
    "Source",
    "Treaty",
    "TreatyLike",
    "catalogue_problems",
    "load_treaty_file",
    "treaties",
    "treaty",
]

_KEY_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z, not $: "ottawa\n" is not a key


@attrs.frozen(kw_only=True)
class Source:
    """Where a datum was read: URL, title, the date it was read, and what it backs."""

    url: str
    title: str
    read_on: date
    supports: str = ""


@attrs.frozen(kw_only=True)
class Case:
    """A real withdrawal: evidence for a treaty's counting convention."""

    party: str = attrs.field(validator=of_type(str))
    received: date = attrs.field(validator=of_type(date))
    effective: date = attrs.field(validator=of_type(date))
    source: str
    note: str = ""
    later_date: date | None = None
    """A date the notification named, where the clause allows one."""
    extended_to: date | None = None
    """The last day of an extended period, as decided under the clause (TEU Art. 50(3))."""
    agreement_in_force: date | None = None
    """Entry into force of a withdrawal agreement that ended the period (TEU Art. 50(3))."""


@attrs.frozen(kw_only=True)
class Evidence:
    """How we know the counting convention: real cases, or an assumption with its reason."""

    status: str
    reason: str = ""
    cases: tuple[Case, ...] = attrs.field(default=(), validator=tuple_of(Case))

    def summary(self) -> str:
        """One line: the cases, or the assumption.

        >>> Evidence(status="assumed", reason="same depositary as ottawa").summary()
        'assumed: same depositary as ottawa'
        """
        if self.status == "assumed" or not self.cases:
            return f"assumed: {self.reason}" if self.reason else "assumed"
        shown = "; ".join(
            f"{c.party} {c.received.isoformat()} → {c.effective.isoformat()}" for c in self.cases
        )
        return f"cases: {shown}"


@attrs.frozen(kw_only=True)
class Depositary:
    """Who receives the notification, and the time zone in which receipt is dated."""

    name: str = attrs.field(validator=of_type(str))
    kind: str = attrs.field(validator=of_type(str))
    time_zone: str = attrs.field(validator=of_type(str))
    note: str = ""


@attrs.frozen(kw_only=True)
class Treaty:
    """One treaty of the catalogue, validated and frozen.

    Build it with :meth:`from_record` (a parsed data file), not with keyword arguments
    by hand.
    """

    key: str = attrs.field(validator=of_type(str))
    name: str = attrs.field(validator=of_type(str))
    short_name: str = attrs.field(validator=of_type(str))
    aliases: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    category: str = attrs.field(validator=of_type(str))
    depositary: Depositary = attrs.field(validator=of_type(Depositary))
    entry_into_force: date | None = attrs.field(validator=of_type(date, optional=True))
    adopted: date | None = attrs.field(validator=of_type(date, optional=True))
    clause: WithdrawalClause = attrs.field(validator=of_type(WithdrawalClause))
    sources: tuple[Source, ...] = attrs.field(validator=tuple_of(Source))
    evidence: Evidence = attrs.field(validator=of_type(Evidence))

    def __str__(self) -> str:
        return f"{self.short_name} ({self.key})"

    def __repr__(self) -> str:
        """The key alone: the whole definition is in the fields (twelve thousand characters).

        >>> treaty("ottawa")
        Treaty('ottawa')
        """
        return f"Treaty({self.key!r})"

    def _repr_html_(self) -> str:
        """A notebook table: names, depositary, the withdrawal article and its period.

        >>> "<th>article</th><td>Art. 20(2)-(3)</td>" in treaty("ottawa")._repr_html_()
        True
        """
        from treatywithdraw._display import day, table

        clause = self.clause
        period = clause.notice_period
        return table(
            [
                ("treaty", f"{self.name} ({self.key})"),
                ("depositary", f"{self.depositary.name} ({self.depositary.time_zone})"),
                ("in force", day(self.entry_into_force)),
                ("article", clause.article),
                ("withdrawal", clause.kind.value + (f", notice {period}" if period is not None else "")),
                ("convention", clause.convention.value if clause.convention is not None else "—"),
                ("verification", clause.verification.value),
            ]
        )

    @classmethod
    def from_record(cls, record: Mapping[str, Any], *, file: str = "") -> Treaty:
        """Validate a parsed data file into a :class:`Treaty`.

        Raises:
            CatalogueError: naming ``file`` and the dotted field that is wrong.
        """
        if not isinstance(file, str):
            raise InvalidArgumentError(
                f"file must be a str naming the file in errors, not {type(file).__name__} {shown(file)}",
                value=file,
                field="file",
            )
        if not isinstance(record, Mapping):
            raise CatalogueError(
                f"a treaty record must be a table (a mapping), not {type(record).__name__} {shown(record)}",
                file=file,
            )
        return _Reader(record, file, "").treaty()


TreatyLike = Treaty | str | os.PathLike[str]
"""A :class:`Treaty`, a key or alias of one, or the path of a treaty file of one's own."""

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class _Reader(Reader):
    """The reader of treaty files (:class:`~treatywithdraw._records.Reader`, plus the treaty's records)."""

    # -- records -------------------------------------------------------------------

    def treaty(self) -> Treaty:
        part = self.part
        key = part(self._key)
        aliases = part(self._aliases)
        name, short_name = part(lambda: self.nonempty("name")), part(lambda: self.nonempty("short_name"))
        category = part(lambda: self.text("category", ""))
        entry_into_force = part(lambda: self.day("entry_into_force", required=False))
        adopted = part(lambda: self.day("adopted", required=False))
        depositary = part(lambda: self._sub_record("depositary", _Reader.depositary))
        clause = part(lambda: self._sub_record("clause", _Reader.clause))
        evidence = part(lambda: self._sub_record("evidence", _Reader.evidence))
        sources = tuple(
            s for r in part(lambda: self.subs("sources")) or () if (s := r.part(r.source)) is not None
        )
        if not sources and not any(p.path.startswith(f"{self.prefix}sources") for p in self.problems):
            self.fail("sources", "every treaty needs at least one [[sources]] entry")
        self.refuse_unknown()
        self.raise_problems()
        assert key is not None and aliases is not None and name is not None and short_name is not None
        assert category is not None and depositary is not None and clause is not None and evidence is not None
        treaty = Treaty(
            key=key,
            name=name,
            short_name=short_name,
            aliases=aliases,
            category=category,
            depositary=depositary,
            entry_into_force=entry_into_force,
            adopted=adopted,
            clause=clause,
            sources=sources,
            evidence=evidence,
        )
        _check_consistency(treaty, self)
        self.raise_problems()
        return treaty

    def _key(self) -> str:
        key = self.text("key")
        if not _KEY_RE.match(key):
            raise self.fail("key", f"{key!r} is not lower-case kebab-case")
        return key

    def _aliases(self) -> tuple[str, ...]:
        aliases = self.strings("aliases")
        for i, alias in enumerate(aliases):
            if alias != alias.lower() or not alias.strip():
                self.fail(f"aliases[{i}]", f"{alias!r} must be lower-case and not empty")
        return aliases

    def _sub_record(self, field: str, read: Callable[[_Reader], T]) -> T:
        child = self.sub(field)
        assert child is not None
        return read(child)

    def source(self) -> Source:
        url = self.url()
        read_on = self.day("read_on")
        assert read_on is not None
        return Source(
            url=url, title=self.text("title", ""), read_on=read_on, supports=self.text("supports", "")
        )

    def depositary(self) -> Depositary:
        zone_name = self.nonempty("time_zone")
        from treatywithdraw._dates import zone

        try:
            zone(zone_name)
        except TreatyWithdrawError:
            raise self.fail("time_zone", f"{zone_name!r} is not an IANA time zone") from None
        kind = self.text("kind", "depositary")
        if kind not in ("depositary", "bilateral"):
            raise self.fail("kind", f"{kind!r} is not 'depositary' or 'bilateral'")
        return Depositary(
            name=self.nonempty("name"), kind=kind, time_zone=zone_name, note=self.text("note", "")
        )

    def clause(self) -> WithdrawalClause:
        before = len(self.problems)
        part = self.part
        kind = part(lambda: self.choice("kind", ClauseKind))
        verification = part(lambda: self.choice("verification", Verification))
        note = part(lambda: self.text("verification_note", ""))
        if verification not in (None, Verification.VERIFIED) and note is not None and not note.strip():
            assert verification is not None
            self.fail("verification_note", f"required when verification is {verification.value!r}")
        rounding = part(self._rounding)
        basis = part(lambda: self.text("rounding_basis", "")) or ""
        if rounding is not None and not basis.strip():
            self.fail("rounding_basis", "a default rounding needs its cited legal basis")
        addressees = part(self._addressees) or ()
        minimum = part(lambda: self.sub("minimum_participation", required=False))
        fixed = part(lambda: self.sub("fixed_periods", required=False))
        fixed_day = part(lambda: self.sub("fixed_date", required=False))
        provisional = part(lambda: self.sub("provisional", required=False))
        has_convention = kind is not ClauseKind.NONE or "convention" in self.table
        convention = part(lambda: self.choice("convention", Convention)) if has_convention else None
        fields = {
            "article": part(lambda: self.text("article")),
            "text": part(lambda: self.text("text")),
            "text_language": part(lambda: self.text("text_language", "en")),
            "notice_period": part(lambda: self.period("notice_period", required=kind is ClauseKind.NOTICE)),
            "later_date": part(lambda: self.choice("later_date", LaterDate, LaterDate.NONE)),
            "armed_conflict_deferral": part(lambda: self.flag("armed_conflict_deferral")),
            "armed_conflict_at": part(self._conflict_at),
            "required_contents": part(lambda: self.strings("required_contents")),
            "extendable_by_decision": part(lambda: self.flag("extendable_by_decision")),
            "earlier_by_agreement": part(lambda: self.flag("earlier_by_agreement")),
            "no_clause_note": part(lambda: self.text("no_clause_note", "")),
            "minimum_participation": part(minimum.minimum) if minimum else None,
            "fixed_periods": part(fixed.fixed) if fixed else None,
            "fixed_date": part(fixed_day.fixed_date) if fixed_day else None,
            "party_terms": tuple(
                t for r in part(lambda: self.subs("party_terms")) or () if (t := r.part(r.terms))
            ),
            "provisional": part(provisional.provisional) if provisional else None,
            "linked": tuple(k for r in part(lambda: self.subs("linked")) or () if (k := r.part(r.linked))),
            "conditions": tuple(
                c for r in part(lambda: self.subs("conditions")) or () if (c := r.part(r.condition))
            ),
        }
        if len(self.problems) > before:
            raise Skip()
        assert kind is not None and verification is not None
        assert note is not None
        clause = WithdrawalClause(
            kind=kind,
            verification=verification,
            verification_note=note,
            convention=convention,
            addressees=addressees,
            rounding=rounding,
            rounding_basis=basis,
            **fields,  # type: ignore[arg-type]
        )
        if kind is ClauseKind.NONE:
            if not clause.no_clause_note.strip():
                raise self.fail("no_clause_note", "a treaty without a clause must say what the law provides")
        elif not clause.text.strip():
            raise self.fail("text", "quote the clause text")
        if kind is ClauseKind.FIXED_PERIODS:
            if fixed is None:
                raise self.fail("fixed_periods", "required when kind is 'fixed-periods'")
            if convention is not Convention.END_OF_PERIOD:
                raise self.fail("convention", "fixed-periods clauses use 'end-of-period'")
        elif convention is Convention.END_OF_PERIOD:
            raise self.fail("convention", "'end-of-period' needs kind = 'fixed-periods'")
        if kind is ClauseKind.FIXED_DATE:
            if clause.fixed_date is None:
                raise self.fail("fixed_date", "required when kind is 'fixed-date'")
            if convention is not Convention.FIXED_DATE:
                raise self.fail("convention", "fixed-date clauses use 'fixed-date'")
        elif convention is Convention.FIXED_DATE:
            raise self.fail("convention", "'fixed-date' needs kind = 'fixed-date'")
        return clause

    def _conflict_at(self) -> str:
        value = self.text("armed_conflict_at", "expiry")
        if value not in ("expiry", "notification"):
            raise self.fail("armed_conflict_at", f"{value!r} is not 'expiry' or 'notification'")
        return value

    def _rounding(self) -> Rounding | None:
        raw = self.text("rounding", "")
        try:
            rounding = Rounding.coerce(raw) if raw else None
        except TreatyWithdrawError:
            raise self.fail("rounding", f"{raw!r} is not one of '', 'backward', 'forward'") from None
        return None if rounding is Rounding.RAISE else rounding

    def _addressees(self) -> tuple[str, ...]:
        addressees = self.strings("addressees")
        for i, who in enumerate(addressees):
            if who not in ADDRESSEES:
                self.fail(f"addressees[{i}]", f"{who!r} is not one of {sorted(ADDRESSEES)}")
        return addressees

    def _month_day(self, field: str) -> tuple[int, int]:
        raw = self.text(field)
        parts = raw.split("-")
        if len(parts) == 2 and all(len(p) == 2 and p.isascii() and p.isdigit() for p in parts):
            month, day = int(parts[0]), int(parts[1])
            if 1 <= month <= 12 and 1 <= day <= (28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
                return month, day
        raise self.fail(field, f"{raw!r} is not a day every year has, written MM-DD (e.g. '06-30')")

    def fixed_date(self) -> FixedDate:
        return FixedDate(effect_on=self._month_day("effect_on"), receipt_by=self._month_day("receipt_by"))

    def minimum(self) -> MinimumParticipation:
        period = self.period("period")
        assert period is not None
        return MinimumParticipation(period=period, anchor=self.choice("from", Anchor, Anchor.PARTY))

    def fixed(self) -> FixedPeriods:
        start = self.day("start")
        first, then, before = self.period("first"), self.period("then"), self.period("notice_before_end")
        assert start is not None and first is not None and then is not None and before is not None
        if first.total_months <= 0 or then.total_months <= 0 or first.days or then.days:
            raise self.fail("then", "fixed periods must be whole, positive numbers of months or years")
        late = self.text("late_notice", "refused")
        if late not in ("refused", "next-period"):
            raise self.fail("late_notice", f"{late!r} is not 'refused' or 'next-period'")
        return FixedPeriods(start=start, first=first, then=then, notice_before_end=before, late_notice=late)

    def terms(self) -> PartyTerms:
        period = self.period("notice_period")
        read_on = self.day("read_on")
        assert period is not None and read_on is not None
        return PartyTerms(
            party=self.party("party"),
            notice_period=period,
            convention=self.choice("convention", Convention),
            basis=self.nonempty("basis"),
            source=self.nonempty("source"),
            read_on=read_on,
        )

    def provisional(self) -> Provisional:
        period = self.period("notice_period")
        assert period is not None
        parties = self.strings("parties")
        for i, code in enumerate(parties):
            if not _is_party_code(code):
                self.fail(f"parties[{i}]", f"{code!r} is not an ISO 3166-1 alpha-2 code like 'RU'")
        return Provisional(
            article=self.nonempty("article"),
            text=self.nonempty("text"),
            notice_period=period,
            convention=self.choice("convention", Convention),
            parties=parties,
            note=self.text("note", ""),
        )

    def linked(self) -> Linked:
        read_on = self.day("read_on")
        assert read_on is not None
        key = self.nonempty("key")
        if not _KEY_RE.match(key):
            raise self.fail("key", f"{key!r} is not a catalogue key (lower-case kebab-case)")
        return Linked(
            key=key,
            article=self.nonempty("article"),
            text=self.nonempty("text"),
            source=self.url("source"),
            read_on=read_on,
        )

    def condition(self) -> Condition:
        read_on = self.day("read_on")
        assert read_on is not None
        party = self.party("party") if "party" in self.table else ""
        return Condition(
            article=self.nonempty("article"),
            text=self.nonempty("text"),
            source=self.url("source"),
            read_on=read_on,
            party=party,
            contested=self.text("contested", ""),
        )

    def evidence(self) -> Evidence:
        status = self.text("status")
        if status not in ("cases", "assumed"):
            raise self.fail("status", f"{status!r} is not 'cases' or 'assumed'")
        reason = self.text("reason", "")
        cases = tuple(c for r in self.subs("cases") if (c := r.part(r.case)) is not None)
        if status == "assumed" and not reason.strip():
            raise self.fail("reason", "an assumed convention needs its reason")
        if (
            status == "cases"
            and not cases
            and not any(p.path.startswith(f"{self.prefix}cases") for p in self.problems)
        ):
            raise self.fail("cases", "status 'cases' needs at least one [[evidence.cases]] entry")
        return Evidence(status=status, reason=reason, cases=cases)

    def case(self) -> Case:
        received, effective = self.day("received"), self.day("effective")
        assert received is not None and effective is not None
        if effective < received:
            raise self.fail("effective", f"{effective} is before receipt {received}")
        return Case(
            party=self.party("party"),
            received=received,
            effective=effective,
            source=self.nonempty("source"),
            note=self.text("note", ""),
            later_date=self.day("later_date", required=False),
            extended_to=self.day("extended_to", required=False),
            agreement_in_force=self.day("agreement_in_force", required=False),
        )


def _check_consistency(treaty: Treaty, reader: _Reader) -> None:
    clause = treaty.clause
    mp = clause.minimum_participation
    if mp is not None and mp.anchor is Anchor.TREATY and treaty.entry_into_force is None:
        reader.fail("entry_into_force", "needed: the minimum participation runs from it")


# -- the registry ---------------------------------------------------------------------

_lock = threading.RLock()
# A file parses once: to its Treaty, or to the error that refused it.
_files: dict[str, Treaty | CatalogueError] = {}


class _Registry:
    """The whole catalogue, loaded once. A plain class: it is never compared, printed or
    pickled, and an attrs class costs its import half a millisecond to generate."""

    __slots__ = ("everything", "index", "problems", "refused_names")

    def __init__(
        self,
        index: dict[str, Treaty],
        everything: tuple[Treaty, ...],
        refused_names: dict[str, CatalogueError],
        problems: tuple[CatalogueError, ...],
    ) -> None:
        self.index = index
        self.everything = everything
        # Names that no longer lead anywhere safely: an alias two files claim.
        self.refused_names = refused_names
        self.problems = problems


_registry: _Registry | None = None


def _folder() -> str | os.PathLike[str]:
    # A plain path, not importlib.resources: that import alone costs more than
    # parsing a treaty file, and the package is never imported from a zip. A string,
    # not a pathlib.Path: answering one date must not pay for importing pathlib.
    return os.path.join(os.path.dirname(__file__), "data", "treaties")


def _in_folder(name: str) -> str:
    """The path of ``name`` in the catalogue's folder."""
    return os.path.join(_folder(), name)


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _stem(path: str) -> str:
    """A treaty file's name without its folder and ``.toml``."""
    return os.path.basename(path).removesuffix(".toml")


#: Larger than any treaty file could honestly be (the longest shipped is about 20 KB);
#: a bigger file is refused before it is read.
MAX_TREATY_FILE_BYTES = 1024 * 1024


def load_treaty_file(path: str | os.PathLike[str], text: str | None = None) -> Treaty:
    r"""Parse and validate one treaty data file: a user's own, or a catalogue edit.

    With ``text``, ``path`` only names the file in errors; without it, the file at
    ``path`` is read (UTF-8; at most :data:`MAX_TREATY_FILE_BYTES`). The treaty it
    returns works everywhere a catalogue key does: pass it to :func:`effective_date`.
    :func:`treaty` calls it for a path (``treaty("./my-treaty.toml")``). The file's name
    need not be its key (only the catalogue's own files are named after their keys), and
    every problem in the file is reported at once.

    Raises:
        CatalogueError: naming the file and the dotted field that is wrong.

    >>> load_treaty_file("my-treaty.toml", 'key = "my-treaty"\nname = "A treaty"\n')
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.CatalogueError: my-treaty.toml: 5 problems: (1) short_name: required field is missing (str); (2) depositary: required field is missing (dict); ...
    """
    label = file_name(path, lambda message: _path_error(message, path), what="treaty file")
    if text is None:
        text = _read_treaty_text(label)
    elif not isinstance(text, str):
        raise InvalidArgumentError(
            f"text must be the file's TOML as str, not {type(text).__name__} {shown(text)}: decode it, or leave "
            "text out to read the file at path",
            value=text,
            field="text",
        )
    return Treaty.from_record(_record_of(label, text), file=label)


def _record_of(label: str, text: str) -> Mapping[str, Any]:
    """The TOML record of a treaty file, or the one error that says why it is not TOML."""
    import tomllib

    problem = toml_shape_problem(text)
    if problem is not None:
        raise CatalogueError(problem, file=label)
    try:
        record = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"not valid TOML: {exc}", file=label) from None
    except RecursionError:
        raise CatalogueError("nested too deeply to be a treaty file", file=label) from None
    return record


def _catalogue_file(label: str, text: str) -> Treaty:
    """A file of the shipped catalogue: as :func:`load_treaty_file`, and named after its key."""
    return _treaty_of(_record_of(label, text), label)


def _treaty_of(record: Mapping[str, Any], label: str) -> Treaty:
    """A parsed file's record as a :class:`Treaty`, whose key must be the file's name."""
    treaty = Treaty.from_record(record, file=label)
    stem = _stem(label)
    if stem != treaty.key:
        raise CatalogueError(
            f"key {treaty.key!r} differs from the file name {os.path.basename(label)!r}: "
            f"name the file {treaty.key}.toml",
            file=label,
            field="key",
        )
    return treaty


def _path_error(message: str, path: object) -> InvalidArgumentError:
    subject = f"path {shown(path)}: " if isinstance(path, str) else ""
    return InvalidArgumentError(f"{subject}{message} (e.g. 'my-treaty.toml')", value=path, field="path")


def _read_treaty_text(label: str) -> str:
    def error(message: str) -> CatalogueError:
        return CatalogueError(message, file=label)

    def too_large(size: int, at_least: bool) -> CatalogueError:
        return CatalogueError(
            f"is larger than {MAX_TREATY_FILE_BYTES} bytes, the limit for a treaty file: is it the right file?",
            file=label,
        )

    raw = read_regular_file(label, MAX_TREATY_FILE_BYTES, error, too_large, what="treaty file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(f"is not UTF-8 text (byte {exc.start}): save it as UTF-8", file=label) from None


def _file(key: str) -> Treaty | None:
    """The treaty in ``<key>.toml``, parsed once; ``None`` if there is no such file.

    Raises:
        CatalogueError: the file is broken; the same error every time it is asked for.
    """
    found = _files.get(key)
    if found is None:
        path = _in_folder(f"{key}.toml")
        if not _KEY_RE.match(key) or not os.path.isfile(path):
            return None
        with _lock:
            found = _files.get(key)
            if found is None:
                found = _parse_file(path)
                _files[key] = found
    if isinstance(found, CatalogueError):
        raise found.with_traceback(None)
    return found


def _parse_file(path: str) -> Treaty | CatalogueError:
    """One catalogue file: from the compiled catalogue when the file is unchanged, else parsed."""
    stem = _stem(path)
    label = f"treatywithdraw/data/treaties/{stem}.toml"
    try:
        text = _read_treaty_text(path)
        # One file asked for by its key: its own built treaty while the file is unchanged,
        # else its own TOML, which is cheaper than the whole compiled catalogue (read once
        # something needs every file or an alias).
        crc = zlib.crc32(text.encode("utf-8"))
        built = _built_one(stem, crc)
        if built is not None:
            return built
        compiled = _compiled_cache.get(stem) if _compiled_cache is not None else None
        if compiled is not None and compiled["crc"] == crc:
            return _treaty_of(compiled["record"], label)
        return _catalogue_file(label, text)
    except CatalogueError as exc:
        return exc


COMPILED_FILE = "_compiled.json"
"""The compiled catalogue beside the treaty files: each file's parsed record and checksum.

Generated from the files by ``scripts/gen_compiled_catalogue.py``; a test fails while it
is stale. Reading JSON is several times cheaper than parsing TOML, and the alias index in
it finds a treaty's file without reading the others. A file edited since (its checksum
differs) is parsed from its TOML as before, so the compiled copy can be out of date but
never wrong.
"""

_compiled_cache: dict[str, Any] | None = None


def _compiled() -> dict[str, Any]:
    """The compiled records by file stem (empty when there is no compiled file)."""
    global _compiled_cache
    if _compiled_cache is None:
        import json

        try:
            data = json.loads(_read_bytes(_in_folder(COMPILED_FILE)).decode("utf-8"))
            files = data["files"] if data.get("schema") == 1 else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            files = {}
        _compiled_cache = files if isinstance(files, dict) else {}
    return _compiled_cache


BUILT_FILE = "_compiled.pickle"
"""The catalogue's treaties as built objects, beside the compiled records.

Written with the compiled catalogue by ``scripts/gen_compiled_catalogue.py``: each file's
checksum and the :class:`Treaty` the one reader built from it. Loading them is several
times cheaper than reading the records again (``treaties()`` in a fresh process, issue 12).
A treaty is taken from it only while its file's checksum matches and every module that
defines its objects has the source it was built with (their hashes are stored); anything
else is read from the compiled record or the TOML, as before: slower, never different.
It is the package's own data, written by its own generator, like bytecode beside a module.
"""

_built_cache: dict[str, tuple[int, Treaty]] | None = None
_built_file: tuple[str, dict[str, Any], memoryview] | None = None
_NOTHING_BUILT: tuple[dict[str, Any], memoryview] = ({}, memoryview(b""))


def _built_data() -> tuple[dict[str, Any], memoryview]:
    """The built catalogue file's header and the bytes after it, each treaty still unread.

    Empty when it is missing, truncated, of another schema or built by other code (a
    module's source hash differs).
    """
    global _built_file
    path = _in_folder(BUILT_FILE)
    if _built_file is None or _built_file[0] != path:  # read again for another folder (tests)
        found = _NOTHING_BUILT
        try:
            import io
            import pickle

            raw = _read_bytes(path)
            stream = io.BytesIO(raw)
            header = pickle.load(stream)
            if (
                isinstance(header, dict)
                and header.get("schema") == 3
                and header.get("sources") == _source_hashes(header.get("sources", {}))
            ):
                found = (header, memoryview(raw)[stream.tell() :])
        except Exception:  # missing, truncated or from other code: build from the records instead
            found = _NOTHING_BUILT
        _built_file = (path, *found)
    return _built_file[1:]


def _built_part(where: object) -> object:
    """The object pickled at ``where`` (offset, length) of the built file's body; ``None`` if unreadable."""
    body = _built_data()[1]
    if not (isinstance(where, tuple) and len(where) == 2 and all(type(n) is int for n in where)):
        return None
    start, length = where
    if start < 0 or length < 0 or start + length > len(body):
        return None
    try:
        import pickle

        return pickle.loads(body[start : start + length])
    except Exception:  # a file damaged inside: build from the records instead
        return None


def _built() -> dict[str, tuple[int, Treaty]]:
    """The built treaties by file stem, with their files' checksums (empty when unusable)."""
    global _built_cache
    if _built_cache is None:
        found = _built_part(_built_data()[0].get("all"))
        _built_cache = found if isinstance(found, dict) else {}
    return _built_cache


def _built_one(stem: str, crc: int) -> Treaty | None:
    """The built treaty of one file whose checksum is ``crc``; ``None`` when there is none.

    A key asked for alone unpickles its own treaty, not the whole catalogue.
    """
    if _built_cache is not None:
        entry = _built_cache.get(stem)
        return entry[1] if entry is not None and entry[0] == crc else None
    each = _built_data()[0].get("each")
    where = each.get(stem) if isinstance(each, dict) else None
    if not (isinstance(where, tuple) and len(where) == 3 and where[0] == crc):
        return None
    built = _built_part(where[1:])
    return built if isinstance(built, Treaty) else None


def _source_hashes(modules: object) -> dict[str, str]:
    """The CRC-32 of each named module's source file, as it is now ({} for a module without one).

    A checksum to notice a change of code, not a defence against tampering: the built
    treaties are the package's own data, as trusted as its modules.
    """
    import sys

    out: dict[str, str] = {}
    for name in modules if isinstance(modules, dict) else ():
        module = sys.modules.get(name)
        if module is None:
            import importlib

            module = importlib.import_module(name)
        origin = getattr(module, "__file__", None)
        if origin is None:
            return {}
        out[name] = f"{zlib.crc32(_read_bytes(origin)):08x}"
    return out


def build_catalogue(folder: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The built catalogue of ``folder`` (default: the package's): what ``_compiled.pickle`` holds.

    Each valid file's checksum and :class:`Treaty`, and the source hash of every module
    whose classes the treaties are made of.
    """
    from pathlib import Path

    where = Path(folder if folder is not None else _folder())
    treaties: dict[str, tuple[int, Treaty]] = {}
    modules: set[str] = set()
    for path in sorted(where.glob("*.toml"), key=lambda p: p.stem):
        text = path.read_text("utf-8")
        try:
            built = _catalogue_file(f"treatywithdraw/data/treaties/{path.name}", text)
        except CatalogueError:
            continue
        treaties[path.stem] = (zlib.crc32(text.encode("utf-8")), built)
        modules |= _modules_of(built)
    sources = _source_hashes(dict.fromkeys(sorted(modules), ""))
    return {"schema": 3, "sources": sources, "treaties": treaties}


def built_file_bytes(built: Mapping[str, Any]) -> bytes:
    """What ``_compiled.pickle`` holds for a :func:`build_catalogue` result.

    A small pickled header (schema, module hashes, and where each part lies), then the
    treaties twice: all in one pickle, which :func:`treaties` loads (one pickle of every
    treaty loads about a third faster than many), and each in its own, which a key asked
    for alone loads. Neither is unpickled unless it is wanted.
    """
    import pickle

    parts: list[bytes] = []
    offset = 0

    def part(value: object) -> tuple[int, int]:
        nonlocal offset
        data = pickle.dumps(value, protocol=5)
        parts.append(data)
        offset += len(data)
        return offset - len(data), len(data)

    treaties = built["treaties"]
    header = {
        "schema": built["schema"],
        "sources": built["sources"],
        "all": part(treaties),
        "each": {stem: (crc, *part(t)) for stem, (crc, t) in treaties.items()},
    }
    return pickle.dumps(header, protocol=5) + b"".join(parts)


def _modules_of(value: object) -> set[str]:
    """The modules of every object class reached from ``value`` (attrs instances, enums, tuples)."""
    import enum as _enum

    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind.__module__.startswith("treatywithdraw"):
            found.add(kind.__module__)
        if attrs.has(kind):
            stack.extend(getattr(item, f.name) for f in attrs.fields(kind))
        elif isinstance(item, tuple | list) and not isinstance(item, _enum.Enum):
            stack.extend(item)
    return found


_current: bool | None = None


def _compiled_is_current() -> bool:
    """Whether the compiled catalogue matches every file of the folder (read, not parsed)."""
    global _current
    if _current is None:
        compiled = _compiled()
        from pathlib import Path

        paths = list(Path(_folder()).glob("*.toml"))
        _current = {p.stem for p in paths} == set(compiled) and all(
            compiled[p.stem]["crc"] == zlib.crc32(p.read_bytes()) for p in paths
        )
    return _current


def _alias_file(name: str) -> str | None:
    """The one file that names ``name`` as an alias, by the name index (or, without one, the
    compiled catalogue) while it is current."""
    names = _index_names()
    if names is not None:
        owners = names.get(name, [])
        return owners[0] if len(owners) == 1 and owners[0] != name else None
    if not _compiled_is_current():
        return None
    owners = [stem for stem, entry in _compiled().items() if name in entry["record"].get("aliases", ())]
    return str(owners[0]) if len(owners) == 1 else None


INDEX_FILE = "_index.json"
"""The name index beside the treaty files: each file's size, aliases and whether it was valid.

Generated with the compiled catalogue by ``scripts/gen_compiled_catalogue.py`` (a test
fails while it is stale). It is a few bytes a treaty, so an alias or a misspelt key is
looked up without reading the other files: the index is trusted while every file it
names is there, with the size it had, and no other file is (one directory listing), and
the file it leads to is read and checked as ever. A file edited since (its size differs)
sends every name look-up the whole way.
"""

_index_cache: tuple[object, object, dict[str, list[str]] | None] | None = None


def _index_names() -> dict[str, list[str]] | None:
    """Each key and alias with the stems of the files that claim it; ``None`` while the index
    is missing or stale, or names a file that was not valid when it was generated."""
    global _index_cache
    folder = _folder()
    if _index_cache is not None and _index_cache[0] is _files and _index_cache[1] == folder:
        return _index_cache[2]
    names: dict[str, list[str]] | None = None
    try:
        import json

        data = json.loads(_read_bytes(os.path.join(folder, INDEX_FILE)).decode("utf-8"))
        files = data["files"] if data.get("schema") == 1 else None
        with os.scandir(folder) as listing:
            sizes = {
                e.name.removesuffix(".toml"): e.stat().st_size for e in listing if e.name.endswith(".toml")
            }
        if (
            isinstance(files, dict)
            and sizes == {stem: entry["size"] for stem, entry in files.items()}
            and all(entry["valid"] is True for entry in files.values())
        ):
            names = {}
            for stem, entry in files.items():
                names.setdefault(stem, []).append(stem)
                for alias in entry["aliases"]:
                    names.setdefault(alias, []).append(stem)
            if any(len(owners) > 1 for owners in names.values()):
                names = None  # a name two files claim: the whole catalogue refuses it
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        names = None
    _index_cache = (_files, folder, names)
    return names


def compile_index(folder: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The name index of ``folder`` (default: the package's): what ``_index.json`` holds.

    Every file's size in bytes, its aliases, and whether it loads as a treaty.
    """
    import tomllib
    from pathlib import Path

    where = Path(folder if folder is not None else _folder())
    files: dict[str, Any] = {}
    for path in sorted(where.glob("*.toml"), key=lambda p: p.stem):
        raw = path.read_bytes()
        try:
            treaty = load_treaty_file(path)
            aliases: list[str] = list(treaty.aliases)
            valid = True
        except CatalogueError:
            try:
                found = tomllib.loads(raw.decode("utf-8", "replace").removeprefix("\ufeff")).get(
                    "aliases", []
                )
            except (tomllib.TOMLDecodeError, RecursionError):
                found = []
            aliases = [a for a in found if isinstance(a, str)] if isinstance(found, list) else []
            valid = False
        files[path.stem] = {"size": len(raw), "aliases": aliases, "valid": valid}
    return {"schema": 1, "files": files}


def compile_catalogue(folder: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The compiled catalogue of ``folder`` (default: the package's): what ``_compiled.json`` holds.

    Every file's record as parsed from its TOML (dates as ISO strings) with its CRC-32.
    """
    import tomllib
    from pathlib import Path

    where = Path(folder if folder is not None else _folder())
    files: dict[str, Any] = {}
    for path in sorted(where.glob("*.toml"), key=lambda p: p.stem):
        text = path.read_text("utf-8")
        record = tomllib.loads(text.removeprefix("\ufeff"))
        files[path.stem] = {"crc": zlib.crc32(text.encode("utf-8")), "record": _jsonable(record)}
    return {"schema": 1, "files": files}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _load() -> _Registry:
    """Every file of the catalogue folder; a broken file is set aside, not fatal.

    The treaties that load keep working; each refused file is a problem, reported once
    as a :class:`~treatywithdraw.errors.CatalogueWarning` and listed by
    :func:`catalogue_problems`.
    """
    global _registry
    if _registry is not None:
        return _registry
    with _lock:
        if _registry is not None:
            return _registry
        # Every file is wanted: the built treaties once, and the compiled records only
        # where a file has none (edited since, or new).
        folder = _folder()
        with os.scandir(folder) as listing:
            entries = [(e.path, e.is_file()) for e in listing if e.name.endswith(".toml")]
        regular = {_stem(p) for p, is_file in entries if is_file}
        paths = sorted((p for p, _ in entries), key=_stem)
        built = _built()
        if {_stem(p) for p in paths} - set(built):
            _compiled()
        loaded: list[Treaty] = []
        problems: list[CatalogueError] = []
        for path in paths:
            stem = _stem(path)
            entry = built.get(stem) if stem in regular and stem not in _files else None
            if entry is not None:
                # The built treaty, while its file is unchanged (one read, no parse).
                try:
                    if zlib.crc32(_read_bytes(path)) == entry[0]:
                        _files[stem] = entry[1]
                except OSError:
                    pass  # _file() below reads it again and says why it cannot
            try:
                item = _file(stem)
            except CatalogueError as exc:
                problems.append(exc)
                continue
            if item is None:
                problems.append(
                    CatalogueError(
                        "the file name is not a kebab-case key: rename it <key>.toml",
                        file=os.path.basename(path),
                        field="key",
                    )
                )
                continue
            loaded.append(item)
        index: dict[str, Treaty] = {item.key: item for item in loaded}
        refused: dict[str, CatalogueError] = {}
        for item in loaded:
            for name in item.aliases:
                other = index.get(name)
                if name in refused or (other is not None and other is not item):
                    owner = other.key if other is not None else "another treaty"
                    problem = CatalogueError(
                        f"alias {name!r} is claimed by both {owner!r} and {item.key!r}: an alias must "
                        "lead to one treaty, so it is refused until one of the files drops it",
                        file=f"treatywithdraw/data/treaties/{item.key}.toml",
                        field="aliases",
                    )
                    problems.append(problem)
                    refused[name] = problem
                    if other is not None and other.key != name:
                        del index[name]
                    continue
                index[name] = item
        _registry = _Registry(index, tuple(loaded), refused, tuple(problems))
        if problems:
            import warnings

            from treatywithdraw.errors import CatalogueWarning

            for problem in problems:
                warnings.warn(f"treaty catalogue: {problem}", CatalogueWarning, stacklevel=3)
        return _registry


def catalogue_problems() -> tuple[CatalogueError, ...]:
    """The catalogue files that were refused, each naming its file and field.

    A broken file does not stop the others: :func:`treaties` lists the treaties
    that loaded, :func:`treaty` raises the file's own error for its key, and this
    function says what was left out (empty when every file is sound).

    >>> catalogue_problems()
    ()
    """
    return _load().problems


def treaty(key: TreatyLike) -> Treaty:
    """The treaty with this key or alias (case-insensitive); a :class:`Treaty` passes through.

    A path (a :class:`os.PathLike`, or a string ending in ``.toml`` or holding a ``/``)
    is a treaty file of one's own, read by :func:`load_treaty_file`: ``treaty("./my-treaty.toml")``.

    Raises:
        UnknownTreatyError: also a ``LookupError``; its message names the closest keys.
        CatalogueError: the treaty file given as a path is missing or wrong (every
            problem in it at once, naming the field).

    >>> treaty("ottawa").clause.article
    'Art. 20(2)-(3)'
    >>> treaty("mine-ban").key
    'ottawa'
    >>> treaty("otawa")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.UnknownTreatyError: no treaty 'otawa' in the catalogue: did you mean 'ottawa'?
    """
    if type(key) is Treaty:
        return key
    if type(key) is str and _resolved_for is _files:
        remembered = _resolved.get(key)
        if remembered is not None:
            return remembered
    if _is_treaty_path(key):
        return load_treaty_file(key)  # type: ignore[arg-type]  # _is_treaty_path checked the type
    if not isinstance(key, str):
        raise InvalidArgumentError(
            f"treaty must be a catalogue key, an alias or a Treaty, not {type(key).__name__} {shown(key)}: "
            "pass e.g. 'ottawa'",
            value=key,
            field="treaty",
        )
    name = key.strip().lower().replace("_", "-").replace(" ", "-")
    if not name:
        # Nothing to match: suggesting the nearest keys to nothing would be noise.
        raise UnknownTreatyError(key, ())
    # A key is its file name: read just that file. Aliases need the whole index.
    # No key is that long; a longer name is not looked up as a file (the OS would refuse it).
    found = _file(name) if len(name) <= 100 else None
    if found is None and len(name) <= 100:
        # An alias: the name index names its file, so only that file is read.
        stem = _alias_file(name)
        try:
            found = _file(stem) if stem is not None else None
        except CatalogueError:  # a broken file: the whole catalogue says what to do
            found = None
        if found is not None and name not in found.aliases:
            found = None  # the index is out of date for this file: ask the whole catalogue
        names = _index_names()
        if found is None and names is not None and name not in names:
            # No file claims the name: suggest from the index, without reading the files.
            raise UnknownTreatyError(key, _close_keys(name, {n: owners[0] for n, owners in names.items()}))
    if found is None:
        registry = _load()
        refused = registry.refused_names.get(name)
        if refused is not None:
            raise refused.with_traceback(None)
        found = registry.index.get(name)
    if found is None:
        index = _load().index
        # Close spellings first; failing those, the nearest keys anyway, so the message
        # always names somewhere to go.
        if len(name) > 100:  # no key is that long: comparing it to every name would take minutes
            raise UnknownTreatyError(key, ())
        keys = _close_keys(name, {n: t.key for n, t in index.items()})
        loaded = {t.key for t in _load().everything}
        left_out = {os.path.basename(p.file) for p in _load().problems} - {f"{k}.toml" for k in loaded}
        raise UnknownTreatyError(key, keys, left_out=sorted(left_out))
    _remember(key, found)
    return found


def _is_treaty_path(value: object) -> bool:
    """Whether ``value`` names a treaty file rather than a catalogue key.

    A path object, or a string ending in ``.toml`` or holding a path separator (no key
    or alias has either).

    >>> _is_treaty_path("./my-treaty.toml"), _is_treaty_path("ottawa")
    (True, False)
    """
    if isinstance(value, os.PathLike):
        return True
    return isinstance(value, str) and (
        value.strip().lower().endswith(".toml") or "/" in value or os.sep in value
    )


# Names already looked up, as given: a second look-up of a key or an alias touches no
# disk. Valid while the parsed files are the ones the names were resolved against.
_resolved: dict[str, Treaty] = {}
_resolved_for: object = None


def _remember(name: str, found: Treaty) -> None:
    global _resolved, _resolved_for
    if _resolved_for is not _files or len(_resolved) >= 4096:
        _resolved, _resolved_for = {}, _files
    if type(name) is str:
        _resolved[name] = found


def _close_keys(name: str, owners: Mapping[str, str]) -> list[str]:
    """The keys of the (at most three) names closest to ``name``; failing close ones, the
    nearest anyway, so that a message always names somewhere to go."""
    names = list(owners)
    import difflib  # only for a name that is not found: not worth its import on every start

    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6) or difflib.get_close_matches(
        name, names, n=3, cutoff=0.0
    )
    keys: list[str] = []
    for c in close:
        if owners[c] not in keys:
            keys.append(owners[c])
    return keys


def treaties(
    predicate: Callable[[Treaty], bool] | None = None,
    *,
    category: str | None = None,
    depositary: str | None = None,
    notice_period: Period | str | None = None,
    family: str | None = None,
) -> tuple[Treaty, ...]:
    """Every treaty in the catalogue, sorted by key; the filters given narrow it.

    Args:
        predicate: a function of a :class:`Treaty`, true for the treaties wanted.
        category: e.g. ``"arms-control"``, ``"environment"``, ``"human-rights"``.
        depositary: a case-insensitive part of the depositary's name
            (``"Council of Europe"``, ``"Secretary-General of the United Nations"``).
        notice_period: a :class:`Period` or an ISO duration; equal periods match however
            written (``"P1Y"`` finds the twelve-month clauses too).
        family: a clause family's key (:mod:`treatywithdraw.families`), e.g.
            ``"first-of-month-after-6-months"``, ``"no-clause"``.

    >>> len(treaties()) >= 250
    True
    >>> [t.key for t in treaties(category="arms-control", notice_period="P90D")]  # not "3 months": days
    ['att', 'cwc']
    """
    if predicate is not None and not callable(predicate):
        raise InvalidArgumentError(
            f"predicate must be a function of a Treaty, not {type(predicate).__name__} {shown(predicate)}: "
            "pass e.g. lambda t: t.category == 'arms-control'",
            value=predicate,
            field="predicate",
        )
    for name, value in (("category", category), ("depositary", depositary)):
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(
                f"{name} must be a str, not {type(value).__name__} {shown(value)}", value=value, field=name
            )
    period = notice_period
    if isinstance(period, str):
        period = Period.parse(period)
    elif period is not None and not isinstance(period, Period):
        raise InvalidArgumentError(
            f"notice_period must be a Period or an ISO duration such as 'P6M', not {shown(period)}",
            value=period,
            field="notice_period",
        )
    everything = _load().everything
    if category is not None:
        everything = tuple(t for t in everything if t.category == category)
    if depositary is not None:
        wanted = depositary.casefold()
        everything = tuple(t for t in everything if wanted in t.depositary.name.casefold())
    if period is not None:
        everything = tuple(t for t in everything if t.clause.notice_period == period)
    if family is not None:
        from treatywithdraw.families import family as named
        from treatywithdraw.families import family_of

        key = named(family).key  # an unknown family is an error, not an empty answer
        everything = tuple(t for t in everything if family_of(t).key == key)
    if predicate is None:
        return everything
    # The predicate is the caller's code: what it raises is theirs, and passes through.
    return tuple(t for t in everything if predicate(t))
