"""Check the built documentation site in a real headless browser (Chromium).

    python scripts/check_docs_browser.py BUILD_DIR [--chromium PATH] [--jobs N]

BUILD_DIR is Sphinx's HTML output (``sphinx-build -b html docs BUILD_DIR``). The site is
served on 127.0.0.1 by this script, and every page is loaded in headless Chromium
(Debian's ``chromium`` package: ``apt-get install chromium``). A page passes when:

- it renders: Chromium loads it and the rendered DOM holds the page's main article
  with its heading;
- nothing it loads is missing: every request the browser makes (stylesheets, scripts,
  images, fonts) is answered 200 by the server;
- it has no console error: no uncaught exception, no ``console.error``, no resource
  that failed to load (a small script, added to each page as it is served, records
  them in the DOM that Chromium dumps; Chromium's own console log is read too);
- it has no broken internal link: every ``href`` and ``src`` of the rendered page that
  points into the site names a file that exists and, with ``#fragment``, an element
  with that id in the target page.

Exit code 0 when every page passes, 1 with one line per problem otherwise, 2 when
Chromium cannot be found or started. ``.ci/run`` installs Chromium and runs this after
the docs build; ``tests/test_docs_browser.py`` checks that it catches each kind of fault.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

# Recorded in the page, read back from the dumped DOM: errors, failed loads, rejections.
PROBE = b"""<script>(function () {
  var seen = [];
  function note(text) {
    seen.push(String(text).slice(0, 300));
    document.documentElement.setAttribute("data-browser-check-errors", JSON.stringify(seen));
  }
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) { note("failed to load " + (t.src || t.href)); }
    else { note("uncaught " + (e.message || e.error)); }
  }, true);
  window.addEventListener("unhandledrejection", function (e) { note("unhandled rejection " + e.reason); });
  var original = console.error;
  console.error = function () {
    note("console.error " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();</script>"""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no network: without these, Chromium keeps trying to reach Google.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=5000",  # let deferred scripts (search, theme) run before the dump
    "--dump-dom",
)

# Chromium's log lines for a page's console: `[...:INFO:CONSOLE(12)] "message", source: url (12)`.
_CONSOLE = re.compile(r':CONSOLE\(\d+\)\] "(?P<message>.*)", source: (?P<source>\S*)')
_CONSOLE_PROBLEM = re.compile(
    r"Uncaught|Failed to load resource|Refused to|is not defined|error", re.IGNORECASE
)


class _Log:
    """Every request the server answered: (path, status, referer)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, int, str]] = []

    def add(self, path: str, status: int, referer: str) -> None:
        with self.lock:
            self.requests.append((path, status, referer))


