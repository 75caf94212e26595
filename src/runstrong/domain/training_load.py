"""One training load across running and lifting, in arbitrary units (AU) of session RPE x
minutes (Foster 2001), and what the weeks of it show: weekly load, monotony and strain (Foster
1998), and an uncoupled, exponentially weighted acute:chronic ratio, descriptive only.

Each session's load comes with the reason that says how it was worked out:
- session RPE x minutes where the RPE is known (strength sessions logged with --rpe);
- a run without RPE: from power against the athlete's critical or threshold power (a stress of
  hours x (power / threshold)^2 x 100 points, the form of Coggan's TSS), else from heart rate
  by Banister's TRIMP (minutes x HRr x k e^(b HRr)), each turned into AU by a configurable
  factor; else minutes x a CR-10 rating taken for the run's kind (an assumption, said so).
Pure: no clock, no I/O; the caller gives the sessions and the days."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean, stdev

from runstrong.domain.activity import Activity, RunKind
from runstrong.domain.anchors import Anchors
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules

POWER_POINTS_PER_HOUR = 100  # an hour at threshold power
DAYS_A_WEEK = 7
PERCENT = 100


@dataclass(frozen=True, slots=True)
class SessionLoad:
    """One session's load: its day, what it was ("run" or "strength"), its id, the AU and how
    they were worked out."""

    day: date
    what: str
    ref: str
    au: float
    reason: Reason


def srpe_load(rpe: float, minutes: float) -> float:
    """Foster's session load: CR-10 RPE x minutes."""
    return rpe * minutes


def power_points(minutes: float, power_w: float, threshold_w: float) -> float:
    """Hours x (power / threshold)^2 x 100: an hour at threshold is 100 points."""
    ratio = power_w / threshold_w
    return minutes / 60 * ratio * ratio * POWER_POINTS_PER_HOUR


def banister_trimp(
    minutes: float, hr_reserve: float, weighting: float, coefficient: float
) -> float:
    """Banister's TRIMP: minutes x HRr x k e^(b x HRr), HRr the share of heart-rate reserve
    (clamped to 0-1), k the coefficient and b the weighting (Morton 1990: 0.64 and 1.92 for
    men, 0.86 and 1.67 for women)."""
    hrr = min(1.0, max(0.0, hr_reserve))
    return minutes * hrr * coefficient * math.exp(weighting * hrr)


def assumed_rpe(kind: RunKind, rules: Rules) -> int:
    return {
        RunKind.EASY: rules.load_rpe_easy,
        RunKind.LONG: rules.load_rpe_long,
        RunKind.TEMPO: rules.load_rpe_tempo,
        RunKind.INTERVALS: rules.load_rpe_intervals,
        RunKind.HILLS: rules.load_rpe_intervals,
        RunKind.RACE: rules.load_rpe_race,
    }[kind]


def run_load(
    run: Activity, kind: RunKind, anchors: Anchors, rules: Rules, rpe: float | None = None
) -> tuple[float, Reason]:
    """A run's AU and how they were worked out: session RPE, else power, else heart rate, else
    the kind's assumed rating."""
    minutes = run.minutes
    if rpe is not None:
        au = srpe_load(rpe, minutes)
        return au, reason(RuleId.LOAD_SRPE, "foster2001", au=round(au), rpe=rpe,
                          minutes=round(minutes))  # fmt: skip
    if run.avg_power_w is not None and anchors.threshold_power_w:
        points = power_points(minutes, run.avg_power_w, anchors.threshold_power_w)
        au = points * rules.load_au_per_power_point
        pct = round(PERCENT * run.avg_power_w / anchors.threshold_power_w)
        found = reason(RuleId.LOAD_POWER, "coggan2010", "runstrong_heuristic", au=round(au),
                       minutes=round(minutes), pct=pct, points=round(points))  # fmt: skip
        return au, found
    hrr = None if run.avg_hr is None else anchors.hr_reserve(run.avg_hr)
    if hrr is not None:
        trimp = banister_trimp(
            minutes, hrr, rules.load_trimp_weighting, rules.load_trimp_coefficient
        )
        au = trimp * rules.load_au_per_trimp
        found = reason(RuleId.LOAD_TRIMP, "morton1990", "runstrong_heuristic", au=round(au),
                       minutes=round(minutes), pct=round(PERCENT * hrr),
                       trimp=round(trimp))  # fmt: skip
        return au, found
    rating = assumed_rpe(kind, rules)
    au = srpe_load(rating, minutes)
    found = reason(RuleId.LOAD_ASSUMED_RPE, "runstrong_heuristic", au=round(au),
                   minutes=round(minutes), rpe=rating, kind=str(kind))  # fmt: skip
    return au, found


