"""Dose by place (day_fit.py): a session made moderate on the legs for its day, dose by dose.

Expected doses are worked out by hand from issue 14's line (no lower-body set at >= 80% 1RM or of
<= 5 reps at RIR <= 3, no moderate or high plyometrics) and the default moderate dose (>= 8 reps,
>= 3 in reserve, a set fewer but not below two, rests of at most 120 s); %1RM from the NSCA table
at reps + RIR (science.md §2.2: 11RM = 72%, 8RM = 80%)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from builders import EXAMPLES, library, make_prescription, with_rule
from runstrong.domain import day_fit
from runstrong.domain.athlete import Athlete, Weekday
from runstrong.domain.drafts import Draft
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Phase, Reps, Role, Session, Week
from runstrong.domain.prescription import Context
from runstrong.domain.rules import Rules
from runstrong.domain.templates import A
from runstrong.profile import load_profile

RULES = Rules()


def test_a_heavy_main_lift_gets_eight_reps_three_in_reserve_a_set_fewer_and_shorter_rests() -> None:
    squat = make_prescription("back_squat", sets=4, dose=Reps(5, ByPercent(87, 2)), rest_s=180)
    got = day_fit.moderated_dose(squat, None, RULES)
    assert (got.sets, got.dose, got.rest_s) == (3, Reps(8, ByPercent(72, 3)), 120)
    assert with_rule(got.notes, RuleId.MODERATED_DOSE, was_sets=4, was_reps=5, was_rir=2)


def test_a_lift_that_allows_few_reps_stays_short_and_moves_further_from_failure() -> None:
    """Nordic curls hold at most 5 reps: 5 reps at RIR 4 is not heavy by the line."""
    nordic = make_prescription(
        "nordic_hamstring_curl", role=Role.POSTERIOR, sets=3, dose=Reps(4, ByRir(2))
    )
    got = day_fit.moderated_dose(nordic, 5, RULES)
    assert (got.sets, got.dose) == (2, Reps(5, ByRir(4)))


def test_lighter_single_leg_work_keeps_its_reps_one_more_in_reserve_and_a_set_fewer() -> None:
    split = make_prescription(
        "bulgarian_split_squat", role=Role.SECONDARY, sets=3, dose=Reps(8, ByRir(2)), rest_s=90
    )
    got = day_fit.moderated_dose(split, None, RULES)
    assert (got.sets, got.dose, got.rest_s) == (2, Reps(8, ByRir(3)), 90)


def test_holds_and_two_set_work_already_moderate_are_left_as_they_are() -> None:
    hold = make_prescription("side_plank", role=Role.TRUNK, sets=2, dose=Hold(30))
    assert day_fit.moderated_dose(hold, None, RULES) is hold
    easy = make_prescription("glute_bridge", role=Role.HIP, sets=2, dose=Reps(12, ByRir(3)))
    assert day_fit.moderated_dose(easy, None, RULES) is easy


def test_a_heavy_set_is_80_percent_or_five_reps_or_fewer_at_three_in_reserve_or_fewer() -> None:
    def heavy(dose: Reps) -> bool:
        return day_fit.is_heavy_set(make_prescription("back_squat", dose=dose), RULES)

    assert heavy(Reps(6, ByPercent(80, 2)))
    assert not heavy(Reps(8, ByPercent(75, 2)))
    assert heavy(Reps(5, ByRir(3)))
    assert not heavy(Reps(5, ByRir(4)))
    assert not heavy(Reps(6, ByRir(1)))


def test_a_moderated_session_leaves_out_moderate_jumps_keeps_low_ones_and_the_upper_body() -> None:
    pogo = make_prescription("single_leg_pogo", role=Role.PLYOMETRIC, dose=Contacts(10))
    box = make_prescription("box_jump", role=Role.PLYOMETRIC, dose=Contacts(5))
    squat = make_prescription("back_squat", sets=4, dose=Reps(5, ByRir(2)), rest_s=180)
    chin = make_prescription("chin_up", role=Role.UPPER, sets=3, dose=Reps(8, ByRir(2)))
    draft = Draft(A, (pogo, box, squat, chin), (1, 1, 0, 7), ("p", "p", "k", "u"), ())
    got = day_fit.moderated(draft, library(), RULES)
    assert [p.slug for p in got.exercises] == ["box_jump", "back_squat", "chin_up"]
    assert (got.trim_ranks, got.coverage) == ((1, 0, 7), ("p", "k", "u"))
    assert not any(day_fit.is_hard_plyo(p.slug, library()) for p in got.exercises)
    assert got.exercises[0] is box
    assert got.exercises[2] is chin
    assert got.exercises[1].dose == Reps(8, ByRir(3))
    left_out = with_rule(got.notes, RuleId.HARD_PLYO_LEFT_OUT)
    assert [r.get("exercises") for r in left_out] == [(pogo.name,)]


def week_of(
    level: Level, phase: Phase, week: int, block_weeks: int = 3, loading_block: int = 0
) -> Context:
    """A week's dose context: its `week` (0-based) of a block of `block_weeks` loading weeks."""
    return Context(level, phase, week, False, 0, False, 0, loading_block, block_weeks)


def test_the_moderate_reps_run_from_eight_down_to_the_last_that_is_not_heavy() -> None:
    # at RIR 3: 8 reps = 11RM = 72%, 7 = 10RM = 75%, 6 = 9RM = 77%; 5 reps at RIR 3 is heavy
    assert day_fit.moderate_reps(RULES) == (8, 7, 6)
    rows = ((2, 8), (2, 7), (2, 6), (3, 7), (3, 6))
    assert day_fit.moderate_main_rows(Level.INTERMEDIATE, RULES) == rows
    # an advanced lifter's base starts at 4 sets: a set fewer, 3
    assert day_fit.moderate_main_rows(Level.ADVANCED, RULES)[0] == (3, 8)


