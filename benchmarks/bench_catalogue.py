"""Cold cost of the catalogue: `treaties()` and an alias look-up in a fresh process.

Measured against a fresh process that imports attrs and dateutil (the floor of any
program using the library), as a ratio, best of several interleaved rounds. The target
of the catalogue-breadth issue: `treaties()` on the full catalogue costs no more than
importing attrs and dateutil twice over (ratio <= 2.0 against one import).

    python benchmarks/bench_catalogue.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

CASES = {
    "floor: import attrs, dateutil.relativedelta": "import attrs, dateutil.relativedelta",
    "import treatywithdraw": "import treatywithdraw",
    "treaty('ottawa')": "import treatywithdraw as tw; tw.treaty('ottawa')",
    "treaty('mine-ban') (an alias)": "import treatywithdraw as tw; tw.treaty('mine-ban')",
    "treaties()": "import treatywithdraw as tw; tw.treaties()",
}


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    best = {name: float("inf") for name in CASES}
    for _ in range(args.rounds):  # interleaved: a busy moment slows every case alike
        for name, code in CASES.items():
            best[name] = min(best[name], run(code))
    floor = best["floor: import attrs, dateutil.relativedelta"]
    import treatywithdraw as tw

    print(f"catalogue: {len(tw.treaties())} treaties; best of {args.rounds} rounds, fresh process each")
    print(f"{'case':<46} {'seconds':>8} {'ratio':>6}")
    for name, seconds in best.items():
        print(f"{name:<46} {seconds:8.3f} {seconds / floor:6.2f}")
    print("target: treaties() ratio <= 2.0 (issue 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
