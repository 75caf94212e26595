"""Light kit, when exercises are chosen: an exercise the athlete's kit cannot load for its block's
doses gives way to a harder variant the kit can load, as a coach would move a runner with light
weights on (docs/science.md §2.8): first the next rungs of the exercise's own ladder (its
`progression`), then, for a two-legged lift, a loaded single-leg lift of the same movement (one
leg carries the load, so a light weight goes further). Without one the exercise stays, and its
dose changes instead (prescription.py with load_ceiling.light_dose).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from runstrong.domain.athlete import Athlete
from runstrong.domain.exercise import Exercise, Laterality, LoadType, Pattern, display_name
from runstrong.domain.load_ceiling import (
    LoadLimit,
    load_limit,
    reach,
    shortfall,
    shortfall_citations,
)
from runstrong.domain.messages import Reason, RuleId
from runstrong.domain.plan import Role
from runstrong.domain.prescription import Context, effort
from runstrong.domain.rules import Rules
from runstrong.domain.selection import MAX_RUNGS, Chooser, suits_role

# The pattern of the single-leg lifts of the same movement as a two-legged lift's.
SINGLE_LEG_PATTERN = {
    Pattern.KNEE_DOMINANT_BILATERAL: Pattern.KNEE_DOMINANT_UNILATERAL,
    Pattern.HIP_HINGE: Pattern.HIP_HINGE,
    Pattern.HIP_EXTENSION: Pattern.HIP_EXTENSION,
}


@dataclass(frozen=True, slots=True)
class KitCheck:
    """The load limits of the athlete's kit, per exercise (computed once), and the swaps they
    call for."""

    athlete: Athlete
    chooser: Chooser
    rules: Rules
    _limits: dict[str, LoadLimit | None] = field(default_factory=dict, compare=False, repr=False)
    _reach: dict[tuple[str, Role, tuple[Context, ...]], tuple[float, int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _notes: dict[tuple[str, Role, tuple[Context, ...], str], Reason] = field(
        default_factory=dict, compare=False, repr=False
    )
    _harder: dict[str, tuple[Exercise, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def limit(self, ex: Exercise) -> LoadLimit | None:
        """What the kit and the athlete allow for `ex`; None when it is not judged."""
        if ex.slug not in self._limits:
            self._limits[ex.slug] = load_limit(ex, self.athlete, self.rules)
        return self._limits[ex.slug]

    def heavier(
        self, ex: Exercise, role: Role, contexts: tuple[Context, ...], used: Collection[str]
    ) -> tuple[Exercise, tuple[Reason, ...]]:
        """`ex`, or the first harder variant the kit can load for every dose of `contexts` (not
        `used` this week, safe for the athlete's niggles, able to fill the role), with a note
        saying why. With none, the variant whose doses the kit comes nearest, if nearer than for
        `ex` (its dose then changes for the light load too)."""
        own = self.reach(ex, role, contexts)[0]
        if own >= 1:
            return ex, ()
        nearest, chosen = own, None
        for other in self.harder(ex):
            if other.slug in used or not self._allowed(other, role):
                continue
            theirs = self.reach(other, role, contexts)[0]
            if theirs >= 1:
                return other, (self._instead(ex, role, contexts, "heaviest_sets"),)
            if theirs > nearest:
                nearest, chosen = theirs, other
        if chosen is None:
            return ex, ()
        return chosen, (self._instead(ex, role, contexts, "loads_less_well"),)

    def _instead(self, ex: Exercise, role: Role, contexts: tuple[Context, ...], how: str) -> Reason:
        """The note on a swap: "chosen instead of Goblet squat, for its heaviest sets: your
        heaviest dumbbell (30 kg) is too light for 5 reps with 2 in reserve, ..." (made once)."""
        key = (ex.slug, role, contexts, how)
        if key not in self._notes:
            self._notes[key] = self._note(ex, role, contexts, how)
        return self._notes[key]

    def _note(self, ex: Exercise, role: Role, contexts: tuple[Context, ...], how: str) -> Reason:
        _, reps, rir = self.reach(ex, role, contexts)
        limit = self.limit(ex)
        assert limit is not None
        name = display_name(ex, self.athlete.equipment.available)
        params = (("replaced", name), ("how", how), *shortfall(limit, reps, rir))
        return Reason(RuleId.HEAVIER_VARIANT, params, shortfall_citations(limit))

    def reach(
        self, ex: Exercise, role: Role, contexts: tuple[Context, ...]
    ) -> tuple[float, int, int]:
        """How near the kit's heaviest load comes to what the heaviest of `ex`'s doses in
        `contexts` needs (1 or more: within reach; infinite: not judged), and that dose's reps
        and RIR (computed once per exercise, role and doses)."""
        key = (ex.slug, role, contexts)
        found = self._reach.get(key)
        if found is None:
            found = self._reach[key] = self._reach_of(ex, role, contexts)
        return found

    def _reach_of(
        self, ex: Exercise, role: Role, contexts: tuple[Context, ...]
    ) -> tuple[float, int, int]:
        limit = self.limit(ex)
        doses = {effort(ex, role, c, self.rules) for c in contexts} if limit else set()
        judged = [(d.reps, d.rir) for d in doses if d is not None and d.reps is not None]
        if limit is None or not judged:
            return math.inf, 0, 0
        return min((reach(limit, reps, rir, self.rules), reps, rir) for reps, rir in judged)

    def _allowed(self, ex: Exercise, role: Role) -> bool:
        """The athlete's kit and level allow `ex`, it is safe for their niggles, and it can fill
        the role."""
        chooser = self.chooser
        return chooser.usable(ex) and chooser.allows(ex) and suits_role(ex, role)

    def harder(self, ex: Exercise) -> tuple[Exercise, ...]:
        """The harder variants of `ex`, in the order they are tried (computed once)."""
        if ex.slug not in self._harder:
            self._harder[ex.slug] = tuple(self._variants(ex))
        return self._harder[ex.slug]

    def _variants(self, ex: Exercise) -> Iterator[Exercise]:
        """The rungs above `ex` on its ladder, then (for a two-legged lift) loaded single-leg
        lifts of its movement: true single-leg before alternating, harder levels and higher
        rungs of their own ladders first."""
        library = self.chooser.library
        yield from library.ladder(ex, "progression", MAX_RUNGS)
        pattern = SINGLE_LEG_PATTERN.get(ex.primary_pattern)
        if ex.per_side or pattern is None:
            return
        single_leg = [
            other
            for other in library.with_pattern(pattern)
            if other.primary_pattern is pattern
            and other.per_side
            and other.load_type is LoadType.EXTERNAL_LOAD
        ]
        yield from sorted(
            single_leg,
            key=lambda other: (
                other.laterality is not Laterality.UNILATERAL,
                -other.level.rank,
                -sum(1 for _ in library.ladder(other, "regression", MAX_RUNGS)),
                other.slug,
            ),
        )
