"""Session time: warm-up, sets x (work + rest), changeovers, supersets (our own estimate [D]).

Every duration is a `Rules` field: `warm_up_minutes`, `changeover_seconds`, `side_switch_seconds`
and `superset_switch_seconds`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache, reduce
from operator import add
from typing import NamedTuple

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.plan import Hold, Prescription
from runstrong.domain.rules import Rules
from runstrong.domain.supersets import group_indexes


@cache
def _rep_seconds(tempo: str) -> float:
    return float(sum(1 if part == "X" else int(part) for part in tempo.split("-")))


def work_seconds(p: Prescription, seconds_per_rep: float, side_switch_seconds: float) -> float:
    """One set's work, both sides (and the switch between them) for a per-side exercise; a
    prescribed tempo sets the rep's length."""
    if p.tempo:
        seconds_per_rep = _rep_seconds(p.tempo) or seconds_per_rep
    dose = p.dose  # reps or contacts take a rep's length each
    work = float(dose.seconds) if isinstance(dose, Hold) else dose.count * seconds_per_rep
    return 2 * work + side_switch_seconds if p.per_side else work


# A NamedTuple made by tuple.__new__ with its fields in order skips the class's own __new__ (a
# Python function): 1,700 CPU instructions, not 3,300 (callgrind). For the records planning
# makes hundreds of.
_new = tuple.__new__


class TimedGroup(NamedTuple):
    """One single exercise or superset as it is done: which exercises, one round's work (with
    the walk between partners) and the rest after it."""

    members: tuple[int, ...]  # indexes into the session's exercises
    work_s: float
    rest_s: int


def timed_groups(
    exercises: Sequence[Prescription],
    library: ExerciseLibrary,
    rules: Rules,
    circuit: bool = False,
) -> list[TimedGroup]:
    """The session's groups as they are done (supersets.py): a superset's or a circuit's round
    is its members' work with a `superset_switch_seconds` walk between them, then one rest."""
    out = []
    side_switch, superset_switch = rules.side_switch_seconds, rules.superset_switch_seconds
    get = library.get
    for members in group_indexes(exercises, rules.superset_accessories, circuit):
        if len(members) == 1:  # most groups: one exercise, its own work and rest
            p = exercises[members[0]]
            work = work_seconds(p, get(p.slug).seconds_per_rep, side_switch)
            out.append(_new(TimedGroup, (members, work, p.rest_s)))
            continue
        done = [exercises[i] for i in members]
        work = sum(work_seconds(p, get(p.slug).seconds_per_rep, side_switch) for p in done)
        work += superset_switch * (len(members) - 1)
        out.append(_new(TimedGroup, (members, work, max(p.rest_s for p in done))))
    return out


def group_seconds(group: TimedGroup, sets: Sequence[int], rules: Rules) -> float:
    """One group's sets of work with rest between them, and the changeover after it."""
    members = group.members
    n = sets[members[0]]
    for i in members[1:]:  # a superset: as many rounds as its member with the most sets
        n = max(n, sets[i])
    return n * group.work_s + (n - 1) * group.rest_s + rules.changeover_seconds


def minutes_of(seconds: Iterable[float], rules: Rules) -> int:
    """The session's minutes: the warm-up, then each group's seconds, rounded up. Added one by
    one, in order (`reduce`, not `sum`, whose float rounding differs from Python 3.12 on)."""
    return math.ceil(reduce(add, seconds, rules.warm_up_minutes * 60.0) / 60)


def minutes_for(groups: Sequence[TimedGroup], sets: Sequence[int], rules: Rules) -> int:
    """The session's minutes with `sets[i]` sets of its i-th exercise."""
    return minutes_of((group_seconds(g, sets, rules) for g in groups), rules)


def session_minutes(
    exercises: Sequence[Prescription],
    library: ExerciseLibrary,
    rules: Rules,
    circuit: bool = False,
) -> int:
    groups = timed_groups(exercises, library, rules, circuit)
    return minutes_for(groups, [p.sets for p in exercises], rules)
