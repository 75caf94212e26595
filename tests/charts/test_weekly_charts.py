"""The weekly charts (load, monotony, compliance): their data and specs (pure), and the charts
through `runstrong chart` on SQLite and PostgreSQL, real SVGs rendered by vl-convert, read back."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from activity_files import fit_bytes
from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process
from runstrong.charts.compliance import compliance_rows, compliance_spec
from runstrong.charts.load import RATIO_CAVEAT, load_rows, load_spec, monotony_spec
from runstrong.charts.weekly import week_labels
from runstrong.domain.compliance import WeekCompliance
from runstrong.domain.training_load import WeekLoad
from svg_text import SVG, texts


def week(day: int, run: float, lift: float, ratio: float | None = None) -> WeekLoad:
    return WeekLoad(date(2026, 12, day), run, lift, 3, 1.5, 1.5 * (run + lift), 0, 0, ratio)


def test_weeks_are_labelled_by_their_monday_with_the_year_on_the_first_and_in_january() -> None:
    mondays = [date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 11)]
    assert week_labels(mondays) == ["21 Dec 2026", "28 Dec", "4 Jan 2027", "11 Jan"]


def test_the_load_chart_stacks_running_and_lifting_a_week() -> None:
    weeks = [week(7, 1852.04, 784.0), week(14, 900.0, 0.0, 1.257)]
    assert load_rows(weeks) == [
        {"week": "7 Dec 2026", "what": "Running", "au": 1852.0, "ratio": None, "total": 2636.0},
        {"week": "7 Dec 2026", "what": "Lifting", "au": 784.0, "ratio": None, "total": 2636.0},
        {"week": "14 Dec", "what": "Running", "au": 900.0, "ratio": 1.26, "total": 900.0},
        {"week": "14 Dec", "what": "Lifting", "au": 0.0, "ratio": 1.26, "total": 900.0},
    ]
    bars, ratio = load_spec(weeks, "alex")["vconcat"]
    assert bars["encoding"]["y"]["stack"] == "zero"
    assert bars["encoding"]["y"]["title"] == "Load (AU = session RPE × minutes)"
    assert ratio["title"]["subtitle"] == RATIO_CAVEAT
    assert "does not predict injury" in " ".join(RATIO_CAVEAT)


def test_without_a_ratio_there_is_no_ratio_panel() -> None:
    spec = load_spec([week(7, 100.0, 50.0)], "alex")
    assert "vconcat" not in spec
    assert spec["mark"] == {"type": "bar"}


def test_monotony_and_strain_are_two_panels_of_one_row_a_week() -> None:
    spec = monotony_spec([week(7, 100.0, 50.0)], "alex")
    assert spec["data"]["values"] == [
        {"week": "7 Dec 2026", "monotony": 1.5, "strain": 225, "total": 150}
    ]
    strain, monotony = spec["vconcat"]
    assert (strain["encoding"]["y"]["field"], monotony["encoding"]["y"]["field"]) == (
        "strain", "monotony",
    )  # fmt: skip


def test_the_compliance_chart_has_a_bar_for_each_share_and_the_line_of_the_mean() -> None:
    w = WeekCompliance(date(2026, 12, 7), date(2026, 12, 13), 2, 1, 35, 5, 6, 2, 345, 70)
    rows = compliance_rows([w])
    assert [(r["what"], r["pct"], r["done"], r["planned"]) for r in rows] == [
        ("Strength (sets)", 14.3, 5, 35), ("Running (minutes)", 20.3, 70, 345),
    ]  # fmt: skip
    assert {r["compliance"] for r in rows} == {17.3}
    bars, line, plan = compliance_spec([w], "alex")["layer"]
    assert bars["encoding"]["xOffset"]["field"] == "what"
    assert line["encoding"]["y"]["field"] == "compliance"
    assert plan["data"]["values"] == [{"plan": 100}]


# -- through the command line -----------------------------------------------------------------

TODAY = "2027-01-10"  # a Sunday, five weeks into Alex's plan


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", TODAY, *args, db=db)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    ok(rs(database_url, "athlete", "add", str(EXAMPLES / "alex-marathon.toml")))
    easy = [(600.0, 1900.0, 140.0, 220.0, 0.0)] * 4  # 40 minutes
    for day in (8, 10, 13, 15, 17, 20, 22, 27, 29, 31):
        month, d = (12, day) if day > 7 else (1, day)
        start = datetime(2026 if month == 12 else 2027, month, d, 7, tzinfo=UTC)
        (tmp_path / f"{month}-{d}.fit").write_bytes(fit_bytes(start, easy))
    for d in (3, 5, 7):
        (tmp_path / f"1-{d}.fit").write_bytes(fit_bytes(datetime(2027, 1, d, 7, tzinfo=UTC), easy))
    ok(rs(database_url, "import", "runs", str(tmp_path), "--athlete", "alex"))
    ok(rs(database_url, "log", "alex", "--date", "2026-12-08", "--set", "back_squat 5x100@2",
          "--rpe", "7", "--minutes", "45"))  # fmt: skip
    return database_url


def test_the_load_chart_shows_both_layers_the_ratio_and_its_caveat(
    alex: str, tmp_path: Path
) -> None:
    out = tmp_path / "load.svg"
    ran = rs(alex, "chart", "alex", "--kind", "load", "--from", "2026-12-07", "-o", str(out))
    assert ok(ran) == ""
    assert ran.stderr == f"wrote {out} (load, 5 weeks)\n"
    svg = ET.fromstring(out.read_bytes())
    assert sorted(texts(svg, "role-legend-label")) == ["Lifting", "Running"]
    assert "Load (AU = session RPE × minutes)" in texts(svg, "role-axis-title")
    words = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    assert "Acute:chronic ratio (EWMA 7 d ÷ 28 d, uncoupled)" in words
    assert "it does not predict injury" in words
    bars = [p for g in svg.iter(f"{SVG}g") if "marks" in g.get("class", "")
            for p in g.iter(f"{SVG}path") if p.get("aria-roledescription") == "bar"]  # fmt: skip
    assert len(bars) == 10  # 5 weeks, running and lifting


def test_monotony_and_compliance_charts_as_png_and_svg(alex: str, tmp_path: Path) -> None:
    mono = tmp_path / "monotony.png"
    ok(rs(alex, "chart", "alex", "--kind", "monotony", "-o", str(mono)))
    data = mono.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, _ = struct.unpack(">II", data[16:24])
    assert width > 1000  # twice the SVG's size: sharp on a phone
    comp = tmp_path / "compliance.svg"
    ran = rs(alex, "chart", "alex", "--kind", "compliance", "-o", str(comp))
    assert ran.stderr == f"wrote {comp} (compliance, 5 weeks)\n"  # from the plan's start
    svg = ET.fromstring(comp.read_bytes())
    assert sorted(texts(svg, "role-legend-label")) == [
        "Compliance", "Running (minutes)", "Strength (sets)",
    ]  # fmt: skip
    assert "Done, % of the plan" in texts(svg, "role-axis-title")


def test_a_weekly_chart_of_nothing_or_with_a_lift_is_one_line(
    database_url: str, tmp_path: Path
) -> None:
    ok(rs(database_url, "athlete", "add", str(EXAMPLES / "alex-marathon.toml")))
    out = tmp_path / "load.svg"
    said = one_error_line(rs(database_url, "chart", "alex", "--kind", "load", "-o", str(out)))
    assert said == (
        "error: --kind load: no run or strength session with minutes in alex's log in these "
        "weeks: nothing to chart"
    )
    said = one_error_line(rs(database_url, "chart", "alex", "--kind", "monotony", "--exercise",
                             "back_squat", "-o", str(out)))  # fmt: skip
    assert said == "error: --exercise: charts each lift's e1RM only, not --kind monotony"
    assert not out.exists()
