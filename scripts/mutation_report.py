"""Summarise the last mutmut run: the score per module and overall, and the survivors.

Run by ``scripts/mutation.sh``; on its own after a run, from the project root::

    python scripts/mutation_report.py [--min-score 90] [--diffs mutants/survivors.diff]

The score is mutmut's own (its ``badge`` command): killed and timed-out mutants over all
mutants but the skipped ones; a mutant mutmut has not checked counts as not killed.
Every survivor's diff goes to ``--diffs``, grouped by function, for docs/quality.md.
Exits 1 when the score is below ``--min-score``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

# mutmut's own reading of its results (pinned in pyproject.toml's dev extra).
from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

KILLED = {"killed", "timeout", "caught by type check"}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--min-score", type=float, default=0.0)
    parser.add_argument(
        "--diffs", default="mutants/survivors.diff", help="where to write the survivors' diffs"
    )
    args = parser.parse_args()

    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[tuple[str, str]] = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, code in data.exit_code_by_key.items():
            status = status_by_exit_code[code]
            by_module[name.split(".x", 1)[0]][status] += 1
            if status not in KILLED and status != "skipped":
                survivors.append((name, str(path)))
    if not by_module:
        sys.exit("no mutmut results: run scripts/mutation.sh first")

    def killed(counts: Counter[str]) -> int:
        return sum(counts[s] for s in KILLED)

    def score(counts: Counter[str]) -> float:
        tested = sum(counts.values()) - counts["skipped"]
        return 100.0 * killed(counts) / tested if tested else 0.0

    total: Counter[str] = Counter()
    print(f"{'module':26} {'mutants':>7} {'killed':>7} {'survived':>8} {'other':>6} {'score':>7}")
    for counts in by_module.values():
        total.update(counts)
    for module, counts in [*sorted(by_module.items()), ("all", total)]:
        n, k, s = sum(counts.values()), killed(counts), counts["survived"]
        print(f"{module:26} {n:7} {k:7} {s:8} {n - k - s:6} {score(counts):6.1f}%")
    print("statuses:", ", ".join(f"{k} {v}" for k, v in sorted(total.items())))

    per_function = Counter(name.rsplit("__mutmut_", 1)[0] for name, _ in survivors)
    with open(args.diffs, "w", encoding="utf-8") as out:
        for function, count in per_function.most_common():
            out.write(f"######## {function}: {count} surviving\n")
            for name, path in survivors:
                if name.rsplit("__mutmut_", 1)[0] == function:
                    out.write(f"# {name}\n{get_diff_for_mutant(name, path=path)}\n")
    print(f"{len(survivors)} surviving mutants in {len(per_function)} functions; diffs in {args.diffs}")
    overall = score(total)
    if overall < args.min_score:
        print(f"score {overall:.1f}% is below the target {args.min_score:.0f}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
