"""The exercise vocabulary and the Exercise value object.

Every list of allowed values lives here, once; data files, the profile and the CLI use them.
docs/formats.md documents each value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from runstrong.domain.muscles import LOWER_BODY_MUSCLES, Muscle


class Pattern(StrEnum):
    """Movement patterns (science.md §2.7 categories, split finer for balance analytics)."""

    KNEE_DOMINANT_BILATERAL = "knee_dominant_bilateral"
    KNEE_DOMINANT_UNILATERAL = "knee_dominant_unilateral"
    HIP_HINGE = "hip_hinge"
    HIP_EXTENSION = "hip_extension"
    KNEE_FLEXION = "knee_flexion"
    CALF_ANKLE = "calf_ankle"
    HIP_ABDUCTION_LATERAL = "hip_abduction_lateral"
    HIP_ADDUCTION = "hip_adduction"
    HIP_FLEXION = "hip_flexion"
    TRUNK_ANTI_EXTENSION = "trunk_anti_extension"
    TRUNK_ANTI_ROTATION = "trunk_anti_rotation"
    TRUNK_LATERAL = "trunk_lateral"
    TRUNK_FLEXION = "trunk_flexion"
    UPPER_PULL = "upper_pull"
    UPPER_PUSH = "upper_push"
    PLYOMETRIC = "plyometric"
    CARRY = "carry"


LOWER_BODY_PATTERNS: frozenset[Pattern] = frozenset(
    {
        Pattern.KNEE_DOMINANT_BILATERAL,
        Pattern.KNEE_DOMINANT_UNILATERAL,
        Pattern.HIP_HINGE,
        Pattern.HIP_EXTENSION,
        Pattern.KNEE_FLEXION,
        Pattern.CALF_ANKLE,
        Pattern.HIP_ABDUCTION_LATERAL,
        Pattern.HIP_ADDUCTION,
        Pattern.HIP_FLEXION,
        Pattern.PLYOMETRIC,
    }
)
TRUNK_PATTERNS: frozenset[Pattern] = frozenset(
    {
        Pattern.TRUNK_ANTI_EXTENSION,
        Pattern.TRUNK_ANTI_ROTATION,
        Pattern.TRUNK_LATERAL,
        Pattern.TRUNK_FLEXION,
        Pattern.CARRY,
    }
)
UPPER_BODY_PATTERNS: frozenset[Pattern] = frozenset({Pattern.UPPER_PULL, Pattern.UPPER_PUSH})


class Equipment(StrEnum):
    """Equipment an exercise needs. `bodyweight` means nothing is needed."""

    BODYWEIGHT = "bodyweight"
    RESISTANCE_BAND = "resistance_band"
    MINI_BAND = "mini_band"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    SQUAT_RACK = "squat_rack"
    BENCH = "bench"
    BOX = "box"
    STABILITY_BALL = "stability_ball"
    MEDICINE_BALL = "medicine_ball"
    CABLE_MACHINE = "cable_machine"
    PULL_UP_BAR = "pull_up_bar"
    SLIDERS = "sliders"
    SUSPENSION_TRAINER = "suspension_trainer"
    LEG_PRESS = "leg_press"
    CALF_MACHINE = "calf_machine"
    LEG_CURL_MACHINE = "leg_curl_machine"


class Level(StrEnum):
    """Strength-training experience (science.md §2.1 ACSM training status)."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}


class Laterality(StrEnum):
    BILATERAL = "bilateral"
    UNILATERAL = "unilateral"  # one side at a time: every set is done per side
    ALTERNATING = "alternating"  # sides alternate within the set: reps are per side


class LoadType(StrEnum):
    """How the dose of an exercise is prescribed."""

    EXTERNAL_LOAD = "external_load"  # reps with a weight: RIR or %1RM, load_kg
    BODYWEIGHT_REPS = "bodyweight_reps"  # reps with body weight
    TIMED_HOLD = "timed_hold"  # seconds
    BAND = "band"  # reps against a band
    PLYOMETRIC_CONTACTS = "plyometric_contacts"  # ground contacts


class PlyoIntensity(StrEnum):
    """Plyometric intensity (science.md §2.4)."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class NiggleSite(StrEnum):
    """Body sites a runner can report a niggle at; exercises list the sites they load, each with
    the worst niggle there they are still fine with (`Exercise.tolerated_with`)."""

    KNEE = "knee"
    ACHILLES = "achilles"
    CALF = "calf"
    HAMSTRING = "hamstring"
    HIP = "hip"
    LOW_BACK = "low_back"
    PLANTAR_FASCIA = "plantar_fascia"
    SHIN = "shin"
    SHOULDER = "shoulder"

    @property
    def label(self) -> str:
        """The site in a sentence: "Achilles", "low back"."""
        return "Achilles" if self is NiggleSite.ACHILLES else self.value.replace("_", " ")


class Severity(StrEnum):
    """How bad a niggle is: mild and moderate change the variant and the dose, severe removes the
    pattern (docs/science.md §1.2a)."""

    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MILD: 1, Severity.MODERATE: 2, Severity.SEVERE: 3}


class Benefit(StrEnum):
    """What an exercise does for a runner (docs/science.md §1)."""

    RUNNING_ECONOMY = "running_economy"
    INJURY_RESILIENCE = "injury_resilience"
    MUSCULAR_BALANCE = "muscular_balance"
    POSTURE = "posture"
    POWER = "power"
    COORDINATION = "coordination"


# The kit every athlete has, and members read for every exercise tried (why bound once:
# prescription.py).
BODYWEIGHT_ONLY = frozenset({Equipment.BODYWEIGHT})
BILATERAL, SEVERE = Laterality.BILATERAL, Severity.SEVERE


class FitExercise(NamedTuple):
    """A FIT profile exercise: category and (optionally) name, by id and by profile name."""

    category_id: int
    category: str
    name_id: int | None = None
    name: str | None = None


class Plyometric(NamedTuple):
    """A plyometric drill's intensity and ground contacts per rep."""

    contacts_per_rep: int
    intensity: PlyoIntensity


