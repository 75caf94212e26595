"""Training balance: a week's strength work set against runner target bands and pattern slots.

The unit is the *weighted set* of `runstrong.domain.muscle_load` (involvement weight x sets,
per side). A week's items are its prescriptions: an exercise and its sets. Per-side exercises
do their sets on each side, plyometric drills count their sets like any other exercise (their
ground contacts are reported on their own).

Target bands [D] [runstrong_heuristic]
--------------------------------------
Weekly weighted sets per muscle for a runner who lifts twice a week (science.md §2.1, §3.1:
2 sessions in base and build [blagrove2018]) with 2-4 hard sets per pattern per session (§2.3,
§3.1 [acsm2009], [nsca2016]). "One slot" means one exercise of a §2.7 category in which the
muscle is a prime mover. Low = the smallest weekly dose of that kind; high = what the top of the
dose gives from every slot that uses the muscle. They are our heuristics, not findings:

- quadriceps 4-16: low one knee-dominant slot x 2 sets x 2 sessions; high the bilateral and
  single-leg knee-dominant slots x 4 sets x 2 sessions [blagrove2018].
- gluteus_maximus 4-24: low as quadriceps; high the squat, single-leg and hinge / hip-extension
  slots x 4 sets x 2 sessions (it is a prime mover of all three) [blagrove2018], [contreras2015].
- gluteus_medius 3-12: low one lateral-hip exercise x 3 sets a week, or the secondary (0.5)
  share of 6 single-leg sets; high lateral hip x 3 sets x 2 sessions plus that single-leg share
  (2 exercises x 3 sets x 2 sessions x 0.5) [lenhart2014], [fredericson2000].
- hamstrings_medial, hamstrings_lateral 4-16: low one posterior-chain slot x 2 sets x 2
  sessions; high the hinge and knee-flexion slots x 4 sets x 2 sessions [van_dyk2019].
- gastrocnemius, soleus 3-16: low one calf exercise x 3 sets a week, the least heavy, slow
  plantarflexion that keeps a tendon stimulus going [bohm2015]; high straight- and bent-knee
  raises x 3 sets x 2 sessions (12) plus one ankle-dominant plyometric block (4 sets)
  [dorn2012], [spurrs2003].
- adductors 2-14: low the secondary (0.5) share of one main lift x 2 sets x 2 sessions; high one
  adduction exercise x 3 sets x 2 sessions plus the secondary share of two main lifts x 4 sets x
  2 sessions [haroy2019].
- erector_spinae 2-16: low the secondary share of 4 hinge or squat sets; high one hinge slot x 4
  sets x 2 sessions plus the secondary share of the squat slot and stabiliser work [acsm2009].
- rectus_abdominis, obliques, transversus_abdominis (group "trunk") 2-12: low one trunk exercise
  x 2 sets a week; high the three trunk slots (anti-extension, anti-rotation, lateral) x 2 sets x
  2 sessions. Trunk work has weak performance evidence: short and low priority [ekstrom2007].
- latissimus_dorsi, mid_back (group "upper-body pull") and pectoralis, triceps (group
  "upper-body push") 2-8: low one exercise x 2 sets a week; high one exercise a session x 4
  sets x 2 sessions [acsm2009].
- hip_flexors 0-6 and tibialis_anterior 0-6: no §2.7 category and no runner trial asks for
  direct work, so there is no floor; the ceiling is one direct exercise x 3 sets x 2 sessions.

Grouped muscles (trunk, pull, push) stand in for each other: a group is judged by its most
loaded member (an overhead press is push work though the chest barely works), only the group
can raise a "below the band" flag, and each member's status is its group's. One verdict per
muscle: a status is "below" exactly where the report says so, by a flag of its own or by the
missing pattern that explains it (outside light weeks), so a report without flags shows no
muscle below its band.
In peak and maintenance weeks one session a week keeps strength (§3.2 [ronnestad2010],
[spiering2021]), so the bands are halved. Deload, taper and recovery weeks are light on
purpose: the report says so in a note and flags nothing.

Pattern groups
--------------
§2.7 categories, from the exercise's patterns (an exercise counts once in every group its
patterns reach): knee-dominant, hinge (hinge, hip extension, knee flexion), calf (straight knee
when gastrocnemius is primary, bent knee when soleus is primary and gastrocnemius is not),
lateral hip (abduction and adduction), three trunk groups, upper pull and push, plyometric.
Plyometric drills count in the plyometric group only, by sets and ground contacts: the calf
and knee slots ask for heavy, slow loading [bohm2015]. Hip flexion, trunk flexion and carries
belong to no group. Unilateral work is done on both sides by construction, so left and right are
always even; the report gives the single-leg share of knee-dominant, hinge and calf sets instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Exercise, Pattern
from runstrong.domain.muscle_load import muscle_loads, total_by_muscle
from runstrong.domain.muscles import Muscle
from runstrong.domain.plan import Phase, Session, Week
from runstrong.domain.prescription import contacts_of

Band = tuple[float, float]

# Weekly weighted sets per muscle for two sessions a week; basis in the module docstring [D].
TARGET_BANDS: dict[Muscle, Band] = {
    Muscle.QUADRICEPS: (4.0, 16.0),
    Muscle.GLUTEUS_MAXIMUS: (4.0, 24.0),
    Muscle.GLUTEUS_MEDIUS: (3.0, 12.0),
    Muscle.HAMSTRINGS_MEDIAL: (4.0, 16.0),
    Muscle.HAMSTRINGS_LATERAL: (4.0, 16.0),
    Muscle.GASTROCNEMIUS: (3.0, 16.0),
    Muscle.SOLEUS: (3.0, 16.0),
    Muscle.ADDUCTORS: (2.0, 14.0),
    Muscle.HIP_FLEXORS: (0.0, 6.0),
    Muscle.TIBIALIS_ANTERIOR: (0.0, 6.0),
    Muscle.ERECTOR_SPINAE: (2.0, 16.0),
    Muscle.RECTUS_ABDOMINIS: (2.0, 12.0),
    Muscle.OBLIQUES: (2.0, 12.0),
    Muscle.TRANSVERSUS_ABDOMINIS: (2.0, 12.0),
    Muscle.LATISSIMUS_DORSI: (2.0, 8.0),
    Muscle.MID_BACK: (2.0, 8.0),
    Muscle.PECTORALIS: (2.0, 8.0),
    Muscle.TRICEPS: (2.0, 8.0),
}

# Muscles that stand in for each other; every member has the same band in TARGET_BANDS.
BAND_GROUPS: dict[str, tuple[Muscle, ...]] = {
    "trunk": (Muscle.RECTUS_ABDOMINIS, Muscle.OBLIQUES, Muscle.TRANSVERSUS_ABDOMINIS),
    "upper-body pull": (Muscle.LATISSIMUS_DORSI, Muscle.MID_BACK),
    "upper-body push": (Muscle.PECTORALIS, Muscle.TRICEPS),
}

# One session a week in these phases (science.md §3.2): bands scale by this factor [D].
ONE_SESSION_PHASES: frozenset[Phase] = frozenset({Phase.PEAK, Phase.MAINTENANCE})
ONE_SESSION_BAND_SCALE = 0.5
# Weeks that are light on purpose: a note, no flags.
LIGHT_PHASES: frozenset[Phase] = frozenset({Phase.TAPER, Phase.RECOVERY})
# A calf exercise is straight-knee when gastrocnemius has this weight (primary) ...
STRAIGHT_KNEE_GASTROCNEMIUS_WEIGHT = 1.0
# ... and bent-knee when soleus has this weight and gastrocnemius less (science.md §5.2).
BENT_KNEE_SOLEUS_WEIGHT = 1.0


class PatternGroup(StrEnum):
    KNEE_DOMINANT = "knee_dominant"
    HINGE = "hinge"
    CALF = "calf"
    LATERAL_HIP = "lateral_hip"
    TRUNK_ANTI_EXTENSION = "trunk_anti_extension"
    TRUNK_ANTI_ROTATION = "trunk_anti_rotation"
    TRUNK_LATERAL = "trunk_lateral"
    UPPER_PULL = "upper_pull"
    UPPER_PUSH = "upper_push"
    PLYOMETRIC = "plyometric"


PATTERN_GROUP: dict[Pattern, PatternGroup] = {
    Pattern.KNEE_DOMINANT_BILATERAL: PatternGroup.KNEE_DOMINANT,
    Pattern.KNEE_DOMINANT_UNILATERAL: PatternGroup.KNEE_DOMINANT,
    Pattern.HIP_HINGE: PatternGroup.HINGE,
    Pattern.HIP_EXTENSION: PatternGroup.HINGE,
    Pattern.KNEE_FLEXION: PatternGroup.HINGE,
    Pattern.CALF_ANKLE: PatternGroup.CALF,
    Pattern.HIP_ABDUCTION_LATERAL: PatternGroup.LATERAL_HIP,
    Pattern.HIP_ADDUCTION: PatternGroup.LATERAL_HIP,
    Pattern.TRUNK_ANTI_EXTENSION: PatternGroup.TRUNK_ANTI_EXTENSION,
    Pattern.TRUNK_ANTI_ROTATION: PatternGroup.TRUNK_ANTI_ROTATION,
    Pattern.TRUNK_LATERAL: PatternGroup.TRUNK_LATERAL,
    Pattern.UPPER_PULL: PatternGroup.UPPER_PULL,
    Pattern.UPPER_PUSH: PatternGroup.UPPER_PUSH,
    Pattern.PLYOMETRIC: PatternGroup.PLYOMETRIC,
}
# Groups whose sets make up the single-leg share.
LEG_GROUPS: frozenset[PatternGroup] = frozenset(
    {PatternGroup.KNEE_DOMINANT, PatternGroup.HINGE, PatternGroup.CALF}
)

# A missing group and the flag it raises (trunk groups are handled together, see _gap_flags).
_GAP_FLAGS: dict[PatternGroup, str] = {
    PatternGroup.KNEE_DOMINANT: "no knee-dominant (squat, lunge or step-up) work this week",
    PatternGroup.HINGE: "no hinge or hamstring work this week",
    PatternGroup.LATERAL_HIP: "no lateral hip work this week",
    PatternGroup.UPPER_PULL: "no upper-body pull this week",
    PatternGroup.UPPER_PUSH: "no upper-body push this week",
}
_TRUNK_GROUPS: dict[PatternGroup, str] = {
    PatternGroup.TRUNK_ANTI_EXTENSION: "anti-extension",
    PatternGroup.TRUNK_ANTI_ROTATION: "anti-rotation",
    PatternGroup.TRUNK_LATERAL: "lateral (anti-side-bend)",
}

_NO_CALF = "no calf or soleus work this week"
_NO_TRUNK = "no trunk work this week"
# A "below the band" flag that a missing pattern already explains is left out.
_EXPLAINED_BY: dict[str, str] = {
    "quadriceps": _GAP_FLAGS[PatternGroup.KNEE_DOMINANT],
    "hamstrings medial": _GAP_FLAGS[PatternGroup.HINGE],
    "hamstrings lateral": _GAP_FLAGS[PatternGroup.HINGE],
    "gastrocnemius": _NO_CALF,
    "soleus": _NO_CALF,
    "trunk": _NO_TRUNK,
    "upper-body pull": _GAP_FLAGS[PatternGroup.UPPER_PULL],
    "upper-body push": _GAP_FLAGS[PatternGroup.UPPER_PUSH],
}


class BandStatus(StrEnum):
    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"


@dataclass(frozen=True, slots=True)
class MuscleBalance:
    """One muscle's weekly load (weighted sets per side) and, if it has one, its band; the status
    of a muscle in a band group (`group`, its name) is the group's."""

    muscle: Muscle
    load: float
    band: Band | None
    status: BandStatus | None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class GroupBalance:
    """A band group (trunk, pull, push), judged by its most loaded member."""

    name: str
    muscles: tuple[Muscle, ...]
    load: float
    band: Band
    status: BandStatus


