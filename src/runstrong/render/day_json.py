"""The day's session as `runstrong today --format json` and the API's today give it: each
exercise's dose as planned and as the log moves it, its load, e1RM and reasons (rule id,
citations, parameters and words, as the plan JSON gives them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runstrong.domain.messages import Reason
    from runstrong.log_service import DaySession


def day_dict(found: DaySession) -> dict[str, object]:
    from runstrong.export.plan_json import dose_fields
    from runstrong.render.next_dose_view import shown

    s, units = found.session.session, found.athlete.units
    exercises = []
    for x in found.session.exercises:
        planned = dose_fields(x.prescription.dose)
        view = shown(x, found.from_log.doses.get(x.id))
        p, dose, nxt = view.prescription, dose_fields(view.prescription.dose), view.next
        load_kg = view.load_kg
        exercises.append(
            {
                "id": x.id, "label": x.label, "slug": p.slug, "name": p.name, "sets": p.sets,
                "reps": dose.reps, "seconds": dose.seconds, "contacts": dose.contacts,
                "per_side": p.per_side, "rir": dose.rir, "percent_1rm": dose.percent_1rm,
                "load_kg": load_kg,
                "load": None if load_kg is None else units.from_kg(load_kg),
                "load_from": view.load_from,
                "e1rm_kg": None if nxt is None or nxt.e1rm_kg is None else round(nxt.e1rm_kg, 1),
                "e1rm_kg_by_side": {} if nxt is None else dict(nxt.e1rm_by_side),
                "planned": {
                    "reps": planned.reps, "seconds": planned.seconds,
                    "contacts": planned.contacts, "rir": planned.rir,
                    "percent_1rm": planned.percent_1rm, "load_kg": x.load_kg,
                },
                "reasons": reason_dicts(view.reasons),
            }
        )  # fmt: skip
    return {
        "athlete": found.athlete.handle,
        "units": str(units),
        "asked": found.asked.isoformat(),
        "session": {
            "id": s.id, "date": s.date.isoformat(), "title": s.title,
            "time": s.time.strftime("%H:%M"), "est_minutes": s.est_minutes,
            "signals": reason_dicts(found.from_log.signals),
            "exercises": exercises,
        },
        "logged": None if found.log is None else str(found.log.status),
    }  # fmt: skip


def reason_dicts(reasons: tuple[Reason, ...]) -> list[dict[str, object]]:
    """Reasons as the plan JSON gives them: rule id, citations, parameters and words."""
    from runstrong.render.messages import text

    return [
        {"rule": str(r.rule), "citations": list(r.citations), "params": dict(r.params),
         "text": text(r)}
        for r in reasons
    ]  # fmt: skip
