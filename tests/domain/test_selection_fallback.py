"""Why a slot has no exercise, as the plan says it: the niggle, or the kit and level."""

from __future__ import annotations

from dataclasses import replace

from builders import make_exercise
from runstrong.domain.athlete import Niggle
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import (
    Equipment,
    Exercise,
    Laterality,
    Level,
    NiggleSite,
    Pattern,
    Severity,
)
from runstrong.domain.rules import Rules
from runstrong.domain.selection import Chooser
from runstrong.domain.templates import SINGLE_LEG_HIP, UNILATERAL


def exercise(
    slug: str,
    pattern: Pattern,
    kit: Equipment,
    laterality: Laterality = Laterality.UNILATERAL,
    avoid: frozenset[NiggleSite] = frozenset(),
) -> Exercise:
    return replace(
        make_exercise(slug, laterality=laterality),
        patterns=(pattern,),
        equipment=frozenset({kit}),
        equipment_any=frozenset(),
        tolerated_with=tuple((site, None) for site in sorted(avoid)),
    )


KNEE_UNILATERAL, BODYWEIGHT = Pattern.KNEE_DOMINANT_UNILATERAL, Equipment.BODYWEIGHT
STEP_UP = exercise("box_step", KNEE_UNILATERAL, Equipment.BOX)
LUNGE = exercise("lunge", KNEE_UNILATERAL, BODYWEIGHT, avoid=frozenset({NiggleSite.KNEE}))
BRIDGE = exercise("one_leg_bridge", Pattern.HIP_EXTENSION, BODYWEIGHT)
HINGE = exercise("two_leg_hinge", Pattern.HIP_HINGE, BODYWEIGHT, Laterality.BILATERAL)


def chooser(*exercises: Exercise, niggles: tuple[Niggle, ...] = ()) -> Chooser:
    library = ExerciseLibrary({ex.slug: ex for ex in exercises})
    return Chooser(
        library,
        Level.INTERMEDIATE,
        frozenset({Equipment.BODYWEIGHT}),
        niggles,
        frozenset(),
        Rules(),
    )


def test_a_slot_emptied_by_a_niggle_says_so() -> None:
    found = chooser(STEP_UP, LUNGE, niggles=(Niggle(NiggleSite.KNEE, Severity.MILD),))
    assert found.choose(UNILATERAL, block=0, used=(), max_plyo=None) == (None, ())
    assert found.why_empty(UNILATERAL) == ("knee",)  # the niggle sites that rule them out


def test_a_slot_the_kit_cannot_fill_says_so() -> None:
    found = chooser(STEP_UP)
    assert found.why_empty(UNILATERAL) == ()  # no niggle to blame: the kit and level


def test_the_single_leg_hip_slot_takes_one_sided_exercises_only() -> None:
    found = chooser(BRIDGE, HINGE)
    ex, _ = found.choose(SINGLE_LEG_HIP, block=0, used=(), max_plyo=None)
    assert ex is not None
    assert ex.slug == "one_leg_bridge"
    assert found.choose(SINGLE_LEG_HIP, block=0, used={"one_leg_bridge"}, max_plyo=None)[0] is None
