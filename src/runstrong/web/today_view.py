"""The day's session as the today page shows it: each exercise's dose and load (in the
athlete's units) as `runstrong today` gives them, why it is there, and one form row per set and
side, each filled in with what the plan asks for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from runstrong.domain.plan import Contacts, Hold
from runstrong.domain.training_log import LogStatus, SessionLog, Side, Units
from runstrong.log_service import DaySession
from runstrong.render.dose_text import amount, effort_parts, timed_rests
from runstrong.render.messages import cited
from runstrong.render.next_dose_view import shown


@dataclass(frozen=True, slots=True)
class SetRow:
    """One set (of one side) to tick off: `key` names its form fields (r{key}_...)."""

    key: int
    label: str  # "Set 2", "Set 2 L"
    slug: str
    side: Side
    kind: str  # what is counted: reps, seconds or contacts
    amount: int
    load: float | None  # in the athlete's units; None: no load
    rir: int | None
    rest_s: int  # the rest timed after it; 0: straight on to the superset's next exercise


@dataclass(frozen=True, slots=True)
class ExerciseView:
    label: str  # A, B1 ...
    name: str
    dose: str  # "3 × 5", "2 × 30 s per side"
    effort: str  # "RIR 2", "80% 1RM, RIR 2"
    load: str | None  # "82.5 kg", "about 6 kg" (our estimate)
    load_from: str | None  # where the load comes from, a sentence
    rest: str  # "rest 2:00", "then straight to B2"
    why: str  # the exercise's own case (its library file)
    citations: tuple[str, ...]
    notes: tuple[str, ...]  # the plan's notes and what the log changed, with sources
    rows: tuple[SetRow, ...]


@dataclass(frozen=True, slots=True)
class TodayView:
    handle: str
    name: str
    units: str
    asked: date
    day: date  # the session's
    title: str
    time: str
    est_minutes: int
    signals: tuple[str, ...]  # what the log changed in the whole session, and why
    exercises: tuple[ExerciseView, ...]
    logged: str | None  # done, skipped, moved; None: not logged
    logged_sets: int

    @property
    def is_asked_day(self) -> bool:
        return self.day == self.asked

    @property
    def next_day(self) -> date:
        """The day after this session's: the next session is on it or after it."""
        return self.day + timedelta(days=1)


def today_view(found: DaySession) -> TodayView:
    s, units = found.session.session, found.athlete.units
    exercises = []
    keys = iter(range(10_000))
    rests = timed_rests([x.prescription for x in found.session.exercises])
    for x, rest_s in zip(found.session.exercises, rests, strict=True):
        view = shown(x, found.from_log.doses.get(x.id))
        p, nxt = view.prescription, view.next
        load = None if view.load_kg is None else units.from_kg(view.load_kg)
        estimated = x.load_estimated and view.load_from == "profile"
        source = None
        if nxt is not None and nxt.e1rm_kg is not None:
            e1rm = round(units.from_kg(nxt.e1rm_kg), 1)
            source = f"The load is from the log's e1RM of {e1rm:g} {units}."
        elif estimated:
            source = "The load is our estimate: there is no known max."
        elif view.load_from is not None:
            source = "The load is from the profile's 1RM."
        dose = p.dose
        if isinstance(dose, Hold):
            kind, count = "seconds", dose.seconds
        elif isinstance(dose, Contacts):
            kind, count = "contacts", dose.count
        else:
            kind, count = "reps", dose.count
        rir = None if p.effort is None else p.effort.rir
        sides = (Side.LEFT, Side.RIGHT) if p.per_side else (Side.BOTH,)
        rows = tuple(
            SetRow(next(keys), f"Set {n}" + ("" if side is Side.BOTH else f" {side[0].upper()}"),
                   p.slug, side, kind, count, load, rir, rest_s or 0)
            for n in range(1, p.sets + 1)
            for side in sides
        )  # fmt: skip
        notes = [cited(r) for r in x.notes]
        notes += [cited(r) for r in view.reasons if r not in found.from_log.signals]
        exercises.append(
            ExerciseView(
                x.label, p.name, amount(p), ", ".join(effort_parts(p)),
                _load_text(load, str(units), estimated), source, x.rest_text, p.why,
                p.citations, tuple(notes), rows,
            )
        )  # fmt: skip
    return TodayView(
        found.athlete.handle, found.athlete.name, str(units), found.asked, s.date, s.title,
        s.time.strftime("%H:%M"), s.est_minutes,
        tuple(cited(r) for r in found.from_log.signals), tuple(exercises),
        None if found.log is None else str(found.log.status),
        0 if found.log is None else len(found.log.sets),
    )  # fmt: skip


def _load_text(load: float | None, units: str, estimated: bool) -> str | None:
    if load is None:
        return None
    return f"about {load:g} {units}" if estimated else f"{load:g} {units}"


def logged_fields(view: TodayView, log: SessionLog | None, units: Units) -> dict[str, str]:
    """The form as the day's log filled it in: each logged set on the next row of its exercise
    and side, ticked, with what was done. Nothing for a day not logged as done."""
    if log is None or log.status is not LogStatus.DONE:
        return {}
    left = list(log.sets)
    fields: dict[str, str] = {}
    for row in (r for x in view.exercises for r in x.rows):
        found = next((s for s in left if s.slug == row.slug and s.side is row.side), None)
        if found is None:
            continue
        left.remove(found)
        amount = {"reps": found.reps, "seconds": found.seconds, "contacts": found.contacts}
        load = None if found.kg is None else units.from_kg(found.kg)
        k = f"r{row.key}_"
        fields |= {
            f"{k}done": "1",
            f"{k}amount": _shown(amount[row.kind]),
            f"{k}load": _shown(load),
            f"{k}rir": _shown(found.rir),
        }
    return fields


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
