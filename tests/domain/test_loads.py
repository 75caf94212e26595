"""Rule 10: %1RM becomes kilograms rounded to the kit; without a max, RIR only."""

from __future__ import annotations

from builders import GYM, library, make_athlete, make_prescription
from runstrong.domain.athlete import EquipmentSet
from runstrong.domain.exercise import Equipment
from runstrong.domain.intensity import percent_1rm_for
from runstrong.domain.loads import ResolvedLoad, resolve_load
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Prescription, Reps


def prescription(slug: str, percent: int, reps: int = 5) -> Prescription:
    """`reps` at `percent` %1RM (and 2 in reserve, the effort's other half: loads ignore it)."""
    return make_prescription(slug, dose=Reps(reps, ByPercent(percent, 2)), rest_s=180, why="x")


def test_a_barbell_load_rounds_to_the_plate_step() -> None:
    kit = EquipmentSet(items=GYM, barbell_step_kg=2.5)
    got = resolve_load(
        prescription("back_squat", 83), library().get("back_squat"), {"back_squat": 100.0}, kit
    )
    assert got.load_kg == 82.5  # 83 kg rounds to the nearest 2.5 kg step


def test_a_barbell_load_rounds_halves_down() -> None:
    kit = EquipmentSet(items=GYM, barbell_step_kg=5.0)
    got = resolve_load(
        prescription("back_squat", 75), library().get("back_squat"), {"back_squat": 90.0}, kit
    )
    assert got.load_kg == 65.0  # 67.5 is halfway between 65 and 70: the lighter


def test_a_dumbbell_load_is_capped_at_the_heaviest_dumbbell() -> None:
    kit = EquipmentSet(items=frozenset({Equipment.DUMBBELLS}), dumbbell_max_kg=20.0)
    ex = library().get("goblet_squat")
    got = resolve_load(prescription("goblet_squat", 80), ex, {"goblet_squat": 40.0}, kit)
    assert got.load_kg == 20.0
    assert got.note == reason(
        RuleId.LOAD_CAPPED, kit="dumbbell", held=1, load_kg=20.0, share=50, advice="slow_lowering"
    )


def test_a_capped_barbell_load_says_the_share_of_the_max_it_really_is() -> None:
    """90% of a 160 kg deadlift is 144 kg; a 140 kg barbell is 87.5% of it, said as 88%."""
    kit = EquipmentSet(items=GYM, barbell_max_kg=140.0)
    got = resolve_load(
        prescription("deadlift", 90, reps=3), library().get("deadlift"), {"deadlift": 160.0}, kit
    )
    assert got.load_kg == 140.0
    assert got.note == reason(
        RuleId.LOAD_CAPPED,
        kit="barbell",
        held=1,
        load_kg=140.0,
        share=88,
        advice="more_in_reserve",
    )


def test_without_a_known_max_there_is_no_load() -> None:
    kit = make_athlete(equipment=GYM).equipment
    got = resolve_load(prescription("back_squat", 80), library().get("back_squat"), {}, kit)
    assert got.load_kg is None


def test_a_dose_by_reps_in_reserve_has_no_load_even_with_a_known_max() -> None:
    kit = make_athlete(equipment=GYM).equipment
    by_rir = make_prescription("back_squat", dose=Reps(5, ByRir(2)))
    got = resolve_load(by_rir, library().get("back_squat"), {"back_squat": 100.0}, kit)
    assert got == ResolvedLoad(None)


def test_percent_follows_the_nsca_table_at_reps_plus_reserve() -> None:
    assert percent_1rm_for(5, 2) == 83  # a 7RM load
    assert percent_1rm_for(4, 1) == 87  # a 5RM load
    assert percent_1rm_for(8, 2) == 75  # a 10RM load
    assert percent_1rm_for(12, 4) is None  # beyond 12RM: no %1RM


def test_a_load_held_in_each_hand_is_per_dumbbell_and_capped_by_the_pair() -> None:
    """weights_held = 2: the max is the kg lifted with both hands (load_ceiling.py counts the
    heaviest pair, 2 × dumbbell_max_kg, as the kit's ceiling), so each dumbbell carries half of
    it; the cap and its share of the max count both dumbbells, as the light-kit check does."""
    from dataclasses import replace

    kit = EquipmentSet(items=frozenset({Equipment.DUMBBELLS}), dumbbell_max_kg=24.0)
    ex = replace(library().get("dumbbell_romanian_deadlift"), percent_1rm=True)
    assert ex.weights_held == 2
    maxes = {ex.slug: 60.0}
    within = resolve_load(prescription(ex.slug, 80), ex, maxes, kit)
    assert within.load_kg == 24.0  # 48 kg in all: a 24 kg dumbbell in each hand
    assert within.note is None
    capped = resolve_load(prescription(ex.slug, 90), ex, maxes, kit)
    assert capped.load_kg == 24.0
    assert capped.note == reason(
        RuleId.LOAD_CAPPED, kit="dumbbell", held=2, load_kg=24.0, share=80, advice="slow_lowering"
    )
