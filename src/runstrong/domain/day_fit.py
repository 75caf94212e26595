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

A main lift whose level's rep wave goes heavy does not simply lose its wave on such a day: it
climbs a moderate table of its own (`moderate_main_rows`), week by week as the wave would, so a
runner whose only day is the day before the long run still progresses. The table's rows stay
moderate by the same line: reps from `moderate_legs_min_reps` down to the fewest that stay below
it at `moderate_legs_min_rir` in reserve (8, 7, 6 by default: 72-77 % 1RM), then a set more. Peak
and race season keep the table's heaviest reps at their few sets (intensity kept, volume low).
Our own scheme [D] (`runstrong_heuristic`).

The build's explosive lift is a lower-body load when it is a loaded jump or swing
(`loads_the_legs`): on such a day it goes to the week's heavy session if there is one, else it
becomes a light throw (a medicine ball: no landing, a few kilograms), else it is left out; each
with a note (`RuleId.POWER_FOR_DAY`; the engine chooses, these functions change the drafts).
"""

from __future__ import annotations

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.drafts import Draft
from runstrong.domain.exercise import Equipment, Exercise, Level, LoadType, PlyoIntensity
from runstrong.domain.intensity import percent_1rm_for
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Phase, Prescription, Reps, Role
from runstrong.domain.prescription import (
    MAIN_DOSES,
    MAINTENANCE_MAIN,
    MAINTENANCE_PHASES,
    Context,
    main_table,
)
from runstrong.domain.progression import position, step
from runstrong.domain.rules import Rules

# Enum members read in inner loops, bound once (why: prescription.py).
ACTIVATION, MAIN, PLYOMETRIC, POWER = Role.ACTIVATION, Role.MAIN, Role.PLYOMETRIC, Role.POWER
EXTERNAL_LOAD = LoadType.EXTERNAL_LOAD
BASE = Phase.BASE

# Explosive lifts whose implement is thrown, a few kilograms and no landing: no lower-body load
# to speak of, so they may stay on a day for moderate legs (our heuristic [D]).
THROWN_IMPLEMENTS = frozenset({Equipment.MEDICINE_BALL})
# Notes that say the kit was too light for the dose (load_ceiling.py): such a dose keeps its
# own, lighter reps on a moderate day.
LIGHT_KIT_NOTES = frozenset({RuleId.LIGHT_MORE_REPS, RuleId.LIGHT_SLOW_TEMPO})


def is_heavy_set(p: Prescription, rules: Rules) -> bool:
    """A set heavy on whatever it loads: at `heavy_set_min_percent_1rm` or more, or of
    `heavy_set_max_reps` reps or fewer at `heavy_set_max_rir` or less. Holds, contacts and reps
    without an effort are never heavy sets."""
    dose = p.dose
    if not isinstance(dose, Reps) or dose.effort is None:
        return False
    effort = dose.effort
    percent = effort.percent_1rm if isinstance(effort, ByPercent) else None
    return is_heavy_dose(dose.count, effort.rir, percent, rules)


def is_heavy_dose(reps: int, rir: int, percent: int | None, rules: Rules) -> bool:
    """`reps` at `rir` in reserve (at `percent` %1RM, if known) make a heavy set."""
    if percent is not None and percent >= rules.heavy_set_min_percent_1rm:
        return True
    return reps <= rules.heavy_set_max_reps and rir <= rules.heavy_set_max_rir


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
    week: Context | None = None,
) -> Draft:
    """`draft` fitted to its day: moderate on the legs (`legs`), without plyometrics (`plyo`);
    the main lifts of a loading or maintenance `week` on their moderate table."""
    if legs:
        draft = moderated(draft, library, rules, week)
    if plyo:
        draft = without_plyometrics(draft)
    return draft


def without_plyometrics(draft: Draft) -> Draft:
    """`draft` with its plyometrics left out (too close to another session's: the placement's
    reason says so), everything else as it was."""
    kept = [
        (p, rank, coverage)
        for p, rank, coverage in zip(draft.exercises, draft.trim_ranks, draft.coverage, strict=True)
        if p.role is not PLYOMETRIC
    ]
    return draft._replace(
        exercises=tuple(p for p, _, _ in kept),
        trim_ranks=tuple(rank for _, rank, _ in kept),
        coverage=tuple(c for _, _, c in kept),
    )


def moderated(
    draft: Draft, library: ExerciseLibrary, rules: Rules, week: Context | None = None
) -> Draft:
    """`draft` made moderate on the legs: hard plyometrics left out (a note names them), each
    lower-body dose moderated (`moderated_dose`; with the `week`, a main lift with external
    load by `moderated_main`), everything else as it was."""
    kept: list[tuple[Prescription, int, str]] = []
    left_out: list[str] = []
    for p, rank, coverage in zip(draft.exercises, draft.trim_ranks, draft.coverage, strict=True):
        if p.role is PLYOMETRIC and is_hard_plyo(p.slug, library):
            left_out.append(p.name)
            continue
        ex = library.get(p.slug)
        if ex.is_lower_body:
            main = None
            if week is not None and p.role is MAIN and ex.load_type is EXTERNAL_LOAD:
                main = moderated_main(p, ex.max_reps, week, rules)
            p = main or moderated_dose(p, ex.max_reps, rules)
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
    if p.role is ACTIVATION or not isinstance(dose, Reps) or dose.effort is None:
        return p
    reps, rir = dose.count, max(dose.effort.rir, rules.moderate_legs_min_rir)
    if is_heavy_set(p, rules):
        most = max_reps or rules.moderate_legs_min_reps
        reps = max(reps, min(rules.moderate_legs_min_reps, most))
        if reps <= rules.heavy_set_max_reps:  # the exercise allows no more reps: more in reserve
            rir = max(rir, rules.heavy_set_max_rir + 1)
    sets = max(min(p.sets, 2), p.sets - rules.moderate_legs_fewer_sets)
    if (reps, rir, sets) == (dose.count, dose.effort.rir, p.sets):
        return p
    return _moderated(p, dose, sets, reps, rir, p.notes, rules)


def _moderated(
    p: Prescription,
    dose: Reps,
    sets: int,
    reps: int,
    rir: int,
    notes: tuple[Reason, ...],
    rules: Rules,
) -> Prescription:
    """`p` at `sets` x `reps` @ RIR `rir` (its %1RM following, if it has one), rests of at most
    `moderate_legs_rest_seconds`, `notes` and a note saying what its `dose` was."""
    assert dose.effort is not None
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
        rest_s=min(p.rest_s, rules.moderate_legs_rest_seconds),
        notes=(*notes, note),
    )


def moderate_reps(rules: Rules) -> tuple[int, ...]:
    """The reps of a moderate main-lift set at `moderate_legs_min_rir` in reserve: from
    `moderate_legs_min_reps` down to the fewest that are not a heavy set (%1RM from reps + RIR)."""
    rir = rules.moderate_legs_min_rir
    reps: list[int] = []
    for count in range(rules.moderate_legs_min_reps, 0, -1):
        if is_heavy_dose(count, rir, percent_1rm_for(count, rir), rules):
            break
        reps.append(count)
    return tuple(reps)


def moderate_main_rows(level: Level, rules: Rules) -> tuple[tuple[int, int], ...]:
    """The moderate table of a main lift, easiest first, as (sets, reps): the level's first base
    sets less `moderate_legs_fewer_sets` (at least two) for each of `moderate_reps`, then a set
    more with fewer reps. Empty where no set at `moderate_legs_min_rir` stays moderate."""
    reps = moderate_reps(rules)
    if not reps:
        return ()
    sets = max(2, MAIN_DOSES[(level, BASE)][0].sets - rules.moderate_legs_fewer_sets)
    return tuple((sets, r) for r in reps) + tuple((sets + 1, r) for r in reps[1:] or reps)


def wave_goes_heavy(level: Level, phase: Phase, rules: Rules) -> bool:
    """A row of the level's main-lift table for `phase` is a heavy set (a beginner's never is)."""
    rows = (MAINTENANCE_MAIN[level],) if phase in MAINTENANCE_PHASES else main_table(level, phase)
    return any(
        is_heavy_dose(row.reps, row.rir, percent_1rm_for(row.reps, row.rir), rules) for row in rows
    )


def moderated_main(
    p: Prescription, max_reps: int | None, week: Context, rules: Rules
) -> Prescription | None:
    """A main lift's dose on a day that asks for moderate legs, in a `week` whose wave goes
    heavy: the week's row of `moderate_main_rows`, climbed a row a week and started higher
    block by block across base and build as the rep wave (progression.py), past its last row a
    set more (within `progression_max_main_sets`); in peak and race season, its sets at the
    table's fewest reps. None where the table does not apply (a wave that never goes heavy, a
    dose the kit keeps light, no moderate reps)."""
    dose = p.dose
    rows = moderate_main_rows(week.level, rules)
    if (
        not isinstance(dose, Reps)
        or dose.effort is None
        or not rows
        or any(n.rule in LIGHT_KIT_NOTES for n in p.notes)
        or not wave_goes_heavy(week.level, week.phase, rules)
    ):
        return None
    notes = p.notes
    if week.phase in MAINTENANCE_PHASES:
        sets, reps = p.sets, moderate_reps(rules)[-1]
    else:
        at = step(
            position(
                week.loading_block,
                week.week_in_block,
                week.block_weeks,
                len(rows),
                rules.progression_block_step_rows,
            ),
            len(rows),
        )
        sets, reps = rows[at.row]
        more = max(sets, min(sets + at.extra_sets, rules.progression_max_main_sets))
        progress = reason(
            RuleId.PROGRESSION,
            "runstrong_heuristic",
            scheme="moderate",
            step=at.row + 1,
            steps=len(rows),
            extra_sets=more - sets,
            seconds_step=0,
        )
        sets, notes = more, _with_progress(notes, progress)
    reps = min(reps, max_reps or reps)
    return _moderated(p, dose, sets, reps, rules.moderate_legs_min_rir, notes, rules)


def _with_progress(notes: tuple[Reason, ...], progress: Reason) -> tuple[Reason, ...]:
    """`notes` with `progress` in place of the wave's progression note (else at the end)."""
    if not any(n.rule is RuleId.PROGRESSION for n in notes):
        return (*notes, progress)
    return tuple(progress if n.rule is RuleId.PROGRESSION else n for n in notes)


