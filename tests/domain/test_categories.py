"""Every category, every loading week (issue 14): each loading week of base and build holds a squat
or single-leg pattern, a hinge, straight- and bent-knee calf work, lateral hip, trunk, upper push
or pull, and plyometrics where the level and niggles allow, unless the week says why; build holds
at least base's contacts and an explosive lift for intermediate and advanced runners.

The categories are read here from the exercise files' patterns and muscles, written out for the
test, not taken from the engine's own `categories.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from builders import (
    GYM,
    HOME,
    example_params,
    library,
    make_athlete,
    make_profile,
    reps_of,
    rir_of,
    with_rule,
)
from domain.test_engine_properties import START, profiles
from domain.test_engine_rules import marathon
from runstrong.domain.athlete import Athlete
from runstrong.domain.day_fit import loads_the_legs
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Equipment, Exercise, Laterality, Level, Pattern, PlyoIntensity
from runstrong.domain.messages import RuleId
from runstrong.domain.muscles import Muscle
from runstrong.domain.plan import Phase, Plan, Role, Week
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.domain.spacing import moderates_legs
from runstrong.profile import load_profile
from runstrong.render.dose_text import position_labels, rest_texts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# A severe niggle at these sites removes plyometrics (science.md §1.2a, "Severe removes").
LEG_SITES = {"knee", "achilles", "calf", "shin", "plantar_fascia", "hip", "hamstring"}
TRUNK = {
    Pattern.TRUNK_ANTI_EXTENSION,
    Pattern.TRUNK_ANTI_ROTATION,
    Pattern.TRUNK_LATERAL,
    Pattern.TRUNK_FLEXION,
    Pattern.CARRY,
}


def categories(ex: Exercise) -> set[str]:
    """The issue's categories an exercise brings."""
    if ex.plyometric is not None:
        return {"plyometric"}
    found = set(ex.patterns)
    out = set()
    single_leg_hip = ex.laterality is not Laterality.BILATERAL and found & {
        Pattern.HIP_HINGE,
        Pattern.HIP_EXTENSION,
    }
    if found & {Pattern.KNEE_DOMINANT_BILATERAL, Pattern.KNEE_DOMINANT_UNILATERAL}:
        out.add("squat_or_single_leg")
    if single_leg_hip:
        out.add("squat_or_single_leg")
    if Pattern.HIP_HINGE in found:
        out.add("hinge")
    if Pattern.CALF_ANKLE in found:
        gastrocnemius = ex.muscle_weights.get(Muscle.GASTROCNEMIUS, 0.0)
        soleus = ex.muscle_weights.get(Muscle.SOLEUS, 0.0)
        if gastrocnemius == 1.0:
            out.add("calf_straight_knee")
        elif soleus == 1.0:
            out.add("calf_bent_knee")
    if Pattern.HIP_ABDUCTION_LATERAL in found:
        out.add("lateral_hip")
    if found & TRUNK:
        out.add("trunk")
    if found & {Pattern.UPPER_PULL, Pattern.UPPER_PUSH}:
        out.add("upper")
    return out


ALL = {
    "squat_or_single_leg",
    "hinge",
    "calf_straight_knee",
    "calf_bent_knee",
    "lateral_hip",
    "trunk",
    "upper",
    "plyometric",
}


def loading_weeks(plan: Plan, phase: Phase | None = None) -> list[Week]:
    phases = (phase,) if phase else (Phase.BASE, Phase.BUILD)
    return [w for w in plan.weeks if w.phase in phases and not w.deload and w.sessions]


def held(week: Week) -> set[str]:
    lib = library()
    return {c for s in week.sessions for p in s.exercises for c in categories(lib.get(p.slug))}


def noted(week: Week) -> set[str]:
    """The categories the week says it lacks."""
    out: set[str] = set()
    for note in with_rule(week.notes, RuleId.CATEGORY_MISSING):
        gone = note.get("categories")
        assert isinstance(gone, tuple)
        out.update(gone)
    return out


