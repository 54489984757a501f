"""The command line: ``treatywithdraw`` and ``python -m treatywithdraw``.

The only module that prints or reads today's date. Exit codes:

- ``0`` success;
- ``1`` the law gives no single answer (an ambiguous month end, an effect pending on a
  condition, notice not allowed, no withdrawal clause);
- ``2`` bad input or usage.

Errors are one line on stderr naming the value and the fix, never a traceback. The
line names the command line's own words (``--later-date``, ``RECEIVED``), not the
library's keyword arguments; usage errors are one line too, pointing at ``--help``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from enum import Enum
from typing import Any, NoReturn, TextIO

from treatywithdraw.errors import (
    AmbiguousDateError,
    CatalogueWarning,
    EffectPendingError,
    InvalidArgumentError,
    InvalidDateError,
    NoticeNotAllowedError,
    NoWithdrawalClauseError,
    TreatyWithdrawError,
)

__all__ = ["main"]

NO_SINGLE_ANSWER = (AmbiguousDateError, EffectPendingError, NoticeNotAllowedError, NoWithdrawalClauseError)

EPILOG_EFFECTIVE = """examples:
  treatywithdraw effective ottawa 2025-06-27              # 2025-12-27
  treatywithdraw effective ottawa 2025-08-31 --rounding backward
  treatywithdraw effective who 2025-01-22 --party US --explain
  treatywithdraw effective paris 2019-11-04 --party-since 2016-11-04 --json
"""

EPILOG_PLAN = """examples:
  treatywithdraw plan ottawa --effective-by 2026-01-01    # 2025-07-01
  treatywithdraw plan istanbul --effective-by 2021-07-01 --json
"""


PROG = "treatywithdraw"


class _UsageError(Exception):
    """A command line argparse cannot read: reported as one line, exit code 2."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.message = message
        self.prog = prog


def _shown(word: str) -> str:
    """A word of the command line as given, or quoted when it is empty or has spaces or quotes."""
    plain = word.isprintable() and not any(c.isspace() or c in "'\"" for c in word)
    return word if word and plain else repr(word)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is raised (one line, in :func:`main`) instead of printed with usage."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message, self.prog)

    _building = False

    # Building the parser, argparse checks each argument's metavar, and spells a
    # subcommand's prog, with a help formatter, which sizes itself to the terminal by
    # importing shutil: neither depends on the width, and the import costs more than a date.
    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._building = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._building = False

    def add_subparsers(self, **kwargs: Any) -> Any:
        self._building = True
        try:
            return super().add_subparsers(**kwargs)
        finally:
            self._building = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._building:
            return argparse.HelpFormatter(self.prog, width=80)
        return super()._get_formatter()

    def parse_args(  # type: ignore[override]  # only the list form is used
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(_shown(e) for e in extras)}")
        return parsed


