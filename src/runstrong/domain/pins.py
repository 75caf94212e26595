"""A coach's pinned edits to planned sessions: an exercise swapped for another, or its dose
changed (sets, reps, reps in reserve, seconds, contacts), applied to a plan after it is made, so
they survive every re-plan until the coach removes them.

A pin names the exercise's id in the plan (`Session.exercise_ids`: the session's id and the
exercise's slot, "alex/2027-03-01/A/main"), which stays through re-plans. A pin whose slot is
not in a plan (a session past, or no longer planned) changes nothing there. Each pinned exercise
notes why (rule `coach_pinned`): the coach's choice, not the engine's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import LoadType
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import (
    ByPercent,
    ByRir,
    Contacts,
    Dose,
    Hold,
    Plan,
    Prescription,
    Reps,
    Session,
)

# The numbers a pin may set, as the plan JSON bounds them (imports.plan_json).
PIN_LIMITS = {"sets": (1, 20), "reps": (1, 50), "seconds": (1, 600), "contacts": (1, 300)}
PIN_RIR_LIMITS = (0, 10)


@dataclass(frozen=True, slots=True)
class Pin:
    """The exercise at `exercise_id` as the coach wants it: another exercise (`slug`) and/or
    these numbers (None: as planned)."""

    exercise_id: str
    slug: str | None = None
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    contacts: int | None = None
    rir: int | None = None


class PinError(ValueError):
    """A pin that cannot apply to its exercise: `field` names what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def find_slot(plan: Plan, exercise_id: str) -> tuple[Session, Prescription] | None:
    """The session and the prescription at `exercise_id`, if the plan has it."""
    session_id = exercise_id.rsplit("/", 1)[0]
    for s in plan.sessions:
        if s.id == session_id:
            for slot, p in zip(s.exercise_ids, s.exercises, strict=True):
                if slot == exercise_id:
                    return s, p
    return None


def pinned_prescription(p: Prescription, pin: Pin, library: ExerciseLibrary) -> Prescription:
    """`p` as the pin wants it, noted as the coach's; a PinError when it cannot be."""
    changes: dict[str, object] = {}
    notes: tuple[Reason, ...] = p.notes
    if pin.slug is not None and pin.slug != p.slug:
        if pin.slug not in library:
            raise PinError("slug", f"no exercise '{pin.slug}' in the library")
        ex = library.get(pin.slug)
        changes.update(
            slug=ex.slug, name=ex.name, per_side=ex.per_side, tempo=ex.tempo, why=ex.why.text,
            citations=ex.why.citations,
        )  # fmt: skip
        notes = ()  # the planned exercise's notes were about it, not this one
        dose = _dose_for(ex.load_type, p.dose, pin)
    else:
        dose = _dose_for(None, p.dose, pin)
    _check_numbers(pin)
    changes["dose"] = _with_numbers(dose, pin)
    if pin.sets is not None:
        changes["sets"] = pin.sets
    note = reason(
        RuleId.COACH_PINNED,
        replaced=p.name if "slug" in changes else "",
        changed=tuple(n for n in _NUMBERS if getattr(pin, n) is not None),
    )
    changes["notes"] = (*notes, note)
    return p.revised(**changes)


def apply_pins(plan: Plan, pins: Sequence[Pin], library: ExerciseLibrary) -> Plan:
    """The plan with each pin applied to its exercise, where the plan has it. A pin that no
    longer fits (its exercise left the library) is passed over: the plan stays valid."""
    by_slot = {pin.exercise_id: pin for pin in pins}
    if not by_slot:
        return plan
    weeks = []
    for week in plan.weeks:
        sessions = tuple(_pinned_session(s, by_slot, library) for s in week.sessions)
        weeks.append(replace(week, sessions=sessions) if sessions != week.sessions else week)
    return replace(plan, weeks=tuple(weeks))


def _pinned_session(s: Session, by_slot: dict[str, Pin], library: ExerciseLibrary) -> Session:
    changed = False
    exercises = []
    for slot, p in zip(s.exercise_ids, s.exercises, strict=True):
        pin = by_slot.get(slot)
        if pin is not None:
            try:
                p = pinned_prescription(p, pin, library)
                changed = True
            except PinError:
                pass
        exercises.append(p)
    return replace(s, exercises=tuple(exercises)) if changed else s


_NUMBERS = ("sets", "reps", "rir", "seconds", "contacts")


def _shape(dose: Dose) -> str:
    return (
        "seconds"
        if isinstance(dose, Hold)
        else "contacts"
        if isinstance(dose, Contacts)
        else "reps"
    )


def dose_shape(load_type: LoadType) -> str:
    """What an exercise of `load_type` is dosed in: "seconds", "contacts" or "reps"."""
    if load_type is LoadType.TIMED_HOLD:
        return "seconds"
    if load_type is LoadType.PLYOMETRIC_CONTACTS:
        return "contacts"
    return "reps"


def _dose_for(load_type: LoadType | None, planned: Dose, pin: Pin) -> Dose:
    """The dose's shape for the exercise (a swapped one's load type), before the pin's numbers:
    the planned dose where the shape stays, else the shape's number from the pin."""
    wanted = _shape(planned) if load_type is None else dose_shape(load_type)
    for name in ("reps", "seconds", "contacts"):
        if name != wanted and getattr(pin, name) is not None:
            raise PinError(name, f"this exercise is dosed in {wanted}, not {name}")
    if pin.rir is not None and wanted != "reps":
        raise PinError("rir", f"this exercise is dosed in {wanted}: reps in reserve need reps")
    if wanted == _shape(planned):
        return planned
    number = getattr(pin, wanted)
    if number is None:
        raise PinError(wanted, f"the new exercise is dosed in {wanted}: give its {wanted}")
    return (
        Hold(number)
        if wanted == "seconds"
        else Contacts(number)
        if wanted == "contacts"
        else Reps(number)
    )


def _check_numbers(pin: Pin) -> None:
    for name, (low, high) in (*PIN_LIMITS.items(), ("rir", PIN_RIR_LIMITS)):
        value = getattr(pin, name)
        if value is not None and not low <= value <= high:
            raise PinError(name, f"should be from {low} to {high}")


def _with_numbers(dose: Dose, pin: Pin) -> Dose:
    if isinstance(dose, Hold):
        return Hold(pin.seconds) if pin.seconds is not None else dose
    if isinstance(dose, Contacts):
        return Contacts(pin.contacts) if pin.contacts is not None else dose
    effort: ByRir | ByPercent | None = dose.effort
    if pin.rir is not None:
        effort = ByRir(pin.rir)  # a reserve set by the coach, in place of any %1RM
    elif pin.reps is not None and isinstance(effort, ByPercent):
        effort = ByRir(effort.rir)  # the %1RM belonged to the planned reps
    return Reps(pin.reps if pin.reps is not None else dose.count, effort)
