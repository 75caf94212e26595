"""Session templates: the slots a session fills, in the order it is done.

Order follows science.md §2.7 (ACSM): plyometric and power first, then heavy multi-joint, then
unilateral and accessory, then trunk. Across the two weekly sessions the slots cover every category
of science.md §2.7: knee-dominant unilateral, hinge and posterior chain, calf and soleus (straight
and bent knee), lateral hip and adductors, trunk (anti-extension, anti-rotation, lateral), upper
pull and push, plyometrics by phase and level. `trim_rank` orders what goes first when time is short
(higher goes first); the main lift is never trimmed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from runstrong.domain.exercise import Pattern
from runstrong.domain.plan import Role


class CalfFocus(StrEnum):
    STRAIGHT_KNEE = "straight_knee"
    BENT_KNEE = "bent_knee"


@dataclass(frozen=True, slots=True, eq=False)
class Slot:
    """One place in a session's order. Each is one module-level object, compared by identity
    (slots are dictionary keys all through planning)."""

    role: Role
    patterns: tuple[Pattern, ...]  # any of these
    trim_rank: int = 0
    calf: CalfFocus | None = None
    label: str = ""
    single_leg: bool = False  # one-sided exercises only
    # Filled from instead when no exercise fits the slot (`Rules.single_leg_hip_fallback`).
    fallback: Slot | None = None

    @property
    def coverage(self) -> str:
        """What the slot contributes to the week's balance (its key in coverage checks)."""
        return self.label or self.patterns[0]


P = Pattern
PLYO = Slot(Role.PLYOMETRIC, (P.PLYOMETRIC,), trim_rank=1)
# In build, after a moderate or high intensity drill whose few reps a set leave the session's
# contacts short: a low-intensity reactive drill (pogos, skips) for the rest, so build holds at
# least base's contacts within the level's caps (engine.py; science.md §2.4).
PLYO_LOW = Slot(Role.PLYOMETRIC, (P.PLYOMETRIC,), trim_rank=1, label="reactive")
# An explosive lift in build (science.md §3.1 [bazyler2015]): a ballistic exercise of any of these
# patterns (jump squat with a load, kettlebell swing, medicine-ball throw).
POWER = Slot(
    Role.POWER,
    (P.HIP_HINGE, P.KNEE_DOMINANT_BILATERAL, P.UPPER_PUSH, P.TRUNK_ANTI_ROTATION),
    trim_rank=1,
    label="explosive",
)
KNEE_MAIN = Slot(Role.MAIN, (P.KNEE_DOMINANT_BILATERAL,), label="knee_dominant")
HINGE_MAIN = Slot(Role.MAIN, (P.HIP_HINGE,), label="posterior_chain")
# Single-leg work that spares the knee: single-leg hinges, bridges and hip thrusts, for a
# single-leg slot whose knee-dominant exercises are all ruled out (a knee niggle rules out every
# lunge and split squat; a step-up needs a box) [runstrong_heuristic].
SINGLE_LEG_HIP = Slot(
    Role.SECONDARY,
    (P.HIP_HINGE, P.HIP_EXTENSION),
    trim_rank=2,
    label="single_leg_hip",
    single_leg=True,
)
UNILATERAL = Slot(
    Role.SECONDARY, (P.KNEE_DOMINANT_UNILATERAL,), trim_rank=2, fallback=SINGLE_LEG_HIP
)
POSTERIOR = Slot(
    Role.POSTERIOR, (P.HIP_EXTENSION, P.KNEE_FLEXION), trim_rank=5, label="posterior_chain"
)
HAMSTRING = Slot(Role.POSTERIOR, (P.KNEE_FLEXION,), trim_rank=5, label="posterior_chain")
CALF_STRAIGHT = Slot(
    Role.CALF,
    (P.CALF_ANKLE,),
    trim_rank=3,
    calf=CalfFocus.STRAIGHT_KNEE,
    label="calf_straight_knee",
)
CALF_BENT = Slot(
    Role.CALF, (P.CALF_ANKLE,), trim_rank=3, calf=CalfFocus.BENT_KNEE, label="calf_bent_knee"
)
LATERAL_HIP = Slot(Role.HIP, (P.HIP_ABDUCTION_LATERAL,), trim_rank=4)
ADDUCTION = Slot(Role.HIP, (P.HIP_ADDUCTION,), trim_rank=6)
PUSH = Slot(Role.UPPER, (P.UPPER_PUSH,), trim_rank=7)
PULL = Slot(Role.UPPER, (P.UPPER_PULL,), trim_rank=7)
ANTI_EXTENSION = Slot(Role.TRUNK, (P.TRUNK_ANTI_EXTENSION,), trim_rank=8)
ANTI_ROTATION = Slot(Role.TRUNK, (P.TRUNK_ANTI_ROTATION,), trim_rank=8)
LATERAL_TRUNK = Slot(Role.TRUNK, (P.TRUNK_LATERAL,), trim_rank=8)

