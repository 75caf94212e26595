"""Broken exercise files give one clear line each, naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import ROOT
from runstrong.domain.errors import InputErrors
from runstrong.domain.exercise import NiggleSite, Severity
from runstrong.library.loader import load_library

BUILTIN = ROOT / "src/runstrong/library/data/exercises"


def write_variant(folder: Path, slug: str, old: str, new: str, name: str | None = None) -> Path:
    text = (BUILTIN / f"{slug}.toml").read_text("utf-8")
    assert old in text, f"{old!r} not in {slug}.toml"
    path = folder / f"{name or slug}.toml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def errors_for(folder: Path) -> list[str]:
    with pytest.raises(InputErrors) as info:
        load_library([folder])
    return [str(e) for e in info.value.errors]


def test_every_built_in_exercise_file_says_its_format_version_first() -> None:
    files = sorted(BUILTIN.glob("*.toml"))
    assert files
    assert [
        f.name for f in files if not f.read_text("utf-8").startswith("schema_version = 2\n")
    ] == []


def test_an_exercise_file_of_another_version_is_one_line(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "schema_version = 2", "schema_version = 3")
    assert errors_for(tmp_path) == [f"{path}: schema_version: Input should be 1 or 2 (got 3)"]


def test_an_exercise_file_without_a_version_is_one_line(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "schema_version = 2\n", "")
    assert errors_for(tmp_path) == [f"{path}: schema_version: missing"]


BACK_SQUAT_V2 = "schema_version = 2"
BACK_SQUAT_TOLERANCE = 'tolerated_with = { knee = "mild", hip = "mild", low_back = "none" }'


def old_form(folder: Path, slug: str, tolerance: str, avoid: str) -> Path:
    """A built-in file written back in the old form (schema_version 1, `avoid_with`), as a
    coach's own folder holds it."""
    text = (BUILTIN / f"{slug}.toml").read_text("utf-8")
    assert tolerance in text
    path = folder / f"{slug}.toml"
    text = text.replace("schema_version = 2", "schema_version = 1", 1).replace(tolerance, avoid)
    path.write_text(text, "utf-8")
    return path


def test_an_old_form_file_loads_and_avoids_its_sites_at_any_severity(tmp_path: Path) -> None:
    old_form(tmp_path, "back_squat", BACK_SQUAT_TOLERANCE, 'avoid_with = ["knee", "low_back"]')
    squat = load_library([tmp_path]).get("back_squat")
    assert squat.tolerated_with == ((NiggleSite.KNEE, None), (NiggleSite.LOW_BACK, None))
    assert not squat.tolerates(NiggleSite.KNEE, Severity.MILD)  # read as before: avoided
    assert squat.tolerates(NiggleSite.HIP, Severity.SEVERE)  # not listed: not loaded
    built_in = load_library().get("back_squat")
    assert built_in.tolerates(NiggleSite.KNEE, Severity.MILD)
    assert not built_in.tolerates(NiggleSite.KNEE, Severity.MODERATE)


def test_an_old_form_file_without_avoid_with_loads(tmp_path: Path) -> None:
    old_form(tmp_path, "clamshell", "tolerated_with = {}\n", "")
    assert load_library([tmp_path]).get("clamshell").tolerated_with == ()


@pytest.mark.parametrize(
    ("version", "old", "new", "field"),
    [
        (2, BACK_SQUAT_TOLERANCE, 'avoid_with = ["knee"]', "avoid_with"),
        (2, BACK_SQUAT_TOLERANCE, "", "tolerated_with"),
        (1, BACK_SQUAT_V2, "schema_version = 1", "tolerated_with"),
    ],
    ids=["avoid_with in 2", "no tolerance in 2", "tolerated_with in 1"],
)
def test_each_version_has_its_own_niggle_field(
    tmp_path: Path, version: int, old: str, new: str, field: str
) -> None:
    write_variant(tmp_path, "back_squat", old, new)
    [line] = errors_for(tmp_path)
    assert f": {field}: only in schema_version" in line or f": {field}: required" in line, line


def test_a_tolerance_is_none_mild_or_moderate(tmp_path: Path) -> None:
    write_variant(tmp_path, "back_squat", 'knee = "mild"', 'knee = "severe"')
    [line] = errors_for(tmp_path)
    assert "tolerated_with.knee" in line
    assert "'none', 'mild' or 'moderate'" in line, line


def test_an_unknown_muscle_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "obliques = 1.0", "oblique = 1.0")
    [line] = errors_for(tmp_path)
    assert line.startswith(f"{path}: muscles.oblique")


def test_an_unknown_pattern_names_its_position(tmp_path: Path) -> None:
    write_variant(
        tmp_path, "side_plank", 'patterns = ["trunk_lateral"', 'patterns = ["trunk_sideways"'
    )
    [line] = errors_for(tmp_path)
    assert "patterns[1]" in line
    assert "'trunk_sideways'" in line


