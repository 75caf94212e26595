"""Progression you can see (issue 14): main lifts climb a rep wave that goes on across deloads,
body-weight main lifts climb sets and reps, holds lengthen, a ladder is never stepped down, and a
once-a-week body-weight session deloads by effort (science.md §2.1, §2.3, §3.4, "Progression")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

from builders import EXAMPLES, example_params, library, make_athlete, make_profile, with_rule
from domain.test_engine_properties import profiles
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import (
    ByPercent,
    Hold,
    Phase,
    Plan,
    Prescription,
    Reps,
    Role,
    Session,
    Week,
)
from runstrong.domain.profile import Profile
from runstrong.domain.progression import Progress, more_contacts, position, step
from runstrong.domain.rules import Rules
from runstrong.profile import load_profile

START = date(2026, 12, 7)
LOADING = frozenset({Phase.BASE, Phase.BUILD})
# Notes that say the planned dose was changed for the day or the kit (day_fit.py, §2.8): such a
# dose is not the progression's, and the properties below leave it out.
CHANGED_FOR_DAY_OR_KIT = frozenset(
    {
        RuleId.MODERATED_DOSE,
        RuleId.LIGHT_MORE_REPS,
        RuleId.LIGHT_SLOW_TEMPO,
        RuleId.LOAD_CAPPED,
    }
)


# A dose moderated for its day climbs the moderate table (day_fit.py): it is left out of the
# properties of the rep wave, but it must not repeat either.
CHANGED_FOR_KIT = CHANGED_FOR_DAY_OR_KIT - {RuleId.MODERATED_DOSE}


def planned(p: Prescription) -> bool:
    return not any(n.rule in CHANGED_FOR_DAY_OR_KIT for n in p.notes)


def progressed(p: Prescription) -> bool:
    """The wave's dose, or the moderate table's on a day that asks for moderate legs."""
    return not any(n.rule in CHANGED_FOR_KIT for n in p.notes)


def b_race_week(week: Week) -> bool:
    return any(r.rule is RuleId.B_RACE_MINI_TAPER for s in week.sessions for r in s.reasons)


def exercises(week: Week) -> list[Prescription]:
    return [p for s in week.sessions for p in s.exercises]


def loading_weeks(plan: Plan) -> list[Week]:
    """Base and build weeks that are not deloads, in order."""
    return [w for w in plan.weeks if w.phase in LOADING and not w.deload]


def blocks(plan: Plan) -> Iterator[list[Week]]:
    """The plan's blocks as a reader sees them: runs of loading weeks of one phase, ended by a
    deload or another phase."""
    block: list[Week] = []
    for week in plan.weeks:
        if week.deload or week.phase not in LOADING or (block and block[-1].phase != week.phase):
            if block:
                yield block
            block = [] if week.deload or week.phase not in LOADING else [week]
            continue
        block.append(week)
    if block:
        yield block


Dose = tuple[int, object, str | None]


def mains(week: Week) -> dict[str, tuple[Dose, ...]]:
    """Each main lift of the week with its progressed doses (sets, reps or seconds with their
    effort, and tempo, per session), moderated ones included."""
    out: dict[str, list[Dose]] = {}
    for s in week.sessions:
        for p in s.exercises:
            if p.role is Role.MAIN and progressed(p):
                out.setdefault(p.slug, []).append((p.sets, p.dose, p.tempo))
    return {slug: tuple(doses) for slug, doses in out.items()}


def longest_repeat(plan: Plan) -> tuple[int, str]:
    """The most consecutive base or build loading weeks a main lift keeps one dose, and which
    (a deload between them aside; another phase between them ends the run)."""
    runs: dict[str, tuple[object, int]] = {}
    worst = (0, "")
    for week in plan.weeks:
        if week.phase not in LOADING:
            runs = {}
        if week.phase not in LOADING or week.deload:
            continue
        doses = mains(week)
        runs = {
            slug: (dose, runs[slug][1] + 1 if slug in runs and runs[slug][0] == dose else 1)
            for slug, dose in doses.items()
        }
        for slug, (_, n) in runs.items():
            worst = max(worst, (n, f"{slug} to week {week.index}"))
    return worst


def percent_falls(plan: Plan) -> list[str]:
    """Known-max main lifts whose %1RM falls from one loading week to the next of a block."""
    falls = []
    for block in blocks(plan):
        last: dict[str, int] = {}
        for week in block:
            if b_race_week(week):  # a B race's mini-taper lightens the week on purpose
                last = {}
                continue
            for s in week.sessions:
                for p in s.exercises:
                    effort = p.effort
                    if p.role is Role.MAIN and planned(p) and isinstance(effort, ByPercent):
                        if effort.percent_1rm < last.get(p.slug, 0):
                            falls.append(f"{p.slug} week {week.index}")
                        last[p.slug] = effort.percent_1rm
    return falls


def beginner_short_of_three_sets(plan: Plan) -> list[str]:
    """A beginner's planned main lifts below 3 sets in the third loading week of a block or
    later (science.md §2.3: 2-3 x 10-12, rising), but for a session too short for them that
    says so (min_main_sets_short_of_time, named in its sets_cut_to_fit reason)."""
    return [
        f"{p.slug} {p.sets} sets week {week.index}"
        for block in blocks(plan)
        for week in block[2:]
        for s in week.sessions
        for p in s.exercises
        if p.role is Role.MAIN
        and planned(p)
        and p.sets < 3
        and not b_race_week(week)
        and p.name not in cut_to_fit(s)
    ]


def cut_to_fit(s: Session) -> set[str]:
    """The exercises whose sets a session cut to fit its minutes, as its reasons name them."""
    return {
        name
        for r in s.reasons
        if r.rule is RuleId.SETS_CUT_TO_FIT
        for name in r.get("exercises") or ()
        if isinstance(name, str)
    }


def plan_of(path: Path) -> tuple[Profile, Plan]:
    profile = load_profile(path, library())
    return profile, generate_plan(profile, library(), today=START)


def check_progression(profile: Profile, plan: Plan) -> None:
    repeat, where = longest_repeat(plan)
    assert repeat <= 2, where
    assert percent_falls(plan) == []
    if profile.athlete.level is Level.BEGINNER:
        assert beginner_short_of_three_sets(plan) == []


@pytest.mark.parametrize("example", example_params(gaps=()))
def test_the_example_plans_progress_their_main_lifts(example: Path) -> None:
    check_progression(*plan_of(example))


@settings(max_examples=60, deadline=None)
@given(profiles())
def test_random_profiles_progress_their_main_lifts(profile: Profile) -> None:
    check_progression(profile, generate_plan(profile, library(), start=START))


def test_the_beginners_main_lifts_reach_three_sets() -> None:
    for name in ("sam-5k-beginner", "tom-beginner-25min"):
        _, plan = plan_of(EXAMPLES / f"{name}.toml")
        sets = {p.sets for w in loading_weeks(plan) for p in exercises(w) if p.role is Role.MAIN}
        assert 3 in sets, name


def test_an_advanced_lifter_reaches_the_4_x_4_and_5_x_3_steps_of_the_base_wave() -> None:
    """Issue 14: the wave restarted after every deload, so Marco's base repeated 4 x 6 and 4 x 5
    and never reached 5 x 3."""
    _, plan = plan_of(EXAMPLES / "marco-marathon-gym.toml")
    base = [w for w in loading_weeks(plan) if w.phase is Phase.BASE]
    reps = [p.dose.count for w in base for p in exercises(w) if p.role is Role.MAIN]
    assert {4, 3} <= set(reps)
    assert [p.sets for w in base for p in exercises(w) if p.dose == Reps(3, ByPercent(90, 1))]


def test_no_beginner_steps_down_a_rung_of_a_ladder() -> None:
    """Tom's squat went band squat -> body-weight squat between blocks; now up only."""
    _, plan = plan_of(EXAMPLES / "tom-beginner-25min.toml")
    squats = [p.slug for w in plan.weeks for p in exercises(w) if "squat" in p.slug]
    first_band = squats.index("band_squat")
    assert "bodyweight_squat" not in squats[first_band:]


