"""Light kit (science.md §2.8): the heaviest load a kit allows, what a dose needs, and the dose
for a kit too light for it. Every expected number is worked by hand in the comment beside it,
from the NSCA table (§2.2: 7RM = 83 %, 8RM = 80 %, 10RM = 75 %, 11RM = 72 %, 12RM = 70 %) and
the default rules (intermediate estimate 0.75 kg per kg of body mass, single-leg 35 %, one rep of
slack)."""

from __future__ import annotations

import pytest

from builders import GYM, HOME, library, make_athlete, with_rule
from runstrong.domain.athlete import Athlete
from runstrong.domain.exercise import Equipment
from runstrong.domain.load_ceiling import (
    Kit,
    LoadLimit,
    ceiling,
    estimated_1rm,
    light_dose,
    load_limit,
    needed_kg,
    shortfall,
    shortfall_citations,
    within_reach,
)
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import ByRir, Phase, Reps, Role
from runstrong.domain.prescription import Context, prescribe
from runstrong.domain.rules import Rules

RULES = Rules()
KETTLEBELLS = frozenset({Equipment.KETTLEBELL, Equipment.RESISTANCE_BAND})


def kb_athlete(*bells: float, **kw: object) -> Athlete:
    return make_athlete(equipment=KETTLEBELLS, kettlebell_kgs=bells, **kw)  # type: ignore[arg-type]


def limit(ceiling_kg: float, one_rm_kg: float, known: bool = False) -> LoadLimit:
    return LoadLimit(ceiling_kg, Kit("dumbbell", 1, ceiling_kg), one_rm_kg, known)


# -- the heaviest load the kit allows ---------------------------------------------------------


def test_a_kettlebell_rdl_with_a_weight_in_each_hand_needs_a_pair_of_one_weight() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")  # weights_held = 2
    assert ceiling(rdl, kb_athlete(12, 16, 20).equipment) == (
        20,
        Kit("kettlebell", 1, 20),  # 12, 16, 20: no pair, so one bell
    )
    assert ceiling(rdl, kb_athlete(16, 24, 24, 32).equipment) == (
        48,
        Kit("kettlebell", 2, 24),  # 2 × 24 beats the single 32
    )


def test_a_goblet_squat_holds_one_weight() -> None:
    goblet = library().get("goblet_squat")
    assert ceiling(goblet, kb_athlete(16, 24, 24, 32).equipment) == (
        32,
        Kit("kettlebell", 1, 32),
    )
    assert ceiling(goblet, make_athlete(dumbbell_max_kg=30.0).equipment) == (
        30,
        Kit("dumbbell", 1, 30),
    )


def test_dumbbells_count_twice_for_a_weight_in_each_hand() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    assert ceiling(rdl, make_athlete(dumbbell_max_kg=30.0).equipment) == (
        60,
        Kit("dumbbell", 2, 30),
    )


def test_with_dumbbells_and_kettlebells_the_heavier_counts() -> None:
    goblet = library().get("goblet_squat")
    kit = make_athlete(
        equipment=HOME | {Equipment.KETTLEBELL}, dumbbell_max_kg=24.0, kettlebell_kgs=(32.0,)
    ).equipment
    assert ceiling(goblet, kit) == (32, Kit("kettlebell", 1, 32))


def test_a_barbell_counts_its_heaviest_load_and_without_one_is_not_judged() -> None:
    squat = library().get("back_squat")
    assert ceiling(squat, make_athlete(equipment=GYM, barbell_max_kg=60.0).equipment) == (
        60,
        Kit("barbell", 1, 60),
    )
    assert ceiling(squat, make_athlete(equipment=GYM).equipment) is None


@pytest.mark.parametrize(
    ("slug", "athlete"),
    [
        ("goblet_squat", make_athlete(equipment=HOME)),  # dumbbells, heaviest not given
        ("goblet_squat", kb_athlete()),  # kettlebells, none listed
        ("cable_pull_through", make_athlete(equipment=GYM)),  # a cable stack: not in the profile
        ("band_romanian_deadlift", kb_athlete(12)),  # a band: no kilograms
        ("bodyweight_squat", kb_athlete(12)),  # body weight
        ("weighted_single_leg_calf_raise", kb_athlete(12)),  # calves: not a judged pattern
        ("dumbbell_bench_press", make_athlete(dumbbell_max_kg=4.0)),  # upper body: not judged
    ],
)
def test_what_is_not_judged_has_no_limit(slug: str, athlete: Athlete) -> None:
    assert load_limit(library().get(slug), athlete, RULES) is None


