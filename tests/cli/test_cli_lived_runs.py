"""The plan as lived follows the imported runs, end to end on SQLite and PostgreSQL (a scripted
week): Alex's intervals are planned on Tuesday, with heavy strength A that evening and B on
Thursday after the tempo run. His watch shows an easy run on Monday and another on Tuesday
morning, so the intervals are expected on Wednesday: A, now the day before them, is made
moderate on the legs (Thursday holds B and Saturday is the day before the long run), in `export
--athlete` and in `today`, each change with its rule id."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from activity_files import fit_bytes
from builders import add_alex, ok, on_day

TODAY = "2026-12-08"  # Tuesday of Alex's first plan week
A, B = "alex/2026-12-07/A", "alex/2026-12-07/B"
EASY = [(1200.0, 3600.0, None, 200.0, 0.0)] * 2  # 40 minutes at 67 % of critical power


rs = on_day(TODAY)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    add_alex(database_url, tmp_path, TODAY)
    return database_url


def first_week(db: str) -> dict[str, Any]:
    week: dict[str, Any] = json.loads(ok(rs(db, "export", "json", "--athlete", "alex")))["weeks"][0]
    return week


def sets(db: str) -> dict[str, int]:
    session = json.loads(ok(rs(db, "today", "alex", "--format", "json")))["session"]
    assert session["id"] == A
    return {x["slug"]: x["sets"] for x in session["exercises"]}


def test_a_heavy_session_before_a_key_run_the_runs_moved_is_eased_with_its_reason(
    alex: str, tmp_path: Path
) -> None:
    planned = first_week(alex)
    a = next(s for s in planned["sessions"] if s["id"] == A)
    assert (a["date"], a["lower_body_load"]) == ("2026-12-08", "heavy")
    planned_sets = sets(alex)
    for day in (7, 8):
        start = datetime(2026, 12, day, 7, tzinfo=UTC)
        (tmp_path / f"{day}.fit").write_bytes(fit_bytes(start, EASY))
    ok(rs(alex, "import", "runs", str(tmp_path / "7.fit"), str(tmp_path / "8.fit"),
          "--athlete", "alex"))  # fmt: skip
    week = first_week(alex)
    notes = [(n["rule"], n["params"]) for n in week["notes"]]
    assert ("runs_as_run", {"first_date": "2026-12-07", "last_date": "2026-12-08",
                            "runs": ["run 1", "run 2"]}) in notes  # fmt: skip
    assert ("key_run_carried", {"run": "tue:intervals", "planned_date": "2026-12-08",
                                "to_date": "2026-12-09"}) in notes  # fmt: skip
    by_id = {s["id"]: s for s in week["sessions"]}
    assert (by_id[A]["date"], by_id[A]["lower_body_load"]) == ("2026-12-08", "moderate")
    eased = [r for r in by_id[A]["reasons"] if r["rule"] == "eased_for_moved_run"]
    assert [r["params"] for r in eased] == [{"run": "wed:intervals", "run_date": "2026-12-09"}]
    assert by_id[B] == next(s for s in planned["sessions"] if s["id"] == B)
    # today shows the session as lived: the main lift a set fewer
    lived_sets = sets(alex)
    assert lived_sets["bulgarian_split_squat"] == planned_sets["bulgarian_split_squat"] - 1
    # the calendar, which places sessions on days, keeps it on its day
    ics = ok(rs(alex, "export", "ics", "--athlete", "alex", "-o", "-"))
    assert "20261208T180000" in ics


def test_runs_of_a_week_before_the_plan_change_nothing(alex: str, tmp_path: Path) -> None:
    planned = first_week(alex)
    start = datetime(2026, 11, 30, 7, tzinfo=UTC)
    (tmp_path / "old.fit").write_bytes(fit_bytes(start, EASY))
    ok(rs(alex, "import", "runs", str(tmp_path / "old.fit"), "--athlete", "alex"))
    assert first_week(alex) == planned
