"""The athlete's revision (0008): raised by the database's own triggers whenever any writer
changes a row of the athlete's data, on SQLite and PostgreSQL, and never by a write to another
athlete; and a day's log written without the ORM (storage.log_writes) is the same rows the
Repository writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from builders import EXAMPLES
from runstrong import athlete_service, log_service, services
from runstrong.domain.errors import AlreadyLoggedError
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side
from runstrong.profile.loader import load_profile
from runstrong.settings import Settings
from runstrong.storage import database
from runstrong.storage.repository import repository

NOW = dt.datetime(2026, 12, 2, 9, 30, tzinfo=dt.UTC)
ALEX = EXAMPLES / "alex-marathon.toml"
# What 0008 says holds an athlete's data (set_logs through its session log).
ATHLETE_TABLES = (
    "profile_versions", "plan_versions", "session_logs", "niggle_checkins", "runs",
    "session_pins", "athlete_access", "set_logs",
)  # fmt: skip
SETS = (
    SetLog("back_squat", Side.BOTH, 5, 100.0, None, None, 2),
    SetLog("side_plank", Side.LEFT, None, None, 30, None, None),
)


def settings(url: str) -> Settings:
    return Settings(today=NOW.date(), now=NOW, database_url=url)


def add(url: str, handle: str) -> tuple[int, list[dt.date]]:
    """An athlete stored from Alex's profile: its row id and the days its plan has sessions."""
    s = settings(url)
    library = services.open_library(s)
    record, _ = athlete_service.add_athlete(
        load_profile(ALEX, library), ALEX.read_text("utf-8"), ".toml", library, s, handle=handle
    )
    with repository(s) as repo:
        row = repo.athlete_row_id(record.handle)
        plan = repo.latest_plan(record.handle)
    days = sorted(log_service.session_days(plan))
    return row, days


def revision(url: str, athlete_row: int) -> int:
    with database.engine_for(settings(url)).connect() as connection:
        found = connection.execute(
            text("SELECT revision FROM athletes WHERE id = :id"), {"id": athlete_row}
        ).scalar_one()
    return int(found)


def sql(url: str, statement: str, **params: Any) -> None:
    with database.engine_for(settings(url)).begin() as connection:
        connection.execute(text(statement), params)


def test_every_table_of_an_athletes_data_has_its_three_triggers(database_url: str) -> None:
    engine = database.engine_for(settings(database_url))
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.execute(
                text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
            )
        else:
            rows = connection.execute(
                text(
                    "SELECT event_object_table, trigger_name FROM information_schema.triggers "
                    "WHERE trigger_schema = current_schema()"
                )
            )
        found = {(table, name) for table, name in rows}
    expected = {
        (table, f"{table}_revision_on_{operation}")
        for table in ATHLETE_TABLES
        for operation in ("insert", "update", "delete")
    }
    assert expected <= found
    assert ("athletes", "athletes_revision_on_update") in found


def test_each_kind_of_write_raises_the_athletes_revision_and_no_other(database_url: str) -> None:
    alex, days = add(database_url, "alex")
    other, _ = add(database_url, "other")
    s = settings(database_url)
    steps: list[tuple[str, Any]] = [
        ("a day logged (ORM)", lambda: log_service.record_log(
            "alex", SessionLog(days[0], "", LogStatus.DONE, SETS), s)),
        ("a set changed by hand", lambda: sql(
            database_url, "UPDATE set_logs SET reps = 6 WHERE slug = 'back_squat'")),
        ("a day logged without the ORM", lambda: log_service.record_planned_day(
            alex, "alex", SessionLog(days[1], "", LogStatus.SKIPPED, ()), s)),
        ("a day's log deleted", lambda: log_service.delete_log("alex", days[0], s)),
        ("a run added", lambda: sql(
            database_url,
            "INSERT INTO runs (athlete_id, start, seconds, sport, source, source_name, "
            "laps_json, imported_at) VALUES (:a, :t, 1800, 'running', 'fit', 'x.fit', '[]', :t)",
            a=alex, t=NOW)),
        ("a run's kind set", lambda: sql(database_url, "UPDATE runs SET kind = 'easy'")),
        ("a run deleted", lambda: sql(database_url, "DELETE FROM runs")),
        ("the athlete's units", lambda: sql(
            database_url, "UPDATE athletes SET units = 'lb' WHERE id = :a", a=alex)),
    ]  # fmt: skip
    for what, step in steps:
        before, others = revision(database_url, alex), revision(database_url, other)
        step()
        assert revision(database_url, alex) > before, what
        assert revision(database_url, other) == others, what


