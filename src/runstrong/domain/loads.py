"""Kilograms from relative prescriptions: %1RM x the athlete's known max, rounded to the kit.

Plans keep %1RM; loads are resolved only when a plan is shown or exported, so a new 1RM changes
every future session at once. Rounding: the barbell to `barbell_step_kg` (the smallest change the
plates allow), dumbbells to `dumbbell_step_kg` capped at `dumbbell_max_kg`,
kettlebells to the nearest bell the athlete owns that is not heavier. For an exercise held with a
weight in each hand (`weights_held` 2) the max is the kg lifted with both, and the load is each
dumbbell's (or each of a pair of kettlebells, one weight listed twice), as in load_ceiling.py.

A main lift with external load and no known max still gets a starting load (science.md §2.8):
our estimate of its 1RM (start_estimates.py: from a related lift's known max, else body mass and
level) x the %1RM of the dose's reps + RIR (past the table's 12RM,
`est_start_load_pct_past_table`), rounded the same way, marked `estimated` and with a note saying
what it comes from and how to adjust it in the first session.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from runstrong.domain.assumed_kit import body_mass_kg
from runstrong.domain.athlete import Athlete, EquipmentSet
from runstrong.domain.exercise import Equipment, Exercise, LoadType
from runstrong.domain.intensity import percent_1rm_for
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Prescription, Reps, Role
from runstrong.domain.rules import Rules
from runstrong.domain.start_estimates import start_1rm

# Enum members read for every prescription resolved, bound once (why: prescription.py).
MAIN, EXTERNAL_LOAD = Role.MAIN, LoadType.EXTERNAL_LOAD


class ResolvedLoad(NamedTuple):
    """Kilograms for a prescription (None: not by load), why they were capped or how they were
    estimated, and whether they are an estimate (no known max)."""

    load_kg: float | None
    note: Reason | None = None
    estimated: bool = False


def resolve_load(
    p: Prescription,
    ex: Exercise,
    maxes: dict[str, float],
    kit: EquipmentSet,
    *,
    athlete: Athlete | None = None,
    rules: Rules | None = None,
) -> ResolvedLoad:
    """The load of `p` from its %1RM and the known max in `maxes`; with the `athlete` and
    `rules`, a main lift with external load dosed by reps in reserve also gets one: from its
    known max, else estimated (`starting_load`)."""
    one_rm = maxes.get(p.slug)
    effort = p.effort
    if isinstance(effort, ByPercent) and one_rm is not None:
        return _on_kit(one_rm * effort.percent_1rm / 100, one_rm, ex, kit)
    if athlete is None or rules is None or not isinstance(effort, ByRir):
        return ResolvedLoad(None)
    return starting_load(p, ex, one_rm, kit, athlete, rules)


def starting_load(
    p: Prescription,
    ex: Exercise,
    one_rm: float | None,
    kit: EquipmentSet,
    athlete: Athlete,
    rules: Rules,
) -> ResolvedLoad:
    """The load of a main lift with external load dosed by reps in reserve: the known max
    (`one_rm`), else our estimate, x the %1RM of its reps + RIR, on the kit; an estimate is
    marked and carries a note on how to adjust it in the first session."""
    dose, effort = p.dose, p.effort
    if (
        p.role is not MAIN
        or ex.load_type is not EXTERNAL_LOAD
        or not isinstance(dose, Reps)
        or not isinstance(effort, ByRir)
    ):
        return ResolvedLoad(None)
    percent = percent_1rm_for(dose.count, effort.rir) or rules.est_start_load_pct_past_table
    if one_rm is not None:
        return _on_kit(one_rm * percent / 100, one_rm, ex, kit)
    estimate = start_1rm(ex, athlete, rules)
    on_kit = _on_kit(estimate.kg * percent / 100, estimate.kg, ex, kit)
    if on_kit.load_kg is None:
        return on_kit
    note = reason(
        RuleId.LOAD_ESTIMATED,
        "runstrong_heuristic",
        body_mass_kg=body_mass_kg(athlete, rules),
        body_mass_given=int(bool(athlete.body_mass_kg)),
        level=str(athlete.level),
        rir=effort.rir,
        capped_kg=on_kit.load_kg if on_kit.note is not None else 0,
        source=estimate.source,
        source_kg=estimate.source_kg,
        pct=estimate.pct,
    )
    return ResolvedLoad(on_kit.load_kg, note, estimated=True)


def _on_kit(raw: float, one_rm: float, ex: Exercise, kit: EquipmentSet) -> ResolvedLoad:
    """`raw` kg rounded to the kit, capped at its heaviest weight (with a note)."""
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