def _version() -> str:
    import treatywithdraw

    return str(treatywithdraw.__version__)


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for: ``importlib.metadata`` costs more to
    import than answering a date, so building the parser must not pay for it."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser._print_message(f"{PROG} {_version()}\n", sys.stdout)
        parser.exit()


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line's parser; given ``command``, only that command's arguments are added.

    Every command is listed (``--help`` and "invalid choice" read the same either way),
    but building the arguments of the seven commands not asked for costs more than
    answering a date, so :func:`main` builds the one it was given.
    """
    parser = _Parser(
        prog=PROG,
        description="When a state's withdrawal from a treaty takes effect, with the article behind each date.",
        epilog="Run 'treatywithdraw example' for the Latvian 2025 Ottawa withdrawal.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show program's version number and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, description, epilog, arguments) in _COMMAND_PARSERS.items():
        p = sub.add_parser(
            name,
            help=summary,
            description=description,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command is None or command == name:
            arguments(p)
    return parser


def _effective_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    p.add_argument(
        "received",
        metavar="RECEIVED",
        help="day of receipt by the depositary, YYYY-MM-DD; or the instant, with its zone "
        "(2025-06-27T23:30+02:00, or Z for UTC), dated in the depositary's time zone",
    )
    _option_flags(p, _EFFECT_OPTIONS)
    p.add_argument("--explain", action="store_true", help="print the derivation, citing the article")
    p.add_argument("--json", action="store_true", help="print a JSON object (see docs/cli.md)")


def _plan_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    p.add_argument(
        "--effective-by", metavar="D", required=True, help="the day the withdrawal must have taken effect by"
    )
    _option_flags(p, _PLAN_OPTIONS)
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/cli.md)")


def _treaties_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/cli.md)")


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/cli.md)")


def _timeline_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a timeline file (docs/procedures.md)")
    p.add_argument(
        "--treaty",
        metavar="TREATY_FILE",
        help="the treaty file of your own that the timeline names (a treaty outside the catalogue)",
    )
    p.add_argument("--as-of", metavar="D", help="the day to report the status on (default: today)")
    p.add_argument(
        "--format",
        choices=["text", "json", "timeline-json", "ics", "mermaid"],
        default="text",
        help="text (default), json (as --json: status, agenda, effect or projection), timeline-json "
        "(the timeline file itself as JSON, to save or edit), ics (iCalendar; needs the 'ics' extra) "
        "or mermaid (a gantt diagram)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print the withdrawal as known on --as-of as JSON: status, recorded steps, agenda "
        "with legal windows, effect or projection (docs/cli.md)",
    )


def _pending_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", metavar="D", help="the day to list from (default: today)")
    p.add_argument(
        "--format",
        choices=["text", "json", "csv", "ics"],
        default="text",
        help="text (default), json, csv or ics",
    )


def _withdrawals_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", metavar="D", help="add each one's status on that day")
    p.add_argument("--format", choices=["csv", "json"], default="csv", help="csv (default) or json")


def _no_arguments(p: argparse.ArgumentParser) -> None:
    pass


_COMMAND_PARSERS: dict[str, tuple[str, str, str, Callable[[argparse.ArgumentParser], None]]] = {
    "effective": (
        "the effective date of a notice received on a day",
        "Print the ISO effective date of a withdrawal notice received by the depositary on RECEIVED.",
        EPILOG_EFFECTIVE,
        _effective_arguments,
    ),
    "plan": (
        "the last receipt day to be out by a date",
        "Print the last day the depositary may receive the notice for the withdrawal to take effect by D.",
        EPILOG_PLAN,
        _plan_arguments,
    ),
    "treaties": (
        "list the catalogue",
        "List every treaty in the catalogue: key and short name.",
        "examples:\n  treatywithdraw treaties\n  treatywithdraw treaties --json",
        _treaties_arguments,
    ),
    "show": (
        "one treaty's clause, convention and sources",
        "Show a treaty's withdrawal clause, counting convention, evidence and sources.",
        "example:\n  treatywithdraw show rome-statute",
        _show_arguments,
    ),
    "timeline": (
        "status, steps and effect of a timeline file",
        "Read a timeline file (TOML or JSON) and print its steps, effect and status.",
        "examples:\n  treatywithdraw timeline seeds/lv-ottawa-2025.toml --as-of 2025-07-01\n"
        "  treatywithdraw timeline seeds/lv-ottawa-2025.toml --format ics > latvia.ics",
        _timeline_arguments,
    ),
    "pending": (
        "the real withdrawals that take effect on or after a day",
        "List the real withdrawals the package knows (seeds and catalogue cases) that take "
        "effect on or after --as-of, in the order they take effect.",
        "examples:\n  treatywithdraw pending --as-of 2026-01-01\n"
        "  treatywithdraw pending --as-of 2026-01-01 --format ics > pending.ics",
        _pending_arguments,
    ),
    "withdrawals": (
        "every real withdrawal the package knows, as CSV or JSON",
        "The register of real withdrawals: the seeds and every evidence case of the catalogue, "
        "with receipt, the stated and the computed effective date, and the source.",
        "examples:\n  treatywithdraw withdrawals > withdrawals.csv\n  treatywithdraw withdrawals --format json",
        _withdrawals_arguments,
    ),
    "example": (
        "the Latvian 2025 Ottawa withdrawal, step by step",
        "Compute Latvia's 2025 withdrawal from the Ottawa Convention and explain the date.",
        "example:\n  treatywithdraw example",
        _no_arguments,
    ),
}


def _option_fields() -> list[Any]:
    import attrs

    from treatywithdraw.options import NoticeOptions

    return list(attrs.fields(NoticeOptions))


# Every notice option is a flag of `effective`, named after the option (--later-date);
# `plan` takes those that shape a plan (the others describe a notice already given).
_EFFECT_OPTIONS = (
    "rounding",
    "party",
    "later_date",
    "party_since",
    "armed_conflicts",
    "apply_vclt56",
    "extended_to",
    "agreement_in_force",
    "provisional",
)
_PLAN_OPTIONS = ("rounding", "party", "party_since", "apply_vclt56", "provisional")


def _option_flags(p: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """One flag per notice option, from the fields of NoticeOptions (help and kind in their metadata)."""
    for field in _option_fields():
        if field.name not in names:
            continue
        meta = field.metadata
        flag = "--" + field.name.replace("_", "-")
        if meta["cli"] == "flag":
            p.add_argument(flag, action="store_true", help=meta["help"])
        elif meta["cli"] == "rounding":
            p.add_argument(flag, choices=["backward", "forward"], help=meta["help"])
        elif meta["cli"] == "conflict":
            p.add_argument(flag, metavar=meta["metavar"], action="append", help=meta["help"])
        else:
            p.add_argument(flag, metavar=meta["metavar"], help=meta["help"])


def _options(args: argparse.Namespace, names: Sequence[str]) -> Any:
    """The notice options given as flags, read by the library's own parsers; errors name the flag."""
    from treatywithdraw.options import NoticeOptions

    values: dict[str, Any] = {}
    for field in _option_fields():
        if field.name not in names:
            continue
        raw = getattr(args, field.name)
        flag = "--" + field.name.replace("_", "-")
        kind = field.metadata["cli"]
        if raw is None or raw is False:
            continue
        if kind == "date":
            values[field.name] = _day(raw, flag)
        elif kind == "text":
            values[field.name] = _party(raw)
        elif kind == "conflict":
            values[field.name] = tuple(_conflict(text, flag) for text in raw)
        else:
            values[field.name] = raw
    return NoticeOptions(**values)


