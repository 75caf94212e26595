"""Use cases of the training log: log a day (sets, a skip or a move), delete a day's log, the
session of a day with loads from the log, and the history of sets with their e1RM.

Each is one transaction. The sets come in as domain objects (`SetLog`, kilograms); the front end
parses what the user typed (runstrong.domain.set_spec) and matches exercise names
(services.find_exercise).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runstrong import progression_service
from runstrong.domain.athlete import Weekday
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.e1rm import e1rm_kg
from runstrong.domain.errors import (
    AlreadyLoggedError,
    NoPlannedSessionError,
    UnknownAthleteError,
)
from runstrong.domain.training_log import (
    AthleteRecord,
    HistoryRow,
    LoggedSet,
    LogStatus,
    PlanRecord,
    SessionLog,
    SetLog,
)
from runstrong.progression_service import FromLog
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.domain.plan import Session
    from runstrong.render.resolved import ResolvedSession
    from runstrong.storage.repository import Repository


def _repository(
    settings: Settings, *, readonly: bool = False
) -> AbstractContextManager[Repository]:
    from runstrong.storage.repository import repository

    return repository(settings, readonly=readonly)


# -- logging ---------------------------------------------------------------------------------


def existing_log(handle: str, day: date, settings: Settings) -> SessionLog | None:
    """The log of `day`, if there is one (for a front end that asks before replacing it)."""
    with _repository(settings, readonly=True) as repo:
        return repo.log_on(handle, day)


def logs_between(handle: str, first: date, last: date, settings: Settings) -> list[SessionLog]:
    """Every day's log from `first` to `last` (inclusive), oldest first, with its sets."""
    with _repository(settings, readonly=True) as repo:
        return repo.logs(handle, first, last)


def record_log(
    handle: str, log: SessionLog, settings: Settings, *, replace_existing: bool = False
) -> SessionLog:
    """Store `log` for the session planned on its day (or moved to it, by the log or by the plan
    as lived: athlete_plan.moved_here), whose id it takes. A day already logged is an
    AlreadyLoggedError unless `replace_existing`; a day without a session a
    NoPlannedSessionError. Nothing is written when either is raised."""
    with _repository(settings) as repo:
        try:
            session_id = planned_session_id(repo, handle, log.date)
        except NoPlannedSessionError:
            from runstrong.athlete_plan import moved_here

            moved = moved_here(repo, handle, log.date, settings)
            if moved is None:
                raise
            session_id = moved
        found = repo.log_on(handle, log.date)
        if found is not None and not replace_existing:
            raise AlreadyLoggedError(handle, log.date, str(found.status))
        stored = replace(log, session_id=session_id)
        repo.put_log(handle, stored, settings.timestamp)
        return stored


def record_planned_day(
    athlete_row: int,
    handle: str,
    log: SessionLog,
    settings: Settings,
    *,
    replace_existing: bool = False,
) -> SessionLog:
    """record_log for the athlete of row `athlete_row` (as access_service found it), in one
    transaction without the ORM (storage.log_writes) when the newest plan covering the day
    plans a session on it: what nearly every log is. A day whose session was moved to it, or
    has none, takes record_log's way, whose answers and errors are the same."""
    from runstrong.parsed_plans import plan_index_of
    from runstrong.storage.database import engine_for
    from runstrong.storage.log_writes import day_writer

    with day_writer(engine_for(settings), athlete_row) as day:
        state = day.state(log.date)
        if state is None:
            raise UnknownAthleteError(handle, ())
        session_id = None
        if state.plan is not None:
            version, plan_id = state.plan
            days = plan_index_of(version, lambda: day.plan_json(plan_id)).days
            session_id = days.get(log.date)
        if session_id is not None:
            if state.status is not None and not replace_existing:
                raise AlreadyLoggedError(handle, log.date, state.status)
            stored = replace(log, session_id=session_id)
            day.put(stored, settings.timestamp)
            return stored
    return record_log(handle, log, settings, replace_existing=replace_existing)


