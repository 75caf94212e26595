"""Canonical muscle keys at runner granularity, and the weights of their involvement.

The keys follow docs/science.md §5 (muscle involvement per exercise). Weights are the
heat-map convention of science.md §5 [D]: primary 1.0, secondary 0.5, stabiliser 0.25.
"""

from __future__ import annotations

from enum import StrEnum


class Muscle(StrEnum):
    """A muscle (or muscle group) the planner tracks. Values are the keys used in data files."""

    GASTROCNEMIUS = "gastrocnemius"
    SOLEUS = "soleus"
    TIBIALIS_ANTERIOR = "tibialis_anterior"
    QUADRICEPS = "quadriceps"
    HAMSTRINGS_MEDIAL = "hamstrings_medial"
    HAMSTRINGS_LATERAL = "hamstrings_lateral"
    ADDUCTORS = "adductors"
    GLUTEUS_MAXIMUS = "gluteus_maximus"
    GLUTEUS_MEDIUS = "gluteus_medius"
    HIP_FLEXORS = "hip_flexors"
    RECTUS_ABDOMINIS = "rectus_abdominis"
    OBLIQUES = "obliques"
    TRANSVERSUS_ABDOMINIS = "transversus_abdominis"
    ERECTOR_SPINAE = "erector_spinae"
    QUADRATUS_LUMBORUM = "quadratus_lumborum"
    LATISSIMUS_DORSI = "latissimus_dorsi"
    MID_BACK = "mid_back"
    UPPER_TRAPEZIUS = "upper_trapezius"
    PECTORALIS = "pectoralis"
    ANTERIOR_DELTOID = "anterior_deltoid"
    POSTERIOR_DELTOID = "posterior_deltoid"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    SERRATUS_ANTERIOR = "serratus_anterior"


class Involvement(StrEnum):
    """How much an exercise uses a muscle (science.md §5 method)."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    STABILISER = "stabiliser"


# Heat-map weight per involvement level: science.md §5 "suggested heat-map weights" [D].
INVOLVEMENT_WEIGHT: dict[Involvement, float] = {
    Involvement.PRIMARY: 1.0,
    Involvement.SECONDARY: 0.5,
    Involvement.STABILISER: 0.25,
}

ALLOWED_MUSCLE_WEIGHTS: frozenset[float] = frozenset(INVOLVEMENT_WEIGHT.values())

LOWER_BODY_MUSCLES: frozenset[Muscle] = frozenset(
    {
        Muscle.GASTROCNEMIUS,
        Muscle.SOLEUS,
        Muscle.TIBIALIS_ANTERIOR,
        Muscle.QUADRICEPS,
        Muscle.HAMSTRINGS_MEDIAL,
        Muscle.HAMSTRINGS_LATERAL,
        Muscle.ADDUCTORS,
        Muscle.GLUTEUS_MAXIMUS,
        Muscle.GLUTEUS_MEDIUS,
        Muscle.HIP_FLEXORS,
    }
)
