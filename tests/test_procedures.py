"""Procedure templates: the registry, the table checks, and each country's rules."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from treatywithdraw.errors import InvalidArgumentError, NotAWithdrawalError, UnknownPartyError
from treatywithdraw.formats import load_timeline
from treatywithdraw.periods import Period
from treatywithdraw.procedures import (
    BRANCH_STEPS,
    Actor,
    Confidence,
    Deadline,
    Procedure,
    Step,
    StepRule,
    procedure,
    procedures,
)
from treatywithdraw.timeline import Suspension

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("LV", "LT", "EE", "PL", "FI")


def test_step_values_are_kebab_case_and_complete() -> None:
    assert [s.value for s in Step] == [
        "initiative",
        "government-decision",
        "presidential-submission",
        "parliament-approval",
        "senate-approval",
        "head-of-state-act",
        "denunciation-decision",
        "instrument-deposited",
        "parties-notified",
        "revocation",
        "law-returned",
        "publication-suspended",
        "parliament-rejection",
        "parliament-postponement",
        "notice-signed",
        "court-ruling",
        "condition-contested",
    ]
    assert Step("law-returned") is Step.LAW_RETURNED
    assert Step.REVOCATION == "revocation"


@pytest.mark.parametrize("code", [*COUNTRIES, "generic"])
def test_registry_finds_each_template(code: str) -> None:
    p = procedure(code)
    assert p.key == code
    assert procedure(code.lower()) is p
    assert procedure(p) is p


@pytest.mark.parametrize(("alias", "code"), [("LVA", "LV"), ("poland", "PL"), (" fin ", "FI")])
def test_aliases(alias: str, code: str) -> None:
    assert procedure(alias).key == code


def test_procedures_lists_every_template() -> None:
    keys = [p.key for p in procedures()]
    assert keys[-1] == "generic" and keys[:-1] == sorted(keys[:-1])
    assert {"US", "GB", "DE", "FR", "HU", "UA", "RU", "ZA", "PH", "EU", "LV", "LT", "EE", "PL", "FI"} <= set(
        keys
    )
    assert len(keys) >= 20


def test_unknown_party_names_the_known_codes() -> None:
    with pytest.raises(UnknownPartyError) as info:
        procedure("TV")
    assert isinstance(info.value, LookupError)
    message = str(info.value)
    assert "'TV'" in message
    assert "LV" in message
    assert "generic" in message


def test_ukraine_has_a_template_and_its_2025_notice_stays_a_suspension() -> None:
    assert procedure("UA").name == "Ukraine"
    seed = load_timeline(ROOT / "seeds" / "ua-ottawa-2025.toml")
    assert isinstance(seed, Suspension)
    with pytest.raises(NotAWithdrawalError, match=r"VCLT Art\. 62"):
        _ = seed.effective_date


@pytest.mark.parametrize("p", procedures(), ids=lambda p: p.key)
def test_every_template_is_documented(p: Procedure) -> None:
    assert p.summary
    assert p.legal_basis
    assert p.sources, "every template cites its sources"
    for source in p.sources:
        assert source.url.startswith(("http://", "https://"))
        assert isinstance(source.confidence, Confidence)
    for rule in p.steps:
        assert rule.provision, f"{p.key} {rule.step} names no provision"
        assert rule.actor.name
    assert p.unconfirmed, "every template says what the research could not confirm"


@pytest.mark.parametrize("p", procedures(), ids=lambda p: p.key)
def test_every_required_step_has_a_typical_duration(p: Procedure) -> None:
    for step in p.main_path():
        d = p.duration(step)
        if step == p.main_path()[0] and d is None:
            continue
        assert d is not None, f"{p.key} has no duration for {step}"
        assert d.basis


@pytest.mark.parametrize("code", COUNTRIES)
def test_country_templates_have_local_actor_names(code: str) -> None:
    for rule in procedure(code).steps:
        if rule.step is Step.PARLIAMENT_POSTPONEMENT or not rule.incidental:
            assert rule.actor.local_name, f"{code} {rule.step}"


@pytest.mark.parametrize("p", procedures(), ids=lambda p: p.key)
def test_every_template_allows_revocation_after_deposit(p: Procedure) -> None:
    assert Step.INSTRUMENT_DEPOSITED in p.prerequisites(Step.REVOCATION)
    assert Step.INSTRUMENT_DEPOSITED in p.prerequisites(Step.PARTIES_NOTIFIED)


def test_latvian_deposit_needs_promulgation_and_the_saeima() -> None:
    lv = procedure("LV")
    assert lv.prerequisites(Step.INSTRUMENT_DEPOSITED) == (
        Step.PARLIAMENT_APPROVAL,
        Step.HEAD_OF_STATE_ACT,
    )
    assert lv.reopeners(Step.PARLIAMENT_APPROVAL) == (Step.LAW_RETURNED,)


def test_latvian_deadlines() -> None:
    lv = procedure("LV")
    art69, art72 = lv.deadlines_for(Step.HEAD_OF_STATE_ACT)
    assert (art69.earliest, art69.latest) == (Period(days=7), Period(days=21))
    assert set(art69.unless) == {Step.LAW_RETURNED, Step.PUBLICATION_SUSPENDED}
    assert art72.earliest == Period(months=2)
    (art71,) = lv.deadlines_for(Step.LAW_RETURNED)
    assert art71.latest == Period(days=10)
    assert art71.enforced


def test_polish_denunciation_is_a_separate_presidential_act() -> None:
    pl = procedure("PL")
    assert pl.prerequisites(Step.DENUNCIATION_DECISION) == (
        Step.PARLIAMENT_APPROVAL,
        Step.SENATE_APPROVAL,
        Step.HEAD_OF_STATE_ACT,
    )
    assert "Art. 133" in pl.rule(Step.DENUNCIATION_DECISION).provision


def test_finnish_president_decides_after_consent() -> None:
    fi = procedure("FI")
    assert Step.HEAD_OF_STATE_ACT not in fi
    assert fi.rule(Step.DENUNCIATION_DECISION).requires == (Step.PARLIAMENT_APPROVAL,)


def test_lithuanian_seimas_acts_on_the_presidents_submission() -> None:
    lt = procedure("LT")
    assert lt.rule(Step.PARLIAMENT_APPROVAL).requires == (Step.PRESIDENTIAL_SUBMISSION,)
    assert not lt.rule(Step.GOVERNMENT_DECISION).required


def test_generic_template_requires_nothing_domestic_for_the_deposit() -> None:
    generic = procedure("generic")
    assert generic.prerequisites(Step.INSTRUMENT_DEPOSITED) == ()
    assert generic.approval_steps() == (Step.PARLIAMENT_APPROVAL, Step.HEAD_OF_STATE_ACT)


def test_unenforced_deadlines_say_why() -> None:
    for p in procedures():
        for d in p.deadlines:
            if not d.enforced:
                assert d.note, f"{p.key} {d.describe()}"


def test_rule_for_unknown_step_lists_the_template_steps() -> None:
    with pytest.raises(InvalidArgumentError, match="its steps are initiative"):
        procedure("FI").rule(Step.SENATE_APPROVAL)


def test_an_inconsistent_table_is_refused_with_every_problem() -> None:
    actor = Actor(name="x")
    with pytest.raises(InvalidArgumentError) as info:
        Procedure(
            key="XX",
            name="Broken",
            summary="",
            legal_basis=(),
            steps=(
                StepRule(step=Step.HEAD_OF_STATE_ACT, actor=actor, requires=(Step.PARLIAMENT_APPROVAL,)),
                StepRule(step=Step.PARLIAMENT_APPROVAL, actor=actor),
                StepRule(step=Step.PARLIAMENT_APPROVAL, actor=actor),
            ),
            deadlines=(
                Deadline(
                    step=Step.LAW_RETURNED,
                    after=Step.PARLIAMENT_APPROVAL,
                    latest=Period(days=1),
                    provision="x",
                ),
            ),
        )
    message = str(info.value)
    assert "appears twice" in message
    assert "no instrument-deposited step" in message
    assert "comes after it in the order" in message
    assert "law-returned, which the template lacks" in message


def test_branch_rules_only_on_branch_steps() -> None:
    actor = Actor(name="x")
    with pytest.raises(InvalidArgumentError, match="reopens/not_after are for branches"):
        Procedure(
            key="XX",
            name="Broken",
            summary="",
            legal_basis=(),
            steps=(
                StepRule(step=Step.INSTRUMENT_DEPOSITED, actor=actor, not_after=(Step.INSTRUMENT_DEPOSITED,)),
            ),
        )


def test_branch_steps_have_no_rank() -> None:
    lv = procedure("LV")
    for step in BRANCH_STEPS & {r.step for r in lv.steps}:
        assert lv.rank(step) is None
    assert lv.rank(Step.INITIATIVE) == 0
    assert lv.rank(Step.INSTRUMENT_DEPOSITED) == 4


def test_deadline_describe() -> None:
    (art69, _) = procedure("LV").deadlines_for(Step.HEAD_OF_STATE_ACT)
    assert art69.describe() == (
        "head-of-state-act from 7 days to 21 days after parliament-approval "
        "(Satversme Art. 69), unless law-returned or publication-suspended"
    )


def test_markdown_table_has_a_row_per_step() -> None:
    for p in procedures():
        rows = p.to_markdown().splitlines()
        assert len(rows) == 2 + len(p.steps)


def test_templates_pickle() -> None:
    for p in procedures():
        assert pickle.loads(pickle.dumps(p)) == p


def test_docs_cover_every_template_and_step() -> None:
    pages = (ROOT / "docs" / "procedure-templates.md").read_text(encoding="utf-8")
    for p in procedures():
        assert f"## `{p.key}`" in pages, f"docs/procedure-templates.md has no section for {p.key}"
    text = (ROOT / "docs" / "procedures.md").read_text(encoding="utf-8")
    for step in Step:
        assert f"`{step.value}`" in text, f"docs/procedures.md does not explain {step.value}"
