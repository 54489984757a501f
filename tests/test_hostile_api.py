"""Hostile input, everywhere: garbage into every public callable, only our errors out.

Each public function, constructor and method of the Python API is called with arguments
drawn from a mix of valid values (so calls get deep into the code: a valid treaty with a
garbage date, a valid withdrawal with a garbage step) and garbage: wrong types, ``None``,
empty strings, non-ISO and impossible dates, naive and far-offset datetimes, the ends of
the calendar, unknown treaty keys and party codes, extreme periods. A call must either
return or raise a :class:`~treatywithdraw.TreatyWithdrawError` subclass whose message is
one non-empty line naming the bad value; never ``TypeError``, ``KeyError``,
``AttributeError``, a foreign ``ValueError``, ``OverflowError`` or ``RecursionError``.

``test_every_public_callable_is_fuzzed`` fails when a name joins ``treatywithdraw.__all__``
(or a public method joins a public class) without a target here, so the fuzzed surface
cannot silently shrink. ``parse_timeline``, ``load_timeline`` and ``timeline_from_json``
read files and are fuzzed in ``tests/test_hostile_files.py``.
"""

from __future__ import annotations

import inspect
import math
import pickle
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache, partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import treatywithdraw as tw
from treatywithdraw import catalogue, procedures
from treatywithdraw._dates import shown
from treatywithdraw.procedures import Step

# -- garbage ------------------------------------------------------------------------------

HUGE = 10**5000  # its repr() alone raises ValueError (sys.int_info.str_digits_check_threshold)

_BAD_DATE_TEXT = [
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "2025-06-00",
    "2025-06-31",
    "2023-02-29",
    "0000-01-01",
    "10000-01-01",
    "-001-01-01",
    "27/06/2025",
    "06/27/2025",
    "2025/06/27",
    "2025-6-27",
    "20250627",
    "2025-06-27T12:00",
    "2025-06-27T12:00:00+02:00",
    "2025-W26-5",
    "2025-178",
    "２０２５-０６-２７",
    "2025-06-27\x00",
    " 2025-06-27\n",
    "yesterday",
    "P6M",
    "-",
    "----------",
]

_BAD_KEYS = [
    "",
    " ",
    "otawa",
    "OTTAWA ",
    "no-such-treaty",
    "ottawa\x00",
    "../ottawa",
    "ottawa.toml",
    "ÖTTAWA",
    "x" * 300,
]
_BAD_PARTIES = [
    "",
    " ",
    "LVA",
    "L",
    "L1",
    "12",
    "ZZ",
    "XX",
    "UA",
    "lv\n",
    "ÄÖ",
    "Latvia!",
    "\x00\x00",
    "GENERIC ",
]


def _tz(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


aware_datetimes = st.builds(
    lambda d, offset: datetime.combine(d, datetime.min.time(), _tz(offset)).replace(hour=offset % 24),
    st.dates(),
    st.integers(-(24 * 60 - 1), 24 * 60 - 1),
)
calendar_ends = st.sampled_from(
    [
        date.min,
        date.max,
        date(1, 1, 2),
        date(9999, 12, 30),
        date(9999, 12, 1),
        date(9999, 7, 1),
        date(9998, 12, 31),
        datetime.min.replace(tzinfo=_tz(23 * 60 + 59)),
        datetime.max.replace(tzinfo=_tz(-(23 * 60 + 59))),
        datetime.min.replace(tzinfo=UTC),
        datetime.max.replace(tzinfo=UTC),
        datetime.max.replace(tzinfo=_tz(23 * 60 + 59)),
        datetime.min.replace(tzinfo=_tz(-(23 * 60 + 59))),
    ]
)


class _Weird:
    """An object that is none of the things the library reads."""

    def __repr__(self) -> str:
        return "<weird>"


class _BadRepr:
    """An object whose repr() raises: a message must still be built."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    __str__ = __repr__


atoms = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\t\n", "None", "null", "0", "true"]),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**63, -(2**63), 10**30, -(10**30)]),
    # builds(), not just(): Hypothesis prints the strategy, and these values have no repr.
    st.builds(lambda: HUGE),
    st.builds(_BadRepr),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 1e308]),
    st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=10),
    st.binary(max_size=12),
    st.just(b"2025-06-27"),
    st.just(bytearray(b"2025-06-27")),
    st.text(max_size=12),
    st.sampled_from(_BAD_DATE_TEXT),
    st.sampled_from(_BAD_KEYS),
    st.sampled_from(_BAD_PARTIES),
    st.builds(_Weird),
    st.just(object()),
    st.just(Ellipsis),
    st.just(NotImplemented),
    st.just(print),
    st.just(int),
    st.just(Path("ottawa.toml")),
    st.datetimes(),  # naive
    aware_datetimes,
    calendar_ends,
    st.sampled_from(list(Step)),
    st.sampled_from(list(tw.Rounding)),
    st.sampled_from(list(tw.Convention)),
    st.just(timedelta(days=1)),
    st.just(tw.Period(months=6)),
    st.just(tw.Period(years=10**6)),
    st.just(tw.Period(days=-(10**12))),
)
garbage = st.one_of(
    atoms,
    st.lists(atoms, max_size=3),
    st.tuples(atoms, atoms),
    st.dictionaries(st.text(max_size=4), atoms, max_size=3),
    st.frozensets(st.integers(), max_size=3),
    st.builds(lambda: iter([1, 2])),
    st.just(range(3)),
)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def mix(*valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Valid values about two draws in three, garbage the rest."""
    return st.one_of(*valid, *valid, garbage)


# -- valid values ---------------------------------------------------------------------------


@cache
def treaty_names() -> tuple[str, ...]:
    return tuple(name for t in tw.treaties() for name in (t.key, *t.aliases))


valid_treaties = st.one_of(
    st.sampled_from(
        ["ottawa", "icsid", "unesco", "paris", "genocide", "coe-statute", "who", "vclt", "cfe", "teu"]
    ),
    st.deferred(lambda: st.sampled_from(treaty_names())),
    st.deferred(lambda: st.sampled_from(tw.treaties())),
    st.sampled_from(["Ottawa", " mine_ban ", "MINE BAN"]),
)
valid_days = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(),
    calendar_ends,
)
valid_dates = st.one_of(
    valid_days,
    valid_days.map(lambda d: d.isoformat()),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(lambda d: f" {d.isoformat()} "),
    aware_datetimes,
)
valid_parties = st.sampled_from(["LV", "lt", " ee ", "PL", "FI", "US", "ZA", "AR", "UA", "RU"])
valid_roundings = st.one_of(
    st.none(),
    st.sampled_from(["backward", "forward", "raise", " Backward "]),
    st.sampled_from(list(tw.Rounding)),
)
valid_steps = st.one_of(st.sampled_from(list(Step)), st.sampled_from([s.value for s in Step]))
valid_procedures = st.one_of(
    st.sampled_from(["LV", "lva", "Latvia", "generic", "PL", "FI", "EE", "LT"]),
    st.deferred(lambda: st.sampled_from(procedures.procedures())),
)
valid_periods = st.one_of(
    st.builds(
        tw.Period, years=st.integers(-30, 30), months=st.integers(-400, 400), days=st.integers(-5000, 5000)
    ),
    st.builds(
        tw.Period,
        years=st.integers(-(10**6), 10**6),
        months=st.integers(-(10**8), 10**8),
        days=st.integers(-(10**10), 10**10),
    ),
    st.sampled_from([tw.Period(), tw.Period(days=10**9), tw.Period(months=-(10**9)), tw.Period(years=9999)]),
)
# An end before its start is left in: it must raise our error.
valid_conflicts = st.lists(st.tuples(valid_dates, st.one_of(st.none(), valid_dates)), max_size=3)
period_texts = st.one_of(
    st.from_regex(r"\A-?P(\d{1,4}Y)?(\d{1,4}M)?(\d{1,4}W)?(\d{1,4}D)?\Z"),
    st.sampled_from(
        [
            "P",
            "-P",
            "P6M",
            "p6m",
            "P1Y6M",
            "P2W",
            "P" + "9" * 5000 + "D",
            "P99999999999999999999Y",
            "PT6H",
            "P6.5M",
            "6 months",
        ]
    ),
)


