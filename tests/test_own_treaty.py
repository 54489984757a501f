"""One's own treaty file, first class: tw.treaty(path), effective_date(path), the command line,
and a withdrawal from it that is saved to JSON and loads back (issue 14)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

import treatywithdraw as tw
from treatywithdraw.cli import main
from treatywithdraw.errors import CatalogueError, TimelineFileError

# A made-up treaty: the file name (pact.toml) is not its key (regional-pact) on purpose.
PACT = """
key = "regional-pact"
name = "Regional Pact on Fisheries Cooperation"
short_name = "Regional Pact"

[depositary]
name = "Government of Norway"
time_zone = "Europe/Oslo"

[clause]
kind = "notice"
article = "Art. 12"
text = "Denunciation shall take effect one year after the date of its receipt."
verification = "assumed"
verification_note = "a test treaty, not a real one"
notice_period = "P1Y"
convention = "anniversary"

[evidence]
status = "assumed"
reason = "a test treaty: the same calendar day a year after receipt"

[[sources]]
url = "https://example.org/regional-pact"
title = "Text of the Pact"
read_on = "2026-11-30"
supports = "clause text"
"""


@pytest.fixture
def pact(tmp_path: Path) -> Path:
    path = tmp_path / "pact.toml"
    path.write_text(PACT, encoding="utf-8")
    return path


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_treaty_reads_a_path_as_a_file_of_ones_own(pact: Path) -> None:
    by_path, by_text = tw.treaty(pact), tw.treaty(str(pact))
    assert by_path == by_text
    assert by_path.key == "regional-pact"  # the key need not be the file's name
    assert by_path.depositary.time_zone == "Europe/Oslo"


def test_effective_date_takes_the_path(pact: Path) -> None:
    # One year after receipt, on the same day (the file's own period and convention).
    assert tw.effective_date(pact, "2025-03-31").isoformat() == "2026-03-31"
    assert tw.effective_date(str(pact), "2024-02-29", rounding="backward").isoformat() == "2025-02-28"


def test_a_relative_path_with_a_slash_is_a_file(pact: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(pact.parent.parent)
    assert tw.treaty(f"{pact.parent.name}/pact.toml").key == "regional-pact"


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('key = "bad"\nname = "A bad treaty"\n', encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        tw.treaty(bad)
    message = str(info.value)
    for field in ("short_name", "depositary", "clause", "evidence", "sources"):
        assert field in message, field
    assert "bad.toml" in message


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"nowhere\.toml"):
        tw.treaty(tmp_path / "nowhere.toml")


def test_a_path_with_a_nul_character_is_a_library_error() -> None:
    with pytest.raises(tw.TreatyWithdrawError, match="holds a NUL character"):
        tw.treaty("a\x00/b.toml")


def test_a_key_is_still_a_key() -> None:
    assert tw.treaty("ottawa").key == "ottawa"
    with pytest.raises(tw.UnknownTreatyError):
        tw.treaty("no-such-treaty")


def test_the_command_line_takes_the_file(pact: Path) -> None:
    assert _run(["effective", str(pact), "2025-03-31"]) == (0, "2026-03-31\n", "")
    code, out, _ = _run(["show", str(pact), "--json"])
    assert code == 0 and json.loads(out)["key"] == "regional-pact"


def test_a_withdrawal_from_ones_own_treaty_saves_and_loads_back(pact: Path, tmp_path: Path) -> None:
    own = tw.treaty(pact)
    w = tw.Withdrawal.start(party="IS", treaty=own).record("instrument-deposited", "2025-03-31")
    saved = tmp_path / "is-pact.json"
    saved.write_text(tw.timeline_to_json(w), encoding="utf-8")

    back = tw.load_timeline(saved, treaty=own)
    assert back == w
    assert back.effective_date is not None and back.effective_date.isoformat() == "2026-03-31"
    assert tw.timeline_from_json(saved.read_text("utf-8"), treaty=own) == w

    # Without the treaty, the error says how to give it.
    with pytest.raises(TimelineFileError, match=r"treaty file of your own.*--treaty FILE"):
        tw.load_timeline(saved)

    code, out, err = _run(["timeline", str(saved), "--treaty", str(pact), "--as-of", "2025-06-01"])
    assert (code, err) == (0, "")
    assert "Effective date: 2026-03-31" in out
    code, out, _ = _run(["timeline", str(saved), "--treaty", str(pact), "--as-of", "2025-06-01", "--json"])
    assert code == 0 and json.loads(out)["effect"]["effective_date"] == "2026-03-31"


def test_a_toml_timeline_of_ones_own_treaty_loads_with_it(pact: Path, tmp_path: Path) -> None:
    timeline = tmp_path / "is.toml"
    timeline.write_text(
        'party = "IS"\ntreaty = "regional-pact"\n\n[[events]]\nstep = "instrument-deposited"\non = 2025-03-31\n',
        encoding="utf-8",
    )
    w = tw.load_timeline(timeline, treaty=tw.treaty(pact))
    assert isinstance(w, tw.Withdrawal) and w.treaty.key == "regional-pact"


def test_a_timeline_file_names_its_treaty_by_key_not_by_path(pact: Path, tmp_path: Path) -> None:
    timeline = tmp_path / "is.toml"
    timeline.write_text(f'party = "IS"\ntreaty = "{pact}"\n', encoding="utf-8")
    with pytest.raises(
        TimelineFileError, match=r"is\.toml:treaty: .* is a file path, but a timeline names its treaty by key"
    ):
        tw.load_timeline(timeline)