def _conflict(text: str, flag: str) -> tuple[date, date | None]:
    """``START/END`` (ISO 8601 interval), ``START/`` while the conflict goes on."""
    start, sep, end = text.partition("/")
    if not sep:
        raise InvalidArgumentError(
            f"{flag} {text!r} is not START/END: write e.g. {flag} 2022-02-24/ (ongoing) or "
            f"{flag} 2022-02-24/2023-01-31",
            value=text,
            field=flag,
        )
    first = _day(start, f"{flag} start")
    last = _day(end, f"{flag} end") if end.strip() else None
    assert first is not None
    if last is not None and last < first:
        raise InvalidDateError(
            f"{flag} {text!r} ends {last.isoformat()} before it starts {first.isoformat()}",
            value=text,
            field=flag,
        )
    return first, last


def _effect_json(e: Any) -> dict[str, Any]:
    from treatywithdraw.calendars import closed, weekday
    from treatywithdraw.effects import _article

    return {
        "treaty": e.treaty.key,
        "article": _article(e.treaty, e.rule),
        "received": e.received.isoformat(),
        "received_weekday": weekday(e.received),
        "depositary_closed_on_receipt": closed(e.treaty, e.received),
        "expiry": e.expiry.isoformat() if e.expiry else None,
        "effective_date": e.date.isoformat() if e.date else None,
        "effective_weekday": weekday(e.date) if e.date else None,
        "pending": e.pending,
        "convention": e.convention.value if e.convention else None,
        "rounding": e.rounding.value,
        "party": e.party,
        "rule": e.rule,
        "notes": list(e.notes),
        "linked": [
            {
                "treaty": k.key,
                "effective_date": k.date.isoformat() if k.date else None,
                "article": k.link.article,
            }
            for k in e.linked
        ],
        "conditions": [
            {"article": c.article, "condition": c.text, "contested": c.contested or None}
            for c in e.conditions
        ],
    }


