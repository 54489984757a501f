"""Draw the five 2025 withdrawals from the Ottawa Convention for the docs.

Run ``python scripts/make_chart.py`` (needs the ``plot`` extra) after changing a seed in
``seeds/``; it writes ``docs/_static/ottawa-2025.svg`` and ``docs/_static/ottawa-2025.png``.
Ukraine's 2025 notification is left out: it suspended the Convention, it did not
withdraw (``seeds/ua-ottawa-2025.toml``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from treatywithdraw.formats import load_timeline
from treatywithdraw.plot import plot_timelines
from treatywithdraw.timeline import Withdrawal

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUT = ROOT / "docs" / "_static"
# In order of receipt by the UN Secretary-General.
PARTIES = ("lv", "lt", "ee", "fi", "pl")
TITLE = "Leaving the Ottawa Convention, 2025–2026"


def withdrawals() -> list[Withdrawal]:
    """The five seed timelines, in order of receipt."""
    out = []
    for party in PARTIES:
        timeline = load_timeline(SEEDS / f"{party}-ottawa-2025.toml")
        assert isinstance(timeline, Withdrawal), f"{party}: not a withdrawal"
        out.append(timeline)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT})")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    items = withdrawals()
    for suffix in (".svg", ".png"):
        path = out / f"ottawa-2025{suffix}"
        plot_timelines(items, path, title=TITLE)
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