@dataclass(frozen=True, slots=True)
class BalanceReport:
    week_index: int
    phase: Phase
    light: bool  # deload, taper or recovery: noted, never flagged
    muscles: tuple[MuscleBalance, ...]  # every Muscle, in Muscle order
    groups: tuple[GroupBalance, ...]
    pattern_sets: tuple[tuple[PatternGroup, float], ...]  # every PatternGroup, in order
    straight_knee_calf_sets: float
    bent_knee_calf_sets: float
    plyo_contacts: int
    single_leg_share: float | None  # None when the week has no knee, hinge or calf sets
    flags: tuple[str, ...]
    notes: tuple[str, ...]

    def sets(self, group: PatternGroup) -> float:
        return dict(self.pattern_sets)[group]

    def muscle(self, muscle: Muscle) -> MuscleBalance:
        return next(m for m in self.muscles if m.muscle is muscle)


def session_items(session: Session, library: ExerciseLibrary) -> list[tuple[Exercise, float]]:
    """(exercise, sets) for each prescription of the session, ready for `muscle_loads`."""
    items: list[tuple[Exercise, float]] = []
    for p in session.exercises:
        if p.slug not in library:
            raise ValueError(f"{session.date}: {p.slug}: no exercise has this slug in the library")
        items.append((library.get(p.slug), float(p.sets)))
    return items


