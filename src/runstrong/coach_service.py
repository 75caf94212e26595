"""Use case: a coach's dashboard, one row for each athlete who accepted the coach: this week's
compliance (strength sessions planned, due by today, done, skipped) and flags (sessions missed
this week, niggles checked in lately, lifts whose e1RM stalled and a week of high session RPE,
as the log's own signals say: domain.signals, domain.log_progression).

Data only (no words): the API sends it as JSON, the pages render it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runstrong.account_service import Account
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.messages import RuleId
from runstrong.domain.training_log import LogStatus
from runstrong.lru import Lru
from runstrong.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from runstrong.storage.coaching import AthleteKey
    from runstrong.storage.repository import Repository

NIGGLE_FLAG_DAYS = 14  # a check-in this recent, with a niggle left, is flagged (our heuristic)
FlagValue = str | int | float


@dataclass(frozen=True, slots=True)
class Flag:
    """Something for the coach to look at: `kind` (missed, niggle, stall, high_rpe) and its
    facts."""

    kind: str
    params: tuple[tuple[str, FlagValue], ...] = ()


@dataclass(frozen=True, slots=True)
class AthleteWeek:
    public_id: str
    name: str
    week_start: date
    planned: int  # strength sessions planned this week
    due: int  # of them, on days up to today
    done: int
    skipped: int
    missed: tuple[date, ...]  # planned days before today with nothing done (skipped or unlogged)
    flags: tuple[Flag, ...]


def dashboard(account: Account, library: ExerciseLibrary, settings: Settings) -> list[AthleteWeek]:
    """Each athlete who accepted the coach, by name, with this week's compliance and flags.

    A row is made once per athlete, revision (storage: 0008) and day, and kept by the process
    (MAX_KEPT_ROWS): a coach's page of many athletes makes again only the rows of athletes
    whose data changed since (about 50 ms each, most of it their next session's signals)."""
    from runstrong.storage import coaching
    from runstrong.storage.database import transaction

    made: dict[int, AthleteWeek] = {}
    with transaction(settings, readonly=True) as session:
        me = coaching.user_id(session, account.id)
        keys = [] if me is None else coaching.coached_athletes(session, me)
        revisions = coaching.revisions(session, [key.id for key in keys])
        rows = {key.id: _row_key(settings, key.id, revisions.get(key.id, 0)) for key in keys}
        for key in keys:
            if _kept.peek(rows[key.id]) is None:
                made[key.id] = _week(session, key, settings.today)

    def signalled(key: AthleteKey) -> Callable[[], AthleteWeek]:
        def make() -> AthleteWeek:
            week = made.get(key.id)
            if week is None:  # kept when looked at, let go since (other requests' rows)
                with transaction(settings, readonly=True) as session:
                    week = _week(session, key, settings.today)
            return _with_signals(week, key, library, settings)

        return make

    return [_kept.get(rows[key.id], signalled(key)) for key in keys]


MAX_KEPT_ROWS = 4_096  # dashboard rows a process keeps: a few hundred bytes each
_kept: Lru[tuple[object, ...], AthleteWeek] = Lru(MAX_KEPT_ROWS)


def _row_key(settings: Settings, athlete_row: int, revision: int) -> tuple[object, ...]:
    return (settings.database_url, athlete_row, revision, settings.today)


def _week(session: Session, key: AthleteKey, today: date) -> AthleteWeek:
    from runstrong.log_service import session_days
    from runstrong.storage.repository import Repository

    repo = Repository(session, key.owner)
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    plan = repo.plan_covering(key.handle, monday) or repo.latest_plan(key.handle)
    days = [d for d in session_days(plan) if monday <= d <= sunday]
    logs = {log.date: log for log in repo.logs(key.handle, monday, sunday)}
    moved_in = {log.moved_to for log in logs.values() if log.moved_to is not None}
    done = sum(1 for log in logs.values() if log.status is LogStatus.DONE)
    skipped = sum(1 for log in logs.values() if log.status is LogStatus.SKIPPED)
    missed = tuple(
        d
        for d in days
        if d < today
        and (d not in logs or logs[d].status is LogStatus.SKIPPED)
        and d not in moved_in
    )
    flags = [Flag("missed", (("sessions", len(missed)),))] if missed else []
    flags += _niggles(repo, key.handle, today)
    return AthleteWeek(
        key.public_id, repo.athlete(key.handle).name, monday, len(days),
        sum(1 for d in days if d <= today), done, skipped, missed, tuple(flags),
    )  # fmt: skip


def _niggles(repo: Repository, handle: str, today: date) -> list[Flag]:
    """The newest check-in of each site in the last NIGGLE_FLAG_DAYS that leaves a niggle."""
    since = today - timedelta(days=NIGGLE_FLAG_DAYS)
    newest = {c.site: c for c in repo.check_ins(handle) if since <= c.date <= today}
    return [
        Flag(
            "niggle",
            (
                ("site", str(c.site)),
                ("pain", c.pain),
                ("severity", str(c.after)),
                ("date", c.date.isoformat()),
            ),
        )
        for c in newest.values()
        if c.after is not None
    ]


def _with_signals(
    week: AthleteWeek, key: AthleteKey, library: ExerciseLibrary, settings: Settings
) -> AthleteWeek:
    """The week with the log's signals for the athlete's next session: stalled lifts and a
    week of high session RPE (log_service.day_session, as `runstrong today` gives them)."""
    from dataclasses import replace

    from runstrong.domain.errors import RunstrongError
    from runstrong.log_service import day_session

    try:
        found = day_session(key.handle, settings.today, library, replace(settings, owner=key.owner))
    except RunstrongError:  # no session ahead: no signals
        return week
    flags = list(week.flags)
    slugs = {x.id: x.prescription.slug for x in found.session.exercises}
    for exercise_id, dose in sorted(found.from_log.doses.items()):
        slug = slugs.get(exercise_id, exercise_id)
        for why in dose.reasons:
            if why.rule is RuleId.E1RM_STALLED:
                e1rm = why.get("e1rm_kg")
                params: tuple[tuple[str, FlagValue], ...] = (("exercise", slug),)
                if isinstance(e1rm, int | float):
                    params += (("e1rm_kg", e1rm),)
                flags.append(Flag("stall", params))
    if any(why.rule is RuleId.HIGH_SESSION_RPE for why in found.from_log.signals):
        flags.append(Flag("high_rpe"))
    return replace(week, flags=tuple(flags))
