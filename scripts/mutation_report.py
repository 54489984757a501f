"""Summarise the last mutmut run: the score per module and overall, and the survivors.

Run by ``scripts/mutation.sh``; on its own after a run::

    python scripts/mutation_report.py [--min-score 90] [--diffs mutants/survivors.diff]

The score is mutmut's (its ``badge`` command): killed and timed-out mutants over all
mutants but the skipped ones. Exits 1 when the score is below ``--min-score``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict

# "    treatywithdraw.periods.x_add_period__mutmut_13: survived"
LINE = re.compile(r"^\s*(?P<name>[\w.ǁ]+__mutmut_\d+): (?P<status>.+)$")
KILLED = {"killed", "timeout", "caught by type check"}


def mutmut(*args: str) -> str:
    done = subprocess.run(["mutmut", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"mutmut {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def module_of(name: str) -> str:
    # treatywithdraw.effects.xǁEffectǁexplain__mutmut_3 -> treatywithdraw.effects
    return name.split(".x", 1)[0] if ".x" in name else name.rsplit(".", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=0.0)
    parser.add_argument(
        "--diffs", default="mutants/survivors.diff", help="where to write the survivors' diffs"
    )
    args = parser.parse_args()

    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for line in mutmut("results", "--all", "true").splitlines():
        m = LINE.match(line)
        if not m:
            continue
        status = m["status"]
        by_module[module_of(m["name"])][status] += 1
        if status not in KILLED and status != "skipped":
            survivors.append(m["name"])
    if not by_module:
        sys.exit("no mutmut results: run scripts/mutation.sh first")

    def score(counts: Counter[str]) -> float:
        tested = sum(counts.values()) - counts["skipped"]
        return 100.0 * sum(counts[s] for s in KILLED) / tested if tested else 0.0

    total: Counter[str] = Counter()
    print(f"{'module':28} {'mutants':>7} {'killed':>7} {'survived':>8} {'other':>6} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        total.update(counts)
        killed = sum(counts[s] for s in KILLED)
        other = sum(counts.values()) - killed - counts["survived"]
        print(
            f"{module:28} {sum(counts.values()):7} {killed:7} {counts['survived']:8} {other:6} {score(counts):6.1f}%"
        )
    overall = score(total)
    print(
        f"{'all':28} {sum(total.values()):7} {sum(total[s] for s in KILLED):7} {total['survived']:8} "
        f"{sum(total.values()) - sum(total[s] for s in KILLED) - total['survived']:6} {overall:6.1f}%"
    )
    print("statuses:", ", ".join(f"{k} {v}" for k, v in sorted(total.items())))

    with open(args.diffs, "w", encoding="utf-8") as out:
        for name in survivors:
            out.write(mutmut("show", name))
            out.write("\n")
    print(f"{len(survivors)} surviving mutants, with their diffs, in {args.diffs}")
    if overall < args.min_score:
        print(f"score {overall:.1f}% is below the target {args.min_score:.0f}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
