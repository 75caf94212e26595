"""`runstrong heatmap` and `runstrong balance` as a runner or coach uses them."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from builders import EXAMPLES, library, run_cli
from runstrong.domain.balance import session_items
from runstrong.domain.muscle_load import Side, muscle_loads
from runstrong.domain.muscles import Muscle
from runstrong.imports.workout import load_workout

FOUNDING = EXAMPLES / "workouts" / "founding-workout.toml"
ALEX = EXAMPLES / "alex-marathon.toml"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def test_the_founding_workout_lights_the_muscles_the_article_names() -> None:
    plan = load_workout(FOUNDING, library())
    loads = muscle_loads(session_items(plan.sessions[0], library()))
    lit = {m for (m, side), v in loads.items() if v > 0 and side is Side.LEFT}
    expected = {
        Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS_MEDIAL,
        Muscle.HAMSTRINGS_LATERAL, Muscle.LATISSIMUS_DORSI, Muscle.MID_BACK,
        Muscle.RECTUS_ABDOMINIS, Muscle.OBLIQUES, Muscle.PECTORALIS, Muscle.TRICEPS,
        Muscle.ANTERIOR_DELTOID, Muscle.GLUTEUS_MEDIUS,
    }  # fmt: skip
    assert expected <= lit


def test_heatmap_of_the_founding_workout_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "founding.png"
    result = run("heatmap", str(FOUNDING), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(PNG_MAGIC)


def test_heatmap_svg_of_a_week_with_the_running_layer(tmp_path: Path) -> None:
    out = tmp_path / "week.svg"
    result = run("heatmap", str(ALEX), "--week", "2", "--layer", "both", "-o", str(out))
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(out.read_text("utf-8"))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert "soleus-left-back" in ids
    assert "running-soleus-left-back" in ids


def test_heatmap_of_a_session_and_of_a_range(tmp_path: Path) -> None:
    assert (
        run(
            "heatmap", str(ALEX), "--session", "2026-12-08", "-o", str(tmp_path / "s.svg")
        ).returncode
        == 0
    )
    assert (
        run(
            "heatmap",
            str(ALEX),
            "--from",
            "2026-12-07",
            "--to",
            "2027-01-03",
            "-o",
            str(tmp_path / "r.html"),
        ).returncode
        == 0
    )
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!doctype html>")


def test_heatmap_makes_missing_output_folders(tmp_path: Path) -> None:
    out = tmp_path / "maps" / "week" / "founding.png"
    result = run("heatmap", str(FOUNDING), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(PNG_MAGIC)


def test_heatmap_errors_are_one_line(tmp_path: Path) -> None:
    bad_day = run("heatmap", str(ALEX), "--session", "2026-12-09", "-o", str(tmp_path / "x.svg"))
    assert bad_day.returncode == 2
    assert bad_day.stderr.strip() == f"error: --session: no session on 2026-12-09 in {ALEX}"
    bad_suffix = run("heatmap", str(ALEX), "-o", str(tmp_path / "x.jpg"))
    assert bad_suffix.returncode == 2
    assert "must end in .svg, .png or .html" in bad_suffix.stderr
    no_running = run("heatmap", str(FOUNDING), "--layer", "running", "-o", str(tmp_path / "x.svg"))
    assert no_running.returncode == 2
    assert "running layer needs the runner's profile" in no_running.stderr
    nested = tmp_path / "new" / "deeper" / "x.svg"
    bad_week = run("heatmap", str(ALEX), "--week", "99", "-o", str(nested))
    assert bad_week.returncode == 2
    assert len(bad_week.stderr.strip().splitlines()) == 1
    assert not any(tmp_path.iterdir())


def test_balance_json_reports_muscles_patterns_and_flags() -> None:
    result = run("balance", str(ALEX), "--week", "1", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {m["muscle"] for m in report["muscles"]} == {m.value for m in Muscle}
    assert report["calf_sets"]["straight_knee"] > 0
    assert report["calf_sets"]["bent_knee"] > 0
    assert isinstance(report["flags"], list)


def test_balance_of_the_founding_workout_flags_its_missing_calf_work() -> None:
    result = run("balance", str(FOUNDING))
    assert result.returncode == 0, result.stderr
    assert "no calf or soleus work this week" in result.stdout


def test_a_workout_files_unknown_slug_names_the_exercise_counted_from_one(
    tmp_path: Path,
) -> None:
    text = FOUNDING.read_text("utf-8")
    assert 'slug = "seated_cable_row"' in text
    workout = tmp_path / "workout.toml"
    workout.write_text(text.replace('slug = "seated_cable_row"', 'slug = "moon_row"'), "utf-8")
    out = tmp_path / "w.svg"
    result = run("heatmap", str(workout), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {workout}: workout.exercises[2].slug: no exercise 'moon_row'"
    )
    assert not out.exists()


def test_a_workout_files_bad_value_names_the_exercise_counted_from_one(tmp_path: Path) -> None:
    text = FOUNDING.read_text("utf-8")
    old = '{ slug = "stability_ball_pull_in", sets = 3,'
    assert old in text
    workout = tmp_path / "workout.toml"
    workout.write_text(text.replace(old, old.replace("sets = 3", "sets = 30")), "utf-8")
    result = run("balance", str(workout))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {workout}: workout.exercises[3].sets: "
        "Input should be less than or equal to 10 (got 30)"
    )


# A whole week's exercises as one workout: every pattern a runner needs is there.
FULL_WEEK = """schema_version = 1

