"""A saved plan JSON (docs/formats.md, "Plan JSON") -> Plan and the athlete data it carries.

So that `runstrong export ... plan.json` works without the profile: the plan keeps the athlete's
name, zone, equipment and known maxes, and its races. The file is validated strictly (pydantic,
strict mode, unknown keys refused): `"deload": "false"` or `"sets": 3.9` is an error naming the
field, never a guess. Schema 2 is read as written; schema 1 (before ids and reasons as records)
is still read: its reasons become text reasons (`RuleId.TEXT`) and its sessions take the ids of
their place in the week by date (`S1`, `S2`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from runstrong.domain.athlete import (
    Athlete,
    Availability,
    EquipmentSet,
    Race,
    RaceDistance,
    RacePriority,
    RunningWeek,
    Weekday,
)
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, InputErrors
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.identity import ID_PATTERN, session_id
from runstrong.domain.messages import Reason, RuleId
from runstrong.domain.plan import (
    ByPercent,
    ByRir,
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
from runstrong.input_files import check_nesting
from runstrong.validation import SavedDate, check_zone, validation_errors

Count = Annotated[int, Field(ge=0)]
Positive = Annotated[int, Field(ge=1)]
Kg = Annotated[float, Field(gt=0)]
Id = Annotated[str, Field(pattern=f"^{ID_PATTERN}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _local(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError("should be a local time like 18:00, without an offset")
    return value


class ReasonIn(_Strict):
    rule: RuleId
    citations: list[str]
    params: dict[str, str | int | float | list[str]]
    text: str  # the words when the plan was written; read again from the catalogue

    def reason(self) -> Reason:
        params = tuple(
            (key, tuple(value) if isinstance(value, list) else value)
            for key, value in self.params.items()
        )
        return Reason(self.rule, params, tuple(self.citations))


class ExerciseIn(_Strict):
    id: str | None = None
    slug: str
    name: str
    role: Role
    sets: Positive
    reps: Positive | None
    seconds: Positive | None
    contacts: Positive | None
    per_side: bool
    rir: Count | None
    percent_1rm: Annotated[int, Field(ge=1, le=100)] | None
    load_kg: Kg | None
    rest_s: Count
    tempo: str | None
    why: str
    citations: list[str]
    load_note: ReasonIn | None
    notes: list[ReasonIn]
    superset: str | None

    @model_validator(mode="after")
    def _one_dose(self) -> ExerciseIn:
        self.dose()  # raises ValueError for a mix no dose has
        return self

    def dose(self) -> Dose:
        """The dose the flat fields describe: one of reps, seconds and contacts; RIR (and a %1RM
        with it) only with reps."""
        given = [n for n in ("reps", "seconds", "contacts") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(
                "should have exactly one of reps, seconds and contacts"
                f" (has {', '.join(given) or 'none'})"
            )
        if self.reps is None:
            if self.rir is not None or self.percent_1rm is not None:
                raise ValueError(f"{given[0]} take no rir or percent_1rm: only reps have them")
            if self.seconds is not None:
                return Hold(self.seconds)
            assert self.contacts is not None  # exactly one of the three is given
            return Contacts(self.contacts)
        if self.rir is None:
            if self.percent_1rm is not None:
                raise ValueError("a percent_1rm needs the rir it leaves")
            return Reps(self.reps)
        if self.percent_1rm is None:
            return Reps(self.reps, ByRir(self.rir))
        return Reps(self.reps, ByPercent(self.percent_1rm, self.rir))


class SessionIn(_Strict):
    id: Annotated[str, Field(min_length=1)]
    date: SavedDate
    weekday: Weekday
    time: dt.time
    title: str
    after_run: bool
    lower_body_load: LowerBodyLoad
    plyo_contacts: Count
    est_minutes: Count
    reasons: list[ReasonIn]
    warnings: list[ReasonIn]
    exercises: list[ExerciseIn]

    _time = field_validator("time")(_local)


class WeekIn(_Strict):
    index: Positive
    start: SavedDate
    phase: Phase
    deload: bool
    goal: str
    notes: list[ReasonIn]
    sessions: list[SessionIn]


class EquipmentIn(_Strict):
    items: list[Equipment]
    dumbbell_max_kg: Kg | None
    dumbbell_step_kg: Kg
    kettlebell_kg: list[Kg]
    barbell_max_kg: Kg | None
    barbell_step_kg: Kg


class AthleteIn(_Strict):
    id: Id | None = None
    name: Annotated[str, Field(min_length=1)]
    strength_level: Level
    timezone: str

    _zone = field_validator("timezone")(check_zone)
    body_mass_kg: Kg | None
    equipment: EquipmentIn
    one_rep_max_kg: dict[str, Kg]


class RaceIn(_Strict):
    name: str
    date: SavedDate
    distance: RaceDistance
    priority: RacePriority


class PlanIn(_Strict):
    schema_version: Literal[2]
    id: Id
    version: str
    athlete: AthleteIn
    start: SavedDate
    end: SavedDate
    races: list[RaceIn]
    warnings: list[ReasonIn]
    weeks: list[WeekIn]


# Schema 1: the same, with reasons, warnings and notes as text and no ids.
class ExerciseInV1(ExerciseIn):
    load_note: str | None  # type: ignore[assignment]
    notes: list[str]  # type: ignore[assignment]


class SessionInV1(SessionIn):
    id: None = None  # type: ignore[assignment]
    reasons: list[str]  # type: ignore[assignment]
    warnings: list[str]  # type: ignore[assignment]
    exercises: list[ExerciseInV1]  # type: ignore[assignment]


class WeekInV1(WeekIn):
    notes: list[str]  # type: ignore[assignment]
    sessions: list[SessionInV1]  # type: ignore[assignment]


class PlanInV1(_Strict):
    schema_version: Literal[1]
    athlete: AthleteIn
    start: SavedDate
    end: SavedDate
    races: list[RaceIn]
    warnings: list[str]
    weeks: list[WeekInV1]


def read_plan(
    raw: bytes, library: ExerciseLibrary, *, where: str, parsed: object = None
) -> tuple[Plan, Athlete]:
    """The plan and athlete of a saved plan's bytes; every problem one InputError line.
    `parsed`: the bytes already read as JSON by the caller, if it did (not parsed again)."""
    if parsed is None:
        check_nesting(raw, where, json=True)
        try:
            parsed = json.loads(raw)
        except (ValueError, RecursionError):
            parsed = None  # not JSON: the model says so
    version = parsed.get("schema_version") if isinstance(parsed, dict) else None
    model: type[PlanIn] | type[PlanInV1] = PlanInV1 if version == 1 else PlanIn
    try:
        data = model.model_validate_json(raw)
    except ValidationError as exc:
        errors = validation_errors(where, exc, model)
        raise errors[0] if len(errors) == 1 else InputErrors(errors) from None
    athlete = _athlete(data.athlete, data.races)
    plan = Plan(
        athlete=athlete.name,
        start=data.start,
        weeks=tuple(
            _week(w, f"weeks[{i + 1}]", where, library, athlete.key)
            for i, w in enumerate(data.weeks)
        ),
        warnings=_reasons(data.warnings),
        id=data.id if isinstance(data, PlanIn) else athlete.key,
    )
    return plan, athlete


def _athlete(a: AthleteIn, races: list[RaceIn]) -> Athlete:
    kit = a.equipment
    return Athlete(
        name=a.name,
        id=a.id or "",
        level=a.strength_level,
        timezone=a.timezone,
        body_mass_kg=a.body_mass_kg,
        equipment=EquipmentSet(
            items=frozenset(kit.items),
            dumbbell_max_kg=kit.dumbbell_max_kg,
            dumbbell_step_kg=kit.dumbbell_step_kg,
            kettlebell_kgs=tuple(kit.kettlebell_kg),
            barbell_max_kg=kit.barbell_max_kg,
            barbell_step_kg=kit.barbell_step_kg,
        ),
        availability=Availability(strength_days=tuple(Weekday)),
        running=RunningWeek(runs=()),
        races=tuple(Race(r.name, r.date, r.distance, r.priority) for r in races),
        one_rep_max_kg=dict(a.one_rep_max_kg),
    )


# How a schema reads its reasons: records (schema 2) or text (schema 1).
ReasonsIn = list[ReasonIn] | list[str]


def _reasons(items: ReasonsIn) -> tuple[Reason, ...]:
    return tuple(r.reason() if isinstance(r, ReasonIn) else _text(r) for r in items)


def _week(
    w: WeekIn | WeekInV1, path: str, where: str, library: ExerciseLibrary, athlete_id: str
) -> Week:
    """A week of either schema: schema 1's sessions take ids by their order in the week."""
    ordered = sorted(w.sessions, key=lambda s: (s.date, s.time))
    return Week(
        index=w.index,
        start=w.start,
        phase=w.phase,
        deload=w.deload,
        goal=w.goal,
        notes=_reasons(w.notes),
        sessions=tuple(
            Session(
                date=s.date,
                weekday=s.weekday,
                time=s.time,
                title=s.title,
                after_run=s.after_run,
                lower_body_load=s.lower_body_load,
                plyo_contacts=s.plyo_contacts,
                est_minutes=s.est_minutes,
                exercises=tuple(
                    _exercise(e, f"{path}.sessions[{i + 1}].exercises[{k + 1}]", where, library)
                    for k, e in enumerate(s.exercises)
                ),
                reasons=_reasons(s.reasons),
                warnings=_reasons(s.warnings),
                id=s.id or session_id(athlete_id, w.start, f"S{ordered.index(s) + 1}"),
            )
            for i, s in enumerate(w.sessions)
        ),
    )


def _text(words: str) -> Reason:
    return Reason(RuleId.TEXT, (("text", words),))


def _exercise(e: ExerciseIn, path: str, where: str, library: ExerciseLibrary) -> Prescription:
    if e.slug not in library:
        raise InputError(where, f"{path}.slug", f"no exercise '{e.slug}' in the library")
    return Prescription(
        slug=e.slug,
        name=e.name,
        role=e.role,
        sets=e.sets,
        dose=e.dose(),
        per_side=e.per_side,
        rest_s=e.rest_s,
        tempo=e.tempo,
        why=e.why,
        citations=tuple(e.citations),
        notes=_reasons(e.notes),
        superset=e.superset,
    )
