"""The register of real withdrawals the package knows: seeds, the catalogue's cases, and records.

Every record is a real withdrawal from a cited source, from one of three places:

- the seed timelines (recorded step by step; ``origin`` ``seed:<name>``);
- the evidence cases of the treaty files (a receipt and an effective date, each from its
  source; ``case:<treaty key>``);
- the register file ``data/register.toml`` (``record:<n>``): withdrawals a source dates
  only by their receipt or only by their effect, and those whose stated effect the
  library does not reproduce, each with its ``disagreement`` said.

The register doubles as the library's largest oracle: for every record with both
dates the computed effect must equal the recorded one, or the record says why not
(``tests/test_register.py``).

>>> from datetime import date
>>> lv = [r for r in withdrawals() if r.party == "LV" and r.treaty.key == "ottawa"]
>>> [(r.received, r.computed, r.origin) for r in lv]
[(datetime.date(2025, 6, 27), datetime.date(2025, 12, 27), 'seed:lv-ottawa-2025')]
"""

from __future__ import annotations

import csv
import functools
import io
import os
from datetime import date
from functools import cache
from pathlib import Path

import attrs

from treatywithdraw._dates import DateLike, as_date
from treatywithdraw._inputs import of_type
from treatywithdraw._records import Reader, Skip, read_toml_file
from treatywithdraw.catalogue import Case, Treaty, treaties, treaty
from treatywithdraw.errors import TreatyWithdrawError
from treatywithdraw.formats.timeline_files import load_timeline, seed_folders, seed_names
from treatywithdraw.options import NoticeOptions
from treatywithdraw.procedures import Step
from treatywithdraw.timeline import Event, Status, Suspension, Withdrawal

__all__ = ["RealWithdrawal", "load_register", "pending", "register_file", "withdrawals", "withdrawals_csv"]


@attrs.frozen(kw_only=True)
class RealWithdrawal:
    """One real withdrawal: who left what, received when, effective when, and where it is recorded.

    ``effective`` is the date the sources state (``None`` where they state none, as for a
    seed whose effect is still to come); ``computed`` is what the library computes from
    the receipt (``None`` where the law gives no single answer, or nothing was received).
    ``origin`` is ``seed:<name>`` or ``case:<treaty key>``.
    """

    party: str = attrs.field(validator=of_type(str))
    treaty: Treaty = attrs.field(validator=of_type(Treaty))
    received: date | None = attrs.field(validator=of_type(date, optional=True))
    effective: date | None = attrs.field(validator=of_type(date, optional=True))
    computed: date | None = attrs.field(validator=of_type(date, optional=True))
    origin: str = attrs.field(validator=of_type(str))
    source: str = attrs.field(validator=of_type(str))
    note: str = attrs.field(default="", validator=of_type(str))
    disagreement: str = attrs.field(default="", validator=of_type(str))
    """Why the stated effect differs from the computed one, where it does (else empty)."""
    confidence: str = attrs.field(default="", validator=of_type(str))
    """For a register-file record: ``official``, ``secondary`` or ``aggregator`` (its source's kind)."""
    timeline: Withdrawal = attrs.field(validator=of_type(Withdrawal), repr=False, eq=False)

    def status(self, as_of: DateLike) -> str:
        """Where it stood on ``as_of`` (the timeline's status, or why there is none).

        A record dated only by its stated effect has no receipt to run a timeline from:
        it is ``effective`` from that day, ``notice-pending`` before it.
        """
        if self.received is None and self.effective is not None and self.timeline.deposit is None:
            day = as_date(as_of, "as_of", self.treaty.depositary.time_zone)
            return str(Status.EFFECTIVE if day >= self.effective else Status.NOTICE_PENDING)
        try:
            return str(self.timeline.status(as_of))
        except TreatyWithdrawError as exc:
            return f"no single answer ({type(exc).__name__})"

    def __repr__(self) -> str:
        """Party, treaty, receipt and the effective date the sources state, on one line.

        >>> [r for r in withdrawals() if (r.party, r.treaty.key) == ("LV", "ottawa")][0]
        RealWithdrawal(LV, ottawa, received 2025-06-27, effective 2025-12-27)
        """
        received = self.received.isoformat() if self.received else "not received"
        effective = f", effective {self.effective.isoformat()}" if self.effective else ""
        return f"RealWithdrawal({self.party}, {self.treaty.key}, received {received}{effective})"

    def to_record(self, as_of: DateLike | None = None) -> dict[str, str]:
        """A flat, CSV- and JSON-ready record (ISO dates, empty where unknown)."""
        out = {
            "party": self.party,
            "treaty": self.treaty.key,
            "received": self.received.isoformat() if self.received else "",
            "effective_recorded": self.effective.isoformat() if self.effective else "",
            "effective_computed": self.computed.isoformat() if self.computed else "",
            "origin": self.origin,
            "source": self.source,
            "disagreement": self.disagreement,
        }
        if as_of is not None:
            out["status"] = self.status(as_of)
        return out


