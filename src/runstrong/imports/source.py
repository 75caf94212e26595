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
from runstrong.input_files import (
    PROFILE_MAX_BYTES,
    SAVED_PLAN_MAX_BYTES,
    STDIN_NAME,
    check_nesting,
    read_input,
    read_stdin,
)


class SavedPlan(NamedTuple):
    """A plan saved with `runstrong plan --format json`. (NamedTuples, not frozen dataclasses:
    a third of a millisecond less at every command's start, each.)"""

    plan: Plan
    athlete: Athlete


class Workout(NamedTuple):
    """A workout file's one session, as a one-week plan."""

    plan: Plan


Source = Profile | SavedPlan | Workout


STDIN = Path("-")  # a SOURCE of "-": standard input


def read_source(path: Path, library: ExerciseLibrary, *, cache_dir: Path | None = None) -> Source:
    """A profile (TOML or JSON), a plan saved as JSON, or a workout file (TOML with a [workout]
    table), from the file `path` or, for "-", standard input (JSON if it starts with "{", else
    TOML). Profiles are cached in `cache_dir` (runstrong.profile.loader)."""
    if path == STDIN:
        raw = read_stdin(SAVED_PLAN_MAX_BYTES)
        suffix = ".json" if raw.lstrip()[:1] in (b"{", b"[") else ".toml"
        return source_from_bytes(raw, suffix, library, STDIN_NAME, cache_dir=cache_dir)
    suffix = path.suffix.lower()
    raw = read_input(path, SAVED_PLAN_MAX_BYTES if suffix == ".json" else PROFILE_MAX_BYTES)
    return source_from_bytes(raw, suffix, library, str(path), cache_dir=cache_dir)


def source_from_bytes(
    raw: bytes, suffix: str, library: ExerciseLibrary, where: str, *, cache_dir: Path | None
) -> Source:
    """What a source's bytes hold (JSON if `suffix` is .json, else TOML); `where` names it in
    error lines."""
    from runstrong.profile.loader import profile_from_bytes

    if not raw.strip():
        raise InputError(where, "", "is empty: give a runner's profile, a saved plan or a workout")
    if suffix == ".json":
        check_nesting(raw, where, json=True)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            data = None  # the profile reader words it
        if is_saved_plan(data):
            from runstrong.imports.plan_json import read_plan

            plan, athlete = read_plan(raw, library, where=where, parsed=data)
            return SavedPlan(plan, athlete)
    if len(raw) > PROFILE_MAX_BYTES:
        raise InputError(
            where, "", f"is more than {PROFILE_MAX_BYTES // 1_000_000} MB for a profile"
        )
    if suffix != ".json" and _is_workout(raw):
        from runstrong.imports.workout import workout_from_bytes

        return Workout(workout_from_bytes(raw, library, where=where))
    return profile_from_bytes(raw, suffix, library, where, cache_dir=cache_dir)


def is_saved_plan(data: object) -> bool:
    """JSON with weeks at the top: a saved plan (a profile's weeks are under plan.weeks)."""
    return isinstance(data, dict) and "weeks" in data


def _is_workout(raw: bytes) -> bool:
    """A TOML file with a [workout] table (checked on the text: it is validated when loaded)."""
    return any(line.strip() == b"[workout]" for line in raw.splitlines())
