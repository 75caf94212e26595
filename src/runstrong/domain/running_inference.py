"""The running week the imported runs imply: for each weekday, the kind of run the athlete
really does on it (or rest), its typical minutes and start time, with the runs that show it.

The rules are our heuristic [D] (docs/science.md §4.2), each threshold an `infer_*` rule:

- The weeks read are Monday-to-Sunday weeks with at least one run (a week with none imported is
  taken as not recorded, not as a week of rest).
- A day's run is its hardest run (intervals, hills, tempo, then long, then easy), else its
  longest; a second run that day is in the evidence, not in the week.
- A week's long run is its longest run when it is no key run (intervals, hills, tempo, race) and
  lasts at least `infer_long_min_median_pct` % of the week's median run; a run classified long
  that is not the week's longest counts as easy there.
- A weekday's kind is the kind seen on it in at least `infer_min_week_share_pct` % of the weeks
  (the most often seen; on a tie the harder). A weekday run on in that share of the weeks with
  no kind as often is easy. Otherwise it is a rest day. A race is never a usual kind.
- One long run a week: where two weekdays come out long, the one seen long more often stays (on a
  tie the longer), the other is easy.
- Minutes: the median of the runs that show the kind, to 5 minutes; start time: their median
  local start, to 15 minutes.
- The profile's recovery run stays recovery where the runs say easy (a run's classification
  cannot tell the two apart).

Pure: the caller gives the classified runs (local days and times) and the weeks to read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from statistics import median

from runstrong.domain.activity import RunKind
from runstrong.domain.athlete import Run, RunType, Weekday
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules

PERCENT = 100
MINUTES_STEP = 5  # typical minutes are rounded to this (our rounding)
TIME_STEP_MINUTES = 15  # typical start times likewise
DAYS_A_WEEK = 7
# Which run is a day's run and which kind wins a tie: the harder first.
HARDNESS = (RunType.INTERVALS, RunType.HILLS, RunType.TEMPO, RunType.LONG, RunType.EASY)
KIND_TYPE = {
    RunKind.EASY: RunType.EASY,
    RunKind.LONG: RunType.LONG,
    RunKind.TEMPO: RunType.TEMPO,
    RunKind.INTERVALS: RunType.INTERVALS,
    RunKind.HILLS: RunType.HILLS,
    RunKind.RACE: RunType.RACE,
}


@dataclass(frozen=True, slots=True)
class SeenRun:
    """An imported run as the inference reads it: its id, local day and start, minutes and
    kind (as classified, or as the athlete set it)."""

    run_id: int
    day: date
    start: time
    minutes: float
    kind: RunKind


@dataclass(frozen=True, slots=True)
class InferredDay:
    """A weekday of the inferred week: its run type (REST: none), typical minutes and start
    (0 and None for rest), the runs that show it, and why."""

    weekday: Weekday
    type: RunType
    minutes: int
    start: time | None
    evidence: tuple[SeenRun, ...]
    reason: Reason

    @property
    def run(self) -> Run | None:
        if self.type is RunType.REST:
            return None
        return Run(self.weekday, self.type, self.minutes, self.start)


@dataclass(frozen=True, slots=True)
class InferredWeek:
    """The week the runs imply, Monday first, and the Mondays of the weeks read (with runs)
    and left out (none imported)."""

    days: tuple[InferredDay, ...]
    weeks: tuple[date, ...]
    left_out: tuple[date, ...]

    @property
    def runs(self) -> tuple[Run, ...]:
        return tuple(d.run for d in self.days if d.run is not None)


def _rank(run_type: RunType) -> int:
    return HARDNESS.index(run_type) if run_type in HARDNESS else len(HARDNESS)


def week_types(runs: Sequence[SeenRun], rules: Rules) -> dict[date, tuple[RunType, SeenRun]]:
    """One week's runs as the week reads them: each day's run and its type (the long run the
    week's longest, see the module's doc)."""
    by_day: dict[date, list[SeenRun]] = {}
    for run in runs:
        by_day.setdefault(run.day, []).append(run)
    typed: dict[date, tuple[RunType, SeenRun]] = {}
    for day, found in by_day.items():
        main = min(found, key=lambda r: (_rank(KIND_TYPE[r.kind]), -r.minutes))
        kind = KIND_TYPE[main.kind]
        typed[day] = (RunType.EASY if kind is RunType.LONG else kind, main)
    if not typed:
        return typed
    middle = median(r.minutes for _, r in typed.values())
    day, (kind, longest) = max(typed.items(), key=lambda item: item[1][1].minutes)
    long_enough = PERCENT * longest.minutes >= rules.infer_long_min_median_pct * middle
    if kind is RunType.EASY and (long_enough or longest.kind is RunKind.LONG):
        typed[day] = (RunType.LONG, longest)
    return typed


def infer_week(
    runs: Sequence[SeenRun], mondays: Sequence[date], usual: Sequence[Run], rules: Rules
) -> InferredWeek:
    """The week the `runs` of the weeks starting on `mondays` imply (the module's rules);
    `usual` is the profile's week (its recovery runs stay recovery)."""
    weeks: list[date] = []
    left_out: list[date] = []
    seen: dict[Weekday, list[tuple[RunType, SeenRun]]] = {d: [] for d in Weekday}
    for monday in mondays:
        sunday = monday + timedelta(days=DAYS_A_WEEK - 1)
        typed = week_types([r for r in runs if monday <= r.day <= sunday], rules)
        if not typed:
            left_out.append(monday)
            continue
        weeks.append(monday)
        for day, found in typed.items():
            seen[Weekday.of(day)].append(found)
    days = [_infer_day(weekday, seen[weekday], len(weeks), rules) for weekday in Weekday]
    days = _one_long_run(days, seen, len(weeks))
    recovery = {r.day for r in usual if r.type is RunType.RECOVERY}
    days = [
        _as_recovery(d) if d.weekday in recovery and d.type is RunType.EASY else d for d in days
    ]
    return InferredWeek(tuple(days), tuple(weeks), tuple(left_out))


def _infer_day(
    weekday: Weekday, seen: list[tuple[RunType, SeenRun]], weeks: int, rules: Rules
) -> InferredDay:
    share = rules.infer_min_week_share_pct
    counts = Counter(kind for kind, _ in seen if kind is not RunType.RACE)
    often = [k for k, n in counts.items() if weeks and PERCENT * n >= share * weeks]
    if often:
        kind = min(often, key=lambda k: (-counts[k], _rank(k)))
        shown = tuple(r for k, r in seen if k is kind)
        return _day(weekday, kind, shown, RuleId.INFER_RUN_DAY, counts[kind], weeks)
    if weeks and PERCENT * len(seen) >= share * weeks:
        shown = tuple(r for _, r in seen)
        return _day(weekday, RunType.EASY, shown, RuleId.INFER_MIXED_DAY, len(seen), weeks)
    why = reason(RuleId.INFER_REST_DAY, "runstrong_heuristic", weekday=str(weekday),
                 runs=len(seen), weeks=weeks, share_pct=share)  # fmt: skip
    return InferredDay(weekday, RunType.REST, 0, None, tuple(r for _, r in seen), why)


def _day(
    weekday: Weekday,
    kind: RunType,
    shown: tuple[SeenRun, ...],
    rule: RuleId,
    count: int,
    weeks: int,
) -> InferredDay:
    minutes = max(
        MINUTES_STEP, MINUTES_STEP * round(median(r.minutes for r in shown) / MINUTES_STEP)
    )
    start = _typical_start(shown)
    why = reason(
        rule, "runstrong_heuristic", weekday=str(weekday), type=str(kind), count=count,
        weeks=weeks, minutes=minutes, time=f"{start:%H:%M}",
        dates=tuple(r.day.isoformat() for r in shown),
    )  # fmt: skip
    return InferredDay(weekday, kind, minutes, start, shown, why)


def _typical_start(shown: Sequence[SeenRun]) -> time:
    middle = median(r.start.hour * 60 + r.start.minute for r in shown)
    minutes = min(
        TIME_STEP_MINUTES * round(middle / TIME_STEP_MINUTES), 24 * 60 - TIME_STEP_MINUTES
    )
    return time(int(minutes // 60), int(minutes % 60))


def _one_long_run(
    days: list[InferredDay], seen: dict[Weekday, list[tuple[RunType, SeenRun]]], weeks: int
) -> list[InferredDay]:
    """The week's one long run: the weekday seen long most often (then the longer) stays long,
    any other is easy."""
    longs = [d for d in days if d.type is RunType.LONG]
    if len(longs) < 2:
        return days
    kept = max(longs, key=lambda d: (len(d.evidence), d.minutes))
    out = []
    for d in days:
        if d.type is RunType.LONG and d is not kept:
            runs = tuple(r for _, r in seen[d.weekday])
            d = _day(d.weekday, RunType.EASY, runs, RuleId.INFER_ONE_LONG_RUN, len(runs), weeks)
        out.append(d)
    return out


def _as_recovery(day: InferredDay) -> InferredDay:
    at = "" if day.start is None else f"{day.start:%H:%M}"
    why = reason(RuleId.INFER_RECOVERY_KEPT, "runstrong_heuristic", weekday=str(day.weekday),
                 minutes=day.minutes, time=at)  # fmt: skip
    return InferredDay(day.weekday, RunType.RECOVERY, day.minutes, day.start, day.evidence, why)


@dataclass(frozen=True, slots=True)
class DayChange:
    """A weekday whose run the inferred week changes: before and after (None: rest)."""

    weekday: Weekday
    before: Run | None
    after: Run | None
    day: InferredDay


def week_changes(
    usual: Sequence[Run], inferred: InferredWeek, rules: Rules
) -> tuple[DayChange, ...]:
    """The weekdays whose run the inferred week changes: another type, minutes off by more than
    `infer_same_minutes_pct` %, or a start more than `infer_same_start_minutes` away. A weekday
    of two runs in the profile compares its first."""
    changes = []
    for day in inferred.days:
        before = next((r for r in usual if r.day is day.weekday and r.type is not RunType.REST),
                      None)  # fmt: skip
        after = day.run
        if before is None or after is None:
            if before is not after:
                changes.append(DayChange(day.weekday, before, after, day))
            continue
        if before.type is after.type and _close(before, after, rules):
            continue
        changes.append(DayChange(day.weekday, before, after, day))
    return tuple(changes)


def _close(before: Run, after: Run, rules: Rules) -> bool:
    minutes = PERCENT * abs(after.minutes - before.minutes) <= (
        rules.infer_same_minutes_pct * before.minutes
    )
    if before.time is None or after.time is None:
        return minutes
    gap = abs(before.time.hour * 60 + before.time.minute - after.time.hour * 60 - after.time.minute)
    return minutes and gap <= rules.infer_same_start_minutes


def applied_week(usual: Sequence[Run], changes: Sequence[DayChange]) -> tuple[Run, ...]:
    """The profile's week with each changed run as inferred, the others as they were (a second
    run on a day included), Monday first."""
    runs = [r for r in usual if r.type is not RunType.REST]
    for change in changes:
        if change.before is not None:
            runs.remove(change.before)
        if change.after is not None:
            runs.append(change.after)
    return tuple(sorted(runs, key=lambda r: (r.day.number, r.time or time(0))))
