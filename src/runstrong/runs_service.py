"""Use cases of imported runs: import files (deduplicated, checked), list them classified,
correct a run's kind, and the training load of runs and strength sessions together.

Each is one transaction (storage.database); the readers and the domain do the work.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

from runstrong.domain.activity import (
    Activity,
    RunKind,
    StoredRun,
    activity_problem,
    richness,
    same_run,
)
from runstrong.domain.anchors import Anchors
from runstrong.domain.athlete import Run, Weekday
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules
from runstrong.domain.run_kind import Classified, RunWeek, classify
from runstrong.domain.training_load import (
    SessionLoad,
    WeekLoad,
    run_load,
    strength_load,
    weekly_loads,
)
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.domain.lived_runs import LivedRuns
    from runstrong.domain.profile import Profile
    from runstrong.imports.activities import Rejected
    from runstrong.services import DoneRuns, RunsDone
    from runstrong.storage.repository import Repository
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
def runs_store(settings: Settings, *, readonly: bool = False) -> Iterator[RunsRepository]:
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
    with runs_store(settings) as store:
        store.repo.athlete(handle)  # an unknown handle: the error, before anything is read
        if kept:
            first = min(a.start for a in kept) - timedelta(days=2)
            last = max(a.start for a in kept) + timedelta(days=2)
            stored = store.runs(handle, first, last)
            for activity in kept:
                twin = next((s for s in stored if _clashes(s.activity, activity)), None)
                if twin is not None:
                    summary.duplicates.append(Duplicate(activity.source_name, f"run {twin.id}"))
                    if twin.activity.rpe is None and activity.rpe is not None:
                        store.set_rpe(handle, twin.id, activity.rpe)  # the other one's rating
                    continue
                run_id = store.add(handle, activity, settings.timestamp)
                summary.imported.append(StoredRun(run_id, activity))
    summary.imported.sort(key=lambda s: s.activity.start)
    return summary


def deduplicated(runs: Sequence[Activity], summary: ImportSummary) -> list[Activity]:
    """Each run once: the richest recording of it (domain.activity.richness), then by format
    (SOURCE_ORDER); the others counted as duplicates of the one kept. The athlete's rating
    (RPE) of a recording left out goes to the one kept if it has none (a Strava row's
    Perceived Exertion beside the watch's FIT file)."""
    ranked = sorted(runs, key=lambda a: (-richness(a), _source_rank(a), a.source_name))
    kept: list[Activity] = []
    for activity in ranked:
        at = next((i for i, k in enumerate(kept) if _clashes(k, activity)), None)
        if at is None:
            kept.append(activity)
        else:
            twin = kept[at]
            if twin.rpe is None and activity.rpe is not None:
                kept[at] = replace(twin, rpe=activity.rpe)
            summary.duplicates.append(Duplicate(activity.source_name, twin.source_name))
    return sorted(kept, key=lambda a: a.start)


def _clashes(a: Activity, b: Activity) -> bool:
    """The same run, or two that start at the same second (the log keeps one run a start)."""
    return same_run(a, b) or a.start == b.start


def _source_rank(activity: Activity) -> int:
    return SOURCE_ORDER.index(activity.source) if activity.source in SOURCE_ORDER else 99


def stored_runs(handle: str, settings: Settings, first: date | None = None) -> list[StoredRun]:
    since = None if first is None else datetime.combine(first, time(0), UTC)
    with runs_store(settings, readonly=True) as store:
        return store.runs(handle, since)


def set_run_kind(handle: str, run_id: int, kind: RunKind | None, settings: Settings) -> bool:
    with runs_store(settings) as store:
        return store.set_kind(handle, run_id, kind)


def set_run_rpe(handle: str, run_id: int, rpe: int | None, settings: Settings) -> bool:
    """Set a run's session RPE (CR-10; None: none); False if the athlete has no such run."""
    with runs_store(settings) as store:
        return store.set_rpe(handle, run_id, rpe)


# -- classification and load -----------------------------------------------------------------

CONTEXT_DAYS = 28  # the athlete's week around a run: the 4 weeks before it


@dataclass(frozen=True, slots=True)
class AthleteAnchors:
    """What the athlete's newest profile says for runs: anchors, rules, time zone."""

    anchors: Anchors
    rules: Rules
    timezone: str


@dataclass(frozen=True, slots=True)
class ListedRun:
    run: StoredRun
    day: date  # in the athlete's time zone
    classified: Classified


def athlete_anchors(repo: Repository, handle: str, settings: Settings) -> AthleteAnchors:
    from runstrong.input_files import parse_json, parse_toml
    from runstrong.profile.parse import parse_run_settings

    text = repo.profile(handle)
    where = f"{handle}'s profile version {text.version}"
    raw = text.content.encode("utf-8")
    data = parse_json(raw, where) if text.format == ".json" else parse_toml(raw, where)
    anchors, rules, timezone = parse_run_settings(data, where)
    return AthleteAnchors(anchors, rules, timezone)


def local_day(moment: datetime, timezone: str) -> date:
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(timezone)).date()


