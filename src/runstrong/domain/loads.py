"""Kilograms from relative prescriptions: %1RM x the athlete's known max, rounded to the kit.

Plans keep %1RM; loads are resolved only when a plan is shown or exported, so a new 1RM changes
every future session at once. Rounding: the barbell to `barbell_step_kg` (the smallest change the
plates allow), dumbbells to `dumbbell_step_kg` capped at `dumbbell_max_kg`,
kettlebells to the nearest bell the athlete owns that is not heavier. For an exercise held with a
weight in each hand (`weights_held` 2) the max is the kg lifted with both, and the load is each
dumbbell's (or each of a pair of kettlebells, one weight listed twice), as in load_ceiling.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from runstrong.domain.athlete import EquipmentSet
from runstrong.domain.exercise import Equipment, Exercise
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import ByPercent, Prescription


@dataclass(frozen=True, slots=True)
class ResolvedLoad:
    """Kilograms for a prescription (None: not by load) and why they were capped, if they were."""

    load_kg: float | None
    note: Reason | None = None


def resolve_load(
    p: Prescription, ex: Exercise, maxes: dict[str, float], kit: EquipmentSet
) -> ResolvedLoad:
    one_rm = maxes.get(p.slug)
    effort = p.effort
    if not isinstance(effort, ByPercent) or one_rm is None:
        return ResolvedLoad(None)
    raw = one_rm * effort.percent_1rm / 100
    gear = ex.equipment | (ex.equipment_any & kit.available)
    if Equipment.BARBELL in gear:
        load = _round_to(raw, kit.barbell_step_kg)
        if kit.barbell_max_kg is not None and load > kit.barbell_max_kg:
            return _capped(kit.barbell_max_kg, one_rm, "barbell", "more_in_reserve")
        return ResolvedLoad(load)
    held = ex.weights_held  # 2: a weight in each hand, each carrying half the load
    if Equipment.DUMBBELLS in gear:
        load = _round_to(raw / held, kit.dumbbell_step_kg)
        if kit.dumbbell_max_kg is not None and load > kit.dumbbell_max_kg:
            return _capped(kit.dumbbell_max_kg, one_rm, "dumbbell", "slow_lowering", held)
        return ResolvedLoad(load)
    if Equipment.KETTLEBELL in gear and kit.kettlebell_kgs:
        pairs = kit.kettlebell_pairs if held == 2 else ()
        each = raw / 2 if pairs else raw  # as load_ceiling: two of one weight, else one bell
        owned = pairs or kit.kettlebell_kgs
        lighter = [kg for kg in owned if kg <= each]
        return ResolvedLoad(max(lighter) if lighter else min(owned))
    return ResolvedLoad(_round_to(raw, 1.0))


def _capped(load_kg: float, one_rm: float, kit: str, advice: str, held: int = 1) -> ResolvedLoad:
    """The heaviest load the kit allows, lighter than the dose's %1RM: said with the share of
    the max it really is (both weights counted when one is held in each hand)."""
    share = round(100 * held * load_kg / one_rm)
    note = reason(
        RuleId.LOAD_CAPPED, kit=kit, held=held, load_kg=load_kg, share=share, advice=advice
    )
    return ResolvedLoad(load_kg, note)


def _round_to(value: float, step: float) -> float:
    """Nearest multiple of `step`, halves rounding down (the lighter load is the safer one)."""
    steps = math.ceil(value / step - 0.5)
    return round(steps * step, 2)
