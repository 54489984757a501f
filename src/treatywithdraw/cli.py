"""The command line: ``treatywithdraw`` and ``python -m treatywithdraw``.

The only module that prints or reads today's date. Exit codes:

- ``0`` success;
- ``1`` the law gives no single answer (an ambiguous month end, an effect pending on a
  condition, notice not allowed, no withdrawal clause);
- ``2`` bad input or usage.

Errors are one line on stderr naming the value and the fix, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from treatywithdraw.errors import (
    AmbiguousDateError,
    EffectPendingError,
    NoticeNotAllowedError,
    NoWithdrawalClauseError,
    TimelineFileError,
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treatywithdraw",
        description="When a state's withdrawal from a treaty takes effect, with the article behind each date.",
        epilog="Run 'treatywithdraw example' for the Latvian 2025 Ottawa withdrawal.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "effective",
        help="the effective date of a notice received on a day",
        description="Print the ISO effective date of a withdrawal notice received by the depositary on RECEIVED.",
        epilog=EPILOG_EFFECTIVE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("treaty", metavar="TREATY", help="catalogue key or alias, e.g. ottawa")
    p.add_argument("received", metavar="RECEIVED", help="day of receipt by the depositary, YYYY-MM-DD")
    p.add_argument("--party", metavar="CC", help="ISO 3166-1 alpha-2 code of the withdrawing state")
    p.add_argument(
        "--rounding", choices=["backward", "forward"], help="month-end rounding when the day does not exist"
    )
    p.add_argument("--later-date", metavar="D", help="a later date named in the notification")
    p.add_argument(
        "--party-since", metavar="D", help="entry into force for the party (checks minimum participation)"
    )
    p.add_argument(
        "--apply-vclt56", action="store_true", help="for a treaty without a clause, apply VCLT Art. 56(2)"
    )
    p.add_argument("--explain", action="store_true", help="print the derivation, citing the article")
    p.add_argument("--json", action="store_true", help="print a JSON object (see docs/cli.md)")

    p = sub.add_parser(
        "plan",
        help="the last receipt day to be out by a date",
        description="Print the last day the depositary may receive the notice for the withdrawal to take effect by D.",
        epilog=EPILOG_PLAN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("treaty", metavar="TREATY")
    p.add_argument(
        "--effective-by", metavar="D", required=True, help="the day the withdrawal must have taken effect by"
    )
    p.add_argument("--rounding", choices=["backward", "forward"])
    p.add_argument("--party", metavar="CC")
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/cli.md)")

    p = sub.add_parser(
        "treaties",
        help="list the catalogue",
        description="List every treaty in the catalogue: key and short name.",
        epilog="examples:\n  treatywithdraw treaties\n  treatywithdraw treaties --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/cli.md)")

    p = sub.add_parser(
        "show",
        help="one treaty's clause, convention and sources",
        description="Show a treaty's withdrawal clause, counting convention, evidence and sources.",
        epilog="example:\n  treatywithdraw show rome-statute",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("treaty", metavar="TREATY")
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/cli.md)")

    p = sub.add_parser(
        "timeline",
        help="status, steps and effect of a timeline file",
        description="Read a timeline file (TOML or JSON) and print its steps, effect and status.",
        epilog="examples:\n  treatywithdraw timeline seeds/lv-ottawa-2025.toml --as-of 2025-07-01\n"
        "  treatywithdraw timeline seeds/lv-ottawa-2025.toml --format ics > latvia.ics",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="a timeline file (docs/procedures.md)")
    p.add_argument("--as-of", metavar="D", help="the day to report the status on (default: today)")
    p.add_argument(
        "--format",
        choices=["text", "json", "ics", "mermaid"],
        default="text",
        help="text (default), json (docs: the timeline file format), ics (iCalendar; needs the "
        "'ics' extra) or mermaid (a gantt diagram)",
    )

    sub.add_parser(
        "example",
        help="the Latvian 2025 Ottawa withdrawal, step by step",
        description="Compute Latvia's 2025 withdrawal from the Ottawa Convention and explain the date.",
        epilog="example:\n  treatywithdraw example",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _effect_json(e: Any) -> dict[str, Any]:
    return {
        "treaty": e.treaty.key,
        "article": e.treaty.clause.article,
        "received": e.received.isoformat(),
        "expiry": e.expiry.isoformat() if e.expiry else None,
        "effective_date": e.date.isoformat() if e.date else None,
        "pending": e.pending,
        "convention": e.convention.value if e.convention else None,
        "rounding": e.rounding.value,
        "party": e.party,
        "rule": e.rule,
        "notes": list(e.notes),
    }


def _treaty_json(t: Any) -> dict[str, Any]:
    c = t.clause
    return {
        "key": t.key,
        "name": t.name,
        "short_name": t.short_name,
        "aliases": list(t.aliases),
        "depositary": t.depositary.name,
        "time_zone": t.depositary.time_zone,
        "article": c.article,
        "kind": c.kind.value,
        "notice_period": str(c.notice_period) if c.notice_period else None,
        "convention": c.convention.value if c.convention else None,
        "verification": c.verification.value,
        "evidence": t.evidence.summary(),
        "sources": [s.url for s in t.sources],
    }


def _dump(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))


def _run(args: argparse.Namespace) -> int:
    import treatywithdraw as tw

    if args.command == "effective":
        e = tw.effect(
            args.treaty,
            args.received,
            rounding=args.rounding,
            party=args.party,
            later_date=args.later_date,
            party_since=args.party_since,
            apply_vclt56=args.apply_vclt56,
        )
        if args.json:
            _dump(_effect_json(e))
        elif args.explain:
            print(e.explain())
        elif e.date is not None:
            print(e.date.isoformat())
        if e.date is None:
            if not args.json and not args.explain:
                print(f"treatywithdraw: no effective date yet: {e.pending}", file=sys.stderr)
            return 1
        return 0
    if args.command == "plan":
        day = tw.latest_receipt_date(args.treaty, args.effective_by, rounding=args.rounding, party=args.party)
        if args.json:
            _dump(
                {
                    "treaty": tw.treaty(args.treaty).key,
                    "effective_by": args.effective_by,
                    "latest_receipt_date": day.isoformat(),
                }
            )
        else:
            print(day.isoformat())
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
        t = tw.treaty(args.treaty)
        if args.json:
            _dump(_treaty_json(t) | {"text": t.clause.text})
        else:
            _print_treaty(t)
        return 0
    if args.command == "example":
        return _example(date.today())
    if args.command == "timeline":
        return _timeline(args)
    raise AssertionError(args.command)  # pragma: no cover


def _print_treaty(t: Any) -> None:
    c = t.clause
    print(f"{t.short_name} ({t.key})")
    print(f"  {t.name}")
    print(f"  aliases:     {', '.join(t.aliases) or '-'}")
    print(f"  depositary:  {t.depositary.name} ({t.depositary.time_zone})")
    print(f"  article:     {c.article}")
    if c.notice_period is not None:
        print(f"  notice:      {c.notice_period.describe()}, convention {c.convention.value}")
    print(f"  evidence:    {t.evidence.summary()}")
    print(f"  clause ({c.verification.value}):")
    for line in c.text.strip().splitlines():
        print(f"    {line}")
    for s in t.sources:
        print(f"  source: {s.url} (read {s.read_on.isoformat()})")


def _seed(name: str) -> Path:
    """A seed timeline: shipped in the wheel, or at the root of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "seeds" / name, here.parent.parent / "seeds" / name):
        if candidate.is_file():
            return candidate
    raise TimelineFileError(f"the example timeline {name} is not installed: reinstall treatywithdraw")


