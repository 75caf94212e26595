"""Light kit in the plan (science.md §2.8): a lift the kit cannot load gives way to a harder
variant, else its dose changes; a kit that is enough changes nothing.

Numbers by hand, for an intermediate runner of 64 kg without known maxes: a two-legged squat or
hinge is estimated at 0.75 × 64 = 48 kg, a single-leg one at 35 % of that, 16.8 kg. With one rep
of slack, 5 reps at RIR 2 need the 8RM load (80 %), 8 reps at RIR 2 the 11RM load (72 %):
two-legged 38.4 and 34.6 kg, single-leg 13.4 and 12.1 kg.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from builders import GYM, HOME, library, make_athlete, make_profile, with_rule
from runstrong.domain.athlete import Athlete
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Equipment
from runstrong.domain.light_kit import KitCheck
from runstrong.domain.messages import Reason, RuleId
from runstrong.domain.plan import ByRir, Phase, Plan, Prescription, Reps, Role
from runstrong.domain.prescription import Context
from runstrong.domain.rules import Rules
from runstrong.domain.selection import Chooser
from runstrong.profile import load_profile

START = date(2026, 12, 7)
RULES = Rules()
KETTLEBELLS_AND_BANDS = frozenset({Equipment.KETTLEBELL, Equipment.RESISTANCE_BAND})
# The base block's three weeks for an intermediate: 3 × 8, 3 × 6, 4 × 5, all at RIR 2.
BASE_BLOCK = tuple(Context(make_athlete().level, Phase.BASE, w, False, 0, False) for w in range(3))
# The notes that say the kit is too light for a dose (load_ceiling.shortfall).
SHORTFALL = frozenset({RuleId.HEAVIER_VARIANT, RuleId.LIGHT_MORE_REPS, RuleId.LIGHT_SLOW_TEMPO})


def kit_check(athlete: Athlete) -> KitCheck:
    chooser = Chooser(
        library(),
        athlete.level,
        athlete.equipment.available,
        athlete.niggles,
        frozenset(athlete.one_rep_max_kg),
        RULES,
    )
    return KitCheck(athlete, chooser, RULES)


def heavier(
    athlete: Athlete, slug: str, used: frozenset[str] = frozenset()
) -> tuple[str, tuple[Reason, ...]]:
    ex, notes = kit_check(athlete).heavier(library().get(slug), Role.MAIN, BASE_BLOCK, used)
    return ex.slug, notes


def mains(plan: Plan) -> list[Prescription]:
    return [p for s in plan.sessions for p in s.exercises if p.role is Role.MAIN]


# -- the harder variant -----------------------------------------------------------------------


def test_a_two_legged_rdl_the_bells_cannot_load_becomes_a_single_leg_rdl() -> None:
    # 20 kg < 38.4 kg two-legged; 20 kg >= 13.4 kg single-leg
    athlete = make_athlete(equipment=KETTLEBELLS_AND_BANDS, kettlebell_kgs=(12.0, 16.0, 20.0))
    slug, notes = heavier(athlete, "dumbbell_romanian_deadlift")
    assert slug == "single_leg_romanian_deadlift"
    [note] = notes
    assert note.rule is RuleId.HEAVIER_VARIANT
    assert note.get("replaced") == "Kettlebell Romanian deadlift"
    assert note.get("how") == "heaviest_sets"
    too_light = {"kit": "kettlebell", "held": 1, "kit_kg": 20.0, "reps": 5, "rir": 2}
    assert {k: note.get(k) for k in too_light} == too_light


def test_a_kit_that_is_enough_keeps_the_lift() -> None:
    # a pair of 24 kg bells: 48 kg >= 38.4 kg
    athlete = make_athlete(equipment=KETTLEBELLS_AND_BANDS, kettlebell_kgs=(16.0, 24.0, 24.0, 32.0))
    assert heavier(athlete, "dumbbell_romanian_deadlift") == ("dumbbell_romanian_deadlift", ())


def test_single_leg_squats_come_highest_rung_first_and_skip_what_the_week_uses() -> None:
    athlete = make_athlete(equipment=HOME, dumbbell_max_kg=10.0)  # a goblet squat at 10 kg
    assert heavier(athlete, "goblet_squat")[0] == "bulgarian_split_squat"  # 2 rungs below it
    used = frozenset({"bulgarian_split_squat"})
    # no box at home, so no step-up: the split squat, one rung up its ladder
    assert heavier(athlete, "goblet_squat", used)[0] == "dumbbell_split_squat"


def test_a_variant_that_needs_care_with_a_niggle_is_not_taken() -> None:
    athlete = make_athlete(
        equipment=KETTLEBELLS_AND_BANDS,
        kettlebell_kgs=(12.0, 16.0, 20.0),
        niggles=(("hamstring", "moderate"),),  # the single-leg RDL is fine only with a mild one
    )
    assert heavier(athlete, "dumbbell_romanian_deadlift")[0] == "dumbbell_romanian_deadlift"


def test_with_no_variant_in_reach_the_nearest_one_is_taken() -> None:
    # 2 × 10 kg is 52 % of the 38.4 kg a two-legged RDL needs; one 10 kg dumbbell is 75 % of
    # the 13.4 kg a single-leg RDL needs: nearer, though still short
    athlete = make_athlete(equipment=HOME, dumbbell_max_kg=10.0)
    slug, notes = heavier(athlete, "dumbbell_romanian_deadlift")
    assert slug == "single_leg_romanian_deadlift"
    replaced = "Dumbbell Romanian deadlift"
    assert with_rule(notes, RuleId.HEAVIER_VARIANT, replaced=replaced, how="loads_less_well")


def test_a_rung_of_the_ladder_comes_before_a_single_leg_lift() -> None:
    # dumbbell hip thrust -> barbell hip thrust (no barbell) -> single-leg hip thrust (body
    # weight, on the ladder, so within reach); there is no loaded single-leg hip thrust
    athlete = make_athlete(equipment=HOME, dumbbell_max_kg=10.0)
    assert heavier(athlete, "dumbbell_hip_thrust")[0] == "single_leg_hip_thrust"


# -- in the plan: the new-user trial ----------------------------------------------------------

TRIAL = """
schema_version = 1

