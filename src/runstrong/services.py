"""Use cases: the one place that wires the library, the engine, renderers and exporters together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.engine import generate_plan, plan_start
from runstrong.domain.plan import Plan
from runstrong.domain.profile import Profile
from runstrong.library.loader import extra_dirs_from_env, load_library
from runstrong.profile.loader import check_races_after_start, load_profile


def open_library(extra_dirs: Sequence[Path] = ()) -> ExerciseLibrary:
    """The built-in library, then the RUNSTRONG_EXERCISES folders, then `extra_dirs`."""
    return load_library([*extra_dirs_from_env(), *extra_dirs])


@dataclass(frozen=True, slots=True)
class PlanResult:
    plan: Plan
    profile: Profile
    library: ExerciseLibrary


def make_plan(
    profile_path: Path,
    *,
    today: date,
    start: date | None = None,
    weeks: int | None = None,
    extra_dirs: Sequence[Path] = (),
) -> PlanResult:
    library = open_library(extra_dirs)
    profile = load_profile(profile_path, library)
    first_day = plan_start(profile, start=start, today=today)
    check_races_after_start(profile, first_day, str(profile_path))
    plan = generate_plan(profile, library, start=first_day, weeks=weeks)
    return PlanResult(plan, profile, library)