def _treaty_json(t: Any) -> dict[str, Any]:
    c = t.clause
    return {
        "key": t.key,
        "name": t.name,
        "short_name": t.short_name,
        "aliases": list(t.aliases),
        "category": t.category,
        "adopted": _plain(t.adopted),
        "entry_into_force": _plain(t.entry_into_force),
        "depositary": t.depositary.name,
        "depositary_kind": t.depositary.kind,
        "time_zone": t.depositary.time_zone,
        "article": c.article,
        "kind": c.kind.value,
        "notice_period": str(c.notice_period) if c.notice_period else None,
        "convention": c.convention.value if c.convention else None,
        "verification": c.verification.value,
        "minimum_participation": _plain(c.minimum_participation),
        "party_terms": _plain(c.party_terms),
        "evidence": t.evidence.summary(),
        "cases": _plain(t.evidence.cases),
        "sources": [s.url for s in t.sources],
        "source_details": _plain(t.sources),
        "provisional": _provisional_json(c.provisional),
        "linked": [link.key for link in c.linked],
        "conditions": [
            {"article": k.article, "party": k.party or None, "condition": k.text} for k in c.conditions
        ],
    }


def _provisional_json(prov: Any) -> dict[str, Any] | None:
    if prov is None:
        return None
    return {
        "article": prov.article,
        "notice_period": str(prov.notice_period),
        "convention": prov.convention.value,
        "parties": list(prov.parties),
    }


JSON_SCHEMA_VERSION = 1
"""The ``schema_version`` of every JSON object the command line prints (docs/json.md).

Raised when a field is removed or renamed or its meaning changes; a new field keeps it.
"""


def _plain(value: object) -> Any:
    """A library value as JSON-ready data: attrs classes field by field, enums by value, ISO days and periods."""
    import attrs

    from treatywithdraw.periods import Period

    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Period):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}  # type: ignore[arg-type]
    return str(value)


def _versioned(value: object) -> object:
    """Each JSON object printed (a list's items one by one) with its ``schema_version`` first."""
    if isinstance(value, dict):
        return {"schema_version": JSON_SCHEMA_VERSION, **value}
    if isinstance(value, list):
        return [_versioned(v) for v in value]
    return value  # pragma: no cover - every command prints an object or a list of them


def _dump(value: object) -> None:
    import json

    print(json.dumps(_versioned(value), indent=2, ensure_ascii=False, sort_keys=True))


def _day(value: str | None, name: str) -> date | None:
    """A date argument, read as the library reads it, with errors naming the argument's flag."""
    from treatywithdraw._dates import as_date

    return None if value is None else as_date(value, name)


def _instant(value: object, name: str) -> datetime | None:
    """A date-time with its zone (``2025-06-27T23:30+02:00``), or ``None`` for a plain day.

    The library dates it in the depositary's zone (VCLT Art. 78(b): receipt is a day
    there). A time without a zone is refused: whose day would it be?
    """
    if not isinstance(value, str) or "T" not in value.upper():  # argparse gives a list after '--' '--'
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidDateError(
            f"{name} {value!r} is not an ISO date-time: write YYYY-MM-DDTHH:MM with its zone, "
            "e.g. 2025-06-27T23:30+02:00 (or Z for UTC), or the day alone, YYYY-MM-DD",
            value=value,
            field=name,
        ) from None
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise InvalidDateError(
            f"{name} {value!r} has a time but no zone, so its day is unknown: add the offset "
            f"({value}+02:00, or {value}Z for UTC), or give the depositary's day alone, YYYY-MM-DD",
            value=value,
            field=name,
        )
    return instant


def _party(value: str | None) -> str | None:
    """The ``--party`` code, upper-cased; an error names the flag."""
    from treatywithdraw._inputs import party_code

    if value is None:
        return None
    try:
        return party_code(value)
    except InvalidArgumentError:
        raise InvalidArgumentError(
            f"--party {value!r} is not an ISO 3166-1 alpha-2 code: pass e.g. --party LV",
            value=value,
            field="party",
        ) from None


@contextmanager
def _within_the_calendar(given: dict[str, date | None]) -> Iterator[None]:
    """Name the dates the user gave when the arithmetic leaves years 1-9999.

    The library's message names the intermediate date it was adding to; on the command
    line, the fix is to change one of the dates given.
    """
    try:
        yield
    except InvalidDateError as exc:
        if exc.field != "date":  # not the arithmetic: an input, already named
            raise
        dates = ", ".join(f"{name} {day.isoformat()}" for name, day in given.items() if day is not None)
        raise InvalidDateError(
            f"{exc}: no answer within years 1-9999 for {dates}; give a date further from the ends of the calendar",
            value=exc.value,
            field=exc.field,
        ) from None


