"""The web app's re-plans, as its routes hand them to the planner process (web/planner.py):
a profile read and stored with its plan, a coach's pin added or removed. Each ends by reading
the stored plan back once through the input cache, so that the request worker, which reads
that plan next (today, the plan's pages), finds it parsed there and never loads the plan
reader (pydantic) itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrong import athlete_service, coaching_service

if TYPE_CHECKING:
    from runstrong.access_service import AthleteRef
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.domain.pins import Pin
    from runstrong.domain.training_log import AthleteRecord, Units
    from runstrong.settings import Settings


def add_athlete(
    raw: bytes,
    suffix: str,
    where: str,
    library: ExerciseLibrary,
    settings: Settings,
    *,
    handle: str | None,
    units: Units | None,
) -> AthleteRecord:
    """The profile `raw` (`suffix`: .json or .toml; `where` names it in errors) stored as a new
    athlete, version 1, with its plan (athlete_service.add_athlete)."""
    from runstrong.profile.loader import profile_from_bytes

    parsed = profile_from_bytes(raw, suffix, library, where, cache_dir=settings.cache_dir)
    record, _ = athlete_service.add_athlete(
        parsed, raw.decode("utf-8"), suffix, library, settings, handle=handle, units=units
    )
    read_plan_once(record.handle, library, settings)
    return record


def update_athlete(
    handle: str, raw: bytes, suffix: str, where: str, library: ExerciseLibrary, settings: Settings
) -> int:
    """The profile `raw` stored as the athlete's new version and re-planned
    (athlete_service.update_athlete): the new version's number."""
    from runstrong.profile.loader import profile_from_bytes

    parsed = profile_from_bytes(raw, suffix, library, where, cache_dir=settings.cache_dir)
    text = raw.decode("utf-8")
    plan = athlete_service.update_athlete(handle, parsed, text, suffix, library, settings)
    read_plan_once(handle, library, settings)
    return plan.profile_version


def add_pin(
    ref: AthleteRef, pin: Pin, note: str | None, library: ExerciseLibrary, settings: Settings
) -> coaching_service.StoredPin:
    stored = coaching_service.add_pin(ref, pin, note, library, settings)
    read_plan_once(ref.handle, library, ref.settings(settings))
    return stored


def remove_pin(ref: AthleteRef, pin_id: int, library: ExerciseLibrary, settings: Settings) -> None:
    coaching_service.remove_pin(ref, pin_id, library, settings)
    read_plan_once(ref.handle, library, ref.settings(settings))


def read_plan_once(handle: str, library: ExerciseLibrary, settings: Settings) -> None:
    """The athlete's newest plan read through the input cache (nothing without one): what
    stores a plan a server's workers will read calls it (a planner, `make run`'s example), so
    that they find it parsed there. (The profile it was made from was read through the same
    cache when it was stored.)"""
    if settings.cache_dir is None:
        return
    from runstrong.imports.stored_plan import read_stored_plan

    stored = athlete_service.latest_plan(handle, settings)
    where = f"{handle}'s plan {stored.version}"
    read_stored_plan(
        stored.plan_json.encode("utf-8"), library, where=where, cache_dir=settings.cache_dir
    )
