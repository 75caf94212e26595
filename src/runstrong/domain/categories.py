"""The categories every loading week of base and build holds (science.md §2.7, issue 14).

A squat or single-leg pattern, a hinge, straight- and bent-knee calf work, lateral hip, trunk,
upper push or pull, and plyometrics where the level and niggles allow. An exercise covers the
categories its patterns (and, for the calves, its muscles) name; a side plank with hip abduction
covers both lateral hip and trunk. Trimming for time never leaves out the week's last exercise of
a category while sets can still go (trimming.py); a week that still lacks one says so once.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from runstrong.domain.exercise import (
    TRUNK_PATTERNS,
    UPPER_BODY_PATTERNS,
    Exercise,
    Laterality,
    Pattern,
)
from runstrong.domain.muscles import Muscle
from runstrong.domain.templates import CalfFocus


class Category(StrEnum):
    SQUAT_OR_SINGLE_LEG = "squat_or_single_leg"
    HINGE = "hinge"
    CALF_STRAIGHT_KNEE = "calf_straight_knee"
    CALF_BENT_KNEE = "calf_bent_knee"
    LATERAL_HIP = "lateral_hip"
    TRUNK = "trunk"
    UPPER = "upper"
    PLYOMETRIC = "plyometric"


EVERY_CATEGORY: tuple[Category, ...] = tuple(Category)
KNEE_PATTERNS = frozenset({Pattern.KNEE_DOMINANT_BILATERAL, Pattern.KNEE_DOMINANT_UNILATERAL})
SINGLE_LEG_HIP_PATTERNS = frozenset({Pattern.HIP_HINGE, Pattern.HIP_EXTENSION})


def calf_focus_matches(ex: Exercise, focus: CalfFocus) -> bool:
    """Straight knee: gastrocnemius primary. Bent knee: soleus primary, gastrocnemius less.

    science.md §5.2 (Hébert-Losier 2012): knee flexion lowers gastrocnemius activity."""
    weights = ex.muscle_weights
    gastroc = weights.get(Muscle.GASTROCNEMIUS, 0.0)
    soleus = weights.get(Muscle.SOLEUS, 0.0)
    if focus is CalfFocus.STRAIGHT_KNEE:
        return gastroc == 1.0 and soleus >= 0.5
    return soleus == 1.0 and gastroc < 1.0


def categories_of(ex: Exercise) -> frozenset[Category]:
    """The categories `ex` covers. A plyometric drill is a plyometric only, whatever pattern
    it also names (a squat jump is no squat session's squat)."""
    if ex.plyometric is not None:
        return frozenset({Category.PLYOMETRIC})
    patterns = frozenset(ex.patterns)
    out: set[Category] = set()
    one_sided = ex.laterality is not Laterality.BILATERAL
    if patterns & KNEE_PATTERNS or (one_sided and patterns & SINGLE_LEG_HIP_PATTERNS):
        out.add(Category.SQUAT_OR_SINGLE_LEG)
    if Pattern.HIP_HINGE in patterns:
        out.add(Category.HINGE)
    if Pattern.CALF_ANKLE in patterns:
        if calf_focus_matches(ex, CalfFocus.STRAIGHT_KNEE):
            out.add(Category.CALF_STRAIGHT_KNEE)
        if calf_focus_matches(ex, CalfFocus.BENT_KNEE):
            out.add(Category.CALF_BENT_KNEE)
    if Pattern.HIP_ABDUCTION_LATERAL in patterns:
        out.add(Category.LATERAL_HIP)
    if patterns & TRUNK_PATTERNS:
        out.add(Category.TRUNK)
    if patterns & UPPER_BODY_PATTERNS:
        out.add(Category.UPPER)
    return frozenset(out)


def missing(covered: Iterable[frozenset[Category]], wanted: Iterable[Category]) -> tuple[str, ...]:
    """The `wanted` categories none of `covered` holds, in the order of `Category`."""
    held: set[Category] = set()
    for c in covered:
        held |= c
    want = set(wanted)
    return tuple(str(c) for c in EVERY_CATEGORY if c in want and c not in held)