def test_a_day_written_without_the_orm_is_the_rows_the_repository_writes(
    database_url: str,
) -> None:
    alex, days = add(database_url, "alex")
    s = settings(database_url)
    log_service.record_log("alex", SessionLog(days[0], "", LogStatus.DONE, SETS, rpe=7), s)
    log_service.record_planned_day(
        alex, "alex", SessionLog(days[1], "", LogStatus.DONE, SETS, rpe=7), s
    )
    engine = database.engine_for(s)
    with engine.connect() as connection:
        logs = connection.execute(
            text(
                "SELECT date, session_id, status, rpe, logged_at, id FROM session_logs "
                "ORDER BY date"
            )
        ).all()
        sets = [
            connection.execute(
                text(
                    "SELECT position, slug, side, reps, kg, seconds, rir FROM set_logs "
                    "WHERE session_log_id = :id ORDER BY position"
                ),
                {"id": row.id},
            ).all()
            for row in logs
        ]
    assert [row.session_id.rsplit("/", 1)[0] for row in logs] == ["alex/2026-12-07"] * 2
    assert [row.session_id for row in logs] == [
        log_service.session_days(repository_plan(s))[d] for d in days[:2]
    ]
    assert logs[0].logged_at == logs[1].logged_at  # stored in the same form
    assert [tuple(r) for r in sets[0]] == [tuple(r) for r in sets[1]]
    assert [row.rpe for row in logs] == [7, 7]


def repository_plan(s: Settings) -> Any:
    with repository(s) as repo:
        return repo.latest_plan("alex")


def test_a_day_logged_already_is_refused_without_the_orm_and_nothing_changes(
    database_url: str,
) -> None:
    alex, days = add(database_url, "alex")
    s = settings(database_url)
    first = SessionLog(days[0], "", LogStatus.DONE, SETS)
    log_service.record_planned_day(alex, "alex", first, s)
    before = revision(database_url, alex)
    with pytest.raises(AlreadyLoggedError):
        log_service.record_planned_day(
            alex, "alex", SessionLog(days[0], "", LogStatus.SKIPPED, ()), s
        )
    assert revision(database_url, alex) == before  # rolled back: nothing was written
    with repository(s) as repo:
        kept = repo.log_on("alex", days[0])
    assert kept is not None
    assert kept.status is LogStatus.DONE
    assert len(kept.sets) == 2
    replaced = log_service.record_planned_day(
        alex, "alex", SessionLog(days[0], "", LogStatus.SKIPPED, ()), s, replace_existing=True
    )
    assert replaced.status is LogStatus.SKIPPED
    with repository(s) as repo:
        now_kept = repo.log_on("alex", days[0])
    assert now_kept is not None
    assert now_kept.status is LogStatus.SKIPPED
    assert now_kept.sets == ()


def test_a_session_moved_to_a_day_is_logged_there_by_the_repositorys_way(
    database_url: str,
) -> None:
    alex, days = add(database_url, "alex")
    s = settings(database_url)
    free = next(d for d in (days[0] + dt.timedelta(n) for n in range(1, 7)) if d not in days)
    log_service.record_log("alex", SessionLog(days[0], "", LogStatus.MOVED, (), moved_to=free), s)
    stored = log_service.record_planned_day(
        alex, "alex", SessionLog(free, "", LogStatus.DONE, SETS), s
    )
    with repository(s) as repo:
        moved = repo.log_on("alex", days[0])
    assert moved is not None
    assert stored.session_id == moved.session_id  # the moved session's id, on its new day


def test_a_sqlite_database_from_before_0008_gets_revisions_for_its_athletes(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    alex, _ = add(url, "alex")
    engine = database.engine_for(settings(url))
    from runstrong.storage import migrate

    with engine.begin() as connection:
        migrate.downgrade(connection, "0007_run_rpe")
    plain = create_engine(url)
    with plain.connect() as connection:
        columns = [r[1] for r in connection.execute(text("PRAGMA table_info(athletes)"))]
    plain.dispose()
    assert "revision" not in columns
    assert database.ensure_schema(engine) == database.HEAD
    assert revision(url, alex) == 0
    sql(url, "UPDATE athletes SET name = 'Alex B' WHERE id = :a", a=alex)
    assert revision(url, alex) == 1


def test_a_day_of_many_sets_is_stored_whole_and_in_order(database_url: str) -> None:
    alex, days = add(database_url, "alex")
    s = settings(database_url)
    many = tuple(
        SetLog("back_squat", Side.BOTH, 1 + i % 12, 60.0 + i, None, None, 2) for i in range(121)
    )
    log_service.record_planned_day(alex, "alex", SessionLog(days[0], "", LogStatus.DONE, many), s)
    with repository(s) as repo:
        stored = repo.log_on("alex", days[0])
    assert stored is not None
    assert stored.sets == many  # 121 sets: statements of 50, 50 and 21 rows, in order
