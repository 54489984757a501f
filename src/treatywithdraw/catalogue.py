"""The treaty catalogue: TOML data files shipped with the package, read lazily.

One file per treaty in ``treatywithdraw/data/treaties/<key>.toml`` (the format is in
``docs/data-format.md``). Nothing is parsed at import: the first call to
:func:`treaty` or :func:`treaties` reads and validates every file once, and a bad file
raises :class:`~treatywithdraw.CatalogueError` naming the file and the field.
"""

from __future__ import annotations

import difflib
import enum
import re
import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import attrs

from treatywithdraw.clauses import (
    Anchor,
    ClauseKind,
    Convention,
    FixedPeriods,
    LaterDate,
    MinimumParticipation,
    PartyTerms,
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
    "load_treaty_file",
    "treaties",
    "treaty",
]

_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARTY_RE = re.compile(r"^[A-Z]{2}$")
_ADDRESSEES = frozenset({"depositary", "other-party", "states-parties", "un-security-council"})


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

    party: str
    received: date
    effective: date
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
    cases: tuple[Case, ...] = ()

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

    name: str
    kind: str
    time_zone: str
    note: str = ""


@attrs.frozen(kw_only=True)
class Treaty:
    """One treaty of the catalogue, validated and frozen.

    Build it with :meth:`from_record` (a parsed data file), not with keyword arguments
    by hand.
    """

    key: str
    name: str
    short_name: str
    aliases: tuple[str, ...]
    category: str
    depositary: Depositary
    entry_into_force: date | None
    adopted: date | None
    clause: WithdrawalClause
    sources: tuple[Source, ...]
    evidence: Evidence

    def __str__(self) -> str:
        return f"{self.short_name} ({self.key})"

    @classmethod
    def from_record(cls, record: Mapping[str, Any], *, file: str = "") -> Treaty:
        """Validate a parsed data file into a :class:`Treaty`.

        Raises:
            CatalogueError: naming ``file`` and the dotted field that is wrong.
        """
        return _Reader(record, file, "").treaty()