@cache
def withdrawals() -> tuple[tw.Withdrawal, ...]:
    """Withdrawals in every state, built once: valid receivers for method calls."""
    lv = tw.Withdrawal.start(party="LV", treaty="ottawa")
    lv1 = lv.record("parliament-approval", "2025-04-16")
    lv3 = lv1.record("head-of-state-act", "2025-04-24").record("instrument-deposited", "2025-06-27")
    pl = (
        tw.Withdrawal.start(party="PL", treaty="ottawa")
        .record("parliament-approval", "2025-06-25")
        .record("senate-approval", None)
        .record("head-of-state-act", None)
    )
    generic = tw.Withdrawal.start(party="TV", treaty="icsid")
    conflict = tw.Withdrawal.start(
        party="FI", treaty="ottawa", armed_conflicts=[("2022-02-24", None)]
    ).replay(
        [
            tw.Event(step=Step.GOVERNMENT_DECISION, on=date(2025, 3, 1)),
            tw.Event(step=Step.PARLIAMENT_APPROVAL, on=date(2025, 6, 1)),
            tw.Event(step=Step.DENUNCIATION_DECISION, on=date(2025, 6, 5)),
            tw.Event(step=Step.INSTRUMENT_DEPOSITED, on=date(2025, 7, 10)),
        ]
    )
    ambiguous = (
        tw.Withdrawal.start(party="TV", treaty="ottawa")
        .record("parliament-approval", "2025-08-01")
        .record("head-of-state-act", "2025-08-02")
        .record("instrument-deposited", "2025-08-31")
    )
    revoked = lv3.record("revocation", "2025-07-01")
    abandoned = (
        tw.Withdrawal.start(party="FI", treaty="ottawa")
        .record("government-decision", "2025-03-01")
        .record("parliament-rejection", "2025-05-01")
    )
    late = tw.Withdrawal.start(party="TV", treaty="ottawa", procedure="generic").record(
        "parliament-approval", date(9999, 12, 31)
    )
    early = tw.Withdrawal.start(party="TV", treaty="unesco").record("parliament-approval", date(1, 1, 1))
    end_rejected = tw.Withdrawal.start(party="TV", treaty="ottawa").record("parliament-rejection", date.max)
    za = tw.Withdrawal.start(party="TV", treaty="ottawa")  # the generic template: deposit at once
    received_at_end = za.record("instrument-deposited", date.max)  # its effect leaves the calendar
    received_at_start = tw.Withdrawal.start(party="TV", treaty="icsid").record(
        "instrument-deposited", date.min
    )
    unesco_late = tw.Withdrawal.start(party="TV", treaty="unesco").record(
        "instrument-deposited", date(9998, 6, 1)
    )
    coe = tw.Withdrawal.start(party="TV", treaty="coe-statute").record("instrument-deposited", "2025-01-01")
    return (
        lv,
        lv1,
        lv3,
        pl,
        generic,
        conflict,
        ambiguous,
        revoked,
        abandoned,
        late,
        early,
        end_rejected,
        received_at_end,
        received_at_start,
        unesco_late,
        coe,
    )


@cache
def suspension() -> tw.Suspension:
    return tw.Suspension.create(party="UA", treaty="ottawa", basis="VCLT Art. 62", notified="2025-07-18")


