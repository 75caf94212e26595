"""What the plan assumes where the profile is silent: a kettlebell or dumbbells listed without
their weights, and a body mass not given (science.md §2.8).

A kettlebell listed without `kettlebell_kg` is taken to be one bell of
`assumed_kettlebell_kg_<level>`; dumbbells without `dumbbell_max_kg` to go up to
`assumed_dumbbell_max_kg_<level>`: light on purpose, so that the light-kit check (light_kit.py)
and the loads (loads.py) err towards a lighter set. Without a body mass, the load estimates use
`est_default_body_mass_kg`. The plan says each assumption once, and asks for the number.
"""

from __future__ import annotations

from dataclasses import replace

from runstrong.domain.athlete import Athlete, EquipmentSet
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules


def assumed_kg(kind: str, level: Level, rules: Rules) -> float:
    """The weight assumed for a `kind` ("kettlebell" or "dumbbell") listed without it."""
    by_level = {
        "kettlebell": (
            rules.assumed_kettlebell_kg_beginner,
            rules.assumed_kettlebell_kg_intermediate,
            rules.assumed_kettlebell_kg_advanced,
        ),
        "dumbbell": (
            rules.assumed_dumbbell_max_kg_beginner,
            rules.assumed_dumbbell_max_kg_intermediate,
            rules.assumed_dumbbell_max_kg_advanced,
        ),
    }[kind]
    return by_level[level.rank]


def kettlebell_unweighed(kit: EquipmentSet) -> bool:
    return Equipment.KETTLEBELL in kit.items and not kit.kettlebell_kgs


def dumbbells_unweighed(kit: EquipmentSet) -> bool:
    return Equipment.DUMBBELLS in kit.items and kit.dumbbell_max_kg is None


def assumed_equipment(athlete: Athlete, rules: Rules) -> EquipmentSet:
    """The athlete's kit with the weights it lists none of assumed by level."""
    kit = athlete.equipment
    if kettlebell_unweighed(kit):
        kit = kit._replace(kettlebell_kgs=(assumed_kg("kettlebell", athlete.level, rules),))
    if dumbbells_unweighed(kit):
        kit = kit._replace(dumbbell_max_kg=assumed_kg("dumbbell", athlete.level, rules))
    return kit


def with_assumed_kit(athlete: Athlete, rules: Rules) -> Athlete:
    """`athlete` with `assumed_equipment` (the same athlete when nothing is assumed)."""
    kit = assumed_equipment(athlete, rules)
    return athlete if kit == athlete.equipment else replace(athlete, equipment=kit)


def body_mass_kg(athlete: Athlete, rules: Rules) -> float:
    """The athlete's body mass, else the stated default the load estimates use."""
    return athlete.body_mass_kg or rules.est_default_body_mass_kg


def assumption_notes(athlete: Athlete, rules: Rules, estimated_loads: bool) -> list[Reason]:
    """The plan's notes on what it assumed and asks for: the kettlebell's and the dumbbells'
    weights, and (where loads are estimated) the body mass."""
    kit, level = athlete.equipment, athlete.level
    notes = [
        reason(
            RuleId.KIT_ASSUMED,
            "runstrong_heuristic",
            kit=kind,
            kg=assumed_kg(kind, level, rules),
            level=str(level),
        )
        for kind, unweighed in (
            ("kettlebell", kettlebell_unweighed(kit)),
            ("dumbbell", dumbbells_unweighed(kit)),
        )
        if unweighed
    ]
    if estimated_loads and not athlete.body_mass_kg:
        kg = rules.est_default_body_mass_kg
        notes.append(reason(RuleId.BODY_MASS_ASSUMED, "runstrong_heuristic", kg=kg))
    return notes
