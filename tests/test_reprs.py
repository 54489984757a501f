"""Reprs of a line, notebook tables, and fingerprints that still see every field (issue 14).

A repr names the object; it is not a dump. Before this, printing a recorded withdrawal
wrote 21,895 characters and a treaty 12,269.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import treatywithdraw as tw
from treatywithdraw.formats import load_timeline
from treatywithdraw.formats.timeline_files import definition_hash
from treatywithdraw.procedures import procedure, procedures
from treatywithdraw.timeline import Suspension, Withdrawal

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.toml"))
LIMIT = 200


def lv() -> Withdrawal:
    timeline = load_timeline(SEEDS[0].with_name("lv-ottawa-2025.toml"))
    assert isinstance(timeline, Withdrawal)
    return timeline


def test_the_latvian_withdrawal_its_effect_and_its_treaty_read_in_a_line() -> None:
    w = lv()
    assert repr(w) == "Withdrawal(LV, ottawa, 5 steps, effective 2025-12-27)"
    assert repr(w.effect) == "Effect(LV, ottawa, received 2025-06-27 → 2025-12-27)"
    assert repr(w.treaty) == "Treaty('ottawa')"
    assert repr(w.procedure) == f"Procedure('LV', {len(w.procedure.steps)} steps)"


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_seed_and_its_parts_stay_under_the_limit(path: Path) -> None:
    timeline = load_timeline(path)
    shown = [repr(timeline), repr(timeline.treaty)]
    if isinstance(timeline, Withdrawal):
        shown += [repr(timeline.procedure), repr(timeline.treaty.clause)]
        if timeline.effect is not None:
            shown.append(repr(timeline.effect))
    assert all(len(text) < LIMIT and "\n" not in text for text in shown), shown


def test_every_treaty_procedure_and_real_withdrawal_stays_under_the_limit() -> None:
    shown = [repr(t) for t in tw.treaties()] + [repr(t.clause) for t in tw.treaties()]
    shown += [repr(p) for p in procedures()]
    shown += [repr(r) for r in tw.withdrawals()]
    too_long = [text for text in shown if len(text) >= LIMIT or "\n" in text]
    assert not too_long


def test_a_withdrawal_repr_names_its_outcome_and_never_raises() -> None:
    fresh = Withdrawal.start(party="FR", treaty="cedaw", procedure="generic")
    assert repr(fresh) == "Withdrawal(FR, cedaw, 0 steps, not deposited)"
    # CEDAW has no withdrawal clause: the effect raises, the repr says so instead.
    deposited = fresh.record("instrument-deposited", "2025-01-02")
    with pytest.raises(tw.NoWithdrawalClauseError):
        _ = deposited.effect
    assert repr(deposited) == "Withdrawal(FR, cedaw, 1 step, effect not computable: NoWithdrawalClauseError)"
    assert repr(lv().record("revocation", "2025-07-01")) == "Withdrawal(LV, ottawa, 6 steps, revoked)"
    at_war = Withdrawal.start(
        party="UA",
        treaty="ottawa",
        procedure="generic",
        options=tw.NoticeOptions(armed_conflicts=[("2025-06-01", None)]),
    ).record("instrument-deposited", "2025-03-01")
    assert repr(at_war) == "Withdrawal(UA, ottawa, 1 step, effect pending)"


def test_effect_suspension_projection_view_and_register_reprs() -> None:
    assert repr(tw.effect("ottawa", "2025-03-01", armed_conflicts=[("2025-06-01", None)])) == (
        "Effect(ottawa, received 2025-03-01 → pending)"
    )
    s = Suspension.create(party="UA", treaty="ottawa", basis="VCLT Art. 62", notified="2025-07-18")
    assert repr(s) == "Suspension(UA, ottawa, VCLT Art. 62, notified 2025-07-18)"
    w = lv()
    assert repr(w.project()) == "Projection(0 steps, deposit 2025-06-27, effective 2025-12-27)"
    early = tw.view(w, "2025-03-01")
    assert early.status is not None
    assert repr(early) == f"WithdrawalView(LV, ottawa, as of 2025-03-01, {early.status.value})"
    assert early.projection is not None
    assert repr(early.projection).startswith(f"Projection({len(early.projection.steps)} steps, deposit ")
    record = next(r for r in tw.withdrawals() if (r.party, r.treaty.key) == ("LV", "ottawa"))
    assert repr(record) == "RealWithdrawal(LV, ottawa, received 2025-06-27, effective 2025-12-27)"


def test_a_clause_repr_gives_article_kind_period_and_convention() -> None:
    assert repr(tw.treaty("ottawa").clause) == "WithdrawalClause(Art. 20(2)-(3), notice P6M, anniversary)"
    assert repr(tw.treaty("cedaw").clause).startswith("WithdrawalClause(")
    assert "none" in repr(tw.treaty("cedaw").clause)


class _Table(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(markup: str) -> _Table:
    table = _Table()
    table.feed(markup)
    return table


def test_treaty_effect_procedure_withdrawal_and_projection_have_notebook_tables() -> None:
    w = lv()
    for obj in (w.treaty, w.effect, w.procedure, w, w.project()):
        markup = obj._repr_html_()  # type: ignore[union-attr]
        table = parsed(markup)
        assert table.tags[0] == "table" and "tr" in table.tags, type(obj)
    assert "2025-12-27" in parsed(w.project()._repr_html_()).text
    silent = attrs.evolve(w.project(), note="")
    assert "note" not in parsed(silent._repr_html_()).text
    assert "note" in parsed(w.project()._repr_html_()).text
    assert "Art. 20(2)-(3)" in parsed(w.treaty._repr_html_()).text
    assert "Saeima" in "".join(parsed(w.procedure._repr_html_()).text)


def test_notebook_tables_escape_what_they_show() -> None:
    odd = attrs.evolve(tw.treaty("ottawa"), name="<b>Mines & Co</b>")
    markup = odd._repr_html_()
    assert "<b>" not in markup and "&lt;b&gt;Mines &amp; Co&lt;/b&gt;" in markup


def test_fingerprints_still_see_the_fields_the_repr_leaves_out() -> None:
    ottawa = tw.treaty("ottawa")
    edited = attrs.evolve(ottawa, clause=attrs.evolve(ottawa.clause, text=ottawa.clause.text + " "))
    assert repr(edited) == repr(ottawa)
    assert definition_hash(edited) != definition_hash(ottawa)
    assert definition_hash(attrs.evolve(ottawa)) == definition_hash(ottawa)
    lv_procedure = procedure("LV")
    renamed = attrs.evolve(lv_procedure, summary=lv_procedure.summary + ".")
    assert repr(renamed) == repr(lv_procedure)
    assert definition_hash(renamed) != definition_hash(lv_procedure)
