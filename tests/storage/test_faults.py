"""Faults: a process killed (SIGKILL) while it logs loses nothing it said it had logged, and
leaves a database that opens cleanly; two processes logging at once both succeed."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builders import EXAMPLES, ROOT, run_in_process

ALEX = str(EXAMPLES / "alex-marathon.toml")
TODAY = "2026-12-02"
SETS = ("back_squat 5x100@2", "push_up 12@2", "side_plank 30s/L")

# A process that logs the days it is given, one command each (as the command line runs them),
# and says which succeeded as soon as each returns.
LOGGER = f"""
import sys
from runstrong.cli.app import app
from runstrong.cli.errors import run_safely
url, extra, days = sys.argv[1], sys.argv[2].split(), sys.argv[3:]
for day in days:
    args = ["--db", url, "--today", "2026-12-02", "log", "alex", "--date", day, *extra]
    for spec in {SETS!r}:
        args += ["--set", spec]
    code = run_safely(app, args)
    print("returned", day, code, flush=True)
"""


def session_days() -> list[str]:
    plan = json.loads(run_in_process("--today", TODAY, "plan", ALEX, "--format", "json").stdout)
    return [s["date"] for w in plan["weeks"] for s in w["sessions"]]


def logger(url: str, days: list[str], extra: str = "") -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-c", LOGGER, url, extra, *days],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip


def logged_days(url: str) -> dict[str, int]:
    result = run_in_process("history", "alex", "--format", "json", db=url)
    assert result.returncode == 0, result.stderr
    counts: dict[str, int] = {}
    for s in json.loads(result.stdout)["sets"]:
        counts[s["date"]] = counts.get(s["date"], 0) + 1
    return counts


def test_a_killed_logger_loses_no_set_it_reported_and_the_database_opens(
    database_url: str,
) -> None:
    assert run_in_process("--today", TODAY, "athlete", "add", ALEX, db=database_url)[0] == 0
    process = logger(database_url, session_days())
    assert process.stdout is not None
    succeeded = []
    for line in process.stdout:
        if not line.startswith("returned "):
            continue  # the command's own output
        _, day, code = line.split()
        assert code == "0", process.stderr
        succeeded.append(day)
        if len(succeeded) == 4:
            time.sleep(random.uniform(0, 0.05))  # somewhere inside a later command
            process.send_signal(signal.SIGKILL)
            break
    process.communicate()  # closes the pipes
    assert process.returncode == -signal.SIGKILL
    found = logged_days(database_url)
    assert {day: found.get(day) for day in succeeded} == dict.fromkeys(succeeded, len(SETS))
    assert all(count == len(SETS) for count in found.values())  # never half a day
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize("same_days", [False, True], ids=["other days", "the same days"])
def test_two_processes_logging_at_once_both_succeed(database_url: str, same_days: bool) -> None:
    """On other days, or on the same days with --replace: each day's log is whole, one of
    the two, never a mix and never an error."""
    assert run_in_process("--today", TODAY, "athlete", "add", ALEX, db=database_url)[0] == 0
    days = session_days()[:12]
    if same_days:
        days = days[:6]
        first = logger(database_url, days, "--replace")
        second = logger(database_url, days, "--replace")
    else:
        first, second = logger(database_url, days[0::2]), logger(database_url, days[1::2])
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert "locked" not in err
        returned = [line.split() for line in out.splitlines() if line.startswith("returned ")]
        assert len(returned) == 6
        assert all(code == "0" for _, _, code in returned), (out, err)
    assert logged_days(database_url) == dict.fromkeys(days, len(SETS))


def test_a_backup_taken_while_a_process_logs_is_whole_and_consistent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    assert run_in_process("--today", TODAY, "athlete", "add", ALEX, db=url)[0] == 0
    process = logger(url, session_days()[:10])
    assert process.stdout is not None
    copies = []
    for line in process.stdout:
        if line.startswith("returned "):
            copy = tmp_path / f"copy{len(copies)}.sqlite3"
            result = run_in_process("db", "backup", str(copy), db=url)
            assert result.returncode == 0, result.stderr
            copies.append(copy)
    process.communicate()
    assert process.returncode == 0
    for copy in copies:
        with sqlite3.connect(copy) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            per_day = db.execute("SELECT count(*) FROM set_logs GROUP BY session_log_id").fetchall()
        assert all(count == len(SETS) for (count,) in per_day)  # never half a day
    assert len(copies) == 10
