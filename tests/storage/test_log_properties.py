"""A property of the log: any sequence of logs, skips, moves, replaced and deleted days and
profile updates (each a re-plan) keeps every set logged and never half a day; what a refused
action would have written is not there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import EXAMPLES, library
from runstrong import athlete_service, log_service
from runstrong.domain.errors import AlreadyLoggedError, NoPlannedSessionError
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side
from runstrong.input_files import PROFILE_MAX_BYTES, read_input
from runstrong.profile.loader import profile_from_bytes
from runstrong.settings import Settings
from runstrong.storage.repository import repository

ALEX = EXAMPLES / "alex-marathon.toml"
START = date(2026, 12, 7)  # Alex's plan: A on Tuesdays, B on Thursdays
DAYS = [START + timedelta(days=d) for d in range(42)]  # six weeks, sessions or not


@dataclass(frozen=True)
class Op:
    kind: str  # log, skip, move, delete, update
    day: date
    replace: bool = False
    sets: int = 1


STATUS = {"log": LogStatus.DONE, "skip": LogStatus.SKIPPED, "move": LogStatus.MOVED}
ops = st.builds(
    Op,
    kind=st.sampled_from(["log", "log", "log", "skip", "move", "delete", "update"]),
    day=st.sampled_from(DAYS),
    replace=st.booleans(),
    sets=st.integers(1, 4),
)


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(ops, max_size=7))
def test_any_sequence_of_actions_keeps_every_logged_set(
    database_url: str, sequence: list[Op]
) -> None:
    raw = read_input(ALEX, PROFILE_MAX_BYTES)
    profile = profile_from_bytes(raw, ".toml", library(), str(ALEX))
    base = Settings(today=date(2026, 12, 2), database_url=database_url)
    if "alex" not in {s.athlete.handle for s in athlete_service.list_athletes(base)}:
        athlete_service.add_athlete(profile, raw.decode(), ".toml", library(), base)
    with repository(base) as repo:  # each example starts from an empty log
        for day in DAYS:
            repo.delete_log("alex", day)
    expected: dict[date, tuple[SetLog, ...]] = {}
    logged: set[date] = set()
    for n, op in enumerate(sequence):
        if op.kind == "update":
            later = Settings(today=op.day, database_url=database_url)
            athlete_service.update_athlete("alex", profile, raw.decode(), ".toml", library(), later)
            continue
        if op.kind == "delete":
            assert log_service.delete_log("alex", op.day, base) == (op.day in logged)
            logged.discard(op.day)
            expected.pop(op.day, None)
            continue
        sets = tuple(
            SetLog("back_squat", Side.BOTH, reps=5, kg=float(60 + n), rir=i) for i in range(op.sets)
        )
        status = {"log": LogStatus.DONE, "skip": LogStatus.SKIPPED, "move": LogStatus.MOVED}[
            op.kind
        ]
        entry = SessionLog(
            op.day, "", status, sets if status is LogStatus.DONE else (),
            moved_to=op.day + timedelta(days=1) if status is LogStatus.MOVED else None,
        )  # fmt: skip
        try:
            log_service.record_log("alex", entry, base, replace_existing=op.replace)
        except AlreadyLoggedError:
            assert op.day in logged
            assert not op.replace
            continue
        except NoPlannedSessionError:  # no session that day (or no longer, after a re-plan)
            continue
        logged.add(op.day)
        expected[op.day] = entry.sets
    found = log_service.history("alex", library(), base)
    by_day: dict[date, list[SetLog]] = {}
    for row in found:
        by_day.setdefault(row.logged.date, []).append(row.logged.set)
    assert {d: tuple(s) for d, s in by_day.items()} == {d: s for d, s in expected.items() if s}
    assert {d for d in DAYS if log_service.existing_log("alex", d, base)} == logged