def _case_options(case: Case) -> NoticeOptions:
    return NoticeOptions(
        later_date=case.later_date, extended_to=case.extended_to, agreement_in_force=case.agreement_in_force
    )


def _from_case(t: Treaty, case: Case) -> RealWithdrawal:
    options = _case_options(case)
    timeline = Withdrawal.start(party=case.party, treaty=t, procedure="generic", options=options)
    timeline = timeline.replay([Event(step=Step.INSTRUMENT_DEPOSITED, on=case.received, sources=case.source)])
    return RealWithdrawal(
        party=case.party,
        treaty=t,
        received=case.received,
        effective=case.effective,
        computed=_computed(timeline),
        origin=f"case:{t.key}",
        source=case.source,
        note=case.note,
        timeline=timeline,
    )


def _computed(w: Withdrawal) -> date | None:
    try:
        return w.effective_date
    except TreatyWithdrawError:
        return None


def _from_seed(name: str) -> RealWithdrawal | None:
    w = load_timeline(name)
    if isinstance(w, Suspension):  # not a withdrawal (Ukraine, 2025)
        return None
    deposit = w.deposit
    return RealWithdrawal(
        party=w.party,
        treaty=w.treaty,
        received=None if deposit is None else deposit.on,
        effective=None,
        computed=_computed(w),
        origin=f"seed:{name}",
        source=next(iter(w.sources), next((s for e in w.events for s in e.sources), "")),
        note=w.note or "",
        timeline=w,
    )


class _RegisterReader(Reader):
    schema = "docs/data-format.md (the register file)"

    def record(self, n: int) -> RealWithdrawal:
        before = len(self.problems)
        # Each field on its own: one run reports every problem of the record.
        party = self.part(lambda: self.party("party"))
        key = self.part(lambda: self.nonempty("treaty"))
        received = self.part(lambda: self.day("received", required=False))
        effective = self.part(lambda: self.day("effective", required=False))
        source = self.part(lambda: self.url("source"))
        self.part(lambda: self.nonempty("source_title"))
        self.part(lambda: self.day("read_on"))
        confidence = self.part(lambda: self.text("confidence"))
        if confidence is not None and confidence not in _CONFIDENCE:
            self.fail("confidence", f"{confidence!r} is not one of {', '.join(map(repr, _CONFIDENCE))}")
        note = self.part(lambda: self.nonempty("note"))
        disagreement = self.part(lambda: self.text("disagreement", "")) or ""
        if len(self.problems) > before:
            raise Skip
        assert party is not None and key is not None and source is not None
        assert confidence is not None and note is not None
        if received is None and effective is None:
            raise self.fail("received", "a record needs a receipt or a stated effect (or both)")
        if disagreement and (received is None or effective is None):
            raise self.fail("disagreement", "only a record with both dates can disagree with the library")
        try:
            t = treaty(key)
        except TreatyWithdrawError:
            raise self.fail("treaty", f"{key!r} is not a catalogue key") from None
        timeline = Withdrawal.start(party=party, treaty=t, procedure="generic")
        if received is not None:
            timeline = timeline.replay([Event(step=Step.INSTRUMENT_DEPOSITED, on=received, sources=source)])
        return RealWithdrawal(
            party=party,
            treaty=t,
            received=received,
            effective=effective,
            computed=_computed(timeline) if received is not None else None,
            origin=f"record:{n}",
            source=source,
            note=note,
            disagreement=disagreement,
            confidence=confidence,
            timeline=timeline,
        )


