"""scripts/check_docs_browser.py catches each fault it claims to: a broken link, a missing
id, a missing asset, a script error. The browser tests skip where Chromium is missing;
.ci/run installs it, then checks the real site with the same script."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from script_modules import load_script

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    return load_script("check_docs_browser")


check = _script()
CHROMIUM = check.find_chromium(None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (apt-get install chromium)")

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>{head}</head>
<body><article role="main"><h1 id="top">{title}</h1>{body}</article></body></html>"""


def _site(tmp_path: Path, pages: dict[str, tuple[str, str]]) -> Path:
    for name, (head, body) in pages.items():
        file = tmp_path / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(PAGE.format(title=name, head=head, body=body), encoding="utf-8")
    (tmp_path / "style.css").write_text("body { color: black; }", encoding="utf-8")
    return tmp_path


def test_broken_links_names_missing_files_and_ids(tmp_path: Path) -> None:
    root = _site(tmp_path, {"index.html": ("", ""), "sub/page.html": ("", "")})
    links = [
        "sub/page.html#top",  # fine
        "index.html",  # fine
        "https://example.org/elsewhere",  # external: not checked
        "mailto:someone@example.org",
        "#top",  # fine, on the page itself
        "nowhere.html",
        "sub/page.html#no-such-id",
    ]
    problems = check.broken_links(root, root / "index.html", links, {})
    assert problems == [
        "broken link 'nowhere.html': no file nowhere.html",
        "broken link 'sub/page.html#no-such-id': no id 'no-such-id' in sub/page.html",
    ]
    # Relative to the page's own folder.
    assert check.broken_links(root, root / "sub" / "page.html", ["../index.html#top", "page.html"], {}) == []


def test_the_probe_errors_are_read_from_the_dom() -> None:
    page = check.parse("<html data-browser-check-errors='[\"uncaught boom\"]'><body><h1>x</h1></body></html>")
    assert page.errors == ["uncaught boom"] and page.headings == 1 and not page.has_main


@needs_chromium
def test_a_sound_site_passes(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "index.html": (
                '<link rel="stylesheet" href="style.css"><link rel="icon" href="data:,">',
                '<a href="other.html#top">other</a>',
            ),
            "other.html": ('<link rel="icon" href="data:,">', '<a href="index.html">home</a>'),
        },
    )
    assert check.check_site(root, CHROMIUM) == []


@needs_chromium
def test_each_fault_is_reported(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "index.html": (
                '<link rel="stylesheet" href="missing.css"><link rel="icon" href="data:,">'
                "<script>window.addEventListener('load', function () { undefinedFunction(); });</script>",
                '<a href="gone.html">gone</a> <a href="index.html#nope">nope</a>',
            ),
        },
    )
    problems = "\n".join(check.check_site(root, CHROMIUM))
    assert "index.html: broken link 'gone.html': no file gone.html" in problems
    assert "no id 'nope' in index.html" in problems
    assert "/missing.css answered 404" in problems
    assert "failed to load" in problems and "missing.css" in problems
    assert "undefinedFunction" in problems


def test_without_a_build_the_script_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check.main([str(tmp_path)]) == 2
    assert "build the docs first" in capsys.readouterr().err


def test_without_chromium_the_script_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert check.main([str(tmp_path)]) == 2
    assert "apt-get install chromium" in capsys.readouterr().err