valid_withdrawals = st.deferred(lambda: st.sampled_from(withdrawals()))
valid_withdrawal_lists = st.one_of(
    valid_withdrawals,
    st.lists(valid_withdrawals, min_size=1, max_size=3),
    st.lists(mix(valid_withdrawals), max_size=3),
    st.deferred(lambda: st.just([withdrawals()[0], suspension()])),
)
valid_events = st.builds(
    tw.Event,
    step=st.sampled_from(list(Step)),
    on=st.one_of(st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 1))),
)
valid_sources = st.one_of(
    st.none(), st.just("https://example.org"), st.lists(st.just("https://example.org"), max_size=2)
)
valid_notes = st.one_of(st.none(), st.text(max_size=20))
valid_confidence = st.one_of(st.none(), st.sampled_from(["confirmed", "reported", "inferred", "unconfirmed"]))


@cache
def treaty_texts() -> tuple[tuple[str, str], ...]:
    folder = Path(tw.__file__).parent / "data" / "treaties"
    return tuple(
        (f"treatywithdraw/data/treaties/{p.name}", p.read_text("utf-8"))
        for p in sorted(folder.glob("*.toml"))
    )


_TOML_VALUES = [
    "5",
    "-1",
    "3.5",
    "nan",
    "inf",
    "true",
    '""',
    '" "',
    '"x"',
    '"P99999999999999999999999M"',
    '"P' + "9" * 5000 + 'M"',
    '"P0M"',
    '"-P6M"',
    '"2025-02-30"',
    '"Mars/Olympus"',
    '"first-of-next-month"',
    '"end-of-period"',
    "[]",
    "[1, 2]",
    '["x", 1]',
    "{}",
    "{ a = 1 }",
    "1979-05-27",
    "0001-01-01",
    "9999-12-31",
    "1979-05-27T07:32:00",
    "1979-05-27T07:32:00Z",
    "07:32:00",
]


@st.composite
def treaty_files(draw: st.DrawFn) -> tuple[Any, Any]:
    """A shipped treaty file, with one value, table header or line replaced by garbage."""
    path, text = draw(st.deferred(lambda: st.sampled_from(treaty_texts())))
    lines = text.splitlines()
    how = draw(st.sampled_from(["value", "value", "value", "drop", "header", "raw", "path"]))
    assignments = [i for i, line in enumerate(lines) if re.match(r"^\s*[A-Za-z_]+\s*=", line)]
    if how == "value" and assignments:
        i = draw(st.sampled_from(assignments))
        name = lines[i].split("=", 1)[0]
        lines[i] = f"{name}= {draw(st.sampled_from(_TOML_VALUES))}"
    elif how == "drop" and lines:
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif how == "header":
        lines.insert(0, draw(st.sampled_from(["[clause]", "[[sources]]", "clause = 5", "[depositary.x]"])))
    elif how == "raw":
        return draw(mix(st.just(path))), draw(mix(st.text(max_size=40)))
    elif how == "path":
        return draw(
            mix(st.just(path), st.sampled_from(["x.toml", "", "/", "ottawa", "a/b/ottawa.toml"]))
        ), text
    return path, "\n".join(lines)


# -- calling ----------------------------------------------------------------------------------


def _named(message: str, value: object) -> bool:
    """Whether ``message`` names ``value`` (its repr, its text or its ISO date)."""
    if isinstance(value, date) and (value.isoformat() in message or value.isoformat()[:10] in message):
        return True
    if isinstance(value, tuple | list) and any(isinstance(v, date) for v in value):
        return any(_named(message, v) for v in value if v is not None)
    try:
        text = str(value)
    except Exception:
        text = ""
    if text.strip() and text.strip() in message:
        return True
    try:
        shown = repr(value)
    except Exception:
        return True  # an unprintable value: the type name is all a message can give
    return shown[:40] in message or type(value).__name__ in message


def check_error(exc: tw.TreatyWithdrawError) -> None:
    message = str(exc)
    assert message.strip(), f"{type(exc).__name__} with an empty message"
    assert "\n" not in message, f"{type(exc).__name__} message is not one line: {message!r}"
    if isinstance(exc, tw.UnknownTreatyError):
        # The key, or a bounded excerpt of it: a huge input is not echoed whole.
        assert shown(exc.key) in message
    value = getattr(exc, "value", None)
    if isinstance(exc, tw.InvalidDateError | tw.InvalidArgumentError) and value is not None:
        assert _named(message, value), f"{type(exc).__name__} does not name {value!r}: {message}"


def attempt(name: str, call: Callable[[], object]) -> None:
    """Run ``call``: a return or one of our errors passes; anything else fails the test."""
    try:
        call()
    except tw.TreatyWithdrawError as exc:
        check_error(exc)
    except Exception as exc:
        raise AssertionError(
            f"{name} raised {type(exc).__name__}, not a TreatyWithdrawError: {exc!r}"
        ) from exc


def invoke(
    draw: st.DrawFn, fn: Callable[..., object], positional: dict[str, Any], keywords: dict[str, Any]
) -> Callable[[], object]:
    """``fn`` with ``positional`` passed by position or (sometimes) by name, ``keywords`` by name."""
    by_name = draw(st.booleans())
    args = [] if by_name else list(positional.values())
    kwargs = {**(positional if by_name else {}), **keywords}
    return lambda: fn(*args, **kwargs)


def optional(**strategies: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=strategies)


effect_options = optional(
    rounding=mix(valid_roundings),
    party=mix(st.none(), valid_parties),
    later_date=mix(st.none(), valid_dates),
    party_since=mix(st.none(), valid_dates),
    armed_conflicts=mix(valid_conflicts),
    apply_vclt56=mix(st.booleans()),
    extended_to=mix(st.none(), valid_dates),
    agreement_in_force=mix(st.none(), valid_dates),
)


# Each target draws its arguments and returns the call to make. The key is the public
# name: a function of ``treatywithdraw``, ``Class.method`` or a module-qualified name.
Target = Callable[[st.DrawFn], Callable[[], object]]
TARGETS: dict[str, Target] = {}


def target(name: str) -> Callable[[Target], Target]:
    def register(fn: Target) -> Target:
        TARGETS[name] = fn
        return fn

    return register


