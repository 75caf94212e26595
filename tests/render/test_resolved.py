"""The resolved view: each exercise's id, label, load, rest and notes, worked out once per plan."""

from __future__ import annotations

from datetime import date, time, timedelta

from builders import EXAMPLES, GYM, library, make_athlete, make_prescription, plan_from_file
from runstrong.domain.athlete import Weekday
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.plan import (
    ByPercent,
    ByRir,
    Hold,
    LowerBodyLoad,
    Phase,
    Plan,
    Reps,
    Role,
    Session,
    Week,
)
from runstrong.render.resolved import resolve

MONDAY = date(2027, 1, 4)
SWAP = reason(RuleId.NIGGLE_SWAP, replaced="Back squat", niggle_sites=("knee",))


def one_session_plan() -> Plan:
    """A squat at 83% 1RM (with a note of its own), then a superset of a split squat and a
    side plank."""
    squat = make_prescription(
        "back_squat", dose=Reps(5, ByPercent(83, 2)), rest_s=180, notes=(SWAP,)
    )
    split = make_prescription(
        "bulgarian_split_squat",
        role=Role.SECONDARY,
        dose=Reps(8, ByRir(2)),
        rest_s=90,
        superset="A",
    )
    plank = make_prescription("side_plank", role=Role.TRUNK, dose=Hold(30), rest_s=45, superset="A")
    day = MONDAY + timedelta(days=1)
    session = Session(
        date=day,
        weekday=Weekday.of(day),
        time=time(18, 0),
        title="Strength A",
        after_run=False,
        lower_body_load=LowerBodyLoad.HEAVY,
        plyo_contacts=0,
        est_minutes=40,
        exercises=(squat, split, plank),
        reasons=(),
        warnings=(),
        id="test-runner/2027-01-04/A",
    )
    week = Week(1, MONDAY, Phase.BASE, False, "Strength.", (session,))
    return Plan(athlete="Test Runner", start=MONDAY, weeks=(week,), warnings=())


def test_each_exercise_gets_its_id_label_rest_and_library_entry() -> None:
    resolved = resolve(one_session_plan(), make_athlete(equipment=GYM), library())
    (session,) = resolved.sessions
    got = [(x.id, x.label, x.rest_text, x.exercise.slug) for x in session.exercises]
    assert got == [
        ("test-runner/2027-01-04/A/main", "A", "rest 3:00", "back_squat"),
        (
            "test-runner/2027-01-04/A/secondary",
            "B1",
            "then straight to B2",
            "bulgarian_split_squat",
        ),
        ("test-runner/2027-01-04/A/trunk", "B2", "rest 1:30 after the pair", "side_plank"),
    ]


def test_a_load_the_kit_caps_is_resolved_with_its_note_after_the_exercises_own() -> None:
    """83% of a 200 kg squat is 166 kg; a 100 kg barbell caps it, at 50% of the max."""
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 200.0}, barbell_max_kg=100.0)
    squat = resolve(one_session_plan(), athlete, library()).sessions[0].exercises[0]
    capped = reason(
        RuleId.LOAD_CAPPED,
        kit="barbell",
        held=1,
        load_kg=100.0,
        share=50,
        advice="more_in_reserve",
    )
    assert (squat.load_kg, squat.load_note) == (100.0, capped)
    assert squat.notes == (SWAP, capped)


def test_without_a_known_max_there_is_no_load_and_the_notes_are_the_exercises_own() -> None:
    squat = resolve(one_session_plan(), make_athlete(equipment=GYM), library()).sessions[0]
    first = squat.exercises[0]
    assert (first.load_kg, first.load_note, first.notes) == (None, None, (SWAP,))


def test_a_plan_is_resolved_once_for_all_its_exports() -> None:
    result = plan_from_file(EXAMPLES / "alex-marathon.toml", date(2026, 11, 26))
    assert result.resolved is result.resolved
    weeks = result.resolved.weeks
    assert [w.week for w in weeks] == list(result.plan.weeks)
    assert [s.session for s in result.resolved.sessions] == list(result.plan.sessions)
