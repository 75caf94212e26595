"""The athlete as the planner sees them: level, equipment, availability, running week, races."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import NamedTuple

from runstrong.domain.exercise import BODYWEIGHT_ONLY, Equipment, Level, NiggleSite
from runstrong.domain.exercise import Severity as Severity  # where it is defined, shared
from runstrong.domain.identity import athlete_id_from_name


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Monday = 0, as `date.weekday()`."""
        return _WEEKDAY_INDEX[self]

    @property
    def full_name(self) -> str:
        return _FULL_NAMES[self.number]

    @classmethod
    def of(cls, day: date) -> Weekday:
        return _WEEKDAYS[day.weekday()]


_WEEKDAYS = list(Weekday)
_WEEKDAY_INDEX = {day: i for i, day in enumerate(_WEEKDAYS)}
_FULL_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class RunType(StrEnum):
    EASY = "easy"
    RECOVERY = "recovery"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    RACE = "race"
    REST = "rest"

    @property
    def is_key_workout(self) -> bool:
        """Intervals, tempo and hills: the quality sessions of the week (science.md §3.3)."""
        return self in KEY_WORKOUTS

    @property
    def is_protected(self) -> bool:
        """Runs that heavy legs and plyometrics must not come the day before (science.md §3.3)."""
        return self in PROTECTED_RUNS


# Sets of run types made once (the properties above are read for every day of a plan).
KEY_WORKOUTS = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS})
PROTECTED_RUNS = KEY_WORKOUTS | {RunType.LONG, RunType.RACE}


class RaceDistance(StrEnum):
    K5 = "5k"
    K10 = "10k"
    HALF_MARATHON = "half_marathon"
    MARATHON = "marathon"
    ULTRA = "ultra"
    OTHER = "other"

    @property
    def is_long(self) -> bool:
        """A marathon or an ultra: longer recovery after it."""
        return self in (RaceDistance.MARATHON, RaceDistance.ULTRA)


class RacePriority(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class Run(NamedTuple):
    """A run of the usual week: its weekday, type, minutes and (optional) start time."""

    day: Weekday
    type: RunType
    minutes: int
    time: time | None = None


class RunningOverride(NamedTuple):
    """Another running week for the dates `first` to `last` (both included): travel, a race
    week, a training camp. Its runs fall on their weekdays within those dates, in place of the
    usual week's; no runs: no running on those dates."""

    first: date
    last: date
    runs: tuple[Run, ...]
    label: str = ""


class RunningWeek(NamedTuple):
    """The usual running week, repeated, and the dates that have another one
    (runstrong.domain.running_calendar reads both by date)."""

    runs: tuple[Run, ...]
    recovery_week_every: int | None = None
    overrides: tuple[RunningOverride, ...] = ()

    def runs_on(self, day: Weekday) -> tuple[Run, ...]:
        return tuple(run for run in self.runs if run.day is day and run.type is not RunType.REST)


class Race(NamedTuple):
    """A race: its name, day, distance and priority (A, B or C)."""

    name: str
    date: date
    distance: RaceDistance
    priority: RacePriority


class Niggle(NamedTuple):
    """A sore spot and how bad it is."""

    site: NiggleSite
    severity: Severity


class EquipmentSet(NamedTuple):
    """The kit the athlete has, with the heaviest weights and the steps between them."""

    items: frozenset[Equipment]
    dumbbell_max_kg: float | None = None
    dumbbell_step_kg: float = 2.0
    kettlebell_kgs: tuple[float, ...] = ()
    barbell_max_kg: float | None = None
    barbell_step_kg: float = 2.5

    @property
    def available(self) -> frozenset[Equipment]:
        return self.items | BODYWEIGHT_ONLY

    @property
    def kettlebell_pairs(self) -> tuple[float, ...]:
        """The kettlebell weights owned twice (listed at least twice): a weight in each hand."""
        bells = self.kettlebell_kgs
        return tuple(sorted(kg for kg in set(bells) if bells.count(kg) > 1))


class StrengthException(NamedTuple):
    """Other strength days for the dates `first` to `last` (both included): only
    `strength_days` on those dates, none when it is empty."""

    first: date
    last: date
    strength_days: tuple[Weekday, ...]
    label: str = ""


class Availability(NamedTuple):
    """The days and time the athlete can lift, and its exceptions on given dates."""

    strength_days: tuple[Weekday, ...]
    sessions_per_week: int | None = None
    session_minutes: int = 45
    preferred_time: time = time(18, 0)
    exceptions: tuple[StrengthException, ...] = ()


@dataclass(frozen=True, slots=True)
class Athlete:
    """The athlete as the planner sees them: who, what kit, when they can lift, how they run."""

    name: str
    level: Level
    equipment: EquipmentSet
    availability: Availability
    running: RunningWeek
    body_mass_kg: float | None = None
    timezone: str = "UTC"
    races: tuple[Race, ...] = ()
    one_rep_max_kg: dict[str, float] = field(default_factory=dict)
    niggles: tuple[Niggle, ...] = ()
    id: str = ""  # the profile's athlete.id; empty: derived from the name (`key`)

    @property
    def key(self) -> str:
        """The athlete's id: the profile's, else derived from the name (domain/identity.py)."""
        return self.id or athlete_id_from_name(self.name)

    @property
    def niggle_sites(self) -> frozenset[NiggleSite]:
        return frozenset(n.site for n in self.niggles)
