"""Supersets: an accessory for the legs alternates with an upper-body or trunk exercise.

While one muscle group rests the other works, so a session holds more of what runners need in the
same minutes. Main lifts and plyometrics keep their full rest and are never paired (science.md
§2.2 rest for heavy multi-joint work; §2.4 plyometric recovery). The pairing is our own heuristic
[D] and can be switched off with the rule `superset_accessories = 0`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from runstrong.domain.plan import Prescription, Role

# Not string.ascii_uppercase: importing string compiles a regex (its Template) at start-up.
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LEG_ACCESSORIES = frozenset({Role.SECONDARY, Role.POSTERIOR, Role.CALF, Role.HIP})
PARTNERS = frozenset({Role.UPPER, Role.TRUNK})
CIRCUIT_ROLES = LEG_ACCESSORIES | PARTNERS


def group(
    exercises: Sequence[Prescription], enabled: bool = True, circuit: bool = False
) -> list[tuple[Prescription, ...]]:
    """The exercises as they are done: singles and pairs, in session order.

    Greedy and deterministic: each leg accessory, in order, takes the first unused upper-body or
    trunk exercise as its partner; a pair takes the place of its first member. A `circuit` (a
    session short of time, trimming.py) does every leg accessory, upper-body and trunk exercise
    one after the other, round after round, with one rest a round; it takes the place of its
    first member.
    """
    indexes = group_indexes(exercises, enabled, circuit)
    return [tuple(exercises[i] for i in members) for members in indexes]


def group_indexes(
    exercises: Sequence[Prescription], enabled: bool = True, circuit: bool = False
) -> tuple[tuple[int, ...], ...]:
    """`group`, as indexes into `exercises`."""
    roles = tuple(p.role for p in exercises)
    if circuit:
        return _circuit_indexes(roles)
    if not enabled:
        return tuple((i,) for i in range(len(exercises)))
    return _indexes_for_roles(roles)


@cache
def _circuit_indexes(roles: tuple[Role, ...]) -> tuple[tuple[int, ...], ...]:
    members = tuple(i for i, role in enumerate(roles) if role in CIRCUIT_ROLES)
    if len(members) < 2:
        return tuple((i,) for i in range(len(roles)))
    first = members[0]
    return tuple(
        members if i == first else (i,) for i in range(len(roles)) if i == first or i not in members
    )


@cache
def _indexes_for_roles(roles: tuple[Role, ...]) -> tuple[tuple[int, ...], ...]:
    """The grouping depends on the roles alone (and the same few sessions recur)."""
    partners = [i for i, role in enumerate(roles) if role in PARTNERS]
    taken: dict[int, int] = {}
    for i, role in enumerate(roles):
        if role in LEG_ACCESSORIES and partners:
            taken[i] = partners.pop(0)
    used = set(taken.values())
    return tuple((i, taken[i]) if i in taken else (i,) for i in range(len(roles)) if i not in used)


def label(
    groups: Sequence[tuple[Prescription, ...]],
    mark: Callable[[Prescription, str], Prescription] | None = None,
) -> tuple[Prescription, ...]:
    """Flatten to the performing order, marking each pair's (or circuit's) members with a
    letter: A, B, ...
    `mark(p, letter)` makes a marked copy (default: `Prescription.revised`; a caller that marks
    the same prescriptions again and again may remember them)."""
    mark = mark or _mark
    out: list[Prescription] = []
    letters = iter(_LETTERS)
    for members in groups:
        if len(members) == 1:
            out.append(members[0])
            continue
        letter = next(letters)
        out.extend(mark(p, letter) for p in members)
    return tuple(out)


def _mark(p: Prescription, letter: str) -> Prescription:
    return p.revised(superset=letter)
