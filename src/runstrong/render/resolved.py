"""The plan resolved for its athlete, once: what every renderer and exporter shows beside a
prescription.

A plan keeps relative doses (design.md: kilograms are resolved only when a plan is shown). Every
output needs the same few things worked out from them: each exercise's id, its position label
(A, B1, B2 ...), its load in kilograms for this athlete's maxes and kit (a main lift without a
known max: our estimate, flagged) and the note of a load the kit caps or we estimated, the text
of the rest that follows it (a superset's first member goes straight to its partner, the pair
rests once), its notes with the load's note, and its library entry (cues, FIT ids). `resolve`
works them out once per plan; the terminal table, Markdown, the printable plan, the calendar,
CSV, JSON and FIT read them from here and resolve nothing themselves.
"""

from __future__ import annotations

from typing import NamedTuple

from runstrong.domain.assumed_kit import with_assumed_kit
from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Exercise
from runstrong.domain.loads import ResolvedLoad, resolve_load
from runstrong.domain.messages import Reason
from runstrong.domain.plan import Plan, Prescription, Session, Week
from runstrong.domain.rules import Rules
from runstrong.render.dose_text import position_labels, rest_texts

# NamedTuples, not frozen dataclasses: a plan makes hundreds of exercises (a NamedTuple is made
# in a third of the time), and a command line pays for each dataclass it defines on import (a
# frozen dataclass: about 0.4 ms; a NamedTuple: 0.06 ms).


class ResolvedExercise(NamedTuple):
    """An exercise as every output shows it."""

    prescription: Prescription
    id: str  # the prescription's id (Session.exercise_ids)
    label: str  # its position: A, B1, B2, C ... (dose_text.position_labels)
    load_kg: float | None  # from %1RM and the athlete's max, rounded to the kit; None: no load
    load_note: Reason | None  # why the load is capped by the kit, or how it was estimated
    rest_text: str  # what follows it: "rest 1:30", "then straight to B2" (dose_text.rest_texts)
    notes: tuple[Reason, ...]  # the prescription's notes, then the load's note
    exercise: Exercise  # its library entry: cues, FIT ids, why
    load_estimated: bool = False  # the load is our estimate: no known max (domain/loads.py)


class ResolvedSession(NamedTuple):
    session: Session
    exercises: tuple[ResolvedExercise, ...]


class ResolvedWeek(NamedTuple):
    week: Week
    sessions: tuple[ResolvedSession, ...]


class ResolvedPlan(NamedTuple):
    """A plan and what it was made for (the athlete, the library, the rules), resolved."""

    plan: Plan
    athlete: Athlete
    library: ExerciseLibrary
    weeks: tuple[ResolvedWeek, ...]
    rules: Rules

    @property
    def sessions(self) -> tuple[ResolvedSession, ...]:
        return tuple(s for w in self.weeks for s in w.sessions)


def resolve(
    plan: Plan, athlete: Athlete, library: ExerciseLibrary, rules: Rules | None = None
) -> ResolvedPlan:
    """`plan` resolved for `athlete` (`rules`: the profile's, the default rules if None). Each
    prescription's load is resolved once, however many weeks repeat it."""
    rules = rules or Rules()
    loads: dict[Prescription, ResolvedLoad] = {}
    planned_for = with_assumed_kit(athlete, rules)
    weeks = tuple(
        ResolvedWeek(w, tuple(_session(s, planned_for, library, rules, loads) for s in w.sessions))
        for w in plan.weeks
    )
    return ResolvedPlan(plan, athlete, library, weeks, rules)


def resolve_session(
    session: Session, athlete: Athlete, library: ExerciseLibrary, rules: Rules | None = None
) -> ResolvedSession:
    """One session resolved for `athlete`, as `resolve` resolves each of a plan's."""
    rules = rules or Rules()
    return _session(session, with_assumed_kit(athlete, rules), library, rules, {})


def _session(
    s: Session,
    athlete: Athlete,
    library: ExerciseLibrary,
    rules: Rules,
    loads: dict[Prescription, ResolvedLoad],
) -> ResolvedSession:
    """`athlete`: with the kit the plan assumed (assumed_kit.py)."""
    exercises = s.exercises
    labels = position_labels(exercises)
    out = []
    for p, pid, label, rest_text in zip(
        exercises, s.exercise_ids, labels, rest_texts(exercises, labels), strict=True
    ):
        ex = library.get(p.slug)
        load = loads.get(p)
        if load is None:
            load = loads[p] = resolve_load(
                p, ex, athlete.one_rep_max_kg, athlete.equipment, athlete=athlete, rules=rules
            )
        notes = p.notes if load.note is None else (*p.notes, load.note)
        out.append(
            ResolvedExercise(
                p, pid, label, load.load_kg, load.note, rest_text, notes, ex, load.estimated
            )
        )
    return ResolvedSession(s, tuple(out))
