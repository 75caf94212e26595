"""Training balance: runner target bands, pattern groups and the flags for gaps."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest

from builders import GYM, library, make_prescription, make_profile, make_race, plan_from_file
from runstrong.domain.athlete import Weekday
from runstrong.domain.balance import (
    BAND_GROUPS,
    TARGET_BANDS,
    BandStatus,
    PatternGroup,
    balance_report,
    is_bent_knee_calf,
    is_straight_knee_calf,
    session_items,
    week_items,
)
from runstrong.domain.engine import generate_plan
from runstrong.domain.exercise import Pattern
from runstrong.domain.muscles import Muscle
from runstrong.domain.plan import (
    ByRir,
    Contacts,
    LowerBodyLoad,
    Phase,
    Plan,
    Prescription,
    Reps,
    Session,
    Week,
)

START = date(2026, 12, 7)
NO_CALF = "no calf or soleus work this week"
NO_BENT_KNEE = "no bent-knee (soleus) calf work this week"


def gym_plan() -> Plan:
    """A gym athlete with 90 minutes a session: nothing is trimmed for time."""
    return generate_plan(make_profile(equipment=GYM, session_minutes=90), library(), start=START)


def first_base_week(plan: Plan) -> Week:
    week = plan.weeks[0]
    assert week.phase is Phase.BASE
    assert not week.deload
    return week


def without(week: Week, drop: set[str]) -> Week:
    """The week with the named exercises taken out of every session."""
    sessions = tuple(
        dataclasses.replace(s, exercises=tuple(p for p in s.exercises if p.slug not in drop))
        for s in week.sessions
    )
    return dataclasses.replace(week, sessions=sessions)


def slugs_with_pattern(week: Week, pattern: Pattern) -> set[str]:
    lib = library()
    return {
        p.slug for s in week.sessions for p in s.exercises if pattern in lib.get(p.slug).patterns
    }


def prescribe(
    slug: str, sets: int, *, per_side: bool = False, contacts: int | None = None
) -> Prescription:
    dose = Contacts(contacts) if contacts else Reps(8, ByRir(2))
    return make_prescription(slug, sets=sets, dose=dose, per_side=per_side, rest_s=120)


def hand_week(*exercises: Prescription, phase: Phase = Phase.BASE, deload: bool = False) -> Week:
    session = Session(
        date=START,
        weekday=Weekday.MON,
        time=time(18, 0),
        title="Test session",
        after_run=False,
        lower_body_load=LowerBodyLoad.HEAVY,
        plyo_contacts=0,
        est_minutes=45,
        exercises=exercises,
        reasons=(),
        warnings=(),
    )
    return Week(1, START, phase, deload, "test", (session,))


def test_a_complete_gym_base_week_raises_no_flags() -> None:
    report = balance_report(first_base_week(gym_plan()), library())

    assert report.flags == ()
    assert report.notes == ()
    assert report.straight_knee_calf_sets > 0
    assert report.bent_knee_calf_sets > 0


def test_a_week_without_calf_work_is_flagged() -> None:
    week = first_base_week(gym_plan())
    calf = slugs_with_pattern(week, Pattern.CALF_ANKLE)
    assert calf, "the engine's base week should hold calf work to remove"

    report = balance_report(without(week, calf), library())

    assert NO_CALF in report.flags
    assert report.sets(PatternGroup.CALF) == 0


def test_a_week_with_only_straight_knee_calf_raises_misses_the_soleus() -> None:
    week = first_base_week(gym_plan())
    lib = library()
    bent = {
        s for s in slugs_with_pattern(week, Pattern.CALF_ANKLE) if is_bent_knee_calf(lib.get(s))
    }
    assert bent

    report = balance_report(without(week, bent), lib)

    assert NO_BENT_KNEE in report.flags
    assert NO_CALF not in report.flags


def test_a_deload_week_gets_a_note_and_no_flags_even_below_the_bands() -> None:
    plan = generate_plan(make_profile(), library(), start=START)
    deload = next(w for w in plan.weeks if w.deload)

    report = balance_report(deload, library())

    assert report.light
    assert report.flags == ()
    assert report.notes[0].startswith("Deload week")
    below = [m for m in report.muscles if m.status is BandStatus.BELOW]
    below += [g for g in report.groups if g.status is BandStatus.BELOW]
    assert below, "the test needs a deload week that is below a band"
    assert balance_report(dataclasses.replace(deload, deload=False), library()).flags


def test_taper_weeks_are_noted_not_flagged() -> None:
    race = make_race(date(2027, 4, 18))
    profile = make_profile(equipment=GYM, session_minutes=90, races=(race,))
    plan = generate_plan(profile, library(), start=START)
    tapers = [w for w in plan.weeks if w.phase is Phase.TAPER and w.sessions]
    assert tapers

    for week in tapers:
        report = balance_report(week, library())
        assert report.flags == ()
        assert report.notes[0].startswith("Taper week")


def test_a_muscle_below_its_band_is_flagged_with_its_load_and_band() -> None:
    # back squat: quadriceps is a prime mover (weight 1.0), so 2 sets = 2.0 weighted sets.
    assert library().get("back_squat").muscle_weights[Muscle.QUADRICEPS] == 1.0
    assert TARGET_BANDS[Muscle.QUADRICEPS] == (4.0, 16.0)

    report = balance_report(hand_week(prescribe("back_squat", 2)), library())

    assert "quadriceps below the runner band (2.0 of 4-16 weighted sets)" in report.flags
    assert report.muscle(Muscle.QUADRICEPS).status is BandStatus.BELOW


def test_maintenance_weeks_halve_the_bands() -> None:
    squat = prescribe("back_squat", 3)  # 3.0 weighted quadriceps sets

    base = balance_report(hand_week(squat), library())
    maintenance = balance_report(hand_week(squat, phase=Phase.MAINTENANCE), library())

    assert base.muscle(Muscle.QUADRICEPS).status is BandStatus.BELOW
    assert maintenance.muscle(Muscle.QUADRICEPS).band == (2.0, 8.0)
    assert maintenance.muscle(Muscle.QUADRICEPS).status is BandStatus.WITHIN
    assert not any(f.startswith("quadriceps below") for f in maintenance.flags)


def test_missing_patterns_each_raise_their_own_flag() -> None:
    report = balance_report(hand_week(prescribe("back_squat", 3)), library())

    for flag in (
        "no hinge or hamstring work this week",
        NO_CALF,
        "no single-leg work this week",
        "no lateral hip work this week",
        "no upper-body pull this week",
        "no upper-body push this week",
        "no trunk work this week",
    ):
        assert flag in report.flags
    assert "no knee-dominant (squat, lunge or step-up) work this week" not in report.flags
    # a missing pattern already explains a group below its band: no second flag
    assert not any(f.startswith("upper-body pull below") for f in report.flags)


def test_one_missing_trunk_pattern_is_named() -> None:
    week = hand_week(
        prescribe("back_squat", 3),
        prescribe("side_plank_hip_abduction", 3, per_side=True),  # lateral trunk
        prescribe("dead_bug", 3, per_side=True),  # anti-extension
    )

    report = balance_report(week, library())

    assert "trunk: no anti-rotation work this week" in report.flags
    assert "no trunk work this week" not in report.flags
    assert "trunk: no anti-extension work this week" not in report.flags


def test_an_exercise_counts_in_every_group_its_patterns_reach() -> None:
    patterns = library().get("side_plank_hip_abduction").patterns
    assert Pattern.HIP_ABDUCTION_LATERAL in patterns
    assert Pattern.TRUNK_LATERAL in patterns

    report = balance_report(hand_week(prescribe("side_plank_hip_abduction", 3)), library())

    assert report.sets(PatternGroup.LATERAL_HIP) == 3
    assert report.sets(PatternGroup.TRUNK_LATERAL) == 3
    assert report.sets(PatternGroup.KNEE_DOMINANT) == 0


def test_plyometric_contacts_count_both_sides_of_per_side_drills() -> None:
    week = hand_week(
        prescribe("pogo_hops", 4, contacts=20),  # 4 x 20 = 80
        prescribe("single_leg_pogo", 3, per_side=True, contacts=10),  # 3 x 10 x 2 = 60
    )

    report = balance_report(week, library())

    assert report.plyo_contacts == 140
    assert report.sets(PatternGroup.PLYOMETRIC) == 7
    # pogo drills are tagged calf_ankle too, but only heavy, slow work fills the calf slot
    assert report.sets(PatternGroup.CALF) == 0
    assert NO_CALF in report.flags


def test_single_leg_share_is_per_side_sets_over_knee_hinge_and_calf_sets() -> None:
    week = hand_week(
        prescribe("back_squat", 3),
        prescribe("bulgarian_split_squat", 3, per_side=True),
        prescribe("seated_calf_raise", 2),
        prescribe("side_plank_hip_abduction", 3, per_side=True),  # lateral hip: not counted
    )

    report = balance_report(week, library())

    assert report.single_leg_share == pytest.approx(3 / 8)
    assert "no single-leg work this week" not in report.flags


def test_a_week_with_no_leg_work_has_no_single_leg_share() -> None:
    report = balance_report(hand_week(prescribe("chin_up", 3)), library())

    assert report.single_leg_share is None


def test_calf_raises_are_told_apart_by_their_muscle_weights() -> None:
    lib = library()

    assert is_straight_knee_calf(lib.get("standing_calf_raise"))
    assert not is_bent_knee_calf(lib.get("standing_calf_raise"))
    assert is_bent_knee_calf(lib.get("seated_calf_raise"))
    assert not is_straight_knee_calf(lib.get("seated_calf_raise"))
    assert not is_straight_knee_calf(lib.get("tibialis_raise"))
    assert not is_bent_knee_calf(lib.get("tibialis_raise"))


def test_a_grouped_muscle_below_its_band_takes_its_groups_verdict() -> None:
    # chin-ups load the lats fully (1.0) and the mid-back as a synergist (0.5)
    weights = library().get("chin_up").muscle_weights
    assert (weights[Muscle.LATISSIMUS_DORSI], weights[Muscle.MID_BACK]) == (1.0, 0.5)

    report = balance_report(hand_week(prescribe("chin_up", 3)), library())

    pull = next(g for g in report.groups if g.name == "upper-body pull")
    assert pull.load == 3.0
    assert pull.status is BandStatus.WITHIN
    mid_back = report.muscle(Muscle.MID_BACK)
    assert mid_back.load == 1.5
    assert mid_back.band is not None
    assert mid_back.load < mid_back.band[0]  # below its band, on its own
    assert mid_back.status is BandStatus.WITHIN
    assert mid_back.group == "upper-body pull"
    assert not any(f.startswith("upper-body pull below") for f in report.flags)


def test_a_group_below_its_band_makes_every_member_below() -> None:
    week = hand_week(prescribe("back_squat", 3), prescribe("chin_up", 1))  # pull: 1.0 of 2-8

    report = balance_report(week, library())

    assert {report.muscle(m).status for m in BAND_GROUPS["upper-body pull"]} == {BandStatus.BELOW}
    assert "upper-body pull below the runner band (1.0 of 2-8 weighted sets)" in report.flags


def every_example_week() -> list[Week]:
    from builders import EXAMPLES

    return [
        week
        for path in sorted(EXAMPLES.glob("*.toml"))
        for week in plan_from_file(path, date(2026, 11, 26)).plan.weeks
        if week.sessions
    ]


def test_a_week_without_flags_shows_no_muscle_below_its_band() -> None:
    """What `runstrong balance` prints as "No gaps" above its table: every week of every example
    plan, grouped members below their own band included."""
    clean = 0
    for week in every_example_week():
        report = balance_report(week, library())
        if report.flags or report.light:
            continue
        clean += 1
        assert [m.muscle for m in report.muscles if m.status is BandStatus.BELOW] == []
        assert [g.name for g in report.groups if g.status is BandStatus.BELOW] == []
    assert clean


def test_the_examples_have_clean_weeks_with_a_grouped_muscle_below_its_own_band() -> None:
    """Guards the test above: the case that printed "No gaps" above a "below" row."""
    cases = [
        m
        for week in every_example_week()
        for report in [balance_report(week, library())]
        if not report.flags and not report.light
        for m in report.muscles
        if m.group is not None and m.band is not None and m.load < m.band[0]
    ]
    assert cases


def test_every_member_of_a_band_group_has_the_same_band() -> None:
    for members in BAND_GROUPS.values():
        assert len({TARGET_BANDS[m] for m in members}) == 1


def test_week_items_are_each_prescription_with_its_sets() -> None:
    week = hand_week(prescribe("back_squat", 3), prescribe("bulgarian_split_squat", 2))

    items = week_items(week, library())

    assert [(ex.slug, sets) for ex, sets in items] == [
        ("back_squat", 3.0),
        ("bulgarian_split_squat", 2.0),
    ]


def test_an_unknown_slug_is_a_clear_error() -> None:
    week = hand_week(prescribe("no_such_exercise", 3))

    with pytest.raises(ValueError, match="no_such_exercise"):
        session_items(week.sessions[0], library())