# -- the athlete's 1RM ------------------------------------------------------------------------


def test_the_estimate_comes_from_body_mass_and_level() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    single = library().get("single_leg_romanian_deadlift")
    inter = kb_athlete(20, body_mass_kg=64.0)
    assert estimated_1rm(rdl, inter, RULES) == pytest.approx(48.0)  # 0.75 × 64
    assert estimated_1rm(single, inter, RULES) == pytest.approx(16.8)  # 35 % of 48
    beginner = kb_athlete(20, body_mass_kg=64.0, level="beginner")
    advanced = kb_athlete(20, body_mass_kg=64.0, level="advanced")
    assert estimated_1rm(rdl, beginner, RULES) == pytest.approx(32.0)  # 0.5 × 64
    assert estimated_1rm(rdl, advanced, RULES) == pytest.approx(64.0)  # 1.0 × 64
    # no body mass: the stated default, 60 kg (est_default_body_mass_kg): 0.75 × 60
    assert estimated_1rm(rdl, kb_athlete(20, body_mass_kg=None), RULES) == pytest.approx(45.0)


def test_the_estimate_is_a_rule_a_profile_can_change() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    rules = Rules(est_bilateral_1rm_per_kg_intermediate=1.25)
    assert estimated_1rm(rdl, kb_athlete(20, body_mass_kg=64.0), rules) == pytest.approx(80.0)


def test_a_known_max_for_that_exercise_beats_the_estimate() -> None:
    goblet = library().get("goblet_squat")
    athlete = make_athlete(dumbbell_max_kg=24.0, maxes={"goblet_squat": 40.0})
    assert load_limit(goblet, athlete, RULES) == LoadLimit(24, Kit("dumbbell", 1, 24), 40.0, True)


def test_a_known_max_of_another_exercise_is_not_converted() -> None:
    goblet = library().get("goblet_squat")
    athlete = make_athlete(dumbbell_max_kg=24.0, maxes={"back_squat": 100.0}, body_mass_kg=60.0)
    found = load_limit(goblet, athlete, RULES)
    assert found is not None
    assert (found.one_rm_kg, found.known_max) == (45.0, False)  # 0.75 × 60, not the squat


# -- within reach -----------------------------------------------------------------------------


def test_the_kettlebell_example_cannot_reach_five_reps_at_rir_2() -> None:
    """An intermediate runner of 64 kg with kettlebells of 12, 16 and 20 kg: a two-handed RDL
    at 5 reps, RIR 2 needs 48 × 80 % = 38.4 kg within the slack (8RM), and 20 kg is far below."""
    rdl = library().get("dumbbell_romanian_deadlift")
    light = load_limit(rdl, kb_athlete(12, 16, 20, body_mass_kg=64.0), RULES)
    assert light is not None
    assert needed_kg(light, 5, 2, RULES) == pytest.approx(38.4)
    assert not within_reach(light, 5, 2, RULES)
    heavy = load_limit(rdl, kb_athlete(16, 24, 24, 32, body_mass_kg=64.0), RULES)
    assert within_reach(heavy, 5, 2, RULES)  # 2 × 24 = 48 kg


def test_the_slack_is_one_rep_of_reserve() -> None:
    assert within_reach(limit(38.4, 48.0), 5, 2, RULES)  # exactly the 8RM load
    assert not within_reach(limit(38.3, 48.0), 5, 2, RULES)
    # without slack the dose needs the 7RM load, 48 × 83 % = 39.84 kg
    strict = Rules(load_rir_slack_reps=0)
    assert not within_reach(limit(38.4, 48.0), 5, 2, strict)
    assert within_reach(limit(39.84, 48.0), 5, 2, strict)


def test_doses_past_the_table_are_not_judged() -> None:
    assert needed_kg(limit(1, 48.0), 12, 3, RULES) is None  # 16RM: past the 12RM row
    assert within_reach(limit(1, 48.0), 12, 3, RULES)
    assert within_reach(None, 5, 2, RULES)


