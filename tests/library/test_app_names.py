"""Exercise names as Strong and Hevy write them, matched to the library's slugs through its names
and aliases; the rest kept as custom slugs."""

from __future__ import annotations

import pytest

from builders import library
from runstrong.library.names import app_slug, custom_slug, name_index

APP_NAMES = [
    ("Squat (Barbell)", "back_squat"),  # by the alias "barbell squat"
    ("Deadlift (Barbell)", "deadlift"),
    ("Romanian Deadlift (Barbell)", "romanian_deadlift"),
    ("Bench Press (Dumbbell)", "dumbbell_bench_press"),
    ("Hip Thrust (Barbell)", "hip_thrust"),
    ("Lat Pulldown (Cable)", "lat_pulldown"),  # "cable lat pulldown" is no name: "lat pulldown"
    ("Goblet Squat (Kettlebell)", "goblet_squat"),  # by the alias "kettlebell goblet squat"
    ("Push Up", "push_up"),
    ("Bulgarian Split Squat", "bulgarian_split_squat"),
    ("Plank", "plank"),
    ("Chin Up", "chin_up"),
]


@pytest.mark.parametrize(("name", "slug"), APP_NAMES)
def test_app_names_find_the_library_exercise(name: str, slug: str) -> None:
    assert app_slug(name, name_index(library())) == slug


def test_a_name_the_library_does_not_know_is_a_custom_slug() -> None:
    index = name_index(library())
    assert app_slug("Lunge (Dumbbell)", index) is None
    assert custom_slug("Lunge (Dumbbell)") == "custom:lunge_dumbbell"
    assert custom_slug("Leg Extension  (Machine)") == "custom:leg_extension_machine"
