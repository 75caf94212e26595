"""generate_plan pauses the cyclic garbage collector while it plans: it must make no reference
cycles (or they would wait for the next collection) and must leave the collector as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from builders import EXAMPLES, library, make_profile
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


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool, collector_restored: None) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    generate_plan(make_profile(), library(), today=date(2026, 11, 26))
    assert gc.isenabled() is enabled


def test_the_collector_is_back_on_after_a_failed_plan(collector_restored: None) -> None:
    gc.enable()
    with pytest.raises(ValueError, match="needs start"):
        generate_plan(make_profile(), library())  # no start and no today
    assert gc.isenabled()
