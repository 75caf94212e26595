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
from runstrong.domain.errors import InputError, InputErrors, cut
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.identity import ID_PATTERN, session_id
from runstrong.domain.messages import Reason, RuleId
from runstrong.domain.periodisation import MAX_RACES
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
from runstrong.domain.rules import MAX_HOLD_SECONDS, MAX_PLAN_WEEKS, MAX_REST_SECONDS, MAX_SETS
from runstrong.input_files import check_nesting
from runstrong.validation import SavedDate, check_zone, validation_errors

# Every number, text and list a saved plan holds is bounded by what runstrong writes, with room:
# a hand-edited file cannot ask an exporter for a million sets or a 10,000-key reason.
Count = Annotated[int, Field(ge=0, le=10_000)]
Positive = Annotated[int, Field(ge=1, le=10_000)]
Kg = Annotated[float, Field(gt=0, le=500)]
Id = Annotated[str, Field(pattern=f"^{ID_PATTERN}$")]
Text = Annotated[str, Field(max_length=500)]
Key = Annotated[str, Field(max_length=64)]
Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e9, le=1e9)]
Words = Annotated[list[Text], Field(max_length=50)]
MAX_EXERCISES = 30  # in a session
MAX_REASONS = 50  # of a session, a week or an exercise
MAX_PLAN_WARNINGS = 500  # a plan's own: a few for each race, niggle and known max


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _local(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError("should be a local time like 18:00, without an offset")
    return value


class ReasonIn(_Strict):
    rule: RuleId
    citations: Annotated[list[Key], Field(max_length=20)]
    params: Annotated[dict[Key, Text | int | Number | Words], Field(max_length=30)]
    text: Annotated[str, Field(max_length=2000)]  # the words when written; read again

    @model_validator(mode="after")
    def _worded(self) -> ReasonIn:
        """The catalogue can word it: each parameter its rule reads, of the right kind."""
        from runstrong.render.messages import text

        try:
            text(self.reason())
        except (KeyError, TypeError, ValueError, IndexError, OverflowError) as exc:
            raise ValueError(
                f"params do not fit the rule '{self.rule}' ({cut(str(exc))})"
            ) from None
        return self

    def reason(self) -> Reason:
        params = tuple(
            (key, tuple(value) if isinstance(value, list) else value)
            for key, value in self.params.items()
        )
        return Reason(self.rule, params, tuple(self.citations))


class ExerciseIn(_Strict):
    id: Text | None = None
    slug: Key
    name: Text
    role: Role
    sets: Annotated[int, Field(ge=1, le=MAX_SETS)]
    reps: Annotated[int, Field(ge=1, le=50)] | None
    seconds: Annotated[int, Field(ge=1, le=MAX_HOLD_SECONDS)] | None
    contacts: Annotated[int, Field(ge=1, le=300)] | None
    per_side: bool
    rir: Annotated[int, Field(ge=0, le=10)] | None
    percent_1rm: Annotated[int, Field(ge=1, le=100)] | None
    load_kg: Kg | None
    load_estimated: bool = False  # our estimate, not from a known max (absent before: False)
    rest_s: Annotated[int, Field(ge=0, le=MAX_REST_SECONDS)]
    tempo: Annotated[str, Field(max_length=16)] | None
    why: Text
    citations: Annotated[list[Key], Field(max_length=20)]
    load_note: ReasonIn | None
    notes: Annotated[list[ReasonIn], Field(max_length=MAX_REASONS)]
    superset: Annotated[str, Field(max_length=8)] | None

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
    id: Annotated[str, Field(min_length=1, max_length=200)]
    date: SavedDate
    weekday: Weekday
    time: dt.time
    title: Text
    after_run: bool
    lower_body_load: LowerBodyLoad
    plyo_contacts: Annotated[int, Field(ge=0, le=1000)]
    est_minutes: Annotated[int, Field(ge=0, le=600)]
    reasons: Annotated[list[ReasonIn], Field(max_length=MAX_REASONS)]
    warnings: Annotated[list[ReasonIn], Field(max_length=MAX_REASONS)]
    exercises: Annotated[list[ExerciseIn], Field(max_length=MAX_EXERCISES)]
    # What the log says of the session (`export json --athlete`): read past, not kept, so that
    # such a file opens as the plan it is.
    log: dict[str, object] | None = None

    _time = field_validator("time")(_local)


class WeekIn(_Strict):
    index: Annotated[int, Field(ge=1, le=MAX_PLAN_WEEKS)]
    start: SavedDate
    phase: Phase
    deload: bool
    goal: Text
    notes: Annotated[list[ReasonIn], Field(max_length=MAX_REASONS)]
    sessions: Annotated[list[SessionIn], Field(max_length=7)]


class EquipmentIn(_Strict):
    items: Annotated[list[Equipment], Field(max_length=100)]
    dumbbell_max_kg: Kg | None
    dumbbell_step_kg: Kg
    kettlebell_kg: Annotated[list[Kg], Field(max_length=100)]
    barbell_max_kg: Kg | None
    barbell_step_kg: Kg


class AthleteIn(_Strict):
    id: Id | None = None
    name: Annotated[str, Field(min_length=1, max_length=80)]
    strength_level: Level
    timezone: str

    _zone = field_validator("timezone")(check_zone)
    body_mass_kg: Kg | None
    equipment: EquipmentIn
    one_rep_max_kg: Annotated[dict[Key, Kg], Field(max_length=200)]


class RaceIn(_Strict):
    name: Annotated[str, Field(max_length=80)]
    date: SavedDate
    distance: RaceDistance
    priority: RacePriority


class PlanIn(_Strict):
    schema_version: Literal[2]
    id: Id
    version: Annotated[str, Field(max_length=64)]
    athlete: AthleteIn
    start: SavedDate
    end: SavedDate
    races: Annotated[list[RaceIn], Field(max_length=MAX_RACES)]
    warnings: Annotated[list[ReasonIn], Field(max_length=MAX_PLAN_WARNINGS)]
    weeks: Annotated[list[WeekIn], Field(min_length=1, max_length=MAX_PLAN_WEEKS)]


# Schema 1: the same, with reasons, warnings and notes as text and no ids.
TextReasons = Annotated[list[Text], Field(max_length=MAX_REASONS)]


class ExerciseInV1(ExerciseIn):
    load_note: Text | None  # type: ignore[assignment]
    notes: TextReasons  # type: ignore[assignment]


class SessionInV1(SessionIn):
    id: None = None  # type: ignore[assignment]
    reasons: TextReasons  # type: ignore[assignment]
    warnings: TextReasons  # type: ignore[assignment]
    exercises: Annotated[list[ExerciseInV1], Field(max_length=MAX_EXERCISES)]  # type: ignore[assignment]


class WeekInV1(WeekIn):
    notes: TextReasons  # type: ignore[assignment]
    sessions: Annotated[list[SessionInV1], Field(max_length=7)]  # type: ignore[assignment]


class PlanInV1(_Strict):
    schema_version: Literal[1]
    athlete: AthleteIn
    start: SavedDate
    end: SavedDate
    races: Annotated[list[RaceIn], Field(max_length=MAX_RACES)]
    warnings: Annotated[list[Text], Field(max_length=MAX_PLAN_WARNINGS)]
    weeks: Annotated[list[WeekInV1], Field(min_length=1, max_length=MAX_PLAN_WEEKS)]


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
