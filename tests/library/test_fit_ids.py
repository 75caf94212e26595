"""Every FIT (category, name) pair in the library exists in the FIT encoder library's own enums."""

from __future__ import annotations

import fit_tool.profile.profile_type as fit_profile
import pytest

from builders import library
from runstrong.library.fit_profile import fit_profile as our_table


def profile_name(member_name: str) -> str:
    """fit-tool spells names that start with a digit with a leading N: N3_WAY_CALF_RAISE."""
    name = member_name.lower()
    return name[1:] if name[:1] == "n" and name[1:2].isdigit() else name


def enum_for(category: str) -> type | None:
    name = "".join(part.capitalize() for part in category.split("_")) + "ExerciseName"
    return getattr(fit_profile, name, None)


@pytest.mark.parametrize("slug", sorted(ex.slug for ex in library()))
def test_each_exercise_fit_ids_exist_in_fit_tool(slug: str) -> None:
    fit = library().get(slug).fit
    category = fit_profile.ExerciseCategory(fit.category_id)
    assert category.name.lower() == fit.category
    if fit.name_id is not None:
        names = enum_for(fit.category)
        assert names is not None
        assert profile_name(names(fit.name_id).name) == fit.name


def test_our_fit_table_matches_fit_tool_exactly() -> None:
    table = our_table()
    for category in fit_profile.ExerciseCategory:
        assert table.category_ids[category.name.lower()] == category.value
        for member in enum_for(category.name.lower()) or ():
            key = (category.name.lower(), profile_name(member.name))
            assert table.name_ids[key] == member.value
