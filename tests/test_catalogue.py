"""Catalogue integrity: every data file loads, is cited, and its cases come out right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import treatywithdraw as tw
from treatywithdraw import CatalogueError, Treaty
from treatywithdraw.catalogue import load_treaty_file
from treatywithdraw.clauses import ClauseKind, Verification

DATA = Path(tw.__file__).parent / "data" / "treaties"
ALL = tw.treaties()
CASES = [(t.key, case) for t in ALL for case in t.evidence.cases]

CORE_KEYS = [
    "ottawa",
    "ccm",
    "paris",
    "rome-statute",
    "icsid",
    "ect",
    "istanbul",
    "unesco",
    "iccpr-op1",
    "npt",
    "who",
]


def test_every_file_is_in_the_catalogue() -> None:
    assert sorted(p.stem for p in DATA.glob("*.toml")) == [t.key for t in ALL]


@pytest.mark.parametrize("key", CORE_KEYS)
def test_core_treaties_are_present(key: str) -> None:
    assert tw.treaty(key).key == key


def test_keys_and_aliases_are_unique() -> None:
    names = [name for t in ALL for name in (t.key, *t.aliases)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("t", ALL, ids=lambda t: t.key)
def test_every_alias_resolves(t: Treaty) -> None:
    for alias in t.aliases:
        assert tw.treaty(alias) is t
        assert tw.treaty(alias.upper()) is t


@pytest.mark.parametrize("t", ALL, ids=lambda t: t.key)
def test_every_treaty_is_cited(t: Treaty) -> None:
    assert t.sources, "at least one source"
    for source in t.sources:
        assert source.url.startswith(("http://", "https://"))
        assert source.read_on <= date(2026, 12, 31)
    if t.clause.kind is ClauseKind.NONE:
        assert t.clause.no_clause_note.strip()
    else:
        assert t.clause.text.strip(), "the clause text is quoted"
    if t.clause.verification is not Verification.VERIFIED:
        assert t.clause.verification_note.strip()
    if t.clause.rounding is not None:
        assert t.clause.rounding_basis.strip()


@pytest.mark.parametrize("t", ALL, ids=lambda t: t.key)
def test_every_convention_has_evidence_or_a_stated_assumption(t: Treaty) -> None:
    evidence = t.evidence
    if evidence.status == "cases":
        assert evidence.cases
    else:
        assert evidence.status == "assumed"
        assert evidence.reason.strip()


@pytest.mark.parametrize(("key", "case"), CASES, ids=[f"{k}-{c.party}-{c.received}" for k, c in CASES])
def test_recorded_cases_follow_from_the_rule(key: str, case: object) -> None:
    from treatywithdraw.catalogue import Case

    assert isinstance(case, Case)
    t = tw.treaty(key)
    got = tw.effective_date(
        t,
        case.received,
        party=case.party,  # party terms and provisional signatories (ect: RU) follow from it
        later_date=case.later_date,
        extended_to=case.extended_to,
        agreement_in_force=case.agreement_in_force,
    )
    assert got == case.effective, case.source


def test_the_seed_cases_are_in_the_data() -> None:
    parties = {c.party for c in tw.treaty("ottawa").evidence.cases}
    assert {"LV", "LT", "EE", "FI"} <= parties


class TestLoaderErrors:
    """A bad file is one CatalogueError naming the file and the field."""

    GOOD = (DATA / "ottawa.toml").read_text("utf-8")

    def load(self, text: str) -> Treaty:
        return load_treaty_file("treatywithdraw/data/treaties/ottawa.toml", text)

    def test_the_good_file_loads(self) -> None:
        assert self.load(self.GOOD).key == "ottawa"

    def test_bad_toml(self) -> None:
        with pytest.raises(CatalogueError, match=r"ottawa\.toml: not valid TOML"):
            self.load(self.GOOD + "\n[[[")

    @pytest.mark.parametrize(
        ("old", "new", "field"),
        [
            ('notice_period = "P6M"', 'notice_period = "six months"', "clause.notice_period"),
            ('convention = "anniversary"', 'convention = "sometime"', "clause.convention"),
            ('time_zone = "America/New_York"', 'time_zone = "Mars/Olympus"', "depositary.time_zone"),
            ('key = "ottawa"', 'key = "Ottawa"', "key"),
            ('entry_into_force = "1999-03-01"', 'entry_into_force = "1999-02-30"', "entry_into_force"),
        ],
    )
    def test_bad_field_is_named(self, old: str, new: str, field: str) -> None:
        assert old in self.GOOD
        with pytest.raises(CatalogueError) as info:
            self.load(self.GOOD.replace(old, new, 1))
        assert info.value.field == field
        assert "ottawa.toml" in str(info.value)

    def test_a_catalogue_file_name_must_match_the_key(self) -> None:
        from treatywithdraw.catalogue import _catalogue_file

        with pytest.raises(CatalogueError, match="differs from the file name"):
            _catalogue_file("treatywithdraw/data/treaties/other.toml", self.GOOD)

    def test_missing_sources(self) -> None:
        head = self.GOOD.split("[[sources]]")[0]
        tail = "[evidence]" + self.GOOD.split("[evidence]", 1)[1]
        with pytest.raises(CatalogueError) as info:
            self.load(head + tail)
        assert info.value.field == "sources"


def test_loading_is_lazy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, treatywithdraw; "
        "assert 'treatywithdraw.catalogue' not in sys.modules; "
        "assert 'tomllib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