_CONFIDENCE = ("official", "secondary", "aggregator")


def register_file() -> Path:
    """The register file shipped with the package (``data/register.toml``)."""
    return Path(__file__).resolve().parent / "data" / "register.toml"


def load_register(path: str | os.PathLike[str] | None = None) -> tuple[RealWithdrawal, ...]:
    """The records of a register file (by default the package's own), every problem at once.

    Raises:
        CatalogueError: the file cannot be read, or has problems (all listed, each at
            its ``withdrawal[n].field``).
    """
    name, table = read_toml_file(
        register_file() if path is None else path, what="register file", limit=MAX_REGISTER_BYTES
    )
    reader = _RegisterReader(table, name, "")
    rows = reader.subs("withdrawal")
    records = [r for n, row in enumerate(rows) if (r := row.part(functools.partial(row.record, n))) is not None]
    reader.refuse_unknown()
    reader.raise_problems()
    return tuple(records)


MAX_REGISTER_BYTES = 4 * 1024 * 1024
"""The largest register file read (the package's own is a few hundred kilobytes)."""


@cache
def _register(folders: tuple[str, ...]) -> tuple[RealWithdrawal, ...]:
    seeds = [r for name in seed_names() if (r := _from_seed(name)) is not None]
    by_key = {(r.party, r.treaty.key, r.received): r for r in seeds}
    cases = []
    for t in treaties():
        for case in t.evidence.cases:
            key = (case.party, t.key, case.received)
            if key in by_key:  # the seed records this one step by step: keep it, with the stated date
                by_key[key] = attrs.evolve(by_key[key], effective=case.effective, source=case.source)
            else:
                cases.append(_from_case(t, case))
    known = {(r.party, r.treaty.key, r.received, r.effective) for r in (*by_key.values(), *cases)}
    records = [
        r
        for r in load_register()
        if (r.party, r.treaty.key, r.received, r.effective) not in known
        and (r.party, r.treaty.key, r.received) not in by_key
    ]
    everything = [*by_key.values(), *cases, *records]
    everything.sort(key=lambda r: (r.received or date.max, r.party, r.treaty.key))
    return tuple(everything)


def withdrawals() -> tuple[RealWithdrawal, ...]:
    """Every real withdrawal the package knows, by receipt day (unreceived ones last).

    A seed and a case of the same withdrawal are one record (the seed's, with the case's
    stated effective date).
    """
    return _register(tuple(str(p) for p in seed_folders()))


def pending(as_of: DateLike) -> tuple[RealWithdrawal, ...]:
    """The withdrawals that take effect on or after ``as_of``, in the order they take effect.

    >>> [(r.party, r.treaty.key, r.computed) for r in pending("2026-01-01") if r.treaty.key == "ottawa"]
    [('FI', 'ottawa', datetime.date(2026, 1, 10)), ('PL', 'ottawa', datetime.date(2026, 2, 20))]
    """
    day = as_date(as_of, "as_of")  # an instant is read at each record's depositary
    found = [
        r
        for r in withdrawals()
        if (when := _when(r)) is not None and when >= as_date(day, "as_of", r.treaty.depositary.time_zone)
    ]
    found.sort(key=lambda r: (_when(r) or date.max, r.party))
    return tuple(found)


def _when(r: RealWithdrawal) -> date | None:
    """The day a record takes effect: computed from its receipt, else as its source states."""
    return r.computed if r.computed is not None else r.effective


def withdrawals_csv(as_of: DateLike | None = None) -> str:
    """The register as CSV for dataset users: one row a withdrawal, ISO dates."""
    out = io.StringIO()
    rows = [r.to_record(as_of) for r in withdrawals()]
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