[workout]
name = "A full week in one"
exercises = [
  { slug = "bulgarian_split_squat", sets = 3, reps = 8 },
  { slug = "dumbbell_lateral_lunge", sets = 3, reps = 8 },
  { slug = "dumbbell_overhead_press", sets = PRESS_SETS, reps = 8 },
  { slug = "assisted_nordic_hamstring_curl", sets = 2, reps = 6 },
  { slug = "band_dead_bug", sets = 2, reps = 12 },
  { slug = "eccentric_heel_drop", sets = 2, reps = 10 },
  { slug = "dumbbell_romanian_deadlift", sets = 3, reps = 8 },
  { slug = "chin_up", sets = 2, reps = 8 },
  { slug = "bent_knee_calf_raise", sets = 2, reps = 10 },
  { slug = "cable_chop", sets = 2, reps = 12 },
  { slug = "side_plank", sets = 2, seconds = 30 },
]
"""
NO_GAPS = "No gaps: every category runners need is trained this week."


def balance_of(tmp_path: Path, press_sets: int) -> tuple[str, dict[str, Any]]:
    workout = tmp_path / "week.toml"
    workout.write_text(FULL_WEEK.replace("PRESS_SETS", str(press_sets)), "utf-8")
    table = run("balance", str(workout))
    as_json = run("balance", str(workout), "--format", "json")
    assert table.returncode == as_json.returncode == 0, table.stderr + as_json.stderr
    return table.stdout, json.loads(as_json.stdout)


def status_column(table: str) -> dict[str, str]:
    rows = [line.split("│") for line in table.splitlines() if line.count("│") == 5]
    return {row[1].strip(): row[4].strip() for row in rows}


def test_balance_says_no_gaps_only_above_a_table_with_no_muscle_below_its_band(
    tmp_path: Path,
) -> None:
    table, report = balance_of(tmp_path, press_sets=2)
    muscles = {m["muscle"]: m for m in report["muscles"]}
    # the mid-back is below its band on its own; the pull group (by the lats) is within
    assert muscles["mid_back"]["weighted_sets"] < muscles["mid_back"]["band"][0]
    assert muscles["latissimus_dorsi"]["weighted_sets"] >= muscles["latissimus_dorsi"]["band"][0]
    assert (muscles["mid_back"]["status"], muscles["mid_back"]["group"]) == (
        "within",
        "upper-body pull",
    )
    assert report["flags"] == []
    assert NO_GAPS in table
    statuses = status_column(table)
    assert statuses["mid_back"].startswith("within (upper-body pull")
    assert not any(s.startswith("below") for s in statuses.values())


def test_balance_of_a_week_with_a_muscle_below_its_band_names_it_and_never_says_no_gaps(
    tmp_path: Path,
) -> None:
    table, report = balance_of(tmp_path, press_sets=1)
    statuses = status_column(table)
    below = sorted(m for m, s in statuses.items() if s.startswith("below"))
    assert below == ["pectoralis", "triceps"]  # the push group, below as a group
    assert NO_GAPS not in table
    [flag] = report["flags"]
    assert flag.startswith("upper-body push below the runner band")
    assert f"! {flag}" in table


def soleus_running_minutes(svg: str) -> str:
    root = ET.fromstring(svg)
    [path] = [el for el in root.iter() if el.get("id") == "running-soleus-left-back"]
    title = next(iter(path))
    assert title.text is not None
    return title.text


def test_the_running_layer_shows_the_running_week_of_the_dates_shown(tmp_path: Path) -> None:
    """Priya's usual week loads the soleus 0.22 x (40 + 55 x 1.2 + 40 + 30 x 0.9 + 50 x 1.1
    + 100) = 72.16 weighted minutes; her ski trip (week 8) has two easy runs, 0.22 x 75 = 16.5."""
    priya = EXAMPLES / "priya-half-home.toml"
    shown = {}
    for week in ("7", "8"):
        out = tmp_path / f"week{week}.svg"
        result = run("heatmap", str(priya), "--week", week, "--layer", "running", "-o", str(out))
        assert result.returncode == 0, result.stderr
        shown[week] = soleus_running_minutes(out.read_text("utf-8"))
    assert shown == {
        "7": "Soleus (left): 72.16 weighted minutes of running",
        "8": "Soleus (left): 16.5 weighted minutes of running",
    }
