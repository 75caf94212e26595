"""Use cases of imported runs: import files (deduplicated, checked), list them classified,
correct a run's kind, and the training load of runs and strength sessions together.

Each is one transaction (storage.database); the readers and the domain do the work.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.domain.activity import (
    Activity,
    RunKind,
    StoredRun,
    activity_problem,
    richness,
    same_run,
)
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.imports.activities import Rejected
    from runstrong.storage.runs_repository import RunsRepository

SOURCE_ORDER = ("fit", "tcx", "gpx", "strava")  # of two equally rich recordings, the first kept


@dataclass(frozen=True, slots=True)
class Duplicate:
    where: str
    kept: str  # the recording kept: its file, or "run N" already in the log


@dataclass(slots=True)
class ImportSummary:
    imported: list[StoredRun] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@contextmanager
def _runs(settings: Settings, *, readonly: bool = False) -> Iterator[RunsRepository]:
    from runstrong.storage.repository import repository
    from runstrong.storage.runs_repository import RunsRepository

    with repository(settings, readonly=readonly) as repo:
        yield RunsRepository(repo)


def clock(settings: Settings) -> datetime:
    """Now: the settings' time, else the end of their today (an activity of today is never in
    the future when only the date is fixed)."""
    if settings.now is not None:
        return settings.now
    return datetime.combine(settings.today + timedelta(days=1), time(0), UTC)


def import_runs(handle: str, paths: Sequence[Path], settings: Settings) -> ImportSummary:
    """Read `paths`, keep the runs (activity_problem), each run once (same_run: the richest
    recording), leave out those already imported, and store the rest in one transaction."""
    from runstrong.imports.activities import Rejected, read_paths

    found = read_paths(paths)
    summary = ImportSummary(rejected=list(found.rejected))
    now = clock(settings)
    runs: list[Activity] = []
    for activity in found.activities:
        problem = activity_problem(activity, now)
        if problem is None:
            runs.append(activity)
        else:
            summary.rejected.append(Rejected(activity.source_name, problem))
    kept = deduplicated(runs, summary)
    with _runs(settings) as store:
        store.repo.athlete(handle)  # an unknown handle: the error, before anything is read
        if kept:
            first = min(a.start for a in kept) - timedelta(days=2)
            last = max(a.start for a in kept) + timedelta(days=2)
            stored = store.runs(handle, first, last)
            for activity in kept:
                twin = next((s for s in stored if _clashes(s.activity, activity)), None)
                if twin is not None:
                    summary.duplicates.append(Duplicate(activity.source_name, f"run {twin.id}"))
                    continue
                run_id = store.add(handle, activity, settings.timestamp)
                summary.imported.append(StoredRun(run_id, activity))
    summary.imported.sort(key=lambda s: s.activity.start)
    return summary


def deduplicated(runs: Sequence[Activity], summary: ImportSummary) -> list[Activity]:
    """Each run once: the richest recording of it (domain.activity.richness), then by format
    (SOURCE_ORDER); the others counted as duplicates of the one kept."""
    ranked = sorted(runs, key=lambda a: (-richness(a), _source_rank(a), a.source_name))
    kept: list[Activity] = []
    for activity in ranked:
        twin = next((k for k in kept if _clashes(k, activity)), None)
        if twin is None:
            kept.append(activity)
        else:
            summary.duplicates.append(Duplicate(activity.source_name, twin.source_name))
    return sorted(kept, key=lambda a: a.start)


def _clashes(a: Activity, b: Activity) -> bool:
    """The same run, or two that start at the same second (the log keeps one run a start)."""
    return same_run(a, b) or a.start == b.start


def _source_rank(activity: Activity) -> int:
    return SOURCE_ORDER.index(activity.source) if activity.source in SOURCE_ORDER else 99


def stored_runs(handle: str, settings: Settings, first: date | None = None) -> list[StoredRun]:
    since = None if first is None else datetime.combine(first, time(0), UTC)
    with _runs(settings, readonly=True) as store:
        return store.runs(handle, since)


def set_run_kind(handle: str, run_id: int, kind: RunKind | None, settings: Settings) -> bool:
    with _runs(settings) as store:
        return store.set_kind(handle, run_id, kind)