def test_unknown_equipment_is_rejected(tmp_path: Path) -> None:
    write_variant(
        tmp_path, "bulgarian_split_squat", 'equipment = ["bench"]', 'equipment = ["chair"]'
    )
    [line] = errors_for(tmp_path)
    assert "equipment[1]" in line
    assert "'chair'" in line


def test_a_broken_progression_link_is_reported(tmp_path: Path) -> None:
    write_variant(
        tmp_path,
        "bulgarian_split_squat",
        'progression = "barbell_bulgarian_split_squat"',
        'progression = "flying_split_squat"',
    )
    [line] = errors_for(tmp_path)
    assert line.endswith("progression: no exercise has the slug 'flying_split_squat'")


def test_two_weights_held_needs_dumbbells_or_kettlebells(tmp_path: Path) -> None:
    write_variant(tmp_path, "back_squat", "[muscles]", "weights_held = 2\n\n[muscles]")
    [line] = errors_for(tmp_path)
    assert line.endswith("only dumbbells or kettlebells are held in each hand")


def test_weights_held_is_one_or_two(tmp_path: Path) -> None:
    write_variant(tmp_path, "farmer_carry", "weights_held = 2", "weights_held = 3")
    [line] = errors_for(tmp_path)
    assert "weights_held" in line


def test_a_fit_name_the_profile_lacks_is_reported(tmp_path: Path) -> None:
    write_variant(
        tmp_path,
        "bulgarian_split_squat",
        'name = "dumbbell_bulgarian_split_squat"',
        'name = "moon_squat"',
    )
    [line] = errors_for(tmp_path)
    assert "fit.name" in line
    assert "moon_squat" in line


def test_a_missing_field_is_reported(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", 'name = "Side plank"\n', "")
    assert errors_for(tmp_path) == [f"{path}: name: missing"]


def test_a_misspelled_key_is_one_line_that_suggests_the_right_key(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", 'level = "', 'xlevel = "')
    assert errors_for(tmp_path) == [f"{path}: xlevel: unknown key; did you mean 'level'?"]


def test_a_misspelled_optional_key_is_matched_against_the_file_format(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "progression =", "progresion =")
    assert errors_for(tmp_path) == [f"{path}: progresion: unknown key; did you mean 'progression'?"]


def test_a_misspelled_nested_key_is_matched_in_its_own_table(tmp_path: Path) -> None:
    text = (BUILTIN / "side_plank.toml").read_text("utf-8")
    assert "\n[fit]\ncategory =" in text
    path = tmp_path / "side_plank.toml"
    path.write_text(text.replace("\n[fit]\ncategory =", "\n[fit]\ncategroy ="), "utf-8")
    assert errors_for(tmp_path) == [f"{path}: fit.categroy: unknown key; did you mean 'category'?"]


def test_an_unknown_key_with_no_near_match_is_just_unknown(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", 'level = "', 'colour = "red"\nlevel = "')
    assert errors_for(tmp_path) == [f"{path}: colour: unknown key"]


def test_a_misspelled_muscle_suggests_the_muscle(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "obliques = 1.0", "oblique = 1.0")
    assert errors_for(tmp_path) == [
        f"{path}: muscles.oblique: unknown key; did you mean 'obliques'?"
    ]


def test_a_slug_that_differs_from_the_file_name_is_reported(tmp_path: Path) -> None:
    write_variant(tmp_path, "side_plank", "", "", name="my_side_plank")
    [line] = errors_for(tmp_path)
    assert "slug: 'side_plank' must match the file name" in line


def test_an_unknown_citation_key_is_reported(tmp_path: Path) -> None:
    text = (BUILTIN / "side_plank.toml").read_text("utf-8")
    start = text.index("citations = [")
    end = text.index("]", start)
    (tmp_path / "side_plank.toml").write_text(
        text[:start] + 'citations = ["smith1999"' + text[end:], "utf-8"
    )
    [line] = errors_for(tmp_path)
    assert "why.citations: unknown citation key 'smith1999'" in line


def test_invalid_toml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("slug = \n", "utf-8")
    [line] = errors_for(tmp_path)
    assert "broken.toml: is not valid TOML" in line


def test_a_coach_folder_can_replace_a_built_in_exercise(tmp_path: Path) -> None:
    write_variant(tmp_path, "side_plank", 'name = "Side plank"', 'name = "Side bridge"')
    assert load_library([tmp_path]).get("side_plank").name == "Side bridge"


def test_a_coach_folder_can_add_exercises_that_link_to_built_in_ones(tmp_path: Path) -> None:
    write_variant(
        tmp_path, "side_plank", 'slug = "side_plank"', 'slug = "my_side_plank"', "my_side_plank"
    )
    lib = load_library([tmp_path])
    assert "my_side_plank" in lib
    assert "side_plank" in lib