def strength_load(rpe: int | None, minutes: int, rules: Rules) -> tuple[float, Reason]:
    """A strength session's AU: its logged RPE x minutes, else the assumed rating x minutes."""
    if rpe is not None:
        au = srpe_load(rpe, minutes)
        return au, reason(RuleId.LOAD_SRPE, "foster2001", au=round(au), rpe=rpe, minutes=minutes)
    au = srpe_load(rules.load_rpe_strength, minutes)
    found = reason(RuleId.LOAD_ASSUMED_RPE, "runstrong_heuristic", au=round(au),
                   minutes=minutes, rpe=rules.load_rpe_strength, kind="strength")  # fmt: skip
    return au, found


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """A Monday-to-Sunday week: load by running and lifting, monotony and strain (None when the
    daily loads do not vary: undefined), and the acute:chronic ratio on its last day (None
    until there is a chronic window of history before the acute one)."""

    monday: date
    run_au: float
    strength_au: float
    sessions: int
    monotony: float | None
    strain: float | None
    acute_au: float
    chronic_au: float
    ratio: float | None

    @property
    def total_au(self) -> float:
        return self.run_au + self.strength_au


def monotony(daily: Sequence[float]) -> float | None:
    """Foster's monotony: the mean daily load over the standard deviation (n - 1) of the daily
    loads; None when it is 0."""
    spread = stdev(daily)
    return None if spread == 0 else mean(daily) / spread


def ewma(daily: Sequence[float], days: int) -> list[float]:
    """The exponentially weighted moving average of each day (decay 2 / (days + 1)), from 0
    before the first day (Williams 2017)."""
    decay = 2 / (days + 1)
    out: list[float] = []
    level = 0.0
    for load in daily:
        level = load * decay + (1 - decay) * level
        out.append(level)
    return out


def weekly_loads(
    loads: Sequence[SessionLoad], first_monday: date, weeks: int, last_day: date, rules: Rules
) -> list[WeekLoad]:
    """The weeks from `first_monday`, each with its loads; the averages run over every day from
    the earliest load (or `first_monday`) up to `last_day` (days after it count as not yet)."""
    start = min([first_monday, *(x.day for x in loads)])
    end = first_monday + timedelta(days=DAYS_A_WEEK * weeks - 1)
    days = (end - start).days + 1
    run_daily = [0.0] * days
    strength_daily = [0.0] * days
    counts = [0] * days
    for x in loads:
        i = (x.day - start).days
        if 0 <= i < days:
            (run_daily if x.what == "run" else strength_daily)[i] += x.au
            counts[i] += 1
    daily = [r + s for r, s in zip(run_daily, strength_daily, strict=True)]
    acute = ewma(daily, rules.load_acute_days)
    chronic = ewma(daily, rules.load_chronic_days)
    out = []
    for w in range(weeks):
        monday = first_monday + timedelta(days=DAYS_A_WEEK * w)
        a = (monday - start).days
        week = daily[a : a + DAYS_A_WEEK]
        total = sum(week)
        mono = monotony(week)
        last = min(a + DAYS_A_WEEK - 1, (last_day - start).days)
        before = last - rules.load_acute_days  # the chronic as of the day before the acute window
        ratio = None
        if last >= 0 and before >= rules.load_chronic_days - 1 and chronic[before] > 0:
            ratio = acute[last] / chronic[before]
        out.append(WeekLoad(
            monday=monday, run_au=sum(run_daily[a : a + DAYS_A_WEEK]),
            strength_au=sum(strength_daily[a : a + DAYS_A_WEEK]),
            sessions=sum(counts[a : a + DAYS_A_WEEK]), monotony=mono,
            strain=None if mono is None else total * mono,
            acute_au=acute[last] if last >= 0 else 0.0,
            chronic_au=chronic[before] if before >= 0 else 0.0, ratio=ratio,
        ))  # fmt: skip
    return out
