"""Use case: a stored athlete's current plan as lived, for the exports, `heatmap` and `balance`.

The newest plan version from the database, the newest profile version (its running week and
rules place the sessions the log missed), the log and the imported runs of the plan's dates, in
one read-only transaction; then domain.lived_plan moves or drops what the log missed and places
what is to come against the runs as run (domain.lived_runs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.lived_plan import Outcome, SessionOutcome, live_plan
from runstrong.services import PlanResult
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.domain.training_log import AthleteRecord
    from runstrong.storage.repository import Repository

# The formats that place sessions on days (a calendar, a watch): they take the lived plan without
# the dropped sessions. The others show every planned session beside what became of it.
PLACING_FORMATS = ("ics", "fit")


@dataclass(frozen=True, slots=True)
class AthletePlan:
    """A stored athlete's plan three ways: as planned (`planned`), as lived (`lived`: sessions on
    the days they now hold, dropped ones out) and as shown beside the log (`shown`: as lived, with
    the dropped sessions back on their planned days), and each session's outcome by id."""

    athlete: AthleteRecord
    planned: PlanResult
    lived: PlanResult
    shown: PlanResult
    outcomes: dict[str, SessionOutcome]

    def for_format(self, fmt: str) -> PlanResult:
        return self.lived if fmt in PLACING_FORMATS else self.shown


def athlete_plan(handle: str, library: ExerciseLibrary, settings: Settings) -> AthletePlan:
    """The athlete's newest plan with its log applied (an unknown handle: UnknownAthleteError)."""
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        return read_athlete_plan(repo, handle, library, settings)


def read_athlete_plan(
    repo: Repository, handle: str, library: ExerciseLibrary, settings: Settings
) -> AthletePlan:
    """`athlete_plan` inside the caller's transaction."""
    from runstrong.imports.stored_plan import read_stored_plan
    from runstrong.profile.loader import profile_from_bytes
    from runstrong.runs_service import runs_as_run

    record = repo.athlete(handle)
    stored = repo.latest_plan(handle)
    profile_text = repo.profile(handle, stored.profile_version)
    first = repo.plan_covering(handle, stored.start)
    logs = repo.logs(handle, (first or stored).start, stored.end)
    where = f"{handle}'s plan {stored.version}"
    plan, _ = read_stored_plan(
        stored.plan_json.encode("utf-8"), library, where=where, cache_dir=settings.cache_dir
    )
    profile = profile_from_bytes(
        profile_text.content.encode("utf-8"),
        profile_text.format,
        library,
        f"{handle}'s profile {profile_text.version}",
        cache_dir=settings.cache_dir,
    )
    athlete, rules = profile.athlete, profile.rules
    runs = runs_as_run(repo, handle, profile, plan.start, plan.end)
    lived = live_plan(plan, athlete, rules, library, logs, runs)
    return AthletePlan(
        athlete=record,
        planned=PlanResult(plan, athlete, library, rules),
        lived=PlanResult(lived.plan, athlete, library, rules),
        shown=PlanResult(lived.shown, athlete, library, rules),
        outcomes=lived.outcomes,
    )


def moved_here(repo: Repository, handle: str, day: date, settings: Settings) -> str | None:
    """The id of the session the plan as lived moved to `day` (a missed session placed again on
    a day that had none), if one is there: the session a log of `day` is for."""
    from runstrong import services

    found = read_athlete_plan(repo, handle, services.open_library(settings), settings)
    for sid, outcome in found.outcomes.items():
        if outcome.outcome is Outcome.MOVED and outcome.on == day:
            return sid
    return None
