"""`runstrong log`, `today`, `history` and `export log` end to end, on SQLite and PostgreSQL:
sets kept in kilograms, every mistake one error line that writes nothing, loads from the log."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process

ALEX = str(EXAMPLES / "alex-marathon.toml")
MARCO = str(EXAMPLES / "marco-marathon-gym.toml")
TODAY = "2026-12-02"  # both plans start on Monday 7 December: A on Tuesdays, B on Thursdays


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", TODAY, *args, db=db)


def history(db: str, *args: str) -> list[dict[str, object]]:
    sets: list[dict[str, object]] = json.loads(
        ok(rs(db, "history", "alex", "--format", "json", *args))
    )["sets"]
    return sets


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", ALEX))
    return database_url


def test_logged_sets_come_back_in_the_history_with_their_e1rm(alex: str) -> None:
    logged = rs(
        alex, "log", "alex", "--date", "2026-12-08", "--set", "bulgarian_split_squat 8x20@2/L",
        "--set", "Bulgarian split squat 8x20@1/R", "--set", "side_plank 30s/R",
        "--set", "pogo_hops 20c", "--rpe", "7", "--minutes", "45", "--note", "felt good",
    )  # fmt: skip
    assert ok(logged) == "logged alex 2026-12-08 (alex/2026-12-07/A): 4 sets\n"
    base = {"date": "2026-12-08", "session_id": "alex/2026-12-07/A"}
    none = {"reps": None, "kg": None, "seconds": None, "contacts": None, "rir": None}
    assert history(alex) == [
        # a dumbbell in each hand: the e1RM of both, 40 kg x (1 + (8 + 2)/30)
        {**base, **none, "slug": "bulgarian_split_squat", "side": "left", "reps": 8, "kg": 20.0,
         "rir": 2, "e1rm_kg": 53.3},
        {**base, **none, "slug": "bulgarian_split_squat", "side": "right", "reps": 8, "kg": 20.0,
         "rir": 1, "e1rm_kg": 52.0},  # 40 x (1 + 9/30)
        {**base, **none, "slug": "side_plank", "side": "right", "seconds": 30, "e1rm_kg": None},
        {**base, **none, "slug": "pogo_hops", "side": "both", "contacts": 20, "e1rm_kg": None},
    ]  # fmt: skip
    assert [s["slug"] for s in history(alex, "--exercise", "Side plank")] == ["side_plank"]
    assert history(alex, "--from", "2026-12-09") == []
    shown = json.loads(ok(rs(alex, "athlete", "show", "alex", "--format", "json")))
    assert (shown["sessions_logged"], shown["sets_logged"]) == (1, 4)


def test_loads_are_entered_in_the_athletes_units_and_kept_in_kilograms(database_url: str) -> None:
    ok(rs(database_url, "athlete", "add", ALEX, "--units", "lb"))
    ok(rs(database_url, "log", "alex", "--date", "2026-12-08", "--set", "back_squat 5x100@2"))
    [kept] = history(database_url)
    assert kept["kg"] == pytest.approx(45.359, abs=0.001)  # 100 lb, 0.45359237 kg each
    title, header, _, row = ok(rs(database_url, "history", "alex")).splitlines()
    assert title == "alex: 1 set"
    assert header.split()[5] == "lb"
    assert row.split() == [  # shown in pounds again, the e1RM too: 100 x (1 + 7/30)
        "2026-12-08", "alex/2026-12-07/A", "back_squat", "both", "5", "100", "2", "123.3",
    ]  # fmt: skip


def test_skipped_moved_and_deleted_days(alex: str) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-10", "--moved-to", "2026-12-12"))
    # the session moved to Saturday is logged on Saturday under its own id
    saturday = ok(rs(alex, "log", "alex", "--date", "2026-12-12", "--set", "push_up 12@2"))
    assert saturday == "logged alex 2026-12-12 (alex/2026-12-07/B): 1 set\n"
    skipped = rs(alex, "log", "alex", "--date", "2026-12-15", "--skipped", "--reason", "ill")
    assert "skipped" in ok(skipped)
    assert ok(rs(alex, "log", "alex", "--date", "2026-12-12", "--delete")) == (
        "deleted alex's log of 2026-12-12\n"
    )
    assert history(alex) == []
    shown = json.loads(ok(rs(alex, "athlete", "show", "alex", "--format", "json")))
    assert shown["sessions_logged"] == 2


def test_a_second_log_of_a_day_needs_replace(alex: str) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--set", "push_up 12@2"))
    line = one_error_line(rs(alex, "log", "alex", "--date", "2026-12-08", "--set", "push_up 10"))
    assert "--replace" in line
    assert [s["reps"] for s in history(alex)] == [12]  # nothing written
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--set", "push_up 10", "--replace"))
    assert [s["reps"] for s in history(alex)] == [10]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--set", "back_squat 5x100@2", "--set", "back_squat 5x100@x"], "--set 2"),
        (["--set", "bak_squat 5x100"], "did you mean back_squat"),
        (["--date", "2026-12-09", "--set", "push_up 10"], "2026-12-09"),  # no session that day
        (["--date", "2026-11-30", "--set", "push_up 10"], "outside alex's plan"),
        (["--set", "push_up 10", "--skipped"], "--skipped"),
        (["--reason", "ill", "--set", "push_up 10"], "--reason"),
        (["--moved-to", "2026-12-08"], "--moved-to"),
        ([], "--set"),  # no sets, and no terminal to ask them on
        (["--date", "2026-12-08", "--delete"], "no log"),
    ],
)
def test_bad_input_is_one_line_naming_what_and_where_and_writes_nothing(
    alex: str, args: list[str], named: str
) -> None:
    line = one_error_line(rs(alex, "log", "alex", "--date", "2026-12-08", *args))
    assert named in line
    assert history(alex) == []


def test_an_unknown_handle_is_one_error_line(alex: str) -> None:
    for command in (["log", "alx", "--set", "push_up 10"], ["today", "alx"], ["history", "alx"]):
        assert "did you mean alex?" in one_error_line(rs(alex, *command))


def test_today_resolves_loads_from_the_log_where_it_knows_the_lift(database_url: str) -> None:
    ok(rs(database_url, "athlete", "add", MARCO))

    def tuesday(**where: str) -> dict[str, object]:
        day = json.loads(ok(rs(database_url, "today", "marco", "--date", "2026-12-14",
                               "--format", "json")))  # fmt: skip
        assert day["session"]["id"] == "marco/2026-12-14/A"  # the next session: Tuesday's
        found: dict[str, object] = next(
            x for x in day["session"]["exercises"] if x["slug"] == where["slug"]
        )
        return found

    squat = tuesday(slug="back_squat")  # 83% of the profile's 130 kg, to 2.5 kg plates
    assert (squat["percent_1rm"], squat["load_kg"], squat["load_from"]) == (83, 107.5, "profile")
    ok(rs(database_url, "log", "marco", "--date", "2026-12-08",
          "--set", "back_squat 6x110@1", "--set", "back_squat 6x100@3",
          "--set", "barbell_bulgarian_split_squat 6x60@2/L"))  # fmt: skip
    squat = tuesday(slug="back_squat")
    e1rm = 110 * (1 + 7 / 30)  # the day's best set: 135.7 kg
    assert squat["e1rm_kg"] == round(e1rm, 1)
    assert squat["load_kg"] == 2.5 * math.ceil(round(e1rm, 1) * 0.83 / 2.5 - 0.5)  # 112.5
    assert squat["load_from"] == "log"
    split = tuesday(slug="barbell_bulgarian_split_squat")  # by RIR: 6 reps at RIR 2 again
    assert (split["reps"], split["rir"], split["load_kg"]) == (6, 2, 60.0)
    assert split["load_from"] == "log"


def test_history_and_export_log_write_csv_and_json(alex: str, tmp_path: Path) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--set", "back_squat 5x100@2",
          "--set", "side_plank 30s/L"))  # fmt: skip
    as_csv = ok(rs(alex, "history", "alex", "--format", "csv"))
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert list(rows[0]) == [
        "date", "session_id", "slug", "side", "reps", "kg", "seconds", "contacts", "rir",
        "e1rm_kg",
    ]  # fmt: skip
    assert [(r["slug"], r["kg"], r["seconds"], r["e1rm_kg"]) for r in rows] == [
        ("back_squat", "100.0", "", "123.3"), ("side_plank", "", "30", ""),
    ]  # fmt: skip
    out_csv, out_json = tmp_path / "log.csv", tmp_path / "log.json"
    ok(rs(alex, "export", "log", "alex", "-o", str(out_csv)))
    assert out_csv.read_text("utf-8") == as_csv
    ok(rs(alex, "export", "log", "alex", "-o", str(out_json)))
    data = json.loads(out_json.read_text("utf-8"))
    assert (data["schema_version"], data["athlete"], len(data["sets"])) == (1, "alex", 2)
    assert "--" not in one_error_line(
        rs(alex, "export", "log", "alex", "-o", str(tmp_path / "x.txt"))
    )


def test_on_a_terminal_log_asks_set_by_set_with_the_plans_dose(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    db = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    ok(rs(db, "athlete", "add", ALEX))
    planned = json.loads(ok(rs(db, "today", "alex", "--date", "2026-12-08", "--format", "json")))
    exercises = planned["session"]["exercises"]
    controller, terminal = pty.openpty()
    # the first set left out ('-'), then Enter for every other: the plan's dose
    answers = "-\n" + "\n" * (sum(x["sets"] for x in exercises) - 1)
    os.write(controller, answers.encode())
    command = [sys.executable, "-m", "runstrong", "--db", db, "--today", TODAY, "log", "alex",
               "--date", "2026-12-08"]  # fmt: skip
    process = subprocess.Popen(command, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0, shown.decode(errors="replace")
    logged = history(db)
    planned_sets = [x for x in exercises for _ in range(x["sets"])][1:]  # the first left out
    assert [s["slug"] for s in logged] == [x["slug"] for x in planned_sets]
    for done, plan in zip(logged, planned_sets, strict=True):  # each the plan's own dose
        assert (done["reps"], done["rir"]) == (plan["reps"], plan["rir"])
        assert (done["seconds"], done["contacts"]) == (plan["seconds"], plan["contacts"])


def test_today_shows_a_moved_session_on_the_day_it_moved_to(alex: str) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-10", "--moved-to", "2026-12-12"))
    for asked in ("2026-12-09", "2026-12-10", "2026-12-12"):
        day = json.loads(ok(rs(alex, "today", "alex", "--date", asked, "--format", "json")))
        assert (day["session"]["id"], day["session"]["date"]) == (
            "alex/2026-12-07/B", "2026-12-12"
        ), asked  # fmt: skip
    after = json.loads(ok(rs(alex, "today", "alex", "--date", "2026-12-13", "--format", "json")))
    assert after["session"]["id"] == "alex/2026-12-14/A"
