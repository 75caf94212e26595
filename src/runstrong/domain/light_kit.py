"""Light kit, when exercises are chosen: an exercise the athlete's kit cannot load for its block's
doses gives way to a harder variant the kit can load, as a coach would move a runner with light
weights on (docs/science.md §2.8): first the next rungs of the exercise's own ladder (its
`progression`), then, for a two-legged lift, a loaded single-leg lift of the same movement (one
leg carries the load, so a light weight goes further). Without one the exercise stays, and its
dose changes instead (prescription.py with load_ceiling.light_dose).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from runstrong.domain.athlete import Athlete
from runstrong.domain.exercise import Exercise, Laterality, LoadType, Pattern, display_name
from runstrong.domain.load_ceiling import LoadLimit, load_limit, reach, shortfall_text
from runstrong.domain.plan import Role
from runstrong.domain.prescription import Context, prescribe
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

    def limit(self, ex: Exercise) -> LoadLimit | None:
        """What the kit and the athlete allow for `ex`; None when it is not judged."""
        if ex.slug not in self._limits:
            self._limits[ex.slug] = load_limit(ex, self.athlete, self.rules)
        return self._limits[ex.slug]

    def heavier(
        self, ex: Exercise, role: Role, contexts: Sequence[Context], used: Collection[str]
    ) -> tuple[Exercise, tuple[str, ...]]:
        """`ex`, or the first harder variant the kit can load for every dose of `contexts` (not
        `used` this week, safe for the athlete's niggles), with a note saying why. With none, the
        variant whose doses the kit comes nearest, if nearer than for `ex` (its dose then changes
        for the light load too)."""
        own, why = self.reach(ex, role, contexts)
        if own >= 1:
            return ex, ()
        name = display_name(ex, self.athlete.equipment.available)
        nearest: tuple[float, Exercise] | None = None
        for other in self._harder(ex):
            if other.slug in used or not self._allowed(other, role):
                continue
            theirs, _ = self.reach(other, role, contexts)
            if theirs >= 1:
                return other, (f"chosen instead of {name}, for its heaviest sets: {why}",)
            if theirs > (nearest[0] if nearest else own):
                nearest = (theirs, other)
        if nearest is None:
            return ex, ()
        return nearest[1], (f"chosen instead of {name}, which your kit loads less well: {why}",)

    def reach(self, ex: Exercise, role: Role, contexts: Sequence[Context]) -> tuple[float, str]:
        """How near the kit's heaviest load comes to what the heaviest of `ex`'s doses in
        `contexts` needs (1 or more: within reach; infinite: not judged), and why it falls
        short, in words."""
        limit = self.limit(ex)
        if limit is None:
            return math.inf, ""
        doses = {(p.reps, p.rir) for p in (prescribe(ex, role, c, self.rules) for c in contexts)}
        judged = sorted((r, i) for r, i in doses if r is not None and i is not None)
        if not judged:
            return math.inf, ""
        nearest, reps, rir = min((reach(limit, r, i, self.rules), r, i) for r, i in judged)
        return nearest, "" if nearest >= 1 else shortfall_text(limit, reps, rir)

    def _allowed(self, ex: Exercise, role: Role) -> bool:
        """The athlete's kit and level allow `ex`, it is safe for their niggles, and it can fill
        the role."""
        chooser = self.chooser
        return chooser.usable(ex) and not ex.avoid_with & chooser.niggles and suits_role(ex, role)

    def _harder(self, ex: Exercise) -> Iterator[Exercise]:
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
