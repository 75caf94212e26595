"""Dose: sets, reps or seconds or contacts, RIR, %1RM, rest and tempo for one exercise in one week.

The numbers come from science.md §2.2-2.5 and §3.1-3.4 (citations inline); %1RM is read from the
NSCA reps-to-%1RM table at (reps + RIR), so a %1RM and its RIR always agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from runstrong.domain.exercise import Exercise, Level, LoadType, PlyoIntensity
from runstrong.domain.intensity import percent_1rm_for
from runstrong.domain.load_ceiling import LoadLimit, light_dose
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import (
    ByPercent,
    ByRir,
    Contacts,
    Hold,
    Phase,
    Prescription,
    Reps,
    Role,
)
from runstrong.domain.rules import Rules


@dataclass(frozen=True, slots=True)
class DoseRow:
    """A row of the dose tables: sets, reps, reps in reserve, rest and its sources."""

    sets: int
    reps: int
    rir: int
    rest_s: int
    cite: tuple[str, ...]


# Main lifts: one dose per week of the block, cycling (science.md §2.3, §3.1).
MAIN_DOSES: dict[tuple[Level, Phase], tuple[DoseRow, ...]] = {
    (Level.BEGINNER, Phase.BASE): (
        DoseRow(2, 12, 4, 90, ("acsm2009",)),
        DoseRow(3, 12, 3, 90, ("acsm2009",)),
        DoseRow(3, 10, 3, 90, ("acsm2009",)),
    ),
    (Level.INTERMEDIATE, Phase.BASE): (
        DoseRow(3, 8, 2, 150, ("blagrove2018", "nsca2016")),
        DoseRow(3, 6, 2, 180, ("blagrove2018", "nsca2016")),
        DoseRow(4, 5, 2, 180, ("blagrove2018", "nsca2016")),
    ),
    (Level.ADVANCED, Phase.BASE): (
        DoseRow(4, 6, 2, 180, ("eihara2022", "storen2008")),
        DoseRow(4, 5, 2, 180, ("eihara2022", "storen2008")),
        DoseRow(4, 4, 1, 240, ("eihara2022", "storen2008")),
        DoseRow(5, 3, 1, 240, ("eihara2022", "storen2008")),
    ),
    (Level.INTERMEDIATE, Phase.BUILD): (
        DoseRow(3, 5, 2, 180, ("bazyler2015",)),
        DoseRow(3, 4, 2, 180, ("bazyler2015",)),
    ),
    (Level.ADVANCED, Phase.BUILD): (
        DoseRow(3, 4, 1, 240, ("bazyler2015", "eihara2022")),
        DoseRow(3, 3, 1, 240, ("bazyler2015", "eihara2022")),
    ),
}
# Peak, maintenance and the taper's last heavy session: keep intensity, cut volume [ronnestad2010].
MAINTENANCE_MAIN = {
    Level.BEGINNER: DoseRow(2, 10, 3, 90, ("spiering2021", "ronnestad2010")),
    Level.INTERMEDIATE: DoseRow(2, 5, 2, 180, ("spiering2021", "ronnestad2010")),
    Level.ADVANCED: DoseRow(2, 4, 2, 180, ("spiering2021", "ronnestad2010")),
}
LIGHT_PHASES = frozenset({Phase.TAPER, Phase.RECOVERY, Phase.TRANSITION})
MAINTENANCE_PHASES = frozenset({Phase.PEAK, Phase.MAINTENANCE, Phase.TAPER})

# Every other number of a dose is a Rules field (rules.py, "Accessory and plyometric doses"):
# accessory sets, reps and RIR by level, reps and holds of body-weight exercises by the
# exercise's own level (harder variants, fewer reps), rests by role, calf and main-lift tempos,
# plyometric reps and sets, light activation work.
# A dose changed for light kit cites the table its reps come from and the slack of RIR guesses.
LIGHT_CITE: dict[bool, tuple[str, ...]] = {False: (), True: ("nsca2016", "hackett2017")}
ACTIVATION_CUE = reason(RuleId.ACTIVATION_CUE)  # easy, crisp reps, well short of fatigue
PLYO_CUE = reason(RuleId.PLYO_CUE)
POWER_CUE = reason(
    RuleId.POWER_CUE, "bazyler2015"
)  # as fast as you can; stop when it slows  # quick, springy contacts; stop a set when they slow


class Context(NamedTuple):
    """What the dose depends on besides the exercise and its role."""

    level: Level
    phase: Phase
    week_in_block: int
    reduced_volume: bool  # a beginner's first weeks
    plyo_contacts: int  # this session's contact budget
    activation: bool  # a taper or recovery session: light only


def prescribe(
    ex: Exercise,
    role: Role,
    ctx: Context,
    rules: Rules,
    *,
    name: str | None = None,
    notes: tuple[Reason, ...] = (),
    known_max: bool = True,
    limit: LoadLimit | None = None,
) -> Prescription:
    """The exercise's dose in its role and context, shown as `name` (default: its own name), with
    `notes` after the dose's own. Without a `known_max` the dose is reps in reserve alone: a
    %1RM target is only given where it turns into kilograms (rule 10). With the `limit` of the
    athlete's kit, a dose it cannot load gets more reps, or a slower tempo (load_ceiling.py)."""
    label = Label(name or ex.name, notes, known_max, limit)
    if ex.load_type is LoadType.PLYOMETRIC_CONTACTS:
        return _plyometric(ex, role, ctx, rules, label)
    if ctx.activation:
        return _activation(ex, role, rules, label)
    return _finish(ex, role, _dose(ex, role, ctx, rules), ctx, rules, label)


