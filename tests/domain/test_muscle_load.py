"""Muscle load: weighted sets per muscle and side."""

from __future__ import annotations

import pytest

from builders import make_exercise
from runstrong.domain.exercise import (
    Laterality,
)
from runstrong.domain.muscle_load import Side, muscle_loads, total_by_muscle
from runstrong.domain.muscles import Muscle

SQUAT = make_exercise(
    "goblet_squat",
    muscles={Muscle.QUADRICEPS: 1.0, Muscle.GLUTEUS_MAXIMUS: 0.5, Muscle.ERECTOR_SPINAE: 0.25},
)
SPLIT_SQUAT = make_exercise(
    "split_squat",
    muscles={Muscle.QUADRICEPS: 1.0, Muscle.GLUTEUS_MEDIUS: 0.5},
    laterality=Laterality.UNILATERAL,
)
DEAD_BUG = make_exercise(
    "dead_bug",
    muscles={Muscle.RECTUS_ABDOMINIS: 1.0, Muscle.TRANSVERSUS_ABDOMINIS: 1.0},
    laterality=Laterality.ALTERNATING,
)


def test_bilateral_work_loads_both_sides_with_weight_times_sets() -> None:
    loads = muscle_loads([(SQUAT, 3)])

    assert loads[(Muscle.QUADRICEPS, Side.LEFT)] == 3.0
    assert loads[(Muscle.QUADRICEPS, Side.RIGHT)] == 3.0
    assert loads[(Muscle.GLUTEUS_MAXIMUS, Side.LEFT)] == 1.5
    assert loads[(Muscle.ERECTOR_SPINAE, Side.RIGHT)] == 0.75


def test_unilateral_work_gives_each_side_the_full_sets_neither_halved_nor_doubled() -> None:
    loads = muscle_loads([(SPLIT_SQUAT, 3)])

    assert loads[(Muscle.QUADRICEPS, Side.LEFT)] == 3.0
    assert loads[(Muscle.QUADRICEPS, Side.RIGHT)] == 3.0
    assert loads[(Muscle.GLUTEUS_MEDIUS, Side.LEFT)] == 1.5
    assert loads[(Muscle.GLUTEUS_MEDIUS, Side.RIGHT)] == 1.5


def test_alternating_work_is_counted_per_side_like_unilateral_work() -> None:
    loads = muscle_loads([(DEAD_BUG, 2)])

    assert loads[(Muscle.RECTUS_ABDOMINIS, Side.LEFT)] == 2.0
    assert loads[(Muscle.TRANSVERSUS_ABDOMINIS, Side.RIGHT)] == 2.0


def test_loads_of_several_exercises_add_up_and_fractional_sets_count() -> None:
    loads = muscle_loads([(SQUAT, 3), (SPLIT_SQUAT, 2.5)])

    assert loads[(Muscle.QUADRICEPS, Side.LEFT)] == pytest.approx(5.5)
    assert loads[(Muscle.QUADRICEPS, Side.RIGHT)] == pytest.approx(5.5)


def test_muscles_no_exercise_touches_are_absent() -> None:
    loads = muscle_loads([(SQUAT, 3)])

    assert (Muscle.LATISSIMUS_DORSI, Side.LEFT) not in loads
    assert {muscle for muscle, _ in loads} == {
        Muscle.QUADRICEPS,
        Muscle.GLUTEUS_MAXIMUS,
        Muscle.ERECTOR_SPINAE,
    }


def test_no_exercises_give_no_load() -> None:
    assert muscle_loads([]) == {}


def test_the_result_does_not_depend_on_the_order_of_the_exercises() -> None:
    forwards = muscle_loads([(SQUAT, 3), (SPLIT_SQUAT, 2), (DEAD_BUG, 1)])
    backwards = muscle_loads([(DEAD_BUG, 1), (SPLIT_SQUAT, 2), (SQUAT, 3)])

    assert list(forwards.items()) == list(backwards.items())


@pytest.mark.parametrize("sets", [-1.0, float("nan"), float("inf")])
def test_a_negative_or_non_finite_number_of_sets_is_refused(sets: float) -> None:
    with pytest.raises(ValueError, match="goblet_squat"):
        muscle_loads([(SQUAT, sets)])


def test_total_by_muscle_is_the_mean_of_both_sides() -> None:
    loads = {
        (Muscle.QUADRICEPS, Side.LEFT): 4.0,
        (Muscle.QUADRICEPS, Side.RIGHT): 2.0,
        (Muscle.SOLEUS, Side.RIGHT): 3.0,
    }

    assert total_by_muscle(loads) == {Muscle.QUADRICEPS: 3.0, Muscle.SOLEUS: 1.5}


def test_total_by_muscle_of_symmetric_work_equals_each_side() -> None:
    totals = total_by_muscle(muscle_loads([(SPLIT_SQUAT, 4)]))

    assert totals == {Muscle.QUADRICEPS: 4.0, Muscle.GLUTEUS_MEDIUS: 2.0}
