"""Use cases of stored athletes: add one with its profile and plan, list, show, update (a new
profile version and a re-plan from today), remove. Each is one transaction (storage.database).

Like runstrong.services, these take domain objects and the front end's Settings; the database is
the one the settings name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

import orjson

from runstrong import services
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import (
    BadHandleError,
    HandleTakenError,
)
from runstrong.domain.identity import athlete_id_from_name
from runstrong.domain.profile import Profile
from runstrong.domain.training_log import (
    AthleteRecord,
    AthleteSummary,
    PlanRecord,
    ProfileText,
    Units,
)
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.storage.repository import Repository

HANDLE_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_ATTEMPTS = 3  # a default handle taken by a concurrent add: try the next free one


def add_athlete(
    profile: Profile,
    profile_text: str,
    profile_format: str,
    library: ExerciseLibrary,
    settings: Settings,
    *,
    handle: str | None = None,
    units: Units | None = None,
) -> tuple[AthleteRecord, PlanRecord]:
    """Store the athlete, its profile as version 1 and the plan made from it (as `runstrong
    plan` makes it, from the settings' today). The handle: `handle`, else the athlete's name
    in lower case (athlete_id_from_name), made unique with -2, -3 ... The units: `units`, else
    the profile's `athlete.units`, else kg."""
    units = units or profile.units or Units.KG
    from sqlalchemy.exc import IntegrityError

    if handle is not None and not HANDLE_PATTERN.fullmatch(handle):
        raise BadHandleError(handle)
    plan = _plan_record(services.make_plan(profile, library, settings), version=1)
    for attempt in range(_ATTEMPTS):
        try:
            with _repository(settings) as repo:
                taken = set(repo.handles())
                if handle is not None and handle in taken:
                    raise HandleTakenError(handle)
                chosen = handle or _free_handle(athlete_id_from_name(profile.athlete.name), taken)
                record = AthleteRecord(chosen, profile.athlete.name, units)
                repo.add_athlete(record, settings.timestamp)
                repo.add_profile(chosen, profile_format, profile_text, settings.timestamp)
                repo.add_plan(chosen, plan, settings.timestamp)
                return record, plan
        except IntegrityError:  # another process took the handle meanwhile
            if handle is not None:
                raise HandleTakenError(handle) from None
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _free_handle(base: str, taken: set[str]) -> str:
    base = base[:60].strip("-") or "athlete"
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def update_athlete(
    handle: str,
    profile: Profile,
    profile_text: str,
    profile_format: str,
    library: ExerciseLibrary,
    settings: Settings,
    *,
    also: Callable[[Repository], None] | None = None,
) -> PlanRecord:
    """A new profile version and a plan from the Monday of today's week (or the profile's
    later start), which keeps the ids of the sessions that stay the same. Races before that day
    are history, never an error: their recovery applies where it reaches into the new plan (the
    recovery weeks after an A race, no strength right after it, no heavy legs for the days
    after an A or B race). The log is kept as it is. `also`
    writes more in the same transaction (a niggle check-in)."""
    start = replan_start(profile, settings.today)
    current = replace(profile, start=start)
    made = services.make_plan(current, library, settings, past_races=True)
    planned = _plan_record(made, version=0)
    with _repository(settings) as repo:
        version = repo.add_profile(handle, profile_format, profile_text, settings.timestamp)
        if profile.units is not None:  # a profile that says its units changes them
            repo.set_units(handle, profile.units)
        plan = replace(planned, profile_version=version)
        repo.add_plan(handle, plan, settings.timestamp)
        if also is not None:
            also(repo)
        return plan


def replan_start(profile: Profile, today: date) -> date:
    """A re-plan's first day: the profile's start if it is still to come, else the Monday of
    `today`'s week."""
    monday = today - timedelta(days=today.weekday())
    if profile.start is not None and profile.start > monday:
        return profile.start
    return monday


def list_athletes(settings: Settings) -> list[AthleteSummary]:
    with _repository(settings, readonly=True) as repo:
        return repo.summaries()


def show_athlete(handle: str, settings: Settings) -> AthleteSummary:
    with _repository(settings, readonly=True) as repo:
        return repo.summaries(handle)[0]


def remove_athlete(handle: str, settings: Settings) -> None:
    """Remove the athlete with its profiles, plans and log."""
    with _repository(settings) as repo:
        repo.remove_athlete(handle)


def latest_plan(handle: str, settings: Settings) -> PlanRecord:
    """The athlete's newest plan version, as stored (plan JSON): never made again."""
    with _repository(settings, readonly=True) as repo:
        return repo.latest_plan(handle)


def current_profile(handle: str, settings: Settings) -> ProfileText:
    """The athlete's newest profile version as given (its text and format)."""
    with _repository(settings, readonly=True) as repo:
        return repo.profile(handle)


def check_athlete(handle: str, settings: Settings) -> AthleteRecord:
    with _repository(settings, readonly=True) as repo:
        return repo.athlete(handle)


def _plan_record(result: services.PlanResult, *, version: int) -> PlanRecord:
    from runstrong.export.plan_json import export_json

    data = export_json(result.resolved)
    plan = result.plan
    return PlanRecord(
        version=str(orjson.loads(data)["version"]),
        start=plan.start,
        end=plan.end,
        plan_json=data.decode("utf-8"),
        profile_version=version,
    )


def _repository(
    settings: Settings, *, readonly: bool = False
) -> AbstractContextManager[Repository]:
    from runstrong.storage.repository import repository

    return repository(settings, readonly=readonly)
