#!/usr/bin/env bash
# Mutation testing of the core modules (periods, clauses, effects, timeline) with mutmut.
#
#   pip install -e '.[dev]'
#   scripts/mutation.sh            # every mutant, then the score and the survivors
#   scripts/mutation.sh --report   # the score of the last run again, without running
#
# mutmut copies the project into mutants/ (git-ignored), changes one thing at a time in
# the modules listed under [tool.mutmut] in pyproject.toml, and runs the tests that
# reach the changed function. A mutant the tests do not notice "survives". The score is
# mutmut's own: (killed + timed out) / (all - skipped). docs/quality.md records the last
# measured score and explains every survivor; the target is at least 90 %.
#
# Takes about 70 minutes on 2 cores (2026-11-30). JOBS=N sets the number of parallel workers.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--report" ]]; then
    rm -rf mutants
    # tests/conftest.py: derandomized Hypothesis examples, no example database.
    export TREATYWITHDRAW_MUTATION=1
    mutmut run --max-children "${JOBS:-$(nproc)}" >mutants.log 2>&1 || {
        tail -n 40 mutants.log
        exit 1
    }
    mv mutants.log mutants/run.log
fi
python scripts/mutation_report.py --min-score 90
