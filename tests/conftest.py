"""Test configuration: make ``tests/strategies.py`` importable and set Hypothesis profiles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile("default", deadline=None, max_examples=200)
# CI draws the same examples on every run: a gate (coverage at 100 %) must not depend on luck.
# Local runs keep exploring new ones.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=300,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# Mutation testing (scripts/mutation.sh) reruns the same tests in one process for every
# mutant: the examples must not depend on a database or on luck, and a test class's
# methods are legitimately called from many instances.
settings.register_profile(
    "mutation",
    deadline=None,
    max_examples=30,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
)
if os.environ.get("TREATYWITHDRAW_MUTATION"):
    settings.load_profile("mutation")
else:
    settings.load_profile("ci" if os.environ.get("CI") else "default")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under mutation testing, skip the tests of the built catalogue.

    mutmut rewrites the modules a built treaty is made of, so the library rightly stops
    using ``_compiled.pickle`` (its source hashes differ) and reads the TOML: the answers
    are the same, but a test that the built catalogue is current, or used, cannot hold.
    """
    if not os.environ.get("TREATYWITHDRAW_MUTATION"):
        return
    skip = pytest.mark.skip(reason="mutation testing rewrites the sources the built catalogue is tied to")
    for item in items:
        if item.get_closest_marker("built_catalogue") is not None:
            item.add_marker(skip)
