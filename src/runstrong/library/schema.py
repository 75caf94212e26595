"""The exercise file format (docs/formats.md, "Exercise files"), as a pydantic model.

This is the boundary: a TOML file becomes a validated `ExerciseFile`; `to_domain` then turns it into
the pure `runstrong.domain.exercise.Exercise`. Cross-file checks (slug links, FIT ids, citation
keys) live in `runstrong.library.loader`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from runstrong.domain.exercise import (
    Benefit,
    Equipment,
    Laterality,
    Level,
    LoadType,
    NiggleSite,
    Pattern,
    PlyoIntensity,
    Severity,
)
from runstrong.domain.muscles import ALLOWED_MUSCLE_WEIGHTS, Muscle

SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Our own default for time estimates when a file gives none (design heuristic [D]).
DEFAULT_SECONDS_PER_REP = 3.0
HAND_WEIGHTS = frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL})

# The worst niggle at a site an exercise is still fine with ("none": not with any niggle there);
# a severe niggle rules out every exercise that loads its site, so it is no value here.
Tolerance = Literal["none", "mild", "moderate"]

Slug = Annotated[str, Field(pattern=SLUG_RE.pattern, max_length=60)]
Text = Annotated[str, Field(min_length=1, max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class FitIds(Strict):
    """The FIT profile's exercise, by the profile's own names (`lunge`, `dumbbell_..._squat`)."""

    category: Slug
    name: Slug | None = None


class PlyometricData(Strict):
    contacts_per_rep: Annotated[int, Field(ge=1, le=10)]
    intensity: PlyoIntensity


class WhyData(Strict):
    text: Annotated[str, Field(min_length=10, max_length=400)]
    benefits: Annotated[list[Benefit], Field(min_length=1)]
    citations: Annotated[list[Slug], Field(min_length=1)]


class ExerciseFile(Strict):
    # The format's version (docs/formats.md); any other is an error. Version 1 lists the niggle
    # sites to avoid at any severity (`avoid_with`), version 2 each site's tolerance.
    schema_version: Literal[1, 2]
    slug: Slug
    name: Annotated[str, Field(min_length=2, max_length=60)]
    aliases: list[Text] = []
    patterns: Annotated[list[Pattern], Field(min_length=1)]
    equipment: Annotated[list[Equipment], Field(min_length=1)]
    equipment_any: list[Equipment] = []
    level: Level
    laterality: Laterality
    load_type: LoadType
    percent_1rm: bool = False
    muscles: dict[Muscle, float]
    plyometric: PlyometricData | None = None
    progression: Slug | None = None
    regression: Slug | None = None
    substitutes: list[Slug] = []
    fit: FitIds
    cues: Annotated[list[Text], Field(min_length=2, max_length=4)]
    why: WhyData
    avoid_with: list[NiggleSite] | None = None  # schema_version 1 only
    tolerated_with: dict[NiggleSite, Tolerance] | None = None  # schema_version 2 only
    seconds_per_rep: Annotated[float, Field(gt=0, le=20)] = DEFAULT_SECONDS_PER_REP
    max_reps: Annotated[int, Field(ge=1, le=30)] | None = None
    ballistic: bool = False
    tempo: Annotated[str, Field(pattern=r"^[0-9]-[0-9]-[0-9X]-[0-9]$")] | None = None
    weights_held: Annotated[int, Field(ge=1, le=2)] = 1

    @field_validator("muscles")
    @classmethod
    def _weights_are_levels(cls, value: dict[Muscle, float]) -> dict[Muscle, float]:
        if not value:
            raise ValueError("at least one muscle is required")
        for muscle, weight in value.items():
            if weight not in ALLOWED_MUSCLE_WEIGHTS:
                allowed = ", ".join(str(w) for w in sorted(ALLOWED_MUSCLE_WEIGHTS))
                raise ValueError(f"weight {weight} for '{muscle}' is not one of {allowed}")
        if 1.0 not in value.values():
            raise ValueError("at least one muscle must be primary (weight 1.0)")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ExerciseFile:
        is_plyo = self.load_type is LoadType.PLYOMETRIC_CONTACTS
        if is_plyo != (self.plyometric is not None):
            raise ValueError("plyometric: required exactly when load_type is 'plyometric_contacts'")
        if self.percent_1rm and self.load_type is not LoadType.EXTERNAL_LOAD:
            raise ValueError("percent_1rm: only exercises with load_type 'external_load' take %1RM")
        if self.load_type is LoadType.EXTERNAL_LOAD and not (
            self.equipment_any or set(self.equipment) - {Equipment.BODYWEIGHT}
        ):
            raise ValueError("equipment: an 'external_load' exercise needs something to lift")
        if self.weights_held > 1 and not HAND_WEIGHTS & {*self.equipment, *self.equipment_any}:
            raise ValueError("weights_held: only dumbbells or kettlebells are held in each hand")
        if self.schema_version == 1 and self.tolerated_with is not None:
            raise ValueError("tolerated_with: only in schema_version 2 files (1 has avoid_with)")
        if self.schema_version == 2 and self.avoid_with is not None:
            raise ValueError("avoid_with: only in schema_version 1 files (2 has tolerated_with)")
        if self.schema_version == 2 and self.tolerated_with is None:
            raise ValueError(
                "tolerated_with: required in schema_version 2 files ({} when the exercise loads "
                "no niggle site)"
            )
        for link in ("progression", "regression"):
            if getattr(self, link) == self.slug:
                raise ValueError(f"{link}: an exercise cannot link to itself")
        return self

    def tolerances(self) -> tuple[tuple[NiggleSite, Severity | None], ...]:
        """The niggle sites the exercise loads with the worst severity there it is fine with
        (None: none), by site. A version-1 file's `avoid_with` reads as it always has: not with
        any niggle at those sites."""
        if self.tolerated_with is not None:
            pairs = [
                (site, None if worst == "none" else Severity(worst))
                for site, worst in self.tolerated_with.items()
            ]
        else:
            pairs = [(site, None) for site in dict.fromkeys(self.avoid_with or ())]
        return tuple(sorted(pairs, key=lambda pair: pair[0]))
