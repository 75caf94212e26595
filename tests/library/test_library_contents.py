"""The built-in library: size, coverage by pattern and equipment tier, the contract slugs."""

from __future__ import annotations

import pytest

from builders import library
from runstrong.domain.exercise import (
    LOWER_BODY_PATTERNS,
    TRUNK_PATTERNS,
    Equipment,
    LoadType,
    Pattern,
)
from runstrong.domain.muscles import Muscle

FOUNDING = [
    "bulgarian_split_squat",
    "seated_cable_row",
    "stability_ball_pull_in",
    "medicine_ball_push_up",
    "single_leg_romanian_deadlift",
    "side_plank",
]
STAPLES = [
    "back_squat", "goblet_squat", "romanian_deadlift", "hip_thrust", "glute_bridge", "step_up",
    "standing_calf_raise", "single_leg_calf_raise", "seated_calf_raise", "nordic_hamstring_curl",
    "copenhagen_plank", "lateral_band_walk", "pallof_press", "dead_bug", "plank", "pogo_hops",
    "box_jump", "push_up", "inverted_row",
]  # fmt: skip
E = Equipment
TIERS = {
    "body weight alone": frozenset({E.BODYWEIGHT}),
    "bands": frozenset({E.RESISTANCE_BAND, E.MINI_BAND}),
    "dumbbells": frozenset({E.DUMBBELLS}),
    "a kettlebell": frozenset({E.KETTLEBELL}),
    "a full gym": frozenset(E),
}
# Patterns that only exist with kit (hanging, carrying) are not required of body weight alone.
TRAINABLE_EVERYWHERE = (LOWER_BODY_PATTERNS | TRUNK_PATTERNS) - {Pattern.CARRY, Pattern.HIP_FLEXION}


def test_the_library_has_at_least_100_exercises() -> None:
    assert len(library()) >= 100


@pytest.mark.parametrize("slug", FOUNDING + STAPLES)
def test_the_contract_slugs_exist(slug: str) -> None:
    assert slug in library()


@pytest.mark.parametrize("pattern", list(Pattern))
def test_every_pattern_has_at_least_three_exercises(pattern: Pattern) -> None:
    assert len(library().select(pattern=pattern)) >= 3


@pytest.mark.parametrize("tier", list(TIERS))
@pytest.mark.parametrize("pattern", sorted(TRAINABLE_EVERYWHERE))
def test_every_lower_body_and_trunk_pattern_can_be_trained_with_each_tier(
    tier: str, pattern: Pattern
) -> None:
    assert library().select(pattern=pattern, equipment=TIERS[tier]), f"{pattern} with {tier}"


def weights(slug: str) -> dict[str, float]:
    return {str(m): w for m, w in library().get(slug).muscles}


# science.md §5: primary muscles (weight 1.0) of the sourced exercises.
PRIMARY = {
    "bulgarian_split_squat": {"quadriceps", "gluteus_maximus"},
    "seated_cable_row": {"latissimus_dorsi", "mid_back"},
    "stability_ball_pull_in": {"rectus_abdominis", "obliques"},
    "medicine_ball_push_up": {"pectoralis", "triceps", "anterior_deltoid"},
    "single_leg_romanian_deadlift": {"gluteus_maximus", "hamstrings_medial", "hamstrings_lateral"},
    "side_plank": {"obliques", "gluteus_medius", "quadratus_lumborum"},
    "standing_calf_raise": {"gastrocnemius", "soleus"},
    "seated_calf_raise": {"soleus"},
    "step_up": {"quadriceps", "gluteus_maximus"},
    "hip_thrust": {"gluteus_maximus"},
    "nordic_hamstring_curl": {"hamstrings_medial"},
    "copenhagen_plank": {"adductors"},
    "lateral_band_walk": {"gluteus_medius"},
    "pogo_hops": {"soleus", "gastrocnemius"},
}


@pytest.mark.parametrize(("slug", "primary"), sorted(PRIMARY.items()))
def test_sourced_exercises_have_the_primary_muscles_of_science_section_5(
    slug: str, primary: set[str]
) -> None:
    assert {m for m, w in weights(slug).items() if w == 1.0} >= primary


def test_the_seated_calf_raise_is_soleus_biased() -> None:
    w = weights("seated_calf_raise")
    assert w["soleus"] == 1.0
    assert w.get("gastrocnemius", 0) < 1.0


def test_the_bulgarian_split_squat_trains_adductors_and_hamstrings_as_secondaries() -> None:
    w = weights("bulgarian_split_squat")
    assert w["adductors"] == 0.5
    assert w["hamstrings_lateral"] == 0.5


def test_every_muscle_key_is_trained_by_some_exercise() -> None:
    trained = {m for ex in library() for m, _ in ex.muscles}
    assert trained == set(Muscle)


def test_ladders_link_both_ways_where_a_progression_names_its_regression() -> None:
    lib = library()
    one_way = [
        (ex.slug, ex.progression)
        for ex in lib
        if ex.progression
        and lib.get(ex.progression).regression not in (None, ex.slug)
        and lib.get(ex.progression).regression is None
    ]
    assert one_way == []


def test_the_glute_bridge_ladder_climbs_to_the_single_leg_hip_thrust() -> None:
    lib = library()
    ladder = ["glute_bridge"]
    while (nxt := lib.get(ladder[-1]).progression) and len(ladder) < 10:
        ladder.append(nxt)
    assert ladder[:4] == [
        "glute_bridge",
        "single_leg_glute_bridge",
        "hip_thrust",
        "single_leg_hip_thrust",
    ]


def test_plyometric_exercises_say_their_contacts_and_intensity() -> None:
    for ex in library():
        assert (ex.load_type is LoadType.PLYOMETRIC_CONTACTS) == (ex.plyometric is not None)


def test_percent_1rm_is_offered_only_for_loaded_exercises() -> None:
    for ex in library():
        if ex.percent_1rm:
            assert ex.load_type is LoadType.EXTERNAL_LOAD, ex.slug
