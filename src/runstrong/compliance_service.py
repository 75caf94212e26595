"""Use case: plan against done, week by week (domain.compliance), for a stored athlete.

What was planned on a day comes from the plan of that day as it stood then: the newest plan
version that covers it and was made by then (a re-plan in the middle of a week does not rewrite
the days before it; a day no plan made by then covers: the newest covering it), and the running
calendar of the profile that plan was made from. What was done comes from the log (strength
sessions logged done, with their sets) and the imported runs, each on its day in the athlete's
time zone. One read-only transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from runstrong.domain.compliance import (
    Dated,
    WeekCompliance,
    logged_sets,
    planned_sets,
    weekly_compliance,
)
from runstrong.domain.errors import InputError
from runstrong.domain.running_calendar import RunningCalendar
from runstrong.domain.training_log import LogStatus
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.storage.repository import Repository

DAYS_A_WEEK = 7


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    handle: str
    weeks: list[WeekCompliance]


@dataclass(frozen=True, slots=True)
class _Planned:
    sessions: list[Dated]
    runs: list[Dated]


def compliance(handle: str, first: date | None, settings: Settings) -> ComplianceReport:
    """The weeks from the week of `first` (default: the first plan's start) to this one."""
    from runstrong import services
    from runstrong.runs_service import athlete_anchors, local_day
    from runstrong.storage.repository import repository
    from runstrong.storage.runs_repository import RunsRepository

    library = services.open_library(settings)
    today = settings.today
    with repository(settings, readonly=True) as repo:
        repo.athlete(handle)
        start = first or min(s for _, s, _ in repo.plan_spans(handle))
        if first is not None and first > today:
            raise InputError("--from", "", f"{first.isoformat()} is after today "
                             f"({today.isoformat()}): nothing done yet")  # fmt: skip
        if start > today:
            raise InputError(handle, "", f"the plan starts on {start.isoformat()}, after "
                             f"today ({today.isoformat()}): nothing done yet")  # fmt: skip
        monday = start - timedelta(days=start.weekday())
        planned = _planned(repo, handle, monday, today, library, settings)
        logs = repo.logs(handle, monday, today)
        timezone = athlete_anchors(repo, handle, settings).timezone
        since = datetime.combine(monday - timedelta(days=1), time(0), UTC)
        until = datetime.combine(today + timedelta(days=2), time(0), UTC)
        runs = RunsRepository(repo).runs(handle, since, until)
    done_sessions = [Dated(g.date, logged_sets(g)) for g in logs if g.status is LogStatus.DONE]
    done_runs = [Dated(local_day(r.activity.start, timezone), r.activity.minutes) for r in runs]
    weeks = weekly_compliance(
        planned.sessions, done_sessions, planned.runs, done_runs, monday, today
    )
    return ComplianceReport(handle, weeks)


def _planned(
    repo: Repository,
    handle: str,
    first: date,
    last: date,
    library: ExerciseLibrary,
    settings: Settings,
) -> _Planned:
    """The strength sessions (in sets) and runs (in minutes) planned from `first` to `last`:
    each day by its plan (see the module's doc) and that plan's profile's running calendar; a
    day no plan covers by the newest profile's calendar, with no strength session."""
    from runstrong.imports.plan_json import read_plan
    from runstrong.profile.loader import profile_from_bytes
    from runstrong.storage.plan_history import plan_spans_made, plan_version

    spans = plan_spans_made(repo, handle)  # newest first
    owner: dict[date, str | None] = {}
    day = first
    while day <= last:
        covering = [(v, made) for v, s, e, made in spans if s <= day <= e]
        owner[day] = next((v for v, made in covering if made <= day),
                          covering[0][0] if covering else None)  # fmt: skip
        day += timedelta(days=1)
    calendars: dict[str | None, RunningCalendar] = {}
    sessions: list[Dated] = []
    for version in dict.fromkeys(owner.values()):
        owned = [d for d, v in owner.items() if v == version]
        profile_version = None
        if version is not None:
            record = plan_version(repo, handle, version)
            where = f"{handle}'s plan {version}"
            plan, _ = read_plan(record.plan_json.encode("utf-8"), library, where=where)
            days = set(owned)
            sessions += [Dated(s.date, planned_sets(s)) for s in plan.sessions if s.date in days]
            profile_version = record.profile_version
        text = repo.profile(handle, profile_version)
        profile = profile_from_bytes(
            text.content.encode("utf-8"), text.format, library,
            f"{handle}'s profile {text.version}", cache_dir=settings.cache_dir,
        )  # fmt: skip
        calendars[version] = RunningCalendar.of(profile.athlete)
    runs = [Dated(d, r.minutes) for d, v in owner.items() for r in calendars[v].runs_on(d)]
    return _Planned(sorted(sessions, key=lambda x: x.day), runs)
