"""The plan: weeks of sessions of prescribed exercises, each decision with its reasons.

Prescriptions are relative (reps, RIR, %1RM, seconds, contacts). Kilograms are resolved from the
athlete's numbers when a plan is exported (`runstrong.domain.loads`).

A prescription's dose is one of three shapes, so that no impossible mix can be built: reps
(`Reps`), with an effort by reps in reserve (`ByRir`) or by a share of the known max and the
reserve it leaves (`ByPercent`), or none (a workout file's own reps); a timed hold (`Hold`); or
ground contacts (`Contacts`). Holds and contacts have no effort: RIR means nothing for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import StrEnum
from operator import attrgetter
from typing import Any

from runstrong.domain.athlete import Weekday
from runstrong.domain.messages import Reason
from runstrong.domain.records import quick_init

PLAN_SCHEMA_VERSION = 2


class Phase(StrEnum):
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    RECOVERY = "recovery"
    MAINTENANCE = "maintenance"
    TRANSITION = "transition"


class LowerBodyLoad(StrEnum):
    NONE = "none"
    LIGHT = "light"
    MODERATE = "moderate"
    HEAVY = "heavy"

    @property
    def rank(self) -> int:
        return _LOAD_RANK[self]


_LOAD_RANK = {load: i for i, load in enumerate(LowerBodyLoad)}


class Role(StrEnum):
    """What an exercise does in its session: it sets the order, the dose, what is trimmed first."""

    PLYOMETRIC = "plyometric"
    MAIN = "main"  # heavy multi-joint lower-body lift
    POWER = "power"  # explosive lift: a light load moved fast (build)
    SECONDARY = "secondary"  # unilateral strength
    POSTERIOR = "posterior"  # hinge, hip extension, knee flexion accessory
    CALF = "calf"
    HIP = "hip"  # lateral hip and adductors
    UPPER = "upper"
    TRUNK = "trunk"
    ACTIVATION = "activation"  # light taper work


# The dose's shapes. Each pickles as a call with its fields (as Prescription does): a
# mypyc-compiled frozen dataclass cannot be unpickled field by field.


@dataclass(frozen=True, slots=True)
class ByRir:
    """Effort by reps in reserve: stop each set with `rir` good reps left."""

    rir: int

    def __reduce__(self) -> tuple[type[ByRir], tuple[int]]:
        return (ByRir, (self.rir,))


@dataclass(frozen=True, slots=True)
class ByPercent:
    """Effort by a share of the known max, `percent_1rm`, and the reps in reserve it leaves at
    the dose's reps (read from one table, so the two agree: `intensity.percent_1rm_for`)."""

    percent_1rm: int
    rir: int

    def __reduce__(self) -> tuple[type[ByPercent], tuple[int, int]]:
        return (ByPercent, (self.percent_1rm, self.rir))


@dataclass(frozen=True, slots=True)
class Reps:
    """`count` reps a set (per side for a per-side exercise), at `effort` (None: not set, as in
    a workout file that gives reps alone)."""

    count: int
    effort: ByRir | ByPercent | None = None

    def __reduce__(self) -> tuple[type[Reps], tuple[int, ByRir | ByPercent | None]]:
        return (Reps, (self.count, self.effort))


@dataclass(frozen=True, slots=True)
class Hold:
    """A timed hold of `seconds` a set (per side for a per-side exercise)."""

    seconds: int

    def __reduce__(self) -> tuple[type[Hold], tuple[int]]:
        return (Hold, (self.seconds,))


@dataclass(frozen=True, slots=True)
class Contacts:
    """`count` ground contacts a set (per side for a per-side drill): plyometrics."""

    count: int

    def __reduce__(self) -> tuple[type[Contacts], tuple[int]]:
        return (Contacts, (self.count,))


Dose = Reps | Hold | Contacts


