"""Parse and validate a profile's bytes with pydantic (profile/schema.py) into a domain Profile.

Every problem is one line naming the file, the field and the value. runstrong.profile.loader
calls this only for a profile it has not seen before.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from typing import Any

from pydantic import ValidationError

from runstrong.domain.anchors import Anchors
from runstrong.domain.athlete import (
    Athlete,
    Availability,
    EquipmentSet,
    Niggle,
    Race,
    Run,
    RunningOverride,
    RunningWeek,
    StrengthException,
)
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, InputErrors, cut, field_path
from runstrong.domain.profile import Profile
from runstrong.domain.rules import ORDERED_PAIRS, Rules
from runstrong.profile.calendar_checks import calendar_problems
from runstrong.profile.schema import AnchorsIn, ProfileIn, RunIn, pace_seconds
from runstrong.profile.week_checks import week_clashes
from runstrong.validation import validation_errors

# A field's type is its annotation's text in Python source, the class in the compiled build.
RULE_TYPES = {f.name: getattr(f.type, "__name__", f.type) for f in fields(Rules)}
RULE_LIMITS = {f.name: (f.metadata["least"], f.metadata["most"]) for f in fields(Rules)}


def parse_bytes(raw: bytes, suffix: str, library: ExerciseLibrary, where: str) -> Profile:
    """A profile file's bytes (JSON if `suffix` is .json, else TOML) as a validated Profile."""
    from runstrong.input_files import parse_json, parse_toml

    data = parse_json(raw, where) if suffix.lower() == ".json" else parse_toml(raw, where)
    if not isinstance(data, dict):
        raise InputError(where, "", "must hold a table (an object) at the top level")
    return parse_profile(data, library, where=where)


def parse_profile(
    data: dict[str, Any], library: ExerciseLibrary, *, where: str = "profile"
) -> Profile:
    try:
        raw = ProfileIn.model_validate(data)
    except ValidationError as exc:
        raise InputErrors(validation_errors(where, exc, ProfileIn)) from None
    errors = week_clashes(raw.running.week, where)
    errors += calendar_problems(raw, where)
    for slug in raw.strength.one_rep_max_kg:
        if slug not in library:
            errors.append(
                InputError(
                    where,
                    field_path("strength", "one_rep_max_kg", slug),
                    f"no exercise has the slug '{cut(slug)}'",
                )
            )
    rules = _rules(raw.rules, where, errors)
    if errors:
        raise InputErrors(errors)
    return Profile(
        athlete=_athlete(raw), start=raw.plan.start, weeks=raw.plan.weeks, rules=rules,
        units=raw.athlete.units,
        anchors=_anchors(raw.anchors),
    )  # fmt: skip


def parse_run_settings(data: dict[str, Any], where: str) -> tuple[Anchors, Rules, str]:
    """The anchors, rules and time zone of a stored profile, without the exercise library (the
    profile was checked whole when stored): what the runs and the load need."""
    try:
        raw = ProfileIn.model_validate(data)
    except ValidationError as exc:
        raise InputErrors(validation_errors(where, exc, ProfileIn)) from None
    errors: list[InputError] = []
    rules = _rules(raw.rules, where, errors)
    if errors:
        raise InputErrors(errors)
    return _anchors(raw.anchors), rules, raw.athlete.timezone


def _anchors(raw: AnchorsIn) -> Anchors:
    pace = raw.threshold_pace_per_km
    return Anchors(
        threshold_power_w=raw.critical_power_w or raw.threshold_power_w,
        threshold_pace_s_per_km=None if pace is None else pace_seconds(pace),
        max_hr=raw.max_hr,
        resting_hr=raw.resting_hr,
    )


def _rules(values: dict[str, Any], where: str, errors: list[InputError]) -> Rules:
    """The profile's [rules] table over the defaults: each value of the rule's type and within
    its limits (Rules metadata), and ordered pairs (rir_min <= rir_max, ...) in order."""
    clean: dict[str, int | float] = {}
    for name, value in values.items():
        problem = _rule_problem(name, value)
        if problem:
            errors.append(InputError(where, field_path("rules", name), problem))
        else:
            clean[name] = value
    rules = Rules().override(clean)
    for low, high, strict in ORDERED_PAIRS:
        a, b = getattr(rules, low), getattr(rules, high)
        if (a >= b if strict else a > b) and (low in clean or high in clean):
            name = low if low in clean else high
            relation = "be less than" if strict else "not be more than"
            errors.append(
                InputError(where, f"rules.{name}", f"{low} ({a:g}) must {relation} {high} ({b:g})")
            )
    return rules


def _shown(value: Any) -> str:
    """A value as the profile wrote it (true, "off", 30), not as Python does (True, 'off')."""
    return cut(json.dumps(value, default=str))  # a TOML date or time as written


def _rule_problem(name: str, value: Any) -> str | None:
    """What is wrong with `value` for the rule `name`, or None."""
    kind = RULE_TYPES.get(name)
    if kind is None:
        return "unknown rule (see: runstrong rules)"
    if kind == "bool":
        if value in (0, 1) and not isinstance(value, str):
            return None
        return f"must be true or false (got {_shown(value)})"
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "int" and not (numeric and isinstance(value, int)):
        return f"must be a whole number (got {_shown(value)})"
    if not numeric:
        return f"must be a number (got {_shown(value)})"
    if not math.isfinite(value):
        return f"must be a finite number (got {value})"
    least, most = RULE_LIMITS[name]
    if value < least:
        limit = f"be at least {least:g}" if least else "not be negative"
        return f"must {limit} (got {_shown(value)})"
    if most is not None and value > most:
        return f"must be at most {most:g} (got {_shown(value)})"
    return None


def _athlete(raw: ProfileIn) -> Athlete:
    eq = raw.equipment
    return Athlete(
        name=raw.athlete.name,
        id=raw.athlete.id or "",
        level=raw.athlete.strength_level,
        body_mass_kg=raw.athlete.body_mass_kg,
        timezone=raw.athlete.timezone,
        equipment=EquipmentSet(
            items=frozenset(eq.items),
            dumbbell_max_kg=eq.dumbbell_max_kg,
            dumbbell_step_kg=eq.dumbbell_step_kg,
            kettlebell_kgs=tuple(sorted(eq.kettlebell_kg)),
            barbell_max_kg=eq.barbell_max_kg,
            barbell_step_kg=eq.barbell_step_kg,
        ),
        availability=Availability(
            strength_days=tuple(raw.availability.strength_days),
            sessions_per_week=raw.availability.sessions_per_week,
            session_minutes=raw.availability.session_minutes,
            preferred_time=raw.availability.preferred_time,
            exceptions=tuple(
                StrengthException(e.from_, e.to, tuple(e.strength_days or ()), e.label or "")
                for e in raw.availability.exceptions
            ),
        ),
        running=RunningWeek(
            runs=_runs(raw.running.week),
            recovery_week_every=raw.running.recovery_week_every,
            overrides=tuple(
                RunningOverride(o.from_, o.to, _runs(o.runs), o.label or "")
                for o in raw.running.overrides
            ),
        ),
        races=tuple(Race(r.name, r.date, r.distance, r.priority) for r in raw.races),
        one_rep_max_kg=dict(raw.strength.one_rep_max_kg),
        niggles=tuple(Niggle(n.site, n.severity) for n in raw.niggles),
    )


def _runs(runs: list[RunIn]) -> tuple[Run, ...]:
    return tuple(Run(r.day, r.type, r.minutes, r.time) for r in runs)
