"""A set as typed on the command line (`runstrong log --set SPEC`), parsed.

SPEC is the exercise (a slug or a name, several words allowed), then what was done, every part
optional: `REPSxLOAD@RIR` for reps (`5x100@2`, `12@2`, `8x20`), `SECONDSs` for a hold (`30s`),
`CONTACTSc` for jumps (`20c`); any of them ends in `/L` or `/R` for one side. LOAD is in the
athlete's units (kg or lb), the weight of each dumbbell or kettlebell for a lift that holds one
in each hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from runstrong.domain.errors import RunstrongError
from runstrong.domain.training_log import Side

_SIDE = r"(?:/(?P<side>[LRlr]))?"
_REPS = re.compile(
    r"(?P<reps>\d{1,4})?(?:[xX×](?P<load>\d{1,4}(?:\.\d{1,3})?))?(?:@(?P<rir>\d{1,2}))?" + _SIDE
)
_HOLD = re.compile(r"(?P<seconds>\d{1,5})s" + _SIDE)
_CONTACTS = re.compile(r"(?P<contacts>\d{1,4})c" + _SIDE)
_SIDES = {"l": Side.LEFT, "r": Side.RIGHT}
MAX_RIR = 10


class SetSpecError(RunstrongError):
    """A SPEC that is not `EXERCISE REPSxLOAD@RIR[/L|/R]`, `EXERCISE SECONDSs` or
    `EXERCISE CONTACTSc`."""

    def __init__(self, spec: str, problem: str) -> None:
        self.spec = spec
        self.problem = problem
        super().__init__(f"'{spec}': {problem}")


@dataclass(frozen=True, slots=True)
class ParsedSet:
    """A SPEC's parts: the exercise as typed, and what was done (load in the athlete's units)."""

    exercise: str
    side: Side = Side.BOTH
    reps: int | None = None
    load: float | None = None
    seconds: int | None = None
    contacts: int | None = None
    rir: int | None = None


def parse_set_spec(spec: str) -> ParsedSet:
    words = spec.split()
    if not words:
        raise SetSpecError(spec, "is empty: give the exercise and the set (back_squat 5x100@2)")
    if len(words) == 1:
        if _looks_like_a_dose(words[0]):
            raise SetSpecError(spec, "names no exercise: start with its slug or name")
        return ParsedSet(words[0])
    exercise, dose = " ".join(words[:-1]), words[-1]
    for pattern in (_HOLD, _CONTACTS, _REPS):
        found = pattern.fullmatch(dose)
        if found and any(v is not None for v in found.groupdict().values()):
            return _parsed(spec, exercise, found.groupdict())
    if _looks_like_a_dose(dose):
        raise SetSpecError(
            spec,
            f"'{dose}' is not REPSxLOAD@RIR, SECONDSs or CONTACTSc "
            "(e.g. 5x100@2, 12@2, 8x20@2/L, 30s/R, 20c)",
        )
    return ParsedSet(" ".join(words))  # the exercise's name alone


def _looks_like_a_dose(word: str) -> bool:
    return word[:1].isdigit() or word[:1] in "x@/×"


def _parsed(spec: str, exercise: str, parts: dict[str, str | None]) -> ParsedSet:
    def number(key: str) -> int | None:
        value = parts.get(key)
        return None if value is None else int(value)

    rir = number("rir")
    if rir is not None and rir > MAX_RIR:
        raise SetSpecError(spec, f"RIR {rir} is more than {MAX_RIR}")
    side = parts.get("side")
    load = parts.get("load")
    return ParsedSet(
        exercise=exercise,
        side=_SIDES[side.lower()] if side else Side.BOTH,
        reps=number("reps"),
        load=None if load is None else float(load),
        seconds=number("seconds"),
        contacts=number("contacts"),
        rir=rir,
    )
