"""Hypothesis: for random valid profiles, every rule holds or a warning names it; a heavy session
where its day forbids heavy legs is made moderate for the day instead (issue 14)."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import (
    EXAMPLES,
    example_params,
    library,
    make_athlete,
    make_profile,
    make_race,
    percent_of,
    reps_of,
    rir_of,
    with_rule,
)
from runstrong.domain.athlete import Athlete, Run, RunningWeek, RunType, Weekday
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Equipment, Level, LoadType, NiggleSite, PlyoIntensity
from runstrong.domain.load_ceiling import load_limit, within_reach
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import ByPercent, LowerBodyLoad, Phase, Plan, Role, Session
from runstrong.domain.profile import Profile
from runstrong.domain.running_calendar import RunningCalendar
from runstrong.export import plan_json
from runstrong.profile import load_profile
from runstrong.render.messages import text
from runstrong.render.resolved import resolve

START = date(2026, 12, 7)
KETTLEBELLS = [8.0, 12.0, 16.0, 24.0, 24.0, 32.0]
DAYS = [d.value for d in Weekday]

runs = st.lists(
    st.builds(
        Run,
        day=st.sampled_from(list(Weekday)),
        type=st.sampled_from(list(RunType)),
        minutes=st.integers(20, 180),
        time=st.one_of(st.none(), st.sampled_from([time(6), time(7, 30), time(12), time(17, 30)])),
    ),
    max_size=8,
    unique_by=lambda r: (r.day, r.time),
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    equipment = draw(st.frozensets(st.sampled_from(list(Equipment)), max_size=8))
    race_days = draw(st.lists(st.integers(10, 200), max_size=3, unique=True))
    races = tuple(
        make_race(START + timedelta(days=d), draw(st.sampled_from("ABC")), name=f"R{d}")
        for d in race_days
    )
    niggles = draw(
        st.lists(
            st.tuples(
                st.sampled_from([s.value for s in NiggleSite]), st.sampled_from(["mild", "severe"])
            ),
            max_size=2,
            unique_by=lambda n: n[0],
        )
    )
    athlete = make_athlete(
        level=draw(st.sampled_from([lv.value for lv in Level])),
        equipment=equipment,
        strength_days=tuple(
            draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=5, unique=True))
        ),
        sessions_per_week=draw(st.one_of(st.none(), st.integers(1, 3))),
        session_minutes=draw(st.integers(20, 90)),
        running=RunningWeek(tuple(draw(runs)), draw(st.one_of(st.none(), st.integers(3, 5)))),
        races=races,
        maxes=draw(
            st.sampled_from(
                [
                    {},
                    {"back_squat": 100.0, "romanian_deadlift": 110.0},
                    {"goblet_squat": 40.0, "dumbbell_romanian_deadlift": 60.0},
                ]
            )
        ),
        niggles=tuple(niggles),
        body_mass_kg=draw(st.sampled_from([None, 55.0, 70.0, 90.0])),
        # light and heavy kits alike (science.md §2.8); None: the heaviest weight not given
        dumbbell_max_kg=draw(st.one_of(st.none(), st.sampled_from([4.0, 10.0, 16.0, 24.0, 40.0]))),
        kettlebell_kgs=tuple(sorted(draw(st.lists(st.sampled_from(KETTLEBELLS), max_size=4)))),
        barbell_max_kg=draw(st.one_of(st.none(), st.sampled_from([40.0, 100.0]))),
    )
    return make_profile(athlete)


@given(profiles())
def test_random_profiles_give_no_dose_the_kit_cannot_load_and_name_a_light_one(
    profile: Profile,
) -> None:
    """science.md §2.8: every judged dose is within reach of the kit's heaviest load; a dose
    raised to more reps or slowed for a light load says so. The explosive lift is not judged:
    it is light and fast by design (science.md §2.7)."""
    athlete, lib, rules = profile.athlete, library(), profile.rules
    for s in generate_plan(profile, lib, start=START).sessions:
        for p in s.exercises:
            if p.role is Role.POWER:
                continue
            limit = load_limit(lib.get(p.slug), athlete, rules)
            assert within_reach(limit, reps_of(p), rir_of(p), rules), (
                p.name,
                reps_of(p),
                rir_of(p),
                limit,
            )
            if p.tempo == "4-1-1-0":  # light_load_lowering_seconds' tempo
                slowed = with_rule(p.notes, RuleId.LIGHT_SLOW_TEMPO, new_reps=reps_of(p))
                assert slowed, (p.name, p.notes)


@given(profiles())
def test_random_profiles_respect_equipment_days_level_and_niggles(profile: Profile) -> None:
    athlete = profile.athlete
    lib = library()
    plan = generate_plan(profile, lib, start=START)
    days = set(athlete.availability.strength_days)
    for s in plan.sessions:
        assert s.weekday in days
        assert s.date >= START
        for p in s.exercises:
            ex = lib.get(p.slug)
            assert ex.fits(athlete.equipment.available), p.slug
            assert ex.level.rank <= athlete.level.rank, p.slug
            assert all(ex.tolerates(n.site, n.severity) for n in athlete.niggles), p.slug
            if athlete.level is Level.BEGINNER and ex.plyometric is not None:
                assert ex.plyometric.intensity is PlyoIntensity.LOW
            if rir_of(p) is not None:
                assert 1 <= rir_of(p) <= 4


@given(profiles())
def test_random_profiles_never_break_the_race_limits(profile: Profile) -> None:
    plan = generate_plan(profile, library(), start=START)
    for race in profile.athlete.races:
        for s in plan.sessions:
            until = (race.date - s.date).days
            assert until != 0, "no strength on race day"
            if race.priority.value in "AB" and 0 < until <= 2:
                raise AssertionError(f"{s.date} is {until} day(s) before {race.name}")
            if race.priority.value == "A" and 0 < until < 9:
                assert s.lower_body_load.rank <= LowerBodyLoad.LIGHT.rank


KEY_RUNS = {RunType.INTERVALS, RunType.TEMPO, RunType.HILLS, RunType.LONG, RunType.RACE}
# Issue 14's line for a heavy lower-body set, written out here: 80% 1RM or more, or 5 reps or fewer
# at 3 or fewer in reserve.
HEAVY_PERCENT, HEAVY_REPS, HEAVY_RIR = 80, 5, 3
# Rules a day's content can always keep by changing (day_fit.py): never a warning by default.
KEPT_BY_CONTENT = {
    RuleId.DAY_BEFORE_KEY_RUN,
    RuleId.KEY_RUN_BUFFER,
    RuleId.HEAVY_LEGS_TOO_CLOSE,
    RuleId.PLYO_TOO_CLOSE,  # the later session leaves its jumps out
    RuleId.TOO_SOON_AFTER_RUN,  # the same session, straight after the run
    RuleId.RECOVERY_DAY,  # a preference that steers the choice of days
}
MIN_HOURS_BETWEEN_PLYO = 48  # nsca2016, as docs/science.md states it
HOUR = timedelta(hours=1)


def heavy_legs(s: Session) -> bool:
    """Heavy on the legs: so labelled, or any heavy lower-body set."""
    if s.lower_body_load is LowerBodyLoad.HEAVY:
        return True
    for p in s.exercises:
        effort = p.effort
        if effort is None or not library().get(p.slug).is_lower_body:
            continue
        if isinstance(effort, ByPercent) and effort.percent_1rm >= HEAVY_PERCENT:
            return True
        if (reps_of(p) or HEAVY_REPS + 1) <= HEAVY_REPS and effort.rir <= HEAVY_RIR:
            return True
    return False


def hard_jumps(s: Session) -> bool:
    return any(
        (found := library().get(p.slug).plyometric) is not None
        and found.intensity is not PlyoIntensity.LOW
        for p in s.exercises
    )


def day_before_key_run(s: Session, athlete: Athlete) -> bool:
    """A key run, long run or race tomorrow, read from the runs of that date (the usual week or
    a dated override) and the races."""
    tomorrow = s.date + timedelta(days=1)
    runs = RunningCalendar.of(athlete).runs_on(tomorrow)
    return any(r.type in KEY_RUNS for r in runs) or tomorrow in {r.date for r in athlete.races}


def check_day_fit(plan: Plan, athlete: Athlete) -> None:
    """Issue 14: no heavy legs or hard jumps the day before a key run, long run or race; no heavy
    leg sessions on consecutive days; no warning for a rule a change of content keeps; a session
    made moderate says why; one over its time says so."""
    for s in plan.sessions:
        if day_before_key_run(s, athlete):
            assert not heavy_legs(s), (s.date, s.title)
            assert not hard_jumps(s), (s.date, s.title)
        assert not {w.rule for w in s.warnings} & KEPT_BY_CONTENT, (s.date, s.warnings)
        if any(with_rule(p.notes, RuleId.MODERATED_DOSE) for p in s.exercises):
            moderated = with_rule(s.reasons, RuleId.LEGS_MODERATED_KEY_RUN) + with_rule(
                s.reasons, RuleId.LEGS_MODERATED_SPACING
            )
            assert moderated, (s.date, s.reasons)
        assert s.est_minutes <= athlete.availability.session_minutes or with_rule(
            s.warnings, RuleId.OVER_TIME, minutes=s.est_minutes
        )
    heavy = [s for s in plan.sessions if heavy_legs(s)]
    for a, b in itertools.pairwise(heavy):
        assert (b.date - a.date).days > 1, (a.date, b.date)
    jumps = [s for s in plan.sessions if s.plyo_contacts]
    for a, b in itertools.pairwise(jumps):
        hours = (datetime.combine(b.date, b.time) - datetime.combine(a.date, a.time)) / HOUR
        assert hours >= MIN_HOURS_BETWEEN_PLYO, (a.date, b.date)


@given(profiles())
def test_random_profiles_never_put_heavy_legs_where_the_day_forbids_them(
    profile: Profile,
) -> None:
    check_day_fit(generate_plan(profile, library(), start=START), profile.athlete)


@pytest.mark.parametrize("example", example_params())
def test_the_example_plans_fit_each_session_to_its_day_with_few_warnings(example: Path) -> None:
    """Every example profile: the day-fit rules hold, and at most 5% of sessions warn."""
    profile = load_profile(example, library())
    plan = generate_plan(profile, library())
    check_day_fit(plan, profile.athlete)
    assert len(plan.sessions) > 10
    assert sum(1 for s in plan.sessions if s.warnings) <= 0.05 * len(plan.sessions)


@given(profiles())
def test_random_profiles_give_byte_identical_plans(profile: Profile) -> None:
    lib = library()
    first = plan_json.export_json(
        resolve(generate_plan(profile, lib, start=START), profile.athlete, lib)
    )
    second = plan_json.export_json(
        resolve(generate_plan(profile, lib, start=START), profile.athlete, lib)
    )
    assert first == second
    json.loads(first)


# -- Kit and loads, race weeks, titles (issue 14) --------------------------------------------
# The B-race window written out: within 5 days of a B race, 3 or more reps in reserve, below 85 %
# 1RM (reps + RIR of 7 or more: the NSCA 7RM is 83 %, the 6RM 85 %), at most 20 contacts.
B_RACE_DAYS, B_RACE_MIN_RIR, B_RACE_MIN_RM, B_RACE_MAX_PERCENT, B_RACE_CONTACTS = 5, 3, 7, 85, 20


def check_loads(plan: Plan, athlete: Athlete) -> None:
    """Every main lift with external load shows kilograms; an estimate exactly where there is
    no known max for it."""
    lib = library()
    for rs in resolve(plan, athlete, lib).sessions:
        for x in rs.exercises:
            p = x.prescription
            external = lib.get(p.slug).load_type is LoadType.EXTERNAL_LOAD
            if p.role is not Role.MAIN or not external or p.effort is None:
                continue
            assert x.load_kg is not None, (rs.session.date, p.name)
            assert x.load_kg > 0, (rs.session.date, p.name)
            assert x.load_estimated is (p.slug not in athlete.one_rep_max_kg), p.name


def check_b_race_windows(plan: Plan, athlete: Athlete) -> None:
    b_races = [r.date for r in athlete.races if r.priority.value == "B"]
    for s in plan.sessions:
        if not any(0 < (day - s.date).days <= B_RACE_DAYS for day in b_races):
            continue
        assert s.plyo_contacts <= B_RACE_CONTACTS, (s.date, s.plyo_contacts)
        for p in s.exercises:
            rir, reps = rir_of(p), reps_of(p)
            if rir is None or reps is None:
                continue
            assert rir >= B_RACE_MIN_RIR, (s.date, p.name, rir)
            assert reps + rir >= B_RACE_MIN_RM, (s.date, p.name, reps, rir)
            assert (percent_of(p) or 0) < B_RACE_MAX_PERCENT, (s.date, p.name)


def check_titles(plan: Plan) -> None:
    """No base or build session is titled or explained as maintenance."""
    for week in plan.weeks:
        if week.phase not in (Phase.BASE, Phase.BUILD):
            continue
        for s in week.sessions:
            words = " ".join([s.title, *(text(r) for r in s.reasons)]).lower()
            assert "maintenance" not in words, (s.date, s.title, words)


@given(profiles())
def test_random_profiles_load_every_main_lift_dose_b_race_weeks_and_title_by_phase(
    profile: Profile,
) -> None:
    plan = generate_plan(profile, library(), start=START)
    check_loads(plan, profile.athlete)
    check_b_race_windows(plan, profile.athlete)
    check_titles(plan)


@pytest.mark.parametrize("example", example_params(gaps=()))
def test_the_example_plans_load_every_main_lift_dose_b_race_weeks_and_title_by_phase(
    example: Path,
) -> None:
    profile = load_profile(example, library())
    plan = generate_plan(profile, library())
    check_loads(plan, profile.athlete)
    check_b_race_windows(plan, profile.athlete)
    check_titles(plan)


def test_rui_s_front_squat_shows_a_load_estimated_from_his_back_squat() -> None:
    """The issue's case: Rui has maxes for the back squat and deadlift only; his low-back niggle
    makes the front squat his main squat, which showed no kilograms, then kilograms estimated
    from his body mass though his back squat max was known."""
    profile = load_profile(EXAMPLES / "rui-advanced-knee-back.toml", library())
    lib = library()
    plan = generate_plan(profile, lib)
    resolved = resolve(plan, profile.athlete, lib)
    # the back squat is not in his plan, but his max is used: the front squat comes from it
    assert not with_rule(plan.warnings, RuleId.MAX_UNUSED_NOT_IN_PLAN, exercise="Back squat")
    fronts = [
        x for s in resolved.sessions for x in s.exercises if x.prescription.slug == "front_squat"
    ]
    assert fronts
    assert all(x.load_kg and x.load_estimated for x in fronts)
    assert all(
        with_rule((x.load_note,), RuleId.LOAD_ESTIMATED, source="back_squat", pct=80)
        for x in fronts
    )


def test_marco_s_session_before_his_b_half_says_why_it_is_lighter() -> None:
    profile = load_profile(EXAMPLES / "marco-marathon-gym.toml", library())
    plan = generate_plan(profile, library())
    dosed = [s for s in plan.sessions if with_rule(s.reasons, RuleId.B_RACE_DOSE)]
    assert dosed
    assert all(with_rule(s.reasons, RuleId.B_RACE_DOSE, min_rir=3, max_contacts=20) for s in dosed)