def test_the_shortfall_names_the_kit_the_dose_and_the_load_it_needs() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    light = load_limit(rdl, kb_athlete(12, 16, 20, body_mass_kg=64.0), RULES)
    assert light is not None
    assert dict(shortfall(light, 5, 2)) == {
        "kit": "kettlebell",
        "held": 1,
        "kit_kg": 20,
        "reps": 5,
        "rir": 2,
        "need_kg": 40,  # 48 × 83 % = 39.8 kg
        "percent": 0,  # no known max: by our estimate for the body mass and level
        "max_kg": 0,
    }
    assert shortfall_citations(light) == ("runstrong_heuristic",)
    known = LoadLimit(24, Kit("dumbbell", 1, 24), 40.0, True)
    assert dict(shortfall(known, 5, 2)) == {
        "kit": "dumbbell",
        "held": 1,
        "kit_kg": 24,
        "reps": 5,
        "rir": 2,
        "need_kg": 33,  # 40 × 83 % = 33.2 kg
        "percent": 83,
        "max_kg": 40,
    }
    assert shortfall_citations(known) == ("nsca2016",)


# -- the dose for a light kit -----------------------------------------------------------------


def test_within_reach_the_dose_stays() -> None:
    assert light_dose(limit(40, 48.0), 5, 2, RULES) is None


def test_a_light_load_gets_the_reps_it_allows_at_the_rir() -> None:
    # 30 kg of a 40 kg max is 75 %: 10 reps possible (10RM), so 8 reps leave 2 in reserve
    got = light_dose(limit(30, 40.0, known=True), 5, 2, RULES)
    assert got is not None
    assert (got.reps, got.tempo) == (8, None)
    assert got.note.rule is RuleId.LIGHT_MORE_REPS
    assert (got.note.get("new_reps"), got.note.get("rir")) == (8, 2)


def test_too_light_even_at_12_reps_slows_the_tempo_and_says_the_set_stays_light() -> None:
    # 20 kg of 48 kg is 42 %: past the 12RM row (70 %), so 12 reps, 4 s down, 1 s pause
    got = light_dose(limit(20, 48.0), 5, 2, RULES)
    assert got is not None
    assert (got.reps, got.tempo) == (12, "4-1-1-0")
    assert with_rule([got.note], RuleId.LIGHT_SLOW_TEMPO, new_reps=12, lowering_s=4, pause_s=1)


def test_more_reps_than_the_cap_allows_slows_the_tempo_instead() -> None:
    # 10RM load, RIR 2: 8 reps would do, but the cap is 6
    rules = Rules(light_load_max_reps=6, light_load_lowering_seconds=5)
    got = light_dose(limit(30, 40.0), 5, 2, rules)
    assert got is not None
    assert (got.reps, got.tempo) == (6, "5-1-1-0")


def test_a_cap_below_the_dose_never_cuts_its_reps() -> None:
    got = light_dose(limit(20, 48.0), 8, 2, Rules(light_load_max_reps=5))
    assert got is not None
    assert got.reps == 8


# -- prescribe with a kit's limit -------------------------------------------------------------


def base_week(week: int) -> Context:
    return Context(level=make_athlete().level, phase=Phase.BASE, week_in_block=week,
                   reduced_volume=False, plyo_contacts=0, activation=False)  # fmt: skip


def test_prescribe_turns_a_dose_the_kit_cannot_load_into_a_light_one() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    light = load_limit(rdl, kb_athlete(12, 16, 20, body_mass_kg=64.0), RULES)
    plain = prescribe(rdl, Role.MAIN, base_week(2), RULES)
    assert (plain.sets, plain.dose) == (4, Reps(5, ByRir(2)))  # the intermediate's third week
    got = prescribe(rdl, Role.MAIN, base_week(2), RULES, limit=light)
    assert (got.sets, got.dose, got.tempo) == (4, Reps(12, ByRir(2)), "4-1-1-0")
    assert with_rule(got.notes, RuleId.LIGHT_SLOW_TEMPO, kit_kg=20, reps=5, rir=2)
    assert {"nsca2016", "hackett2017"} <= set(got.citations)


def test_prescribe_leaves_a_dose_the_kit_can_load_alone() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    heavy = load_limit(rdl, kb_athlete(16, 24, 24, 32, body_mass_kg=64.0), RULES)
    assert prescribe(rdl, Role.MAIN, base_week(2), RULES, limit=heavy) == prescribe(
        rdl, Role.MAIN, base_week(2), RULES
    )