def local_time(moment: datetime, timezone: str) -> time:
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(timezone)).time().replace(second=0, microsecond=0)


def run_week(run: Activity, around: Sequence[Activity], starts: Sequence[datetime]) -> RunWeek:
    """The athlete's running in the CONTEXT_DAYS before `run` (else after it, for the first
    runs): mean weekly minutes and median speed. `around` is sorted by start, `starts` are
    their starts."""
    window = timedelta(days=CONTEXT_DAYS)
    lo, hi = bisect_left(starts, run.start - window), bisect_left(starts, run.start)
    if lo == hi:
        lo, hi = bisect_right(starts, run.start), bisect_right(starts, run.start + window)
    before = around[lo:hi]
    if not before:
        return RunWeek()
    weekly = sum(a.minutes for a in before) / (CONTEXT_DAYS / 7)
    speeds = [a.meters / a.seconds for a in before if a.meters and a.seconds > 0]
    return RunWeek(weekly, median(speeds) if speeds else None)


def classified(
    runs: Sequence[StoredRun], context: Sequence[StoredRun], found: AthleteAnchors
) -> list[ListedRun]:
    """Each run classified against the runs of `context` (sorted by start) around it."""
    around = [s.activity for s in context]
    starts = [a.start for a in around]
    return [
        ListedRun(
            s, local_day(s.activity.start, found.timezone),
            classify(s.activity, found.anchors, run_week(s.activity, around, starts),
                     found.rules, s.kind_set),
        )
        for s in runs
    ]  # fmt: skip


def list_runs(handle: str, settings: Settings, first: date | None = None) -> list[ListedRun]:
    """The athlete's runs from `first` on, each classified against its 4 weeks before."""
    since = None if first is None else datetime.combine(first, time(0), UTC)
    context_from = None if since is None else since - timedelta(days=CONTEXT_DAYS + 1)
    with runs_store(settings, readonly=True) as store:
        found = athlete_anchors(store.repo, handle, settings)
        around = store.runs(handle, context_from)
    shown = [s for s in around if since is None or s.activity.start >= since]
    return classified(shown, around, found)


@dataclass(frozen=True, slots=True)
class LoadReport:
    weeks: list[WeekLoad]
    sessions: list[SessionLoad]
    notes: list[Reason]


