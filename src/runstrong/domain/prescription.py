"""Dose: sets, reps or seconds or contacts, RIR, %1RM, rest and tempo for one exercise in one week.

The numbers come from science.md §2.2-2.5 and §3.1-3.4 (citations inline); %1RM is read from the
NSCA reps-to-%1RM table at (reps + RIR), so a %1RM and its RIR always agree.
"""

from __future__ import annotations

import math
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
from runstrong.domain.progression import Step, position, step
from runstrong.domain.rules import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS, Rules

# Enum members read in the planning's inner loops, bound once as module constants: on Python 3.11
# each read of a member through its class (`Role.MAIN`) takes the slow path of EnumType's
# __getattr__ hook (a method-wrapper made and called, ~400 CPU instructions), a module constant is
# one dictionary lookup. Such reads were 6-9% of a first plan's instructions (callgrind).
ACTIVATION, CALF, HIP, MAIN, POSTERIOR, POWER, SECONDARY, TRUNK, UPPER = (
    Role.ACTIVATION,
    Role.CALF,
    Role.HIP,
    Role.MAIN,
    Role.POSTERIOR,
    Role.POWER,
    Role.SECONDARY,
    Role.TRUNK,
    Role.UPPER,
)
BAND, BODYWEIGHT_REPS, EXTERNAL_LOAD, PLYOMETRIC_CONTACTS, TIMED_HOLD = (
    LoadType.BAND,
    LoadType.BODYWEIGHT_REPS,
    LoadType.EXTERNAL_LOAD,
    LoadType.PLYOMETRIC_CONTACTS,
    LoadType.TIMED_HOLD,
)
BASE, BUILD, PEAK = Phase.BASE, Phase.BUILD, Phase.PEAK
PROGRESSION = RuleId.PROGRESSION
BEGINNER, INTERMEDIATE = Level.BEGINNER, Level.INTERMEDIATE
# The dose's records made by tuple.__new__, every field in order (why: budget.py's `_new`): each
# dose makes several.
_new = tuple.__new__


class DoseRow(NamedTuple):
    """A row of the dose tables: sets, reps, reps in reserve, rest and its sources (a
    NamedTuple: every dose makes one, and they are quicker to make than a frozen dataclass)."""

    sets: int
    reps: int
    rir: int
    rest_s: int
    cite: tuple[str, ...]