def _run(args: argparse.Namespace) -> int:
    import treatywithdraw as tw

    if args.command == "effective":
        instant = _instant(args.received, "RECEIVED")
        received = _day(args.received, "RECEIVED") if instant is None else instant.date()
        assert received is not None  # a positional argument
        options = _options(args, _EFFECT_OPTIONS)
        given = {"RECEIVED": received} | {
            "--" + k.replace("_", "-"): v for k, v in options.given().items() if isinstance(v, date)
        }
        with _within_the_calendar(given):
            e = tw.effect(_treaty_arg(args.treaty), received if instant is None else instant, options=options)
        if not args.json:
            _closed_note(
                e.treaty, e.received, "the receipt day", "was the notification received, and dated, that day?"
            )
        if args.json:
            record = _effect_json(e)
            if args.explain:
                steps = e.derivation()
                record["explanation"] = [step.line for step in steps]
                record["derivation"] = [step.to_record() for step in steps]
            _dump(record)
        elif args.explain:
            print(e.explain())
        elif e.date is not None:
            print(e.date.isoformat())
        if e.date is None:
            if not args.json and not args.explain:
                _error(f"no effective date yet: {e.pending}")
            return 1
        return 0
    if args.command == "plan":
        effective_by = _day(args.effective_by, "--effective-by")
        assert effective_by is not None  # argparse requires --effective-by
        options = _options(args, _PLAN_OPTIONS)
        with _within_the_calendar({"--effective-by": effective_by}):
            t = _treaty_arg(args.treaty)
            day = tw.latest_receipt_date(t, effective_by, options=options)
        if args.json:
            from treatywithdraw.calendars import closed, weekday

            _dump(
                {
                    "treaty": t.key,
                    "effective_by": effective_by.isoformat(),
                    "latest_receipt_date": day.isoformat(),
                    "latest_receipt_weekday": weekday(day),
                    "depositary_closed": closed(t, day),
                }
            )
        else:
            print(day.isoformat())
            _closed_note(t, day, "the last receipt day", "deliver the notification on an earlier working day")
        return 0
    if args.command == "treaties":
        items = tw.treaties()
        if args.json:
            _dump([_treaty_json(t) for t in items])
        else:
            width = max(len(t.key) for t in items)
            for t in items:
                print(f"{t.key:<{width}}  {t.short_name}")
        return 0
    if args.command == "show":
        t = _treaty_arg(args.treaty)
        if args.json:
            _dump(_treaty_json(t) | {"text": t.clause.text, "clause": _plain(t.clause)})
        else:
            _print_treaty(t)
        return 0
    if args.command == "example":
        return _example(date.today())
    if args.command == "pending":
        return _pending(args)
    if args.command == "withdrawals":
        from treatywithdraw.register import withdrawals, withdrawals_csv

        as_of = _day(args.as_of, "--as-of")
        if args.format == "json":
            _dump([r.to_record(as_of) for r in withdrawals()])
        else:
            print(withdrawals_csv(as_of), end="")
        return 0
    if args.command == "timeline":
        return _timeline(args)
    raise AssertionError(args.command)  # pragma: no cover


def _closed_note(t: Any, day: date, what: str, advice: str) -> None:
    """A note on stderr when the depositary's office may be closed on ``day`` (the date itself stands)."""
    from treatywithdraw.calendars import closed

    reason = closed(t, day)
    if reason is not None:
        print(
            f"{PROG}: note: {what}, {day.isoformat()}, is a day the depositary's office may be closed "
            f"({reason}); the date is not moved: {advice}",
            file=sys.stderr,
        )


TREATY_HELP = "catalogue key or alias, e.g. ottawa; or a treaty file of your own, e.g. ./my-treaty.toml"


def _treaty_arg(text: str) -> Any:
    """A catalogue key, or a user's own treaty file when the argument is a .toml path (as tw.treaty reads it)."""
    from treatywithdraw.catalogue import treaty

    return treaty(text)


