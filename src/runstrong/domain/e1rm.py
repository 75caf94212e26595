"""Estimated one-rep max (e1RM) from a logged set: the RIR-adjusted Epley formula.

e1RM = w x (1 + r / 30), with r the reps the set could have reached (reps done plus the reps in
reserve) [epley1985]; docs/science.md §2.6 and its implementation notes [runstrong_heuristic]:
r = 1 gives w itself; no estimate above 10 reps to failure (the formulas lose accuracy), with
more than 4 reps in reserve (RIR is judged too loosely there), or without a load. A set logged
without RIR counts as taken to failure (r = reps): the lower, safer estimate.
"""

from __future__ import annotations

EPLEY_DIVISOR = 30.0  # Epley 1985: e1RM = w (1 + r/30)
E1RM_MAX_REPS = 10  # reps to failure above which no estimate is made (science.md §2.6)
E1RM_MAX_RIR = 4  # reps in reserve above which a set gives no estimate (science.md §2.5)


def e1rm_kg(kg: float | None, reps: int | None, rir: int | None) -> float | None:
    """The e1RM a set of `reps` at `kg` with `rir` in reserve implies (unrounded: outputs round
    it in their own units); None when the set gives no estimate."""
    if kg is None or reps is None or kg <= 0 or reps < 1:
        return None
    reserve = 0 if rir is None else rir
    if reserve > E1RM_MAX_RIR:
        return None
    to_failure = reps + reserve
    if to_failure > E1RM_MAX_REPS:
        return None
    if to_failure == 1:
        return kg
    return kg * (1 + to_failure / EPLEY_DIVISOR)


def load_for_reps_kg(e1rm: float, reps: int, rir: int) -> float | None:
    """The load (unrounded) at which `reps` leave `rir` in reserve for a lifter of `e1rm`: the
    same formula solved for w. None outside the formula's range."""
    to_failure = reps + rir
    if reps < 1 or to_failure > E1RM_MAX_REPS or rir > E1RM_MAX_RIR:
        return None
    if to_failure == 1:
        return e1rm
    return e1rm / (1 + to_failure / EPLEY_DIVISOR)
