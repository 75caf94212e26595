"""What kind of run an imported run was: easy, long, tempo, intervals, hills or race, from its
structure (laps), its intensity against the athlete's anchors (threshold power or pace,
heart-rate reserve) or, without anchors, against the athlete's own typical speed, its duration
against the athlete's week, and its climb. Pure: the caller gives the run, the anchors and the
week; each decision comes with its evidence as reasons (domain.messages)."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from runstrong.domain.activity import Activity, Lap, RunKind
from runstrong.domain.anchors import Anchors
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules

RACE_DISTANCES_KM = (5.0, 10.0, 21.0975, 42.195)
RACE_WORDS = ("race", "parkrun", "marathon", "10k", "5k", "half")
PERCENT = 100


@dataclass(frozen=True, slots=True)
class RunWeek:
    """The athlete's running around a run: mean weekly running minutes over the 4 weeks before
    it (0: none known) and the median speed of their runs (m/s; None: none known)."""

    weekly_minutes: float = 0.0
    typical_speed_m_s: float | None = None


@dataclass(frozen=True, slots=True)
class Classified:
    kind: RunKind
    evidence: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Intensity:
    """How hard a run was, in %, on the first scale the data allow, and which scale."""

    pct: float
    measure: str  # "threshold_power", "threshold_pace", "hr_reserve", "typical_speed"
    tempo_min_pct: float


def classify(
    run: Activity, anchors: Anchors, week: RunWeek, rules: Rules, kind_set: RunKind | None = None
) -> Classified:
    """The run's kind with its evidence; the athlete's own setting first. In this order: a
    race (hard, at a race distance or so named), intervals or hills (work laps with easier laps
    between; hills when steep), long (by minutes and share of the week), hills (steep), tempo
    (enough hard minutes), else easy."""
    if kind_set is not None:
        return Classified(kind_set, (reason(RuleId.RUN_KIND_SET, kind=str(kind_set)),))
    effort = hard_part(run, anchors, week, rules)
    hard = effort is not None and effort.minutes >= rules.run_min_hard_minutes
    work = work_laps(run.laps, rules)
    structured = work >= rules.run_intervals_min_work_laps
    race = race_evidence(run, rules) if hard and effort and effort.whole_run else None
    if race is not None and structured and dict(race.params).get("how") == "distance":
        race = None  # a session of work laps that happens to measure a race distance
    if race is not None and effort is not None:
        return Classified(RunKind.RACE, (race, _effort_reason(RuleId.RUN_RACE, effort)))
    climb = metres_per_km(run.ascent_m, run.meters)
    steep = climb is not None and climb >= rules.run_hills_min_m_per_km
    if structured or (steep and not is_long(run, week, rules)):
        found = reason(
            RuleId.RUN_HILLS if steep else RuleId.RUN_INTERVALS,
            work_laps=work if structured else 0,
            laps=len(run.laps), work_lap_pct=rules.run_work_lap_pct,
            m_per_km=round(climb or 0.0, 1),
        )  # fmt: skip
        return Classified(RunKind.HILLS if steep else RunKind.INTERVALS, (found,))
    if is_long(run, week, rules):
        share = round(PERCENT * run.minutes / week.weekly_minutes) if week.weekly_minutes else 0
        found = reason(RuleId.RUN_LONG, minutes=round(run.minutes), week_pct=share)
        return Classified(RunKind.LONG, (found,))
    if hard and effort is not None:
        return Classified(RunKind.TEMPO, (_effort_reason(RuleId.RUN_TEMPO, effort),))
    overall = intensity(_measures(run), anchors, week, rules)
    if overall is None:
        return Classified(RunKind.EASY, (reason(RuleId.RUN_EASY, measure="none", pct=0),))
    easy = reason(RuleId.RUN_EASY, measure=overall.measure, pct=round(overall.pct))
    return Classified(RunKind.EASY, (easy,))


def _effort_reason(rule: RuleId, effort: HardPart) -> Reason:
    return reason(
        rule, measure=effort.measure, pct=round(effort.pct), minutes=round(effort.minutes)
    )


@dataclass(frozen=True, slots=True)
class Measures:
    seconds: float
    power_w: float | None
    speed_m_s: float | None
    hr: float | None


@dataclass(frozen=True, slots=True)
class HardPart:
    """The minutes run at or above the tempo intensity (whole laps, or the whole run), their
    time-weighted intensity, and whether they are the whole run."""

    minutes: float
    pct: float
    measure: str
    whole_run: bool


def _measures(run: Activity) -> Measures:
    speed = None if run.meters is None or run.seconds <= 0 else run.meters / run.seconds
    return Measures(run.seconds, run.avg_power_w, speed, run.avg_hr)


def _lap_measures(lap: Lap) -> Measures:
    return Measures(lap.seconds, lap.avg_power_w, lap.speed_m_s, lap.avg_hr)


def hard_part(run: Activity, anchors: Anchors, week: RunWeek, rules: Rules) -> HardPart | None:
    """The run's hard part: its laps at or above the tempo intensity (each lap on the first
    scale its data allow), else the whole run if it is; None when no scale applies or nothing
    is hard."""
    whole = intensity(_measures(run), anchors, week, rules)
    if whole is not None and whole.pct >= whole.tempo_min_pct:
        return HardPart(run.minutes, whole.pct, whole.measure, True)
    hard: list[tuple[Intensity, float]] = []
    for lap in run.laps:
        found = intensity(_lap_measures(lap), anchors, week, rules)
        if found is not None and found.pct >= found.tempo_min_pct:
            hard.append((found, lap.seconds))
    seconds = sum(s for _, s in hard)
    if not hard or seconds <= 0:
        return None
    pct = sum(x.pct * s for x, s in hard) / seconds
    return HardPart(seconds / 60, pct, hard[0][0].measure, False)


def intensity(m: Measures, anchors: Anchors, week: RunWeek, rules: Rules) -> Intensity | None:
    """How hard: power against threshold power, else speed against threshold pace, else heart
    rate as a share of its reserve, else speed against the athlete's typical speed."""
    threshold_speed = anchors.threshold_speed_m_s
    if m.power_w is not None and anchors.threshold_power_w:
        pct = PERCENT * m.power_w / anchors.threshold_power_w
        return Intensity(pct, "threshold_power", rules.run_tempo_min_threshold_pct)
    if m.speed_m_s is not None and threshold_speed is not None:
        pct = PERCENT * m.speed_m_s / threshold_speed
        return Intensity(pct, "threshold_pace", rules.run_tempo_min_threshold_pct)
    reserve = None if m.hr is None else anchors.hr_reserve(m.hr)
    if reserve is not None:
        return Intensity(PERCENT * reserve, "hr_reserve", rules.run_tempo_min_hr_reserve_pct)
    if m.speed_m_s is not None and week.typical_speed_m_s:
        pct = PERCENT * m.speed_m_s / week.typical_speed_m_s
        return Intensity(pct, "typical_speed", rules.run_tempo_min_typical_speed_pct)
    return None


