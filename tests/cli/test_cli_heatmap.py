"""`runstrong heatmap` and `runstrong balance` as a runner or coach uses them."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

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
