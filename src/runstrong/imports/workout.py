"""A workout file (docs/formats.md, "Workout files") -> a one-session Plan.

A coach writes a single session as a list of exercises and sets (the founding workout,
examples/workouts/founding-workout.toml, is one); `runstrong heatmap` and `runstrong balance`
take it like a plan. Doses the file leaves out default to 10 reps, 30 s for holds and 20
contacts for drills.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from runstrong.domain.athlete import Weekday
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, InputErrors, cut, field_path
from runstrong.domain.exercise import LoadType
from runstrong.domain.identity import athlete_id_from_name, session_id
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.plan import (
    Contacts,
    Dose,
    Hold,
    LowerBodyLoad,
    Phase,
    Plan,
    Prescription,
    Reps,
    Role,
    Session,
    Week,
)
from runstrong.domain.prescription import contacts_of
from runstrong.domain.rules import MAX_HOLD_SECONDS, MAX_REST_SECONDS, MAX_SETS, MIN_HOLD_SECONDS
from runstrong.input_files import PROFILE_MAX_BYTES, parse_toml, read_input
from runstrong.validation import PlanDate, validation_errors

DEFAULT_REPS = 10
DEFAULT_SECONDS = 30
DEFAULT_CONTACTS = 20
DEFAULT_REST_S = 60
MAX_EXERCISES = 20  # in one workout: a long gym session holds 8-12 (our limit [D])
DEFAULT_DATE = dt.date(2026, 1, 5)  # a fixed Monday: a workout file has no calendar of its own


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExerciseIn(_Strict):
    slug: str
    sets: Annotated[int, Field(ge=1, le=MAX_SETS)] = 3
    reps: Annotated[int, Field(ge=1, le=50)] | None = None
    seconds: Annotated[int, Field(ge=MIN_HOLD_SECONDS, le=MAX_HOLD_SECONDS)] | None = None
    rest_s: Annotated[int, Field(ge=0, le=MAX_REST_SECONDS)] = DEFAULT_REST_S


class WorkoutIn(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    date: PlanDate = DEFAULT_DATE
    exercises: Annotated[list[ExerciseIn], Field(min_length=1, max_length=MAX_EXERCISES)]


class WorkoutFile(_Strict):
    schema_version: int
    workout: WorkoutIn


def is_workout_file(data: object) -> bool:
    return isinstance(data, dict) and "workout" in data


def load_workout(path: Path, library: ExerciseLibrary) -> Plan:
    return workout_from_bytes(read_input(path, PROFILE_MAX_BYTES), library, where=str(path))


def workout_from_bytes(raw: bytes, library: ExerciseLibrary, *, where: str) -> Plan:
    """A workout file's bytes, validated; `where` names the file in error lines."""
    return parse_workout(parse_toml(raw, where), library, where=where)


def parse_workout(data: dict[str, object], library: ExerciseLibrary, *, where: str) -> Plan:
    try:
        raw = WorkoutFile.model_validate(data)
    except ValidationError as exc:
        raise InputErrors(validation_errors(where, exc)) from None
    if raw.schema_version != 1:
        raise InputError(where, "schema_version", f"{raw.schema_version} is not supported")
    exercises = []
    for i, item in enumerate(raw.workout.exercises):
        if item.slug not in library:
            field = field_path("workout", "exercises", i, "slug")
            raise InputError(where, field, f"no exercise '{cut(item.slug)}'")
        exercises.append(_prescription(item, library))
    day = raw.workout.date
    monday = day - dt.timedelta(days=day.weekday())
    session = Session(
        date=day,
        weekday=Weekday.of(day),
        time=dt.time(18, 0),
        title=raw.workout.name,
        after_run=False,
        lower_body_load=LowerBodyLoad.MODERATE,
        plyo_contacts=sum(contacts_of(p) for p in exercises),
        est_minutes=0,
        exercises=tuple(exercises),
        reasons=(reason(RuleId.FROM_WORKOUT_FILE, file=Path(where).name),),
        warnings=(),
        id=session_id(athlete_id_from_name(raw.workout.name), monday, "W"),
    )
    week = Week(1, day, Phase.BASE, False, raw.workout.name, (session,))
    return Plan(
        athlete=raw.workout.name,
        start=day,
        weeks=(week,),
        warnings=(),
        id=athlete_id_from_name(raw.workout.name),
    )


def _prescription(item: ExerciseIn, library: ExerciseLibrary) -> Prescription:
    ex = library.get(item.slug)
    timed = ex.load_type is LoadType.TIMED_HOLD
    plyo = ex.load_type is LoadType.PLYOMETRIC_CONTACTS
    dose: Dose = Reps(item.reps or DEFAULT_REPS)  # no RIR: a workout file gives none
    if timed:
        dose = Hold(item.seconds or DEFAULT_SECONDS)
    elif plyo:
        dose = Contacts(item.reps or DEFAULT_CONTACTS)
    return Prescription(
        slug=ex.slug,
        name=ex.name,
        role=Role.PLYOMETRIC if plyo else Role.SECONDARY,
        sets=item.sets,
        dose=dose,
        per_side=ex.per_side,
        rest_s=item.rest_s,
        tempo=None,
        why=ex.why.text,
        citations=ex.why.citations,
    )