def race_evidence(run: Activity, rules: Rules) -> Reason | None:
    """A hard run at a race distance, or named as a race."""
    name = (run.name or "").lower()
    if run.meters is not None:
        km = run.meters / 1000
        for distance in RACE_DISTANCES_KM:
            if abs(km - distance) <= distance * rules.run_race_distance_pct / PERCENT:
                return reason(RuleId.RUN_RACE, how="distance", km=round(km, 2))
    word = next((w for w in RACE_WORDS if w in name.split() or f" {w}" in f" {name}"), None)
    if word is not None:
        return reason(RuleId.RUN_RACE, how="name", word=word)
    return None


def work_laps(laps: tuple[Lap, ...], rules: Rules) -> int:
    """Laps run this much harder than the run's median lap (power, else speed), counted only
    when a recovery comes between the first and the last of them (a structure, not a fast
    finish): a lap nearer the median than the work cut. A lap of a steady hard block that dips
    just under the cut is no recovery (a tempo run is not intervals)."""
    values = [_lap_value(x) for x in laps]
    known = [v for v in values if v is not None]
    if len(known) < 3:
        return 0
    middle = median(known)
    cut = middle * rules.run_work_lap_pct / PERCENT
    recovered_below = (middle + cut) / 2
    marks = [v is not None and v >= cut for v in values]
    first = marks.index(True) if True in marks else -1
    if first < 0:
        return 0
    last = len(marks) - 1 - marks[::-1].index(True)
    between = values[first : last + 1]
    recovered = any(v is not None and v < recovered_below for v in between)
    return sum(marks) if recovered else 0


def _lap_value(lap: Lap) -> float | None:
    if lap.avg_power_w is not None:
        return lap.avg_power_w
    return lap.speed_m_s


def metres_per_km(ascent_m: float | None, meters: float | None) -> float | None:
    if ascent_m is None or not meters:
        return None
    return ascent_m / (meters / 1000)


def is_long(run: Activity, week: RunWeek, rules: Rules) -> bool:
    if run.minutes < rules.run_long_min_minutes:
        return False
    if week.weekly_minutes <= 0:
        return True
    return PERCENT * run.minutes / week.weekly_minutes >= rules.run_long_min_week_pct
