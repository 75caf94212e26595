"""A session's outcome by the log, in words, for the printable plan of a stored athlete
(`export html|pdf --athlete H`): done (with the session RPE and each set as logged), skipped or
moved, and where it went. Loads in kilograms, as stored."""

from __future__ import annotations

from datetime import date

from runstrong.domain.lived_plan import Outcome, SessionOutcome
from runstrong.domain.training_log import LogStatus, SetLog, Side


def outcome_text(o: SessionOutcome) -> str | None:
    """One line on what became of the session; None for a session nothing is logged for."""
    missed = _missed(o)
    if o.outcome is Outcome.PLANNED:
        return None
    if o.outcome is Outcome.DONE and o.done is not None:
        done = o.done
        rpe = f", session RPE {done.rpe}" if done.rpe is not None else ""
        minutes = f", {done.minutes} min" if done.minutes is not None else ""
        sets = "; ".join(set_text(s) for s in done.sets) or "no sets logged"
        note = f" Note: {done.note}" if done.note else ""
        head = f"{missed}; " if missed else ""
        return f"{head}Done {_day(done.date)}{rpe}{minutes}: {sets}.{note}"
    if o.outcome is Outcome.MOVED and o.on is not None:
        return f"{missed or 'Moved'}: now on {_day(o.on)}."
    g = o.missed_log
    asked = (
        f"neither {_day(g.moved_to)} nor " if g is not None and g.moved_to is not None else "no "
    )
    return f"{missed or 'Moved off its day'}: dropped, {asked}later day this week holds it."


def _missed(o: SessionOutcome) -> str:
    g = o.missed_log
    if g is None:
        return "" if o.outcome is not Outcome.DROPPED else "Heavy legs done the day beside it"
    if g.status is LogStatus.SKIPPED:
        why = f" ({g.reason})" if g.reason else ""
        return f"Skipped {_day(g.date)}{why}"
    asked = f" to {_day(g.moved_to)}" if g.moved_to is not None else ""
    return f"Moved from {_day(g.date)}{asked} in the log"


def set_text(s: SetLog) -> str:
    """A logged set as `log --set` takes it: "bulgarian_split_squat 8 × 20 kg @ RIR 2, left"."""
    dose = []
    if s.reps is not None:
        dose.append(f"{s.reps}" + (f" × {s.kg:g} kg" if s.kg is not None else ""))
    elif s.kg is not None:
        dose.append(f"{s.kg:g} kg")
    if s.seconds is not None:
        dose.append(f"{s.seconds} s")
    if s.contacts is not None:
        dose.append(f"{s.contacts} contacts")
    if s.rir is not None:
        dose.append(f"@ RIR {s.rir}")
    side = "" if s.side is Side.BOTH else f", {s.side}"
    return " ".join([s.slug, *dose]) + side


def _day(day: date) -> str:
    return f"{day:%a %d %b}"
