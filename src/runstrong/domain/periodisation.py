"""Phases from the races backwards: base, build, peak, taper before each A race, recovery after.

Weeks run Monday to Sunday. Each week gets a phase, a deload flag, a block (exercises are kept
within a block and rotated between blocks) and its position in the block (for progression).
science.md §3.1 (phase model), §3.4 (deloads); the numbers are in `Rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from runstrong.domain.athlete import Race, RaceDistance, RacePriority
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Phase
from runstrong.domain.rules import MAX_PLAN_WEEKS, Rules

LONG_RACES = frozenset({RaceDistance.MARATHON, RaceDistance.ULTRA})
# The phases that load: their blocks progress one after another (progression.py).
LOADING_PHASES = frozenset({Phase.BASE, Phase.BUILD, Phase.TRANSITION})
# At most this many races in a profile: a race a week for a year, and room (our limit [D]); each
# race is a cycle to plan, and the printed plan lists them all.
MAX_RACES = 60
MIN_PLAN_WEEKS = 1

PHASE_GOALS: dict[Phase, str] = {
    Phase.TRANSITION: "Movement quality and tendon preparation: moderate loads, controlled tempo.",
    Phase.BASE: (
        "Maximal strength: heavy, slow multi-joint work for running economy and robustness."
    ),
    Phase.BUILD: "Keep the strength, add power: explosive lifts and more reactive plyometrics.",
    Phase.PEAK: "Maintain strength with less volume: keep the intensity, cut the sets.",
    Phase.TAPER: "Shed fatigue for the race: the last heavy session early, then light activation.",
    Phase.RECOVERY: "Recover from the race: light work only, no heavy legs.",
    Phase.MAINTENANCE: (
        "Keep strength while the running comes first: short, heavy sessions with few sets."
    ),
}
# A beginner's base and build: movement competency first (science.md §2.3, §3.1).
BEGINNER_GOALS: dict[Phase, str] = {
    Phase.BASE: "Learn the movements and build strength: body weight, bands and light loads, "
    "stopping 3-4 reps short of failure.",
    Phase.BUILD: "Keep building strength; a few more easy, springy hops and skips.",
}
# Build for a runner whose lower-leg niggle rules out jumps (engine: no plyometrics).
BEGINNER_BUILD_GOAL_WITHOUT_JUMPS = (
    "Keep building strength with body weight, bands and light loads; no hops while your niggle "
    "settles."
)
BUILD_GOAL_WITHOUT_JUMPS = (
    "Keep the strength, add speed: lift with intent, fast up; no jumps while your niggle settles."
)
# Build for a runner whose leg niggle keeps only easy jumps, and fewer (niggles.py).
BEGINNER_BUILD_GOAL_EASY_JUMPS = (
    "Keep building strength; a few easy hops and skips, fewer while your niggle settles."
)
BUILD_GOAL_EASY_JUMPS = (
    "Keep the strength, add speed: lift with intent, fast up; only easy hops, and fewer, while "
    "your niggle settles."
)
DELOAD_GOAL = "Deload: fewer sets and more reps in reserve, same exercises, to absorb the training."


@dataclass(frozen=True, slots=True)
class WeekFrame:
    """A week before its sessions: its phase, block, place in the block, goal, races and notes."""

    index: int  # 1-based
    start: date  # a Monday
    phase: Phase
    deload: bool
    block: int  # 0-based; changes with the phase and after each deload
    week_in_block: int  # 0-based
    goal: str
    races: tuple[Race, ...]
    notes: tuple[Reason, ...]
    # Where the week stands in its progression (progression.py): its block's place among the
    # blocks of its phase, and among the loading blocks (base, build, transition) since the last
    # light phase; and the loading weeks its block holds (a deload excluded).
    block_in_phase: int = 0
    loading_block: int = 0
    block_loading_weeks: int = 1


def monday_on_or_before(day: date) -> date:
    return day - timedelta(days=day.weekday())


def plan_length_weeks(start: date, races: tuple[Race, ...], rules: Rules) -> int:
    """Default length: through the recovery after the last A race, else to the last race,
    else `default_plan_weeks_without_race`."""
    monday = monday_on_or_before(start)
    future = [r for r in races if r.date >= start]
    if not future:
        return rules.default_plan_weeks_without_race
    last = max(future, key=lambda r: r.date)
    weeks = (monday_on_or_before(last.date) - monday).days // 7 + 1
    if last.priority is RacePriority.A:
        weeks += _recovery_weeks(last, rules)
    return max(MIN_PLAN_WEEKS, min(MAX_PLAN_WEEKS, weeks))


def _recovery_weeks(race: Race, rules: Rules) -> int:
    if race.distance in LONG_RACES:
        return rules.recovery_weeks_after_long_race
    return rules.recovery_weeks_after_race


def periodise(
    start: date,
    n_weeks: int,
    races: tuple[Race, ...],
    rules: Rules,
    recovery_week_every: int | None,
) -> tuple[list[WeekFrame], list[Reason]]:
    """The week frames of a plan and the plan-level warnings about its shape."""
    monday = monday_on_or_before(start)
    phases: list[Phase | None] = [None] * n_weeks
    warnings: list[Reason] = []
    a_races = sorted((r for r in races if r.priority is RacePriority.A), key=lambda r: r.date)
    cycle_start = 0
    for race in a_races:
        r = (monday_on_or_before(race.date) - monday).days // 7
        if r < 0:  # run before the plan (a re-plan): history, but its recovery weeks still count
            cycle_start = max(cycle_start, min(n_weeks, r + 1 + _recovery_weeks(race, rules)))
            for i in range(cycle_start):
                phases[i] = Phase.RECOVERY
            continue
        warnings += _assign_cycle(phases, cycle_start, r, race, rules)
        rec_end = min(n_weeks, r + 1 + _recovery_weeks(race, rules))
        for i in range(r + 1, rec_end):
            phases[i] = Phase.RECOVERY
        cycle_start = rec_end
    if not any(r.date >= monday for r in a_races):  # after a past race's recovery, if any
        for i in range(cycle_start, n_weeks):
            into = i - cycle_start
            phases[i] = Phase.BASE if into < rules.no_race_base_weeks else Phase.MAINTENANCE
    resolved = [p or Phase.BASE for p in phases]
    deloads = _deloads(resolved, rules, recovery_week_every)
    return _frames(monday, resolved, deloads, races), warnings


def _assign_cycle(
    phases: list[Phase | None], first: int, race_week: int, race: Race, rules: Rules
) -> list[Reason]:
    """Taper, peak and build counted back from the race week; base fills what is left."""
    n = len(phases)
    available = race_week - first + 1
    taper = min(rules.taper_weeks_a_race, available)
    peak = min(rules.peak_weeks, available - taper)
    build = min(rules.build_weeks, available - taper - peak)
    base = available - taper - peak - build
    # Heavy strength comes first (bazyler2015): a short cycle keeps a base block before build.
    shift = min(build, max(0, rules.min_base_weeks - base))
    build, base = build - shift, base + shift
    plan: list[Phase] = [Phase.BASE] * base + [Phase.BUILD] * build + [Phase.PEAK] * peak
    plan += [Phase.TAPER] * taper
    for offset, phase in enumerate(plan):
        if first + offset < n:
            phases[first + offset] = phase
    warnings = []
    if race_week == 0:
        warnings.append(_first_week_race_warning(race, rules))
    elif available < rules.min_program_weeks_for_economy:
        warnings.append(
            reason(
                RuleId.SHORT_CYCLE,
                "balsalobre2016",
                race=race.name,
                race_date=race.date.isoformat(),
                weeks=available,
                min_weeks=rules.min_program_weeks_for_economy,
                base=base,
                build=build,
                peak=peak,
                taper=taper,
            )
        )
    return warnings


def _first_week_race_warning(race: Race, rules: Rules) -> Reason:
    """An A race in the plan's first week: no cycle at all, only its race week and recovery."""
    return reason(
        RuleId.FIRST_WEEK_RACE,
        "balsalobre2016",
        race=race.name,
        race_date=race.date.isoformat(),
        min_weeks=rules.min_program_weeks_for_economy,
        days=rules.last_activation_days_before_race,
    )


