"""The activity readers on real files: FIT written with fit-tool, GPX and TCX by hand or with
the standard library, a Strava export as a folder and as a zip; and the bad files, one
rejection each."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from activity_files import (
    fit_bytes,
    gpx_bytes,
    strava_csv,
    strava_row,
    tcx_bytes,
    write_strava_zip,
)
from runstrong.domain.activity import ActivitySource
from runstrong.imports.activities import read_paths

DATA = Path(__file__).parent.parent / "data" / "activities"
START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
INTERVALS = [(600.0, 1800.0, 135.0, 200.0, 5.0), (240.0, 1000.0, 172.0, 320.0, 0.0),
             (120.0, 300.0, 150.0, 150.0, 0.0), (240.0, 1000.0, 175.0, 325.0, 0.0)]  # fmt: skip


def test_a_fit_activity_gives_its_totals_laps_power_and_heart_rate(tmp_path: Path) -> None:
    path = tmp_path / "run.fit"
    path.write_bytes(fit_bytes(START, INTERVALS))
    found = read_paths([path])
    assert found.rejected == []
    (run,) = found.activities
    assert run.start == START
    assert run.seconds == 1200
    assert run.meters == 4100
    assert run.sport == "running"
    assert run.source is ActivitySource.FIT
    assert [x.seconds for x in run.laps] == [600, 240, 120, 240]
    assert [x.avg_power_w for x in run.laps] == [200, 320, 150, 325]
    # time-weighted by hand: (600*200 + 240*320 + 120*150 + 240*325) / 1200 = 244.5 -> 244
    assert run.avg_power_w in (244, 245)
    assert run.ascent_m == 5


def test_the_hand_written_tcx_gives_laps_power_and_the_climb() -> None:
    found = read_paths([DATA / "hills-with-power.tcx"])
    (run,) = found.activities
    assert run.start == datetime(2026, 11, 3, 6, 30, tzinfo=UTC)
    assert run.seconds == 1800
    assert run.meters == 4800
    assert run.avg_power_w == 250  # (220 + 280) / 2, equal laps
    assert run.avg_hr == 150
    assert run.max_hr == 174
    assert run.ascent_m == 30 + 60  # 100->130, 130->125 (no climb), 125->185
    assert [x.ascent_m for x in run.laps] == [30, 60]


def test_the_hand_written_gpx_gives_time_heart_rate_and_ascent() -> None:
    (run,) = read_paths([DATA / "easy-with-hr.gpx"]).activities
    assert run.start == datetime(2026, 11, 4, 6, 0, tzinfo=UTC)
    assert run.seconds == 20 * 60
    assert run.avg_hr == 136
    assert run.max_hr == 142
    assert run.ascent_m == 12
    assert run.meters == pytest.approx(3 * 1112, rel=0.01)  # 0.03 degrees of latitude
    assert run.name == "Morning Run"


def test_gzipped_files_and_a_folder_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.tcx.gz").write_bytes(gzip.compress(tcx_bytes(START, INTERVALS)))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.gpx").write_bytes(gpx_bytes(START.replace(day=5), 1800, hr=140))
    (tmp_path / "notes.txt").write_text("not an activity")
    found = read_paths([tmp_path])
    assert sorted(a.source for a in found.activities) == ["gpx", "tcx"]
    assert found.rejected == []


def test_a_strava_export_reads_its_files_and_its_rows_without_one(tmp_path: Path) -> None:
    rows = [
        strava_row(1, START, "Run", 1200, 4100, "activities/1.fit.gz"),
        strava_row(2, START.replace(day=3), "Run", 2400, 7000, hr=141),
        strava_row(3, START.replace(day=4), "Ride", 3600, 30000, "activities/3.gpx"),
    ]
    files = {"activities/1.fit.gz": fit_bytes(START, INTERVALS),
             "activities/3.gpx": gpx_bytes(START.replace(day=4), 3600)}  # fmt: skip
    zipped = write_strava_zip(tmp_path / "export_1.zip", rows, files)
    found = read_paths([zipped])
    assert [a.source for a in found.activities] == ["strava"] * 3
    fit_run, typed_in, ride = found.activities
    assert len(fit_run.laps) == 4  # read from the file
    assert typed_in.seconds == 2400
    assert typed_in.meters == 7000  # the second Distance column, in metres
    assert typed_in.avg_hr == 141
    assert ride.sport == "ride"  # the row's type wins over the GPX's <type>running


def test_bad_files_are_one_rejection_each_and_the_rest_is_read(tmp_path: Path) -> None:
    good = fit_bytes(START, INTERVALS)
    (tmp_path / "truncated.fit").write_bytes(good[: len(good) - 30])
    (tmp_path / "no-time.gpx").write_bytes(gpx_bytes(START, 1800, timed=False))
    (tmp_path / "broken.tcx").write_bytes(b"<TrainingCenterDatabase><Activities>")
    (tmp_path / "bomb.tcx").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    )
    (tmp_path / "laughs.gpx").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&b;</name>'
        b"</trk></gpx>"
    )
    (tmp_path / "bad.fit.gz").write_bytes(b"not gzip")
    (tmp_path / "good.fit").write_bytes(good)
    corrupted = tmp_path / "export.zip"
    corrupted.write_bytes(b"PK\x03\x04 not really a zip")
    found = read_paths([tmp_path, corrupted, tmp_path / "missing.fit"])
    assert len(found.activities) == 1
    reasons = {Path(r.where).name: r.reason for r in found.rejected}
    assert "truncated" in reasons["truncated.fit"]
    assert "without times" in reasons["no-time.gpx"]
    assert "not well-formed" in reasons["broken.tcx"]
    assert reasons["bomb.tcx"] == "declares XML entities (refused)"
    assert "gzip" in reasons["bad.fit.gz"]
    assert reasons["laughs.gpx"] == "declares XML entities (refused)"
    assert "not a readable zip" in reasons["export.zip"]
    assert "no such file" in reasons["missing.fit"]


def test_a_strava_csv_that_is_not_one_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "activities.csv").write_bytes(b"a,b\n1,2\n")
    found = read_paths([tmp_path])
    assert found.activities == []
    assert "not a Strava activities.csv" in found.rejected[0].reason
    (tmp_path / "activities.csv").write_bytes(
        strava_csv([strava_row(9, START, "Run", 600, 2000, "activities/9.fit")])
    )
    found = read_paths([tmp_path])
    assert found.activities == []
    assert "cannot be read" in found.rejected[0].reason
