"""`runstrong import runs` end to end on SQLite and PostgreSQL: each run once across formats
and devices, with its source; bad and foreign files one line each, the rest imported; exit 2
only when nothing could be."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from activity_files import fit_bytes, gpx_bytes, strava_row, tcx_bytes, write_strava_zip
from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process
from runstrong.runs_service import stored_runs
from runstrong.settings import Settings

TODAY = "2026-12-02"
START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
LAPS = [(600.0, 1800.0, 135.0, 200.0, 5.0), (600.0, 2000.0, 150.0, 240.0, 5.0)]


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", TODAY, *args, db=db)


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", str(EXAMPLES / "alex-marathon.toml")))
    return database_url


def runs_of(db: str) -> list[tuple[datetime, float, str]]:
    settings = Settings(today=datetime(2026, 12, 2).date(), database_url=db)
    return [
        (r.activity.start, r.activity.seconds, str(r.activity.source))
        for r in stored_runs("alex", settings)
    ]


def test_the_same_run_as_fit_gpx_and_in_a_strava_export_imports_once(
    alex: str, tmp_path: Path
) -> None:
    (tmp_path / "watch.fit").write_bytes(fit_bytes(START, LAPS))
    # the phone started 40 s later and stopped 20 s after the watch: the same run
    (tmp_path / "phone.gpx").write_bytes(gpx_bytes(START + timedelta(seconds=40), 1200))
    zipped = write_strava_zip(
        tmp_path / "export.zip",
        [strava_row(1, START, "Run", 1200, 3800, "activities/1.tcx.gz"),
         strava_row(2, START + timedelta(days=2), "Run", 2700, 9000)],
        {"activities/1.tcx.gz": tcx_bytes(START, LAPS)},
    )  # fmt: skip
    out = ok(rs(alex, "import", "runs", str(tmp_path / "watch.fit"), str(tmp_path / "phone.gpx"),
                str(zipped), "--athlete", "alex"))  # fmt: skip
    assert out.startswith("imported 2 runs for alex\n")
    assert "2 already there" in out
    # the FIT kept: as rich as the TCX (laps, power, heart rate) and first among formats
    assert runs_of(alex) == [
        (START, 1200.0, "fit"),
        (START + timedelta(days=2), 2700.0, "strava"),
    ]
    again = ok(rs(alex, "import", "runs", str(tmp_path), "--athlete", "alex"))
    assert again.startswith("imported 0 runs for alex\n")
    assert "same run as run 1" in again
    assert len(runs_of(alex)) == 2


def test_bad_and_foreign_files_are_one_line_each_and_the_rest_imports(
    alex: str, tmp_path: Path
) -> None:
    good = fit_bytes(START, LAPS)
    files = {
        "truncated.fit": good[:-25],
        "no-time.gpx": gpx_bytes(START, 1800, timed=False),
        "future.fit": fit_bytes(datetime(2027, 1, 9, 8, 0, tzinfo=UTC), LAPS),
        "forty-hours.tcx": tcx_bytes(START + timedelta(days=3), [(40 * 3600.0, 200_000.0,
                                                                  None, None, 0.0)]),
        "ride.fit": fit_bytes(START + timedelta(days=4), LAPS, sport="cycling"),
        "good.fit.gz": gzip.compress(good),
    }  # fmt: skip
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "strava.zip").write_bytes(b"PK\x03\x04 cut")
    ran = rs(alex, "import", "runs", str(tmp_path), str(tmp_path / "strava.zip"), "--athlete",
             "alex")  # fmt: skip
    out = ok(ran)
    assert out.startswith("imported 1 run for alex\n")
    assert "6 not imported:" in out
    reason = {
        line.split(": ", 1)[0].strip().rsplit("/", 1)[-1]: line.split(": ", 1)[1]
        for line in out.splitlines()
        if line.startswith("  ") and not line.startswith("  run ")
    }
    assert "truncated" in reason["truncated.fit"]
    assert "without times" in reason["no-time.gpx"]
    assert "future" in reason["future.fit"]
    assert "40.0 hours" in reason["forty-hours.tcx"]
    assert "not a run" in reason["ride.fit"]
    assert "not a readable zip" in reason["strava.zip"]
    assert runs_of(alex) == [(START, 1200.0, "fit")]


def test_nothing_to_import_is_one_error_and_exit_2(alex: str, tmp_path: Path) -> None:
    (tmp_path / "cut.fit").write_bytes(fit_bytes(START, LAPS)[:40])
    ran = rs(alex, "import", "runs", str(tmp_path / "cut.fit"), "--athlete", "alex")
    assert "cut.fit: is a FIT file cut short" in ran.stdout
    assert "nothing imported for alex" in one_error_line(ran)
    assert runs_of(alex) == []


def test_an_unknown_athlete_is_one_error_and_nothing_written(alex: str, tmp_path: Path) -> None:
    (tmp_path / "a.fit").write_bytes(fit_bytes(START, LAPS))
    ran = rs(alex, "import", "runs", str(tmp_path / "a.fit"), "--athlete", "nobody")
    assert "nobody" in one_error_line(ran)
    assert runs_of(alex) == []