def test_the_rep_wave_starts_each_block_a_row_higher_within_the_table() -> None:
    # by hand: a 4-row table, blocks of 3 weeks: rows 0-2, then 1-3, then 1-3 again
    rows = [[position(b, w, 3, 4, 1) for w in range(3)] for b in range(3)]
    assert rows == [[0, 1, 2], [1, 2, 3], [1, 2, 3]]
    # a 5-week block on a 3-row table: rows 0, 1, 2, then a set more a week
    assert [step(position(0, w, 5, 3, 1), 3) for w in range(5)] == [
        (0, 0),
        (1, 0),
        (2, 0),
        (2, 1),
        (2, 2),
    ]


def test_a_21_week_base_does_not_repeat_its_first_week() -> None:
    """Issue 14: a 21-week base after a 10k repeated week 1 word for word."""
    athlete = make_athlete(level="intermediate", equipment=frozenset({Equipment.DUMBBELLS}))
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=21)
    first = mains(plan.weeks[0])
    later = [w for w in loading_weeks(plan)[1:] if w.phase is Phase.BASE]
    assert later
    assert all(mains(w) != first for w in later)


def test_a_once_a_week_body_weight_session_deloads_by_effort_not_by_halving() -> None:
    athlete = make_athlete(
        level="beginner", equipment=frozenset(), strength_days=("sat",), sessions_per_week=1
    )
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=8)
    deload = next(w for w in plan.weeks if w.deload)
    before = plan.weeks[deload.index - 2]
    was = {p.slug: p for p in exercises(before)}
    kept = [p for p in exercises(deload) if p.slug in was and not isinstance(p.dose, Hold)]
    assert kept
    for p in kept:
        if p.role is Role.PLYOMETRIC or p.effort is None:
            continue
        assert p.sets == was[p.slug].sets
        assert with_rule(p.notes, RuleId.DELOAD_BY_EFFORT, sets=p.sets, more_rir=1)


