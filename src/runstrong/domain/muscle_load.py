"""Muscle load: how much work a set of exercises puts on each muscle, side by side.

The unit is the *weighted set*: an exercise's involvement weight for a muscle (1.0 primary,
0.5 secondary, 0.25 stabiliser; see `runstrong.domain.muscles`) times the number of sets.
The heat map colours muscles by this number; the running layer is kept apart, never summed in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from enum import StrEnum

from runstrong.domain.exercise import Exercise
from runstrong.domain.muscles import Muscle


class Side(StrEnum):
    """The athlete's own side (anatomical left and right), not the viewer's."""

    LEFT = "left"
    RIGHT = "right"


def muscle_loads(items: Iterable[tuple[Exercise, float]]) -> dict[tuple[Muscle, Side], float]:
    """Weighted sets per muscle and side for exercises done for a number of sets each.

    Each item is an exercise and its number of sets (fractional sets are allowed). Every muscle
    the exercise involves gets ``weight x sets`` on each side:

    - bilateral work (both legs or arms together) loads both sides at once, so each side gets
      ``weight x sets``;
    - unilateral and alternating work is prescribed *per side*: the sets (or reps) are done on
      the left and again on the right, so each side also gets ``weight x sets``. A unilateral
      exercise is therefore not counted twice for the body, and not halved either.

    Muscles no item touches are absent. Keys come in `Muscle` order, left before right, so the
    result is the same for the same input whatever order the items came in.

    Raises ValueError when a number of sets is negative or not finite.
    """
    totals: dict[tuple[Muscle, Side], float] = {}
    for exercise, sets in items:
        if not math.isfinite(sets) or sets < 0:
            raise ValueError(f"{exercise.slug}: sets must be a finite number >= 0, got {sets!r}")
        for muscle, weight in exercise.muscles:
            for side in Side:
                key = (muscle, side)
                totals[key] = totals.get(key, 0.0) + weight * sets
    return {
        (muscle, side): totals[(muscle, side)]
        for muscle in Muscle
        for side in Side
        if (muscle, side) in totals
    }


def total_by_muscle(loads: Mapping[tuple[Muscle, Side], float]) -> dict[Muscle, float]:
    """Mean of the left and right load of each muscle that has a load on either side.

    A side that is missing counts as zero. Keys come in `Muscle` order.
    """
    return {
        muscle: (loads.get((muscle, Side.LEFT), 0.0) + loads.get((muscle, Side.RIGHT), 0.0)) / 2
        for muscle in Muscle
        if (muscle, Side.LEFT) in loads or (muscle, Side.RIGHT) in loads
    }