def _deloads(phases: list[Phase], rules: Rules, every: int | None) -> list[bool]:
    """Deload with the running recovery weeks, or every `deload_every_weeks` loading weeks; never
    before `min_loading_weeks_before_deload` loading weeks since the last light week (a race's
    recovery, a taper, the last deload), which would make two light weeks of one. A running
    recovery week that came too soon moves the deload to the week after `every` loading weeks,
    not to the next recovery week (a block no longer than its progression's table)."""
    deloads = [False] * len(phases)
    loading = LOADING_PHASES
    loaded = 0  # loading weeks since the last light week
    for i, phase in enumerate(phases):
        if phase not in loading:
            loaded = 0
            continue
        # the running recovery week, or, where that came too soon, after `every` loading weeks
        due = (
            (i + 1) % every == 0 or loaded >= every
            if every
            else loaded + 1 >= rules.deload_every_weeks
        )
        if due and loaded >= rules.min_loading_weeks_before_deload:
            deloads[i] = True
            loaded = 0
        else:
            loaded += 1
    return deloads


def _frames(
    monday: date, phases: list[Phase], deloads: list[bool], races: tuple[Race, ...]
) -> list[WeekFrame]:
    frames: list[WeekFrame] = []
    blocks = _blocks(phases, deloads)
    loading_weeks: dict[int, int] = {}
    for (block, *_), deload in zip(blocks, deloads, strict=True):
        loading_weeks[block] = loading_weeks.get(block, 0) + (not deload)
    for i, (phase, deload) in enumerate(zip(phases, deloads, strict=True)):
        block, week_in_block, in_phase, loading_block = blocks[i]
        start = monday + timedelta(weeks=i)
        in_week = tuple(r for r in races if start <= r.date < start + timedelta(days=7))
        notes = tuple(_race_note(r) for r in in_week)
        goal = DELOAD_GOAL if deload else PHASE_GOALS[phase]
        frames.append(
            WeekFrame(
                i + 1,
                start,
                phase,
                deload,
                block,
                week_in_block,
                goal,
                in_week,
                notes,
                in_phase,
                loading_block,
                max(1, loading_weeks[block]),
            )
        )
    return frames


