"""Light kit: is the heaviest load the athlete's kit allows enough for an exercise's dose?

A dose of reps at an RIR needs a load: the athlete's 1RM for the exercise times the NSCA %1RM
for (reps + RIR) [nsca2016]. A kit whose heaviest load for the exercise (its ceiling) stays below
what the dose needs with `Rules.load_rir_slack_reps` more in reserve [hackett2017] cannot give the
dose as written. The 1RM is the athlete's known max for that very exercise, else an estimate from
body mass and level (our heuristic [D]: the `Rules.est_*` rules, low on purpose; without a body
mass, `est_default_body_mass_kg`).

Judged: external loads held as dumbbells, kettlebells or a barbell, in the squat, single-leg,
hinge and hip-thrust patterns. Not judged (assumed enough): bands and body weight (no load in
kg), machines and cables (their stacks are not in the profile), a kind of kit without a stated
heaviest weight, other patterns, and doses past the table's 12RM. docs/science.md §2.8.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from runstrong.domain.assumed_kit import body_mass_kg
from runstrong.domain.athlete import Athlete, EquipmentSet
from runstrong.domain.exercise import Equipment, Exercise, Level, LoadType, Pattern
from runstrong.domain.intensity import percent_1rm_for, reps_possible_at
from runstrong.domain.messages import Param, Reason, RuleId
from runstrong.domain.rules import Rules

# Enum members read in inner loops, bound once (why: prescription.py).
EXTERNAL_LOAD = LoadType.EXTERNAL_LOAD
ADVANCED, BEGINNER, INTERMEDIATE = Level.ADVANCED, Level.BEGINNER, Level.INTERMEDIATE
BARBELL, DUMBBELLS, KETTLEBELL = Equipment.BARBELL, Equipment.DUMBBELLS, Equipment.KETTLEBELL

JUDGED_PATTERNS = frozenset(
    {
        Pattern.KNEE_DOMINANT_BILATERAL,
        Pattern.KNEE_DOMINANT_UNILATERAL,
        Pattern.HIP_HINGE,
        Pattern.HIP_EXTENSION,
    }
)
PAUSE_S = 1  # the pause at the bottom of a slowed rep (part of light_load_lowering_seconds' tempo)


class Kit(NamedTuple):
    """The weights that make a ceiling: `held` (1 or 2) of a `kind` (barbell, dumbbell,
    kettlebell) of `kg` each."""

    kind: str
    held: int
    kg: float


class LoadLimit(NamedTuple):
    """What the kit and the athlete allow for one exercise."""

    ceiling_kg: float  # the heaviest load the kit allows
    kit: Kit  # the weights of that load
    one_rm_kg: float  # the athlete's 1RM for the exercise, known or estimated
    known_max: bool


class LightDose(NamedTuple):
    """A dose changed for a kit too light for it: more reps, perhaps a slower tempo, and why."""

    reps: int
    tempo: str | None
    note: Reason


def load_limit(ex: Exercise, athlete: Athlete, rules: Rules) -> LoadLimit | None:
    """The exercise's ceiling and the athlete's 1RM for it; None when it is not judged."""
    if ex.load_type is not EXTERNAL_LOAD or ex.primary_pattern not in JUDGED_PATTERNS:
        return None
    top = ceiling(ex, athlete.equipment)
    if top is None:
        return None
    known = athlete.one_rep_max_kg.get(ex.slug)
    one_rm = known if known is not None else estimated_1rm(ex, athlete, rules)
    return LoadLimit(top[0], top[1], one_rm, known is not None)


def ceiling(ex: Exercise, kit: EquipmentSet) -> tuple[float, Kit] | None:
    """The heaviest load the kit allows for `ex`, in kg, and the weights it is made of; None
    when unknown (a kind of kit without its heaviest weight, machines, bands, body weight)."""
    gear = ex.equipment | (ex.equipment_any & kit.available)
    options: list[tuple[float, Kit]] = []
    if BARBELL in gear:
        if kit.barbell_max_kg is None:
            return None
        options.append((kit.barbell_max_kg, Kit("barbell", 1, kit.barbell_max_kg)))
    if DUMBBELLS in gear:
        if kit.dumbbell_max_kg is None:
            return None
        options.append(_held(kit.dumbbell_max_kg, ex.weights_held, "dumbbell"))
    if KETTLEBELL in gear:
        if not kit.kettlebell_kgs:
            return None
        options.append(_kettlebells(kit, ex.weights_held))
    return max(options, key=lambda option: option[0], default=None)


def _held(kg: float, count: int, kind: str) -> tuple[float, Kit]:
    if count == 2:
        return 2 * kg, Kit(kind, 2, kg)
    return kg, Kit(kind, 1, kg)


def _kettlebells(kit: EquipmentSet, count: int) -> tuple[float, Kit]:
    """One bell, or with a weight in each hand two of one weight (a weight listed twice)."""
    pairs, bells = kit.kettlebell_pairs, kit.kettlebell_kgs
    if count == 2 and pairs and 2 * max(pairs) > max(bells):
        return _held(max(pairs), 2, "kettlebell")
    return _held(max(bells), 1, "kettlebell")


def estimated_1rm(ex: Exercise, athlete: Athlete, rules: Rules) -> float:
    """Our estimate of the athlete's 1RM for `ex` in kg lifted, from body mass and level [D]
    (without a body mass, from `est_default_body_mass_kg`)."""
    per_kg = {
        BEGINNER: rules.est_bilateral_1rm_per_kg_beginner,
        INTERMEDIATE: rules.est_bilateral_1rm_per_kg_intermediate,
        ADVANCED: rules.est_bilateral_1rm_per_kg_advanced,
    }[athlete.level]
    kg = per_kg * body_mass_kg(athlete, rules)
    return kg * rules.est_single_leg_1rm_pct / 100 if ex.per_side else kg


def needed_kg(limit: LoadLimit, reps: int, rir: int, rules: Rules) -> float | None:
    """The load a set of `reps` needs to end within the slack of `rir` in reserve; None past
    the table's 12RM (not judged)."""
    percent = percent_1rm_for(reps, rir + rules.load_rir_slack_reps)
    return None if percent is None else limit.one_rm_kg * percent / 100


