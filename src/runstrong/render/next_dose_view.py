"""The day's exercises as `today` shows them: the plan's dose, changed where the log changes it
(progression_service), with the reasons; shared by the table and the JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Prescription, Reps

if TYPE_CHECKING:
    from runstrong.domain.log_progression import NextDose
    from runstrong.domain.messages import Reason
    from runstrong.render.resolved import ResolvedExercise


@dataclass(frozen=True, slots=True)
class ShownExercise:
    """An exercise of the day: the prescription with the dose to do, the load (kg), where the
    load came from (log, profile, None) and what the log said."""

    prescription: Prescription
    load_kg: float | None
    load_from: str | None
    next: NextDose | None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return () if self.next is None else self.next.reasons


def shown(x: ResolvedExercise, found: NextDose | None) -> ShownExercise:
    p = x.prescription
    if found is None:
        return ShownExercise(p, x.load_kg, None if x.load_kg is None else "profile", None)
    dose = p.dose
    if isinstance(dose, Hold) and found.seconds is not None:
        p = p.revised(dose=Hold(found.seconds))
    elif isinstance(dose, Contacts) and found.contacts is not None:
        p = p.revised(dose=Contacts(found.contacts))
    elif isinstance(dose, Reps) and dose.effort is not None:
        reps = found.reps or dose.count
        rir = dose.effort.rir if found.rir is None else found.rir
        effort = dose.effort
        kept = isinstance(effort, ByPercent) and rir == effort.rir
        new_effort = effort if kept else ByRir(rir)
        p = p.revised(dose=Reps(reps, new_effort))
    load = x.load_kg if found.load_kg is None else found.load_kg
    if found.e1rm_kg is not None:
        source: str | None = "log"
    elif found.load_kg is not None:
        source = "profile"  # the profile's load, eased by the session's signals
    else:
        source = None if load is None else "profile"
    return ShownExercise(p, load, source, found)
