"""What planning works out about an athlete's exercises that no date changes, shared by plans.

Choosing exercises (selection.Chooser), judging what the kit can load (light_kit.KitCheck) and
dosing (prescription.prescribe) are pure in the library, the rules and five things about the
athlete: their level, kit, niggles, known maxes and body mass. Plans made with the same of these
(a web server re-planning an athlete after a check-in, a plan made again in a longer or later
window) share one `SharedMemo`, so a plan made again works none of it out again; what depends on
dates (placement, the weeks' content) is worked out for each plan.

Kept for the `SHARED_MEMOS` latest keys, the oldest let go first. Safe under threads: the memos
hold pure values, so two threads that work out the same answer store equal ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from threading import Lock

from runstrong.domain.athlete import Athlete, EquipmentSet, Niggle
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.categories import Category
from runstrong.domain.exercise import Level
from runstrong.domain.light_kit import KitCheck
from runstrong.domain.messages import Reason
from runstrong.domain.plan import Prescription, Role
from runstrong.domain.prescription import Context
from runstrong.domain.rules import Rules
from runstrong.domain.selection import Chooser

# Athletes (by what the memos depend on) whose memos are kept: a server's recent re-plans.
SHARED_MEMOS = 32

# The library (by identity: valid while its memo, holding it, is kept), the rules, and the
# athlete's level, kit, niggles, known maxes and body mass.
MemoKey = tuple[
    int,
    Rules,
    Level,
    EquipmentSet,
    tuple[Niggle, ...],
    tuple[tuple[str, float], ...],
    float | None,
]


@dataclass(frozen=True, slots=True)
class SharedMemo:
    """The choices, load limits and doses of one library, rules and athlete (see `MemoKey`)."""

    chooser: Chooser
    kit: KitCheck
    # Doses by exercise, role, the dose context that matters to it and the notes on the choice.
    prescribed: dict[tuple[str, Role, Context | None, tuple[Reason, ...]], Prescription] = field(
        default_factory=dict
    )
    # Prescriptions with one field changed (sets cut to fit, a superset letter): the same few
    # changes recur week after week.
    revised: dict[tuple[Prescription, str, object], Prescription] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # each exercise's name for the kit
    categories: dict[str, frozenset[Category]] = field(default_factory=dict)
    lower_body: dict[str, bool] = field(default_factory=dict)


_memos: dict[MemoKey, SharedMemo] = {}
_lock = Lock()


def shared_memo(athlete: Athlete, library: ExerciseLibrary, rules: Rules) -> SharedMemo:
    """The memo of plans for `athlete` (by level, kit, niggles, maxes, body mass) with `library`
    and `rules`: made on the first plan, shared by the plans after it."""
    key: MemoKey = (
        id(library),
        rules,
        athlete.level,
        athlete.equipment,
        athlete.niggles,
        tuple(sorted(athlete.one_rep_max_kg.items())),
        athlete.body_mass_kg,
    )
    with _lock:
        found = _memos.get(key)
        if found is None:
            chooser = Chooser(
                library,
                athlete.level,
                athlete.equipment.available,
                athlete.niggles,
                frozenset(athlete.one_rep_max_kg),
                rules,
            )
            found = _memos[key] = SharedMemo(chooser, KitCheck(athlete, chooser, rules))
            if len(_memos) > SHARED_MEMOS:
                del _memos[next(iter(_memos))]
        return found


def clear() -> None:
    """Let every shared memo go (a server that loads its library again; tests that plan from a
    fresh start)."""
    with _lock:
        _memos.clear()