def _print_treaty(t: Any) -> None:
    c = t.clause
    print(f"{t.short_name} ({t.key})")
    print(f"  {t.name}")
    print(f"  aliases:     {', '.join(t.aliases) or '-'}")
    print(f"  depositary:  {t.depositary.name} ({t.depositary.time_zone})")
    print(f"  article:     {c.article}")
    if c.notice_period is not None:
        print(f"  notice:      {c.notice_period.describe()}, convention {c.convention.value}")
    if c.minimum_participation is not None:
        mp = c.minimum_participation
        since = "for the party" if mp.anchor.value == "party" else "of the treaty"
        print(f"  notice only: {mp.period.describe()} after entry into force {since}")
    for terms in c.party_terms:
        print(
            f"  terms for {terms.party}: {terms.notice_period.describe()}, convention {terms.convention.value} "
            f"({terms.source}, read {terms.read_on.isoformat()})"
        )
    prov = c.provisional
    if prov is not None:
        signatories = ", ".join(prov.parties) or "-"
        print(
            f"  provisional: {prov.article}, {prov.notice_period.describe()}, convention {prov.convention.value}"
        )
        print(f"               signatories applying it provisionally: {signatories} (others: --provisional)")
    for link in c.linked:
        print(f"  linked:      {link.key} goes with it, the same day ({link.article})")
    for condition in c.conditions:
        whose = f" [{condition.party}]" if condition.party else ""
        print(f"  condition:   {condition.article}{whose}: {condition.text}")
    print(f"  evidence:    {t.evidence.summary()}")
    print(f"  clause ({c.verification.value}):")
    for line in c.text.strip().splitlines():
        print(f"    {line}")
    for s in t.sources:
        print(f"  source: {s.url} (read {s.read_on.isoformat()})")


def _example(as_of: date) -> int:
    """The README's main job: Latvia, Ottawa Convention, 2025."""
    from treatywithdraw.formats import load_timeline
    from treatywithdraw.timeline import Withdrawal

    withdrawal = load_timeline("lv-ottawa-2025")  # a seed shipped with the package, by name
    assert isinstance(withdrawal, Withdrawal)  # the seed is a withdrawal, not a suspension
    print(withdrawal.explain(as_of=as_of))
    return 0


def _pending(args: argparse.Namespace) -> int:
    from treatywithdraw.register import pending

    as_of = _day(args.as_of, "--as-of") or date.today()
    found = pending(as_of)
    if args.format == "json":
        _dump([r.to_record(as_of) for r in found])
    elif args.format == "csv":
        import csv
        import io

        out = io.StringIO()
        rows = [r.to_record(as_of) for r in found]
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(out.getvalue(), end="")
    elif args.format == "ics":
        from treatywithdraw.formats import to_ics

        print(to_ics([r.timeline for r in found], as_of=as_of), end="")
    else:
        for r in found:
            assert r.computed is not None
            print(
                f"{r.computed.isoformat()}  {r.party}  {r.treaty.short_name} ({r.treaty.key})  received "
                f"{r.received.isoformat() if r.received else '?'}  [{r.origin}]"
            )
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from treatywithdraw.formats import load_timeline, timeline_to_json
    from treatywithdraw.timeline import Withdrawal

    as_of = _day(args.as_of, "--as-of")
    own = None if args.treaty is None else _treaty_arg(args.treaty)
    loaded = load_timeline(args.file, treaty=own)  # refuses a file over MAX_TIMELINE_BYTES before parsing it
    if args.json or args.format == "json":
        if not isinstance(loaded, Withdrawal):
            print(loaded.explain())
            return 1
        from treatywithdraw.view import view

        _dump(view(loaded, as_of or date.today()).to_record())
        return 0
    if args.format == "timeline-json":  # the file's own format, versioned by its `schema` field
        print(timeline_to_json(loaded), end="")
    elif not isinstance(loaded, Withdrawal):  # a suspension (Ukraine, 2025): no effective date
        print(loaded.explain())
        return 1
    elif args.format == "ics":
        from treatywithdraw.formats import to_ics

        print(to_ics(loaded, as_of=as_of), end="")
    elif args.format == "mermaid":
        from treatywithdraw.formats import timeline_gantt

        print(timeline_gantt(loaded, as_of=as_of), end="")
    else:
        print(loaded.explain(as_of=as_of or date.today()))
    return 0


