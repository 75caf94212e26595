"""Dose by place: a session's content fitted to the day it was placed on (science.md §3.3).

Placement (scheduling.py) chooses the days first. A heavy session that lands where heavy legs
would break a rule (the day before a key run, a long run or a race; closer than
`min_hours_between_heavy_lower` to another heavy leg session) keeps its day and becomes moderate
on the legs here: no lower-body set at `heavy_set_min_percent_1rm` or more, none of
`heavy_set_max_reps` reps or fewer at `heavy_set_max_rir` or less, and no moderate or high
intensity plyometrics. Upper body, trunk and the lighter lower-body work stay, each lower-body set
further from failure, the heavy ones lighter, with more reps and a set fewer. A session closer
than `min_hours_between_plyo` to another with plyometrics leaves its own out. Every change is a
note on the prescription (`RuleId.MODERATED_DOSE`), every jump left out one on the session.
"""

from __future__ import annotations

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.drafts import Draft
from runstrong.domain.exercise import PlyoIntensity
from runstrong.domain.intensity import percent_1rm_for
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Prescription, Reps, Role
from runstrong.domain.rules import Rules


def is_heavy_set(p: Prescription, rules: Rules) -> bool:
    """A set heavy on whatever it loads: at `heavy_set_min_percent_1rm` or more, or of
    `heavy_set_max_reps` reps or fewer at `heavy_set_max_rir` or less. Holds, contacts and reps
    without an effort are never heavy sets."""
    dose = p.dose
    if not isinstance(dose, Reps) or dose.effort is None:
        return False
    effort = dose.effort
    if isinstance(effort, ByPercent) and effort.percent_1rm >= rules.heavy_set_min_percent_1rm:
        return True
    return dose.count <= rules.heavy_set_max_reps and effort.rir <= rules.heavy_set_max_rir


def has_heavy_legs(
    exercises: tuple[Prescription, ...], library: ExerciseLibrary, rules: Rules
) -> bool:
    """Any heavy set of a lower-body exercise."""
    return any(is_heavy_set(p, rules) and library.get(p.slug).is_lower_body for p in exercises)


def is_hard_plyo(slug: str, library: ExerciseLibrary) -> bool:
    """A moderate or high intensity plyometric."""
    plyometric = library.get(slug).plyometric
    return plyometric is not None and plyometric.intensity is not PlyoIntensity.LOW


def fitted(
    draft: Draft,
    legs: bool,
    plyo: bool,
    library: ExerciseLibrary,
    rules: Rules,
) -> Draft:
    """`draft` fitted to its day: moderate on the legs (`legs`), without plyometrics (`plyo`)."""
    if legs:
        draft = moderated(draft, library, rules)
    if plyo:
        draft = without_plyometrics(draft)
    return draft


def without_plyometrics(draft: Draft) -> Draft:
    """`draft` with its plyometrics left out (too close to another session's: the placement's
    reason says so), everything else as it was."""
    kept = [
        (p, rank, coverage)
        for p, rank, coverage in zip(draft.exercises, draft.trim_ranks, draft.coverage, strict=True)
        if p.role is not Role.PLYOMETRIC
    ]
    return draft._replace(
        exercises=tuple(p for p, _, _ in kept),
        trim_ranks=tuple(rank for _, rank, _ in kept),
        coverage=tuple(c for _, _, c in kept),
    )


def moderated(draft: Draft, library: ExerciseLibrary, rules: Rules) -> Draft:
    """`draft` made moderate on the legs: hard plyometrics left out (a note names them), each
    lower-body dose moderated (`moderated_dose`), everything else as it was."""
    kept: list[tuple[Prescription, int, str]] = []
    left_out: list[str] = []
    for p, rank, coverage in zip(draft.exercises, draft.trim_ranks, draft.coverage, strict=True):
        if p.role is Role.PLYOMETRIC and is_hard_plyo(p.slug, library):
            left_out.append(p.name)
            continue
        if library.get(p.slug).is_lower_body:
            p = moderated_dose(p, library.get(p.slug).max_reps, rules)
        kept.append((p, rank, coverage))
    notes: tuple[Reason, ...] = draft.notes
    if left_out:
        notes = (reason(RuleId.HARD_PLYO_LEFT_OUT, "doma2019", exercises=tuple(left_out)), *notes)
    return draft._replace(
        exercises=tuple(p for p, _, _ in kept),
        trim_ranks=tuple(rank for _, rank, _ in kept),
        coverage=tuple(c for _, _, c in kept),
        notes=notes,
    )


def moderated_dose(p: Prescription, max_reps: int | None, rules: Rules) -> Prescription:
    """A lower-body dose for a day that asks for moderate legs: at least
    `moderate_legs_min_rir` reps in reserve, `moderate_legs_fewer_sets` fewer sets (not below
    two) and at most `moderate_legs_rest_seconds` of rest, so that the time the legs free goes to
    the upper body and trunk; a heavy set also gets at least `moderate_legs_min_reps` reps
    (within the exercise's own most; past it, more in reserve). The %1RM follows the new reps and
    reserve. Unchanged where nothing needs to change (holds, contacts, light activation work)."""
    dose = p.dose
    if p.role is Role.ACTIVATION or not isinstance(dose, Reps) or dose.effort is None:
        return p
    reps, rir = dose.count, max(dose.effort.rir, rules.moderate_legs_min_rir)
    if is_heavy_set(p, rules):
        most = max_reps or rules.moderate_legs_min_reps
        reps = max(reps, min(rules.moderate_legs_min_reps, most))
        if reps <= rules.heavy_set_max_reps:  # the exercise allows no more reps: more in reserve
            rir = max(rir, rules.heavy_set_max_rir + 1)
    sets = max(min(p.sets, 2), p.sets - rules.moderate_legs_fewer_sets)
    rest_s = min(p.rest_s, rules.moderate_legs_rest_seconds)
    if (reps, rir, sets) == (dose.count, dose.effort.rir, p.sets):
        return p
    percent = percent_1rm_for(reps, rir) if isinstance(dose.effort, ByPercent) else None
    note = reason(
        RuleId.MODERATED_DOSE,
        "doma2019",
        was_sets=p.sets,
        was_reps=dose.count,
        was_rir=dose.effort.rir,
    )
    return p.revised(
        sets=sets,
        dose=Reps(reps, ByRir(rir) if percent is None else ByPercent(percent, rir)),
        rest_s=rest_s,
        notes=(*p.notes, note),
    )