def delete_log(handle: str, day: date, settings: Settings) -> bool:
    """Remove the log of `day`; False if there was none."""
    with _repository(settings) as repo:
        return repo.delete_log(handle, day)


def athlete_units(handle: str, settings: Settings) -> AthleteRecord:
    with _repository(settings, readonly=True) as repo:
        return repo.athlete(handle)


def planned_session_id(repo: Repository, handle: str, day: date) -> str:
    """The id of the session planned on `day` by the newest plan that covers it, else of a
    session whose log moved it to `day`."""
    from runstrong.parsed_plans import plan_index_of

    plan = repo.plan_version_covering(handle, day)
    if plan is not None:
        version, row_id = plan
        sessions = plan_index_of(version, lambda: repo.plan_json_of(row_id)).days
        if day in sessions:
            return sessions[day]
    moved = repo.moved_to(handle, day)
    if moved is not None:
        return moved.session_id
    if plan is None:
        latest = repo.latest_plan(handle)
        raise NoPlannedSessionError(handle, day, (_first_start(repo, handle), latest.end))
    days = sorted(sessions)
    i = bisect.bisect(days, day)
    raise NoPlannedSessionError(handle, day, None, tuple(days[max(0, i - 1) : i + 1]))


def _first_start(repo: Repository, handle: str) -> date:
    return min(s.plan_start for s in repo.summaries(handle))


def session_days(plan: PlanRecord) -> dict[date, str]:
    """Each planned day's session id, read from the stored plan JSON (docs/formats.md) once per
    plan version (parsed_plans)."""
    from runstrong.parsed_plans import plan_index

    return dict(plan_index(plan).days)


# -- history ---------------------------------------------------------------------------------


def history(
    handle: str,
    library: ExerciseLibrary,
    settings: Settings,
    *,
    slug: str | None = None,
    first: date | None = None,
    last: date | None = None,
) -> list[HistoryRow]:
    """Every logged set from `first` to `last` (inclusive), oldest first, with its e1RM (read
    without the ORM: storage.log_reads)."""
    from runstrong.storage.database import engine_for
    from runstrong.storage.log_reads import logged_sets

    found = logged_sets(
        engine_for(settings), settings.owner, handle, slug=slug, first=first, last=last
    )
    if found is not None:
        return [HistoryRow(s, set_e1rm(s.set, library)) for s in found]
    with _repository(settings, readonly=True) as repo:  # no such athlete: the repository's error
        sets = repo.sets(handle, slug=slug, first=first, last=last)
    return [HistoryRow(s, set_e1rm(s.set, library)) for s in sets]


def set_e1rm(s: SetLog, library: ExerciseLibrary) -> float | None:
    """The e1RM of a set, of the whole load: both weights of a lift that holds one in each hand
    (as the profile's one_rep_max_kg counts it)."""
    if s.kg is None:
        return None
    held = library.get(s.slug).weights_held if s.slug in library else 1
    return e1rm_kg(s.kg * held, s.reps, s.rir)


def logged_e1rms(sets: Sequence[LoggedSet], library: ExerciseLibrary) -> dict[str, float]:
    """Each lift's e1RM as the log knows it now: the best set of the latest day that gave one
    (a lift done weaker lately counts lower, not the best ever)."""
    latest: dict[str, tuple[date, float]] = {}
    for s in sets:
        value = set_e1rm(s.set, library)
        if value is None:
            continue
        seen = latest.get(s.set.slug)
        if seen is None or s.date > seen[0] or (s.date == seen[0] and value > seen[1]):
            latest[s.set.slug] = (s.date, value)
    return {slug: value for slug, (_, value) in latest.items()}


# -- the day's session -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DaySession:
    """The session of a day (or the next one), resolved for the athlete, with what the log
    changes in it (progression_service: doses by prescription id, the session's signals) and
    the day's log if there is one."""

    athlete: AthleteRecord
    asked: date
    session: ResolvedSession
    from_log: FromLog
    log: SessionLog | None


