"""Exercise -> JSON-ready dict: every field of the exercise file, plus resolved FIT ids."""

from __future__ import annotations

from typing import Any

from runstrong.domain.exercise import Exercise


def exercise_to_dict(ex: Exercise) -> dict[str, Any]:
    return {
        "slug": ex.slug,
        "name": ex.name,
        "aliases": list(ex.aliases),
        "patterns": [str(p) for p in ex.patterns],
        "equipment": sorted(str(e) for e in ex.equipment),
        "equipment_any": sorted(str(e) for e in ex.equipment_any),
        "level": str(ex.level),
        "laterality": str(ex.laterality),
        "load_type": str(ex.load_type),
        "percent_1rm": ex.percent_1rm,
        "muscles": {str(m): w for m, w in ex.muscles},
        "plyometric": {
            "contacts_per_rep": ex.plyometric.contacts_per_rep,
            "intensity": str(ex.plyometric.intensity),
        }
        if ex.plyometric
        else None,
        "progression": ex.progression,
        "regression": ex.regression,
        "substitutes": list(ex.substitutes),
        "fit": {
            "category": ex.fit.category,
            "category_id": ex.fit.category_id,
            "name": ex.fit.name,
            "name_id": ex.fit.name_id,
        },
        "cues": list(ex.cues),
        "why": {
            "text": ex.why.text,
            "benefits": [str(b) for b in ex.why.benefits],
            "citations": list(ex.why.citations),
        },
        "tolerated_with": {
            str(site): "none" if worst is None else str(worst) for site, worst in ex.tolerated_with
        },
        "seconds_per_rep": ex.seconds_per_rep,
        "max_reps": ex.max_reps,
        "ballistic": ex.ballistic,
        "tempo": ex.tempo,
        "weights_held": ex.weights_held,
    }