def reach(limit: LoadLimit | None, reps: int | None, rir: int | None, rules: Rules) -> float:
    """The kit's heaviest load over what the dose needs (within the slack): 1 or more is within
    reach; infinite when the dose is not judged."""
    if limit is None or reps is None or rir is None:
        return math.inf
    need = needed_kg(limit, reps, rir, rules)
    return math.inf if not need else limit.ceiling_kg / need


def within_reach(limit: LoadLimit | None, reps: int | None, rir: int | None, rules: Rules) -> bool:
    """True unless the dose is judged and the kit's heaviest load falls short of it."""
    return reach(limit, reps, rir, rules) >= 1


def shortfall(limit: LoadLimit, reps: int, rir: int) -> tuple[tuple[str, Param], ...]:
    """Why the kit is short, as a reason's parameters: the kit (`kit`, `held`, `kit_kg`), the
    dose (`reps`, `rir`), the load it needs (`need_kg`) and from what: `percent` of the known
    max `max_kg`, or our estimate for the body mass and level (`percent` 0)."""
    percent = percent_1rm_for(reps, rir) or 0
    need = limit.one_rm_kg * percent / 100
    return (
        ("kit", limit.kit.kind),
        ("held", limit.kit.held),
        ("kit_kg", limit.kit.kg),
        ("reps", reps),
        ("rir", rir),
        ("need_kg", round(need)),
        ("percent", percent if limit.known_max else 0),
        ("max_kg", limit.one_rm_kg if limit.known_max else 0),
    )


def shortfall_citations(limit: LoadLimit) -> tuple[str, ...]:
    return ("nsca2016",) if limit.known_max else ("runstrong_heuristic",)


def light_dose(limit: LoadLimit | None, reps: int, rir: int, rules: Rules) -> LightDose | None:
    """The dose for a kit too light for `reps` at `rir` (None when it is not): as many reps as
    the heaviest load allows with `rir` in reserve, at most `light_load_max_reps`; past that,
    those reps with a slow lowering and a pause, and a note that the set stays light."""
    if within_reach(limit, reps, rir, rules):
        return None
    assert limit is not None
    why = shortfall(limit, reps, rir)
    cites = shortfall_citations(limit)
    cap = max(reps, rules.light_load_max_reps)
    possible = reps_possible_at(100 * limit.ceiling_kg / limit.one_rm_kg)
    if possible is not None and possible - rir <= cap:
        more = max(reps, possible - rir)
        return LightDose(
            more, None, Reason(RuleId.LIGHT_MORE_REPS, (*why, ("new_reps", more)), cites)
        )
    down = rules.light_load_lowering_seconds
    params = (*why, ("new_reps", cap), ("lowering_s", down), ("pause_s", PAUSE_S))
    return LightDose(
        cap,
        f"{down}-{PAUSE_S}-1-0",
        Reason(
            RuleId.LIGHT_SLOW_TEMPO, params, tuple(dict.fromkeys((*cites, "runstrong_heuristic")))
        ),
    )
