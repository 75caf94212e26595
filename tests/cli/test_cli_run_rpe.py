"""A run's session RPE, end to end on SQLite and PostgreSQL: set with `runs set-rpe`, or taken
from a Strava export's Perceived Exertion (also when the watch's FIT file of the same run is the
recording kept); the load then takes RPE x minutes (Foster 2001) before power or heart rate."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from activity_files import fit_bytes, strava_row, write_strava_zip
from builders import add_alex, ok, on_day, one_error_line

TODAY = "2026-12-13"
START = datetime(2026, 12, 9, 7, tzinfo=UTC)
STEADY = [(900.0, 3000.0, 150.0, 240.0, 0.0)] * 2  # 30 min at 240 W


rs = on_day(TODAY)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    add_alex(database_url, tmp_path, TODAY)
    return database_url


def runs(db: str) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = json.loads(
        ok(rs(db, "runs", "list", "alex", "--format", "json"))
    )["runs"]
    return listed


def loads(db: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(
        ok(rs(db, "load", "alex", "--weeks", "1", "--format", "json"))
    )["sessions"]
    return found


def test_a_run_rated_by_the_athlete_is_loaded_as_rpe_times_minutes(
    alex: str, tmp_path: Path
) -> None:
    (tmp_path / "power.fit").write_bytes(fit_bytes(START, STEADY))
    ok(rs(alex, "import", "runs", str(tmp_path / "power.fit"), "--athlete", "alex"))
    run_id = str(runs(alex)[0]["id"])
    assert loads(alex)[0]["how"]["rule"] == "load_power"  # type: ignore[index]
    assert ok(rs(alex, "runs", "set-rpe", "alex", run_id, "6")) == f"run {run_id} of alex: RPE 6\n"
    assert runs(alex)[0]["rpe"] == 6
    session = loads(alex)[0]
    assert (session["au"], session["how"]["rule"]) == (180, "load_srpe")  # type: ignore[index]
    ok(rs(alex, "runs", "set-rpe", "alex", run_id, "none"))
    assert loads(alex)[0]["how"]["rule"] == "load_power"  # type: ignore[index]


@pytest.mark.parametrize("bad", ["11", "-1", "hard", "6.5"])
def test_a_rating_off_the_cr10_scale_is_one_error(alex: str, tmp_path: Path, bad: str) -> None:
    (tmp_path / "power.fit").write_bytes(fit_bytes(START, STEADY))
    ok(rs(alex, "import", "runs", str(tmp_path / "power.fit"), "--athlete", "alex"))
    run_id = str(runs(alex)[0]["id"])
    ran = rs(alex, "runs", "set-rpe", "alex", run_id, "--", bad)
    assert "not a session RPE" in one_error_line(ran)
    assert runs(alex)[0]["rpe"] is None


def test_an_unknown_run_is_one_error(alex: str) -> None:
    assert "has no run 99" in one_error_line(rs(alex, "runs", "set-rpe", "alex", "99", "5"))


def test_stravas_perceived_exertion_is_the_runs_rpe_even_when_the_fit_is_kept(
    alex: str, tmp_path: Path
) -> None:
    (tmp_path / "watch.fit").write_bytes(fit_bytes(START, STEADY))  # richer: kept
    zipped = write_strava_zip(
        tmp_path / "export.zip",
        [strava_row(1, START, "Run", 1800, 6000, rpe="7"),
         strava_row(2, datetime(2026, 12, 11, 7, tzinfo=UTC), "Run", 2400, 7000, rpe="4.0")],
        {},
    )  # fmt: skip
    ok(rs(alex, "import", "runs", str(tmp_path / "watch.fit"), str(zipped), "--athlete", "alex"))
    assert [(r["source"], r["rpe"]) for r in runs(alex)] == [("fit", 7), ("strava", 4)]
    assert [s["au"] for s in loads(alex)] == [7 * 30, 4 * 40]


def test_the_watchs_perceived_effort_in_a_fit_file_is_the_runs_rpe(
    alex: str, tmp_path: Path
) -> None:
    # the FIT session's workout_rpe is CR-10 x 10: 70 is RPE 7; off the scale (255, the FIT
    # "invalid" of a byte) is no rating
    (tmp_path / "a.fit").write_bytes(fit_bytes(START, STEADY, rpe_tenths=70))
    later = datetime(2026, 12, 11, 7, tzinfo=UTC)
    (tmp_path / "b.fit").write_bytes(fit_bytes(later, STEADY, rpe_tenths=250))
    ok(rs(alex, "import", "runs", str(tmp_path / "a.fit"), str(tmp_path / "b.fit"),
          "--athlete", "alex"))  # fmt: skip
    assert [r["rpe"] for r in runs(alex)] == [7, None]
    assert [s["how"]["rule"] for s in loads(alex)] == ["load_srpe", "load_power"]  # type: ignore[index]


def test_a_rating_found_on_a_later_import_goes_to_the_run_already_there(
    alex: str, tmp_path: Path
) -> None:
    (tmp_path / "watch.fit").write_bytes(fit_bytes(START, STEADY))
    ok(rs(alex, "import", "runs", str(tmp_path / "watch.fit"), "--athlete", "alex"))
    zipped = write_strava_zip(
        tmp_path / "export.zip", [strava_row(1, START, "Run", 1800, 6000, rpe="8")], {}
    )
    assert "1 already there" in ok(rs(alex, "import", "runs", str(zipped), "--athlete", "alex"))
    assert [r["rpe"] for r in runs(alex)] == [8]


def test_a_perceived_exertion_off_the_scale_leaves_that_row_out_with_its_reason(
    alex: str, tmp_path: Path
) -> None:
    zipped = write_strava_zip(
        tmp_path / "export.zip",
        [strava_row(1, START, "Run", 1800, 6000, rpe="12"),
         strava_row(2, datetime(2026, 12, 11, 7, tzinfo=UTC), "Run", 2400, 7000)],
        {},
    )  # fmt: skip
    out = ok(rs(alex, "import", "runs", str(zipped), "--athlete", "alex"))
    assert "activities.csv line 2: has Perceived Exertion '12': not a whole number 0-10" in out
    assert [r["rpe"] for r in runs(alex)] == [None]
