"""The database's schema: made by the migrations shipped in the package, the same as the
models, brought up to date on first use, and the same on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, inspect

from runstrong.settings import Settings
from runstrong.storage import database, migrate
from runstrong.storage.models import Base

TABLES = {
    "users", "athletes", "profile_versions", "plan_versions", "session_logs", "set_logs",
    "niggle_checkins", "runs",
    "api_tokens", "login_failures", "athlete_access", "alembic_version",
    "coach_invitations", "password_resets", "session_pins",
    "calendar_feeds", "made_files",
}  # fmt: skip


def test_head_names_the_newest_migration() -> None:
    assert migrate.head() == "0009_second_factor" == database.HEAD


def test_a_new_database_is_created_at_the_newest_revision_on_first_use(database_url: str) -> None:
    engine = database.engine_for(settings(database_url))
    assert database.current_revision(engine) == database.HEAD
    assert set(inspect(engine).get_table_names()) == TABLES


def test_the_migrations_make_the_schema_the_models_describe(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = database.engine_for(settings(database_url))
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_the_migrations_go_down_and_up_again(database_url: str) -> None:
    engine = database.engine_for(settings(database_url))
    with engine.begin() as connection:
        migrate.downgrade(connection, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    assert database.ensure_schema(engine) == database.HEAD
    assert set(inspect(engine).get_table_names()) == TABLES


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on_and_a_small_page_cache(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deep" / "folder" / "log.sqlite3"  # missing folders are made
    engine = database.engine_for(settings(f"sqlite:///{path}"))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60_000
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -256  # KiB
    with sqlite3.connect(path) as plain:  # WAL is a property of the file itself
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_default_database_is_a_file_in_the_users_data_folder() -> None:
    expected = Path(os.environ["XDG_DATA_HOME"]) / "runstrong" / "runstrong.sqlite3"
    assert database.default_url() == f"sqlite:///{expected}"


def test_the_engine_is_made_once_per_database(database_url: str) -> None:
    first = database.engine_for(settings(database_url))
    assert database.engine_for(settings(database_url)) is first


def settings(url: str) -> Settings:
    return Settings(today=date(2027, 1, 4), database_url=url)


def test_plain_sqlalchemy_sees_the_same_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    database.engine_for(settings(url))
    assert set(inspect(create_engine(url)).get_table_names()) == TABLES


def test_plan_and_export_never_load_the_storage() -> None:
    """Start-up time: SQLAlchemy, Alembic and platformdirs load only in commands that use the
    database."""
    import subprocess
    import sys

    from builders import EXAMPLES

    command = [sys.executable, "-X", "importtime", "-m", "runstrong", "plan"]
    command += [str(EXAMPLES / "alex-marathon.toml"), "--format", "json"]
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()}
    assert imported & {"sqlalchemy", "alembic", "platformdirs", "runstrong.storage"} == set()


def test_an_upgrade_from_0003_keeps_the_log_and_gives_each_athlete_a_public_id(
    database_url: str,
) -> None:
    """Athletes stored before accounts and public ids: after the upgrade each has a distinct
    public id, and no profile, plan or log row was lost (no table copied over a cascade)."""
    from sqlalchemy import text

    engine = database.engine_for(settings(database_url))
    with engine.begin() as connection:
        migrate.downgrade(connection, "0003_niggle_checkins")
    with engine.begin() as connection:
        for handle in ("alex", "sam"):
            connection.execute(
                text(
                    "INSERT INTO athletes (owner_id, handle, name, units, created_at) "
                    "VALUES (1, :h, :h, 'kg', '2026-12-01 00:00:00')"
                ),
                {"h": handle},
            )
        connection.execute(
            text(
                "INSERT INTO session_logs (athlete_id, date, session_id, status, logged_at) "
                "SELECT id, '2026-12-08', 's', 'done', '2026-12-08 00:00:00' FROM athletes"
            )
        )
    assert database.ensure_schema(engine) == database.HEAD
    with engine.connect() as connection:
        ids = connection.execute(text("SELECT public_id FROM athletes")).scalars().all()
        logs = connection.execute(text("SELECT COUNT(*) FROM session_logs")).scalar()
    assert len(ids) == 2
    assert len(set(ids)) == 2
    assert all(i is not None and i.startswith("a_") for i in ids)
    assert logs == 2
