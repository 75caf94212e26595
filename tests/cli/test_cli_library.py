"""The library commands, run as a user runs them: a real process, real files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from builders import ROOT, run_cli

FIELDS = {
    "slug", "name", "aliases", "patterns", "equipment", "equipment_any", "level", "laterality",
    "load_type", "percent_1rm", "muscles", "plyometric", "progression", "regression",
    "substitutes", "fit", "cues", "why", "tolerated_with", "seconds_per_rep", "max_reps",
    "ballistic", "tempo", "weights_held",
}  # fmt: skip


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=env, columns=160)


def test_library_list_json_gives_every_exercise_with_every_field() -> None:
    result = run("library", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    exercises = json.loads(result.stdout)
    assert len(exercises) >= 100
    assert all(set(ex) == FIELDS for ex in exercises)
    assert all(ex["fit"]["category_id"] is not None for ex in exercises)


def test_library_list_with_equipment_shows_only_what_it_allows() -> None:
    result = run("library", "list", "--format", "json", "--equipment", "resistance_band")
    exercises = json.loads(result.stdout)
    assert exercises
    for ex in exercises:
        assert set(ex["equipment"]) <= {"bodyweight", "resistance_band"}, ex["slug"]
        assert not ex["equipment_any"] or set(ex["equipment_any"]) & {"resistance_band"}


def test_library_list_filters_by_pattern_and_level() -> None:
    result = run(
        "library", "list", "--format", "json", "--pattern", "plyometric", "--level", "beginner"
    )
    exercises = json.loads(result.stdout)
    assert exercises
    assert all("plyometric" in ex["patterns"] and ex["level"] == "beginner" for ex in exercises)


def test_library_list_table_names_the_founding_exercises() -> None:
    result = run("library", "list")
    assert result.returncode == 0
    assert "bulgarian_split_squat" in result.stdout
    assert "exercises" in result.stdout


def test_library_show_prints_cues_and_why() -> None:
    result = run("library", "show", "side_plank")
    assert result.returncode == 0
    assert "cues" in result.stdout
    assert "why" in result.stdout


def test_library_show_of_an_unknown_slug_is_one_line_and_exit_2() -> None:
    result = run("library", "show", "moon_squat")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: library: slug: no exercise 'moon_squat'; did you mean front_squat (Front squat)? "
        "(see: runstrong library list)"
    ]


def test_library_validate_of_a_broken_folder_is_one_line_per_problem_and_exit_2(
    tmp_path: Path,
) -> None:
    source = ROOT / "src/runstrong/library/data/exercises/side_plank.toml"
    (tmp_path / "side_plank.toml").write_text(
        source.read_text("utf-8").replace("obliques = 1.0", "oblique = 1.0"), "utf-8"
    )
    result = run("library", "validate", str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "side_plank.toml: muscles.oblique" in lines[0]
    assert "Traceback" not in result.stderr


def test_library_validate_of_a_good_folder_says_ok(tmp_path: Path) -> None:
    source = ROOT / "src/runstrong/library/data/exercises/side_plank.toml"
    (tmp_path / "side_plank.toml").write_text(source.read_text("utf-8"), "utf-8")
    result = run("library", "validate", str(tmp_path))
    assert result.returncode == 0
    assert "1 exercise files" in result.stdout


def test_the_exercises_setting_adds_a_coach_folder(tmp_path: Path) -> None:
    source = ROOT / "src/runstrong/library/data/exercises/side_plank.toml"
    text = source.read_text("utf-8").replace('slug = "side_plank"', 'slug = "coach_side_plank"')
    (tmp_path / "coach_side_plank.toml").write_text(text, "utf-8")
    result = run("library", "show", "coach_side_plank", env={"RUNSTRONG_EXERCISES": str(tmp_path)})
    assert result.returncode == 0, result.stderr


OLD_FORM_TOLERANCE = 'tolerated_with = { knee = "mild", hip = "mild", low_back = "none" }'


def write_old_form_back_squat(folder: Path) -> None:
    """The built-in back squat in the old form (schema_version 1, one avoid list), as a coach's
    own folder holds it."""
    source = (ROOT / "src/runstrong/library/data/exercises/back_squat.toml").read_text("utf-8")
    assert OLD_FORM_TOLERANCE in source
    text = source.replace("schema_version = 2", "schema_version = 1", 1).replace(
        OLD_FORM_TOLERANCE, 'avoid_with = ["knee", "low_back"]'
    )
    (folder / "back_squat.toml").write_text(text, "utf-8")


def test_library_validate_accepts_an_old_form_folder(tmp_path: Path) -> None:
    write_old_form_back_squat(tmp_path)
    result = run("library", "validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "1 exercise files" in result.stdout


def test_an_old_form_file_in_the_exercises_setting_is_avoided_at_any_severity(
    tmp_path: Path,
) -> None:
    write_old_form_back_squat(tmp_path)
    env = {"RUNSTRONG_EXERCISES": str(tmp_path)}
    result = run("library", "show", "back_squat", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tolerated_with"] == {"knee": "none", "low_back": "none"}
    built_in = json.loads(run("library", "show", "back_squat", "--format", "json").stdout)
    assert built_in["tolerated_with"] == {"knee": "mild", "hip": "mild", "low_back": "none"}


def test_library_show_reads_as_text_not_as_python_values() -> None:
    result = run("library", "show", "bulgarian_split_squat")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "bench + (dumbbells or kettlebell)" in out
    assert "lunge (17) / dumbbell_bulgarian_split_squat (18)" in out
    assert "{" not in out
    assert "True" not in out
    assert "False" not in out
    assert "None" not in out
    percent_1rm = next(line for line in out.splitlines() if "percent_1rm" in line)
    assert " no " in percent_1rm


def test_library_show_gives_each_citation_its_own_line_with_its_reference() -> None:
    lines = run("library", "show", "bulgarian_split_squat").stdout.splitlines()
    cited = [line for line in lines if "mackey2021" in line or "mccurdy2010" in line]
    assert len(cited) == 2
    assert all("Mackey" in line or "McCurdy" in line for line in cited)


def test_library_show_describes_plyometric_contacts_in_words() -> None:
    out = run("library", "show", "box_jump").stdout
    assert "ground contact" in out
    assert "intensity" in out
    assert "contacts_per_rep" not in out


def test_library_list_never_cuts_a_slug_in_two() -> None:
    result = run("library", "list", env={"COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    cells = {cell.strip() for line in result.stdout.splitlines() for cell in line.split("│")[1:2]}
    assert "assisted_nordic_hamstring_curl" in cells
    slugs = {ex["slug"] for ex in json.loads(run("library", "list", "--format", "json").stdout)}
    assert {cell for cell in cells if cell} <= slugs


def test_library_list_with_equipment_says_what_it_lists() -> None:
    result = run("library", "list", "--equipment", "dumbbells", "--equipment", "bench")
    assert result.returncode == 0, result.stderr
    assert "that dumbbells + bench allow (body-weight exercises included)" in result.stdout


def test_a_narrow_terminal_gets_the_columns_that_matter() -> None:
    narrow = run_cli("library", "list", "--level", "beginner", columns=80)
    wide = run_cli("library", "list", "--level", "beginner", columns=140)
    assert narrow.returncode == wide.returncode == 0
    assert "adductor_squeeze" in narrow.stdout  # the slug is never cut
    assert "Adductor squeeze" not in narrow.stdout
    assert "Adductor squeeze" in wide.stdout
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