def _blocks(phases: list[Phase], deloads: list[bool]) -> list[tuple[int, int, int, int]]:
    """Each week's block, place in the block, the block's place among the blocks of its phase,
    and among the loading blocks since the last light phase (peak, taper, race season,
    recovery). A new block starts with a new phase or after a deload; a deload itself never opens
    a block, so it keeps the exercises of the weeks before it."""
    out: list[tuple[int, int, int, int]] = []
    block = week_in_block = in_phase = loading_block = 0
    block_phase = phases[0] if phases else Phase.BASE  # the phase the block began in
    for i, (phase, deload) in enumerate(zip(phases, deloads, strict=True)):
        if i > 0 and not deload and (phase is not phases[i - 1] or deloads[i - 1]):
            block, week_in_block = block + 1, 0
            in_phase = in_phase + 1 if phase is block_phase else 0
            light_before = phases[i - 1] not in LOADING_PHASES
            loading_block = 0 if light_before else loading_block + 1
            block_phase = phase
        out.append((block, week_in_block, in_phase, loading_block))
        week_in_block += 1
    return out


def _race_note(race: Race) -> Reason:
    return reason(
        RuleId.RACE_IN_WEEK,
        race=race.name,
        distance=str(race.distance),
        race_date=race.date.isoformat(),
        priority=str(race.priority),
    )
