"""`runstrong athlete ...` and `runstrong db ...` end to end, on SQLite and on PostgreSQL:
athletes kept with their profile and plan versions, handles unique, every mistake one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from builders import EXAMPLES, Ran, ok, one_error_line, run_cli, run_in_process
from runstrong.storage.database import HEAD

ALEX = str(EXAMPLES / "alex-marathon.toml")
TODAY = "2026-12-02"  # a Wednesday: Alex's plan starts on Monday 7 December


def rs(db: str, *args: str, stdin: str = "") -> Ran:
    return run_in_process("--today", TODAY, *args, db=db, stdin=stdin)


def test_athlete_add_stores_the_athlete_profile_and_plan(database_url: str) -> None:
    assert ok(rs(database_url, "athlete", "add", ALEX)) == "alex\n"
    shown = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    plan = json.loads(ok(run_in_process("--today", TODAY, "plan", ALEX, "--format", "json")))
    assert shown == {
        "handle": "alex",
        "name": "Alex",
        "units": "kg",
        "profile_version": 1,
        "plan_version": plan["version"],  # the plan `runstrong plan` makes, stored as is
        "plan_start": plan["start"],
        "plan_end": plan["end"],
        "sessions_logged": 0,
        "sets_logged": 0,
        "last_logged": None,
    }


def test_handles_are_the_name_made_unique_or_the_one_given(database_url: str) -> None:
    assert ok(rs(database_url, "athlete", "add", ALEX)) == "alex\n"
    assert ok(rs(database_url, "athlete", "add", ALEX)) == "alex-2\n"
    assert ok(rs(database_url, "athlete", "add", ALEX, "--handle", "coach-alex")) == "coach-alex\n"
    assert ok(rs(database_url, "athlete", "add", ALEX, "--units", "lb")) == "alex-3\n"
    listed = json.loads(ok(rs(database_url, "athlete", "list", "--format", "json")))
    assert [(a["handle"], a["units"]) for a in listed] == [
        ("alex", "kg"), ("alex-2", "kg"), ("alex-3", "lb"), ("coach-alex", "kg"),
    ]  # fmt: skip
    taken = one_error_line(rs(database_url, "athlete", "add", ALEX, "--handle", "alex"))
    assert "--handle" in taken
    assert "'alex'" in taken
    assert "taken" in taken
    bad = one_error_line(rs(database_url, "athlete", "add", ALEX, "--handle", "Alex Morgan"))
    assert "--handle" in bad


def test_athlete_list_prints_a_table(database_url: str) -> None:
    ok(rs(database_url, "athlete", "add", ALEX))
    table = ok(rs(database_url, "athlete", "list"))
    assert "1 athlete" in table
    assert "alex" in table
    assert "Alex" in table


def test_an_unknown_handle_is_one_error_line_naming_it(database_url: str) -> None:
    ok(rs(database_url, "athlete", "add", ALEX))
    for command in (["show", "alx"], ["remove", "alx", "--yes"], ["update", "alx", ALEX]):
        line = one_error_line(rs(database_url, "athlete", *command))
        assert "'alx'" in line
        assert "did you mean alex?" in line


def test_update_of_an_unchanged_profile_keeps_the_plan_and_its_ids(database_url: str) -> None:
    ok(rs(database_url, "athlete", "add", ALEX))
    before = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    assert "profile version 2" in ok(rs(database_url, "athlete", "update", "alex", ALEX))
    after = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    assert after["profile_version"] == 2
    assert after["plan_version"] == before["plan_version"]  # same content, same ids


def test_update_after_the_race_replans_from_this_week_and_the_race_is_history(
    database_url: str,
) -> None:
    ok(rs(database_url, "athlete", "add", ALEX))
    # Alex's Spring Marathon was on 2027-04-18; on Wednesday 21 April it is history.
    result = run_in_process(
        "--today", "2027-04-21", "athlete", "update", "alex", ALEX, db=database_url
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    assert shown["profile_version"] == 2
    assert shown["plan_start"] == "2027-04-19"  # the Monday of the week of --today


def test_remove_asks_on_a_terminal_and_needs_yes_without_one(database_url: str) -> None:
    ok(rs(database_url, "athlete", "add", ALEX))
    line = one_error_line(rs(database_url, "athlete", "remove", "alex"))
    assert "--yes" in line
    assert json.loads(ok(rs(database_url, "athlete", "list", "--format", "json")))  # still there
    assert ok(rs(database_url, "athlete", "remove", "alex", "--yes")) == "removed alex\n"
    assert json.loads(ok(rs(database_url, "athlete", "list", "--format", "json"))) == []


def test_a_bad_profile_writes_nothing(database_url: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(Path(ALEX).read_text("utf-8").replace('level = "', 'level = "x'), "utf-8")
    line = one_error_line(rs(database_url, "athlete", "add", str(broken)))
    assert str(broken) in line
    assert json.loads(ok(rs(database_url, "athlete", "list", "--format", "json"))) == []


def test_db_path_prints_the_file_or_the_url_without_its_password(tmp_path: Path) -> None:
    file = tmp_path / "log.sqlite3"
    assert ok(run_in_process("db", "path", db=f"sqlite:///{file}")) == f"{file}\n"
    url = "postgresql+psycopg://runner:s3cret@db.example:5432/log"
    shown = ok(run_in_process("db", "path", db=url))
    assert shown == "postgresql+psycopg://runner:***@db.example:5432/log\n"
    line = one_error_line(run_in_process("db", "path", db="mysql://x@y/z"))
    assert "SQLite or PostgreSQL" in line


def test_db_path_defaults_to_the_data_folder_and_the_environment_variable(tmp_path: Path) -> None:
    import os

    default = run_cli("db", "path", env={"XDG_DATA_HOME": str(tmp_path)})
    assert default.stdout == f"{tmp_path / 'runstrong' / 'runstrong.sqlite3'}\n", default.stderr
    chosen = tmp_path / "elsewhere.sqlite3"
    env = {"RUNSTRONG_DATABASE_URL": f"sqlite:///{chosen}", "XDG_DATA_HOME": os.devnull}
    assert run_cli("db", "path", env=env).stdout == f"{chosen}\n"


def test_db_upgrade_and_backup_give_a_consistent_copy(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    assert f"revision {HEAD} (the newest)" in ok(run_in_process("db", "upgrade", db=db))
    ok(rs(db, "athlete", "add", ALEX))
    copy = tmp_path / "backups" / "copy.sqlite3"
    assert "wrote" in ok(run_in_process("db", "backup", str(copy), db=db))
    with sqlite3.connect(copy) as backup:
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert backup.execute("SELECT handle FROM athletes").fetchall() == [("alex",)]


def test_db_backup_of_postgresql_says_to_use_pg_dump() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    assert "pg_dump" in one_error_line(run_in_process("db", "backup", "x.db", db=url))
