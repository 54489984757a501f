"""Issue 12's clause shapes: provisional application, linked withdrawals, conditions
precedent, and the withdrawal of an optional declaration. Each asserts real dates from
the cited cases (the data files cite them) and reads the derivation a user would read.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw import CatalogueError, InvalidArgumentError, NoticeNotAllowedError
from treatywithdraw.catalogue import Evidence, load_treaty_file
from treatywithdraw.clauses import Linked
from treatywithdraw.cli import main
from treatywithdraw.formats import parse_timeline

DATA = Path(tw.__file__).parent / "data" / "treaties"


class TestProvisionalApplication:
    """Energy Charter Treaty Art. 45(3)(a): 60 days, not Art. 47's year and a day."""

    def test_russia_2009_is_art_45_not_art_47(self) -> None:
        # Received 20 August 2009; ended 19 October 2009 (ASIL Insights on the Yukos awards).
        assert tw.effective_date("ect", "2009-08-20", party="RU") == date(2009, 10, 19)
        # What Art. 47 would have said, and what the library said before issue 12:
        assert tw.effective_date("ect", "2009-08-20") == date(2010, 8, 21)

    def test_australia_2021_ends_on_13_december(self) -> None:
        # The depositary communication (Dutch Treaty Database) and DFAT date the end of
        # Australia's provisional application 13 December 2021; the receipt date was not
        # published, so the rule says when it must have been received.
        assert tw.latest_receipt_date("ect", "2021-12-13", party="AU") == date(2021, 10, 14)
        assert tw.effective_date("ect", "2021-10-14", party="AU") == date(2021, 12, 13)
        assert tw.effective_date("ect", "2021-10-15", party="AU") == date(2021, 12, 14)
        # DFAT's 28 September 2021 is the date of the instrument, not of its receipt.
        assert tw.effective_date("ect", "2021-09-28", party="AU") == date(2021, 11, 27)

    @pytest.mark.parametrize("party", ["RU", "AU", "BY", "IS", "NO"])
    def test_the_recorded_signatories_need_no_option(self, party: str) -> None:
        e = tw.effect("ect", "2009-08-20", party=party)
        assert e.rule == "provisional"
        assert e.notice_period == tw.Period(days=60)
        assert e.date == date(2009, 10, 19)

    def test_a_contracting_party_keeps_art_47(self) -> None:
        e = tw.effect("ect", "2014-12-31", party="IT")
        assert (e.rule, e.date) == ("clause", date(2016, 1, 1))
        assert "Art. 45(3)(a)" not in e.explain().splitlines()[0]

    def test_any_other_signatory_asks_with_the_option(self) -> None:
        by_option = tw.effect("ect", "2009-08-20", provisional=True)
        assert (by_option.rule, by_option.date) == ("provisional", date(2009, 10, 19))
        assert tw.effective_date("ect", "2009-08-20", options=tw.NoticeOptions(provisional=True)) == date(
            2009, 10, 19
        )
        assert "on the caller's word (provisional=True)" in by_option.explain()

    def test_the_derivation_names_art_45_3_a_and_quotes_it(self) -> None:
        text = tw.effect("ect", "2009-08-20", party="RU").explain()
        lines = text.splitlines()
        assert lines[0].startswith("Energy Charter Treaty (ect), Art. 45(3)(a) — depositary")
        assert "RU is a signatory that applied the treaty provisionally" in text
        assert "Expiry: 2009-08-20 + 60 days = 2009-10-19." in text
        # The evidence shown is the provisional signatories' own, not Italy's Art. 47 case.
        assert "Evidence for the convention — cases: RU 2009-08-20 → 2009-10-19." in text
        assert "upon the expiration of 60 days from the date on which such signatory's" in lines[-1]

    def test_a_contracting_partys_derivation_shows_art_47_cases_only(self) -> None:
        text = tw.effect("ect", "2014-12-31").explain()
        assert "IT 2014-12-31 → 2016-01-01" in text
        assert "RU 2009-08-20" not in text

    def test_the_five_year_wait_of_art_47_does_not_bind_a_signatory(self) -> None:
        # Art. 47(1) counts from entry into force for a Contracting Party; a signatory has none.
        assert tw.effective_date("ect", "2009-08-20", party="RU", party_since="2009-01-01") == date(
            2009, 10, 19
        )
        with pytest.raises(tw.NoticeTooEarlyError):
            tw.effective_date("ect", "2009-08-20", party="IT", party_since="2009-01-01")

    def test_planning_for_a_signatory_ignores_the_five_years_too(self) -> None:
        # A Contracting Party could give notice from 2003-04-16 at the earliest (Art. 47(1),
        # five years from the treaty's entry into force); a signatory at any time.
        with pytest.raises(tw.NoticeTooEarlyError, match="2003-04-16"):
            tw.latest_receipt_date("ect", "2000-01-01")
        assert tw.latest_receipt_date("ect", "2000-01-01", party="RU") == date(1999, 11, 2)
        assert tw.latest_receipt_date("ect", "2000-01-01", provisional=True) == date(1999, 11, 2)
        assert tw.earliest_notice_date("ect", party_since="2008-01-01") == date(2013, 1, 1)
        assert tw.earliest_notice_date("ect", party_since="2008-01-01", party="RU") == date(2008, 1, 1)

    def test_art_45_lets_no_notice_name_its_date(self) -> None:
        with pytest.raises(NoticeNotAllowedError, match=r"ect Art\. 45\(3\)\(a\) does not let") as info:
            tw.effective_date("ect", "2009-08-20", party="RU", later_date="2010-01-01")
        assert info.value.field == "later_date"
        # Art. 47(2) does ("or on such later date as may be specified").
        assert tw.effective_date("ect", "2014-12-31", later_date="2016-06-01") == date(2016, 6, 1)

    def test_the_option_is_refused_where_the_treaty_has_no_such_article(self) -> None:
        with pytest.raises(
            InvalidArgumentError, match="provides no termination of provisional application"
        ) as info:
            tw.effective_date("ottawa", "2025-06-27", provisional=True)
        assert info.value.field == "provisional"
        assert "drop provisional=True" in str(info.value)

    def test_the_option_is_a_flag_of_the_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["effective", "ect", "2021-10-14", "--provisional"]) == 0
        assert capsys.readouterr().out.strip() == "2021-12-13"
        assert main(["plan", "ect", "--effective-by", "2021-12-13", "--provisional"]) == 0
        assert capsys.readouterr().out.strip() == "2021-10-14"
        assert main(["effective", "ect", "2009-08-20", "--party", "RU", "--json"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert (record["rule"], record["article"], record["effective_date"]) == (
            "provisional",
            "Art. 45(3)(a)",
            "2009-10-19",
        )

    def test_show_lists_the_terms_and_the_signatories(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "ect"]) == 0
        out = capsys.readouterr().out
        assert "provisional: Art. 45(3)(a), 60 days, convention anniversary" in out
        assert main(["show", "ect", "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["provisional"] == {
            "article": "Art. 45(3)(a)",
            "notice_period": "P60D",
            "convention": "anniversary",
            "parties": ["RU", "AU", "BY", "IS", "NO"],
        }
        assert main(["show", "ottawa", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["provisional"] is None

    def test_the_option_is_a_field_of_a_file(self) -> None:
        options, problems = tw.NoticeOptions.from_record({"provisional": True})
        assert (options, problems) == (tw.NoticeOptions(provisional=True), [])
        assert options.to_record() == {"provisional": True}
        _, problems = tw.NoticeOptions.from_record({"provisional": "yes"})
        assert [p.path for p in problems] == ["options.provisional"]
        w = parse_timeline(
            'party = "AU"\ntreaty = "ect"\nprocedure = "generic"\n[options]\nprovisional = true\n'
        )
        assert isinstance(w, tw.Withdrawal)
        assert w.options.provisional is True

    def test_a_provisional_rule_without_its_own_cases_says_so(self) -> None:
        ect = tw.treaty("ect")
        contracting_only = Evidence(
            status="cases", cases=tuple(c for c in ect.evidence.cases if c.party != "RU")
        )
        variant = attrs.evolve(ect, evidence=contracting_only)
        text = tw.effect(variant, "2009-08-20", party="RU").explain()
        assert "Evidence for the convention — assumed: no case under Art. 45(3)(a) recorded." in text

    def test_a_bad_signatory_code_is_named(self) -> None:
        text = (DATA / "ect.toml").read_text("utf-8").replace('parties = ["RU",', 'parties = ["Russia",', 1)
        with pytest.raises(CatalogueError) as info:
            load_treaty_file("ect.toml", text)
        assert info.value.field == "clause.provisional.parties[0]"


class TestLinkedWithdrawals:
    def test_unfccc_takes_paris_and_kyoto_the_same_day(self) -> None:
        e = tw.effect("unfccc", "2026-01-09")
        assert e.date == date(2027, 1, 9)
        assert [(k.key, k.date) for k in e.linked] == [
            ("paris", date(2027, 1, 9)),
            ("kyoto", date(2027, 1, 9)),
        ]
        assert [k.link.article for k in e.linked] == [
            "Paris Agreement Art. 28(3)",
            "Kyoto Protocol Art. 27(3)",
        ]
        text = e.explain()
        assert (
            "Linked withdrawal: the party also ceases to be bound by paris, on 2027-01-09 — Paris Agreement "
            'Art. 28(3): "Any Party that withdraws from the Convention shall be considered as also having '
            'withdrawn from this Agreement."'
        ) in text

    def test_the_unfccc_text_itself_says_so_too(self) -> None:
        assert "considered as also having withdrawn from any protocol" in tw.treaty("unfccc").clause.text

    def test_council_of_europe_protocols_follow_their_convention(self) -> None:
        # CETS 191 Art. 13: "Denunciation of the Convention automatically entails denunciation of this Protocol."
        e = tw.effect("cets-173", "2023-03-15")
        assert e.date == date(2023, 7, 1)
        assert [(k.key, k.date) for k in e.linked] == [("cets-191", date(2023, 7, 1))]
        assert {k.key for k in tw.effect("cets-024", "2023-03-15").linked} == {
            "cets-086",
            "cets-098",
            "cets-209",
        }

    def test_a_protocol_withdrawn_alone_takes_nothing_with_it(self) -> None:
        assert tw.effect("cets-191", "2024-01-18").linked == ()
        assert tw.effect("paris", "2025-01-27").linked == ()

    @pytest.mark.parametrize("t", [t for t in tw.treaties() if t.clause.linked], ids=lambda t: t.key)
    def test_every_link_leads_to_another_catalogue_treaty(self, t: tw.Treaty) -> None:
        for link in t.clause.linked:
            assert tw.treaty(link.key).key == link.key != t.key
            assert link.text.strip() and link.source.startswith("https://")

    def test_a_pending_withdrawal_leaves_the_linked_dates_pending(self) -> None:
        ottawa = tw.treaty("ottawa")
        link = Linked(
            key="ccm",
            article="(a test link)",
            text="(none)",
            source="https://example.org",
            read_on=date(2026, 11, 30),
        )
        linked = attrs.evolve(ottawa, clause=attrs.evolve(ottawa.clause, linked=(link,)))
        e = tw.effect(linked, "2025-06-27", armed_conflicts=[("2022-02-24", None)])
        assert e.date is None
        assert [(k.key, k.date) for k in e.linked] == [("ccm", None)]
        assert "ceases to be bound by ccm, on the same day, once it is known" in e.explain()

    def test_show_and_json_list_them(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "unfccc"]) == 0
        out = capsys.readouterr().out
        assert "linked:      paris goes with it, the same day (Paris Agreement Art. 28(3))" in out
        assert main(["show", "unfccc", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["linked"] == ["paris", "kyoto"]
        assert main(["effective", "unfccc", "2026-01-09", "--json"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert record["linked"][1] == {
            "treaty": "kyoto",
            "effective_date": "2027-01-09",
            "article": "Kyoto Protocol Art. 27(3)",
        }

    def test_a_bad_link_key_is_named(self) -> None:
        text = (
            (DATA / "unfccc.toml").read_text("utf-8").replace('key = "paris"', 'key = "Paris Agreement"', 1)
        )
        with pytest.raises(CatalogueError) as info:
            load_treaty_file("unfccc.toml", text)
        assert info.value.field == "clause.linked[0].key"


class TestConditionsPrecedent:
    def test_ilo_dues_are_shown_with_the_date(self) -> None:
        # US notice received 6 November 1975; out 6 November 1977 (dues paid).
        e = tw.effect("ilo-constitution", "1975-11-06")
        assert e.date == date(1977, 11, 6)
        assert [c.article for c in e.conditions] == ["Art. 1(5)"]
        text = e.explain()
        assert (
            "Condition (Art. 1(5)): the date holds only if the Member has, at that time (the date of effect), "
            "fulfilled all financial obligations arising out of its membership. The library does not check it"
        ) in text
        assert "Contested" not in text

    def test_who_us_terms_carry_the_dues_condition_and_the_dispute(self) -> None:
        e = tw.effect("who", "2025-01-22", party="US")
        assert (e.rule, e.date) == ("party-terms", date(2026, 1, 22))
        (condition,) = e.conditions
        assert condition.party == "US"
        assert "met in full for the Organization's current fiscal year" in condition.text
        assert "had currently not paid its invoiced amounts for assessed contributions" in condition.contested
        assert "Contested: WHO disputed that the condition was met" in e.explain()

    def test_another_state_is_not_bound_by_the_us_condition(self) -> None:
        e = tw.effect("who", "2025-03-17", party="AR", apply_vclt56=True)
        assert (e.rule, e.date, e.conditions) == ("vclt56", date(2026, 3, 17), ())

    def test_show_and_json_list_them(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "who"]) == 0
        assert (
            "condition:   US reservation (22 U.S.C. 290c), accepted by the World Health Assembly in 1948 [US]"
            in (capsys.readouterr().out)
        )
        assert main(["show", "who", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["conditions"][0]["party"] == "US"
        assert main(["effective", "ilo", "1975-11-06", "--json"]) == 0
        (condition,) = json.loads(capsys.readouterr().out)["conditions"]
        assert (condition["article"], condition["contested"]) == ("Art. 1(5)", None)

    def test_a_bad_condition_party_is_named(self) -> None:
        text = (
            (DATA / "who.toml").read_text("utf-8").replace('party = "US"\nsource', 'party = "USA"\nsource', 1)
        )
        with pytest.raises(CatalogueError) as info:
            load_treaty_file("who.toml", text)
        assert info.value.field == "clause.conditions[0].party"


class TestOptionalDeclaration:
    """African Court Protocol Art. 34(6): the declaration goes, the Protocol stays."""

    def test_rwanda_2016_twelve_months_as_the_court_dated_it(self) -> None:
        # Deposited 29 February 2016 (IJRC); effective 1 March 2017 (the Court's ruling of 3 June 2016).
        e = tw.effect("afchpr-34-6", "2016-02-29")
        assert e.date == date(2017, 3, 1)
        assert (e.rounded, e.rounding) == (True, tw.Rounding.FORWARD)
        assert "Ingabire v. Rwanda" in e.explain().splitlines()[0]

    def test_a_withdrawal_deposited_on_another_day_takes_twelve_months_to_the_day(self) -> None:
        # The rule, not a case: only Rwanda's dates were read (Tanzania's, Benin's and Côte
        # d'Ivoire's effective dates were not, see the file), so this checks the period alone.
        e = tw.effect("afchpr-34-6", "2019-11-21")
        assert (e.expiry, e.date, e.rounded) == (date(2020, 11, 21), date(2020, 11, 21), False)

    def test_the_protocol_itself_has_no_withdrawal_clause(self) -> None:
        assert tw.treaty("afchpr-protocol").clause.kind.value == "none"
        assert "afchpr-34-6" in tw.treaty("afchpr-protocol").clause.article
        assert tw.treaty("afchpr-34-6-declaration").key == "afchpr-34-6"