TreatyLike = Treaty | str
"""A :class:`Treaty`, or a key or alias of one."""

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class _Reader:
    """Typed, located access to a TOML table: every error names the file and field."""

    def __init__(self, table: Mapping[str, Any], file: str, prefix: str) -> None:
        self.table = table
        self.file = file
        self.prefix = prefix

    def fail(self, field: str, message: str) -> CatalogueError:
        return CatalogueError(message, file=self.file, field=self.prefix + field)

    def _get(self, field: str, kind: type[T], default: T | None, required: bool) -> T | None:
        if field not in self.table:
            if required:
                raise self.fail(field, f"required field is missing ({kind.__name__})")
            return default
        value = self.table[field]
        if kind is date and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise self.fail(field, f"{value!r} is not an ISO date YYYY-MM-DD") from None
        if kind is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.fail(field, f"expected {kind.__name__}, found {value!r}")
        return value

    def text(self, field: str, default: str | None = None) -> str:
        value = self._get(field, str, default, default is None)
        assert value is not None
        return value

    def nonempty(self, field: str) -> str:
        value = self.text(field)
        if not value.strip():
            raise self.fail(field, "must not be empty")
        return value

    def day(self, field: str, *, required: bool = True) -> date | None:
        return self._get(field, date, None, required)

    def flag(self, field: str) -> bool:
        value = self._get(field, bool, False, False)
        return bool(value)

    def strings(self, field: str) -> tuple[str, ...]:
        values = self._get(field, list, [], False) or []
        for i, item in enumerate(values):
            if not isinstance(item, str):
                raise self.fail(f"{field}[{i}]", f"expected a string, found {item!r}")
        return tuple(values)

    def period(self, field: str, *, required: bool = True) -> Period | None:
        raw = self._get(field, str, None, required)
        if raw is None:
            return None
        try:
            return Period.parse(raw)
        except TreatyWithdrawError:
            raise self.fail(field, f"{raw!r} is not an ISO 8601 period like 'P6M'") from None

    def choice(self, field: str, enum_type: type[E], default: E | None = None) -> E:
        raw = self._get(field, str, None, default is None)
        if raw is None:
            assert default is not None
            return default
        try:
            return enum_type(raw)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            raise self.fail(field, f"{raw!r} is not one of {allowed}") from None

    def sub(self, field: str, *, required: bool = True) -> _Reader | None:
        table = self._get(field, dict, None, required)
        if table is None:
            return None
        return _Reader(table, self.file, f"{self.prefix}{field}.")

    def subs(self, field: str) -> list[_Reader]:
        rows = self._get(field, list, [], False) or []
        readers = []
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise self.fail(f"{field}[{i}]", f"expected a table, found {row!r}")
            readers.append(_Reader(row, self.file, f"{self.prefix}{field}[{i}]."))
        return readers

    def party(self, field: str) -> str:
        code = self.text(field)
        if not _PARTY_RE.match(code):
            raise self.fail(field, f"{code!r} is not an ISO 3166-1 alpha-2 code like 'LV'")
        return code

    # -- records -------------------------------------------------------------------

    def treaty(self) -> Treaty:
        key = self.text("key")
        if not _KEY_RE.match(key):
            raise self.fail("key", f"{key!r} is not lower-case kebab-case")
        aliases = self.strings("aliases")
        for i, alias in enumerate(aliases):
            if alias != alias.lower() or not alias.strip():
                raise self.fail(f"aliases[{i}]", f"{alias!r} must be lower-case and not empty")
        depositary = self.sub("depositary")
        clause = self.sub("clause")
        evidence = self.sub("evidence")
        assert depositary is not None and clause is not None and evidence is not None
        sources = tuple(r.source() for r in self.subs("sources"))
        if not sources:
            raise self.fail("sources", "every treaty needs at least one [[sources]] entry")
        treaty = Treaty(
            key=key,
            name=self.nonempty("name"),
            short_name=self.nonempty("short_name"),
            aliases=aliases,
            category=self.text("category", ""),
            depositary=depositary.depositary(),
            entry_into_force=self.day("entry_into_force", required=False),
            adopted=self.day("adopted", required=False),
            clause=clause.clause(),
            sources=sources,
            evidence=evidence.evidence(),
        )
        _check_consistency(treaty, self)
        return treaty

    def source(self) -> Source:
        url = self.nonempty("url")
        if not url.startswith(("http://", "https://")):
            raise self.fail("url", f"{url!r} is not an http(s) URL")
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
        kind = self.choice("kind", ClauseKind)
        verification = self.choice("verification", Verification)
        note = self.text("verification_note", "")
        if verification is not Verification.VERIFIED and not note.strip():
            raise self.fail("verification_note", f"required when verification is {verification.value!r}")
        rounding_raw = self.text("rounding", "")
        rounding = Rounding.coerce(rounding_raw) if rounding_raw else None
        if rounding is Rounding.RAISE:
            rounding = None
        basis = self.text("rounding_basis", "")
        if rounding is not None and not basis.strip():
            raise self.fail("rounding_basis", "a default rounding needs its cited legal basis")
        addressees = self.strings("addressees")
        for i, who in enumerate(addressees):
            if who not in _ADDRESSEES:
                raise self.fail(f"addressees[{i}]", f"{who!r} is not one of {sorted(_ADDRESSEES)}")
        minimum = self.sub("minimum_participation", required=False)
        fixed = self.sub("fixed_periods", required=False)
        has_convention = kind is not ClauseKind.NONE or "convention" in self.table
        convention = self.choice("convention", Convention) if has_convention else None
        clause = WithdrawalClause(
            kind=kind,
            article=self.text("article"),
            text=self.text("text"),
            text_language=self.text("text_language", "en"),
            verification=verification,
            verification_note=note,
            notice_period=self.period("notice_period", required=kind is ClauseKind.NOTICE),
            convention=convention,
            later_date=self.choice("later_date", LaterDate, LaterDate.NONE),
            armed_conflict_deferral=self.flag("armed_conflict_deferral"),
            addressees=addressees,
            required_contents=self.strings("required_contents"),
            rounding=rounding,
            rounding_basis=basis,
            extendable_by_decision=self.flag("extendable_by_decision"),
            earlier_by_agreement=self.flag("earlier_by_agreement"),
            no_clause_note=self.text("no_clause_note", ""),
            minimum_participation=minimum.minimum() if minimum else None,
            fixed_periods=fixed.fixed() if fixed else None,
            party_terms=tuple(r.terms() for r in self.subs("party_terms")),
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
        return clause

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

    def evidence(self) -> Evidence:
        status = self.text("status")
        if status not in ("cases", "assumed"):
            raise self.fail("status", f"{status!r} is not 'cases' or 'assumed'")
        reason = self.text("reason", "")
        cases = tuple(r.case() for r in self.subs("cases"))
        if status == "assumed" and not reason.strip():
            raise self.fail("reason", "an assumed convention needs its reason")
        if status == "cases" and not cases:
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
        raise reader.fail("entry_into_force", "needed: the minimum participation runs from it")


# -- the registry ---------------------------------------------------------------------

_lock = threading.RLock()
_files: dict[str, Treaty] = {}
_registry: tuple[dict[str, Treaty], tuple[Treaty, ...]] | None = None


def _folder() -> Path:
    # A plain path, not importlib.resources: that import alone costs more than
    # parsing a treaty file, and the package is never imported from a zip.
    return Path(__file__).parent / "data" / "treaties"


def load_treaty_file(path: str, text: str) -> Treaty:
    """Parse and validate one treaty data file given its ``text``; ``path`` names it in errors."""
    import tomllib

    try:
        record = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"not valid TOML: {exc}", file=path) from None
    treaty = Treaty.from_record(record, file=path)
    stem = path.rsplit("/", 1)[-1].removesuffix(".toml")
    if stem != treaty.key:
        raise CatalogueError(f"key {treaty.key!r} differs from the file name", file=path, field="key")
    return treaty