def week_items(week: Week, library: ExerciseLibrary) -> list[tuple[Exercise, float]]:
    """(exercise, sets) for every prescription of every session of the week."""
    return [item for session in week.sessions for item in session_items(session, library)]


def groups_of(exercise: Exercise) -> frozenset[PatternGroup]:
    """The pattern groups an exercise counts in (plyometric drills: that group only)."""
    if exercise.is_plyometric:
        return frozenset({PatternGroup.PLYOMETRIC})
    return frozenset(PATTERN_GROUP[p] for p in exercise.patterns if p in PATTERN_GROUP)


def is_straight_knee_calf(exercise: Exercise) -> bool:
    weights = exercise.muscle_weights
    return weights.get(Muscle.GASTROCNEMIUS, 0.0) >= STRAIGHT_KNEE_GASTROCNEMIUS_WEIGHT


def is_bent_knee_calf(exercise: Exercise) -> bool:
    weights = exercise.muscle_weights
    return (
        weights.get(Muscle.SOLEUS, 0.0) >= BENT_KNEE_SOLEUS_WEIGHT
        and weights.get(Muscle.GASTROCNEMIUS, 0.0) < STRAIGHT_KNEE_GASTROCNEMIUS_WEIGHT
    )


def status_of(load: float, band: Band) -> BandStatus:
    low, high = band
    if load < low:
        return BandStatus.BELOW
    return BandStatus.ABOVE if load > high else BandStatus.WITHIN


