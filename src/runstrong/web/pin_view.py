"""A coach's pinned edits on the session page: the form of each exercise read back (a Pin and
its note, or each field's mistake), the exercises it offers to swap to, and each stored pin in
words. The numbers' bounds and the checks against the exercise are domain.pins' (run by
coaching_service.add_pin): the page only reads what was typed."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from runstrong.coaching_service import StoredPin
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Equipment, Level
from runstrong.domain.pins import Pin, dose_shape

NUMBERS = ("sets", "reps", "seconds", "contacts", "rir")
NOTE_MAX_CHARS = 2_000  # as the API's PinIn.note (web/schemas.Text)
NUMBER_MAX_CHARS = 6  # more digits than any bound of domain.pins: not a dose
EXERCISE_ID_MAX_CHARS = 300  # as the API's PinIn.exercise_id
SLUG_MAX_CHARS = 100
_WHOLE = re.compile(r"-?[0-9]+")

JsonDict = dict[str, Any]


@dataclass(slots=True)
class PinForm:
    """One exercise's form as sent: its fields' text, and each field's mistakes."""

    exercise_id: str
    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    pin: Pin | None = None
    note: str | None = None


def read_pin_form(form: Mapping[str, object]) -> PinForm:
    """The pin the form asks for (an empty field: as planned), or its fields' mistakes."""
    text = {name: _text(form, name) for name in ("exercise_id", "slug", *NUMBERS, "note")}
    read = PinForm(text["exercise_id"], text)
    numbers: dict[str, int | None] = {}
    for name in NUMBERS:
        numbers[name] = _number(text[name], name, read)
    if not read.exercise_id or len(read.exercise_id) > EXERCISE_ID_MAX_CHARS:
        read.errors.setdefault("exercise_id", []).append("is not an exercise of the plan")
    if len(text["slug"]) > SLUG_MAX_CHARS:
        read.errors.setdefault("slug", []).append(f"no exercise '{text['slug'][:40]}…'")
    if len(text["note"]) > NOTE_MAX_CHARS:
        read.errors.setdefault("note", []).append(f"should be at most {NOTE_MAX_CHARS} characters")
    if not read.errors:
        read.pin = Pin(read.exercise_id, slug=text["slug"] or None, **numbers)
        read.note = text["note"] or None
    return read


def _text(form: Mapping[str, object], name: str) -> str:
    value = form.get(name, "")
    if isinstance(value, list):  # a field sent twice: its last value, as a browser means it
        value = value[-1] if value else ""
    return str(value).replace("\r\n", "\n").strip()


def _number(text: str, name: str, read: PinForm) -> int | None:
    if not text:
        return None
    if len(text) > NUMBER_MAX_CHARS or not _WHOLE.fullmatch(text):
        read.errors.setdefault(name, []).append(f"should be a whole number (got '{text[:12]}')")
        return None
    return int(text)


def exercise_shape(x: JsonDict) -> str:
    """What the plan's exercise is dosed in: "seconds", "contacts" or "reps"."""
    if x.get("seconds") is not None:
        return "seconds"
    if x.get("contacts") is not None:
        return "contacts"
    return "reps"


def swaps(x: JsonDict, athlete: JsonDict, library: ExerciseLibrary) -> list[tuple[str, str]]:
    """The exercises to offer in place of the plan's `x`, as (slug, name) sorted by name: the
    library's of its main pattern, dosed as it is, that the athlete's kit and strength level
    allow (as the plan JSON's `athlete` has them); without the exercise in the library, every
    exercise dosed as it is."""
    shape = exercise_shape(x)
    if x["slug"] in library:
        kit = {Equipment.BODYWEIGHT}
        kit.update(Equipment(e) for e in athlete["equipment"]["items"] if e in _EQUIPMENT)
        level = athlete.get("strength_level")
        found = library.select(
            pattern=library.get(x["slug"]).primary_pattern,
            equipment=kit,
            max_level=Level(level) if level in _LEVELS else None,
        )
    else:
        found = list(library)
    return sorted(
        ((ex.slug, ex.name) for ex in found
         if ex.slug != x["slug"] and dose_shape(ex.load_type) == shape),
        key=lambda pair: (pair[1].casefold(), pair[0]),
    )  # fmt: skip


_EQUIPMENT = frozenset(e.value for e in Equipment)
_LEVELS = frozenset(level.value for level in Level)


@dataclass(frozen=True, slots=True)
class PinView:
    """A stored pin as the page shows it: its id (the API's), the coach's email and note, and
    its edits in words."""

    id: int
    exercise_id: str
    slug: str | None
    coach: str
    note: str | None
    edits: tuple[str, ...]
    values: dict[str, str]  # the form's fields, filled in as the pin has them


def pin_views(pins: Sequence[StoredPin], library: ExerciseLibrary) -> dict[str, PinView]:
    """The pins by the exercise id they pin (one pin an exercise: a new one replaces it)."""
    return {p.pin.exercise_id: _view(p, library) for p in pins}


def _view(p: StoredPin, library: ExerciseLibrary) -> PinView:
    pin = p.pin
    edits: list[str] = []
    if pin.slug is not None:
        name = library.get(pin.slug).name if pin.slug in library else pin.slug
        edits.append(f"swapped for {name}")
    words = {"sets": "{} sets", "reps": "{} reps", "seconds": "{} s", "contacts": "{} contacts",
             "rir": "RIR {}"}  # fmt: skip
    edits += [words[n].format(getattr(pin, n)) for n in NUMBERS if getattr(pin, n) is not None]
    values = {n: "" if getattr(pin, n) is None else str(getattr(pin, n)) for n in NUMBERS}
    values.update(slug=pin.slug or "", note=p.note or "")
    return PinView(p.id, pin.exercise_id, pin.slug, p.coach_email, p.note, tuple(edits), values)
