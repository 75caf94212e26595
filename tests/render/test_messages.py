"""The message catalogue: words for every rule id. The only tests that read reason wording."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given

from builders import EXAMPLES, library
from domain.test_engine_properties import profiles
from render.test_message_words import SHORTFALL_ESTIMATED as SHORTFALL
from runstrong.domain.engine import generate_plan
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Plan
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.profile.loader import load_profile
from runstrong.render.messages import CATALOGUE, cited, run_text, text

# One reason of every rule id, with the parameters the engine gives it.
SAMPLES: dict[RuleId, Reason] = {
    RuleId.COACH_PINNED: reason(RuleId.COACH_PINNED, replaced="Back squat", changed=("sets",)),
    RuleId.SEVERE_NIGGLE: reason(RuleId.SEVERE_NIGGLE, site="knee"),
    RuleId.NOT_MEDICAL_ADVICE: reason(RuleId.NOT_MEDICAL_ADVICE),
    RuleId.MAX_CHECKS_KIT: reason(RuleId.MAX_CHECKS_KIT, exercise="Goblet squat", in_plan=0),
    RuleId.MAX_UNUSED_BY_RIR: reason(RuleId.MAX_UNUSED_BY_RIR, exercise="Hip thrust"),
    RuleId.MAX_UNUSED_KIT: reason(RuleId.MAX_UNUSED_KIT, exercise="Back squat"),
    RuleId.MAX_UNUSED_NOT_IN_PLAN: reason(RuleId.MAX_UNUSED_NOT_IN_PLAN, exercise="Deadlift"),
    RuleId.SHORT_CYCLE: reason(
        RuleId.SHORT_CYCLE,
        "balsalobre2016",
        race="Park 10k",
        race_date="2027-02-14",
        weeks=5,
        min_weeks=8,
        base=3,
        build=0,
        peak=1,
        taper=1,
    ),
    RuleId.RACE_IN_WEEK: reason(
        RuleId.RACE_IN_WEEK, race="Park 5k", distance="5k", race_date="2027-03-06", priority="C"
    ),
    RuleId.NO_STRENGTH_DAY: reason(RuleId.NO_STRENGTH_DAY),
    RuleId.NO_STRENGTH_DAY_RACE: reason(RuleId.NO_STRENGTH_DAY_RACE),
    RuleId.NO_STRENGTH_DAY_BEFORE_START: reason(
        RuleId.NO_STRENGTH_DAY_BEFORE_START, start_date="2026-12-13"
    ),
    RuleId.NO_STRENGTH_DAY_EXCEPTION: reason(RuleId.NO_STRENGTH_DAY_EXCEPTION),
    RuleId.SESSIONS_EXCEPTION: reason(RuleId.SESSIONS_EXCEPTION, count=1, planned=2),
    RuleId.DATED_CHANGE: reason(
        RuleId.DATED_CHANGE,
        kind="strength_only",
        first_date="2027-01-25",
        last_date="2027-01-31",
        label="Ski trip, hotel gym",
        days=("sat",),
    ),
    RuleId.FIRST_WEEK_RACE: reason(
        RuleId.FIRST_WEEK_RACE,
        "balsalobre2016",
        race="Park 10k",
        race_date="2027-01-06",
        min_weeks=8,
        days=5,
    ),
    RuleId.SESSIONS_LEFT_OUT: reason(RuleId.SESSIONS_LEFT_OUT, count=1, planned=2),
    RuleId.SESSIONS_BEFORE_START: reason(
        RuleId.SESSIONS_BEFORE_START, count=1, planned=2, start_date="2027-01-07"
    ),
    RuleId.SESSIONS_LIMITED: reason(RuleId.SESSIONS_LIMITED, count=1, planned=2),
    RuleId.CATEGORY_MISSING: reason(RuleId.CATEGORY_MISSING, categories=("upper", "trunk")),
    RuleId.STAND_IN: reason(RuleId.STAND_IN, light="activation"),
    RuleId.STAND_IN_ONLY: reason(RuleId.STAND_IN_ONLY, light="recovery"),
    RuleId.PHASE_WEEK: reason(
        RuleId.PHASE_WEEK,
        phase="base",
        week=2,
        session="A",
        title="Strength A",
        extras=("single_leg", "calf_straight_knee"),
    ),
    RuleId.DELOAD_WEEK: reason(RuleId.DELOAD_WEEK, "bell2022"),
    RuleId.TAPER_LAST_HEAVY: reason(RuleId.TAPER_LAST_HEAVY),
    RuleId.TAPER_ACTIVATION: reason(RuleId.TAPER_ACTIVATION),
    RuleId.ACTIVATION_STAND_IN: reason(RuleId.ACTIVATION_STAND_IN),
    RuleId.B_RACE_MINI_TAPER: reason(RuleId.B_RACE_MINI_TAPER, days=5),
    RuleId.RACE_RECOVERY: reason(RuleId.RACE_RECOVERY),
    RuleId.HARD_DAYS_HARD: reason(RuleId.HARD_DAYS_HARD, "foster1998"),
    RuleId.RECOVERY_DAY: reason(RuleId.RECOVERY_DAY),
    RuleId.EASY_DAY_NO_KEY_DAY_SUITS: reason(RuleId.EASY_DAY_NO_KEY_DAY_SUITS),
    RuleId.EASY_DAY_NO_KEY_DAY: reason(RuleId.EASY_DAY_NO_KEY_DAY),
    RuleId.LIGHT_ON_EASY_DAY: reason(RuleId.LIGHT_ON_EASY_DAY),
    RuleId.MOVED_AFTER_RUN: reason(RuleId.MOVED_AFTER_RUN, time="11:00", hours=3.0),
    RuleId.RUN_FIRST: reason(RuleId.RUN_FIRST, run="sat:long", run_time="19:00"),
    RuleId.TOO_SOON_AFTER_RUN: reason(
        RuleId.TOO_SOON_AFTER_RUN, min_hours=3.0, hours=1.5, run="tue:intervals"
    ),
    RuleId.SAME_SESSION_AFTER_RUN: reason(
        RuleId.SAME_SESSION_AFTER_RUN, "schumann2022", min_hours=3.0, run="thu:easy"
    ),
    RuleId.AFTER_RUN: reason(
        RuleId.AFTER_RUN, "doma2013", "schumann2022", hours=10.0, run="tue:intervals"
    ),
    RuleId.TAPER_TIMING: reason(RuleId.TAPER_TIMING, days=10, target=9),
    RuleId.DAY_BEFORE_KEY_RUN: reason(
        RuleId.DAY_BEFORE_KEY_RUN, load="heavy_legs", run="tue:intervals", add_day="tue"
    ),
    RuleId.KEY_RUN_BUFFER: reason(
        RuleId.KEY_RUN_BUFFER, load="hard_plyo", run="thu:tempo", hours=37, buffer_hours=48.0
    ),
    RuleId.MODERATE_NEAR_KEY_RUN: reason(
        RuleId.MODERATE_NEAR_KEY_RUN,
        tomorrow=("sun:long",),
        later=("race:Spring Marathon",),
        later_hours=("40",),
        buffer_hours=48.0,
    ),
    RuleId.NO_KEY_RUN_NEAR: reason(RuleId.NO_KEY_RUN_NEAR, buffer_hours=48.0),
    RuleId.HEAVY_LEGS_TOO_CLOSE: reason(RuleId.HEAVY_LEGS_TOO_CLOSE, min_hours=48.0, hours=24),
    RuleId.LEGS_MODERATED_KEY_RUN: reason(
        RuleId.LEGS_MODERATED_KEY_RUN, load="heavy_legs", run="sun:long", day="sun", add_day="sun"
    ),
    RuleId.LEGS_MODERATED_SPACING: reason(
        RuleId.LEGS_MODERATED_SPACING, day="tue", min_hours=48.0, hours=24
    ),
    RuleId.HARD_PLYO_LEFT_OUT: reason(RuleId.HARD_PLYO_LEFT_OUT, exercises=("Box jump",)),
    RuleId.POWER_FOR_DAY: reason(
        RuleId.POWER_FOR_DAY, action="moved", exercise="Jump squat", day="tue", instead=""
    ),
    RuleId.MISSED_MOVED: reason(
        RuleId.MISSED_MOVED,
        why="moved",
        from_date="2026-12-10",
        to_date="2026-12-12",
        asked_date="2026-12-11",
        after_date="2026-12-10",
    ),
    RuleId.MISSED_DROPPED: reason(
        RuleId.MISSED_DROPPED,
        why="skipped",
        title="Strength A",
        from_date="2026-12-08",
        after_date="2026-12-08",
    ),
    RuleId.MODERATED_DOSE: reason(RuleId.MODERATED_DOSE, was_sets=4, was_reps=5, was_rir=2),
    RuleId.PLYO_TOO_CLOSE: reason(RuleId.PLYO_TOO_CLOSE, min_hours=48.0, hours=24),
    RuleId.PLYO_LEFT_OUT_SPACING: reason(
        RuleId.PLYO_LEFT_OUT_SPACING, "nsca2016", day="tue", min_hours=48.0, hours=24
    ),
    RuleId.OVER_TIME: reason(RuleId.OVER_TIME, minutes=52, budget_minutes=30),
    RuleId.NO_PLYO_NIGGLE: reason(RuleId.NO_PLYO_NIGGLE),
    RuleId.NIGGLE_PATTERN_REMOVED: reason(
        RuleId.NIGGLE_PATTERN_REMOVED, niggle_sites=("knee",), pattern="knee_dominant"
    ),
    RuleId.NO_SINGLE_LEG: reason(RuleId.NO_SINGLE_LEG, niggle_sites=("knee",)),
    RuleId.CIRCUIT_TO_FIT: reason(RuleId.CIRCUIT_TO_FIT, budget_minutes=25, budget="yours"),
    RuleId.LEFT_OUT_TO_FIT: reason(
        RuleId.LEFT_OUT_TO_FIT, exercises=("Side plank",), budget_minutes=30, budget="yours"
    ),
    RuleId.SETS_CUT_TO_FIT: reason(
        RuleId.SETS_CUT_TO_FIT,
        sets=2,
        before=3,
        exercises=("Plank", "Side plank"),
        budget_minutes=30,
        budget="maintenance",
    ),
    RuleId.NIGGLE_SWAP: reason(RuleId.NIGGLE_SWAP, replaced="Box jump", niggle_sites=("achilles",)),
    RuleId.SINGLE_LEG_HIP: reason(RuleId.SINGLE_LEG_HIP, niggle_sites=()),
    RuleId.NIGGLE_CARE: reason(
        RuleId.NIGGLE_CARE,
        "silbernagel2007",
        site="knee",
        severity="mild",
        safe_pain=2,
        acceptable_pain=5,
    ),
    RuleId.NIGGLE_TENDON_LOADING: reason(
        RuleId.NIGGLE_TENDON_LOADING,
        "beyer2015",
        "bohm2015",
        "silbernagel2007",
        site="achilles",
        severity="mild",
        safe_pain=2,
        acceptable_pain=5,
    ),
    RuleId.NIGGLE_FEWER_CONTACTS: reason(
        RuleId.NIGGLE_FEWER_CONTACTS, niggle_sites=("achilles",), percent=50
    ),
    RuleId.HEAVIER_VARIANT: Reason(
        RuleId.HEAVIER_VARIANT,
        (
            ("replaced", "Kettlebell Romanian deadlift"),
            ("how", "heaviest_sets"),
            *SHORTFALL.items(),
        ),
    ),
    RuleId.LIGHT_MORE_REPS: Reason(RuleId.LIGHT_MORE_REPS, (*SHORTFALL.items(), ("new_reps", 9))),
    RuleId.LIGHT_SLOW_TEMPO: Reason(
        RuleId.LIGHT_SLOW_TEMPO,
        (*SHORTFALL.items(), ("new_reps", 12), ("lowering_s", 4), ("pause_s", 1)),
    ),
    RuleId.KIT_ASSUMED: reason(
        RuleId.KIT_ASSUMED, "runstrong_heuristic", kit="kettlebell", kg=12.0, level="intermediate"
    ),
    RuleId.BODY_MASS_ASSUMED: reason(RuleId.BODY_MASS_ASSUMED, "runstrong_heuristic", kg=60.0),
    RuleId.LOAD_ESTIMATED: reason(
        RuleId.LOAD_ESTIMATED,
        "runstrong_heuristic",
        body_mass_kg=64.0,
        body_mass_given=1,
        level="intermediate",
        rir=2,
        capped_kg=0,
    ),
    RuleId.B_RACE_DOSE: reason(
        RuleId.B_RACE_DOSE,
        "runstrong_heuristic",
        days=5,
        min_rir=3,
        max_percent=85,
        max_contacts=20,
        rir_raised=1,
        percent_lowered=1,
        contacts_cut=1,
    ),
    RuleId.LOAD_CAPPED: reason(
        RuleId.LOAD_CAPPED, kit="dumbbell", held=2, load_kg=20.0, share=67, advice="slow_lowering"
    ),
    RuleId.REDUCED_VOLUME: reason(RuleId.REDUCED_VOLUME, weeks=2, sets=2),
    RuleId.ACTIVATION_CUE: reason(RuleId.ACTIVATION_CUE),
    RuleId.PLYO_CUE: reason(RuleId.PLYO_CUE),
    RuleId.POWER_CUE: reason(RuleId.POWER_CUE, "bazyler2015"),
    RuleId.DELOAD_DOSE: reason(RuleId.DELOAD_DOSE, kept="reps", fewer_sets=1, more_rir=1),
    RuleId.DELOAD_BY_EFFORT: reason(RuleId.DELOAD_BY_EFFORT, sets=2, more_rir=2, fewer_seconds=0),
    RuleId.PROGRESSION: reason(
        RuleId.PROGRESSION, scheme="rep_wave", step=2, steps=4, extra_sets=0, seconds_step=0
    ),
    RuleId.FROM_WORKOUT_FILE: reason(RuleId.FROM_WORKOUT_FILE, file="founding.toml"),
    RuleId.TEXT: reason(RuleId.TEXT, text="kept as it was [acsm2009]"),
    RuleId.LOG_LOAD: reason(
        RuleId.LOG_LOAD, "epley1985", outcome="more", date="2027-01-05", kg=100.0, next_kg=105.0
    ),
    RuleId.LOAD_RISE_CAPPED: reason(
        RuleId.LOAD_RISE_CAPPED, "nsca2016", kg=100.0, next_kg=110.0, pct=10.0
    ),
    RuleId.DOUBLE_PROGRESSION: reason(
        RuleId.DOUBLE_PROGRESSION, stage="reps", kg=20.0, next_kg=20.0, reps=9, top=12
    ),
    RuleId.HOLD_FROM_LOG: reason(
        RuleId.HOLD_FROM_LOG, date="2027-01-05", shortest=30, longest=30, planned=30, seconds=35
    ),
    RuleId.PLYO_FROM_LOG: reason(
        RuleId.PLYO_FROM_LOG, date="2027-01-05", done=10, planned=20, contacts=11
    ),
    RuleId.E1RM_STALLED: reason(
        RuleId.E1RM_STALLED, exposures=3, e1rm_kg=123.3, first_kg=123.3, pct=10
    ),
    RuleId.HIGH_SESSION_RPE: reason(
        RuleId.HIGH_SESSION_RPE,
        "foster2001",
        "helms2016",
        mean=8.5,
        sessions=2,
        threshold=8.0,
        rir_add=1,
    ),
    RuleId.MISSED_SESSIONS: reason(RuleId.MISSED_SESSIONS, missed=2, days=14, pct=10),
    RuleId.NIGGLE_CHECK_IN: reason(
        RuleId.NIGGLE_CHECK_IN,
        "silbernagel2007",
        site="knee",
        pain=6,
        before="mild",
        after="severe",
        safe_max=2,
        acceptable_max=5,
        step_down_days=14,
    ),
    RuleId.RUN_KIND_SET: reason(RuleId.RUN_KIND_SET, kind="tempo"),
    RuleId.RUN_RACE: reason(RuleId.RUN_RACE, how="distance", km=10.02),
    RuleId.RUN_HILLS: reason(
        RuleId.RUN_HILLS, work_laps=6, laps=13, work_lap_pct=115, m_per_km=31.5
    ),
    RuleId.RUN_INTERVALS: reason(
        RuleId.RUN_INTERVALS, work_laps=5, laps=11, work_lap_pct=115, m_per_km=2.0
    ),
    RuleId.RUN_LONG: reason(RuleId.RUN_LONG, minutes=120, week_pct=34),
    RuleId.RUN_TEMPO: reason(RuleId.RUN_TEMPO, measure="threshold_power", pct=92, minutes=30),
    RuleId.RUN_EASY: reason(RuleId.RUN_EASY, measure="hr_reserve", pct=64, minutes=40),
    RuleId.LOAD_SRPE: reason(RuleId.LOAD_SRPE, "foster2001", au=315, rpe=7, minutes=45),
    RuleId.RUNS_AS_RUN: reason(
        RuleId.RUNS_AS_RUN,
        "runstrong_heuristic",
        first_date="2027-01-04",
        last_date="2027-01-05",
        runs=("run 3", "run 4"),
    ),
    RuleId.KEY_RUN_DONE_ELSEWHERE: reason(
        RuleId.KEY_RUN_DONE_ELSEWHERE,
        "runstrong_heuristic",
        run="tue:intervals",
        planned_date="2027-01-05",
        done_date="2027-01-06",
    ),
    RuleId.KEY_RUN_CARRIED: reason(
        RuleId.KEY_RUN_CARRIED,
        "runstrong_heuristic",
        run="tue:intervals",
        planned_date="2027-01-05",
        to_date="2027-01-06",
    ),
    RuleId.KEY_RUN_MISSED: reason(
        RuleId.KEY_RUN_MISSED,
        "runstrong_heuristic",
        run="tue:intervals",
        planned_date="2027-01-05",
    ),
    RuleId.EASED_FOR_MOVED_RUN: reason(
        RuleId.EASED_FOR_MOVED_RUN, "doma2019", run="tue:intervals", run_date="2027-01-06"
    ),
    RuleId.ANCHOR_OBSERVED_MAX_HR: reason(
        RuleId.ANCHOR_OBSERVED_MAX_HR,
        "runstrong_heuristic",
        bpm=187,
        run="run 4",
        date="2026-11-20",
        runs=12,
    ),
    RuleId.ANCHOR_THRESHOLD_POWER: reason(
        RuleId.ANCHOR_THRESHOLD_POWER,
        "coggan2010",
        "riegel1981",
        watts=288,
        effort_watts=300,
        run="run 7",
        date="2026-11-22",
        minutes=30,
        factor_pct=96.1,
        race=0,
    ),
    RuleId.ANCHOR_THRESHOLD_PACE: reason(
        RuleId.ANCHOR_THRESHOLD_PACE,
        "coggan2010",
        "riegel1981",
        pace="4:10",
        effort_pace="4:00",
        run="run 7",
        date="2026-11-22",
        minutes=30,
        factor_pct=96.1,
        race=1,
    ),
    RuleId.INFER_RUN_DAY: reason(
        RuleId.INFER_RUN_DAY,
        "runstrong_heuristic",
        weekday="wed",
        type="intervals",
        count=3,
        weeks=4,
        minutes=55,
        time="07:00",
        dates=("2026-11-11", "2026-11-18", "2026-11-25"),
    ),
    RuleId.INFER_MIXED_DAY: reason(
        RuleId.INFER_MIXED_DAY,
        "runstrong_heuristic",
        weekday="fri",
        type="easy",
        count=2,
        weeks=4,
        minutes=40,
        time="18:00",
        dates=("2026-11-13", "2026-11-27"),
    ),
    RuleId.INFER_REST_DAY: reason(
        RuleId.INFER_REST_DAY,
        "runstrong_heuristic",
        weekday="mon",
        runs=1,
        weeks=4,
        share_pct=50,
    ),
    RuleId.INFER_ONE_LONG_RUN: reason(
        RuleId.INFER_ONE_LONG_RUN,
        "runstrong_heuristic",
        weekday="sat",
        type="easy",
        count=2,
        weeks=4,
        minutes=80,
        time="08:00",
        dates=("2026-11-14", "2026-11-21"),
    ),
    RuleId.INFER_RECOVERY_KEPT: reason(
        RuleId.INFER_RECOVERY_KEPT,
        "runstrong_heuristic",
        weekday="mon",
        minutes=30,
        time="07:00",
    ),
    RuleId.LOAD_POWER: reason(RuleId.LOAD_POWER, au=273, minutes=60, pct=80, points=65),
    RuleId.LOAD_TRIMP: reason(RuleId.LOAD_TRIMP, au=200, minutes=50, pct=70, trimp=87),
    RuleId.LOAD_ASSUMED_RPE: reason(
        RuleId.LOAD_ASSUMED_RPE, au=120, minutes=40, rpe=3, kind="easy"
    ),
    RuleId.LOAD_NOT_COUNTED: reason(RuleId.LOAD_NOT_COUNTED, sessions=2),
    RuleId.LOAD_RATIO_CAVEAT: reason(RuleId.LOAD_RATIO_CAVEAT, "impellizzeri2021"),
}

RULE_SUFFIXES = ("_points", "_hours", "_days", "_weeks", "_seconds", "_kg", "_pct", "_reps")


def test_every_rule_id_has_words_and_a_sample() -> None:
    assert set(CATALOGUE) == set(RuleId)
    assert set(SAMPLES) == set(RuleId)


@pytest.mark.parametrize("rule", list(RuleId), ids=str)
def test_every_rule_id_renders_its_sample_as_one_plain_line(rule: RuleId) -> None:
    words = text(SAMPLES[rule])
    assert words.strip() == words
    assert words
    assert "\n" not in words
    assert "{" not in words
    assert "_" not in words.replace("penalty_session_left_out_points", "")


def test_a_rule_id_named_like_a_threshold_is_a_field_of_rules() -> None:
    names = {f.name for f in fields(Rules)}
    for rule in RuleId:
        if rule.value.endswith(RULE_SUFFIXES) or rule.value in names:
            assert rule.value in names, rule


def _every_reason(plan: Plan) -> list[Reason]:
    found = list(plan.warnings)
    for week in plan.weeks:
        found += week.notes
        for s in week.sessions:
            found += [*s.reasons, *s.warnings, *(n for p in s.exercises for n in p.notes)]
    return found


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_reason_of_the_example_plans_renders(example: object) -> None:
    profile = load_profile(example, library())  # type: ignore[arg-type]
    for r in _every_reason(generate_plan(profile, library(), today=date(2026, 11, 30))):
        assert text(r)


@given(profiles())
def test_every_reason_of_a_random_plan_renders(profile: Profile) -> None:
    plan = generate_plan(profile, library(), start=date(2027, 1, 4))
    for r in _every_reason(plan):
        assert "{" not in text(r)


# -- wording (the catalogue's own) ----------------------------------------------------------------


def test_runs_are_named_by_day_and_kind_and_races_by_name() -> None:
    assert run_text("tue:intervals") == "Tuesday's intervals run"
    assert run_text("sun:long") == "Sunday's long run"
    assert run_text("race:Spring Marathon") == "Spring Marathon (race)"


def test_a_reason_with_sources_cites_them_after_its_words() -> None:
    after = SAMPLES[RuleId.AFTER_RUN]
    assert cited(after) == (
        "10 h after Tuesday's intervals run: run first, then lift [doma2013, schumann2022]"
    )
    assert cited(SAMPLES[RuleId.DELOAD_WEEK]).endswith(" [bell2022]")


def test_a_sentence_keeps_its_full_stop_after_its_sources() -> None:
    short = SAMPLES[RuleId.SHORT_CYCLE]
    assert cited(short).endswith("1 taper week(s) [balsalobre2016].")


def test_the_key_run_buffer_reason_names_the_run_the_hours_and_what_to_keep_crisp() -> None:
    assert text(SAMPLES[RuleId.KEY_RUN_BUFFER]) == (
        "Thursday's tempo run is 37 h later, inside the 48 h we prefer and the best days this "
        "week allow; keep this session's jumps crisp, not to failure"
    )


def test_a_session_moderated_for_its_day_names_the_run_and_the_remedy() -> None:
    assert text(SAMPLES[RuleId.LEGS_MODERATED_KEY_RUN]) == (
        "moderate on the legs today: Sunday's long run is tomorrow, and heavy legs or hard "
        "plyometrics never go the day before (adding Sunday to your strength days would let it "
        "follow that run)"
    )
    assert text(SAMPLES[RuleId.LEGS_MODERATED_SPACING]) == (
        "moderate on the legs today: 24 h after Tuesday's heavy leg session, and heavy legs keep "
        "48 h apart"
    )
    assert text(SAMPLES[RuleId.MODERATED_DOSE]) == "moderate for the day: was 4 x 5 @ RIR 2"


def test_a_missed_session_says_where_it_went_and_why() -> None:
    assert text(SAMPLES[RuleId.MISSED_MOVED]) == (
        "moved from Thu 10 Dec to Sat 12 Dec: moved from Thu 10 Dec in the log; Fri 11 Dec "
        "could not hold it as planned"
    )
    assert text(SAMPLES[RuleId.MISSED_DROPPED]) == (
        "Strength A of Tue 08 Dec dropped: skipped on Tue 08 Dec, and no later strength day this "
        "week holds it as planned (never two heavy days back to back)."
    )


def test_a_forced_day_before_break_says_which_day_would_avoid_it() -> None:
    assert text(SAMPLES[RuleId.DAY_BEFORE_KEY_RUN]).endswith(
        "(adding Tuesday to your strength days would let it follow that run)"
    )


def test_a_phase_reason_names_what_the_session_holds() -> None:
    assert text(SAMPLES[RuleId.PHASE_WEEK]) == (
        "Base phase, week 2 of this block: the week's squat-pattern session, with single-leg "
        "and straight-knee calf work"
    )


def test_a_light_kit_swap_says_what_the_kit_cannot_load() -> None:
    assert text(SAMPLES[RuleId.HEAVIER_VARIANT]) == (
        "chosen instead of Kettlebell Romanian deadlift, for its heaviest sets: your heaviest "
        "kettlebell (20 kg) is too light for 5 reps with 2 in reserve, which need about 40 kg "
        "by our estimate for your body mass and level"
    )


def test_a_moderate_session_near_key_runs_lists_each_with_when() -> None:
    assert text(SAMPLES[RuleId.MODERATE_NEAR_KEY_RUN]).startswith(
        "moderate on the legs, so Sunday's long run tomorrow and Spring Marathon (race) 40 h "
        "later are fine: the day before"
    )


def test_a_plan_saved_before_records_keeps_its_text() -> None:
    assert cited(SAMPLES[RuleId.TEXT]) == "kept as it was [acsm2009]"


def test_a_dated_change_is_named_by_its_label_dates_and_effect() -> None:
    assert text(SAMPLES[RuleId.DATED_CHANGE]) == (
        "Ski trip, hotel gym: strength only on Saturday from Mon 25 Jan to Sun 31 Jan."
    )
    no_running = reason(
        RuleId.DATED_CHANGE,
        kind="no_running",
        first_date="2027-01-25",
        last_date="2027-01-25",
        label="",
        days=(),
    )
    assert text(no_running) == "No running on Mon 25 Jan."


def test_shared_records_keep_each_parameters_own_type() -> None:
    whole = reason(RuleId.NO_KEY_RUN_NEAR, buffer_hours=48)
    decimal = reason(RuleId.NO_KEY_RUN_NEAR, buffer_hours=48.0)
    assert isinstance(whole.get("buffer_hours"), int)
    assert isinstance(decimal.get("buffer_hours"), float)
    assert reason(RuleId.NO_KEY_RUN_NEAR, buffer_hours=48.0) is decimal


def test_a_coach_pinned_exercise_says_what_the_coach_chose() -> None:
    assert (
        text(SAMPLES[RuleId.COACH_PINNED])
        == "pinned by your coach: in place of Back squat; their sets"
    )
    dose_only = reason(RuleId.COACH_PINNED, replaced="", changed=("sets", "reps"))
    assert text(dose_only) == "pinned by your coach: their sets and reps"