def usable(ex: Exercise, athlete: Athlete) -> bool:
    return (
        ex.fits(athlete.equipment.available)
        and ex.level.rank <= athlete.level.rank
        and all(ex.tolerates(n.site, n.severity) for n in athlete.niggles)
    )


def plyometrics_allowed(athlete: Athlete) -> bool:
    """A low-intensity drill the kit, level and niggles allow, and no severe leg niggle."""
    if any(n.severity.value == "severe" and n.site.value in LEG_SITES for n in athlete.niggles):
        return False
    return any(
        ex.plyometric is not None
        and ex.plyometric.intensity is PlyoIntensity.LOW
        and usable(ex, athlete)
        for ex in library()
    )


def check_categories(plan: Plan, athlete: Athlete) -> None:
    wanted = ALL if plyometrics_allowed(athlete) else ALL - {"plyometric"}
    for week in loading_weeks(plan):
        gone = wanted - held(week)
        assert gone <= noted(week), (week.index, sorted(gone), sorted(noted(week)))
        assert len(with_rule(week.notes, RuleId.CATEGORY_MISSING)) <= 1  # said once
        assert not noted(week) & held(week), week.index  # never a category it holds


def contacts(week: Week) -> int:
    return sum(s.plyo_contacts for s in week.sessions)


PLYO_NAMES = {ex.name for ex in library() if ex.plyometric is not None}


def whole(week: Week) -> bool:
    """Every strength session of the week heavy and with all its jumps: none lost them to its
    day, nor plyometric sets to its minutes (each says so), nor the week its plyometrics (it
    says so once)."""
    if "plyometric" in noted(week):
        return False
    for s in week.sessions:
        drills = {p.name for p in s.exercises if p.role is Role.PLYOMETRIC}
        cut = {
            name
            for note in (
                *with_rule(s.reasons, RuleId.SETS_CUT_TO_FIT),
                *with_rule(s.reasons, RuleId.LEFT_OUT_TO_FIT),
            )
            for name in note.get("exercises") or ()
        }
        if not s.title.startswith("Strength ") or (drills | PLYO_NAMES) & cut:
            return False
        if with_rule(s.reasons, RuleId.HARD_PLYO_LEFT_OUT) or with_rule(
            s.reasons, RuleId.PLYO_LEFT_OUT_SPACING
        ):
            return False
    return True


def session_cap(athlete: Athlete) -> int:
    """The level's contacts a session (`plyo_contacts_*`), halved with a mild or moderate leg
    niggle (`niggle_plyo_contacts_pct`)."""
    rules = Rules()
    cap = {
        Level.BEGINNER: rules.plyo_contacts_beginner,
        Level.INTERMEDIATE: rules.plyo_contacts_intermediate,
        Level.ADVANCED: rules.plyo_contacts_advanced,
    }[athlete.level]
    if any(n.site.value in LEG_SITES and n.severity.value != "severe" for n in athlete.niggles):
        cap = cap * rules.niggle_plyo_contacts_pct // 100
    return cap


def check_build_contacts(plan: Plan, athlete: Athlete) -> None:
    """A build week with as many whole sessions as a base week holds at least its contacts, those
    of base weeks within the level's cap for a session."""
    base = loading_weeks(plan, Phase.BASE)
    for week in loading_weeks(plan, Phase.BUILD):
        if not whole(week):
            continue
        cap = session_cap(athlete)  # base's contacts within it (a drill's sets may overshoot)
        same = [
            contacts(b)
            for b in base
            if whole(b) and len(b.sessions) == len(week.sessions) and contacts(b) <= cap
        ]
        if same:
            assert contacts(week) >= max(same), (week.index, contacts(week), same)


def explosive_possible(athlete: Athlete) -> bool:
    return any(ex.ballistic and usable(ex, athlete) for ex in library())