def _handler(root: Path, log: _Log) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def do_GET(self) -> None:
            path = urllib.parse.urlsplit(self.path).path
            file = root / urllib.parse.unquote(path).lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if file.suffix == ".html" and file.is_file():
                body = file.read_bytes()
                # The probe goes first in <head>, before any script of the page can fail.
                body = body.replace(b"<head>", b"<head>" + PROBE, 1)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                log.add(path, 200, self.headers.get("Referer", ""))
                return
            super().do_GET()

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if not urllib.parse.urlsplit(self.path).path.endswith(".html"):
                log.add(urllib.parse.urlsplit(self.path).path, int(code), self.headers.get("Referer", ""))

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the log above keeps what matters

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, _Log]]:
    """The folder served on 127.0.0.1 (a free port), with the log of requests."""
    log = _Log()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(root, log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()


class _Page(html.parser.HTMLParser):
    """What the check needs from a page: links, resources, ids, the main heading, recorded errors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.errors: list[str] = []
        self.has_main = False
        self.headings = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "html" and "data-browser-check-errors" in a:
            self.errors = json.loads(a["data-browser-check-errors"])
        if tag in {"a", "link"} and a.get("href"):
            self.links.append(a["href"])
        if tag in {"img", "script", "iframe", "source"} and a.get("src"):
            self.links.append(a["src"])
        if tag == "article" and a.get("role") == "main":
            self.has_main = True
        if tag == "h1":
            self.headings += 1


def parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _ids_of(file: Path, cache: dict[Path, set[str]]) -> set[str]:
    if file not in cache:
        cache[file] = parse(file.read_text("utf-8", errors="replace")).ids
    return cache[file]


def broken_links(root: Path, page: Path, links: Sequence[str], cache: dict[Path, set[str]]) -> list[str]:
    """The links of ``page`` (relative to the site ``root``) that name no file, or no id in it."""
    problems = []
    base = "/" + page.relative_to(root).as_posix()
    for link in links:
        parts = urllib.parse.urlsplit(link)
        if parts.scheme in {"mailto", "javascript", "data"}:
            continue
        if (parts.scheme or parts.netloc) and parts.hostname != "127.0.0.1":
            continue  # absolute, and not the local server: an external link, not checked here
        target_path = urllib.parse.urljoin(base, parts.path) if parts.path else base
        target = root / urllib.parse.unquote(urllib.parse.urlsplit(target_path).path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"broken link {link!r}: no file {target.relative_to(root).as_posix()}")
            continue
        if parts.fragment and target.suffix == ".html":
            fragment = urllib.parse.unquote(parts.fragment)
            if fragment not in _ids_of(target, cache):
                problems.append(
                    f"broken link {link!r}: no id {fragment!r} in {target.relative_to(root).as_posix()}"
                )
    return problems


def find_chromium(given: str | None) -> str | None:
    if given:
        return given
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def load(chromium: str, url: str, timeout: float = 90.0) -> tuple[int, str, str]:
    """Chromium's exit code, the rendered DOM and its log, for one page (a fresh profile each time)."""
    with tempfile.TemporaryDirectory(prefix="browser-check-") as profile:
        proc = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", url],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
    return proc.returncode, proc.stdout, proc.stderr


def check_page(
    chromium: str, root: Path, base_url: str, page: Path, cache: dict[Path, set[str]]
) -> list[str]:
    """Every problem of one page, each a line naming the page."""
    name = page.relative_to(root).as_posix()
    url = f"{base_url}/{name}"
    try:
        code, dom, log = load(chromium, url)
    except subprocess.TimeoutExpired:
        return [f"{name}: Chromium did not finish loading the page within 90 s"]
    problems: list[str] = []
    if code != 0 or "<html" not in dom:
        tail = log.strip().splitlines()[-1:] or ["no output"]
        return [f"{name}: Chromium could not render the page (exit code {code}): {tail[0]}"]
    rendered = parse(dom)
    static = parse(page.read_text("utf-8", errors="replace"))
    if static.has_main and not rendered.has_main:
        problems.append("the rendered page has no main article")
    if static.headings and not rendered.headings:
        problems.append("the rendered page has no heading")
    problems += rendered.errors
    for match in _CONSOLE.finditer(log):
        message = match.group("message")
        if _CONSOLE_PROBLEM.search(message) and not message.startswith("console.error"):
            problems.append(f"console: {message} ({match.group('source')})")
    problems += broken_links(root, page, rendered.links, cache)
    return [f"{name}: {p}" for p in dict.fromkeys(problems)]


def check_site(root: Path, chromium: str, jobs: int = 2, pages: Sequence[Path] | None = None) -> list[str]:
    """Every problem of the site: one line each; empty when every page passes."""
    pages = sorted(root.rglob("*.html")) if pages is None else list(pages)
    cache: dict[Path, set[str]] = {}
    problems: list[str] = []
    with serve(root) as (base_url, log):
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            for found in pool.map(lambda p: check_page(chromium, root, base_url, p, cache), pages):
                problems += found
        for path, status, referer in log.requests:
            if status >= 400:
                where = urllib.parse.urlsplit(referer).path.lstrip("/") or "?"
                problems.append(f"{where}: {path} answered {status} (a missing file)")
    return list(dict.fromkeys(problems))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path, help="the built HTML site (sphinx-build -b html docs BUILD)")
    parser.add_argument("--chromium", help="the browser to run (default: chromium on PATH)")
    parser.add_argument("--jobs", type=int, default=2, help="pages loaded at once (default 2)")
    args = parser.parse_args(argv)
    root: Path = args.build.resolve()
    if not (root / "index.html").is_file():
        print(f"check_docs_browser: no index.html in {root}: build the docs first", file=sys.stderr)
        return 2
    chromium = find_chromium(args.chromium)
    if chromium is None:
        print(
            "check_docs_browser: no Chromium found: apt-get install chromium (or pass --chromium PATH)",
            file=sys.stderr,
        )
        return 2
    pages = sorted(root.rglob("*.html"))
    problems = check_site(root, chromium, args.jobs, pages)
    if any("Chromium could not render" in p for p in problems) and len(problems) >= len(pages):
        print(*problems, sep="\n", file=sys.stderr)
        print("check_docs_browser: Chromium could not start", file=sys.stderr)
        return 2
    for line in problems:
        print(line)
    print(
        f"check_docs_browser: {len(pages)} pages loaded in {os.path.basename(chromium)}, "
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''}",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