_COMMANDS = tuple(_COMMAND_PARSERS)

_CONTROL = {i: f"\\x{i:02x}" for i in [*range(32), 127]} | {10: "\\n", 13: "\\r", 9: " "}


def _rendered(exc: TreatyWithdrawError) -> str:
    r"""An error in the command line's words, from its attributes (no message is rewritten).

    Fixes are spelled as flags (``--rounding backward``); an unknown treaty points at the
    ``treaties`` command.

    >>> from treatywithdraw.errors import AmbiguousDateError
    >>> _rendered(AmbiguousDateError("2025-08-31 + 6 months has no such day", (date(2026, 2, 28), date(2026, 3, 1))))
    '2025-08-31 + 6 months has no such day: pass --rounding backward (2026-02-28) or --rounding forward (2026-03-01)'
    """
    from treatywithdraw._dates import shown
    from treatywithdraw.errors import UnknownTreatyError

    if isinstance(exc, UnknownTreatyError) and not exc.suggestions:
        text = f"no treaty {shown(exc.key)} in the catalogue: '{PROG} treaties' lists every key"
        if exc.left_out:
            text += f" (the catalogue left out {', '.join(exc.left_out)}: see the warnings above)"
        return text
    return exc.render("cli")


_JSON_ERRORS: ContextVar[bool] = ContextVar("json_errors", default=False)
"""Whether this run was asked for ``--json``: its errors and warnings are then JSON too."""


def _error(message: str, kind: str = "UsageError", exc: TreatyWithdrawError | None = None) -> None:
    """One line on standard error: ``treatywithdraw: message``, or under ``--json`` a JSON object.

    The JSON object (one per line, ASCII only) holds ``error`` (the error class, or
    ``UsageError``; a warning has ``warning`` instead), ``message``, and for the library's
    errors the ``field`` and ``value`` at fault and the ``fixes`` it proposes.
    """
    if _JSON_ERRORS.get():
        key = "warning" if kind == "CatalogueWarning" else "error"
        record: dict[str, object] = {"schema_version": JSON_SCHEMA_VERSION, key: kind, "message": message}
        if exc is not None:
            record["field"] = exc.field
            record["value"] = None if exc.value is None else _json_value(exc.value)
            record["fixes"] = [fix.spelled("cli") for fix in exc.fixes]
        import json

        line = json.dumps(record, ensure_ascii=True, sort_keys=True)
    else:
        line = f"{PROG}: {message.translate(_CONTROL)}"
    if sys.stderr is None or getattr(sys.stderr, "closed", False):
        return  # no standard error: print() would write to standard output instead
    try:
        print(line, file=sys.stderr)
    except UnicodeEncodeError:  # stderr cannot carry a character of the message: escape it
        print(line.encode("ascii", "backslashreplace").decode("ascii"), file=sys.stderr)
    except OSError:  # no stderr to write to: nothing more can be said
        pass


def _json_value(value: object) -> object:
    """``value`` as JSON can carry it: ISO text for days, the value itself for plain scalars, else its repr."""
    from treatywithdraw._dates import shown

    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str | bool | float) or (isinstance(value, int) and abs(value) < 2**53):
        return value
    return shown(value)