def is_light(week: Week) -> bool:
    return week.deload or week.phase in LIGHT_PHASES


def balance_report(week: Week, library: ExerciseLibrary) -> BalanceReport:
    """Muscle loads against the runner bands, pattern-group sets, and the gaps worth a flag."""
    items = week_items(week, library)
    scale = ONE_SESSION_BAND_SCALE if week.phase in ONE_SESSION_PHASES else 1.0
    bands = {m: (low * scale, high * scale) for m, (low, high) in TARGET_BANDS.items()}
    loads = total_by_muscle(muscle_loads(items))
    groups = tuple(
        _group_balance(name, members, loads, bands) for name, members in BAND_GROUPS.items()
    )
    group_of = {m: g for g in groups for m in g.muscles}
    muscles = tuple(_muscle_balance(m, loads.get(m, 0.0), bands, group_of.get(m)) for m in Muscle)
    strength = [(ex, sets) for ex, sets in items if not ex.is_plyometric]
    pattern_sets = _pattern_sets(items)
    light = is_light(week)
    notes = _notes(week, light, scale)
    flags: tuple[str, ...] = ()
    if not light:
        gaps = _gap_flags(pattern_sets, strength)
        flags = gaps + _band_flags(muscles, groups, gaps)
    return BalanceReport(
        week_index=week.index,
        phase=week.phase,
        light=light,
        muscles=muscles,
        groups=groups,
        pattern_sets=tuple(pattern_sets.items()),
        straight_knee_calf_sets=_calf_sets(strength, is_straight_knee_calf),
        bent_knee_calf_sets=_calf_sets(strength, is_bent_knee_calf),
        plyo_contacts=sum(contacts_of(p) for s in week.sessions for p in s.exercises),
        single_leg_share=_single_leg_share(strength),
        flags=flags,
        notes=notes,
    )


def _muscle_balance(
    muscle: Muscle, load: float, bands: dict[Muscle, Band], group: GroupBalance | None
) -> MuscleBalance:
    """A grouped muscle takes its group's verdict; any other muscle with a band is judged alone."""
    band = bands.get(muscle)
    if group is not None:
        return MuscleBalance(muscle, load, band, group.status, group.name)
    return MuscleBalance(muscle, load, band, status_of(load, band) if band else None)


