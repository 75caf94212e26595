"""`athlete update` after a race, on SQLite and PostgreSQL: a race already run is history, never an
error, and its recovery applies where it reaches into the new plan.

Alex's Spring Marathon (an A race, a marathon) is on Sunday 18 April 2027. The rules' defaults
(docs/science.md): two recovery weeks after a marathon (`recovery_weeks_after_long_race`), no
strength for 3 days after an A race (`no_strength_days_after_race`), no heavy legs for 7 days
after a long race (`no_heavy_days_after_long_race`).
"""

from __future__ import annotations

import json
from pathlib import Path

from builders import EXAMPLES, Ran, ok, run_in_process

ALEX = str(EXAMPLES / "alex-marathon.toml")


def rs(db: str, today: str, *args: str) -> Ran:
    return run_in_process("--today", today, *args, db=db)


def replanned(db: str, today: str, tmp_path: Path) -> dict[str, object]:
    ok(rs(db, "2026-12-02", "athlete", "add", ALEX))
    ok(rs(db, today, "athlete", "update", "alex", ALEX))
    out = tmp_path / "plan.json"
    ok(rs(db, today, "export", "json", "--athlete", "alex", "-o", str(out)))
    plan: dict[str, object] = json.loads(out.read_text("utf-8"))
    return plan


def phases(plan: dict[str, object]) -> list[str]:
    weeks = plan["weeks"]
    assert isinstance(weeks, list)
    return [w["phase"] for w in weeks]


def sessions(plan: dict[str, object]) -> list[dict[str, str]]:
    weeks = plan["weeks"]
    assert isinstance(weeks, list)
    return [s for w in weeks for s in w["sessions"]]


def test_three_days_after_the_marathon_the_new_plan_starts_with_its_recovery(
    database_url: str, tmp_path: Path
) -> None:
    plan = replanned(database_url, "2027-04-21", tmp_path)
    assert plan["start"] == "2027-04-19"
    assert phases(plan)[:3] == ["recovery", "recovery", "base"]
    found = sessions(plan)
    # nothing in the 3 days after the race, nothing heavy or moderate in the recovery weeks
    assert min(s["date"] for s in found) > "2027-04-21"
    recovery = [s for s in found if s["date"] < "2027-05-03"]
    assert recovery
    assert {s["lower_body_load"] for s in recovery} <= {"light", "none"}
    assert all(s["title"].startswith("Recovery") for s in recovery)
    assert "heavy" in {s["lower_body_load"] for s in found if s["date"] >= "2027-05-03"}


def test_ten_days_after_only_the_second_recovery_week_reaches_into_the_plan(
    database_url: str, tmp_path: Path
) -> None:
    plan = replanned(database_url, "2027-04-28", tmp_path)
    assert plan["start"] == "2027-04-26"
    assert phases(plan)[:2] == ["recovery", "base"]


def test_long_after_the_race_the_plan_is_a_plan_without_a_race(
    database_url: str, tmp_path: Path
) -> None:
    plan = replanned(database_url, "2027-06-02", tmp_path)
    assert plan["start"] == "2027-05-31"
    assert "recovery" not in phases(plan)
    assert phases(plan)[0] == "base"
    # the race stays in the plan's races: history
    assert [r["date"] for r in plan["races"]] == ["2027-04-18"]  # type: ignore[attr-defined]