BALLISTIC_NAMES = {
    name.lower() for ex in library() if ex.ballistic for name in (ex.name, *ex.aliases)
}


def left_out_for_time(week: Week) -> set[str]:
    return {
        name.lower()
        for s in week.sessions
        for note in with_rule(s.reasons, RuleId.LEFT_OUT_TO_FIT)
        for name in note.get("exercises") or ()
    }


def left_out_for_the_day(week: Week) -> bool:
    """A session moderate on the legs says it left its explosive lift out (no other day took it
    and no light throw suits the kit)."""
    return any(with_rule(s.reasons, RuleId.POWER_FOR_DAY, action="left_out") for s in week.sessions)


def check_explosive_lift(plan: Plan, athlete: Athlete) -> None:
    """Build's hinge session (or its one session) holds an explosive lift for intermediate and
    advanced runners where the kit has one, unless it says it was left out to fit the time or
    for a day that asks for moderate legs; no session moderate on the legs for its day holds
    one that loads the legs (a loaded jump or swing)."""
    lib = library()
    for week in loading_weeks(plan):
        lifts = [p for s in week.sessions for p in s.exercises if lib.get(p.slug).ballistic]
        hinge_day = any(s.title.startswith(("Strength B", "Strength:")) for s in week.sessions)
        build = week.phase is Phase.BUILD
        trained = athlete.level is not Level.BEGINNER
        if build and trained and hinge_day and explosive_possible(athlete):
            said = left_out_for_time(week) & BALLISTIC_NAMES or left_out_for_the_day(week)
            assert lifts or said, week.index
        for s in week.sessions:
            if moderates_legs(s.reasons):
                power = [p for p in s.exercises if p.role is Role.POWER]
                assert not [p for p in power if loads_the_legs(lib.get(p.slug))], s.date
        if not build or athlete.level is Level.BEGINNER:
            assert not lifts, week.index
        assert all(p.role is Role.POWER for p in lifts)


@pytest.mark.parametrize("example", example_params(gaps=()))
def test_every_example_loading_week_holds_every_category_or_says_why(example: Path) -> None:
    profile = load_profile(example, library())
    plan = generate_plan(profile, library())
    check_categories(plan, profile.athlete)
    check_build_contacts(plan, profile.athlete)
    check_explosive_lift(plan, profile.athlete)


@given(profiles())
def test_random_profiles_hold_every_category_or_say_why(profile: Profile) -> None:
    plan = generate_plan(profile, library(), start=START)
    check_categories(plan, profile.athlete)
    check_build_contacts(plan, profile.athlete)
    check_explosive_lift(plan, profile.athlete)


@pytest.mark.parametrize("name", ["tom-beginner-25min", "lee-saturday-only"])
def test_short_sessions_and_one_day_weeks_keep_upper_body_and_trunk(name: str) -> None:
    """The issue's cases: 25-minute sessions (Tom) and one session a week (Lee) lost the upper
    body and trunk for whole plans; every loading week of base and build now holds them."""
    plan = generate_plan(load_profile(EXAMPLES / f"{name}.toml", library()), library())
    weeks = loading_weeks(plan)
    assert len(weeks) >= 8
    for week in weeks:
        assert {"upper", "trunk", "lateral_hip"} <= held(week), week.index