def _group_balance(
    name: str, members: tuple[Muscle, ...], loads: dict[Muscle, float], bands: dict[Muscle, Band]
) -> GroupBalance:
    load = max(loads.get(m, 0.0) for m in members)
    band = bands[members[0]]
    return GroupBalance(name, members, load, band, status_of(load, band))


def _pattern_sets(items: Iterable[tuple[Exercise, float]]) -> dict[PatternGroup, float]:
    totals = dict.fromkeys(PatternGroup, 0.0)
    for exercise, sets in items:
        for group in groups_of(exercise):
            totals[group] += sets
    return totals


def _calf_sets(strength: list[tuple[Exercise, float]], kind: Callable[[Exercise], bool]) -> float:
    return sum(sets for ex, sets in strength if PatternGroup.CALF in groups_of(ex) and kind(ex))


def _leg_sets(strength: list[tuple[Exercise, float]]) -> tuple[float, float]:
    """(all sets, per-side sets) of exercises in the knee-dominant, hinge and calf groups."""
    legs = [(ex, sets) for ex, sets in strength if groups_of(ex) & LEG_GROUPS]
    return sum(s for _, s in legs), sum(s for ex, s in legs if ex.per_side)


def _single_leg_share(strength: list[tuple[Exercise, float]]) -> float | None:
    total, single = _leg_sets(strength)
    return single / total if total else None


def _gap_flags(
    pattern_sets: dict[PatternGroup, float], strength: list[tuple[Exercise, float]]
) -> tuple[str, ...]:
    flags: list[str] = []
    missing = {g for g, sets in pattern_sets.items() if sets == 0}
    if PatternGroup.KNEE_DOMINANT in missing:
        flags.append(_GAP_FLAGS[PatternGroup.KNEE_DOMINANT])
    if PatternGroup.HINGE in missing:
        flags.append(_GAP_FLAGS[PatternGroup.HINGE])
    straight = _calf_sets(strength, is_straight_knee_calf)
    bent = _calf_sets(strength, is_bent_knee_calf)
    if straight == 0 and bent == 0:
        flags.append(_NO_CALF)
    elif bent == 0:
        flags.append("no bent-knee (soleus) calf work this week")
    elif straight == 0:
        flags.append("no straight-knee (gastrocnemius) calf work this week")
    if _leg_sets(strength)[1] == 0:
        flags.append("no single-leg work this week")
    for group in (PatternGroup.LATERAL_HIP, PatternGroup.UPPER_PULL, PatternGroup.UPPER_PUSH):
        if group in missing:
            flags.append(_GAP_FLAGS[group])
    trunk_missing = [label for g, label in _TRUNK_GROUPS.items() if g in missing]
    if len(trunk_missing) == len(_TRUNK_GROUPS):
        flags.append(_NO_TRUNK)
    else:
        flags.extend(f"trunk: no {label} work this week" for label in trunk_missing)
    return tuple(flags)


def _band_flags(
    muscles: tuple[MuscleBalance, ...], groups: tuple[GroupBalance, ...], gaps: tuple[str, ...]
) -> tuple[str, ...]:
    """Below-the-band flags, except where a missing pattern already says it."""
    below = [
        (m.muscle.value.replace("_", " "), m.load, m.band)
        for m in muscles
        if m.group is None and m.status is BandStatus.BELOW and m.band is not None
    ]
    below.extend((g.name, g.load, g.band) for g in groups if g.status is BandStatus.BELOW)
    return tuple(
        f"{name} below the runner band ({load:.1f} of {band[0]:g}-{band[1]:g} weighted sets)"
        for name, load, band in below
        if _EXPLAINED_BY.get(name) not in gaps
    )


def _notes(week: Week, light: bool, scale: float) -> tuple[str, ...]:
    if week.deload:
        return ("Deload week: light on purpose, so low volume and gaps are not flagged.",)
    if light:
        return (
            f"{week.phase.value.capitalize()} week: light on purpose, "
            "so low volume and gaps are not flagged.",
        )
    if scale != 1.0:
        return (
            f"{week.phase.value.capitalize()} week: one session a week keeps strength "
            f"(science.md §3.2), so the runner bands are scaled by {scale:g}.",
        )
    return ()
