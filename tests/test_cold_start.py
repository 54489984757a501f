"""What a one-date command imports: the cold start of ``treatywithdraw effective`` (issue 15).

Speed is measured in ``benchmarks/bench_ratios.py``; this checks the cause that can be
checked exactly. Each module below costs a millisecond or more to import and is needed
only by some other command or option, so a plain date must not pull it in again.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_NOT_FOR_A_DATE = ("json", "pathlib", "tomllib", "zoneinfo", "shutil", "difflib", "html", "importlib.metadata")


def _imported_by(argv: list[str]) -> set[str]:
    """The modules loaded in a fresh process by the command line run with ``argv``."""
    code = (
        "import sys\n"
        "from treatywithdraw.cli import main\n"
        f"code = main({argv!r})\n"
        "modules = sorted(sys.modules)\n"  # before the probe's own json import below
        "import json\n"
        "sys.stderr.write(json.dumps([code, modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    exit_code, modules = json.loads(done.stderr.splitlines()[-1])
    assert exit_code == 0, done.stderr
    assert done.stdout.strip() == "2025-12-27", done.stdout
    return set(modules)


# An alias is found through the name index, which is JSON.
@pytest.mark.built_catalogue
@pytest.mark.parametrize(("treaty", "needs"), [("ottawa", set()), ("mine-ban", {"json"})])
def test_a_plain_date_imports_nothing_it_does_not_use(treaty: str, needs: set[str]) -> None:
    imported = _imported_by(["effective", treaty, "2025-06-27"])
    extra = imported & set(_NOT_FOR_A_DATE) - needs
    assert not extra, sorted(extra)


def test_an_instant_still_reads_the_time_zone() -> None:
    # The laziness is not a shortcut: an instant needs the depositary's zone, and loads it.
    imported = _imported_by(["effective", "ottawa", "2025-06-27T23:30-04:00"])
    assert "zoneinfo" in imported


@pytest.mark.parametrize(
    ("argv", "status", "out"),
    [
        (["effective", "ottawa", "2025-06-27"], 0, "2025-12-27\n"),
        (["effective", "ottawa", "2025-08-31"], 1, ""),  # the law gives two answers
        (["effective", "ottawa", "2025-13-01"], 2, ""),  # no such day
    ],
)
def test_the_program_exits_with_mains_code(argv: list[str], status: int, out: str) -> None:
    # run() is the program (python -m and the console script): main's code, as the exit status.
    done = subprocess.run([sys.executable, "-m", "treatywithdraw", *argv], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (status, out), done.stderr
    assert (done.stderr == "") == (status == 0)


def test_the_console_script_is_run() -> None:
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["scripts"] == {"treatywithdraw": "treatywithdraw.cli:run"}


def test_main_called_as_a_function_leaves_the_collector_alone() -> None:
    import gc

    from treatywithdraw.cli import main

    assert gc.isenabled()
    assert main(["effective", "ottawa", "2025-06-27"]) == 0
    assert gc.isenabled()