class Label(NamedTuple):
    name: str
    notes: tuple[Reason, ...]
    known_max: bool
    limit: LoadLimit | None = None


class Effort(NamedTuple):
    """The sets, reps (None: a timed hold) and reps in reserve of a dose."""

    sets: int
    reps: int | None
    rir: int


def effort(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> Effort | None:
    """The sets, reps and RIR `prescribe` starts from, before the kit's limit changes them;
    None for plyometrics and light activation work (no load to judge)."""
    if ex.load_type is LoadType.PLYOMETRIC_CONTACTS or ctx.activation:
        return None
    return _effort(ex, _dose(ex, role, ctx, rules), ctx, rules)


def _dose(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> DoseRow:
    if role is Role.MAIN and ex.load_type is LoadType.EXTERNAL_LOAD:
        return _main_dose(ctx)
    if role is Role.POWER:  # few fast reps far from failure, full rest [bazyler2015]
        return DoseRow(
            rules.power_sets, rules.power_reps, rules.rir_max, rules.power_rest_seconds, ()
        )
    return _accessory_dose(ex, role, ctx, rules)  # a body-weight or band "main" lift: by reps


def _effort(ex: Exercise, row: DoseRow, ctx: Context, rules: Rules) -> Effort:
    """The dose's sets and RIR for a beginner's first weeks and within the RIR rules, and its
    reps within the exercise's own most."""
    sets, rir = row.sets, row.rir
    if ctx.reduced_volume:
        sets = min(sets, rules.beginner_reduced_volume_sets)
        rir = max(rir, rules.beginner_reduced_volume_min_rir)
    rir = max(rules.rir_min, min(rules.rir_max, rir))
    timed = ex.load_type is LoadType.TIMED_HOLD
    return Effort(sets, None if timed else min(row.reps, ex.max_reps or row.reps), rir)


def dose_context(ex: Exercise, role: Role, ctx: Context) -> Context | None:
    """`ctx` without what `prescribe(ex, role, ctx, rules)` ignores, so that contexts giving the
    same dose compare equal (a cache key): the week of the dose cycle matters to heavy main lifts
    only, the contact budget to plyometrics only, the phase (beyond race season or not) to main
    lifts and plyometrics only, and an activation dose depends on no context at all (None)."""
    plyometric = ex.load_type is LoadType.PLYOMETRIC_CONTACTS
    if plyometric:
        return ctx._replace(week_in_block=0) if ctx.week_in_block else ctx
    if ctx.activation:
        return None
    if role is Role.MAIN:
        cycles = ex.load_type is LoadType.EXTERNAL_LOAD and ctx.phase not in MAINTENANCE_PHASES
        week = ctx.week_in_block if cycles else 0
        return Context(ctx.level, ctx.phase, week, ctx.reduced_volume, 0, False)
    phase = Phase.PEAK if ctx.phase in MAINTENANCE_PHASES else Phase.BASE
    return Context(ctx.level, phase, 0, ctx.reduced_volume, 0, False)


def _main_dose(ctx: Context) -> DoseRow:
    if ctx.phase in MAINTENANCE_PHASES:
        return MAINTENANCE_MAIN[ctx.level]
    table = _main_table(ctx.level, ctx.phase)
    return table[ctx.week_in_block % len(table)]


def _main_table(level: Level, phase: Phase) -> tuple[DoseRow, ...]:
    return MAIN_DOSES.get((level, phase)) or MAIN_DOSES[(level, Phase.BASE)]


def dose_cycle_position(level: Level, phase: Phase, week_in_block: int) -> int:
    """Where the week falls in the main-lift dose cycle: two weeks at the same position of a block
    get the same doses, so the engine drafts their sessions once."""
    return week_in_block % len(_main_table(level, phase))


def _accessory_dose(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> DoseRow:
    """Accessories by the athlete's level: 10-12 reps at RIR 3-4 for beginners, fewer, closer to
    failure with experience (science.md §2.3 [acsm2009]); body-weight and band work by the
    exercise's own level; calves slow and heavy [bohm2015]."""
    light = ctx.level is Level.BEGINNER or ctx.phase in MAINTENANCE_PHASES
    sets = rules.accessory_sets_light if light else rules.accessory_sets
    beginner = ctx.level is Level.BEGINNER
    rir = _by_level(
        ctx.level,
        rules.accessory_rir_beginner,
        rules.accessory_rir_intermediate,
        rules.accessory_rir_advanced,
    )
    if role is Role.CALF:
        bodyweight = ex.load_type is LoadType.BODYWEIGHT_REPS
        reps = rules.calf_reps_bodyweight if bodyweight else rules.calf_reps_loaded
        cite = ("bohm2015", "hebert_losier2012")
        return DoseRow(sets, reps, rir, rules.calf_rest_seconds, cite)
    if role in (Role.HIP, Role.TRUNK):
        unloaded = ex.load_type in (LoadType.BAND, LoadType.BODYWEIGHT_REPS)
        reps = rules.hip_trunk_reps_bodyweight if unloaded else rules.hip_trunk_reps_loaded
        sets = rules.hip_trunk_sets_beginner if beginner else rules.hip_trunk_sets
        return DoseRow(sets, reps, rules.hip_trunk_rir, rules.hip_trunk_rest_seconds, ())
    if ex.load_type in (LoadType.BODYWEIGHT_REPS, LoadType.BAND):
        reps = _by_level(
            ex.level,
            rules.bodyweight_reps_beginner_variant,
            rules.bodyweight_reps_intermediate_variant,
            rules.bodyweight_reps_advanced_variant,
        )
    else:
        reps = _by_level(
            ctx.level,
            rules.loaded_accessory_reps_beginner,
            rules.loaded_accessory_reps_intermediate,
            rules.loaded_accessory_reps_advanced,
        )
    return DoseRow(sets, reps, rir, _accessory_rest_seconds(role, rules), ("acsm2009",))


def _by_level(level: Level, beginner: int, intermediate: int, advanced: int) -> int:
    if level is Level.BEGINNER:
        return beginner
    return intermediate if level is Level.INTERMEDIATE else advanced


def _accessory_rest_seconds(role: Role, rules: Rules) -> int:
    if role is Role.SECONDARY:
        return rules.single_leg_rest_seconds
    if role is Role.POSTERIOR:
        return rules.posterior_rest_seconds
    if role is Role.UPPER:
        return rules.upper_rest_seconds
    return rules.bodyweight_main_rest_seconds  # a body-weight or band main lift


def _main_tempo(phase: Phase, rules: Rules) -> str:
    """Down, pause, up, pause: 1-2 s each way for heavy loads [acsm2009]; in build, lift with
    intent, as fast as possible (X) [bazyler2015]."""
    explosive = phase is Phase.BUILD and rules.main_explosive_lift_in_build
    up = "X" if explosive else str(rules.main_lifting_seconds)
    return f"{rules.main_lowering_seconds}-0-{up}-0"


def _finish(
    ex: Exercise, role: Role, row: DoseRow, ctx: Context, rules: Rules, label: Label
) -> Prescription:
    sets, reps, rir = _effort(ex, row, ctx, rules)
    notes: list[Reason] = []
    if ctx.reduced_volume:
        weeks, sets = rules.beginner_reduced_volume_weeks, rules.beginner_reduced_volume_sets
        notes.append(reason(RuleId.REDUCED_VOLUME, "runstrong_heuristic", weeks=weeks, sets=sets))
    light = None
    dose: Reps | Hold
    if reps is None:  # a timed hold
        dose = Hold(
            _by_level(
                ex.level,
                rules.hold_seconds_beginner_variant,
                rules.hold_seconds_intermediate_variant,
                rules.hold_seconds_advanced_variant,
            )
        )
    else:
        light = None if label.limit is None else light_dose(label.limit, reps, rir, rules)
        if light is not None:
            reps = min(light.reps, ex.max_reps or light.reps)
            notes.append(light.note)
        percent = None
        if ex.percent_1rm and label.known_max and ctx.level is not Level.BEGINNER:
            percent = percent_1rm_for(reps, rir)
        dose = Reps(reps, ByRir(rir) if percent is None else ByPercent(percent, rir))
    timed = isinstance(dose, Hold)
    tempo = None
    if light is not None and light.tempo is not None:
        tempo = light.tempo
    elif ex.tempo is not None and not timed:
        tempo = ex.tempo
    elif role is Role.CALF and not timed:
        tempo = f"{rules.calf_lowering_seconds}-0-{rules.calf_lifting_seconds}-0"  # [bohm2015]
    elif role is Role.MAIN and not timed:
        tempo = _main_tempo(ctx.phase, rules)
    elif role is Role.POWER:
        notes.append(POWER_CUE)
    return Prescription(
        slug=ex.slug,
        name=label.name,
        role=role,
        sets=sets,
        dose=dose,
        per_side=ex.per_side,
        rest_s=row.rest_s,
        tempo=tempo,
        why=ex.why.text,
        citations=tuple(dict.fromkeys(ex.why.citations + row.cite + LIGHT_CITE[light is not None])),
        notes=(*notes, *label.notes),
    )


def _activation(ex: Exercise, role: Role, rules: Rules, label: Label) -> Prescription:
    """Taper and recovery: 1-2 easy sets, RIR 4, no load targets (science.md §3.1)."""
    timed = ex.load_type is LoadType.TIMED_HOLD
    return Prescription(
        slug=ex.slug,
        name=label.name,
        role=role,
        sets=rules.activation_sets,
        dose=(
            Hold(rules.activation_hold_seconds)
            if timed
            else Reps(rules.activation_reps, ByRir(rules.rir_max))
        ),
        per_side=ex.per_side,
        rest_s=rules.activation_rest_seconds,
        tempo=None,
        why=ex.why.text,
        citations=tuple(dict.fromkeys((*ex.why.citations, "bazyler2015"))),
        notes=(ACTIVATION_CUE, *label.notes),
    )


def _plyometric(ex: Exercise, role: Role, ctx: Context, rules: Rules, label: Label) -> Prescription:
    assert ex.plyometric is not None
    per_rep = ex.plyometric.contacts_per_rep * (2 if ex.per_side else 1)
    intensity = ex.plyometric.intensity
    per_set = rules.plyo_reps_low_intensity
    if intensity is PlyoIntensity.MODERATE:
        per_set = rules.plyo_reps_moderate_intensity
    elif intensity is PlyoIntensity.HIGH:
        per_set = rules.plyo_reps_high_intensity
    reps = min(per_set, ex.max_reps or per_set)
    sets = max(1, min(rules.plyo_max_sets, round(ctx.plyo_contacts / (reps * per_rep))))
    return Prescription(
        slug=ex.slug,
        name=label.name,
        role=role,
        sets=sets,
        dose=Contacts(reps * ex.plyometric.contacts_per_rep),
        per_side=ex.per_side,
        rest_s=rules.plyo_rest_seconds,
        tempo=None,
        why=ex.why.text,
        citations=tuple(dict.fromkeys((*ex.why.citations, "nsca2016"))),
        notes=(PLYO_CUE, *label.notes),
    )


def deloaded(p: Prescription, rules: Rules) -> Prescription:
    """A loading week's prescription as its deload repeats it (science.md §3.4): the same reps,
    seconds or contacts, the sets cut and rounded up, RIR raised (and the %1RM with it). Light
    activation work stays as it is. The note says what changed."""
    if p.role is Role.ACTIVATION:
        return p
    dose = p.dose
    plyometric = isinstance(dose, Contacts)
    cut = rules.deload_plyo_cut_pct if plyometric else rules.deload_sets_cut_pct
    sets = max(1, math.ceil(p.sets * (100 - cut) / 100))
    more_rir = 0
    if isinstance(dose, Reps) and dose.effort is not None:
        was = dose.effort.rir
        rir = max(rules.rir_min, min(rules.rir_max, was + rules.deload_rir_add))
        more_rir = rir - was
        percent = percent_1rm_for(dose.count, rir) if isinstance(dose.effort, ByPercent) else None
        dose = Reps(dose.count, ByRir(rir) if percent is None else ByPercent(percent, rir))
    fewer = p.sets - sets
    if not fewer and more_rir <= 0:
        return p
    note = reason(
        RuleId.DELOAD_DOSE,
        "bell2022",
        kept="contacts" if plyometric else "reps",
        fewer_sets=fewer,
        more_rir=max(0, more_rir),
    )
    return p.revised(sets=sets, dose=dose, notes=(*p.notes, note))


def contacts_of(p: Prescription) -> int:
    """Ground contacts a prescription adds to the session (both sides for per-side drills)."""
    dose = p.dose
    if not isinstance(dose, Contacts):
        return 0
    return dose.count * p.sets * (2 if p.per_side else 1)