class Why(NamedTuple):
    """What an exercise does for a runner, in the exercise file's words, with its sources."""

    text: str
    benefits: tuple[Benefit, ...]
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise of the library, as loaded and validated from its data file."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    equipment: frozenset[Equipment]
    equipment_any: frozenset[Equipment]
    level: Level
    laterality: Laterality
    load_type: LoadType
    percent_1rm: bool
    muscles: tuple[tuple[Muscle, float], ...]
    plyometric: Plyometric | None
    progression: str | None
    regression: str | None
    substitutes: tuple[str, ...]
    fit: FitExercise
    cues: tuple[str, ...]
    why: Why
    # The niggle sites the exercise loads, each with the worst severity there it is still fine
    # with (None: not with any niggle there); a site not listed is not loaded (docs/formats.md).
    tolerated_with: tuple[tuple[NiggleSite, Severity | None], ...]
    seconds_per_rep: float
    max_reps: int | None = None  # the most reps a set should hold (e.g. Nordic curls)
    ballistic: bool = False  # swung or thrown fast: never a slow, heavy main lift
    tempo: str | None = None  # the exercise's own tempo, when the default does not suit it
    weights_held: int = 1  # dumbbells or kettlebells held at most (2: a weight in each hand)
    source: str = ""

    @property
    def loads_sites(self) -> frozenset[NiggleSite]:
        """The niggle sites the exercise loads (lists in `tolerated_with`)."""
        return frozenset(site for site, _ in self.tolerated_with)

    def tolerance(self, site: NiggleSite) -> Severity | None:
        """The worst niggle at `site` the exercise is fine with: SEVERE for a site it does not
        load, None for one it must not be done with at all."""
        for listed, worst in self.tolerated_with:
            if listed is site:
                return worst
        return SEVERE

    def tolerates(self, site: NiggleSite, severity: Severity) -> bool:
        """Fine with a niggle of `severity` at `site`: a severe niggle rules out every exercise
        that loads the site."""
        worst = self.tolerance(site)
        return worst is not None and severity.rank <= worst.rank

    @property
    def muscle_weights(self) -> dict[Muscle, float]:
        return dict(self.muscles)

    @property
    def primary_pattern(self) -> Pattern:
        return self.patterns[0]

    @property
    def per_side(self) -> bool:
        return self.laterality is not BILATERAL

    @property
    def is_plyometric(self) -> bool:
        return self.plyometric is not None

    @property
    def is_lower_body(self) -> bool:
        return any(p in LOWER_BODY_PATTERNS for p in self.patterns)

    @property
    def lower_body_share(self) -> float:
        """Share of the exercise's muscle weight that falls on the legs and hips (0..1)."""
        total = sum(w for _, w in self.muscles)
        lower = sum(w for m, w in self.muscles if m in LOWER_BODY_MUSCLES)
        return lower / total if total else 0.0

    def fits(self, available: frozenset[Equipment]) -> bool:
        """True when the available equipment is enough for this exercise."""
        have = available | BODYWEIGHT_ONLY
        if not self.equipment <= have:
            return False
        return not self.equipment_any or bool(self.equipment_any & have)


# Words in exercise names that name a piece of equipment (for `display_name`).
EQUIPMENT_WORDS: dict[str, frozenset[Equipment]] = {
    "dumbbell": frozenset({Equipment.DUMBBELLS}),
    "dumbbells": frozenset({Equipment.DUMBBELLS}),
    "db": frozenset({Equipment.DUMBBELLS}),
    "kettlebell": frozenset({Equipment.KETTLEBELL}),
    "kettlebells": frozenset({Equipment.KETTLEBELL}),
    "kb": frozenset({Equipment.KETTLEBELL}),
    "barbell": frozenset({Equipment.BARBELL}),
    "cable": frozenset({Equipment.CABLE_MACHINE}),
    "band": frozenset({Equipment.RESISTANCE_BAND, Equipment.MINI_BAND}),
    "banded": frozenset({Equipment.RESISTANCE_BAND, Equipment.MINI_BAND}),
}


def display_name(ex: Exercise, available: frozenset[Equipment]) -> str:
    """The exercise's name, or the first alias, that names no equipment the athlete lacks
    ("band chop" rather than "cable chop" for a runner with bands only)."""
    for candidate in (ex.name, *ex.aliases):
        words = candidate.lower().replace("-", " ").split()
        named = [EQUIPMENT_WORDS[w] for w in words if w in EQUIPMENT_WORDS]
        if all(kinds & available for kinds in named):
            return candidate[:1].upper() + candidate[1:]
    return ex.name
