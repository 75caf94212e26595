"""The e1RM chart's data and spec (pure), and the chart itself through `runstrong chart` on
SQLite and PostgreSQL: a real SVG and PNG rendered by vl-convert, read back."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process
from runstrong.charts.e1rm import E1rmPoint, e1rm_points, e1rm_spec
from runstrong.domain.training_log import HistoryRow, LoggedSet, SetLog, Units
from svg_text import SVG, texts

FILES = Path(__file__).parents[1] / "data" / "imports"


def row(day: int, slug: str, e1rm: float | None) -> HistoryRow:
    return HistoryRow(LoggedSet(date(2026, 12, day), "s", SetLog(slug)), e1rm)


def test_each_lift_has_the_best_e1rm_of_each_day_in_the_athletes_units() -> None:
    rows = [
        row(8, "back_squat", 120.0), row(8, "back_squat", 123.3), row(8, "plank", None),
        row(10, "custom:lunge", 50.0), row(15, "back_squat", 125.0),
    ]  # fmt: skip
    names = {"back_squat": "Back squat"}
    assert e1rm_points(rows, names, Units.KG) == [
        E1rmPoint(date(2026, 12, 8), "Back squat", 123.3),
        E1rmPoint(date(2026, 12, 10), "custom:lunge", 50.0),  # no name: its slug
        E1rmPoint(date(2026, 12, 15), "Back squat", 125.0),
    ]
    # 125 kg / 0.45359237 kg per lb = 275.58 lb
    assert e1rm_points(rows, names, Units.LB)[-1].e1rm == 275.6


def test_the_spec_plots_dates_along_and_e1rm_up_a_colour_a_lift() -> None:
    spec = e1rm_spec([E1rmPoint(date(2026, 12, 8), "Back squat", 123.3)], "Alex", Units.LB)
    assert spec["data"] == {"values": [{"date": "2026-12-08", "lift": "Back squat", "e1rm": 123.3}]}
    encoding = spec["encoding"]
    assert (encoding["x"]["field"], encoding["x"]["type"]) == ("date", "temporal")
    assert (encoding["y"]["field"], encoding["y"]["title"]) == ("e1rm", "Estimated 1RM (lb)")
    assert encoding["color"]["field"] == "lift"


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", "2026-12-02", *args, db=db)


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", str(EXAMPLES / "alex-marathon.toml")))
    ok(rs(database_url, "import", "strong", str(FILES / "strong.csv"), "--athlete", "alex"))
    return database_url


def test_the_chart_is_an_svg_with_a_point_a_lift_and_day(alex: str, tmp_path: Path) -> None:
    out = tmp_path / "e1rm.svg"
    ran = rs(alex, "chart", "alex", "--kind", "e1rm", "-o", str(out))
    assert ok(ran) == ""
    # the deadlift of 20 November, Tuesday's squat and lunge (a custom exercise, by its slug)
    assert ran.stderr == f"wrote {out} (e1rm, 3 points)\n"
    svg = ET.fromstring(out.read_bytes())
    assert svg.tag == f"{SVG}svg"
    assert sorted(texts(svg, "role-legend-label")) == [
        "Back squat",
        "Deadlift",
        "custom:lunge_dumbbell",
    ]
    assert "Estimated 1RM (kg)" in texts(svg, "role-axis-title")
    [points] = [g for g in svg.iter(f"{SVG}g") if "layer_1_marks" in g.get("class", "")]
    assert len(list(points.iter(f"{SVG}path"))) == 3


def test_the_chart_as_png_is_twice_the_svgs_size(alex: str, tmp_path: Path) -> None:
    svg, png = tmp_path / "e1rm.svg", tmp_path / "e1rm.png"
    ok(rs(alex, "chart", "alex", "--exercise", "Back squat", "-o", str(svg)))
    ok(rs(alex, "chart", "alex", "--exercise", "Back squat", "-o", str(png)))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    root = ET.fromstring(svg.read_bytes())
    assert (width, height) == (2 * int(root.get("width", "")), 2 * int(root.get("height", "")))


def test_a_chart_of_nothing_or_an_unknown_format_is_one_line(alex: str, tmp_path: Path) -> None:
    plank = tmp_path / "plank.svg"
    said = one_error_line(rs(alex, "chart", "alex", "--exercise", "plank", "-o", str(plank)))
    assert said == (
        "error: --kind e1rm: no plank set of alex's log gives an e1RM (a load, at most 10 reps "
        "to failure): nothing to chart"
    )
    said = one_error_line(rs(alex, "chart", "alex", "-o", str(tmp_path / "e1rm.pdf")))
    assert said.endswith("e1rm.pdf: cannot tell the format: end the name in .svg or .png")
    assert not plank.exists()
    assert not (tmp_path / "e1rm.pdf").exists()