[athlete]
name = "Trial runner"
strength_level = "intermediate"
body_mass_kg = 64.0

[equipment]
items = ["kettlebell", "resistance_band"]
kettlebell_kg = {bells}

[availability]
strength_days = ["tue", "thu"]
session_minutes = 45

[running]
week = [
  {{ day = "tue", type = "intervals", minutes = 60, time = "07:00" }},
  {{ day = "thu", type = "tempo", minutes = 50, time = "07:00" }},
  {{ day = "sun", type = "long", minutes = 100, time = "08:00" }},
]

[plan]
start = 2026-12-07
weeks = 12
"""


def trial_plan(tmp_path: Path, bells: list[float]) -> Plan:
    path = tmp_path / "trial.toml"
    path.write_text(TRIAL.format(bells=bells), "utf-8")
    return generate_plan(load_profile(path, library()), library())


def test_the_trial_runner_with_light_bells_gets_no_two_legged_kettlebell_rdl(
    tmp_path: Path,
) -> None:
    """The new-user trial: 64 kg, intermediate, kettlebells of 12, 16 and 20 kg and bands were
    given "Kettlebell Romanian deadlift 4 × 5 @ RIR 2". Now the hinge is a single-leg RDL with
    the 20 kg bell, and it says why."""
    plan = trial_plan(tmp_path, [12, 16, 20])
    hinge = [p for p in mains(plan) if p.slug == "dumbbell_romanian_deadlift"]
    assert hinge == []
    single = [p for p in mains(plan) if p.slug == "single_leg_romanian_deadlift"]
    assert any(p.dose == Reps(5, ByRir(2)) for p in single)
    replaced = "Kettlebell Romanian deadlift"
    swapped = [p for p in single if with_rule(p.notes, RuleId.HEAVIER_VARIANT, replaced=replaced)]
    assert swapped
    too_light = {"kit": "kettlebell", "held": 1, "kit_kg": 20.0, "reps": 5}
    assert all(
        with_rule(p.notes, RuleId.HEAVIER_VARIANT, replaced=replaced, **too_light) for p in swapped
    )
    # and the goblet squat with 20 kg (needs 38.4 kg) gives way to a loaded split squat
    assert not any(p.slug == "goblet_squat" for p in mains(plan))
    assert any(
        p.slug == "dumbbell_split_squat" and p.name == "Weighted split squat" for p in mains(plan)
    )


def test_the_same_runner_with_heavy_bells_keeps_the_kettlebell_rdl_4_x_5(tmp_path: Path) -> None:
    plan = trial_plan(tmp_path, [16, 24, 32, 32])  # a pair of 32s: 64 kg >= 38.4 kg
    rdl = [p for p in mains(plan) if p.slug == "dumbbell_romanian_deadlift"]
    assert any((p.sets, p.dose) == (4, Reps(5, ByRir(2))) for p in rdl)
    assert rdl[0].name == "Kettlebell Romanian deadlift"
    assert not any(n.rule in SHORTFALL for p in rdl for n in p.notes)


def test_a_known_max_for_the_lift_decides_instead_of_the_estimate() -> None:
    # goblet squat known at 40 kg, dumbbells to 24 kg: 5 reps at RIR 2 need 40 × 80 % = 32 kg
    # within the slack; a lighter runner's max of 28 kg needs 22.4 kg, which 24 kg reaches
    def goblet_mains(max_kg: float) -> set[str]:
        athlete = make_athlete(equipment=HOME, dumbbell_max_kg=24.0, maxes={"goblet_squat": max_kg})
        plan = generate_plan(make_profile(athlete), library(), start=START, weeks=4)
        return {p.slug for p in mains(plan)}

    assert "goblet_squat" not in goblet_mains(40.0)
    assert "goblet_squat" in goblet_mains(28.0)


def test_a_lift_no_variant_can_load_gets_12_slow_reps_and_says_the_set_stays_light() -> None:
    # dumbbells to 10 kg: the hinge is a single-leg RDL, the nearest, and 10 kg is 60 % of its
    # 16.8 kg estimate: more than 12 reps, so 12 reps at 4 s down, 1 s pause
    athlete = make_athlete(equipment=HOME, dumbbell_max_kg=10.0)
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=3)
    hinge = [p for p in mains(plan) if p.slug == "single_leg_romanian_deadlift"]
    assert hinge
    assert all((p.dose, p.tempo) == (Reps(12, ByRir(2)), "4-1-1-0") for p in hinge)
    slow = {"new_reps": 12, "lowering_s": 4, "pause_s": 1, "rir": 2}
    assert all(with_rule(p.notes, RuleId.LIGHT_SLOW_TEMPO, **slow) for p in hinge)


def test_dumbbells_without_a_heaviest_weight_are_assumed_by_level_and_the_plan_asks() -> None:
    # the same home kit with dumbbells of no stated weight: planned as an intermediate's assumed
    # 15 kg (assumed_dumbbell_max_kg_intermediate), exactly as if the profile said 15 kg
    unknown = generate_plan(make_profile(make_athlete(equipment=HOME)), library(), start=START)
    stated = make_athlete(equipment=HOME, dumbbell_max_kg=15.0)
    assert unknown.weeks == generate_plan(make_profile(stated), library(), start=START).weeks
    assert with_rule(unknown.warnings, RuleId.KIT_ASSUMED, kit="dumbbell", kg=15.0)
    # 15 kg is short of the goblet squat's 38 kg (see the top): a single-leg squat instead
    assert "goblet_squat" not in {p.slug for p in mains(unknown)}


def test_a_kettlebell_without_its_weight_is_assumed_by_level_and_the_plan_asks() -> None:
    # the case: a goblet squat 3 x 4 @ RIR 2 with a bell of unknown weight. Now a
    # beginner's bell is taken as 8 kg, an advanced lifter's as 16 kg, and the plan says so
    for level, kg in (("beginner", 8.0), ("advanced", 16.0)):
        athlete = make_athlete(level=level, equipment=KETTLEBELLS_AND_BANDS)
        plan = generate_plan(make_profile(athlete), library(), start=START, weeks=4)
        assert with_rule(plan.warnings, RuleId.KIT_ASSUMED, kit="kettlebell", kg=kg)
        stated = make_athlete(level=level, equipment=KETTLEBELLS_AND_BANDS, kettlebell_kgs=(kg,))
        again = generate_plan(make_profile(stated), library(), start=START, weeks=4)
        assert plan.weeks == again.weeks
        assert not with_rule(again.warnings, RuleId.KIT_ASSUMED)


def test_a_ladder_is_walked_rung_by_rung_either_way() -> None:
    lib = library()
    up = lib.ladder(lib.get("split_squat"), "progression", 3)
    assert [ex.slug for ex in up] == [
        "dumbbell_split_squat",
        "bulgarian_split_squat",
        "barbell_bulgarian_split_squat",
    ]
    down = lib.ladder(lib.get("bulgarian_split_squat"), "regression", 3)
    assert [ex.slug for ex in down] == ["bodyweight_bulgarian_split_squat", "split_squat"]
    assert [ex.slug for ex in lib.ladder(lib.get("split_squat"), "progression", 1)] == [
        "dumbbell_split_squat"
    ]


def test_a_max_of_a_lift_dosed_by_rir_is_said_to_check_the_kit_only_where_it_can() -> None:
    def warnings(**kit: float) -> tuple[Reason, ...]:
        athlete = make_athlete(equipment=HOME, maxes={"goblet_squat": 40.0}, **kit)  # type: ignore[arg-type]
        return generate_plan(make_profile(athlete), library(), start=START, weeks=1).warnings

    goblet = "Goblet squat"
    # 24 kg is too light for the goblet squat's sets: a harder variant takes its place
    light = warnings(dumbbell_max_kg=24.0)
    assert with_rule(light, RuleId.MAX_CHECKS_KIT, exercise=goblet, in_plan=0)
    # 40 kg is enough: the goblet squat stays, checked
    enough = warnings(dumbbell_max_kg=40.0)
    assert with_rule(enough, RuleId.MAX_CHECKS_KIT, exercise=goblet, in_plan=1)
    # dumbbells of no stated weight: checked against the assumed 15 kg, too light as well
    unknown = warnings()
    assert with_rule(unknown, RuleId.MAX_CHECKS_KIT, exercise=goblet, in_plan=0)


def test_a_max_for_a_lift_the_plan_does_not_choose_says_so() -> None:
    """A gym runner with back- and front-squat maxes: one block has one main squat, the back
    squat; the front squat's max goes unused, and the plan says so."""
    maxes = {"back_squat": 100.0, "front_squat": 90.0}
    athlete = make_athlete(equipment=GYM, maxes=maxes)
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=4)
    slugs = {p.slug for s in plan.sessions for p in s.exercises}
    assert "back_squat" in slugs
    assert "front_squat" not in slugs
    assert with_rule(plan.warnings, RuleId.MAX_UNUSED_NOT_IN_PLAN, exercise="Front squat")
    assert not any(w.get("exercise") == "Back squat" for w in plan.warnings)
