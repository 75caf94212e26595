"""A saved plan JSON (docs/formats.md, "Plan JSON") -> Plan and the athlete data it carries.

So that `runstrong export ... plan.json` works without the profile: the plan keeps the athlete's
name, zone, equipment and known maxes, and its races.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any, TypeVar

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
from runstrong.domain.errors import InputError, field_path
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.plan import (
    PLAN_SCHEMA_VERSION,
    LowerBodyLoad,
    Phase,
    Plan,
    Prescription,
    Role,
    Session,
    Week,
)

T = TypeVar("T")


class _Reader:
    """Reads fields with a path, so any problem names where it is: weeks[3].sessions[1].date."""

    def __init__(self, where: str) -> None:
        self.where = where

    def get(self, obj: Any, key: str, path: str, convert: Callable[[Any], T]) -> T:
        field = field_path(path, key)
        if not isinstance(obj, dict) or key not in obj:
            raise InputError(self.where, field, "is missing")
        try:
            return convert(obj[key])
        except (TypeError, ValueError, KeyError) as exc:
            raise InputError(self.where, field, f"is not valid ({obj[key]!r}: {exc})") from None

    def opt(self, obj: Any, key: str, path: str, convert: Callable[[Any], T]) -> T | None:
        if isinstance(obj, dict) and obj.get(key) is None:
            return None
        return self.get(obj, key, path, convert)


def read_plan(data: Any, library: ExerciseLibrary, *, where: str) -> tuple[Plan, Athlete]:
    r = _Reader(where)
    version = r.get(data, "schema_version", "", int)
    if version != PLAN_SCHEMA_VERSION:
        raise InputError(where, "schema_version", f"{version} is not supported (expected 1)")
    athlete = _athlete(r, r.get(data, "athlete", "", dict), data)
    weeks = tuple(
        _week(r, w, field_path("weeks", i), library)
        for i, w in enumerate(r.get(data, "weeks", "", list))
    )
    plan = Plan(
        athlete=athlete.name,
        start=r.get(data, "start", "", date.fromisoformat),
        weeks=weeks,
        warnings=tuple(r.get(data, "warnings", "", _strings)),
    )
    return plan, athlete


def _athlete(r: _Reader, a: dict[str, Any], data: dict[str, Any]) -> Athlete:
    kit = r.get(a, "equipment", "athlete", dict)
    races = [
        Race(
            r.get(x, "name", field_path("races", i), str),
            r.get(x, "date", field_path("races", i), date.fromisoformat),
            r.get(x, "distance", field_path("races", i), RaceDistance),
            r.get(x, "priority", field_path("races", i), RacePriority),
        )
        for i, x in enumerate(r.get(data, "races", "", list))
    ]
    return Athlete(
        name=r.get(a, "name", "athlete", str),
        level=r.get(a, "strength_level", "athlete", Level),
        timezone=r.get(a, "timezone", "athlete", str),
        body_mass_kg=r.opt(a, "body_mass_kg", "athlete", float),
        equipment=EquipmentSet(
            items=r.get(kit, "items", "athlete.equipment", lambda v: frozenset(map(Equipment, v))),
            dumbbell_max_kg=r.opt(kit, "dumbbell_max_kg", "athlete.equipment", float),
            dumbbell_step_kg=r.get(kit, "dumbbell_step_kg", "athlete.equipment", float),
            kettlebell_kgs=r.get(
                kit, "kettlebell_kg", "athlete.equipment", lambda v: tuple(map(float, v))
            ),
            barbell_max_kg=r.opt(kit, "barbell_max_kg", "athlete.equipment", float),
            barbell_step_kg=r.get(kit, "barbell_step_kg", "athlete.equipment", float),
        ),
        availability=Availability(strength_days=tuple(Weekday)),
        running=RunningWeek(runs=()),
        races=tuple(races),
        one_rep_max_kg=r.get(
            a, "one_rep_max_kg", "athlete", lambda v: {str(k): float(x) for k, x in v.items()}
        ),
    )


def _week(r: _Reader, w: Any, path: str, library: ExerciseLibrary) -> Week:
    return Week(
        index=r.get(w, "index", path, int),
        start=r.get(w, "start", path, date.fromisoformat),
        phase=r.get(w, "phase", path, Phase),
        deload=r.get(w, "deload", path, bool),
        goal=r.get(w, "goal", path, str),
        notes=tuple(r.get(w, "notes", path, _strings)),
        sessions=tuple(
            _session(r, s, field_path(path, "sessions", i), library)
            for i, s in enumerate(r.get(w, "sessions", path, list))
        ),
    )


def _session(r: _Reader, s: Any, path: str, library: ExerciseLibrary) -> Session:
    return Session(
        date=r.get(s, "date", path, date.fromisoformat),
        weekday=r.get(s, "weekday", path, Weekday),
        time=r.get(s, "time", path, time.fromisoformat),
        title=r.get(s, "title", path, str),
        after_run=r.get(s, "after_run", path, bool),
        lower_body_load=r.get(s, "lower_body_load", path, LowerBodyLoad),
        plyo_contacts=r.get(s, "plyo_contacts", path, int),
        est_minutes=r.get(s, "est_minutes", path, int),
        reasons=tuple(r.get(s, "reasons", path, _strings)),
        warnings=tuple(r.get(s, "warnings", path, _strings)),
        exercises=tuple(
            _exercise(r, e, field_path(path, "exercises", i), library)
            for i, e in enumerate(r.get(s, "exercises", path, list))
        ),
    )


def _strings(value: Any) -> list[str]:
    return [str(x) for x in value]


def _known_slug(library: ExerciseLibrary) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in library:
            raise ValueError("no exercise has this slug")
        return str(value)

    return check


def _exercise(r: _Reader, e: Any, path: str, library: ExerciseLibrary) -> Prescription:
    return Prescription(
        slug=r.get(e, "slug", path, _known_slug(library)),
        name=r.get(e, "name", path, str),
        role=r.get(e, "role", path, Role),
        sets=r.get(e, "sets", path, int),
        reps=r.opt(e, "reps", path, int),
        seconds=r.opt(e, "seconds", path, int),
        contacts=r.opt(e, "contacts", path, int),
        per_side=r.get(e, "per_side", path, bool),
        rir=r.opt(e, "rir", path, int),
        percent_1rm=r.opt(e, "percent_1rm", path, int),
        rest_s=r.get(e, "rest_s", path, int),
        tempo=r.opt(e, "tempo", path, str),
        why=r.get(e, "why", path, str),
        citations=tuple(r.get(e, "citations", path, _strings)),
        notes=tuple(r.get(e, "notes", path, _strings)),
        superset=r.opt(e, "superset", path, str),
    )
