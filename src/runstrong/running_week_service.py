"""`runstrong running infer`: the running week the athlete's imported runs imply
(domain.running_inference), set against the profile's [running] week; applied, a new profile
version and a re-plan from this week, as `athlete update` does (athlete_service.update_athlete).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from runstrong.domain.athlete import Run
from runstrong.domain.errors import InputError
from runstrong.domain.running_inference import (
    DayChange,
    InferredWeek,
    SeenRun,
    applied_week,
    infer_week,
    week_changes,
)
from runstrong.domain.training_log import PlanRecord
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.runs_service import ListedRun

DAYS_A_WEEK = 7


@dataclass(frozen=True, slots=True)
class RunningInference:
    """The profile's week (`usual`), the week the runs imply, the weekdays that differ, the
    week they make (`applied`), and the new plan when applied (None: not applied, or nothing
    to change)."""

    usual: tuple[Run, ...]
    inferred: InferredWeek
    changes: tuple[DayChange, ...]
    applied: tuple[Run, ...]
    plan: PlanRecord | None = None


def weeks_before(today: date, weeks: int) -> list[date]:
    """The Mondays of the `weeks` whole weeks before today's."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(days=DAYS_A_WEEK * (weeks - i)) for i in range(weeks)]


def infer_running(
    handle: str, weeks: int, library: ExerciseLibrary, settings: Settings, *, apply: bool = False
) -> RunningInference:
    """The running week of the athlete's runs of the `weeks` whole weeks before this one; with
    `apply`, made the profile's week (a new version) and re-planned, if it changes anything."""
    from runstrong.athlete_service import update_athlete
    from runstrong.profile.edit import with_values
    from runstrong.profile.loader import profile_from_bytes
    from runstrong.runs_service import CONTEXT_DAYS, athlete_anchors, classified, runs_store

    mondays = weeks_before(settings.today, weeks)
    first = datetime.combine(mondays[0], time(0), UTC)
    last = datetime.combine(mondays[-1] + timedelta(days=DAYS_A_WEEK + 1), time(0), UTC)
    with runs_store(settings, readonly=True) as store:
        found = athlete_anchors(store.repo, handle, settings)
        stored = store.repo.profile(handle)
        around = store.runs(handle, first - timedelta(days=CONTEXT_DAYS + 1), last)
    where = f"{handle}'s profile version {stored.version}"
    profile = profile_from_bytes(
        stored.content.encode("utf-8"), stored.format, library, where, cache_dir=settings.cache_dir
    )
    rules, usual = profile.rules, profile.athlete.running.runs
    shown = [s for s in around if s.activity.start >= first - timedelta(days=1)]
    seen = [_seen(x, found.timezone) for x in classified(shown, around, found)]
    inferred = infer_week(seen, mondays, usual, rules)
    if len(inferred.weeks) < rules.infer_min_weeks:
        raise InputError(
            "running infer", "",
            f"{handle} has runs in {len(inferred.weeks)} of the {weeks} weeks before this one: "
            f"{rules.infer_min_weeks} needed (runstrong import runs)",
        )  # fmt: skip
    changes = week_changes(usual, inferred, rules)
    applied = applied_week(usual, changes)
    result = RunningInference(usual, inferred, changes, applied)
    if not apply or not changes:
        return result
    week = _week_value([_run_data(r) for r in applied], stored.format)
    text = with_values(stored.content, stored.format, {"running.week": week}, where)
    fmt = stored.format
    changed = profile_from_bytes(text.encode("utf-8"), fmt, library, f"{where}, inferred")
    plan = update_athlete(handle, changed, text, fmt, library, settings)
    return RunningInference(usual, inferred, changes, applied, plan)


def _seen(listed: ListedRun, timezone: str) -> SeenRun:
    from runstrong.runs_service import local_time

    activity = listed.run.activity
    start = local_time(activity.start, timezone)
    return SeenRun(listed.run.id, listed.day, start, activity.minutes, listed.classified.kind)


def _week_value(runs: list[dict[str, str | int]], fmt: str) -> object:
    """The week as the profile's text writes it: in TOML an array of inline tables, one a line,
    as the examples do; in JSON a list."""
    if fmt == ".json":
        return runs
    import tomlkit

    week = tomlkit.array()
    for run in runs:
        row = tomlkit.inline_table()
        row.update(run)
        week.append(row)
    return week.multiline(True)


def _run_data(run: Run) -> dict[str, str | int]:
    data: dict[str, str | int] = {
        "day": str(run.day),
        "type": str(run.type),
        "minutes": run.minutes,
    }
    if run.time is not None:
        data["time"] = f"{run.time:%H:%M}"
    return data
