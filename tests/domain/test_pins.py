"""A coach's pinned edits (domain.pins): an exercise swapped or its dose changed where the plan
has the pinned slot, noted as the coach's; nothing else of the plan changes."""

from __future__ import annotations

from datetime import date

import pytest

from builders import EXAMPLES, library, make_prescription, plan_from_file
from runstrong.domain.messages import RuleId
from runstrong.domain.pins import Pin, PinError, apply_pins, find_slot, pinned_prescription
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Reps

TODAY = date(2026, 12, 2)


def test_a_swap_takes_the_new_exercises_name_and_sides_and_keeps_the_slots_dose() -> None:
    planned = make_prescription("back_squat", name="Back squat", dose=Reps(5, ByRir(2)))
    swapped = pinned_prescription(planned, Pin("x/A/main", slug="bulgarian_split_squat"), library())
    assert (swapped.slug, swapped.per_side, swapped.dose, swapped.sets) == (
        "bulgarian_split_squat", True, Reps(5, ByRir(2)), 3,
    )  # fmt: skip
    assert swapped.name == library().get("bulgarian_split_squat").name
    assert [(n.rule, n.get("replaced")) for n in swapped.notes] == [
        (RuleId.COACH_PINNED, "Back squat")
    ]


def test_a_changed_dose_keeps_the_exercise_and_its_notes_and_adds_the_coachs() -> None:
    planned = make_prescription("back_squat", dose=Reps(5, ByPercent(80, 2)))
    dosed = pinned_prescription(planned, Pin("x/A/main", sets=5, reps=3), library())
    # the %1RM belonged to the planned five reps: three reps keep only the reserve
    assert (dosed.slug, dosed.sets, dosed.dose) == ("back_squat", 5, Reps(3, ByRir(2)))
    assert dosed.notes[-1].get("changed") == ("sets", "reps")
    by_rir = pinned_prescription(planned, Pin("x/A/main", rir=3), library())
    assert by_rir.dose == Reps(5, ByRir(3))


def test_a_swap_to_a_hold_needs_its_seconds_and_takes_no_reps() -> None:
    planned = make_prescription("back_squat")
    with pytest.raises(PinError) as missing:
        pinned_prescription(planned, Pin("x/A/main", slug="copenhagen_plank"), library())
    assert missing.value.field == "seconds"
    held = pinned_prescription(
        planned, Pin("x/A/main", slug="copenhagen_plank", seconds=20), library()
    )
    assert held.dose == Hold(20)
    with pytest.raises(PinError) as reps:
        pinned_prescription(
            planned, Pin("x/A/main", slug="copenhagen_plank", seconds=20, reps=5), library()
        )
    assert reps.value.field == "reps"


def test_numbers_out_of_bounds_and_unknown_exercises_are_refused() -> None:
    planned = make_prescription("box_jump", dose=Contacts(20))
    for pin, field in (
        (Pin("x", sets=21), "sets"),
        (Pin("x", contacts=0), "contacts"),
        (Pin("x", rir=2), "rir"),
        (Pin("x", slug="no_such_lift"), "slug"),
    ):
        with pytest.raises(PinError) as refused:
            pinned_prescription(planned, pin, library())
        assert refused.value.field == field


def test_a_plan_changes_only_at_the_pinned_slot_and_a_missing_slot_changes_nothing() -> None:
    plan = plan_from_file(EXAMPLES / "alex-marathon.toml", TODAY).plan
    session = plan.sessions[3]
    slot = session.exercise_ids[0]
    pinned = apply_pins(
        plan, [Pin(slot, sets=1), Pin("nobody/2026-12-07/A/main", sets=1)], library()
    )
    found = find_slot(pinned, slot)
    assert found is not None
    assert found[1].sets == 1
    before = [p for s in plan.sessions for p in s.exercises]
    after = [p for s in pinned.sessions for p in s.exercises]
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    assert apply_pins(plan, [Pin("nobody/2026-12-07/A/main", sets=1)], library()) == plan
