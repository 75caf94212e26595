"""A property of the plan as lived (issue 15): any sequence of logged sessions, skips, moves,
profile updates and re-plans keeps every logged set, keeps the ids of the sessions nothing
touched, and never places two heavy days back to back. Many sequences on SQLite, a few on
PostgreSQL (the same code above a different database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import EXAMPLES, library
from runstrong import athlete_service, log_service
from runstrong.athlete_plan import athlete_plan
from runstrong.domain.errors import AlreadyLoggedError, NoPlannedSessionError
from runstrong.domain.lived_plan import HEAVY_BESIDE, Outcome
from runstrong.domain.plan import LowerBodyLoad, Session
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side
from runstrong.profile.loader import profile_from_bytes
from runstrong.settings import Settings

ALEX = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
# The profile as given, and with shorter sessions (a re-plan that changes every session's content)
PROFILES = (ALEX, ALEX.replace("session_minutes = 45", "session_minutes = 30"))
START = date(2026, 12, 7)  # Alex's plan: A on Tuesdays, B on Thursdays
DAYS = [START + timedelta(days=d) for d in range(35)]  # five weeks, the deload among them


@dataclass(frozen=True)
class Op:
    kind: str  # log, skip, move, update
    day: date
    shift: int = 1  # a move's days from `day`
    profile: int = 0  # an update's profile
    sets: int = 1


ops = st.builds(
    Op,
    kind=st.sampled_from(["log", "log", "skip", "skip", "move", "move", "update"]),
    day=st.sampled_from(DAYS),
    shift=st.sampled_from([-2, -1, 1, 2, 3, 5]),
    profile=st.integers(0, len(PROFILES) - 1),
    sets=st.integers(1, 3),
)


def run(url: str, sequence: list[Op]) -> None:
    base = Settings(today=date(2026, 12, 2), database_url=url)
    profile = profile_from_bytes(PROFILES[0].encode(), ".toml", library(), "alex")
    if "alex" in {s.athlete.handle for s in athlete_service.list_athletes(base)}:
        athlete_service.remove_athlete("alex", base)  # each example starts afresh
    athlete_service.add_athlete(profile, PROFILES[0], ".toml", library(), base)
    expected: dict[date, tuple[SetLog, ...]] = {}
    for n, op in enumerate(sequence):
        if op.kind == "update":
            text = PROFILES[op.profile]
            changed = profile_from_bytes(text.encode(), ".toml", library(), "alex")
            later = Settings(today=op.day, database_url=url)
            before = _sessions(url)
            athlete_service.update_athlete("alex", changed, text, ".toml", library(), later)
            _check_unchanged_sessions_keep_their_ids(before, _sessions(url))
            continue
        pushes = [SetLog("push_up", Side.BOTH, reps=10 + i, rir=2) for i in range(op.sets)]
        sets = (*pushes, SetLog("back_squat", Side.LEFT, reps=5, kg=float(60 + n), rir=2))
        status = {"log": LogStatus.DONE, "skip": LogStatus.SKIPPED, "move": LogStatus.MOVED}[
            op.kind
        ]
        entry = SessionLog(
            op.day, "", status, sets if status is LogStatus.DONE else (),
            moved_to=op.day + timedelta(days=op.shift) if status is LogStatus.MOVED else None,
        )  # fmt: skip
        try:
            log_service.record_log("alex", entry, base, replace_existing=True)
        except (AlreadyLoggedError, NoPlannedSessionError):
            continue
        expected[op.day] = entry.sets
    # every logged set is kept, in order, on its day
    found: dict[date, list[SetLog]] = {}
    for row in log_service.history("alex", library(), base):
        found.setdefault(row.logged.date, []).append(row.logged.set)
    assert {d: tuple(s) for d, s in found.items()} == {d: s for d, s in expected.items() if s}
    lived = athlete_plan("alex", library(), base)
    planned = {s.id: s for s in lived.planned.plan.sessions}
    on_day = {s.id: s for s in lived.lived.plan.sessions}
    logged_ids = {
        g.session_id for d in DAYS if (g := log_service.existing_log("alex", d, base)) is not None
    }
    for sid, session in planned.items():
        outcome = lived.outcomes[sid]
        if outcome.done is not None:  # what was done is shown as logged, on the day logged
            assert outcome.done.sets == expected[outcome.done.date]
            assert on_day[sid].date == outcome.done.date
        if sid in logged_ids:
            continue
        # untouched: its id on its day, unless a heavy session done beside it moved it
        if outcome.outcome is Outcome.PLANNED:
            assert on_day[sid].date == session.date
        else:
            moved = [r for s in lived.lived.plan.sessions if s.id == sid for r in s.reasons]
            notes = [n for w in lived.lived.plan.weeks for n in w.notes]
            assert any(r.get("why") == HEAVY_BESIDE for r in [*moved, *notes])
    # never two heavy days back to back, unless the athlete did both
    heavy = sorted(
        (s.date, s.id)
        for s in lived.lived.plan.sessions
        if s.lower_body_load is LowerBodyLoad.HEAVY
    )
    for (day, sid), (next_day, next_sid) in pairwise(heavy):
        if (next_day - day).days <= 1:
            done = {lived.outcomes[i].outcome for i in (sid, next_sid)}
            assert done == {Outcome.DONE}, (day, next_day)


def _sessions(url: str) -> dict[str, Session]:
    return {
        s.id: s
        for s in athlete_plan(
            "alex", library(), Settings(START, database_url=url)
        ).planned.plan.sessions
    }


def _check_unchanged_sessions_keep_their_ids(
    before: dict[str, Session], after: dict[str, Session]
) -> None:
    """A session of the new plan with the same day, title and exercises as one of the old plan
    has that session's id."""
    old = {(s.date, s.title, s.exercises): sid for sid, s in before.items()}
    for sid, s in after.items():
        same = old.get((s.date, s.title, s.exercises))
        if same is not None:
            assert same == sid


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(ops, max_size=10))
def test_any_sequence_keeps_sets_ids_and_heavy_days_apart_on_sqlite(
    database_url: str, sequence: list[Op]
) -> None:
    run(database_url, sequence)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@settings(max_examples=4, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(ops, min_size=3, max_size=8))
def test_any_sequence_keeps_sets_ids_and_heavy_days_apart_on_postgresql(
    database_url: str, sequence: list[Op]
) -> None:
    run(database_url, sequence)