def test_a_moderated_main_lift_climbs_its_own_table_week_by_week() -> None:
    squat = make_prescription("back_squat", sets=3, dose=Reps(6, ByPercent(80, 2)), rest_s=180)
    got = [
        day_fit.moderated_main(squat, None, week_of(Level.INTERMEDIATE, Phase.BASE, w), RULES)
        for w in range(3)
    ]
    assert [(p.sets, p.dose) for p in got if p] == [
        (2, Reps(8, ByPercent(72, 3))),
        (2, Reps(7, ByPercent(75, 3))),
        (2, Reps(6, ByPercent(77, 3))),
    ]
    last = got[2]
    assert last is not None
    assert last.rest_s == 120
    assert not day_fit.is_heavy_set(last, RULES)
    assert with_rule(last.notes, RuleId.PROGRESSION, scheme="moderate", step=3, steps=5)
    assert with_rule(last.notes, RuleId.MODERATED_DOSE, was_sets=3, was_reps=6, was_rir=2)


def test_a_later_block_starts_higher_and_past_the_table_a_set_more() -> None:
    squat = make_prescription("back_squat", sets=4, dose=Reps(5, ByRir(2)))
    second = week_of(Level.INTERMEDIATE, Phase.BUILD, 0, loading_block=1)
    got = day_fit.moderated_main(squat, None, second, RULES)
    assert got is not None
    assert (got.sets, got.dose) == (2, Reps(7, ByRir(3)))
    # a 7-week block on the 5-row table: week 7 is two past its last row (3 x 6), 5 sets
    long = week_of(Level.INTERMEDIATE, Phase.BASE, 6, block_weeks=7)
    got = day_fit.moderated_main(squat, None, long, RULES)
    assert got is not None
    assert (got.sets, got.dose) == (5, Reps(6, ByRir(3)))


def test_race_season_keeps_its_sets_at_the_heaviest_moderate_reps() -> None:
    squat = make_prescription("back_squat", sets=2, dose=Reps(5, ByPercent(85, 2)))
    got = day_fit.moderated_main(squat, None, week_of(Level.INTERMEDIATE, Phase.PEAK, 0), RULES)
    assert got is not None
    assert (got.sets, got.dose) == (2, Reps(6, ByPercent(77, 3)))


def test_a_beginner_wave_never_goes_heavy_so_it_is_only_moved_further_from_failure() -> None:
    squat = make_prescription("goblet_squat", sets=3, dose=Reps(10, ByRir(3)))
    third = week_of(Level.BEGINNER, Phase.BASE, 2)
    assert day_fit.moderated_main(squat, None, third, RULES) is None


# -- the build's explosive lift on a day for moderate legs (engine.py, day_fit.py) -------------


def build_weeks(name: str, athlete_change: Any = None) -> list[Week]:
    profile = load_profile(EXAMPLES / f"{name}.toml", library())
    if athlete_change is not None:
        profile = replace(profile, athlete=athlete_change(profile.athlete))
    plan = generate_plan(profile, library(), today=date(2026, 12, 7))
    return [w for w in plan.weeks if w.phase is Phase.BUILD]


def power(s: Session) -> list[str]:
    return [p.slug for p in s.exercises if p.role is Role.POWER]


def test_nia_s_loaded_jump_moves_from_her_moderated_wednesday_to_tuesday() -> None:
    """Nia lifts on Tuesday and Wednesday; Wednesday is the day before her tempo run, so the
    jump squat or swing of session B goes to Tuesday, and both days say so."""
    weeks = build_weeks("nia-ultra-tue-wed")
    assert [w for w in weeks if not w.deload]
    for week in weeks:
        tue, wed = week.sessions
        assert (tue.weekday, wed.weekday) == (Weekday.TUE, Weekday.WED)
        assert power(wed) == []
        if week.deload:  # a deload's Tuesday is not heavy either: no day takes it (no ball)
            assert with_rule(wed.reasons, RuleId.POWER_FOR_DAY, action="left_out")
            continue
        assert len(power(tue)) == 1
        assert with_rule(wed.reasons, RuleId.POWER_FOR_DAY, action="moved", day="tue")
        assert with_rule(tue.reasons, RuleId.POWER_FOR_DAY, action="received", day="wed")


def test_lee_s_one_day_leaves_the_loaded_jump_out_or_throws_a_ball_if_he_has_one() -> None:
    """Lee lifts only on Saturday, the day before his long run: no day takes the jump squat."""
    for week in build_weeks("lee-saturday-only"):
        (sat,) = week.sessions
        assert power(sat) == []
        left_out = with_rule(sat.reasons, RuleId.POWER_FOR_DAY, action="left_out")
        assert [r.get("exercise") for r in left_out] == ["Dumbbell jump squat"]

    def with_ball(athlete: Athlete) -> Athlete:
        items = athlete.equipment.items | {Equipment.MEDICINE_BALL}
        return replace(athlete, equipment=athlete.equipment._replace(items=items))

    # with a ball: a throw, in place of the jump squat where the block had drafted one
    weeks = build_weeks("lee-saturday-only", with_ball)
    assert all(power(w.sessions[0]) == ["medicine_ball_overhead_throw"] for w in weeks)
    swapped = [
        w.index
        for w in weeks
        if with_rule(
            w.sessions[0].reasons,
            RuleId.POWER_FOR_DAY,
            action="swapped",
            exercise="Dumbbell jump squat",
            instead="Medicine-ball overhead backward throw",
        )
    ]
    assert swapped
