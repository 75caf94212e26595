"""`runstrong anchors` and the load's use of estimated anchors, end to end on SQLite and
PostgreSQL: Alex's profile gives heart rates but no threshold power; his runs give one."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from activity_files import fit_bytes
from builders import add_alex, ok, on_day

TODAY = "2026-12-13"
HEART_ONLY = "\n[anchors]\nmax_hr = 190\nresting_hr = 50\n"
RIEGEL_30 = 2 ** (1 / 1.06 - 1)  # an effort of 30 minutes held for an hour: 0.961525


rs = on_day(TODAY)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    add_alex(database_url, tmp_path, TODAY, HEART_ONLY)
    steady = [(900.0, 3000.0, 150.0, 240.0, 0.0)] * 2  # 30 min at 240 W, 3.33 m/s, HR max 155
    easy = [(1200.0, 3600.0, None, 200.0, 0.0)] * 2  # 40 min at 200 W, no heart rate
    (tmp_path / "a.fit").write_bytes(fit_bytes(datetime(2026, 12, 9, 7, tzinfo=UTC), steady))
    (tmp_path / "b.fit").write_bytes(fit_bytes(datetime(2026, 12, 10, 7, tzinfo=UTC), easy))
    ok(rs(database_url, "import", "runs", str(tmp_path / "a.fit"), str(tmp_path / "b.fit"),
          "--athlete", "alex"))  # fmt: skip
    return database_url


def by_anchor(db: str) -> dict[str, dict[str, Any]]:
    data = json.loads(ok(rs(db, "anchors", "alex", "--format", "json")))
    assert (data["first"], data["last"], data["runs"]) == ("2026-09-21", "2026-12-13", 2)
    return {a["anchor"]: a for a in data["anchors"]}


def test_estimates_are_shown_beside_the_profiles_anchors_with_their_source(alex: str) -> None:
    found = by_anchor(alex)
    power = found["threshold_power_w"]
    assert power["profile"] is None
    assert power["estimate"] == pytest.approx(240 * RIEGEL_30, abs=0.01)
    assert (power["used"], power["source"]) == (power["estimate"], "estimate")
    assert power["estimate_reason"]["params"]["run"] == "run 1"
    assert power["estimate_reason"]["citations"] == ["coggan2010", "riegel1981"]
    pace = found["threshold_pace_s_per_km"]
    assert pace["estimate"] == pytest.approx(1000 / (3000 / 900 * RIEGEL_30), abs=0.01)  # 312 s
    heart = found["max_hr"]
    assert (heart["profile"], heart["estimate"], heart["source"]) == (190, 155, "profile")
    assert heart["estimate_reason"]["rule"] == "anchor_observed_max_hr"
    rest = found["resting_hr"]
    assert (rest["estimate"], rest["used"]) == (None, 50)
    table = ok(rs(alex, "anchors", "alex"))
    assert "231 W (estimate)" in table
    assert "the true maximum is at least this" in table
    assert "lower bound unless that effort was all-out" in table


def test_the_load_uses_an_estimated_threshold_where_the_profile_has_none(alex: str) -> None:
    data = json.loads(ok(rs(alex, "load", "alex", "--weeks", "1", "--format", "json")))
    threshold = 240 * RIEGEL_30
    first = data["sessions"][0]
    assert first["how"]["rule"] == "load_power"
    assert first["how"]["params"]["pct"] == round(100 * 240 / threshold)  # 104
    points = 0.5 * (240 / threshold) ** 2 * 100
    assert first["au"] == pytest.approx(points * 4.2, abs=0.1)
    assert [n["rule"] for n in data["notes"]] == [
        "anchor_threshold_power", "anchor_threshold_pace", "load_ratio_caveat",
    ]  # fmt: skip
    table = ok(rs(alex, "load", "alex", "--weeks", "1"))
    assert "threshold power estimated from the runs (none in the profile), used here" in table