# Two sessions a week (base, build): A leads with the squat pattern, B with the hinge; B holds the
# week's explosive lift in build (its POWER slot is filled in build only, engine.py).
SESSION_A = (
    PLYO,
    PLYO_LOW,
    KNEE_MAIN,
    UNILATERAL,
    POSTERIOR,
    CALF_STRAIGHT,
    LATERAL_HIP,
    PUSH,
    ANTI_EXTENSION,
)
SESSION_B = (
    PLYO,
    PLYO_LOW,
    POWER,
    HINGE_MAIN,
    UNILATERAL,
    HAMSTRING,
    CALF_BENT,
    ADDUCTION,
    PULL,
    ANTI_ROTATION,
    LATERAL_TRUNK,
)
# One session a week (peak, race season; and base and build with one strength day, as W): every
# category once, few sets each (1-2 sets keep
# strength when intensity stays up: science.md §3.2); time trimming takes the trunk first.
SESSION_MAINTENANCE = (
    PLYO,
    POWER,
    KNEE_MAIN,
    HINGE_MAIN,
    UNILATERAL,
    CALF_STRAIGHT,
    CALF_BENT,
    LATERAL_HIP,
    PULL,
    PUSH,
    ANTI_ROTATION,
    LATERAL_TRUNK,
    ANTI_EXTENSION,
)
# Taper after the last heavy session, and recovery weeks: light, mostly body weight.
SESSION_ACTIVATION = (
    Slot(Role.ACTIVATION, (P.HIP_EXTENSION,), trim_rank=2),
    Slot(Role.ACTIVATION, (P.HIP_ABDUCTION_LATERAL,), trim_rank=3),
    Slot(Role.ACTIVATION, (P.CALF_ANKLE,), trim_rank=1, calf=CalfFocus.STRAIGHT_KNEE),
    Slot(Role.ACTIVATION, (P.TRUNK_ANTI_EXTENSION,), trim_rank=4),
)
SESSION_RECOVERY = (
    Slot(Role.ACTIVATION, (P.HIP_EXTENSION,), trim_rank=2),
    Slot(Role.ACTIVATION, (P.HIP_ABDUCTION_LATERAL,), trim_rank=3),
    Slot(Role.ACTIVATION, (P.UPPER_PULL,), trim_rank=4),
    Slot(Role.ACTIVATION, (P.TRUNK_ANTI_ROTATION,), trim_rank=5),
    Slot(Role.ACTIVATION, (P.TRUNK_LATERAL,), trim_rank=5),
)


@dataclass(frozen=True, slots=True, eq=False)
class Template:
    """A session: its key, its title and its slots. Each is one module-level object, compared by
    identity. `parts` name what the session holds after its title ("Strength A: squat, single
    leg, calves"), each with what brings it (an exercise's role, or a slot's coverage label): a
    part the session lost (to a niggle, the equipment or the time) is left out of the title."""

    key: str
    title: str
    slots: tuple[Slot, ...]
    light: bool = False
    parts: tuple[tuple[str, Role | str], ...] = ()

    def title_for(self, coverage: Collection[str], roles: Collection[Role]) -> str:
        """The title of a session of this template holding `coverage` and `roles`."""
        if not self.parts:
            return self.title
        held = [
            word
            for word, marker in self.parts
            if (marker in roles if isinstance(marker, Role) else marker in coverage)
        ]
        return f"{self.title}: {', '.join(held)}" if held else self.title


A = Template(
    "A",
    "Strength A",
    SESSION_A,
    parts=(
        ("squat", Role.MAIN),
        ("single leg", Role.SECONDARY),
        ("calves", CALF_STRAIGHT.coverage),
    ),
)
B = Template(
    "B",
    "Strength B",
    SESSION_B,
    parts=(("hinge", Role.MAIN), ("hamstrings", Role.POSTERIOR), ("soleus", CALF_BENT.coverage)),
)
M = Template("M", "Strength: maintenance", SESSION_MAINTENANCE)
# The one session of a base or build week with a single strength day: every category in one
# session, dosed for its phase (not maintenance: the volume is not cut to hold strength).
W = Template("W", "Strength: whole body", SESSION_MAINTENANCE)
T = Template("T", "Strength: last full session before the race", SESSION_MAINTENANCE)
ACT = Template("ACT", "Activation: light and crisp", SESSION_ACTIVATION, light=True)
REC = Template("REC", "Recovery: light strength", SESSION_RECOVERY, light=True)
