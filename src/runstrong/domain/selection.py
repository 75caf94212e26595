"""Choosing an exercise for a slot: equipment, level, niggles, role, and rotation between blocks.

Candidates must fit the athlete's equipment and level and be fine with their niggles at the
niggles' severity (niggles.py, docs/science.md §1.2a); they are
scored for the role in the `Rules.score_*_points` weights (heavy main lifts favour loadable %1RM
lifts for trained athletes; beginners favour body weight, bands and dumbbells: science.md §2.3),
and blocks rotate among the best few (`Rules.rotation_score_window_points`,
`rotation_max_exercises`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from runstrong.domain import niggles as niggle_rules
from runstrong.domain.athlete import Niggle
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.categories import calf_focus_matches
from runstrong.domain.exercise import (
    Equipment,
    Exercise,
    Laterality,
    Level,
    LoadType,
    PlyoIntensity,
)
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Role
from runstrong.domain.rules import Rules
from runstrong.domain.templates import Slot

# Enum members read in inner loops, bound once (why: prescription.py).
ACTIVATION, MAIN, PLYOMETRIC, POWER = Role.ACTIVATION, Role.MAIN, Role.PLYOMETRIC, Role.POWER
EXTERNAL_LOAD, TIMED_HOLD = LoadType.EXTERNAL_LOAD, LoadType.TIMED_HOLD
BEGINNER = Level.BEGINNER
BILATERAL = Laterality.BILATERAL
BARBELL = Equipment.BARBELL

LOADING_EQUIPMENT = frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL, Equipment.BARBELL})
MACHINES = frozenset(
    {
        Equipment.CABLE_MACHINE,
        Equipment.LEG_PRESS,
        Equipment.CALF_MACHINE,
        Equipment.LEG_CURL_MACHINE,
    }
)
PLYO_RANK = {PlyoIntensity.LOW: 0, PlyoIntensity.MODERATE: 1, PlyoIntensity.HIGH: 2}
MAIN_LOAD_TYPES = frozenset(
    {LoadType.EXTERNAL_LOAD, LoadType.BODYWEIGHT_REPS, LoadType.BAND, LoadType.TIMED_HOLD}
)
# Strength slots where a timed hold is the last choice: reps first, a hold where nothing else is
# fine with the athlete's niggles (`Rules.score_single_leg_hold_penalty_points`).
HOLD_LAST_ROLES = frozenset({Role.MAIN, Role.SECONDARY, Role.CALF})
# The strength slots, scored for load and level as strength work.
STRENGTH_ROLES = frozenset({Role.MAIN, Role.SECONDARY, Role.POSTERIOR, Role.CALF})
# How far up its progression ladder an exercise's harder rungs are counted for
# `Rules.outgrown_rung_penalty_points`: bounds the walk along the library's ladders, so an
# exercise at the foot of a long ladder loses at most this many rungs' worth of score.
MAX_RUNGS = 3
# How far along a ladder rotation looks for an easier rung (a beginner never steps back down):
# longer than any ladder of the library.
MAX_LADDER_WALK = 8


@dataclass(frozen=True, slots=True)
class Chooser:
    """Everything about the athlete, and the rules, that selection needs, fixed for the whole
    plan: so the choices can be remembered."""

    library: ExerciseLibrary
    level: Level
    equipment: frozenset[Equipment]
    niggles: tuple[Niggle, ...]
    known_maxes: frozenset[str]
    rules: Rules
    _ranked: dict[tuple[Slot, PlyoIntensity | None], list[tuple[Exercise, float]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # `_ranked` without the exercises the athlete's niggles rule out: choosing for a slot with
    # niggles filters the same ranked list block after block.
    _safe: dict[tuple[Slot, PlyoIntensity | None], list[tuple[Exercise, float]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    _usable: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    _ruled_out: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _care: dict[tuple[str, Role], tuple[Reason, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _easier: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)
    _chosen: dict[
        tuple[Slot, int, frozenset[str], PlyoIntensity | None],
        tuple[Exercise | None, tuple[Reason, ...]],
    ] = field(default_factory=dict, compare=False, repr=False)

    def choose(
        self,
        slot: Slot,
        *,
        block: int,
        used: Collection[str],
        max_plyo: PlyoIntensity | None,
    ) -> tuple[Exercise | None, tuple[Reason, ...]]:
        """The exercise for the slot, and notes on substitutions (e.g. for a niggle)."""
        if slot.role is not PLYOMETRIC:
            max_plyo = None  # the cap only matters where plyometrics are eligible
        key = (slot, block, frozenset(used), max_plyo)
        if key not in self._chosen:
            self._chosen[key] = self._choose(slot, block, used, max_plyo)
        return self._chosen[key]

    def _choose(
        self, slot: Slot, block: int, used: Collection[str], max_plyo: PlyoIntensity | None
    ) -> tuple[Exercise | None, tuple[Reason, ...]]:
        ranked = self.ranked(slot, max_plyo)
        window, most = self.rules.rotation_score_window_points, self.rules.rotation_max_exercises
        # main lifts never step back down their ladder; accessories rotate freely
        easier = self.easier if slot.role is MAIN else None
        if not self.niggles:
            return _pick(ranked, block, used, window, most, easier), ()
        safe = self._safe_ranked(slot, max_plyo)
        chosen = _pick(safe, block, used, window, most, easier)
        if chosen is None or len(safe) == len(ranked):  # no niggle rules out one of the slot's
            return chosen, ()
        unsafe_best = _pick(ranked, block, used, window, most, easier)
        notes: tuple[Reason, ...] = ()
        # A note only where the niggle ruled the other exercise out: leaving unsafe exercises
        # out of the rotation can also change which safe one a block gets.
        sites = self.ruled_out_by(unsafe_best) if unsafe_best is not None else ()
        if unsafe_best is not None and sites and unsafe_best.slug != chosen.slug:
            notes = (reason(RuleId.NIGGLE_SWAP, replaced=unsafe_best.name, niggle_sites=sites),)
        return chosen, notes

    def ruled_out_by(self, ex: Exercise) -> tuple[str, ...]:
        """The sites of the athlete's niggles that rule `ex` out at their severity (remembered
        per exercise); none: `ex` is fine with them all."""
        found = self._ruled_out.get(ex.slug)
        if found is None:
            found = self._ruled_out[ex.slug] = niggle_rules.ruling_out(ex, self.niggles)
        return found

    def allows(self, ex: Exercise) -> bool:
        """`ex` is fine with every niggle of the athlete at its severity."""
        return not self.ruled_out_by(ex)

    def care(self, ex: Exercise, role: Role) -> tuple[Reason, ...]:
        """The notes a chosen exercise carries for the niggles it loads and is fine with: how to
        do it, the pain that is fine, tendon loading, fewer contacts (niggles.care_notes)."""
        key = (ex.slug, role)
        found = self._care.get(key)
        if found is None:
            found = self._care[key] = niggle_rules.care_notes(ex, role, self.niggles, self.rules)
        return found

    def severe_removal(self, slot: Slot) -> Reason | None:
        """The note for a slot left empty because a severe niggle removes its pattern (see a
        clinician), or None when the slot is empty for another reason."""
        candidates = [ex for ex, _ in self.ranked(slot, PlyoIntensity.HIGH)]
        return niggle_rules.severe_removal(candidates, self.niggles, slot.coverage)

    def ranked(self, slot: Slot, max_plyo: PlyoIntensity | None) -> list[tuple[Exercise, float]]:
        """Eligible exercises for the slot with their scores, best first (computed once)."""
        if slot.role is not PLYOMETRIC:
            max_plyo = None  # the cap only matters where plyometrics are eligible
        key = (slot, max_plyo)
        if key not in self._ranked:
            scored = [(ex, self._score(slot, ex)) for ex in self._eligible(slot, max_plyo)]
            self._ranked[key] = sorted(scored, key=lambda pair: (-pair[1], pair[0].slug))
        return self._ranked[key]

    def _safe_ranked(
        self, slot: Slot, max_plyo: PlyoIntensity | None
    ) -> list[tuple[Exercise, float]]:
        """`ranked` without the exercises the athlete's niggles rule out (computed once)."""
        key = (slot, max_plyo)
        found = self._safe.get(key)
        if found is None:
            found = [(ex, score) for ex, score in self.ranked(slot, max_plyo) if self.allows(ex)]
            self._safe[key] = found
        return found

    def _eligible(self, slot: Slot, max_plyo: PlyoIntensity | None) -> Iterable[Exercise]:
        candidates = {ex.slug: ex for p in slot.patterns for ex in self.library.with_pattern(p)}
        for ex in candidates.values():
            if not self.usable(ex) or not suits_role(ex, slot.role):
                continue
            if ex.plyometric is not None and (
                max_plyo is None or PLYO_RANK[ex.plyometric.intensity] > PLYO_RANK[max_plyo]
            ):
                continue
            if slot.calf is not None and not calf_focus_matches(ex, slot.calf):
                continue
            if slot.single_leg and ex.laterality is BILATERAL:
                continue
            yield ex

    def why_empty(self, slot: Slot) -> tuple[str, ...]:
        """Why no exercise fits `slot`: the niggle sites that rule out every one the kit and
        level allow, or none (empty) when the kit and level allow none."""
        allowed = self.ranked(slot, None)
        if allowed and all(self.ruled_out_by(ex) for ex, _ in allowed):
            return tuple(sorted({site for ex, _ in allowed for site in self.ruled_out_by(ex)}))
        return ()

    def usable(self, ex: Exercise) -> bool:
        """The athlete has the equipment for `ex` and the level (remembered per exercise)."""
        if ex.slug not in self._usable:
            self._usable[ex.slug] = ex.fits(self.equipment) and ex.level.rank <= self.level.rank
        return self._usable[ex.slug]

    def easier(self, ex: Exercise, than: Exercise) -> bool:
        """`ex` is a rung below `than` on a ladder of the library (remembered per pair)."""
        key = (ex.slug, than.slug)
        found = self._easier.get(key)
        if found is None:
            below = self.library.ladder(than, "regression", MAX_LADDER_WALK)
            above = self.library.ladder(ex, "progression", MAX_LADDER_WALK)
            found = any(r.slug == ex.slug for r in below) or any(r.slug == than.slug for r in above)
            self._easier[key] = found
        return found

    def _rungs_above(self, ex: Exercise) -> int:
        """How many harder variants up the progression ladder the athlete can do (at most
        MAX_RUNGS)."""
        rungs = 0
        for rung in self.library.ladder(ex, "progression", MAX_RUNGS):
            if not self.usable(rung):
                break
            rungs += 1
        return rungs

    def _score(self, slot: Slot, ex: Exercise) -> float:
        """Our own scoring heuristic [D], in the `Rules.score_*_points` weights;
        docs/architecture.md explains it."""
        rules = self.rules
        score = rules.score_primary_pattern_points if ex.patterns[0] in slot.patterns else 0.0
        gap = self.level.rank - ex.level.rank
        has_loads = bool(self.equipment & LOADING_EQUIPMENT)
        if slot.role is ACTIVATION:
            loaded = ex.load_type is EXTERNAL_LOAD
            return (
                score
                - rules.score_activation_level_penalty_points * ex.level.rank
                - (rules.score_activation_loaded_penalty_points if loaded else 0.0)
            )
        strength_role = slot.role in STRENGTH_ROLES
        per_level = (
            rules.score_level_gap_strength_points
            if strength_role
            else rules.score_level_gap_other_points
        )
        score -= per_level * gap
        if strength_role and has_loads and ex.load_type is EXTERNAL_LOAD:
            score += rules.score_loaded_points
        if slot.role is MAIN:
            if ex.laterality is not BILATERAL:
                score -= rules.score_main_unilateral_penalty_points
            if ex.equipment & MACHINES:  # free-weight multi-joint lifts first [acsm2009]
                score -= rules.score_main_machine_penalty_points
            if (
                self.level is BEGINNER and BARBELL in ex.equipment | ex.equipment_any
            ):  # beginners: body weight, bands and dumbbells (science.md §2.3)
                score -= rules.score_main_barbell_beginner_penalty_points
            if self.level is not BEGINNER and ex.percent_1rm:
                score += rules.score_main_percent_1rm_points
            if ex.slug in self.known_maxes:
                score += rules.score_main_known_max_points
        if gap > 0:  # a trained athlete gets the harder rungs of a ladder
            score -= rules.outgrown_rung_penalty_points * self._rungs_above(ex)
        if slot.role in HOLD_LAST_ROLES and ex.load_type is TIMED_HOLD:
            score -= rules.score_single_leg_hold_penalty_points
        if slot.role is PLYOMETRIC and ex.plyometric is not None:
            # the hardest the athlete is cleared for
            score += rules.score_plyo_intensity_points * PLYO_RANK[ex.plyometric.intensity]
        return score