def _file(key: str) -> Treaty | None:
    """The treaty in ``<key>.toml``, parsed once; ``None`` if there is no such file."""
    found = _files.get(key)
    if found is not None:
        return found
    path = _folder() / f"{key}.toml"
    if not _KEY_RE.match(key) or not path.is_file():
        return None
    with _lock:
        found = _files.get(key)
        if found is None:
            found = load_treaty_file(f"treatywithdraw/data/treaties/{path.name}", path.read_text("utf-8"))
            _files[key] = found
    return found


def _load() -> tuple[dict[str, Treaty], tuple[Treaty, ...]]:
    global _registry
    if _registry is not None:
        return _registry
    with _lock:
        if _registry is not None:
            return _registry
        loaded = []
        for path in sorted(_folder().glob("*.toml"), key=lambda p: p.stem):
            item = _file(path.stem)
            if item is None:
                raise CatalogueError("the file name is not a kebab-case key", file=path.name, field="key")
            loaded.append(item)
        index: dict[str, Treaty] = {}
        for item in loaded:
            for name in (item.key, *item.aliases):
                other = index.get(name)
                if other is not None:
                    raise CatalogueError(
                        f"{name!r} names both {other.key!r} and {item.key!r}",
                        file=f"treatywithdraw/data/treaties/{item.key}.toml",
                        field="aliases",
                    )
                index[name] = item
        _registry = (index, tuple(loaded))
        return _registry


def treaty(key: TreatyLike) -> Treaty:
    """The treaty with this key or alias (case-insensitive); a :class:`Treaty` passes through.

    Raises:
        UnknownTreatyError: also a ``LookupError``; its message names the closest keys.

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
    if not isinstance(key, str):
        raise InvalidArgumentError(
            f"treaty must be a catalogue key, an alias or a Treaty, not {type(key).__name__} {key!r}: "
            "pass e.g. 'ottawa'",
            value=key,
            field="treaty",
        )
    name = key.strip().lower().replace("_", "-").replace(" ", "-")
    # A key is its file name: read just that file. Aliases need the whole index.
    found = _file(name) or _load()[0].get(name)
    if found is None:
        index = _load()[0]
        # Close spellings first; failing those, the nearest keys anyway, so the message
        # always names somewhere to go.
        names = list(index)
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6) or difflib.get_close_matches(
            name, names, n=3, cutoff=0.0
        )
        keys: list[str] = []
        for c in close:
            if index[c].key not in keys:
                keys.append(index[c].key)
        raise UnknownTreatyError(key, keys)
    return found


def treaties(predicate: Callable[[Treaty], bool] | None = None) -> tuple[Treaty, ...]:
    """Every treaty in the catalogue, sorted by key (those matching ``predicate``, if given).

    >>> len(treaties()) >= 11
    True
    """
    everything = _load()[1]
    if predicate is None:
        return everything
    return tuple(t for t in everything if predicate(t))
