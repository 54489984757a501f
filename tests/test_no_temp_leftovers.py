"""The doctests (README.md, docs/, src/) leave no temporary folders behind (issue 14).

pytest runs every example on every test run: an example that makes a folder with
``tempfile.mkdtemp()`` and never removes it leaves one in /tmp each time. The examples
use ``tempfile.TemporaryDirectory()``, in a ``with`` block or with ``cleanup()``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "src").rglob("*.py")]


def test_no_example_makes_a_temporary_folder_it_keeps() -> None:
    kept = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in FILES
        if "_build" not in path.parts
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"mkdtemp\(|mkstemp\(|delete=False", line)
    ]
    assert not kept, f"temporary files or folders never removed: {kept}"


def test_each_temporary_directory_in_a_page_is_cleaned_up() -> None:
    for path in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]:
        text = path.read_text("utf-8")
        for name in re.findall(r">>> (\w+) = tempfile\.TemporaryDirectory\(\)", text):
            assert f">>> {name}.cleanup()" in text, f"{path.relative_to(ROOT)}: {name} is never cleaned up"
