"""A command's SOURCE file -> what it holds: a runner's profile, a saved plan (with the athlete
data it carries), or a one-session workout. The one place that tells them apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.domain.plan import Plan
from runstrong.domain.profile import Profile


class SavedPlan(NamedTuple):
    """A plan saved with `runstrong plan --format json`. (NamedTuples, not frozen dataclasses:
    a third of a millisecond less at every command's start, each.)"""

    plan: Plan
    athlete: Athlete


class Workout(NamedTuple):
    """A workout file's one session, as a one-week plan."""

    plan: Plan


Source = Profile | SavedPlan | Workout


def read_source(path: Path, library: ExerciseLibrary, *, cache_dir: Path | None = None) -> Source:
    """A profile (TOML or JSON), a plan saved as JSON, or a workout file (TOML with a [workout]
    table). Profiles are cached in `cache_dir` (runstrong.profile.loader)."""
    from runstrong.profile.loader import load_profile, profile_from_bytes

    suffix = path.suffix.lower()
    if suffix == ".toml" and _is_workout(path):
        from runstrong.imports.workout import load_workout

        return Workout(load_workout(path, library))
    if suffix != ".json":
        return load_profile(path, library, cache_dir=cache_dir)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), "", f"cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        data = None  # the profile reader words it
    if is_saved_plan(data):
        from runstrong.imports.plan_json import read_plan

        plan, athlete = read_plan(raw, library, where=str(path))
        return SavedPlan(plan, athlete)
    return profile_from_bytes(raw, suffix, library, str(path), cache_dir=cache_dir)


def is_saved_plan(data: object) -> bool:
    """JSON with weeks at the top: a saved plan (a profile's weeks are under plan.weeks)."""
    return isinstance(data, dict) and "weeks" in data


def _is_workout(path: Path) -> bool:
    """A TOML file with a [workout] table (checked on the text: it is validated when loaded)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.strip() == "[workout]" for line in text.splitlines())
