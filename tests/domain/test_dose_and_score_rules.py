"""The selection weights and the dose numbers are Rules: each one changes some plan when a
profile sets it, and the defaults give the plans the tables in science.md describe."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import pytest

from builders import (
    EXAMPLES,
    GYM,
    library,
    make_exercise,
    make_prescription,
    make_profile,
    plan_from_file,
)
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Equipment, Exercise, Laterality, Level, LoadType, Pattern
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Phase, Plan, Reps, Role
from runstrong.domain.prescription import Context, deloaded, prescribe
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.domain.selection import Chooser
from runstrong.domain.templates import KNEE_MAIN, UNILATERAL

TODAY = date(2026, 11, 26)
START = date(2026, 12, 7)
# The rules that were numbers in selection.py and prescription.py.
SCORE_RULES = [r["name"] for r in Rules.describe() if r["name"].startswith("score_")]
DOSE_RULES = [
    "beginner_reduced_volume_sets",
    "beginner_reduced_volume_min_rir",
    "accessory_sets",
    "accessory_sets_light",
    "accessory_rir_beginner",
    "accessory_rir_intermediate",
    "accessory_rir_advanced",
    "loaded_accessory_reps_beginner",
    "loaded_accessory_reps_intermediate",
    "loaded_accessory_reps_advanced",
    "bodyweight_reps_beginner_variant",
    "bodyweight_reps_intermediate_variant",
    "bodyweight_reps_advanced_variant",
    "hold_seconds_beginner_variant",
    "hold_seconds_intermediate_variant",
    "hold_seconds_advanced_variant",
    "single_leg_rest_seconds",
    "posterior_rest_seconds",
    "calf_rest_seconds",
    "upper_rest_seconds",
    "bodyweight_main_rest_seconds",
    "hip_trunk_sets",
    "hip_trunk_sets_beginner",
    "hip_trunk_reps_bodyweight",
    "hip_trunk_reps_loaded",
    "hip_trunk_rir",
    "hip_trunk_rest_seconds",
    "calf_reps_bodyweight",
    "calf_reps_loaded",
    "calf_lowering_seconds",
    "calf_lifting_seconds",
    "main_lowering_seconds",
    "main_lifting_seconds",
    "main_explosive_lift_in_build",
    "plyo_reps_low_intensity",
    "plyo_reps_moderate_intensity",
    "plyo_reps_high_intensity",
    "plyo_max_sets",
    "plyo_rest_seconds",
    "activation_sets",
    "activation_reps",
    "activation_hold_seconds",
    "activation_rest_seconds",
]
DESCRIBED = {r["name"]: r for r in Rules.describe()}


@cache
def examples() -> list[tuple[Profile, Plan]]:
    """Every example profile, and gym athletes of each level without known maxes, with their
    plans under the default rules."""
    out = []
    for path in sorted(EXAMPLES.glob("*.toml")):
        result = plan_from_file(path, TODAY)
        out.append((result.profile, result.plan))
    for level in ("beginner", "intermediate", "advanced"):
        profile = make_profile(level=level, equipment=GYM, session_minutes=90)
        out.append((profile, generate_plan(profile, library(), start=START, weeks=12)))
    return out


def other_values(name: str) -> list[object]:
    """Values for the rule other than its default, within its limits: a step each way, the
    least, and a large one."""
    rule = DESCRIBED[name]
    default, least, most = rule["default"], rule["least"], rule["most"]
    if isinstance(default, bool):
        return [not default]
    candidates = [default + 1, default - 1, least, default * 4, most]
    kind = type(default)
    return [
        kind(v)
        for v in dict.fromkeys(candidates)
        if v is not None and v != default and v >= least and (most is None or v <= most)
    ]


def changes_a_plan(name: str) -> bool:
    for value in other_values(name):
        for profile, plan in examples():
            rules = profile.rules.override({name: value})
            again = generate_plan(
                replace(profile, rules=rules), library(), start=plan.start, weeks=len(plan.weeks)
            )
            if again != plan:
                return True
    return False


def test_the_score_rules_are_the_weights_the_docs_name() -> None:
    assert len(SCORE_RULES) == 13
    assert all(name in DESCRIBED for name in DOSE_RULES)


# Weights no example plan reaches with the built-in library (no timed hold fits a single-leg
# slot; no beginner-level main lift uses a barbell; the %1RM lifts lead by more than the
# rotation window): each is tested on exercises of an athlete's own below.
LIBRARY_HAS_NO_CASE = {
    "score_single_leg_hold_penalty_points",
    "score_main_barbell_beginner_penalty_points",
    "score_main_percent_1rm_points",
}


@pytest.mark.parametrize("name", sorted(set(SCORE_RULES + DOSE_RULES) - LIBRARY_HAS_NO_CASE))
def test_setting_the_rule_changes_some_example_plan(name: str) -> None:
    assert changes_a_plan(name), f"{name}: no example plan changes when it is set"


def test_a_single_leg_hold_of_the_athletes_own_loses_the_single_leg_slot_by_its_weight() -> None:
    lunge = replace(
        make_exercise("own_lunge", laterality=Laterality.UNILATERAL),
        patterns=(Pattern.KNEE_DOMINANT_UNILATERAL,),
        level=Level.INTERMEDIATE,
        load_type=LoadType.BODYWEIGHT_REPS,
        equipment=frozenset({Equipment.BODYWEIGHT}),
        equipment_any=frozenset(),
    )
    wall_sit = replace(lunge, slug="one_leg_wall_sit", load_type=LoadType.TIMED_HOLD)
    lib = ExerciseLibrary({ex.slug: ex for ex in (lunge, wall_sit)})

    def scores(rules: Rules) -> dict[str, float]:
        chooser = Chooser(
            lib,
            Level.INTERMEDIATE,
            frozenset({Equipment.BODYWEIGHT}),
            (),  # no niggles
            frozenset(),
            rules,
        )
        return {ex.slug: score for ex, score in chooser.ranked(UNILATERAL, None)}

    default = scores(Rules())
    assert default["own_lunge"] - default["one_leg_wall_sit"] == 3.0
    even = scores(Rules(score_single_leg_hold_penalty_points=0.0))
    assert even["own_lunge"] == even["one_leg_wall_sit"]


def main_lift_scores(level: Level, rules: Rules, *variants: Exercise) -> dict[str, float]:
    lib = ExerciseLibrary({ex.slug: ex for ex in variants})
    kit = frozenset({Equipment.DUMBBELLS, Equipment.BARBELL, Equipment.SQUAT_RACK})
    chooser = Chooser(lib, level, kit, (), frozenset(), rules)  # no niggles
    return {ex.slug: score for ex, score in chooser.ranked(KNEE_MAIN, None)}


def test_a_beginners_barbell_main_lift_loses_points_by_its_weight() -> None:
    dumbbell = make_exercise("own_squat")  # beginner level, dumbbells or a kettlebell
    barbell = replace(
        dumbbell, slug="own_barbell_squat", equipment_any=frozenset({Equipment.BARBELL})
    )
    for weight in (4.0, 1.5):
        rules = Rules(score_main_barbell_beginner_penalty_points=weight)
        got = main_lift_scores(Level.BEGINNER, rules, dumbbell, barbell)
        assert got["own_squat"] - got["own_barbell_squat"] == weight
    trained = main_lift_scores(Level.INTERMEDIATE, Rules(), dumbbell, barbell)
    assert trained["own_squat"] == trained["own_barbell_squat"]


def test_a_trained_athletes_percent_1rm_main_lift_gains_points_by_its_weight() -> None:
    plain = make_exercise("own_squat")
    by_percent = replace(plain, slug="own_percent_squat", percent_1rm=True)
    for weight in (2.0, 0.5):
        rules = Rules(score_main_percent_1rm_points=weight)
        got = main_lift_scores(Level.INTERMEDIATE, rules, plain, by_percent)
        assert got["own_percent_squat"] - got["own_squat"] == weight
    beginner = main_lift_scores(Level.BEGINNER, Rules(), plain, by_percent)
    assert beginner["own_percent_squat"] == beginner["own_squat"]


@pytest.mark.parametrize("name", SCORE_RULES + DOSE_RULES)
def test_the_rule_has_a_unit_a_source_and_a_description(name: str) -> None:
    rule = DESCRIBED[name]
    assert rule["doc"]
    assert rule["cite"]
    if name.startswith("score_"):
        assert name.endswith("_points")
        assert rule["heuristic"]
    elif not isinstance(rule["default"], bool):
        units = ("_seconds", "_sets", "_rir", "_reps", "_variant", "_beginner", "_intermediate")
        assert any(unit in name for unit in units) or name.endswith("_advanced"), name


# The defaults are the numbers the docs give ---------------------------------------------------


def ctx(level: Level = Level.INTERMEDIATE, phase: Phase = Phase.BASE) -> Context:
    return Context(level, phase, 0, False, 80, False)


def test_main_lifts_are_lowered_in_2_s_and_lifted_fast_in_build_unless_switched_off() -> None:
    squat = library().get("back_squat")
    assert prescribe(squat, Role.MAIN, ctx(), Rules()).tempo == "2-0-1-0"
    assert prescribe(squat, Role.MAIN, ctx(phase=Phase.BUILD), Rules()).tempo == "2-0-X-0"
    steady = Rules(main_explosive_lift_in_build=False, main_lowering_seconds=3)
    assert prescribe(squat, Role.MAIN, ctx(phase=Phase.BUILD), steady).tempo == "3-0-1-0"


def test_calf_raises_are_slow_both_ways_by_default_and_as_the_rules_say() -> None:
    calf = library().get("standing_calf_raise")
    assert prescribe(calf, Role.CALF, ctx(), Rules()).tempo == "3-0-3-0"
    rules = Rules(calf_lowering_seconds=4, calf_lifting_seconds=2)
    assert prescribe(calf, Role.CALF, ctx(), rules).tempo == "4-0-2-0"


def test_a_beginners_first_weeks_note_says_the_sets_the_rule_allows() -> None:
    lunge = library().get("reverse_lunge")
    first = ctx(Level.BEGINNER)._replace(reduced_volume=True)
    for sets in (1, 2):
        rules = Rules(beginner_reduced_volume_sets=sets, accessory_sets_light=3)
        got = prescribe(lunge, Role.SECONDARY, first, rules)
        assert got.sets == sets
        assert got.notes[0].rule is RuleId.REDUCED_VOLUME
        assert got.notes[0].get("sets") == sets


def test_plyometric_reps_and_sets_follow_the_drills_intensity() -> None:
    pogo = library().get("pogo_hops")
    rules = Rules(plyo_reps_low_intensity=10, plyo_max_sets=3, plyo_rest_seconds=120)
    got = prescribe(pogo, Role.PLYOMETRIC, ctx(), rules)
    assert pogo.plyometric is not None
    assert got.dose == Contacts(10 * pogo.plyometric.contacts_per_rep)
    assert got.sets == 3  # 80 contacts would ask for 8
    assert got.rest_s == 120


def test_the_gym_athletes_main_lift_follows_the_known_max_weight() -> None:
    """With no weight for a known max, a gym athlete's main lift need not be that lift."""
    from builders import make_athlete

    athlete = make_athlete(level="intermediate", equipment=GYM, maxes={"front_squat": 90.0})
    profile = make_profile(athlete)
    start = START
    main = [
        p.slug
        for s in generate_plan(profile, library(), start=start, weeks=1).sessions
        for p in s.exercises
        if p.role is Role.MAIN
    ]
    assert "front_squat" in main
    flat = replace(profile, rules=Rules(score_main_known_max_points=0.0))
    main = [
        p.slug
        for s in generate_plan(flat, library(), start=start, weeks=1).sessions
        for p in s.exercises
        if p.role is Role.MAIN
    ]
    assert "front_squat" not in main