# Main lifts: a rep wave, fewer reps at a higher %1RM row by row, climbed a row a week and started
# a row higher each block (progression.py; science.md §2.3, §3.1).
MAIN_DOSES: dict[tuple[Level, Phase], tuple[DoseRow, ...]] = {
    (Level.BEGINNER, Phase.BASE): (
        DoseRow(2, 12, 4, 90, ("acsm2009",)),
        DoseRow(3, 12, 3, 90, ("acsm2009",)),
        DoseRow(3, 10, 3, 90, ("acsm2009",)),
        DoseRow(3, 8, 3, 90, ("acsm2009",)),
    ),
    (Level.INTERMEDIATE, Phase.BASE): (
        DoseRow(3, 8, 2, 150, ("blagrove2018", "nsca2016")),
        DoseRow(3, 7, 2, 150, ("blagrove2018", "nsca2016")),
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
        DoseRow(3, 6, 2, 180, ("bazyler2015",)),
        DoseRow(3, 5, 2, 180, ("bazyler2015",)),
        DoseRow(3, 4, 2, 180, ("bazyler2015",)),
    ),
    (Level.ADVANCED, Phase.BUILD): (
        DoseRow(3, 5, 1, 240, ("bazyler2015", "eihara2022")),
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
BODYWEIGHT_LOADS = frozenset({LoadType.BODYWEIGHT_REPS, LoadType.BAND})
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
    # Where the week stands in its progression (progression.Progress): its block's place among
    # its phase's blocks and among the loading blocks since the last light phase, and the
    # loading weeks of its block.
    block: int = 0
    loading_block: int = 0
    block_weeks: int = 1


# Reps doses by (reps, RIR, %1RM), each made once and shared (frozen values; a few hundred at
# most): a plan asks for the same few again and again, and making one (a Reps and its effort, two
# frozen dataclasses) costs about 7,000 CPU instructions, finding it 300.
_REPS_DOSES: dict[tuple[int, int, int | None], Reps] = {}


def reps_dose(reps: int, rir: int, percent: int | None = None) -> Reps:
    """`reps` reps at `rir` in reserve, and at `percent` of the known max if given."""
    key = (reps, rir, percent)
    found = _REPS_DOSES.get(key)
    if found is None:
        effort = ByRir(rir) if percent is None else ByPercent(percent, rir)
        found = _REPS_DOSES[key] = Reps(reps, effort)
    return found


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
    label = _new(Label, (name or ex.name, notes, known_max, limit))
    if ex.load_type is PLYOMETRIC_CONTACTS:
        return _plyometric(ex, role, ctx, rules, label)
    if ctx.activation:
        return _activation(ex, role, rules, label)
    return _finish(ex, role, _dose(ex, role, ctx, rules), ctx, rules, label)


class Dosed(NamedTuple):
    """A dose row with where it stands in its progression (None: no progression), and whether
    its step asks for a slow lowering."""

    row: DoseRow
    progress: Reason | None = None
    slow: bool = False


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
    if ex.load_type is PLYOMETRIC_CONTACTS or ctx.activation:
        return None
    return _effort(ex, _dose(ex, role, ctx, rules).row, ctx, rules)


def _dose(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> Dosed:
    if role is MAIN and ex.load_type is EXTERNAL_LOAD:
        return _main_dose(ctx, rules)
    if role is POWER:  # few fast reps far from failure, full rest [bazyler2015]
        return Dosed(
            DoseRow(rules.power_sets, rules.power_reps, rules.rir_max, rules.power_rest_seconds, ())
        )
    row = _accessory_dose(ex, role, ctx, rules)
    if role is MAIN and ex.load_type in BODYWEIGHT_LOADS and _progresses(ctx):
        return _bodyweight_main_dose(row, ctx, rules)  # a body-weight or band "main" lift
    return _new(Dosed, (row, None, False))


def _progresses(ctx: Context) -> bool:
    """Loading phases progress week by week; peak, race season and the taper keep their dose."""
    return ctx.phase not in MAINTENANCE_PHASES


def _place(rows: int, block: int, ctx: Context, rules: Rules) -> Step:
    """The week's step on a table of `rows` rows, its blocks counted from `block`."""
    at = position(
        block, ctx.week_in_block, ctx.block_weeks, rows, rules.progression_block_step_rows
    )
    return step(at, rows)


def _progress_note(
    scheme: str, at: Step, rows: int, *cites: str, extra_sets: int = 0, seconds_step: int = 0
) -> Reason:
    """Where the dose stands on its scheme, for the runner (RuleId.PROGRESSION)."""
    return reason(
        RuleId.PROGRESSION,
        "runstrong_heuristic",
        *cites,
        scheme=scheme,
        step=at.row + 1,
        steps=rows,
        extra_sets=extra_sets,
        seconds_step=seconds_step,
    )


def _effort(ex: Exercise, row: DoseRow, ctx: Context, rules: Rules) -> Effort:
    """The dose's sets and RIR for a beginner's first weeks and within the RIR rules, and its
    reps within the exercise's own most."""
    sets, rir = row.sets, row.rir
    if ctx.reduced_volume:
        sets = min(sets, rules.beginner_reduced_volume_sets)
        rir = max(rir, rules.beginner_reduced_volume_min_rir)
    rir = max(rules.rir_min, min(rules.rir_max, rir))
    timed = ex.load_type is TIMED_HOLD
    return _new(Effort, (sets, None if timed else min(row.reps, ex.max_reps or row.reps), rir))


def dose_context(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> Context | None:
    """`ctx` without what `prescribe(ex, role, ctx, rules)` ignores, so that contexts giving the
    same dose compare equal (a cache key): the step of its progression (in place of the week and
    block) matters to main lifts and holds only, the contact budget to plyometrics only, the
    phase (beyond race season or not) to main lifts and plyometrics only, and an activation dose
    depends on no context at all (None)."""
    # made by tuple.__new__, every field in order (why: budget.py's _new): one a dose asked for
    level, reduced = ctx.level, ctx.reduced_volume
    if ex.load_type is PLYOMETRIC_CONTACTS:
        fields = (level, ctx.phase, 0, reduced, ctx.plyo_contacts, ctx.activation, 0, 0, 1)
        return _new(Context, fields)
    if ctx.activation:
        return None
    at = _step_key(ex, role, ctx, rules)
    if role is MAIN:
        return _new(Context, (level, ctx.phase, at, reduced, 0, False, 0, 0, 1))
    phase = PEAK if ctx.phase in MAINTENANCE_PHASES else BASE
    return _new(Context, (level, phase, at, reduced, 0, False, 0, 0, 1))


def _step_key(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> int:
    """The week's step on the exercise's progression, or 0 where its dose does not progress."""
    if not _progresses(ctx):
        return 0
    if role is MAIN and ex.load_type is EXTERNAL_LOAD:
        rows = len(main_table(ctx.level, ctx.phase))
        return position(
            ctx.block, ctx.week_in_block, ctx.block_weeks, rows, rules.progression_block_step_rows
        )
    if role is MAIN and ex.load_type in BODYWEIGHT_LOADS:
        rows = len(bodyweight_steps(_accessory_dose(ex, role, ctx, rules).reps, ctx.phase, rules))
        return _place(rows, ctx.loading_block, ctx, rules).row
    if ex.load_type is TIMED_HOLD and rules.hold_steps:
        return _place(rules.hold_steps + 1, ctx.loading_block, ctx, rules).row
    return 0


def _main_dose(ctx: Context, rules: Rules) -> Dosed:
    """The rep wave's row for the week; past its last row, a set more a week (at most
    `progression_max_main_sets`)."""
    if ctx.phase in MAINTENANCE_PHASES:
        return _new(Dosed, (MAINTENANCE_MAIN[ctx.level], None, False))
    table = main_table(ctx.level, ctx.phase)
    at = _place(len(table), ctx.block, ctx, rules)
    row = table[at.row]
    sets = max(row.sets, min(row.sets + at.extra_sets, rules.progression_max_main_sets))
    note = _progress_note("rep_wave", at, len(table), extra_sets=sets - row.sets)
    waved = _new(DoseRow, (sets, row.reps, row.rir, row.rest_s, row.cite))
    return _new(Dosed, (waved, note, False))


def bodyweight_steps(reps: int, phase: Phase, rules: Rules) -> tuple[tuple[int, int, bool], ...]:
    """The steps of a body-weight or band main lift of `reps` reps, as (sets, reps, slow): from
    `bodyweight_main_sets_start` sets to `bodyweight_main_sets_most`, each first with
    `bodyweight_main_fewer_reps` fewer reps, then a slow lowering (outside build, whose main
    lifts go up fast); the next rung of the exercise's ladder follows in a later block
    (selection.py). science.md §2.3: 2-3 x 10-12, rising [acsm2009]."""
    steps: list[tuple[int, int, bool]] = []
    for sets in range(rules.bodyweight_main_sets_start, rules.bodyweight_main_sets_most + 1):
        for count in (max(1, reps - rules.bodyweight_main_fewer_reps), reps):
            if (sets, count, False) not in steps:
                steps.append((sets, count, False))
    if phase is not BUILD:
        steps.append((rules.bodyweight_main_sets_most, reps, True))
    return tuple(steps)


def _bodyweight_main_dose(row: DoseRow, ctx: Context, rules: Rules) -> Dosed:
    steps = bodyweight_steps(row.reps, ctx.phase, rules)
    at = _place(len(steps), ctx.loading_block, ctx, rules)
    sets, reps, slow = steps[at.row]
    note = _progress_note("bodyweight", at, len(steps), "acsm2009")
    return Dosed(DoseRow(sets, reps, row.rir, row.rest_s, row.cite), note, slow)


def _hold_seconds(ex: Exercise, ctx: Context, rules: Rules) -> tuple[int, Reason | None]:
    """A hold's seconds: its level's, `hold_seconds_step` more a step of its progression."""
    seconds = _by_level(
        ex.level,
        rules.hold_seconds_beginner_variant,
        rules.hold_seconds_intermediate_variant,
        rules.hold_seconds_advanced_variant,
    )
    if not _progresses(ctx) or not rules.hold_steps:
        return seconds, None
    rows = rules.hold_steps + 1
    at = _place(rows, ctx.loading_block, ctx, rules)
    longer = min(MAX_HOLD_SECONDS, seconds + at.row * rules.hold_seconds_step)
    return longer, _progress_note("hold", at, rows, seconds_step=rules.hold_seconds_step)


def main_table(level: Level, phase: Phase) -> tuple[DoseRow, ...]:
    return MAIN_DOSES.get((level, phase)) or MAIN_DOSES[(level, BASE)]


def _accessory_dose(ex: Exercise, role: Role, ctx: Context, rules: Rules) -> DoseRow:
    """Accessories by the athlete's level: 10-12 reps at RIR 3-4 for beginners, fewer, closer to
    failure with experience (science.md §2.3 [acsm2009]); body-weight and band work by the
    exercise's own level; calves slow and heavy [bohm2015]."""
    light = ctx.level is BEGINNER or ctx.phase in MAINTENANCE_PHASES
    sets = rules.accessory_sets_light if light else rules.accessory_sets
    beginner = ctx.level is BEGINNER
    rir = _by_level(
        ctx.level,
        rules.accessory_rir_beginner,
        rules.accessory_rir_intermediate,
        rules.accessory_rir_advanced,
    )
    if role is CALF:
        bodyweight = ex.load_type is BODYWEIGHT_REPS
        reps = rules.calf_reps_bodyweight if bodyweight else rules.calf_reps_loaded
        cite = ("bohm2015", "hebert_losier2012")
        return _new(DoseRow, (sets, reps, rir, rules.calf_rest_seconds, cite))
    if role in (HIP, TRUNK):
        unloaded = ex.load_type in (BAND, BODYWEIGHT_REPS)
        reps = rules.hip_trunk_reps_bodyweight if unloaded else rules.hip_trunk_reps_loaded
        sets = rules.hip_trunk_sets_beginner if beginner else rules.hip_trunk_sets
        return _new(DoseRow, (sets, reps, rules.hip_trunk_rir, rules.hip_trunk_rest_seconds, ()))
    if ex.load_type in (BODYWEIGHT_REPS, BAND):
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
    rest = _accessory_rest_seconds(role, rules)
    return _new(DoseRow, (sets, reps, rir, rest, ("acsm2009",)))


def _by_level(level: Level, beginner: int, intermediate: int, advanced: int) -> int:
    if level is BEGINNER:
        return beginner
    return intermediate if level is INTERMEDIATE else advanced


def _accessory_rest_seconds(role: Role, rules: Rules) -> int:
    if role is SECONDARY:
        return rules.single_leg_rest_seconds
    if role is POSTERIOR:
        return rules.posterior_rest_seconds
    if role is UPPER:
        return rules.upper_rest_seconds
    return rules.bodyweight_main_rest_seconds  # a body-weight or band main lift


def _main_tempo(phase: Phase, rules: Rules) -> str:
    """Down, pause, up, pause: 1-2 s each way for heavy loads [acsm2009]; in build, lift with
    intent, as fast as possible (X) [bazyler2015]."""
    explosive = phase is BUILD and rules.main_explosive_lift_in_build
    up = "X" if explosive else str(rules.main_lifting_seconds)
    return f"{rules.main_lowering_seconds}-0-{up}-0"


def _finish(
    ex: Exercise, role: Role, dosed: Dosed, ctx: Context, rules: Rules, label: Label
) -> Prescription:
    row = dosed.row
    sets, reps, rir = _effort(ex, row, ctx, rules)
    notes: list[Reason] = []
    if ctx.reduced_volume:
        weeks, sets = rules.beginner_reduced_volume_weeks, rules.beginner_reduced_volume_sets
        notes.append(reason(RuleId.REDUCED_VOLUME, "runstrong_heuristic", weeks=weeks, sets=sets))
    if dosed.progress is not None:
        notes.append(dosed.progress)
    light = None
    dose: Reps | Hold
    if reps is None:  # a timed hold
        seconds, progress = _hold_seconds(ex, ctx, rules)
        dose = Hold(seconds)
        if progress is not None:
            notes.append(progress)
    else:
        light = None if label.limit is None else light_dose(label.limit, reps, rir, rules)
        if light is not None:
            reps = min(light.reps, ex.max_reps or light.reps)
            notes.append(light.note)
        percent = None
        if ex.percent_1rm and label.known_max and ctx.level is not BEGINNER:
            percent = percent_1rm_for(reps, rir)
        dose = reps_dose(reps, rir, percent)
    timed = isinstance(dose, Hold)
    tempo = None
    if light is not None and light.tempo is not None:
        tempo = light.tempo
    elif ex.tempo is not None and not timed:
        tempo = ex.tempo
    elif role is CALF and not timed:
        tempo = f"{rules.calf_lowering_seconds}-0-{rules.calf_lifting_seconds}-0"  # [bohm2015]
    elif dosed.slow and not timed:  # the top step of a body-weight main lift
        tempo = f"{rules.bodyweight_slow_lowering_seconds}-1-1-0"
    elif role is MAIN and not timed:
        tempo = _main_tempo(ctx.phase, rules)
    elif role is POWER:
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
    timed = ex.load_type is TIMED_HOLD
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
    # as many sets as the session's contacts hold, never more (at least one)
    sets = max(1, min(rules.plyo_max_sets, ctx.plyo_contacts // (reps * per_rep)))
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


def deloaded(p: Prescription, rules: Rules, *, by_effort: bool = False) -> Prescription:
    """A loading week's prescription as its deload repeats it (science.md §3.4): the same reps,
    seconds or contacts, the sets cut and rounded up, RIR raised (and the %1RM with it). With
    `by_effort` (body-weight and band work of a once-a-week session) the sets stay and only the
    RIR rises; a hold keeps its sets and loses a step of seconds. Light activation work stays as
    it is. The note says what changed; the loading week's progression note goes."""
    if p.role is ACTIVATION:
        return p
    notes = tuple(n for n in p.notes if n.rule is not PROGRESSION)
    if by_effort:
        return _deloaded_by_effort(p, notes, rules)
    dose = p.dose
    plyometric = isinstance(dose, Contacts)
    cut = rules.deload_plyo_cut_pct if plyometric else rules.deload_sets_cut_pct
    sets = max(1, math.ceil(p.sets * (100 - cut) / 100))
    dose, more_rir = _more_in_reserve(dose, rules)
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
    return p.revised(sets=sets, dose=dose, notes=(*notes, note))


def _more_in_reserve(
    dose: Reps | Hold | Contacts, rules: Rules
) -> tuple[Reps | Hold | Contacts, int]:
    """`dose` with `deload_rir_add` more reps in reserve (within the RIR rules, the %1RM
    following), and how many more; other doses as they are."""
    if not isinstance(dose, Reps) or dose.effort is None:
        return dose, 0
    was = dose.effort.rir
    rir = max(rules.rir_min, min(rules.rir_max, was + rules.deload_rir_add))
    percent = percent_1rm_for(dose.count, rir) if isinstance(dose.effort, ByPercent) else None
    return reps_dose(dose.count, rir, percent), rir - was


def _deloaded_by_effort(p: Prescription, notes: tuple[Reason, ...], rules: Rules) -> Prescription:
    dose = p.dose
    shorter = 0
    if isinstance(dose, Hold):
        seconds = max(MIN_HOLD_SECONDS, dose.seconds - rules.hold_seconds_step)
        shorter, dose = dose.seconds - seconds, Hold(seconds)
    dose, more_rir = _more_in_reserve(dose, rules)
    if not shorter and more_rir <= 0:
        return p
    note = reason(
        RuleId.DELOAD_BY_EFFORT,
        "bell2022",
        sets=p.sets,
        more_rir=max(0, more_rir),
        fewer_seconds=shorter,
    )
    return p.revised(dose=dose, notes=(*notes, note))


def contacts_of(p: Prescription) -> int:
    """Ground contacts a prescription adds to the session (both sides for per-side drills)."""
    dose = p.dose
    if not isinstance(dose, Contacts):
        return 0
    return dose.count * p.sets * (2 if p.per_side else 1)
