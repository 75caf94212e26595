"""One line of text for a prescribed exercise's dose, shared by every text renderer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from runstrong.domain.plan import ByPercent, Contacts, Hold, Prescription

# Not string.ascii_uppercase: importing string compiles a regex (its Template) at start-up.
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def amount(p: Prescription) -> str:
    dose = p.dose
    if isinstance(dose, Hold):
        each = f"{dose.seconds} s"
    elif isinstance(dose, Contacts):
        each = f"{dose.count} contacts"
    else:
        each = f"{dose.count}"
    side = " per side" if p.per_side else ""
    return f"{p.sets} × {each}{side}"


def load_text(load_kg: float, estimated: bool = False) -> str:
    """ "60 kg", or for our estimate (no known max) "about 24 kg (estimated)"."""
    return f"about {load_kg:g} kg (estimated)" if estimated else f"{load_kg:g} kg"


def effort(p: Prescription, load_kg: float | None, estimated: bool = False) -> str:
    parts = []
    if load_kg is not None:
        parts.append(load_text(load_kg, estimated))
    parts += effort_parts(p)
    return ", ".join(parts)


def effort_parts(p: Prescription) -> list[str]:
    """The dose's effort in words: ["80% 1RM", "RIR 2"], ["RIR 2"], or none."""
    found = p.effort
    if isinstance(found, ByPercent):
        return [f"{found.percent_1rm}% 1RM", f"RIR {found.rir}"]
    return [f"RIR {found.rir}"] if found is not None else []


def rest(p: Prescription) -> str:
    return _duration(p.rest_s)


HOW_TO_READ = (
    "How to read: 3 × 8 = 3 sets of 8 reps; per side = each leg or arm; RIR 2 = stop with 2 "
    "reps in reserve; 80% 1RM = 80% of your one-rep max; tempo 2-0-1-0 = seconds down, pause, "
    "up, pause (X = as fast as you can); B1/B2 = a superset: alternate the two, then rest; "
    "[keys] = sources in docs/science.md."
)


def weeks_text(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


class InSuperset(Protocol):
    """What position_labels reads of an exercise: the letter of its superset, if any (a
    Prescription, or an exercise of plan JSON on the web pages)."""

    @property
    def superset(self) -> str | None: ...


def position_labels(exercises: Sequence[InSuperset]) -> list[str]:
    """Gym notation: each exercise or superset gets a letter, a superset's members 1 and 2, a
    circuit's 1, 2, 3 ... (A, B1, B2, C ...)."""
    labels: list[str] = []
    letter = -1
    member = 0
    for i, p in enumerate(exercises):
        continues = i > 0 and p.superset is not None and exercises[i - 1].superset == p.superset
        if continues:
            member += 1
            labels.append(f"{_letters(letter)}{member}")
            continue
        letter += 1
        member = 1
        labels.append(_letters(letter) + ("1" if p.superset else ""))
    return labels


def _letters(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... as spreadsheets count columns."""
    head, tail = divmod(index, len(_LETTERS))
    return (_letters(head - 1) if head else "") + _LETTERS[tail]


def rest_texts(exercises: Sequence[Prescription], labels: Sequence[str] | None = None) -> list[str]:
    """What follows each exercise: its rest, or for a superset's (or circuit's) member the move
    to the next, and after the pair (or round) its one rest (the longest), as it is timed and
    as the watch plays it. `labels`: the exercises' `position_labels`, if already made."""
    labels = position_labels(exercises) if labels is None else labels
    out = []
    for i, (p, seconds) in enumerate(zip(exercises, timed_rests(exercises), strict=True)):
        if seconds is None:
            out.append(f"then straight to {labels[i + 1]}")
        elif p.superset and i and exercises[i - 1].superset == p.superset:
            group = sum(q.superset == p.superset for q in exercises)
            out.append(
                f"rest {_duration(seconds)} after {'the pair' if group == 2 else 'the round'}"
            )
        else:
            out.append(f"rest {rest(p)}")
    return out


def timed_rests(exercises: Sequence[Prescription]) -> list[int | None]:
    """The seconds of rest after each exercise as they are timed: None for a superset's (or
    circuit's) member followed by the next member, the group's longest rest after its last."""
    out: list[int | None] = []
    for i, p in enumerate(exercises):
        after = exercises[i + 1] if i + 1 < len(exercises) else None
        before = exercises[i - 1] if i else None
        if p.superset and after is not None and after.superset == p.superset:
            out.append(None)
        elif p.superset and before is not None and before.superset == p.superset:
            out.append(max(q.rest_s for q in exercises if q.superset == p.superset))
        else:
            out.append(p.rest_s)
    return out


def _duration(seconds: int) -> str:
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes}:{seconds:02d}" if minutes else f"{seconds} s"


def dose_text(
    p: Prescription,
    load_kg: float | None = None,
    rest_text: str | None = None,
    load_note: str | None = None,
    estimated: bool = False,
) -> str:
    """The dose in one line; `rest_text` (from `rest_texts`) in place of the exercise's own rest,
    and the load's own note (a load capped by the kit, or how an `estimated` load was made and
    is adjusted) after the effort."""
    text = amount(p)
    if eff := effort(p, load_kg, estimated):
        text += f" @ {eff}"
    if load_note:
        text += f" ({load_note})"
    if p.tempo:
        text += f", tempo {p.tempo}"
    return f"{text}, {rest_text or 'rest ' + rest(p)}"
