"""The CLI runs without the cyclic garbage collector (its choice at its start, cli/__init__.py),
so planning must make no reference cycles: they would never be freed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from builders import EXAMPLES, library
from runstrong.domain.engine import generate_plan
from runstrong.profile import load_profile


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_planning_leaves_no_reference_cycles(example: Path, collector_restored: None) -> None:
    profile = load_profile(example, library())
    generate_plan(profile, library(), today=date(2026, 11, 26))  # warm the library's indexes
    gc.collect()
    gc.disable()
    plan = generate_plan(profile, library(), today=date(2026, 11, 26))
    assert plan.weeks
    assert gc.collect() == 0  # nothing unreachable was left for the collector
