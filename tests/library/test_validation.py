"""Broken exercise files give one clear line each, naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import ROOT
from runstrong.domain.errors import InputErrors
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
        f.name for f in files if not f.read_text("utf-8").startswith("schema_version = 1\n")
    ] == []


def test_an_exercise_file_of_another_version_is_one_line(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "schema_version = 1", "schema_version = 2")
    assert errors_for(tmp_path) == [f"{path}: schema_version: Input should be 1 (got 2)"]


def test_an_exercise_file_without_a_version_is_one_line(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "side_plank", "schema_version = 1\n", "")
    assert errors_for(tmp_path) == [f"{path}: schema_version: missing"]


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
