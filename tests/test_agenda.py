"""Procedures as data, the agenda, and status on a day (the procedures-as-data redesign)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.errors import CatalogueError
from treatywithdraw.procedures import Step, procedures
from treatywithdraw.procedures._files import load_procedure_file, procedure_from_record

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(tw.__file__).resolve().parent
SEED = ROOT / "seeds" / "lv-ottawa-2025.toml"


def test_procedures_are_data_files_and_no_country_is_code() -> None:
    files = {p.stem for p in (PACKAGE / "data" / "procedures").glob("*.toml")}
    assert {"lv", "lt", "ee", "pl", "fi", "generic"} <= files
    modules = {p.stem for p in (PACKAGE / "procedures").glob("*.py")}
    assert not modules & {"lv", "lt", "ee", "pl", "fi", "generic"}
    assert tw.procedure("LV").name == "Latvia"
    assert {p.key for p in procedures()} >= {"LV", "LT", "EE", "PL", "FI", "generic"}


def test_a_procedure_file_reports_every_problem_at_once() -> None:
    record = {
        "key": "XX",
        "name": "Nowhere",
        "summary": "test",
        "legal_basis": [],
        "actors": {"mfa": {"name": "Ministry"}},
        "international": {"actor": "mfa", "deposit_requires": ["parliament-approval"]},
        "steps": [
            {"step": "parliament-aproval", "actor": "mfa"},
            {"step": "head-of-state-act", "actor": "king"},
        ],
        "deadlines": [{"step": "head-of-state-act", "after": "parliament-approval", "provision": "x"}],
    }
    with pytest.raises(CatalogueError) as info:
        procedure_from_record(record, file="xx.toml")
    paths = [p.path for p in info.value.problems]
    assert paths == ["steps[0].step", "steps[1].actor", "deadlines[0].latest"]


def test_every_shipped_file_loads_by_itself() -> None:
    for path in sorted((PACKAGE / "data" / "procedures").glob("*.toml")):
        assert load_procedure_file(path).key.upper() in {path.stem.upper(), "GENERIC"}


def _latvia(until: str) -> tw.Withdrawal:
    w = tw.load_timeline(SEED)
    assert isinstance(w, tw.Withdrawal)
    keep = []
    for e in w.events:
        keep.append(e)
        if e.step == until:
            break
    return tw.Withdrawal.start(party="LV", treaty="ottawa").replay(keep)


def test_the_agenda_after_the_saeima_gives_the_promulgation_window() -> None:
    w = _latvia("parliament-approval")
    [item] = [i for i in w.agenda() if i.step is Step.HEAD_OF_STATE_ACT]
    assert (item.earliest, item.latest) == (date(2025, 4, 23), date(2025, 5, 7))
    assert "Satversme Art. 69" in item.earliest_provision and "Satversme Art. 69" in item.latest_provision
    assert item.required and not item.overdue
    assert any("law-returned" in c for c in item.conditions)  # the window depends on a branch


def test_a_closed_window_is_overdue_for_a_required_step() -> None:
    w = _latvia("parliament-approval")
    [item] = [i for i in w.agenda("2025-05-20") if i.step is Step.HEAD_OF_STATE_ACT]
    assert item.overdue
    assert all(i.step is not Step.LAW_RETURNED for i in w.agenda("2025-05-20"))  # optional and closed


def test_the_deposit_window_opens_with_minimum_participation() -> None:
    w = tw.Withdrawal.start(party="US", treaty="paris", procedure="generic", party_since="2016-11-04")
    [deposit] = [i for i in w.agenda() if i.step is Step.INSTRUMENT_DEPOSITED]
    assert deposit.earliest == date(2019, 11, 4)
    assert deposit.earliest_provision == tw.treaty("paris").clause.article


def test_notices_owed_to_the_addressees_are_on_the_agenda() -> None:
    w = _latvia("instrument-deposited")
    [notify] = [i for i in w.agenda() if i.step is Step.PARTIES_NOTIFIED]
    assert notify.note == "notice owed to: states-parties, un-security-council"
    assert "Ottawa Convention Art. 20(2)-(3)" in notify.provision


def test_status_on_a_day_means_that_day() -> None:
    w = _latvia("instrument-deposited")
    assert tw.Withdrawal.start(party="LV", treaty="ottawa").status("2025-01-01") == tw.Status.NOT_STARTED
    assert w.status("2025-03-17") == tw.Status.NOT_STARTED
    assert w.status("2025-03-18") == tw.Status.ANNOUNCED
    text = w.explain("2025-04-20")
    assert "2025-04-24" not in text.split("Agenda")[0]  # the promulgation had not happened
    assert "2 later steps recorded after 2025-04-20 not shown" in text
    assert "2025-12-27" not in text  # the effect was not a fact on 2025-04-20


def test_latvia_leaving_istanbul_cites_istanbul_and_never_ottawa() -> None:
    w = tw.Withdrawal.start(party="LV", treaty="istanbul")
    for step, day in (
        ("government-decision", "2025-06-10"),
        ("parliament-approval", "2025-10-30"),
        ("head-of-state-act", "2025-11-10"),
        ("instrument-deposited", "2025-11-20"),
    ):
        w = w.record(step, day)
    text = w.explain("2026-03-02")
    assert "Art. 80" in text and "Ottawa" not in text
    assert w.procedure.rule("instrument-deposited").provision.startswith("Istanbul Convention Art. 80")
    assert "Secretary General of the Council of Europe" in w.procedure.rule("instrument-deposited").provision
    assert w.effective_date == date(2026, 3, 1)


def test_the_command_line_shows_the_window_and_nothing_later_as_recorded(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "treatywithdraw", "timeline", str(SEED), "--as-of", "2025-04-20", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    record = json.loads(out.stdout)
    assert record["status"] == "in-preparation"
    assert all(e["on"] <= "2025-04-20" for e in record["recorded"])
    assert record["recorded_later"] == 2
    [item] = [i for i in record["agenda"] if i["step"] == "head-of-state-act"]
    assert (item["earliest"], item["latest"]) == ("2025-04-23", "2025-05-07")
    assert item["earliest_provision"] == "Satversme Art. 69"
    assert record["effect"] is None and record["projection"]["effect"]["effective_date"]


@pytest.mark.parametrize(
    ("seed", "effective"),
    [
        ("lv-ottawa-2025.toml", date(2025, 12, 27)),
        ("lt-ottawa-2025.toml", date(2025, 12, 27)),
        ("ee-ottawa-2025.toml", date(2025, 12, 27)),
        ("fi-ottawa-2025.toml", date(2026, 1, 10)),
        ("pl-ottawa-2025.toml", date(2026, 2, 20)),
    ],
)
def test_the_five_2025_seeds_keep_their_dates(seed: str, effective: date) -> None:
    w = tw.load_timeline(ROOT / "seeds" / seed)
    assert isinstance(w, tw.Withdrawal)
    assert w.effective_date == effective
    assert w.status(effective) == tw.Status.EFFECTIVE


def test_an_overdue_item_says_so() -> None:
    w = _latvia("parliament-approval")
    [item] = [i for i in w.agenda("2025-05-20") if i.step is Step.HEAD_OF_STATE_ACT]
    assert item.describe().endswith(" — overdue")


def test_the_agenda_does_not_guess_an_ambiguous_first_day_for_notice() -> None:
    # Paris Art. 28(1) from 2016-02-29: three years later is 2019-02-28 or 2019-03-01.
    w = tw.Withdrawal.start(party="XK", treaty="paris", procedure="generic", party_since="2016-02-29")
    [deposit] = [i for i in w.agenda() if i.step is Step.INSTRUMENT_DEPOSITED]
    assert deposit.earliest is None
    ruled = tw.Withdrawal.start(
        party="XK", treaty="paris", procedure="generic", party_since="2016-02-29", rounding="backward"
    )
    assert [i.earliest for i in ruled.agenda() if i.step is Step.INSTRUMENT_DEPOSITED] == [date(2019, 2, 28)]


def test_rules_read_a_window_that_applies_only_after_a_branch() -> None:
    from treatywithdraw.periods import Period
    from treatywithdraw.procedures import Deadline, rules
    from treatywithdraw.timeline import Event

    lv = tw.procedure("LV")
    only_if = Deadline(
        step="head-of-state-act",
        after="parliament-approval",
        latest=Period(days=3),
        only_if=("law-returned",),
        provision="test rule",
    )
    template = attrs.evolve(lv, deadlines=(*lv.deadlines, only_if))
    events = (
        Event(step="parliament-approval", on="2025-04-16"),
        Event(step="law-returned", on="2025-04-18"),
        Event(step="parliament-approval", on="2025-04-30"),
    )
    window = rules.window(template, events, Step.HEAD_OF_STATE_ACT)
    assert window.latest == date(2025, 5, 3) and window.latest_by is only_if
    assert "test rule: only after law-returned" in window.conditions
    assert rules.path_violations(lv, events, Step.SENATE_APPROVAL, dated=True) == []  # not a step of LV


def test_nothing_is_due_after_a_revocation() -> None:
    w = _latvia("instrument-deposited").record("revocation", "2025-07-01")
    assert w.agenda() == ()
    assert "Agenda" not in w.explain("2025-07-02")


def test_each_addressee_is_notified_as_its_own_fact() -> None:
    w = _latvia("instrument-deposited")
    w = w.record("parties-notified", "2025-06-30", addressee="un-security-council")
    [notify] = [i for i in w.agenda() if i.step is Step.PARTIES_NOTIFIED]
    assert notify.note == "notice owed to: states-parties"  # still owed
    with pytest.raises(tw.InvalidTransitionError, match="already recorded"):
        w.record("parties-notified", "2025-07-01", addressee="un-security-council")
    with pytest.raises(tw.InvalidTransitionError, match="names no notice to other-party"):
        w.record("parties-notified", "2025-07-01", addressee="other-party")
    done = w.record("parties-notified", "2025-07-01", addressee="states-parties")
    assert all(i.step is not Step.PARTIES_NOTIFIED for i in done.agenda())  # nothing owed
    text = tw.timeline_to_json(done)
    assert tw.timeline_from_json(text) == done


def test_an_addressee_belongs_to_a_notice_to_the_parties() -> None:
    with pytest.raises(tw.InvalidArgumentError, match="belongs to a parties-notified step"):
        tw.Event(step="parliament-approval", on="2025-04-16", addressee="states-parties")
    with pytest.raises(tw.InvalidArgumentError, match="is not known"):
        tw.Event(step="parties-notified", on="2025-04-16", addressee="the press")
    from treatywithdraw.formats import parse_timeline

    with pytest.raises(tw.TimelineFileError) as info:
        parse_timeline(
            'party = "LV"\ntreaty = "ottawa"\n[[events]]\nstep = "initiative"\non = 2025-03-18\naddressee = "states-parties"\n'
        )
    assert [p.path for p in info.value.problems] == ["events[0].addressee"]


def test_the_deposit_names_the_contents_the_clause_requires() -> None:
    w = _latvia("head-of-state-act")
    [deposit] = [i for i in w.agenda() if i.step is Step.INSTRUMENT_DEPOSITED]
    assert (
        deposit.note
        == "the instrument must carry: a full explanation of the reasons motivating this withdrawal"
    )


def test_a_procedure_file_may_override_a_step_for_some_treaties() -> None:
    import tomllib

    record = tomllib.loads((PACKAGE / "data" / "procedures" / "lv.toml").read_text("utf-8"))
    record["overrides"] = [
        {
            "step": "government-decision",
            "categories": ["human-rights"],
            "required": True,
            "note": "test: the government's bill is required for this category",
            "basis": "a test, not Latvian law",
        }
    ]
    template = procedure_from_record(record, file="lv-test.toml")
    human_rights = template.for_treaty(tw.treaty("istanbul"))
    arms = template.for_treaty(tw.treaty("ottawa"))
    assert human_rights.rule("government-decision").required
    assert (
        human_rights.rule("government-decision").note
        == "test: the government's bill is required for this category"
    )
    assert not arms.rule("government-decision").required
    assert "government-decision" in human_rights.approval_steps()
    record["overrides"] = [{"step": "senate-approval", "basis": "x"}]
    with pytest.raises(CatalogueError, match="override for senate-approval, which the template lacks"):
        procedure_from_record(record, file="lv-test.toml")


def test_a_broken_procedure_file_is_set_aside_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import warnings

    from treatywithdraw import procedures as registry

    for path in (PACKAGE / "data" / "procedures").glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "xx.toml").write_text('key = "XX"\nname = "Nowhere"\n', "utf-8")
    monkeypatch.setattr(registry, "_folder", lambda: tmp_path)
    monkeypatch.setattr(registry, "_loaded", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert registry.procedure("LV").name == "Latvia"  # the others keep working
    assert any("xx.toml" in str(w.message) for w in caught)
    with pytest.raises(CatalogueError, match=r"xx\.toml"):
        registry.procedure("xx")
    assert [p.file for p in registry.procedure_problems()] == ["treatywithdraw/data/procedures/xx.toml"]
    monkeypatch.setattr(registry, "_loaded", None)


def test_no_revocation_is_due_once_the_withdrawal_took_effect() -> None:
    w = _latvia("instrument-deposited")
    assert any(i.step is Step.REVOCATION for i in w.agenda("2025-12-26"))
    assert all(i.step is not Step.REVOCATION for i in w.agenda("2025-12-27"))  # VCLT Art. 68


def test_revocation_stays_due_while_the_effect_is_unsettled() -> None:
    # A month-end receipt: the effect is 2026-02-28 or 2026-03-01; by the earlier, no revocation.
    w = tw.Withdrawal.start(party="TV", treaty="ottawa", procedure="generic").record(
        "instrument-deposited", "2025-08-31"
    )
    assert any(i.step is Step.REVOCATION for i in w.agenda("2026-02-27"))
    assert all(i.step is not Step.REVOCATION for i in w.agenda("2026-02-28"))
    # A treaty with no clause, VCLT Art. 56 not asked for: no effect, so revocation stays possible.
    silent = tw.Withdrawal.start(party="TV", treaty="icescr", procedure="generic").record(
        "instrument-deposited", "2025-01-10"
    )
    assert any(i.step is Step.REVOCATION for i in silent.agenda("2030-01-01"))


def test_an_undated_deposit_keeps_revocation_on_the_agenda() -> None:
    # A history given whole may leave the deposit undated (a later dated event dates it
    # as known): no effect is known, so a revocation is not yet too late. It used to end
    # in a bare AssertionError.
    from treatywithdraw.timeline import Event, Withdrawal

    seed = tw.load_timeline("lv-ottawa-2025")
    assert isinstance(seed, Withdrawal)
    events = [attrs.evolve(e, on=None) if e.step is Step.INSTRUMENT_DEPOSITED else e for e in seed.events]
    events.append(Event(step="parties-notified", on="2025-07-01", addressee="states-parties"))
    w = Withdrawal(
        party=seed.party, treaty=seed.treaty, procedure=seed.procedure, events=events, options=seed.options
    )
    dated = Withdrawal(
        party=seed.party, treaty=seed.treaty, procedure=seed.procedure, events=seed.events, options=seed.options
    )
    steps = {item.step for item in w.agenda("2026-01-01")}
    assert Step.REVOCATION in steps
    # With its date, the deposit took effect on 2025-12-27: revocable before, too late after.
    assert Step.REVOCATION in {item.step for item in dated.agenda("2025-12-01")}
    assert Step.REVOCATION not in {item.step for item in dated.agenda("2026-01-01")}
