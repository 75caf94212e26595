"""`runstrong compliance` end to end on SQLite and PostgreSQL: Alex's plan (A on Tuesdays, B on
Thursdays) and running week (40, 60, 45, 50, 30 and 120 minutes, Monday to Sunday, 345 a week)
against a log and imported runs; the shares worked out by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from activity_files import fit_bytes, gpx_bytes
from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process

TODAY = "2026-12-20"  # a Sunday: weeks of 7 and 14 December whole


def rs(db: str, *args: str, today: str = TODAY) -> Ran:
    return run_in_process("--today", today, *args, db=db)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    ok(rs(database_url, "athlete", "add", str(EXAMPLES / "alex-marathon.toml")))
    steady = [(900.0, 3000.0, 150.0, 240.0, 0.0)] * 2  # 30 minutes
    (tmp_path / "wed.fit").write_bytes(fit_bytes(datetime(2026, 12, 9, 7, tzinfo=UTC), steady))
    (tmp_path / "thu.gpx").write_bytes(gpx_bytes(datetime(2026, 12, 10, 7, tzinfo=UTC), 2400))
    (tmp_path / "sun.gpx").write_bytes(gpx_bytes(datetime(2026, 12, 20, 7, tzinfo=UTC), 21600))
    ok(rs(database_url, "import", "runs", str(tmp_path), "--athlete", "alex"))
    # Tuesday 8 December's A (17 sets planned): 3 split-squat sets a side and 2 presses
    sets = [*["bulgarian_split_squat 8x20@2/L", "bulgarian_split_squat 8x20@2/R"] * 3,
            *["dumbbell_overhead_press 8x15@2"] * 2]  # fmt: skip
    ok(rs(database_url, "log", "alex", "--date", "2026-12-08",
          *[a for s in sets for a in ("--set", s)]))  # fmt: skip
    ok(rs(database_url, "log", "alex", "--date", "2026-12-10", "--skipped"))
    return database_url


def test_each_week_compares_sessions_sets_runs_and_minutes(alex: str) -> None:
    data = json.loads(ok(rs(alex, "compliance", "alex", "--format", "json")))
    first, second = data["weeks"]
    assert first == {
        "monday": "2026-12-07", "until": "2026-12-13",
        "planned_sessions": 2, "done_sessions": 1, "planned_sets": 35, "done_sets": 5.0,
        "planned_runs": 6, "done_runs": 2, "planned_minutes": 345, "done_minutes": 70,
        "strength_pct": 14.3,  # 5 / 35
        "running_pct": 20.3,  # 70 / 345
        "compliance_pct": 17.3,  # (14.29 + 20.29) / 2
    }  # fmt: skip
    # nothing lifted; one 360-minute run: 104 % of 345, counted as 100 in the mean
    assert (second["planned_sets"], second["done_sets"], second["strength_pct"]) == (36, 0, 0)
    assert (second["done_minutes"], second["running_pct"]) == (360, 104.3)
    assert second["compliance_pct"] == 50.0


def test_a_week_under_way_and_the_table_and_csv(alex: str) -> None:
    data = json.loads(ok(rs(alex, "compliance", "alex", "--from", "2026-12-16", "--format",
                            "json", today="2026-12-16")))  # fmt: skip
    [week] = data["weeks"]
    assert (week["monday"], week["until"]) == ("2026-12-14", "2026-12-16")
    assert (week["planned_sessions"], week["planned_minutes"]) == (1, 145)  # Tue; Mon-Wed runs
    table = ok(rs(alex, "compliance", "alex"))
    rows_shown = [line.split() for line in table.splitlines()]
    assert ["2026-12-07", "1/2", "5/35", "2/6", "70/345", "14", "20", "17"] in rows_shown
    rows = list(csv.DictReader(io.StringIO(ok(rs(alex, "compliance", "alex", "--format",
                                                "csv")))))  # fmt: skip
    assert [(r["monday"], r["compliance_pct"]) for r in rows] == [
        ("2026-12-07", "17.3"), ("2026-12-14", "50.0"),
    ]  # fmt: skip


def test_a_start_after_today_or_an_unknown_athlete_is_one_line(alex: str) -> None:
    said = one_error_line(rs(alex, "compliance", "alex", "--from", "2027-01-04"))
    assert said == "error: --from: 2027-01-04 is after today (2026-12-20): nothing done yet"
    assert "nobody" in one_error_line(rs(alex, "compliance", "nobody"))
    said = one_error_line(rs(alex, "compliance", "alex", today="2026-12-03"))
    assert said == (
        "error: alex: the plan starts on 2026-12-07, after today (2026-12-03): nothing done yet"
    )
