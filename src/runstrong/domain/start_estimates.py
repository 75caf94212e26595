"""A starting 1RM for a main lift without a known max (science.md §2.8): from the known max of a
related lift first, else from body mass and level. Our heuristics [D] (`runstrong_heuristic`),
each ratio a `Rules` field.

Related lifts: each lift of the squat and hinge families is a named share of its family's
reference lift, the back squat or the deadlift (a front squat about 80 % of the back squat, a
Romanian deadlift 75 % of the deadlift, a split squat's weights 45 % of the back squat, ...). A
known max of the reference gives the estimate at once; a known max of another lift of the family
gives it through the reference (a known Romanian deadlift / 75 % x 60 % for dumbbell Romanian
deadlifts), if that lift is at least `est_related_min_source_pct` of the reference: a goblet
squat or a split squat is limited by holding the weights, and says little of the legs. Loads held
in the hands are counted whole, both dumbbells together, as the profile's `one_rep_max_kg`
counts them.

Body mass: the family's reference 1RM is body mass x `est_start_<family>_per_kg_<level>`, and a
lift of the family that share of it; a lift of no family the squat's or the hinge's by its
pattern, a single-leg one `est_single_leg_squat_pct_of_back_squat` (knee) or
`est_single_leg_hinge_pct_of_deadlift` (hip) of it. These ratios are realistic for runners who
lift, at the low end on purpose: the plan says how to adjust in the first session. The light-kit
check (load_ceiling.py) keeps its own lower ratios.
"""

from __future__ import annotations

from typing import NamedTuple

from runstrong.domain.assumed_kit import body_mass_kg
from runstrong.domain.athlete import Athlete
from runstrong.domain.exercise import Exercise, Level, Pattern
from runstrong.domain.rules import Rules

BACK_SQUAT = "back_squat"
DEADLIFT = "deadlift"
HIP_PATTERNS = frozenset({Pattern.HIP_HINGE, Pattern.HIP_EXTENSION})


class Relation(NamedTuple):
    """A lift as a share of its family's reference lift: the `rule` naming the share in %."""

    reference: str
    rule: str


SINGLE_LEG_SQUAT = Relation(BACK_SQUAT, "est_single_leg_squat_pct_of_back_squat")
GOBLET = Relation(BACK_SQUAT, "est_goblet_squat_pct_of_back_squat")
HELD_HINGE = Relation(DEADLIFT, "est_held_hinge_pct_of_deadlift")
CABLE_HINGE = Relation(DEADLIFT, "est_cable_hinge_pct_of_deadlift")
RELATIONS: dict[str, Relation] = {
    "front_squat": Relation(BACK_SQUAT, "est_front_squat_pct_of_back_squat"),
    "barbell_box_squat": Relation(BACK_SQUAT, "est_box_squat_pct_of_back_squat"),
    "goblet_squat": GOBLET,
    "goblet_box_squat": GOBLET,
    "bulgarian_split_squat": SINGLE_LEG_SQUAT,
    "barbell_bulgarian_split_squat": SINGLE_LEG_SQUAT,
    "dumbbell_split_squat": SINGLE_LEG_SQUAT,
    "dumbbell_reverse_lunge": SINGLE_LEG_SQUAT,
    "dumbbell_walking_lunge": SINGLE_LEG_SQUAT,
    "dumbbell_step_up": SINGLE_LEG_SQUAT,
    "barbell_step_up": SINGLE_LEG_SQUAT,
    "romanian_deadlift": Relation(DEADLIFT, "est_romanian_deadlift_pct_of_deadlift"),
    "dumbbell_romanian_deadlift": HELD_HINGE,
    "kettlebell_deadlift": HELD_HINGE,
    "cable_pull_through": CABLE_HINGE,
    "single_leg_romanian_deadlift": Relation(DEADLIFT, "est_single_leg_hinge_pct_of_deadlift"),
}
REFERENCES = frozenset(r.reference for r in RELATIONS.values())


class Estimate(NamedTuple):
    """An estimated 1RM in kg and where it comes from: `pct` % of the known max `source_kg` of
    the lift `source`, or (`source` empty) body mass and level."""

    kg: float
    source: str = ""
    source_kg: float = 0.0
    pct: int = 0


def start_1rm(ex: Exercise, athlete: Athlete, rules: Rules) -> Estimate:
    """The 1RM a starting load is taken from when `ex` has no known max: a related lift's max
    (`related_1rm`), else body mass and level (`body_mass_1rm`)."""
    related = related_1rm(ex.slug, athlete.one_rep_max_kg, rules)
    return related or Estimate(body_mass_1rm(ex, athlete, rules))


def related_1rm(slug: str, maxes: dict[str, float], rules: Rules) -> Estimate | None:
    """`slug`'s 1RM from the known max of its family's reference lift, else of another lift of
    its family (first in RELATIONS' order); None when no related max is known."""
    relation = RELATIONS.get(slug)
    if relation is None and slug not in REFERENCES:
        return None
    reference = relation.reference if relation else slug
    share = _pct(relation, rules)
    if reference != slug and reference in maxes:
        return Estimate(maxes[reference] * share / 100, reference, maxes[reference], share)
    for other, known in RELATIONS.items():
        if other == slug or known.reference != reference or other not in maxes:
            continue
        base = _pct(known, rules)
        if base < rules.est_related_min_source_pct:  # held lifts: limited by the hold
            continue
        ratio = share / base
        return Estimate(maxes[other] * ratio, other, maxes[other], round(100 * ratio))
    return None


def body_mass_1rm(ex: Exercise, athlete: Athlete, rules: Rules) -> float:
    """Our estimate of `ex`'s 1RM from body mass and level: its family's reference lift's, and
    the lift's share of it."""
    relation = RELATIONS.get(ex.slug)
    if relation is not None:
        hip = relation.reference == DEADLIFT
    else:
        hip = ex.slug == DEADLIFT or ex.primary_pattern in HIP_PATTERNS
    reference = body_mass_kg(athlete, rules) * _per_kg(hip, athlete.level, rules)
    if relation is not None:
        return reference * _pct(relation, rules) / 100
    if ex.per_side:
        single = (
            rules.est_single_leg_hinge_pct_of_deadlift
            if hip
            else rules.est_single_leg_squat_pct_of_back_squat
        )
        return reference * single / 100
    return reference


def _pct(relation: Relation | None, rules: Rules) -> int:
    """The share, in %, of its reference a lift is (100: the reference itself)."""
    return 100 if relation is None else int(getattr(rules, relation.rule))


def _per_kg(hip: bool, level: Level, rules: Rules) -> float:
    """The reference lift's 1RM per kg of body mass: the deadlift's (`hip`) or back squat's."""
    if hip:
        return (
            rules.est_start_hinge_per_kg_beginner,
            rules.est_start_hinge_per_kg_intermediate,
            rules.est_start_hinge_per_kg_advanced,
        )[level.rank]
    return (
        rules.est_start_squat_per_kg_beginner,
        rules.est_start_squat_per_kg_intermediate,
        rules.est_start_squat_per_kg_advanced,
    )[level.rank]
