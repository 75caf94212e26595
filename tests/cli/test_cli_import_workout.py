"""`runstrong import workout FILE.fit --athlete H` end to end, on SQLite and PostgreSQL: strength
activities built with fit-tool (set messages: reps, weight, set type, exercise category and name),
each set matched to the library by its FIT ids and the day to its planned session."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.set_message import SetMessage
from fit_tool.profile.profile_type import (
    ExerciseCategory,
    FileType,
    PlankExerciseName,
    SetType,
    SquatExerciseName,
)

from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process

ALEX = str(EXAMPLES / "alex-marathon.toml")
TUESDAY = "2026-12-08"  # Alex's session A: alex/2026-12-07/A
SQUAT = (ExerciseCategory.SQUAT.value, SquatExerciseName.BARBELL_BACK_SQUAT.value)
PLANK = (ExerciseCategory.PLANK.value, PlankExerciseName.PLANK.value)
UNKNOWN = (ExerciseCategory.SQUAT.value, 999)  # a name the FIT profile does not have
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
Set = tuple[tuple[int, int], int | None, float | None, float, SetType]


def ms(t: dt.datetime) -> int:
    return round(t.timestamp() * 1000)


def activity(sets: list[Set], start: dt.datetime, utc_offset_h: int = 1) -> bytes:
    """A strength activity as a watch records it: file id, a set message a set (a minute
    apart), and the activity message with its local time."""
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = 1
    file_id.product = 1
    file_id.serial_number = 12345
    file_id.time_created = ms(start)
    builder.add(file_id)
    for i, (ids, reps, kg, seconds, kind) in enumerate(sets):
        message = SetMessage()
        message.start_time = ms(start + dt.timedelta(minutes=i))
        message.timestamp = ms(start + dt.timedelta(minutes=i, seconds=seconds))
        message.duration = seconds
        if reps is not None:
            message.repetitions = reps
        if kg is not None:
            message.weight = kg
        message.set_type = kind
        message.category = [ids[0]]
        message.category_subtype = [ids[1]]
        message.message_index = i
        builder.add(message)
    end = start + dt.timedelta(minutes=len(sets))
    done = ActivityMessage()
    done.timestamp = ms(end)
    local = end + dt.timedelta(hours=utc_offset_h)
    done.local_timestamp = round((local - FIT_EPOCH).total_seconds())
    done.num_sessions = 1
    builder.add(done)
    data: bytes = builder.build().to_bytes()
    return data


ACTIVE, REST = SetType.ACTIVE, SetType.REST
WORKOUT: list[Set] = [
    (SQUAT, 5, 100.0, 30.0, ACTIVE),
    (SQUAT, None, None, 120.0, REST),
    (SQUAT, 5, 102.5, 30.0, ACTIVE),
    (PLANK, None, None, 45.0, ACTIVE),
    (UNKNOWN, 10, 20.0, 40.0, ACTIVE),
]


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", "2026-12-02", *args, db=db)


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", ALEX))
    return database_url


def history(db: str) -> list[tuple[object, ...]]:
    sets = json.loads(ok(rs(db, "history", "alex", "--format", "json")))["sets"]
    return [(s["date"], s["session_id"], s["slug"], s["reps"], s["kg"], s["seconds"]) for s in sets]


def test_a_watch_activity_becomes_the_log_of_the_planned_session(alex: str, tmp_path: Path) -> None:
    path = tmp_path / "strength.fit"
    path.write_bytes(activity(WORKOUT, dt.datetime(2026, 12, 8, 6, 5, tzinfo=dt.UTC)))
    out = ok(rs(alex, "import", "workout", str(path), "--athlete", "alex")).splitlines()
    assert out == [
        f"imported {path} into alex's log: 1 day, 4 sets (1 on planned sessions)",
        "  not in the library, kept as custom exercises: 'squat: 999' as custom:squat_999",
    ]
    session = "alex/2026-12-07/A"
    assert history(alex) == [
        (TUESDAY, session, "back_squat", 5, 100.0, None),
        (TUESDAY, session, "back_squat", 5, 102.5, None),  # the rest set between: left out
        (TUESDAY, session, "plank", None, None, 45),  # no reps: the seconds held
        (TUESDAY, session, "custom:squat_999", 10, 20.0, None),
    ]
    again = ok(rs(alex, "import", "workout", str(path), "--athlete", "alex")).splitlines()
    assert again[1] == "  already imported, left as they are: 1 day"
    assert len(history(alex)) == 4


def test_the_day_is_the_activitys_local_day(alex: str, tmp_path: Path) -> None:
    """Started at 23:30 UTC on Monday, 00:30 on Tuesday where it was done (UTC+1)."""
    path = tmp_path / "late.fit"
    sets: list[Set] = [(SQUAT, 5, 100.0, 30.0, ACTIVE)]
    path.write_bytes(activity(sets, dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)))
    ok(rs(alex, "import", "workout", str(path), "--athlete", "alex"))
    assert [row[0] for row in history(alex)] == [TUESDAY]
    ok(rs(alex, "import", "workout", str(path), "--athlete", "alex", "--date", "2026-12-10"))
    assert [row[:2] for row in history(alex)] == [
        (TUESDAY, "alex/2026-12-07/A"), ("2026-12-10", "alex/2026-12-07/B"),
    ]  # fmt: skip


def test_a_damaged_or_empty_fit_file_is_one_line_and_writes_nothing(
    alex: str, tmp_path: Path
) -> None:
    whole = activity(WORKOUT, dt.datetime(2026, 12, 8, 6, 5, tzinfo=dt.UTC))
    cut = tmp_path / "cut.fit"
    cut.write_bytes(whole[: len(whole) // 2])
    said = one_error_line(rs(alex, "import", "workout", str(cut), "--athlete", "alex"))
    assert said.startswith(f"error: {cut}: is not a FIT file fit-tool can read (")
    rests = tmp_path / "rest.fit"
    rests.write_bytes(
        activity([(SQUAT, None, None, 60.0, REST)], dt.datetime(2026, 12, 8, tzinfo=dt.UTC))
    )
    said = one_error_line(rs(alex, "import", "workout", str(rests), "--athlete", "alex"))
    assert said == f"error: {rests}: has no active set: not a strength activity"
    assert history(alex) == []
