"""The next session's dose of an exercise from what the log shows was done (science.md §2.6a).

Pure: the log's sets of one exercise, day by day (`Exposure`), with the dose each day planned,
and the next prescription; out comes the dose to do (`NextDose`) with a reason for each change.

- Lifts: kilograms from the e1RM of the latest day that logged a load (domain.e1rm), per side:
  the weaker side sets the load both sides lift. A lift done with more to spare than planned
  raises the next load, one done with less to spare or short of its reps lowers it (at least a
  kit step when the dose is the same). The rise is capped at `progression_max_rise_pct`.
- Double progression for dumbbell and kettlebell lifts by RIR: the same load, a rep more a
  session up to the planned reps + `double_progression_reps`; all sets at the top: a step up.
- A stall (the e1RM not up by `stall_min_gain_pct` over `stall_exposures` sessions, loads not
  already cut) cuts the next load by `stall_load_cut_pct`.
- Holds by seconds, plyometrics by contacts, from what was done.
- The session's signals (domain.signals) add reps in reserve or cut loads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from runstrong.domain.athlete import EquipmentSet
from runstrong.domain.e1rm import E1RM_MAX_RIR, e1rm_kg, load_for_reps_kg
from runstrong.domain.exercise import Equipment, Exercise
from runstrong.domain.loads import resolve_load
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Prescription, Reps
from runstrong.domain.rules import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS, Rules
from runstrong.domain.training_log import SetLog

# A dose the engine eased for its week: the log does not push it back up.
_EASED = frozenset({RuleId.DELOAD_DOSE, RuleId.MODERATED_DOSE, RuleId.REDUCED_VOLUME})


@dataclass(frozen=True, slots=True)
class PlannedDose:
    """What a session planned for one exercise (the plan JSON's fields; None: not given)."""

    reps: int | None = None
    rir: int | None = None
    load_kg: float | None = None
    seconds: int | None = None
    contacts: int | None = None


@dataclass(frozen=True, slots=True)
class Exposure:
    """One day's sets of one exercise, as done, and the dose that day planned (None: unknown)."""

    date: date
    sets: tuple[SetLog, ...]
    planned: PlannedDose | None = None


@dataclass(frozen=True, slots=True)
class SessionSignals:
    """What the log says of the athlete as a whole for the next session (domain.signals)."""

    rir_add: int = 0
    load_cut_pct: int = 0
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class NextDose:
    """The next session's dose of an exercise where the log changes it: the load (each weight,
    as `load_kg` in the plan), reps, RIR, seconds or contacts (None: as planned), the e1RM it
    came from and the reasons."""

    load_kg: float | None = None
    reps: int | None = None
    rir: int | None = None
    seconds: int | None = None
    contacts: int | None = None
    e1rm_kg: float | None = None
    e1rm_by_side: tuple[tuple[str, float], ...] = ()
    reasons: tuple[Reason, ...] = ()


class Outcome(StrEnum):
    """A day's sets of a lift beside the dose planned for them."""

    MORE = "more"  # more in reserve, or more reps, than planned
    AS_PLANNED = "as_planned"
    LESS = "less"  # less in reserve than planned
    SHORT = "short"  # a set short of the planned reps
    UNPLANNED = "unplanned"  # no plan to compare with


def exposure_e1rm(sets: Sequence[SetLog], held: int) -> tuple[float | None, dict[str, float]]:
    """The day's e1RM of a lift (whole load: both weights of a lift held one in each hand) and
    each side's: the best set of each side; the day's is the weaker side's."""
    by_side: dict[str, float] = {}
    for s in sets:
        value = e1rm_kg(None if s.kg is None else s.kg * held, s.reps, s.rir)
        if value is not None and value > by_side.get(str(s.side), 0.0):
            by_side[str(s.side)] = value
    return (min(by_side.values()) if by_side else None), by_side


def current_e1rm(
    known: Sequence[tuple[Exposure, float, dict[str, float]]],
) -> tuple[float | None, dict[str, float]]:
    """The e1RM a lift stands at: the latest day's, but a day whose every loaded set left
    E1RM_MAX_RIR (4) or more in reserve (a deload, a light day) only says "at least this":
    then the day before it counts, if higher."""
    bound = 0.0
    for e, value, sides in reversed(known):
        loaded = [s for s in e.sets if s.kg is not None]
        if loaded and all(s.rir is not None and s.rir >= E1RM_MAX_RIR for s in loaded):
            bound = max(bound, value)
            continue
        return max(value, bound), sides
    return (known[-1][1], known[-1][2]) if known else (None, {})


def next_dose(
    p: Prescription,
    exercise: Exercise,
    kit: EquipmentSet,
    planned_load_kg: float | None,
    exposures: Sequence[Exposure],
    signals: SessionSignals,
    rules: Rules,
) -> NextDose | None:
    """The dose of `p` the log gives (None: the plan's stands). `exposures` are the days that
    logged this exercise, oldest first; `planned_load_kg` the load the plan resolved (or None)."""
    dose = p.dose
    if isinstance(dose, Hold):
        return _hold(p, dose, exposures, rules)
    if isinstance(dose, Contacts):
        return _contacts(p, dose, exposures, rules)
    if dose.effort is None:
        return None
    return _lift(p, dose, exercise, kit, planned_load_kg, exposures, signals, rules)


# -- lifts -----------------------------------------------------------------------------------


def _lift(
    p: Prescription,
    dose: Reps,
    exercise: Exercise,
    kit: EquipmentSet,
    planned_load_kg: float | None,
    exposures: Sequence[Exposure],
    signals: SessionSignals,
    rules: Rules,
) -> NextDose | None:
    effort = dose.effort
    assert effort is not None
    held = exercise.weights_held
    rir = effort.rir + signals.rir_add
    loaded = [e for e in exposures if any(s.kg is not None for s in e.sets)]
    e1rms = [(e, exposure_e1rm(e.sets, held)) for e in loaded]
    known = [(e, value, sides) for e, (value, sides) in e1rms if value is not None]
    reasons: list[Reason] = []
    reps = dose.count
    if loaded:
        last = loaded[-1]  # the e1RM: of the latest day that gives one (12 reps at RIR 2: none)
        e1rm, sides = current_e1rm(known)
        last_each = max(s.kg for s in last.sets if s.kg is not None)
        stepped = _double_progression(p, dose, exercise, kit, last, rules)
        outcome: Outcome | None = None
        if stepped is not None and signals.rir_add == 0:
            each, reps, why = stepped
            reasons.append(why)
        else:
            found = None
            if e1rm is not None:
                found = _from_e1rm(
                    p, dose, exercise, kit, e1rm, effort, rir, signals.rir_add, rules
                )
            if found is None:
                return None
            each, outcome = _lift_outcome(
                p, dose, exercise, kit, last, held, last_each, found, rules, reasons
            )
        cut = _stalled(known, rules)
        if cut is not None:
            each = _cut(p, exercise, kit, each, cut.n)
            reasons.append(cut.reason)
        if signals.load_cut_pct:
            each = _cut(p, exercise, kit, each, signals.load_cut_pct)
        if outcome is not None:  # said with the load to do, after any cut
            reasons.append(
                reason(
                    RuleId.LOG_LOAD,
                    "epley1985",
                    outcome=str(outcome),
                    date=last.date.isoformat(),
                    kg=last_each,
                    next_kg=each,
                    reps=reps,
                    rir=rir,
                )
            )
        by_side = tuple(sorted((side, round(v, 1)) for side, v in sides.items()))
    elif planned_load_kg is not None and (signals.rir_add or signals.load_cut_pct):
        e1rm, by_side = None, ()
        each = planned_load_kg
        if signals.rir_add:
            whole = planned_load_kg * held * _epley(reps + effort.rir) / _epley(reps + rir)
            each = _kit_load(p, exercise, kit, whole) or each
        if signals.load_cut_pct:
            each = _cut(p, exercise, kit, each, signals.load_cut_pct)
    elif signals.rir_add:
        return NextDose(rir=rir, reasons=signals.reasons)
    else:
        return None
    return NextDose(
        load_kg=each,
        reps=reps,
        rir=rir,
        e1rm_kg=e1rm,
        e1rm_by_side=by_side,
        reasons=(*reasons, *signals.reasons),
    )


def _cut(p: Prescription, exercise: Exercise, kit: EquipmentSet, each: float, pct: int) -> float:
    """`each` less `pct` %, rounded to the kit."""
    return _kit_load(p, exercise, kit, each * exercise.weights_held * (1 - pct / 100)) or each


def _epley(to_failure: int) -> float:
    return 1.0 if to_failure <= 1 else 1 + to_failure / 30


def _from_e1rm(
    p: Prescription,
    dose: Reps,
    exercise: Exercise,
    kit: EquipmentSet,
    e1rm: float,
    effort: ByRir | ByPercent,
    rir: int,
    rir_add: int,
    rules: Rules,
) -> float | None:
    """Each weight for the dose from the e1RM: %1RM of it, or the load that leaves `rir` in
    reserve at the dose's reps (the e1RM formula solved for the load)."""
    if isinstance(effort, ByPercent) and not rir_add:
        whole: float | None = e1rm * effort.percent_1rm / 100
    else:
        whole = load_for_reps_kg(e1rm, dose.count, min(rir, rules.rir_max))
    return None if whole is None else _kit_load(p, exercise, kit, whole)


def _lift_outcome(
    p: Prescription,
    dose: Reps,
    exercise: Exercise,
    kit: EquipmentSet,
    last: Exposure,
    held: int,
    last_each: float,
    each: float,
    rules: Rules,
    reasons: list[Reason],
) -> tuple[float, Outcome]:
    """The load `each` from the e1RM, checked against the last day: its outcome moves the load
    in its direction (a kit step at least, for the same dose), and the rise is capped."""
    outcome = _outcome(last, held)
    planned = last.planned
    same_dose = planned is not None and planned.reps == dose.count and planned.rir == _rir_of(p)
    if same_dose and outcome is Outcome.MORE and each <= last_each:
        each = _step(exercise, kit, last_each, up=True)
    elif same_dose and outcome in (Outcome.LESS, Outcome.SHORT) and each >= last_each:
        each = _step(exercise, kit, last_each, up=False)
    most = last_each * (1 + rules.progression_max_rise_pct / 100)
    capped = _kit_load(p, exercise, kit, most * held) if each > most else None
    if capped is not None and capped < each:  # the cap, rounded to the kit, is lighter
        reasons.append(
            reason(
                RuleId.LOAD_RISE_CAPPED,
                "nsca2016",
                kg=last_each,
                next_kg=capped,
                pct=rules.progression_max_rise_pct,
            )
        )
        each = capped
    return each, outcome


def _rir_of(p: Prescription) -> int | None:
    effort = p.effort
    return None if effort is None else effort.rir


def _outcome(e: Exposure, held: int) -> Outcome:
    """The day's sets beside the dose planned: short of the reps, less or more in reserve (or
    more reps) than planned, or as planned. Not the load: the plan's own load is the profile's,
    which the log's replaces."""
    planned = e.planned
    work = [s for s in e.sets if s.kg is not None and s.reps is not None]
    if planned is None or planned.reps is None or not work:
        return Outcome.UNPLANNED
    if any(s.reps is not None and s.reps < planned.reps for s in work):
        return Outcome.SHORT
    least_rir = min(0 if s.rir is None else s.rir for s in work)
    if planned.rir is not None and least_rir < planned.rir:
        return Outcome.LESS
    most_reps = max(s.reps for s in work if s.reps is not None)
    if (planned.rir is not None and least_rir > planned.rir) or most_reps > planned.reps:
        return Outcome.MORE
    return Outcome.AS_PLANNED


def _double_progression(
    p: Prescription,
    dose: Reps,
    exercise: Exercise,
    kit: EquipmentSet,
    last: Exposure,
    rules: Rules,
) -> tuple[float, int, Reason] | None:
    """Reps first for a dumbbell or kettlebell lift by RIR: the last load again with a rep more
    (to the top of the range), or a step up once every set reached the top at the RIR planned.
    None: not such a lift, a dose the engine eased, other reps planned than last time, or a
    day short of the range."""
    width = rules.double_progression_reps
    effort = dose.effort
    if width == 0 or not isinstance(effort, ByRir) or _eased(p):
        return None
    if last.planned is not None and last.planned.reps not in (None, dose.count):
        return None  # the plan changed the reps (a new block): the e1RM gives the load
    gear = _gear(exercise, kit)
    if Equipment.BARBELL in gear or not gear & {Equipment.DUMBBELLS, Equipment.KETTLEBELL}:
        return None
    each = max(s.kg for s in last.sets if s.kg is not None)
    work = [s for s in last.sets if s.kg == each]
    if any(s.reps is None for s in work):
        return None
    planned_rir = (
        effort.rir if last.planned is None or last.planned.rir is None else (last.planned.rir)
    )
    if min(0 if s.rir is None else s.rir for s in work) < planned_rir:
        return None
    done = min(s.reps or 0 for s in work)
    bottom, top = dose.count, dose.count + width
    if done < bottom:
        return None
    if done >= top:
        heavier = _step(exercise, kit, each, up=True)
        if heavier > each:
            why = reason(
                RuleId.DOUBLE_PROGRESSION,
                stage="load",
                kg=each,
                next_kg=heavier,
                reps=bottom,
                top=top,
            )
            return heavier, bottom, why
        why = reason(
            RuleId.DOUBLE_PROGRESSION, stage="kit", kg=each, next_kg=each, reps=top, top=top
        )
        return each, top, why
    reps = done + 1
    why = reason(RuleId.DOUBLE_PROGRESSION, stage="reps", kg=each, next_kg=each, reps=reps, top=top)
    return each, reps, why


@dataclass(frozen=True, slots=True)
class _Cut:
    n: int
    reason: Reason


def _stalled(
    known: Sequence[tuple[Exposure, float, dict[str, float]]], rules: Rules
) -> _Cut | None:
    """A stall: the last `stall_exposures` days' e1RMs not up by `stall_min_gain_pct` on the
    first of them, and the last day's load not already below the window's heaviest."""
    n = rules.stall_exposures
    if len(known) < n:
        return None
    window = known[-n:]
    first = window[0][1]
    if max(value for _, value, _ in window[1:]) > first * (1 + rules.stall_min_gain_pct / 100):
        return None
    tops = [max(s.kg for s in e.sets if s.kg is not None) for e, _, _ in window]
    if tops[-1] < max(tops):
        return None  # cut already: building back up
    why = reason(
        RuleId.E1RM_STALLED,
        exposures=n,
        e1rm_kg=round(window[-1][1], 1),
        first_kg=round(first, 1),
        pct=rules.stall_load_cut_pct,
    )
    return _Cut(rules.stall_load_cut_pct, why)


# -- holds and plyometrics -------------------------------------------------------------------


def _hold(
    p: Prescription, dose: Hold, exposures: Sequence[Exposure], rules: Rules
) -> NextDose | None:
    done = [e for e in exposures if any(s.seconds is not None for s in e.sets)]
    if not done:
        return None
    last = done[-1]
    held = [s.seconds for s in last.sets if s.seconds is not None]
    target = (
        dose.seconds
        if last.planned is None or last.planned.seconds is None
        else (last.planned.seconds)
    )
    if min(held) >= target:
        if _eased(p):
            return None
        seconds = min(MAX_HOLD_SECONDS, max(dose.seconds, max(held) + rules.hold_progress_seconds))
    else:
        seconds = max(MIN_HOLD_SECONDS, min(dose.seconds, min(held)))
    if seconds == dose.seconds:
        return None
    why = reason(
        RuleId.HOLD_FROM_LOG,
        date=last.date.isoformat(),
        shortest=min(held),
        longest=max(held),
        planned=target,
        seconds=seconds,
    )
    return NextDose(seconds=seconds, reasons=(why,))


def _contacts(
    p: Prescription, dose: Contacts, exposures: Sequence[Exposure], rules: Rules
) -> NextDose | None:
    done = [e for e in exposures if any(s.contacts is not None for s in e.sets)]
    if not done:
        return None
    last = done[-1]
    most = max(s.contacts for s in last.sets if s.contacts is not None)
    if most >= dose.count:
        return None
    contacts = min(dose.count, math.ceil(most * (1 + rules.plyo_contacts_rise_pct / 100)))
    contacts = max(contacts, 1)
    why = reason(
        RuleId.PLYO_FROM_LOG,
        date=last.date.isoformat(),
        done=most,
        planned=dose.count,
        contacts=contacts,
    )
    return NextDose(contacts=contacts, reasons=(why,))


# -- the kit ---------------------------------------------------------------------------------


def _eased(p: Prescription) -> bool:
    return any(n.rule in _EASED for n in p.notes)


def _gear(exercise: Exercise, kit: EquipmentSet) -> frozenset[Equipment]:
    return exercise.equipment | (exercise.equipment_any & kit.available)


def _kit_load(p: Prescription, exercise: Exercise, kit: EquipmentSet, whole: float) -> float | None:
    """Each weight for a whole load of `whole` kg, rounded to the kit as planned loads are."""
    as_percent = p.revised(dose=Reps(_reps(p), ByPercent(100, _rir_of(p) or 0)))
    return resolve_load(as_percent, exercise, {p.slug: whole}, kit).load_kg


def _reps(p: Prescription) -> int:
    return p.dose.count if isinstance(p.dose, Reps) else 1


def _step(exercise: Exercise, kit: EquipmentSet, each: float, *, up: bool) -> float:
    """The next load the kit allows above (below) `each` (each weight): a plate or dumbbell
    step, the next kettlebell owned; `each` itself at the end of the kit."""
    gear = _gear(exercise, kit)
    sign = 1 if up else -1
    if Equipment.BARBELL in gear:
        found = each + sign * kit.barbell_step_kg
        if kit.barbell_max_kg is not None and found > kit.barbell_max_kg:
            return each
        return max(found, 0.0)
    if Equipment.DUMBBELLS in gear:
        found = each + sign * kit.dumbbell_step_kg
        if (kit.dumbbell_max_kg is not None and found > kit.dumbbell_max_kg) or found <= 0:
            return each
        return found
    if Equipment.KETTLEBELL in gear and kit.kettlebell_kgs:
        owned = kit.kettlebell_pairs if exercise.weights_held == 2 else kit.kettlebell_kgs
        beyond = [kg for kg in owned if (kg > each if up else kg < each)]
        if not beyond:
            return each
        return min(beyond) if up else max(beyond)
    found = each + sign * 1.0
    return found if found > 0 else each
