"""Session time: warm-up, sets x (work + rest), changeovers, supersets (our own estimate [D])."""

from __future__ import annotations

import math
from collections.abc import Iterable

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.plan import Prescription
from runstrong.domain.rules import Rules
from runstrong.domain.supersets import group

SECONDS_BETWEEN_SIDES = 15  # switching sides in a per-side set [D]
SECONDS_BETWEEN_PARTNERS = 20  # walking from one exercise of a superset to the other [D]


def tempo_seconds(tempo: str | None) -> float | None:
    """Seconds of one rep at a tempo like "3-0-3-0" (X, as fast as possible, counts 1 s)."""
    if not tempo:
        return None
    return float(sum(1 if part == "X" else int(part) for part in tempo.split("-")))


def work_seconds(p: Prescription, seconds_per_rep: float) -> float:
    """One set's work, both sides for a per-side exercise; a prescribed tempo sets the rep's
    length."""
    seconds_per_rep = tempo_seconds(p.tempo) or seconds_per_rep
    if p.seconds is not None:
        work = float(p.seconds)
    elif p.contacts is not None:
        work = p.contacts * seconds_per_rep
    else:
        work = (p.reps or 0) * seconds_per_rep
    return 2 * work + SECONDS_BETWEEN_SIDES if p.per_side else work


def session_minutes(
    exercises: Iterable[Prescription], library: ExerciseLibrary, rules: Rules
) -> int:
    total = rules.warm_up_minutes * 60.0
    for members in group(list(exercises), rules.superset_accessories):
        sets = max(p.sets for p in members)
        work = sum(work_seconds(p, library.get(p.slug).seconds_per_rep) for p in members)
        work += SECONDS_BETWEEN_PARTNERS * (len(members) - 1)
        rest = max(p.rest_s for p in members)
        total += sets * work + (sets - 1) * rest + rules.changeover_seconds
    return math.ceil(total / 60)