def loads_the_legs(ex: Exercise) -> bool:
    """An explosive lift that is a lower-body load: a loaded jump or swing, not a thrown ball."""
    return ex.is_lower_body and not ex.equipment & THROWN_IMPLEMENTS


def leg_power(draft: Draft, library: ExerciseLibrary) -> Prescription | None:
    """The draft's explosive lift if it loads the legs, else None."""
    return next(
        (p for p in draft.exercises if p.role is POWER and loads_the_legs(library.get(p.slug))),
        None,
    )


def power_note(action: str, exercise: str, day: str = "", instead: str = "") -> Reason:
    """Why a day's explosive lift changed (`action`: moved, received, swapped or left_out)."""
    return reason(
        RuleId.POWER_FOR_DAY,
        "runstrong_heuristic",
        action=action,
        exercise=exercise,
        day=day,
        instead=instead,
    )


def without(draft: Draft, p: Prescription, note: Reason) -> Draft:
    """`draft` without `p`, and `note` saying why."""
    at = draft.exercises.index(p)
    return draft._replace(
        exercises=draft.exercises[:at] + draft.exercises[at + 1 :],
        trim_ranks=draft.trim_ranks[:at] + draft.trim_ranks[at + 1 :],
        coverage=draft.coverage[:at] + draft.coverage[at + 1 :],
        notes=(*draft.notes, note),
    )


def replaced(draft: Draft, p: Prescription, new: Prescription, note: Reason) -> Draft:
    """`draft` with `new` in place of `p`, and `note` saying why."""
    at = draft.exercises.index(p)
    return draft._replace(
        exercises=(*draft.exercises[:at], new, *draft.exercises[at + 1 :]),
        notes=(*draft.notes, note),
    )


def with_power(draft: Draft, p: Prescription, rank: int, coverage: str, note: Reason) -> Draft:
    """`draft` with the explosive lift `p` after its plyometrics (as the templates order it),
    its trim `rank` and `coverage`, and `note` saying where it comes from."""
    at = sum(q.role is PLYOMETRIC for q in draft.exercises)
    return draft._replace(
        exercises=(*draft.exercises[:at], p, *draft.exercises[at:]),
        trim_ranks=(*draft.trim_ranks[:at], rank, *draft.trim_ranks[at:]),
        coverage=(*draft.coverage[:at], coverage, *draft.coverage[at:]),
        notes=(*draft.notes, note),
    )