def _example(as_of: date) -> int:
    """The README's main job: Latvia, Ottawa Convention, 2025."""
    from treatywithdraw.formats import load_timeline
    from treatywithdraw.timeline import Withdrawal

    withdrawal = load_timeline(_seed("lv-ottawa-2025.toml"))
    assert isinstance(withdrawal, Withdrawal)  # the seed is a withdrawal, not a suspension
    print(withdrawal.explain(as_of=as_of))
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from treatywithdraw.formats import load_timeline, timeline_to_json
    from treatywithdraw.timeline import Withdrawal

    loaded = load_timeline(args.file)
    if args.format == "json":
        print(timeline_to_json(loaded), end="")
    elif not isinstance(loaded, Withdrawal):  # a suspension (Ukraine, 2025): no effective date
        print(loaded.explain())
        return 1
    elif args.format == "ics":
        from treatywithdraw.formats import to_ics

        print(to_ics(loaded, as_of=args.as_of), end="")
    elif args.format == "mermaid":
        from treatywithdraw.formats import timeline_gantt

        print(timeline_gantt(loaded, as_of=args.as_of), end="")
    else:
        print(loaded.explain(as_of=args.as_of or date.today()))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return _run(args)
    except NO_SINGLE_ANSWER as exc:
        print(f"treatywithdraw: {exc}", file=sys.stderr)
        return 1
    except TreatyWithdrawError as exc:
        print(f"treatywithdraw: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
