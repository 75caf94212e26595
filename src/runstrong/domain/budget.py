"""Session time: warm-up, sets x (work + rest), changeovers (our own estimate [D])."""

from __future__ import annotations

import math
from collections.abc import Iterable

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.plan import Prescription
from runstrong.domain.rules import Rules

SECONDS_BETWEEN_SIDES = 15  # switching sides in a per-side set [D]


def exercise_seconds(p: Prescription, seconds_per_rep: float, rules: Rules) -> float:
    if p.seconds is not None:
        work = float(p.seconds)
    elif p.contacts is not None:
        work = p.contacts * seconds_per_rep
    else:
        work = (p.reps or 0) * seconds_per_rep
    if p.per_side:
        work = 2 * work + SECONDS_BETWEEN_SIDES
    return p.sets * work + (p.sets - 1) * p.rest_s + rules.changeover_seconds


def session_minutes(
    exercises: Iterable[Prescription], library: ExerciseLibrary, rules: Rules
) -> int:
    total = rules.warm_up_minutes * 60 + sum(
        exercise_seconds(p, library.get(p.slug).seconds_per_rep, rules) for p in exercises
    )
    return math.ceil(total / 60)
