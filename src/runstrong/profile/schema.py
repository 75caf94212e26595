"""The profile format, version 1, as pydantic models: every key known, every value checked.

Enum values are read in any case ("10K" is "10k"); checks across several runs of the week are in
runstrong.profile.week_checks, checks of the dated changes (running.overrides,
availability.exceptions) across fields and items in runstrong.profile.calendar_checks.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from runstrong.domain.athlete import RaceDistance, RacePriority, RunType, Severity, Weekday
from runstrong.domain.exercise import Equipment, Level, NiggleSite
from runstrong.domain.identity import ID_PATTERN
from runstrong.domain.periodisation import MAX_RACES
from runstrong.domain.rules import MAX_SESSION_MINUTES
from runstrong.domain.units import Units
from runstrong.validation import PlanDate, check_zone, shown

MIN_RUN_MINUTES = 1
MAX_RUN_MINUTES = 720
MIN_SESSION_MINUTES = 15
# The engine plans at most 2 strength sessions a week (the sessions_per_week_* rules allow at
# most 2; docs/science.md): a higher cap would be accepted and silently ignored.
MAX_SESSIONS_PER_WEEK = 2


def _any_case(kind: type[StrEnum]) -> BeforeValidator:
    """A value that differs from one of `kind`'s only in case ("10K", "Tempo") is that value."""
    by_fold = {member.value.casefold(): member.value for member in kind}

    def fix(value: Any) -> Any:
        return by_fold.get(value.casefold(), value) if isinstance(value, str) else value

    return BeforeValidator(fix)


AnyCaseDay = Annotated[Weekday, _any_case(Weekday)]
AnyCaseRunType = Annotated[RunType, _any_case(RunType)]
AnyCaseDistance = Annotated[RaceDistance, _any_case(RaceDistance)]
AnyCasePriority = Annotated[RacePriority, _any_case(RacePriority)]
AnyCaseEquipment = Annotated[Equipment, _any_case(Equipment)]
AnyCaseNiggleSite = Annotated[NiggleSite, _any_case(NiggleSite)]
AnyCaseSeverity = Annotated[Severity, _any_case(Severity)]
AnyCaseLevel = Annotated[Level, _any_case(Level)]
AnyCaseUnits = Annotated[Units, _any_case(Units)]


_ID = re.compile(ID_PATTERN)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _local_time(value: Any) -> dt.time:
    """A local wall-clock time, in the athlete's time zone: "18:00" (a string) or TOML's own
    local time (18:00:00); never with an offset ("18:00+02:00", "07:00Z"), a date and time, or
    a number of seconds, which would be compared with local times."""
    time = value
    if isinstance(value, str):
        try:
            time = dt.time.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{shown(value)} is not a time like 18:00") from None
    if not isinstance(time, dt.time):
        raise ValueError('should be a local time like "18:00"')
    if time.tzinfo is not None:
        raise ValueError(
            "should be a local time like 18:00, without an offset (athlete.timezone says where)"
        )
    return time


