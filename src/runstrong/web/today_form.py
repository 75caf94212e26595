"""The today page's form read back: the sets ticked done (each row's fields r{key}_...), the
session RPE and minutes, a skip's reason, a move's day. A mistake is a field error (the field's
name, and what is wrong in words), never a half-written log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.training_log import SetLog, Side, Units

MAX_ROWS = 400  # more set rows than any session has: a form past it is not ours
AMOUNT_MAX = 1_000  # reps, seconds or contacts of one set
LOAD_MAX = 1_000.0  # kg or lb of one set
RIR_MAX = 10
RPE_MAX = 10  # Foster's session RPE, 0-10
MINUTES_MAX = 600
TEXT_MAX_CHARS = 500  # a note or a skip's reason
KINDS = ("reps", "seconds", "contacts")

Form = Mapping[str, object]


@dataclass(slots=True)
class ReadForm:
    """What the form said, and each field's mistake (field name: message)."""

    sets: list[SetLog] = field(default_factory=list)
    rpe: int | None = None
    minutes: int | None = None
    note: str | None = None
    errors: dict[str, str] = field(default_factory=dict)


def read_sets(form: Form, library: ExerciseLibrary, units: Units) -> ReadForm:
    """The rows ticked done, as sets in kilograms, with the session's RPE, minutes and note."""
    read = ReadForm()
    rows = _int(form, "rows", read, 0, MAX_ROWS) or 0
    for key in range(rows):
        if _text(form, f"r{key}_done") != "1":
            continue
        s = _row(form, key, library, units, read)
        if s is not None:
            read.sets.append(s)
    if not read.sets and not read.errors:
        read.errors["rows"] = "tick each set you did (or skip the session)"
    read.rpe = _int(form, "rpe", read, 0, RPE_MAX)
    read.minutes = _int(form, "minutes", read, 0, MINUTES_MAX)
    read.note = _text(form, "note")[:TEXT_MAX_CHARS] or None
    return read


def _row(
    form: Form, key: int, library: ExerciseLibrary, units: Units, read: ReadForm
) -> SetLog | None:
    slug, kind, side = (_text(form, f"r{key}_{n}") for n in ("slug", "kind", "side"))
    if slug not in library or kind not in KINDS or side not in {s.value for s in Side}:
        read.errors[f"r{key}_slug"] = "this row is not one of the session's sets: reload the page"
        return None
    count = _int(form, f"r{key}_amount", read, 0, AMOUNT_MAX)
    load = _number(form, f"r{key}_load", read, 0.0, LOAD_MAX)
    rir = _int(form, f"r{key}_rir", read, 0, RIR_MAX)
    kg = None if load is None else units.to_kg(load)
    if kind == "seconds":
        return SetLog(slug, Side(side), seconds=count, kg=kg)
    if kind == "contacts":
        return SetLog(slug, Side(side), contacts=count)
    return SetLog(slug, Side(side), reps=count, kg=kg, rir=rir)


def read_move(form: Form, session_day: date) -> tuple[date | None, dict[str, str]]:
    """The day a session moves to: a date, not the session's own day."""
    text = _text(form, "moved_to")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None, {"moved_to": "give the day to move the session to"}
    if day == session_day:
        return None, {"moved_to": f"{day.isoformat()} is the session's own day: give another"}
    return day, {}


def read_reason(form: Form) -> str | None:
    return _text(form, "reason")[:TEXT_MAX_CHARS] or None


def _text(form: Form, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _int(form: Form, name: str, read: ReadForm, low: int, high: int) -> int | None:
    text = _text(form, name)
    if not text:
        return None
    if not text.isdigit() or not low <= int(text) <= high:
        read.errors[name] = f"should be a whole number from {low} to {high}"
        return None
    return int(text)


def _number(form: Form, name: str, read: ReadForm, low: float, high: float) -> float | None:
    text = _text(form, name).replace(",", ".")  # a decimal comma, as many phones type it
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # nan fails too
        read.errors[name] = f"should be a number from {low:g} to {high:g}"
        return None
    return value