def training_load(handle: str, weeks: int, settings: Settings) -> LoadReport:
    """The load of the `weeks` weeks up to this one (Monday to Sunday), runs and strength
    sessions together; the averages start far enough before to be warmed up."""
    from runstrong.anchors_service import estimates_from
    from runstrong.domain.anchor_estimate import estimate_anchors, with_estimates
    from runstrong.storage.runs_repository import done_strength_sessions

    monday = settings.today - timedelta(days=settings.today.weekday())
    first_monday = monday - timedelta(days=7 * (weeks - 1))
    with runs_store(settings, readonly=True) as store:
        found = athlete_anchors(store.repo, handle, settings)
        rules = found.rules
        history_from = first_monday - timedelta(
            days=found.rules.load_chronic_days + found.rules.load_acute_days
        )
        estimate_from = settings.today - timedelta(weeks=rules.anchor_estimate_weeks)
        since = datetime.combine(min(history_from, estimate_from), time(0), UTC) - timedelta(
            days=CONTEXT_DAYS + 1
        )
        until = datetime.combine(settings.today + timedelta(days=2), time(0), UTC)
        around = store.runs(handle, since, until)
        logs = done_strength_sessions(store.repo, handle, history_from, settings.today)
    sessions: list[SessionLoad] = []
    listed_runs = classified(around, around, found)
    seen, _ = estimates_from(listed_runs, estimate_from, settings.today,
                             rules.anchor_estimate_weeks)  # fmt: skip
    anchors, estimated = with_estimates(found.anchors, estimate_anchors(seen, rules))
    for listed in listed_runs:
        if not history_from <= listed.day <= settings.today:
            continue
        run = listed.run.activity
        au, why = run_load(run, listed.classified.kind, anchors, rules, run.rpe)
        sessions.append(SessionLoad(listed.day, "run", f"run {listed.run.id}", au, why))
    uncounted = 0
    for day, session_id, rpe, minutes in logs:
        if minutes is None:
            uncounted += day >= first_monday
            continue
        au, why = strength_load(rpe, minutes, found.rules)
        sessions.append(SessionLoad(day, "strength", session_id, au, why))
    sessions.sort(key=lambda x: (x.day, x.what, x.ref))
    notes = [*(e.reason for e in estimated)]
    notes.append(reason(RuleId.LOAD_RATIO_CAVEAT, "impellizzeri2021", "lolli2019"))
    if uncounted:
        notes.insert(0, reason(RuleId.LOAD_NOT_COUNTED, sessions=uncounted))
    rows = weekly_loads(sessions, first_monday, weeks, settings.today, found.rules)
    shown = [x for x in sessions if x.day >= first_monday]
    return LoadReport(rows, shown, notes)


def done_runs(handle: str, settings: Settings) -> DoneRuns:
    """The heat map's reader of `handle`'s imported runs (services.heatmap_svg): for the dates
    first to last, the runs up to today as the running layer counts them (day, kind,
    minutes), or None when the athlete has imported no run at all."""

    def read(first: date, last: date) -> RunsDone | None:
        from runstrong.domain.athlete import Run, RunType, Weekday
        from runstrong.services import RunsDone

        until = min(last, settings.today)
        with runs_store(settings, readonly=True) as store:
            if not store.runs(handle, None, None, limit=1):
                return None
            found = athlete_anchors(store.repo, handle, settings)
            since = datetime.combine(first, time(0), UTC) - timedelta(days=CONTEXT_DAYS + 1)
            before = datetime.combine(until + timedelta(days=2), time(0), UTC)
            around = store.runs(handle, since, before)
        runs = tuple(
            (x.day, Run(Weekday.of(x.day), RunType(str(x.classified.kind)),
                        round(x.run.activity.minutes)))
            for x in classified(around, around, found)
            if first <= x.day <= until
        )  # fmt: skip
        return RunsDone(runs, settings.today)

    return read


# -- the runs as run, for the plan as lived ----------------------------------------------------


def runs_as_run(
    repo: Repository, handle: str, profile: Profile, first: date, last: date
) -> LivedRuns:
    """The running calendar of `profile` with the athlete's runs of `first` to `last` in place of
    its running week for the dates they cover (domain.lived_runs), inside the caller's
    transaction."""
    from runstrong.domain.lived_runs import DoneRun, lived_runs
    from runstrong.domain.running_calendar import RunningCalendar
    from runstrong.domain.running_inference import KIND_TYPE
    from runstrong.storage.runs_repository import RunsRepository

    athlete = profile.athlete
    calendar = RunningCalendar.of(athlete)
    since = datetime.combine(first, time(0), UTC) - timedelta(days=1)
    until = datetime.combine(last, time(0), UTC) + timedelta(days=2)
    around = RunsRepository(repo).runs(handle, since - timedelta(days=CONTEXT_DAYS), until)
    found = AthleteAnchors(profile.anchors, profile.rules, athlete.timezone)
    done = []
    for x in classified([s for s in around if s.activity.start >= since], around, found):
        if not first <= x.day <= last:
            continue
        start = local_time(x.run.activity.start, athlete.timezone)
        run = Run(Weekday.of(x.day), KIND_TYPE[x.classified.kind],
                  round(x.run.activity.minutes), start)  # fmt: skip
        done.append(DoneRun(x.day, run, f"run {x.run.id}"))
    return lived_runs(calendar, done, profile.rules)
