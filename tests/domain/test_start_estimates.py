"""Starting 1RM estimates without a known max (start_estimates.py, science.md §2.8): a related
lift's known max first, else body mass and level. Expected values by hand from the default
ratios (front squat 80 % of the back squat, goblet 40 %, split squats 45 %; Romanian deadlift
75 % of the deadlift, dumbbell 60 %, single-leg 25 %; back squat 1.0 and deadlift 1.25 kg per kg
of body mass for an intermediate, 0.6 and 0.75 for a beginner)."""

from __future__ import annotations

import pytest

from builders import library, make_athlete
from runstrong.domain.rules import Rules
from runstrong.domain.start_estimates import Estimate, body_mass_1rm, related_1rm, start_1rm

RULES = Rules()


def test_a_variant_comes_from_its_reference_max() -> None:
    got = related_1rm("front_squat", {"back_squat": 120.0}, RULES)
    assert got == Estimate(96.0, "back_squat", 120.0, 80)


def test_the_reference_comes_from_a_barbell_variant_s_max() -> None:
    # a front squat of 80 kg is 80 % of a 100 kg back squat
    got = related_1rm("back_squat", {"front_squat": 80.0}, RULES)
    assert got == Estimate(100.0, "front_squat", 80.0, 125)


def test_the_reference_s_own_max_comes_first() -> None:
    maxes = {"romanian_deadlift": 90.0, "deadlift": 140.0}
    got = related_1rm("single_leg_romanian_deadlift", maxes, RULES)
    assert got == Estimate(35.0, "deadlift", 140.0, 25)


def test_lifts_of_no_family_and_other_families_have_no_related_estimate() -> None:
    assert related_1rm("hip_thrust", {"back_squat": 100.0, "deadlift": 120.0}, RULES) is None
    assert related_1rm("front_squat", {"deadlift": 120.0}, RULES) is None


@pytest.mark.parametrize(
    ("slug", "level", "expected"),
    [
        ("back_squat", "intermediate", 70.0),  # 1.0 × 70
        ("deadlift", "beginner", 52.5),  # 0.75 × 70
        ("goblet_squat", "beginner", 16.8),  # 0.6 × 70 × 40 %
        ("dumbbell_romanian_deadlift", "intermediate", 52.5),  # 1.25 × 70 × 60 %
        ("hip_thrust", "intermediate", 87.5),  # no family: the hinge's, 1.25 × 70
    ],
)
def test_body_mass_gives_the_reference_and_the_lift_its_share(
    slug: str, level: str, expected: float
) -> None:
    athlete = make_athlete(level=level, body_mass_kg=70.0)
    assert body_mass_1rm(library().get(slug), athlete, RULES) == pytest.approx(expected)


def test_without_a_related_max_the_estimate_is_from_body_mass() -> None:
    athlete = make_athlete(level="intermediate", body_mass_kg=70.0, maxes={"goblet_squat": 40.0})
    got = start_1rm(library().get("bulgarian_split_squat"), athlete, RULES)
    assert got == Estimate(pytest.approx(31.5))  # 1.0 × 70 × 45 %; the goblet max is not used