class AthleteIn(Strict):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    # The athlete's id in session ids, calendar UIDs and the database (domain/identity.py).
    id: str | None = None
    strength_level: AnyCaseLevel
    body_mass_kg: Annotated[float, Field(ge=25, le=250)] | None = None
    timezone: str = "UTC"
    # Units of the loads the athlete logs and sees (the training log); None: not said, kg.
    units: AnyCaseUnits | None = None

    @field_validator("id")
    @classmethod
    def _an_id(cls, value: str | None) -> str | None:
        if value is not None and not _ID.fullmatch(value):
            raise ValueError(
                "should be 1-64 letters, digits, '.', '_' or '-', beginning with a letter or "
                "a digit"
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return check_zone(value)


class EquipmentIn(Strict):
    items: list[AnyCaseEquipment] = []
    dumbbell_max_kg: Annotated[float, Field(gt=0, le=100)] | None = None
    dumbbell_step_kg: Annotated[float, Field(gt=0, le=10)] = 2.0
    kettlebell_kg: list[Annotated[float, Field(gt=0, le=100)]] = []
    barbell_max_kg: Annotated[float, Field(gt=0, le=500)] | None = None
    barbell_step_kg: Annotated[float, Field(gt=0, le=10)] = 2.5


def _no_repeated_day(value: list[Weekday] | None) -> list[Weekday] | None:
    if value is not None and len(set(value)) != len(value):
        raise ValueError("a day is listed twice")
    return value


class DatedIn(Strict):
    """A span of dates, both included (`from` is a Python keyword: the field is `from_`)."""

    from_: PlanDate = Field(alias="from")
    to: PlanDate
    label: Annotated[str, Field(min_length=1, max_length=80)] | None = None


class StrengthExceptionIn(DatedIn):
    """Other strength days for a span of dates: none (`no_strength = true`) or only these."""

    no_strength: bool | None = None
    strength_days: Annotated[list[AnyCaseDay], Field(min_length=1)] | None = None

    _days = field_validator("strength_days")(_no_repeated_day)


class AvailabilityIn(Strict):
    strength_days: Annotated[list[AnyCaseDay], Field(min_length=1)]
    sessions_per_week: int | None = None
    session_minutes: Annotated[int, Field(ge=MIN_SESSION_MINUTES, le=MAX_SESSION_MINUTES)] = 45
    preferred_time: dt.time = dt.time(18, 0)
    exceptions: list[StrengthExceptionIn] = []

    _time = field_validator("preferred_time", mode="before")(_local_time)

    @field_validator("sessions_per_week")
    @classmethod
    def _at_most_two(cls, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= MAX_SESSIONS_PER_WEEK:
            raise ValueError(
                f"must be 1 or {MAX_SESSIONS_PER_WEEK}: runstrong plans at most "
                f"{MAX_SESSIONS_PER_WEEK} strength sessions a week"
            )
        return value

    _days = field_validator("strength_days")(_no_repeated_day)


class RunIn(Strict):
    day: AnyCaseDay
    type: AnyCaseRunType
    minutes: Annotated[int, Field(ge=MIN_RUN_MINUTES, le=MAX_RUN_MINUTES)] = 30
    time: dt.time | None = None

    _time = field_validator("time", mode="before")(_local_time)


class RunningOverrideIn(DatedIn):
    """Another running week for a span of dates; `runs = []`: no running."""

    runs: list[RunIn]


class RunningIn(Strict):
    week: list[RunIn] = []
    recovery_week_every: Annotated[int, Field(ge=2, le=8)] | None = None
    overrides: list[RunningOverrideIn] = []


class RaceIn(Strict):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    date: PlanDate
    distance: AnyCaseDistance = RaceDistance.OTHER
    priority: AnyCasePriority = RacePriority.A


class StrengthIn(Strict):
    one_rep_max_kg: dict[str, Annotated[float, Field(gt=0, le=500)]] = {}


class NiggleIn(Strict):
    site: AnyCaseNiggleSite
    severity: AnyCaseSeverity = Severity.MILD


class PlanIn(Strict):
    start: PlanDate | None = None
    weeks: Annotated[int, Field(ge=1, le=104)] | None = None


class AnchorsIn(Strict):
    """The athlete's anchors for run intensity and load (domain.anchors), each optional."""

    critical_power_w: Annotated[float, Field(gt=0, le=1000)] | None = None
    threshold_power_w: Annotated[float, Field(gt=0, le=1000)] | None = None
    threshold_pace_per_km: str | None = None  # "4:10": minutes and seconds per km
    max_hr: Annotated[int, Field(ge=100, le=240)] | None = None
    resting_hr: Annotated[int, Field(ge=25, le=120)] | None = None

    @field_validator("threshold_pace_per_km")
    @classmethod
    def _a_pace(cls, value: str | None) -> str | None:
        if value is not None:
            pace_seconds(value)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> AnchorsIn:
        if self.critical_power_w is not None and self.threshold_power_w is not None:
            raise ValueError("give critical_power_w or threshold_power_w, not both")
        rest, top = self.resting_hr, self.max_hr
        if rest is not None and top is not None and rest >= top:
            raise ValueError("resting_hr should be below max_hr")
        return self


MIN_PACE_S_PER_KM = 120  # 2:00/km, faster than any world record
MAX_PACE_S_PER_KM = 900  # 15:00/km, a walk


def pace_seconds(text: str) -> int:
    """Seconds per km of a pace like "4:10"; ValueError if it is not one (2:00-15:00)."""
    minutes, sep, seconds = text.strip().partition(":")
    if not (sep and minutes.isdigit() and seconds.isdigit() and len(seconds) == 2) or (
        int(seconds) >= 60
    ):
        raise ValueError(f"{shown(text)} is not a pace like 4:10 (minutes:seconds per km)")
    total = int(minutes) * 60 + int(seconds)
    if not MIN_PACE_S_PER_KM <= total <= MAX_PACE_S_PER_KM:
        raise ValueError(f"{shown(text)} is not a pace between 2:00 and 15:00 per km")
    return total


class ProfileIn(Strict):
    schema_version: Literal[1]
    athlete: AthleteIn
    equipment: EquipmentIn = EquipmentIn()
    availability: AvailabilityIn
    running: RunningIn = RunningIn()
    races: Annotated[list[RaceIn], Field(max_length=MAX_RACES)] = []
    strength: StrengthIn = StrengthIn()
    niggles: list[NiggleIn] = []

    @field_validator("niggles")
    @classmethod
    def _one_per_site(cls, value: list[NiggleIn]) -> list[NiggleIn]:
        sites = [n.site for n in value]
        if len(set(sites)) != len(sites):
            raise ValueError("a site is listed twice: give each niggle's site once")
        return value

    plan: PlanIn = PlanIn()
    anchors: AnchorsIn = AnchorsIn()
    rules: dict[str, Any] = {}  # checked against Rules in parse.py, one line per problem
