"""`runstrong runs list`, `runs set-type` and `load` end to end, on SQLite and PostgreSQL: a
profile with anchors, runs imported from files, a strength session logged with its RPE, and
loads worked out by hand."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from pathlib import Path

import pytest

from activity_files import fit_bytes, gpx_bytes
from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process

TODAY = "2026-12-13"  # Sunday; Alex's plan starts Monday 7 December, A on Tuesdays
ANCHORS = "\n[anchors]\ncritical_power_w = 300\nmax_hr = 190\nresting_hr = 50\n"


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", TODAY, *args, db=db)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    profile = tmp_path / "alex.toml"
    profile.write_text((EXAMPLES / "alex-marathon.toml").read_text() + ANCHORS)
    ok(rs(database_url, "athlete", "add", str(profile)))
    steady = [(900.0, 3000.0, 150.0, 240.0, 0.0)] * 2  # 30 min at 240 W
    (tmp_path / "power.fit").write_bytes(fit_bytes(datetime(2026, 12, 9, 7, tzinfo=UTC), steady))
    (tmp_path / "hr.gpx").write_bytes(gpx_bytes(datetime(2026, 12, 10, 7, tzinfo=UTC), 2400,
                                                hr=148))  # fmt: skip
    ok(rs(database_url, "import", "runs", str(tmp_path / "power.fit"), str(tmp_path / "hr.gpx"),
          "--athlete", "alex"))  # fmt: skip
    ok(rs(database_url, "log", "alex", "--date", "2026-12-08", "--set", "back_squat 5x100@2",
          "--rpe", "7", "--minutes", "45"))  # fmt: skip
    return database_url


def test_the_load_of_a_week_adds_runs_and_lifting(alex: str) -> None:
    data = json.loads(ok(rs(alex, "load", "alex", "--weeks", "2", "--format", "json")))
    week = data["weeks"][-1]
    assert week["monday"] == "2026-12-07"
    power = 0.5 * 0.8**2 * 100 * 4.2  # 30 min at 80 % of 300 W: 32 points, 134.4 AU
    trimp = 40 * 0.7 * 0.64 * math.exp(1.92 * 0.7)  # 40 min at (148-50)/(190-50) = 0.7
    assert week["run_au"] == pytest.approx(power + trimp * 2.3, abs=0.1)
    assert week["strength_au"] == 315  # RPE 7 x 45 minutes
    assert week["sessions"] == 3
    hows = [s["how"]["rule"] for s in data["sessions"]]
    assert hows == ["load_srpe", "load_power", "load_trimp"]
    assert data["notes"][-1]["rule"] == "load_ratio_caveat"
    assert data["weeks"][0]["total_au"] == 0
    table = ok(rs(alex, "load", "alex", "--weeks", "2"))
    assert "does not predict injury" in table


def test_runs_are_listed_with_their_kind_and_a_kind_set_sticks(alex: str) -> None:
    listed = json.loads(ok(rs(alex, "runs", "list", "alex", "--format", "json")))["runs"]
    assert [(r["day"], r["kind"], r["source"]) for r in listed] == [
        ("2026-12-09", "easy", "fit"),  # 80 % of critical power: below tempo's 88 %
        ("2026-12-10", "easy", "gpx"),  # 70 % of heart-rate reserve: below tempo's 80 %
    ]
    assert listed[0]["evidence"][0]["params"] == {"measure": "threshold_power", "pct": 80}
    first = listed[0]["id"]
    assert ok(rs(alex, "runs", "set-type", "alex", str(first), "Tempo")) == (
        f"run {first} of alex: tempo\n"
    )
    again = json.loads(ok(rs(alex, "runs", "list", "alex", "--format", "json")))["runs"]
    assert (again[0]["kind"], again[0]["kind_set"]) == ("tempo", True)
    ok(rs(alex, "runs", "set-type", "alex", str(first), "auto"))
    assert (
        json.loads(ok(rs(alex, "runs", "list", "alex", "--format", "json")))["runs"][0]["kind"]
        == "easy"
    )
    later = json.loads(ok(rs(alex, "runs", "list", "alex", "--from", "2026-12-10",
                             "--format", "json")))["runs"]  # fmt: skip
    assert [r["day"] for r in later] == ["2026-12-10"]
    assert "easy: 80 % of threshold power" in ok(rs(alex, "runs", "list", "alex"))


def test_an_unknown_run_is_one_error(alex: str) -> None:
    assert "has no run 999" in one_error_line(rs(alex, "runs", "set-type", "alex", "999", "race"))


def test_anchors_that_do_not_fit_are_one_error_each(database_url: str, tmp_path: Path) -> None:
    profile = tmp_path / "alex.toml"
    profile.write_text(
        (EXAMPLES / "alex-marathon.toml").read_text()
        + '\n[anchors]\nthreshold_pace_per_km = "4:75"\n'
    )
    ran = rs(database_url, "athlete", "add", str(profile))
    assert "anchors.threshold_pace_per_km" in one_error_line(ran)
    assert "not a pace like 4:10" in ran.stderr