@dataclass(frozen=True, slots=True)
class Prescription:
    """An exercise as a session prescribes it: its dose, rest, tempo, why and notes."""

    slug: str
    name: str
    role: Role
    sets: int
    dose: Dose
    per_side: bool
    rest_s: int
    tempo: str | None
    why: str  # the exercise's own case, from its library file
    citations: tuple[str, ...]
    notes: tuple[Reason, ...] = ()
    superset: str | None = None  # members of a superset share a letter and alternate sets
    # The hash, kept after the first lookup (0: not yet): planning looks the same prescriptions
    # up in its memos thousands of times. Neither compared nor pickled.
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    @property
    def effort(self) -> ByRir | ByPercent | None:
        """The dose's effort: reps in reserve, or %1RM and RIR; None for holds and contacts."""
        dose = self.dose
        return dose.effort if isinstance(dose, Reps) else None

    def revised(self, **changes: Any) -> Prescription:
        """A copy with `changes`: `dataclasses.replace` at a third of the cost (planning makes
        many), the fields given by position (by keyword, the copy cost 36,000 CPU instructions,
        by position 25,000: callgrind)."""
        values = list(_prescription_values(self))
        for name, value in changes.items():
            values[_PRESCRIPTION_INDEX[name]] = value
        return Prescription(*values)

    def __hash__(self) -> int:  # the dataclass's own hash, computed once
        found = self._hash
        if not found:
            found = hash(_prescription_values(self))
            object.__setattr__(self, "_hash", found)
        return found

    def __reduce__(self) -> tuple[type[Prescription], tuple[Any, ...]]:
        return (Prescription, _prescription_values(self))


_PRESCRIPTION_FIELDS = tuple(f.name for f in fields(Prescription) if f.init)
_PRESCRIPTION_INDEX = {name: i for i, name in enumerate(_PRESCRIPTION_FIELDS)}
_prescription_values = attrgetter(*_PRESCRIPTION_FIELDS)


@dataclass(frozen=True, slots=True)
class Session:
    """A strength session on its day and time, with its exercises, reasons, warnings and id."""

    date: date
    weekday: Weekday
    time: time
    title: str
    after_run: bool
    lower_body_load: LowerBodyLoad
    plyo_contacts: int
    est_minutes: int
    exercises: tuple[Prescription, ...]
    reasons: tuple[Reason, ...]
    warnings: tuple[Reason, ...]
    # Its identity (docs/formats.md, "Identities"): the athlete's id, the week's Monday and the
    # session's place in the week's template ("alex/2027-03-01/A"); stays through re-plans.
    id: str = ""

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """Each prescription's id: the session's, then its role and, for a role that comes
        twice, its count ("alex/2027-03-01/A/main", ".../upper2"): a swapped exercise keeps the
        id of its slot."""
        seen: dict[str, int] = {}
        out = []
        for p in self.exercises:
            n = seen[p.role] = seen.get(p.role, 0) + 1
            out.append(f"{self.id}/{p.role}{n if n > 1 else ''}")
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Week:
    """A week of the plan: its phase, whether it deloads, its goal, sessions and notes."""

    index: int
    start: date
    phase: Phase
    deload: bool
    goal: str
    sessions: tuple[Session, ...]
    notes: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan: its weeks of sessions, plan-level warnings, and its id (the athlete's)."""

    athlete: str
    start: date
    weeks: tuple[Week, ...]
    warnings: tuple[Reason, ...]
    schema_version: int = PLAN_SCHEMA_VERSION
    id: str = ""  # the athlete's id: one plan per athlete, re-planned in versions

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for w in self.weeks for s in w.sessions)

    @property
    def end(self) -> date:
        from datetime import timedelta

        return self.weeks[-1].start + timedelta(days=6) if self.weeks else self.start


# Made quicker in pure Python (records.py): a plan makes hundreds of prescriptions (277 in Alex's
# first plan, 160 of them copies), where the quicker __init__ saves about 2.3M CPU instructions
# for the 1M its making costs at import.
quick_init(Prescription)