def test_a_deload_of_an_accessory_keeps_its_reps() -> None:
    lunge = make_prescription("reverse_lunge", sets=3, dose=Reps(10, ByRir(2)))
    assert deloaded(lunge, Rules()).dose == Reps(10, ByRir(2 + Rules().deload_rir_add))


def test_a_deload_reads_a_lighter_percent_at_the_added_reserve() -> None:
    """5 reps at RIR 2 is 83% 1RM (a 7RM load); RIR 4 in the deload makes it a 9RM load, 77%."""
    squat = make_prescription("back_squat", dose=Reps(5, ByPercent(83, 2)))
    assert deloaded(squat, Rules()).dose == Reps(5, ByPercent(77, 4))


def test_a_deload_past_the_percent_table_keeps_the_reserve_alone() -> None:
    """10 reps at RIR 1 is 72% 1RM (11RM); at RIR 3 it would be a 13RM load, past the table's
    last row (12RM), so the deload gives reps in reserve without a %1RM."""
    squat = make_prescription("back_squat", dose=Reps(10, ByPercent(72, 1)))
    assert deloaded(squat, Rules()).dose == Reps(10, ByRir(3))


def test_holds_and_contacts_carry_no_effort_to_deload() -> None:
    for dose in (Hold(30), Contacts(20)):
        p = deloaded(make_prescription("plank", sets=4, dose=dose), Rules())
        assert (p.sets, p.dose, p.effort) == (2, dose, None)


def test_every_number_a_profile_may_set_has_an_upper_limit() -> None:
    """No override can ask the engine for unbounded work (a million accessory sets took 20 GB):
    every rule but the on/off ones has a `most`, and its default is within its limits."""
    from dataclasses import fields

    from runstrong.domain.rules import Rules

    unbounded = [
        f.name
        for f in fields(Rules)
        if getattr(f.type, "__name__", f.type) != "bool" and f.metadata["most"] is None
    ]
    assert unbounded == []
    defaults = Rules()
    for f in fields(Rules):
        most = f.metadata["most"]
        if most is not None:
            assert f.metadata["least"] <= getattr(defaults, f.name) <= most, f.name
