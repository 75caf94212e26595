"""Plan -> JSON (docs/formats.md, "Plan JSON"): versioned, deterministic, loads resolved to kg.

Every reason, warning and note is written as its record (rule id, citations, parameters) and its
words (`text`, from the message catalogue). The plan's `version` is a hash of everything else in
the file (domain/identity.py), so an unchanged plan keeps its version.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from runstrong.domain.athlete import Athlete
from runstrong.domain.identity import content_version
from runstrong.domain.messages import Reason
from runstrong.domain.plan import ByPercent, Contacts, Dose, Hold
from runstrong.render.messages import text
from runstrong.render.resolved import ResolvedExercise, ResolvedPlan, ResolvedSession, ResolvedWeek

if TYPE_CHECKING:  # annotations only: the JSON path never loads the exporters' options
    from runstrong.export.exporter import ExportOptions


class DoseFields(NamedTuple):
    """A dose as plan JSON and CSV write it: one of reps, seconds and contacts, and with reps
    the RIR and the %1RM (None: not prescribed)."""

    reps: int | None
    seconds: int | None
    contacts: int | None
    rir: int | None
    percent_1rm: int | None


def dose_fields(dose: Dose) -> DoseFields:
    if isinstance(dose, Hold):
        return DoseFields(None, dose.seconds, None, None, None)
    if isinstance(dose, Contacts):
        return DoseFields(None, None, dose.count, None, None)
    effort = dose.effort
    if isinstance(effort, ByPercent):
        return DoseFields(dose.count, None, None, effort.rir, effort.percent_1rm)
    return DoseFields(dose.count, None, None, None if effort is None else effort.rir, None)


def plan_to_dict(resolved: ResolvedPlan) -> dict[str, Any]:
    plan, athlete = resolved.plan, resolved.athlete
    body = {
        "schema_version": plan.schema_version,
        "id": plan.id or athlete.key,
        "version": "",
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
        "warnings": _reasons(plan.warnings),
        "weeks": [_week(w) for w in resolved.weeks],
    }
    body["version"] = content_version(_canonical(body))
    return body


def plan_version(resolved: ResolvedPlan) -> str:
    """The plan's version: a hash of its content (what the JSON holds but the version itself)."""
    return str(plan_to_dict(resolved)["version"])


def _canonical(body: dict[str, Any]) -> bytes:
    """The content as compact JSON with sorted keys, the bytes the version hashes."""
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS)


def reason_dict(reason: Reason) -> dict[str, Any]:
    """A reason as plan JSON writes it: the record, then its words."""
    return {
        "rule": str(reason.rule),
        "citations": list(reason.citations),
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in reason.params},
        "text": text(reason),
    }


# A plan repeats its reasons week after week: each is put into words once (keyed on the whole
# record, so never stale; thread-safe). The dicts are shared: never changed once made.
_reason_dict = lru_cache(maxsize=4096)(reason_dict)


def _reasons(reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
    return [_reason_dict(r) for r in reasons]


def _athlete(athlete: Athlete) -> dict[str, Any]:
    """What a saved plan needs to be exported again without its profile (loads, zone, races)."""
    kit = athlete.equipment
    return {
        "id": athlete.key,
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


def export(resolved: ResolvedPlan, options: ExportOptions) -> bytes:
    """The `Exporter` of plan JSON (export.exporter). With `options.outcomes` (a stored
    athlete's plan) each session also has its `log`: what became of it (export.beside_log)."""
    if options.outcomes is None:
        return export_json(resolved)
    from runstrong.export.beside_log import outcome_dict

    body = plan_to_dict(resolved)
    for week in body["weeks"]:
        for session in week["sessions"]:
            found = options.outcomes.get(session["id"])
            session["log"] = None if found is None else outcome_dict(found)
    return orjson.dumps(body, option=orjson.OPT_INDENT_2) + b"\n"


def export_json(resolved: ResolvedPlan) -> bytes:
    # orjson writes the same bytes as json.dumps(indent=2, ensure_ascii=False) (tested on every
    # example), in 0.15 ms for Alex's plan against 12.6 ms: the standard library indents in pure
    # Python. (msgspec was as fast but took 8 ms to import, for a command that lasts 140 ms.)
    return orjson.dumps(plan_to_dict(resolved), option=orjson.OPT_INDENT_2) + b"\n"


def _week(resolved: ResolvedWeek) -> dict[str, Any]:
    week = resolved.week
    return {
        "index": week.index,
        "start": week.start.isoformat(),
        "phase": str(week.phase),
        "deload": week.deload,
        "goal": week.goal,
        "notes": _reasons(week.notes),
        "sessions": [_session(s) for s in resolved.sessions],
    }


def _session(resolved: ResolvedSession) -> dict[str, Any]:
    s = resolved.session
    return {
        "id": s.id,
        "date": s.date.isoformat(),
        "weekday": str(s.weekday),
        "time": s.time.strftime("%H:%M"),
        "title": s.title,
        "after_run": s.after_run,
        "lower_body_load": str(s.lower_body_load),
        "plyo_contacts": s.plyo_contacts,
        "est_minutes": s.est_minutes,
        "reasons": _reasons(s.reasons),
        "warnings": _reasons(s.warnings),
        "exercises": [_exercise(x) for x in resolved.exercises],
    }


def _exercise(x: ResolvedExercise) -> dict[str, Any]:
    p = x.prescription
    dose = dose_fields(p.dose)
    return {
        "id": x.id,
        "slug": p.slug,
        "name": p.name,
        "role": str(p.role),
        "sets": p.sets,
        "reps": dose.reps,
        "seconds": dose.seconds,
        "contacts": dose.contacts,
        "per_side": p.per_side,
        "rir": dose.rir,
        "percent_1rm": dose.percent_1rm,
        "load_kg": x.load_kg,
        "load_estimated": x.load_estimated,
        "rest_s": p.rest_s,
        "tempo": p.tempo,
        "why": p.why,
        "citations": list(p.citations),
        "load_note": _reason_dict(x.load_note) if x.load_note else None,
        "notes": _reasons(p.notes),
        "superset": p.superset,
    }