def day_session(handle: str, day: date, library: ExerciseLibrary, settings: Settings) -> DaySession:
    """The session planned for `day`, else the next one planned after it; a session the log
    moved is on the day it moved to."""
    from runstrong.parsed_plans import parsed_plan
    from runstrong.render.resolved import resolve_session

    with _repository(settings, readonly=True) as repo:
        athlete = repo.athlete(handle)
        plan = repo.plan_covering(handle, day) or repo.latest_plan(handle)
        where = f"{handle}'s plan {plan.version}"
        read = parsed_plan(plan, library, where=where, cache_dir=settings.cache_dir)
        upcoming = upcoming_sessions(read.index.days, repo.moves(handle, day), day)
        # a session skipped this week or later may have been placed again, and runs imported
        # this week may move or ease one (lived_plan.py); the plan as lived is read only then: it
        # parses the whole stored plan once more
        monday = day - timedelta(days=day.weekday())
        eased: dict[str, Session] = {}
        lived = repo.skipped_since(handle, monday) or _runs_since(repo, handle, monday)
        if lived and plan.version == repo.latest_plan(handle).version:
            upcoming, eased = _as_lived(upcoming, repo, handle, day, settings)
        if not upcoming:
            raise NoPlannedSessionError(handle, day, (_first_start(repo, handle), plan.end))
        on = min(upcoming)
        facts = progression_service.gather(
            repo, handle, on, set(read.index.slugs[upcoming[on]]), library, settings.cache_dir
        )
        log = repo.log_on(handle, on)
    planned = eased.get(upcoming[on]) or next(s for s in read.plan.sessions if s.id == upcoming[on])
    session = replace(planned, date=on, weekday=list(Weekday)[on.weekday()])
    resolved = resolve_session(session, read.athlete, library)
    changes = progression_service.from_log(facts, resolved, read.athlete, athlete.units)
    return DaySession(athlete, day, resolved, changes, log)


def _runs_since(repo: Repository, handle: str, monday: date) -> bool:
    from datetime import UTC, datetime, time

    from runstrong.storage.runs_repository import RunsRepository

    since = datetime.combine(monday, time(0), UTC) - timedelta(days=1)  # any time zone's Monday
    return RunsRepository(repo).any_since(handle, since)


def _as_lived(
    upcoming: dict[date, str], repo: Repository, handle: str, day: date, settings: Settings
) -> tuple[dict[date, str], dict[str, Session]]:
    """`upcoming` as the plan is lived (athlete_plan.py, domain/lived_plan.py): a session logged
    skipped that the engine placed again is on its new day, one it dropped is gone, one a key run
    the imported runs moved made go elsewhere is there; with the sessions made moderate for such
    a run, by id. A session the athlete moved (`log --moved-to`) stays on the day they named
    (`upcoming_sessions`)."""
    from runstrong import services
    from runstrong.athlete_plan import read_athlete_plan
    from runstrong.domain.lived_plan import Outcome

    found_plan = read_athlete_plan(repo, handle, services.open_library(settings), settings)
    outcomes = found_plan.outcomes
    moved = {
        o.session_id: o.on
        for o in outcomes.values()
        if o.outcome in (Outcome.MOVED, Outcome.DROPPED)
        and (o.missed is LogStatus.SKIPPED or o.for_run)
    }
    eased = {
        s.id: s
        for s in found_plan.lived.plan.sessions
        if outcomes[s.id].for_run and outcomes[s.id].outcome is Outcome.PLANNED
    }
    if not moved:
        return upcoming, eased
    found = {d: sid for d, sid in upcoming.items() if sid not in moved}
    found |= {on: sid for sid, on in moved.items() if on is not None and on >= day}
    return found, eased


def upcoming_sessions(
    planned: dict[date, str], moves: Sequence[SessionLog], day: date
) -> dict[date, str]:
    """The session ids by day from `day` on: as planned, less those moved away, plus those
    moved in (on the day they moved to)."""
    away = {m.date for m in moves}
    found = {d: sid for d, sid in planned.items() if d >= day and d not in away}
    found |= {m.moved_to: m.session_id for m in moves if m.moved_to and m.moved_to >= day}
    return found
