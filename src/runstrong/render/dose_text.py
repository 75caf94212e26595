"""One line of text for a prescribed exercise's dose, shared by every text renderer."""

from __future__ import annotations

from runstrong.domain.plan import Prescription


def amount(p: Prescription) -> str:
    if p.seconds is not None:
        each = f"{p.seconds} s"
    elif p.contacts is not None:
        each = f"{p.contacts} contacts"
    else:
        each = f"{p.reps}"
    side = " per side" if p.per_side else ""
    return f"{p.sets} × {each}{side}"


def effort(p: Prescription, load_kg: float | None) -> str:
    parts = []
    if load_kg is not None:
        parts.append(f"{load_kg:g} kg")
    if p.percent_1rm is not None:
        parts.append(f"{p.percent_1rm}% 1RM")
    if p.rir is not None:
        parts.append(f"RIR {p.rir}")
    return ", ".join(parts)


def rest(p: Prescription) -> str:
    minutes, seconds = divmod(p.rest_s, 60)
    return f"{minutes}:{seconds:02d}" if minutes else f"{seconds} s"


def dose_text(p: Prescription, load_kg: float | None = None) -> str:
    text = amount(p)
    if eff := effort(p, load_kg):
        text += f" @ {eff}"
    if p.tempo:
        text += f", tempo {p.tempo}"
    return f"{text}, rest {rest(p)}"