@target("effective_date")
def _effective_date(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(
        draw,
        tw.effective_date,
        {"treaty": draw(mix(valid_treaties)), "received": draw(mix(valid_dates))},
        draw(effect_options),
    )


@target("effect")
def _effect(draw: st.DrawFn) -> Callable[[], object]:
    call = invoke(
        draw,
        tw.effect,
        {"treaty": draw(mix(valid_treaties)), "received": draw(mix(valid_dates))},
        draw(effect_options),
    )

    def run() -> object:
        e = call()
        assert isinstance(e, tw.Effect)
        steps = e.derivation()
        assert "\n".join(step.line for step in steps) == e.explain()
        return e.explain(), [step.to_record() for step in steps], e._repr_html_()

    return run


@target("latest_receipt_date")
def _latest_receipt_date(draw: st.DrawFn) -> Callable[[], object]:
    options = draw(
        optional(
            rounding=mix(valid_roundings),
            party=mix(st.none(), valid_parties),
            apply_vclt56=mix(st.booleans()),
        )
    )
    return invoke(
        draw,
        tw.latest_receipt_date,
        {"treaty": draw(mix(valid_treaties)), "effective_by": draw(mix(valid_dates))},
        options,
    )


@target("effective_dates")
def _effective_dates(draw: st.DrawFn) -> Callable[[], object]:
    days = draw(st.one_of(st.lists(mix(valid_dates), max_size=4), garbage))
    call = invoke(
        draw, tw.effective_dates, {"treaty": draw(mix(valid_treaties)), "days": days}, draw(effect_options)
    )

    def run() -> object:
        result = call()
        assert isinstance(result, tw.EffectiveDates)
        return result.dates, result.errors, repr(result), list(result), result.datetime64()

    return run


@target("EffectiveDates")
def _effective_dates_result(draw: st.DrawFn) -> Callable[[], object]:
    treaty = draw(mix(st.sampled_from([tw.treaty("ottawa")])))
    dates = draw(mix(st.lists(st.one_of(st.none(), valid_days), max_size=3)))
    errors = draw(mix(st.lists(st.one_of(st.none(), st.just("AmbiguousDateError")), max_size=3)))

    def run() -> object:
        result = tw.EffectiveDates(treaty, dates, errors)
        return result.dates, result.errors, repr(result), result[:1], result.datetime64()

    return run


@target("earliest_notice_date")
def _earliest_notice_date(draw: st.DrawFn) -> Callable[[], object]:
    options = draw(optional(rounding=mix(valid_roundings)))
    options["party_since"] = draw(mix(valid_dates))
    return invoke(draw, tw.earliest_notice_date, {"treaty": draw(mix(valid_treaties))}, options)


@target("treaty")
def _treaty(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.treaty, {"key": draw(mix(valid_treaties))}, {})


@target("treaties")
def _treaties(draw: st.DrawFn) -> Callable[[], object]:
    # A callable that raises is the caller's own code failing: only non-callables are garbage here.
    valid = st.just(lambda t: t.clause.convention is tw.Convention.ANNIVERSARY)
    predicate = draw(st.one_of(st.none(), valid, garbage.filter(lambda v: not callable(v))))
    return invoke(draw, tw.treaties, {"predicate": predicate}, {})


@target("add_period")
def _add_period(draw: st.DrawFn) -> Callable[[], object]:
    positional = {"day": draw(mix(valid_days)), "period": draw(mix(valid_periods))}
    if draw(st.booleans()):
        positional["rounding"] = draw(mix(valid_roundings.filter(lambda r: r is not None)))
    return invoke(draw, tw.add_period, positional, {})


@target("Period")
def _period(draw: st.DrawFn) -> Callable[[], object]:
    values = draw(optional(years=mix(st.integers()), months=mix(st.integers()), days=mix(st.integers())))

    def run() -> object:
        p = tw.Period(**values)
        return str(p), p.describe(), -p, p.total_months, tw.Period.parse(str(p)) == p

    return run


@target("Period.parse")
def _period_parse(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.Period.parse, {"text": draw(mix(period_texts))}, {})


@target("Period.describe")
def _period_describe(draw: st.DrawFn) -> Callable[[], object]:
    p = draw(valid_periods)
    return lambda: (p.describe(), str(p), -p, p.total_months)


@target("Rounding")
def _rounding(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(
        draw, tw.Rounding, {"value": draw(mix(st.sampled_from(["backward", "forward", "raise"])))}, {}
    )


@target("Rounding.coerce")
def _rounding_coerce(draw: st.DrawFn) -> Callable[[], object]:
    positional = {"value": draw(mix(valid_roundings))}
    keywords = draw(optional(default=mix(st.none(), st.sampled_from(list(tw.Rounding)))))
    return invoke(draw, tw.Rounding.coerce, positional, keywords)


@target("Convention")
def _convention(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(
        draw, tw.Convention, {"value": draw(mix(st.sampled_from([c.value for c in tw.Convention])))}, {}
    )


@target("Status")
def _status(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.Status, {"value": draw(mix(st.sampled_from([s.value for s in tw.Status])))}, {})


@target("Step")
def _step(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.Step, {"value": draw(mix(st.sampled_from([s.value for s in Step])))}, {})


@target("procedure")
def _procedure(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.procedure, {"party": draw(mix(valid_procedures, valid_parties))}, {})


@target("catalogue_problems")
def _catalogue_problems(draw: st.DrawFn) -> Callable[[], object]:
    return lambda: [str(problem) for problem in tw.catalogue_problems()]


@target("treatywithdraw.procedures.procedures")
def _procedures(draw: st.DrawFn) -> Callable[[], object]:
    return lambda: [p.to_markdown() for p in procedures.procedures()]


@target("Procedure")
def _procedure_class(draw: st.DrawFn) -> Callable[[], object]:
    base = draw(st.deferred(lambda: st.sampled_from(procedures.procedures())))
    fields = {f: getattr(base, f) for f in ("key", "name", "summary", "legal_basis", "steps")}
    changed = draw(
        st.sets(
            st.sampled_from(
                [*fields, "deadlines", "durations", "approval", "sources", "unconfirmed", "aliases"]
            ),
            max_size=2,
        )
    )
    for name in changed:
        fields[name] = draw(garbage)
    return lambda: tw.Procedure(**fields)


_PROCEDURE_METHODS = (
    "get",
    "rule",
    "rank",
    "prerequisites",
    "reopeners",
    "deadlines_for",
    "duration",
    "__contains__",
)


@target("Procedure.methods")
def _procedure_methods(draw: st.DrawFn) -> Callable[[], object]:
    p = draw(st.deferred(lambda: st.sampled_from(procedures.procedures())))
    method = draw(st.sampled_from(_PROCEDURE_METHODS))
    step = draw(mix(valid_steps))
    return lambda: (
        getattr(p, method)(step),
        p.step_names(),
        p.approval_steps(),
        p.main_path(),
        p.to_markdown(),
        p.title,
    )


@target("Procedure.for_treaty")
def _procedure_for_treaty(draw: st.DrawFn) -> Callable[[], object]:
    p = draw(st.deferred(lambda: st.sampled_from(procedures.procedures())))
    t = draw(mix(st.deferred(lambda: st.sampled_from(tw.treaties()))))
    return lambda: p.for_treaty(t).rule("instrument-deposited").provision


@target("Treaty")
def _treaty_class(draw: st.DrawFn) -> Callable[[], object]:
    base = draw(st.deferred(lambda: st.sampled_from(tw.treaties())))
    fields = {
        f: getattr(base, f)
        for f in (
            "key",
            "name",
            "short_name",
            "aliases",
            "category",
            "depositary",
            "entry_into_force",
            "adopted",
            "clause",
            "sources",
            "evidence",
        )
    }
    for name in draw(st.sets(st.sampled_from(sorted(fields)), max_size=2)):
        fields[name] = draw(garbage)
    return lambda: tw.Treaty(**fields)


@target("Treaty.from_record")
def _treaty_from_record(draw: st.DrawFn) -> Callable[[], object]:
    import tomllib

    path, text = draw(treaty_files())
    try:
        record: Any = tomllib.loads(text) if isinstance(text, str) else text
    except tomllib.TOMLDecodeError:
        record = draw(garbage)
    if draw(st.integers(0, 4)) == 0:
        record = draw(garbage)
    return invoke(
        draw,
        tw.Treaty.from_record,
        {"record": record},
        draw(optional(file=mix(st.just(path if isinstance(path, str) else "x.toml")))),
    )


@target("Treaty.methods")
def _treaty_methods(draw: st.DrawFn) -> Callable[[], object]:
    t = draw(st.deferred(lambda: st.sampled_from(tw.treaties())))
    party = draw(mix(valid_parties))
    return lambda: (str(t), t.evidence.summary(), t.clause.terms_for(party))


@target("treatywithdraw.catalogue.load_treaty_file")
def _load_treaty_file(draw: st.DrawFn) -> Callable[[], object]:
    path, text = draw(treaty_files())
    return invoke(draw, catalogue.load_treaty_file, {"path": path, "text": text}, {})


@target("WithdrawalClause")
def _withdrawal_clause(draw: st.DrawFn) -> Callable[[], object]:
    base = draw(st.deferred(lambda: st.sampled_from(tw.treaties()))).clause
    fields = {f: getattr(base, f) for f in ("kind", "article", "text", "verification")}
    for name in draw(
        st.sets(
            st.sampled_from(
                ["kind", "article", "text", "verification", "notice_period", "convention", "rounding"]
            ),
            max_size=2,
        )
    ):
        fields[name] = draw(garbage)
    return lambda: tw.WithdrawalClause(**fields)


@target("WithdrawalClause.terms_for")
def _terms_for(draw: st.DrawFn) -> Callable[[], object]:
    clause = draw(st.deferred(lambda: st.sampled_from(tw.treaties()))).clause
    return invoke(draw, clause.terms_for, {"party": draw(mix(valid_parties))}, {})


@target("WithdrawalClause.conditions_for")
def _conditions_for(draw: st.DrawFn) -> Callable[[], object]:
    clause = draw(st.deferred(lambda: st.sampled_from(tw.treaties()))).clause
    return invoke(draw, clause.conditions_for, {"party": draw(mix(valid_parties))}, {})


@target("Effect")
def _effect_class(draw: st.DrawFn) -> Callable[[], object]:
    fields = {
        "treaty": draw(mix(st.deferred(lambda: st.sampled_from(tw.treaties())))),
        "received": draw(mix(valid_days)),
        "expiry": draw(mix(st.none(), valid_days)),
        "date": draw(mix(st.none(), valid_days)),
    }
    return lambda: tw.Effect(**fields)


@target("NoticeOptions")
def _notice_options(draw: st.DrawFn) -> Callable[[], object]:
    values = draw(
        optional(
            rounding=mix(valid_roundings),
            party=mix(st.none(), valid_parties),
            later_date=mix(st.none(), valid_dates),
            party_since=mix(st.none(), valid_dates),
            armed_conflicts=mix(valid_conflicts),
            apply_vclt56=mix(st.booleans()),
            extended_to=mix(st.none(), valid_dates),
            agreement_in_force=mix(st.none(), valid_dates),
        )
    )
    time_zone = draw(mix(st.sampled_from(["America/New_York", "Pacific/Kiritimati"])))

    def run() -> object:
        o = tw.NoticeOptions(**values)
        read = o.at_depositary(time_zone)
        instants = o.holds_instants()
        return repr(o), o.to_record(), tw.NoticeOptions.from_record(o.to_record()), o.given(), read, instants

    return run


@target("Fix")
def _fix(draw: st.DrawFn) -> Callable[[], object]:
    option = draw(st.sampled_from(["rounding", "later_date", "apply_vclt56"]))
    value = draw(mix(st.none(), valid_dates, st.booleans(), st.text(max_size=5)))
    spelling = draw(st.sampled_from(["python", "cli", "file"]))
    return lambda: tw.Fix(option, value).spelled(spelling)  # type: ignore[arg-type]


@target("Problem")
def _problem(draw: st.DrawFn) -> Callable[[], object]:
    path, message = draw(st.text(max_size=10)), draw(st.text(max_size=10))
    return lambda: str(tw.Problem(path, message))


@target("Effect.explain")
def _effect_explain(draw: st.DrawFn) -> Callable[[], object]:
    return _effect(draw)


@target("Event")
def _event(draw: st.DrawFn) -> Callable[[], object]:
    fields = {"step": draw(mix(valid_steps)), "on": draw(mix(st.none(), valid_dates))}
    fields.update(
        draw(optional(sources=mix(valid_sources), note=mix(valid_notes), confidence=mix(valid_confidence)))
    )

    def run() -> object:
        return tw.Event(**fields).describe()

    return run


@target("Projection")
def _projection(draw: st.DrawFn) -> Callable[[], object]:
    fields = {
        "steps": draw(mix(st.just(()))),
        "deposit": draw(mix(st.none(), valid_days)),
        "effect": draw(mix(st.none())),
    }
    return lambda: tw.Projection(**fields)


@target("Withdrawal")
def _withdrawal_class(draw: st.DrawFn) -> Callable[[], object]:
    fields = {
        "party": draw(mix(valid_parties)),
        "treaty": draw(mix(st.deferred(lambda: st.sampled_from(tw.treaties())))),
        "procedure": draw(mix(st.deferred(lambda: st.sampled_from(procedures.procedures())))),
    }
    return lambda: tw.Withdrawal(**fields)


@target("Withdrawal.start")
def _withdrawal_start(draw: st.DrawFn) -> Callable[[], object]:
    keywords = {"party": draw(mix(valid_parties)), "treaty": draw(mix(valid_treaties))}
    keywords.update(
        draw(
            optional(
                procedure=mix(st.none(), valid_procedures),
                rounding=mix(valid_roundings),
                later_date=mix(st.none(), valid_dates),
                party_since=mix(st.none(), valid_dates),
                armed_conflicts=mix(valid_conflicts),
                note=mix(valid_notes),
                sources=mix(valid_sources),
            )
        )
    )
    return lambda: tw.Withdrawal.start(**keywords)


@target("Withdrawal.record")
def _withdrawal_record(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    positional = {"step": draw(mix(valid_steps)), "on": draw(mix(st.none(), valid_dates))}
    keywords = draw(
        optional(source=mix(valid_sources), note=mix(valid_notes), confidence=mix(valid_confidence))
    )
    call = invoke(draw, w.record, positional, keywords)

    def run() -> object:
        before = pickle.dumps(w)
        try:
            return call()
        finally:
            assert pickle.dumps(w) == before, "record() changed the withdrawal it was called on"

    return run


@target("Withdrawal.replay")
def _withdrawal_replay(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    events = draw(mix(st.lists(mix(valid_events), max_size=4), st.lists(valid_events, max_size=4)))
    return invoke(draw, w.replay, {"events": events}, {})


@target("Withdrawal.status")
def _withdrawal_status(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    return invoke(draw, w.status, {"as_of": draw(mix(valid_dates))}, {})


@target("Withdrawal.explain")
def _withdrawal_explain(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    return invoke(draw, w.explain, {"as_of": draw(mix(st.none(), valid_dates))}, {})


@target("Withdrawal.agenda")
def _withdrawal_agenda(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    call = invoke(draw, w.agenda, {"as_of": draw(mix(st.none(), valid_dates))}, {})

    def run() -> object:
        items = call()
        assert isinstance(items, tuple)
        return [(i.describe(), i.to_record()) for i in items]

    return run


@target("view")
def _view(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    call = invoke(draw, tw.view, {"w": w, "as_of": draw(mix(valid_dates))}, {})

    def run() -> object:
        v = call()
        assert isinstance(v, tw.WithdrawalView)
        return v.to_record()

    return run


@target("WithdrawalView")
def _withdrawal_view(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    fields = {
        "withdrawal": w,
        "as_of": draw(mix(valid_days)),
        "status": None,
        "recorded": (),
        "later": 0,
        "agenda": (),
    }
    return lambda: tw.WithdrawalView(**fields).to_record()


@target("AgendaItem")
def _agenda_item(draw: st.DrawFn) -> Callable[[], object]:
    fields = {
        "step": draw(mix(valid_steps)),
        "actor": "x",
        "required": True,
        "provision": "p",
        "earliest": draw(mix(st.none(), valid_days)),
    }
    return lambda: tw.AgendaItem(**fields).describe()


@target("withdrawals")
def _withdrawals(draw: st.DrawFn) -> Callable[[], object]:
    return lambda: [r.to_record() for r in tw.withdrawals()[:3]]


@target("pending")
def _pending(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.pending, {"as_of": draw(mix(valid_dates))}, {})


@target("RealWithdrawal")
def _real_withdrawal(draw: st.DrawFn) -> Callable[[], object]:
    base = tw.withdrawals()[0]
    fields = {
        "party": draw(mix(st.just(base.party))),
        "treaty": base.treaty,
        "received": draw(mix(st.none(), valid_days)),
        "effective": None,
        "computed": None,
        "origin": "case:x",
        "source": "https://example.org",
        "timeline": base.timeline,
    }

    def run() -> object:
        r = tw.RealWithdrawal(**fields)
        return r.to_record(), r.status(date(2026, 1, 1))

    return run


@target("Withdrawal.project")
def _withdrawal_project(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    durations = draw(
        mix(
            st.none(),
            st.dictionaries(
                st.one_of(valid_steps, valid_steps, atoms.filter(_hashable)),
                mix(valid_periods, st.integers(0, 400), st.integers(), period_texts),
                max_size=3,
            ),
        )
    )
    keywords = draw(optional(start=mix(st.none(), valid_dates)))
    call = invoke(draw, w.project, {"durations": durations}, keywords)
    return lambda: call().effective_date  # type: ignore[attr-defined]


@target("Withdrawal.properties")
def _withdrawal_properties(draw: st.DrawFn) -> Callable[[], object]:
    w = draw(valid_withdrawals)
    name = draw(
        st.sampled_from(["effect", "effective_date", "deposit", "history", "next_steps", "_repr_html_"])
    )

    def run() -> object:
        value = getattr(w, name)
        return value() if callable(value) else value

    return run


@target("Suspension")
def _suspension_class(draw: st.DrawFn) -> Callable[[], object]:
    fields = {
        "party": draw(mix(valid_parties)),
        "treaty": draw(mix(st.deferred(lambda: st.sampled_from(tw.treaties())))),
        "basis": draw(mix(st.just("VCLT Art. 62"))),
        "notified": draw(mix(valid_days)),
    }
    return lambda: tw.Suspension(**fields)


@target("Suspension.create")
def _suspension_create(draw: st.DrawFn) -> Callable[[], object]:
    keywords = {
        "party": draw(mix(valid_parties)),
        "treaty": draw(mix(valid_treaties)),
        "basis": draw(mix(st.just("VCLT Art. 62"))),
        "notified": draw(mix(valid_dates)),
    }
    keywords.update(
        draw(
            optional(
                events=mix(st.lists(mix(valid_events), max_size=3)),
                outcome=mix(valid_notes),
                note=mix(valid_notes),
                sources=mix(valid_sources),
            )
        )
    )

    def run() -> object:
        s = tw.Suspension.create(**keywords)
        return s.explain(), s.history

    return run


@target("Suspension.methods")
def _suspension_methods(draw: st.DrawFn) -> Callable[[], object]:
    s = suspension()
    name = draw(
        st.sampled_from(["status", "project", "record", "effective_date", "effect", "explain", "history"])
    )
    argument = draw(garbage)

    def run() -> object:
        value = getattr(s, name)
        if name in ("status", "project", "record"):
            return value(argument)
        return value() if callable(value) else value

    return run


@target("to_ics")
def _to_ics(draw: st.DrawFn) -> Callable[[], object]:
    pytest.importorskip("icalendar")
    keywords = draw(optional(as_of=mix(st.none(), valid_dates)))
    return invoke(draw, tw.to_ics, {"withdrawals": draw(mix(valid_withdrawal_lists))}, keywords)


@target("timeline_gantt")
def _timeline_gantt(draw: st.DrawFn) -> Callable[[], object]:
    keywords = draw(optional(as_of=mix(st.none(), valid_dates)))
    return invoke(draw, tw.timeline_gantt, {"withdrawals": draw(mix(valid_withdrawal_lists))}, keywords)


@target("timeline_diagram")
def _timeline_diagram(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.timeline_diagram, {"withdrawal": draw(mix(valid_withdrawals))}, {})


@target("procedure_state_diagram")
def _procedure_state_diagram(draw: st.DrawFn) -> Callable[[], object]:
    return invoke(draw, tw.procedure_state_diagram, {"procedure": draw(mix(valid_procedures))}, {})


@target("timeline_to_json")
def _timeline_to_json(draw: st.DrawFn) -> Callable[[], object]:
    timeline = draw(mix(valid_withdrawals, st.deferred(lambda: st.just(suspension()))))
    return invoke(draw, tw.timeline_to_json, {"timeline": timeline}, {})


@target("plot_timelines")
def _plot_timelines(draw: st.DrawFn) -> Callable[[], object]:
    pytest.importorskip("matplotlib")
    # Never a path that would be written: a valid suffix comes only with a garbage list.
    path = draw(mix(st.none(), st.sampled_from(["chart.pdf", "chart", "", ".png.", "chart.svg/"])))
    keywords = draw(optional(as_of=mix(st.none(), valid_dates), title=mix(st.none(), st.text(max_size=10))))
    return invoke(
        draw, tw.plot_timelines, {"withdrawals": draw(mix(valid_withdrawal_lists)), "path": path}, keywords
    )


# -- the tests --------------------------------------------------------------------------------

# Fewer examples where one call draws a chart or reads a whole treaty file.
# Examples per target: 80 with the default profile (200), 120 on CI (300); fewer where a
# call draws a chart. With about 50 targets that is some 3,500 garbage calls a run
# (Hypothesis stops early on targets with few distinct inputs).
_PER_TARGET = max(30, settings.default.max_examples * 2 // 5)
_EXAMPLES = {"plot_timelines": max(10, _PER_TARGET // 5)}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_hostile_arguments_raise_only_our_errors(name: str) -> None:

    @settings(
        max_examples=_EXAMPLES.get(name, _PER_TARGET),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        call = TARGETS[name](data.draw)
        attempt(name, call)

    run()


# Read files and are fuzzed with the timeline-file tests.
_FUZZED_ELSEWHERE = {"load_timeline", "parse_timeline", "timeline_from_json"}


def _public_methods(cls: type) -> set[str]:
    """Public methods and properties ``cls`` defines (or inherits from this package)."""
    names = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("treatywithdraw"):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or isinstance(value, klass):
                continue
            if "__mutmut_" in name or "\u01c1" in name:
                continue  # mutmut's copies of the methods (scripts/mutation.sh), not API
            if isinstance(value, property | classmethod | staticmethod) or inspect.isfunction(value):
                names.add(name)
    return names


_METHODS_FUZZED = {
    "Period": {"parse", "describe", "total_months"},
    "Rounding": {"coerce"},
    "Treaty": {"from_record"},
    "WithdrawalClause": {"terms_for", "conditions_for"},
    "Effect": {"explain", "derivation"},
    "NoticeOptions": {"given", "to_record", "from_record", "at_depositary", "holds_instants"},
    "EffectiveDates": {"dates", "errors", "datetime64"},
    "Fix": {"spelled"},
    "WithdrawalView": {"to_record"},
    "AgendaItem": {"describe", "to_record"},
    "RealWithdrawal": {"to_record", "status"},
    "Event": {"describe"},
    "Projection": {"effective_date"},
    "Procedure": {
        *_PROCEDURE_METHODS,
        "step_names",
        "approval_steps",
        "main_path",
        "to_markdown",
        "for_treaty",
        "title",
    },
    "Withdrawal": {
        "start",
        "record",
        "replay",
        "status",
        "explain",
        "project",
        "effect",
        "effective_date",
        "deposit",
        "history",
        "next_steps",
        "agenda",
    },
    "Suspension": {"create", "status", "project", "record", "effective_date", "effect", "explain", "history"},
}


def test_every_public_callable_is_fuzzed() -> None:
    public = {
        name
        for name in tw.__all__
        if callable(value := getattr(tw, name))
        and not (isinstance(value, type) and issubclass(value, BaseException))
    }
    missing = public - _FUZZED_ELSEWHERE - set(TARGETS)
    assert not missing, f"public callables with no hostile-input target: {sorted(missing)}"
    for cls_name, covered in _METHODS_FUZZED.items():
        methods = _public_methods(getattr(tw, cls_name))
        assert methods <= covered, (
            f"{cls_name} methods with no hostile-input target: {sorted(methods - covered)}"
        )
    classes = {
        name for name in public if isinstance(getattr(tw, name), type) and _public_methods(getattr(tw, name))
    }
    assert classes <= set(_METHODS_FUZZED), (
        f"classes whose methods are not fuzzed: {sorted(classes - set(_METHODS_FUZZED))}"
    )


# -- steps out of order and twice ------------------------------------------------------------


@settings(max_examples=100, deadline=None, database=None)
@given(
    party=st.sampled_from(["LV", "LT", "EE", "PL", "FI", "TV"]),
    moves=st.lists(
        st.tuples(st.sampled_from(list(Step)), st.integers(-30, 60), st.booleans()),
        min_size=1,
        max_size=12,
    ),
)
def test_out_of_order_and_duplicate_steps_are_refused_and_change_nothing(
    party: str, moves: list[tuple[Step, int, bool]]
) -> None:
    w = tw.Withdrawal.start(party=party, treaty="ottawa")
    p = w.procedure
    day = date(2025, 1, 1)
    for step, shift, dated in moves:
        on = day + timedelta(days=shift) if dated else None
        recorded = [e.step for e in w.events]
        last_dated = max((e.on for e in w.events if e.on is not None), default=None)
        sent_back = bool(p.reopeners(step)) and any(e.step in p.reopeners(step) for e in w.events)
        rank = p.rank(step)
        duplicate = step in recorded and not sent_back
        out_of_order = (
            rank is not None
            and not sent_back
            and any((r := p.rank(s)) is not None and r > rank for s in recorded)
        )
        backwards = on is not None and last_dated is not None and on < last_dated
        before = pickle.dumps(w)
        try:
            after = w.record(step, on)
        except tw.InvalidTransitionError as exc:
            check_error(exc)
            assert pickle.dumps(w) == before
            if duplicate:
                assert "already recorded" in str(exc)
            if backwards:
                assert "dates go backwards" in str(exc)
            continue
        assert not duplicate, f"{step} recorded twice: {[e.describe() for e in w.events]}"
        assert not out_of_order, f"{step} recorded after a later step: {[e.describe() for e in w.events]}"
        assert not backwards, f"{step} on {on} recorded after {last_dated}"
        assert pickle.dumps(w) == before and len(after.events) == len(w.events) + 1
        w = after
        if on is not None:
            day = on


def test_duplicate_and_out_of_order_replay_names_the_event() -> None:
    w = tw.Withdrawal.start(party="LV", treaty="ottawa")
    approval = tw.Event(step=Step.PARLIAMENT_APPROVAL, on=date(2025, 4, 16))
    with pytest.raises(tw.InvalidTransitionError, match=r"event 1 .*already recorded"):
        w.replay([approval, approval])
    act = tw.Event(step=Step.HEAD_OF_STATE_ACT, on=date(2025, 4, 24))
    with pytest.raises(tw.InvalidTransitionError, match=r"event 2 .*comes before parliament-approval"):
        w.replay([approval, act, tw.Event(step=Step.GOVERNMENT_DECISION, on=date(2025, 4, 25))])
    assert w.events == ()


def test_the_calendar_ends_give_our_errors() -> None:
    """Dates whose arithmetic leaves years 1-9999 raise InvalidDateError, not OverflowError."""
    for key in ("ottawa", "icsid", "istanbul", "unesco", "genocide", "coe-statute", "cfe", "teu"):
        for day in (date.max, date(9999, 12, 1), date(9999, 7, 1), date(9998, 12, 31)):
            for options in ({}, {"rounding": "backward", "later_date": date.max}):
                attempt(f"effective_date({key!r}, {day})", partial(tw.effective_date, key, day, **options))
        for day in (date.min, date(1, 6, 30), date(1, 12, 31), date(2, 1, 1)):
            for rounding in ("backward", "forward", None):
                attempt(
                    f"latest_receipt_date({key!r}, {day})",
                    partial(tw.latest_receipt_date, key, day, rounding=rounding),
                )
    # add_period leaves the calendar; then each counting convention steps past its end.
    for key, day in (
        ("icsid", date(9999, 7, 1)),
        ("teu", date(9997, 12, 31)),
        ("istanbul", date(9999, 9, 15)),
        ("unesco", date(9999, 1, 1)),
    ):
        with pytest.raises(tw.InvalidDateError, match="outside years 1-9999"):
            tw.effective_date(key, day)
