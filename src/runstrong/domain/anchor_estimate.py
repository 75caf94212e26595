"""Anchors estimated from the runs, each with its method and the run it comes from
(docs/science.md §4.4):

- Maximum heart rate: the highest recorded over the window. An observed lower bound: the true
  maximum is at least this, and more only if no run reached it.
- Threshold power and threshold pace: threshold is the highest intensity held for about an hour
  [coggan2010]. The best effort of `anchor_effort_min_minutes` to `anchor_effort_max_minutes`
  (a whole run, or laps in a row) is taken to an hour by Riegel's endurance law, time =
  a x distance^k, k = `anchor_riegel_exponent` [riegel1981]: an effort of t minutes at speed v
  gives v x (60 / t)^(1/k - 1) for an hour. For power, the same factor (our adaptation: running
  power rises about in step with speed on the flat). The estimate is the threshold only if the
  effort was all-out (a race, a time trial); from training runs it is a lower bound, said so.
- Resting heart rate cannot be seen in runs: never estimated.

Pure: the caller gives the runs (with their ids, days and whether each was a race).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from runstrong.domain.activity import Activity
from runstrong.domain.anchors import Anchors
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules

HOUR_MINUTES = 60
METRES_PER_KM = 1000


@dataclass(frozen=True, slots=True)
class RunSeen:
    """A run the estimate reads: its id, local day, whether it was a race, and the activity."""

    run_id: int
    day: date
    race: bool
    activity: Activity


@dataclass(frozen=True, slots=True)
class Effort:
    """A stretch of a run (the whole run, or laps in a row): its minutes, speed and power."""

    minutes: float
    speed_m_s: float | None
    power_w: float | None


@dataclass(frozen=True, slots=True)
class Estimate:
    """An anchor estimated from the runs: its name (an `Anchors` field), value and why."""

    anchor: str
    value: float
    reason: Reason


def efforts(activity: Activity, rules: Rules) -> list[Effort]:
    """The stretches of `activity` of `anchor_effort_min_minutes` to `anchor_effort_max_minutes`:
    the whole run and every run of laps in a row (speed where each has a distance, power where
    each has power)."""
    low, high = rules.anchor_effort_min_minutes, rules.anchor_effort_max_minutes
    found: list[Effort] = []
    if low <= activity.minutes <= high:
        speed = activity.meters / activity.seconds if activity.meters else None
        found.append(Effort(activity.minutes, speed, activity.avg_power_w))
    laps = activity.laps
    for i in range(len(laps)):
        seconds = metres = joules = 0.0
        has_metres = has_power = True
        for j in range(i, len(laps)):
            lap = laps[j]
            seconds += lap.seconds
            has_metres = has_metres and lap.meters is not None
            has_power = has_power and lap.avg_power_w is not None
            metres += lap.meters or 0.0
            joules += (lap.avg_power_w or 0.0) * lap.seconds
            minutes = seconds / 60
            if minutes > high:
                break
            if minutes >= low and (i, j) != (0, len(laps) - 1) and seconds > 0:
                found.append(Effort(minutes, metres / seconds if has_metres else None,
                                    joules / seconds if has_power else None))  # fmt: skip
    return found


def hour_factor(minutes: float, rules: Rules) -> float:
    """Riegel: the share of an effort's speed held for an hour, (60 / t)^(1/k - 1)."""
    return float((HOUR_MINUTES / minutes) ** (1 / rules.anchor_riegel_exponent - 1))


def estimate_anchors(runs: Sequence[RunSeen], rules: Rules) -> tuple[Estimate, ...]:
    """Maximum heart rate, threshold power and threshold pace from `runs`, where they allow."""
    found: list[Estimate] = []
    with_hr = [r for r in runs if r.activity.max_hr is not None]
    if with_hr:
        top = max(with_hr, key=lambda r: (r.activity.max_hr or 0.0, r.day))
        value = float(top.activity.max_hr or 0.0)
        found.append(Estimate("max_hr", value, reason(
            RuleId.ANCHOR_OBSERVED_MAX_HR, "runstrong_heuristic", bpm=round(value),
            run=f"run {top.run_id}", date=top.day.isoformat(), runs=len(with_hr),
        )))  # fmt: skip
    for anchor in ("threshold_power_w", "threshold_pace_s_per_km"):
        best = _best_hour(runs, anchor, rules)
        if best is not None:
            found.append(best)
    return tuple(found)


def _best_hour(runs: Sequence[RunSeen], anchor: str, rules: Rules) -> Estimate | None:
    """The best effort taken to an hour, for power or for speed."""
    best: tuple[float, RunSeen, Effort, float] | None = None
    for run in runs:
        for effort in efforts(run.activity, rules):
            value = effort.power_w if anchor == "threshold_power_w" else effort.speed_m_s
            if value is None or value <= 0:
                continue
            factor = hour_factor(effort.minutes, rules)
            if best is None or value * factor > best[0]:
                best = (value * factor, run, effort, factor)
    if best is None:
        return None
    hour, run, effort, factor = best
    where = {
        "run": f"run {run.run_id}", "date": run.day.isoformat(),
        "minutes": round(effort.minutes), "factor_pct": round(100 * factor, 1),
        "race": int(run.race),
    }  # fmt: skip
    if anchor == "threshold_power_w":
        why = reason(RuleId.ANCHOR_THRESHOLD_POWER, "coggan2010", "riegel1981",
                     watts=round(hour), effort_watts=round(hour / factor), **where)  # fmt: skip
        return Estimate(anchor, hour, why)
    pace = METRES_PER_KM / hour
    why = reason(RuleId.ANCHOR_THRESHOLD_PACE, "coggan2010", "riegel1981", pace=_pace(pace),
                 effort_pace=_pace(pace * factor), **where)  # fmt: skip
    return Estimate(anchor, pace, why)


def _pace(seconds_per_km: float) -> str:
    whole = round(seconds_per_km)
    return f"{whole // 60}:{whole % 60:02d}"


def anchor_values(anchors: Anchors) -> dict[str, float | None]:
    """The anchors by name."""
    return {
        "threshold_power_w": anchors.threshold_power_w,
        "threshold_pace_s_per_km": anchors.threshold_pace_s_per_km,
        "max_hr": anchors.max_hr,
        "resting_hr": anchors.resting_hr,
    }


def with_estimates(
    anchors: Anchors, estimates: Sequence[Estimate]
) -> tuple[Anchors, tuple[Estimate, ...]]:
    """`anchors` with each missing one taken from `estimates`, and the estimates so used."""
    known = anchor_values(anchors)
    used = [e for e in estimates if known[e.anchor] is None]
    values = {e.anchor: e.value for e in used}
    filled = Anchors(
        threshold_power_w=values.get("threshold_power_w", anchors.threshold_power_w),
        threshold_pace_s_per_km=values.get(
            "threshold_pace_s_per_km", anchors.threshold_pace_s_per_km
        ),
        max_hr=values.get("max_hr", anchors.max_hr),
        resting_hr=anchors.resting_hr,
    )
    return filled, tuple(used)