def _usage_error(exc: _UsageError, argv: Sequence[str]) -> None:
    """One line: argparse's message and where the usage is (argparse would print the usage too)."""
    prog, hint = exc.prog, ""
    if prog == PROG and argv and argv[0] in _COMMANDS:  # unrecognized arguments after a command
        prog = f"{PROG} {argv[0]}"
    elif prog == PROG and exc.message.startswith("argument COMMAND: invalid choice: "):  # a mistyped command
        import difflib

        typed = next((w for w in argv if not w.startswith("-")), "")
        close = difflib.get_close_matches(typed.lower(), _COMMANDS, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
    _error(f"{exc.message}: {hint}see '{prog} --help'", "UsageError")


def _words(argv: object) -> tuple[list[str] | None, str]:
    """``argv`` as a list of command-line words, or what is wrong with it."""
    if isinstance(argv, str | bytes):
        return None, f"not one {type(argv).__name__} {argv[:60]!r}"
    if not isinstance(argv, Iterable):
        return None, f"not {type(argv).__name__}"
    words = list(argv)
    for i, word in enumerate(words):
        if not isinstance(word, str):
            return None, f"but argument {i} is {type(word).__name__}"
    return words, ""


def run() -> NoReturn:
    """The ``treatywithdraw`` program: :func:`main` in a process of its own, its result the exit status.

    A run is one short process, so the cyclic garbage collector is switched off for it:
    the modules, classes and functions its imports allocate are never garbage, and a
    collection walking them (one during the imports, one at exit) cost about a tenth of
    a one-date run (``docs/performance.md``). Memory is still freed as ever by reference
    counting; what a collection would find is the rare reference cycle, and every input
    is capped in size, so a run leaves at most a bounded amount uncollected. The objects
    are frozen before exit, so the interpreter's last collection skips them too. Called
    as a function, :func:`main` leaves the collector alone.
    """
    import gc

    gc.disable()
    try:
        code = main()
    finally:
        gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    ``argv`` is the list of arguments after the program name (``sys.argv[1:]`` when
    ``None``).
    """
    if argv is None:
        argv = sys.argv[1:]
    words, problem = _words(argv)
    if words is None:
        _error(
            f"the arguments must be a list of strings, {problem}: e.g. main(['effective', 'ottawa', '2025-06-27'])"
        )
        return 2
    argv = words
    if sys.stdout is None or getattr(sys.stdout, "closed", False):
        # Every answer would be lost: say so, rather than exit 0 or fail at the first write.
        _error("standard output is closed, so the answer cannot be written: run with an open output", "OutputError")
        return 2
    token = _JSON_ERRORS.set("--json" in argv)
    out, sys.stdout = sys.stdout, _Escaping(sys.stdout)
    try:
        return _main(argv)
    finally:
        sys.stdout = out
        _JSON_ERRORS.reset(token)


class _Escaping:
    """Standard output with control characters escaped (``\\x1b``), whatever prints to it.

    A treaty file of one's own, a note or a source can hold a terminal escape sequence;
    every answer goes through here, so none reaches the screen as a command.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from treatywithdraw._display import escape_controls

        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _main(argv: list[str]) -> int:
    # The command is the first word that is not a flag (the top level has no flag taking a value).
    parser = _parser(next((word for word in argv if not word.startswith("-")), ""))
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        _usage_error(exc, argv)
        return 2
    except SystemExit as exc:  # --help and --version exit 0 through argparse
        return int(exc.code or 0)
    if args.command is None:
        _error(f"no command given: use one of {', '.join(_COMMANDS)}; see '{PROG} --help'", "UsageError")
        return 2
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CatalogueWarning)
            code = _run(args)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not after main returns
            return code
    except NO_SINGLE_ANSWER as exc:
        _error(_rendered(exc), type(exc).__name__, exc)
        return 1
    except TreatyWithdrawError as exc:
        _error(_rendered(exc), type(exc).__name__, exc)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:
        _error("interrupted", "Interrupted")
        return 130
    except UnicodeEncodeError as exc:  # the terminal or pipe cannot carry the answer's characters
        _error(
            f"the output cannot be written in the {exc.encoding!r} encoding of standard output: "
            "set PYTHONIOENCODING=utf-8 (or a UTF-8 locale) and run again",
            "OutputError",
        )
        return 2
    except MemoryError:
        _error("out of memory: the input is too large to answer; check the files given", "OutOfMemory")
        return 2
    except OSError as exc:  # writing the answer failed: a full disk, a closed or broken output
        _error(f"cannot write the answer ({exc.strerror or exc}): check where the output goes", "OutputError")
        return 2
    finally:
        # A broken catalogue file: one line each, after the answer; other warnings as usual.
        for w in caught:
            if issubclass(w.category, CatalogueWarning):
                _error(
                    f"warning: {w.message}" if not _JSON_ERRORS.get() else str(w.message), "CatalogueWarning"
                )
            else:  # pragma: no cover - the library itself warns only about the catalogue
                warnings.showwarning(w.message, w.category, w.filename, w.lineno)