def test_short_of_time_a_session_becomes_a_circuit_before_a_category_goes() -> None:
    """25 minutes with the gym: the sessions' accessories, upper body and trunk are done as one
    circuit (one letter, one rest a round), and the session says so."""
    plan = generate_plan(make_profile(equipment=GYM, session_minutes=25), library(), start=START)
    circuits = [
        s
        for s in plan.sessions
        if with_rule(s.reasons, RuleId.CIRCUIT_TO_FIT, budget_minutes=25, budget="yours")
    ]
    assert circuits
    for s in circuits:
        grouped = [p for p in s.exercises if p.role not in (Role.MAIN, Role.PLYOMETRIC, Role.POWER)]
        assert len(grouped) >= 2  # a circuit of what is left once spare exercises have gone
        assert {p.superset for p in grouped} == {grouped[0].superset} != {None}
        labels = position_labels(s.exercises)
        members = [label for label, p in zip(labels, s.exercises, strict=True) if p in grouped]
        assert [label[-1] for label in members] == [str(i + 1) for i in range(len(members))]
        last_rest = rest_texts(s.exercises)[s.exercises.index(grouped[-1])]
        assert last_rest.endswith("after the round" if len(grouped) > 2 else "after the pair")


def test_without_circuits_or_one_set_the_week_loses_a_category_and_says_so_once() -> None:
    """With circuits off and two sets the least, 25 minutes cannot hold every category: the weeks
    say which they lack, once each; the default holds them all."""
    lean = Rules(circuit_to_fit=False, min_category_sets=2)
    athlete = make_athlete(equipment=HOME, session_minutes=25)
    plan = generate_plan(make_profile(athlete, rules=lean), library(), start=START)
    assert any(noted(w) for w in loading_weeks(plan))
    check_categories(plan, athlete)
    default = generate_plan(make_profile(athlete), library(), start=START)
    assert not any(noted(w) for w in loading_weeks(default))


def test_the_explosive_lift_follows_the_kit() -> None:
    """A kettlebell: the swing; dumbbells only: the dumbbell jump squat; a medicine ball: the
    throw; bands and body weight: none (their plyometrics are the power work)."""

    def lifts(kit: frozenset[Equipment]) -> set[str]:
        plan = marathon(equipment=kit)
        return {p.slug for s in plan.sessions for p in s.exercises if p.role is Role.POWER}

    assert lifts(frozenset({Equipment.KETTLEBELL})) == {"kettlebell_swing"}
    assert lifts(frozenset({Equipment.DUMBBELLS})) == {"dumbbell_jump_squat"}
    assert lifts(frozenset({Equipment.MEDICINE_BALL})) == {"medicine_ball_overhead_throw"}
    assert lifts(frozenset({Equipment.RESISTANCE_BAND, Equipment.MINI_BAND})) == set()
    plan = marathon(equipment=GYM, rules=Rules(explosive_lift_in_build=False))
    assert not [p for s in plan.sessions for p in s.exercises if p.role is Role.POWER]


def test_the_explosive_lift_is_few_fast_reps_far_from_failure_with_full_rest() -> None:
    plan = marathon(equipment=GYM)
    power = [p for w in loading_weeks(plan, Phase.BUILD) for s in w.sessions for p in s.exercises]
    power = [p for p in power if p.role is Role.POWER]
    assert power
    for p in power:
        assert (p.sets, reps_of(p), rir_of(p), p.rest_s) == (3, 5, 4, 120)
        assert with_rule(p.notes, RuleId.POWER_CUE)


def test_build_sessions_top_up_a_hard_drill_with_easy_contacts_within_the_cap() -> None:
    """Intermediate (80 contacts a session, rising week by week to at most
    plyo_contacts_most_intermediate): a high-intensity drill of 5 x 5 leaves the rest; a
    low-intensity drill takes what fits of them, never past the session's contacts."""
    plan = marathon(equipment=GYM, session_minutes=60)
    lib = library()
    topped = 0
    for week in loading_weeks(plan, Phase.BUILD):
        for s in week.sessions:
            drills = [p for p in s.exercises if p.role is Role.PLYOMETRIC]
            assert s.plyo_contacts <= Rules().plyo_contacts_most_intermediate
            if len(drills) == 2:
                first, second = (lib.get(p.slug).plyometric for p in drills)
                assert first is not None
                assert second is not None
                assert first.intensity is not PlyoIntensity.LOW
                assert second.intensity is PlyoIntensity.LOW
                topped += 1
    assert topped
