"""Plan -> JSON (docs/formats.md, "Plan JSON"): versioned, deterministic, loads resolved to kg."""

from __future__ import annotations

import json
from typing import Any

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.loads import resolve_load
from runstrong.domain.plan import Plan, Prescription, Session, Week


def plan_to_dict(plan: Plan, athlete: Athlete, library: ExerciseLibrary) -> dict[str, Any]:
    return {
        "schema_version": plan.schema_version,
        "athlete": _athlete(athlete),
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "races": [
            {
                "name": r.name,
                "date": r.date.isoformat(),
                "distance": str(r.distance),
                "priority": str(r.priority),
            }
            for r in sorted(athlete.races, key=lambda r: r.date)
        ],
        "warnings": list(plan.warnings),
        "weeks": [_week(w, athlete, library) for w in plan.weeks],
    }


def _athlete(athlete: Athlete) -> dict[str, Any]:
    """What a saved plan needs to be exported again without its profile (loads, zone, races)."""
    kit = athlete.equipment
    return {
        "name": athlete.name,
        "strength_level": str(athlete.level),
        "timezone": athlete.timezone,
        "body_mass_kg": athlete.body_mass_kg,
        "equipment": {
            "items": sorted(str(e) for e in kit.items),
            "dumbbell_max_kg": kit.dumbbell_max_kg,
            "dumbbell_step_kg": kit.dumbbell_step_kg,
            "kettlebell_kg": list(kit.kettlebell_kgs),
            "barbell_max_kg": kit.barbell_max_kg,
            "barbell_step_kg": kit.barbell_step_kg,
        },
        "one_rep_max_kg": dict(sorted(athlete.one_rep_max_kg.items())),
    }


def export(plan: Plan, athlete: Athlete, library: ExerciseLibrary) -> bytes:
    text = json.dumps(plan_to_dict(plan, athlete, library), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _week(week: Week, athlete: Athlete, library: ExerciseLibrary) -> dict[str, Any]:
    return {
        "index": week.index,
        "start": week.start.isoformat(),
        "phase": str(week.phase),
        "deload": week.deload,
        "goal": week.goal,
        "notes": list(week.notes),
        "sessions": [_session(s, athlete, library) for s in week.sessions],
    }


def _session(s: Session, athlete: Athlete, library: ExerciseLibrary) -> dict[str, Any]:
    return {
        "date": s.date.isoformat(),
        "weekday": str(s.weekday),
        "time": s.time.strftime("%H:%M"),
        "title": s.title,
        "after_run": s.after_run,
        "lower_body_load": str(s.lower_body_load),
        "plyo_contacts": s.plyo_contacts,
        "est_minutes": s.est_minutes,
        "reasons": list(s.reasons),
        "warnings": list(s.warnings),
        "exercises": [_exercise(p, athlete, library) for p in s.exercises],
    }


def _exercise(p: Prescription, athlete: Athlete, library: ExerciseLibrary) -> dict[str, Any]:
    ex = library.get(p.slug)
    load = resolve_load(p, ex, athlete.one_rep_max_kg, athlete.equipment)
    return {
        "slug": p.slug,
        "name": p.name,
        "role": str(p.role),
        "sets": p.sets,
        "reps": p.reps,
        "seconds": p.seconds,
        "contacts": p.contacts,
        "per_side": p.per_side,
        "rir": p.rir,
        "percent_1rm": p.percent_1rm,
        "load_kg": load.load_kg,
        "rest_s": p.rest_s,
        "tempo": p.tempo,
        "why": p.why,
        "citations": list(p.citations),
        "load_note": load.note,
        "notes": list(p.notes),
        "superset": p.superset,
    }