def suits_role(ex: Exercise, role: Role) -> bool:
    """Whether `ex` can fill a slot of `role` at all: plyometric drills go in plyometric slots
    only, explosive lifts (ballistic: swung, thrown or jumped with a load) in power slots only,
    and a main lift is lifted slowly (not swung: ballistic), for reps or, where nothing
    else suits (a knee niggle: an isometric wall sit or Spanish squat), held for time."""
    if (role is PLYOMETRIC) != ex.is_plyometric or (role is POWER) != ex.ballistic:
        return False
    return role is not MAIN or (not ex.ballistic and ex.load_type in MAIN_LOAD_TYPES)


def _pick(
    ranked: list[tuple[Exercise, float]],
    block: int,
    used: Collection[str],
    window: float,
    most: int,
    easier: Callable[[Exercise, Exercise], bool] | None,
) -> Exercise | None:
    """The best few (at most `most`, within `window` score points of the best) take turns, block
    by block (`_in_turn`); an exercise already `used` this week takes no part."""
    group: list[Exercise] = []
    best = 0.0
    for ex, score in ranked:  # best first
        if ex.slug in used:
            continue
        if not group:
            best = score
        elif score < best - window:
            break
        group.append(ex)
        if len(group) == most:
            break
    return _in_turn(group, block, easier) if group else None


def _in_turn(
    group: list[Exercise], block: int, easier: Callable[[Exercise, Exercise], bool] | None
) -> Exercise:
    """The group's exercise for `block`: they take turns block by block, best first, and an
    exercise a rung below one an earlier block had is passed over, so that variants never step
    back down their ladder (a band squat is not followed by a body-weight squat)."""
    if easier is None or not any(easier(a, b) for a in group for b in group if a is not b):
        return group[block % len(group)]  # no rung of another: plain turns
    order = group
    given: list[Exercise] = []
    for turn in range(block + 1):
        start = turn % len(order)
        for k in range(len(order)):
            ex = order[(start + k) % len(order)]
            if not any(easier(ex, before) for before in given):
                break
        given.append(ex)
    return given[-1]