def test_holds_lengthen_within_a_block() -> None:
    athlete = make_athlete(level="beginner", equipment=frozenset())
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=3)
    holds: dict[str, list[int]] = {}
    for w in plan.weeks:
        for p in exercises(w):
            if isinstance(p.dose, Hold) and planned(p):
                holds.setdefault(p.slug, []).append(p.dose.seconds)
    assert holds
    assert all(s == sorted(s) and s[-1] > s[0] for s in holds.values() if len(s) > 1)


def test_plyometric_contacts_climb_ten_percent_a_step_up_to_the_levels_most() -> None:
    rules = Rules()
    # by hand: 80 contacts, a block of 3 weeks starting at step 0: 80, 88, 96; the block after
    # starts a step higher: 88, 96, 100 (104 capped at the intermediate's 100)
    first = [more_contacts(80, 100, Progress(w, 0, 0, 3), rules) for w in range(3)]
    second = [more_contacts(80, 100, Progress(w, 1, 1, 3), rules) for w in range(3)]
    assert (first, second) == ([80, 88, 96], [88, 96, 100])
    assert more_contacts(120, 100, Progress(2, 0, 3, 3), rules) == 120  # a profile's own stays


@pytest.mark.parametrize("example", example_params(gaps=()))
def test_no_session_holds_more_contacts_than_the_levels_most(example: Path) -> None:
    profile, plan = plan_of(example)
    rules = profile.rules
    most = {
        Level.BEGINNER: rules.plyo_contacts_most_beginner,
        Level.INTERMEDIATE: rules.plyo_contacts_most_intermediate,
        Level.ADVANCED: rules.plyo_contacts_most_advanced,
    }[profile.athlete.level]
    assert max(s.plyo_contacts for s in plan.sessions) <= most
