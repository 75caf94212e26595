"""The running calendar as run: the imported runs in place of the running week for their
dates, and the key runs they move for the days still to come of their week.

Our rules [D] (docs/science.md §4.3):

- The runs cover each Monday-to-Sunday week that has an imported run, up to the day of the
  latest run imported (`through`). On those dates the runs are the ones imported, and a date
  with none is a day without a run; after `through` the running week (and its dated changes)
  holds.
- Each key run of the week (intervals, tempo, hills, the long run, a race run) is matched to a
  run of its kind done that week up to `through`: on its own day first, else the nearest.
- A key run done before its day (intervals on Monday, planned Wednesday) leaves its day to
  come with the runs the day it was done had in the running week (their easy run, if any).
- A key run not done by `through` whose day has passed (the runs cover it) is expected on the
  next day of its week still to come that holds no key run, in place of that day's runs
  (`carry_missed_key_runs`; off, or no such day: it is said to be missed).

Each change is a week's note (a reason record). Pure: the calendar, the runs and the rules in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from runstrong.domain.athlete import Run, Weekday
from runstrong.domain.messages import Reason, RuleId, reason, run_ref
from runstrong.domain.rules import Rules
from runstrong.domain.running_calendar import RunningCalendar

DAYS_A_WEEK = 7


@dataclass(frozen=True, slots=True)
class DoneRun:
    """An imported run as the calendar takes it: its local day, the run (weekday, type,
    minutes, local start) and its name in the log ("run 12")."""

    day: date
    run: Run
    ref: str


@dataclass(frozen=True, slots=True)
class LivedRuns:
    """The calendar with the runs as run (`calendar.dated`), the last day the runs cover (None:
    no runs), each covered week's notes by its Monday, and the key runs now on a day still to
    come that the running week did not give them (date, run)."""

    calendar: RunningCalendar
    through: date | None = None
    notes: dict[date, tuple[Reason, ...]] = field(default_factory=dict)
    moved_keys: tuple[tuple[date, Run], ...] = ()

    def covers(self, day: date) -> bool:
        """Whether `day` is in a week the runs cover."""
        monday = day - timedelta(days=day.weekday())
        return monday in self.notes


def _on(run: Run, day: date) -> Run:
    return run._replace(day=Weekday.of(day))


def _ref(run: Run) -> str:
    return run_ref(str(run.day), str(run.type))


def lived_runs(calendar: RunningCalendar, done: Sequence[DoneRun], rules: Rules) -> LivedRuns:
    """`calendar` with the `done` runs in place of its runs for the dates they cover, and the key
    runs they move (the module's rules)."""
    if not done:
        return LivedRuns(calendar)
    through = max(d.day for d in done)
    mondays = sorted({d.day - timedelta(days=d.day.weekday()) for d in done})
    dated: dict[date, tuple[Run, ...]] = {}
    notes: dict[date, tuple[Reason, ...]] = {}
    moved: list[tuple[date, Run]] = []
    for monday in mondays:
        week = [monday + timedelta(days=i) for i in range(DAYS_A_WEEK)]
        ran = [d for d in done if monday <= d.day <= monday + timedelta(days=DAYS_A_WEEK - 1)]
        for day in week:
            if day <= through:
                runs = [d.run for d in ran if d.day == day]
                dated[day] = tuple(sorted(runs, key=lambda r: r.time or time(0)))
        last = min(through, week[-1])
        found: list[Reason] = [reason(
            RuleId.RUNS_AS_RUN, "runstrong_heuristic", first_date=monday.isoformat(),
            last_date=last.isoformat(), runs=tuple(d.ref for d in ran),
        )]  # fmt: skip
        found += _key_runs(calendar, week, dated, through, rules, moved)
        notes[monday] = tuple(found)
    lived = calendar._replace(dated=tuple(sorted(dated.items())))
    return LivedRuns(lived, through, notes, tuple(moved))


def _key_runs(
    calendar: RunningCalendar,
    week: list[date],
    dated: dict[date, tuple[Run, ...]],
    through: date,
    rules: Rules,
    moved: list[tuple[date, Run]],
) -> list[Reason]:
    """Match the week's key runs with the key runs done; move those done early or missed."""
    planned = [(d, r) for d in week for r in calendar.runs_on(d) if r.type.is_protected]
    ran = [(d, r) for d in week if d <= through for r in dated[d] if r.type.is_protected]
    notes: list[Reason] = []
    missed: list[tuple[date, Run]] = []
    for day, run in planned:
        same = [(d, r) for d, r in ran if r.type is run.type]
        if not same:
            if day <= through:
                missed.append((day, run))
            continue
        match = min(same, key=lambda x: (abs((x[0] - day).days), x[0]))
        ran.remove(match)
        if match[0] == day:
            continue
        notes.append(reason(
            RuleId.KEY_RUN_DONE_ELSEWHERE, "runstrong_heuristic", run=_ref(run),
            planned_date=day.isoformat(), done_date=match[0].isoformat(),
        ))  # fmt: skip
        if day > through:  # done early: its day keeps the running week's runs of the day done
            others = tuple(r for r in calendar.runs_on(day) if r is not run)
            swapped = tuple(_on(r, day) for r in calendar.runs_on(match[0]) if r is not run
                            and not r.type.is_protected)  # fmt: skip
            dated[day] = (*others, *swapped)
    for day, run in missed:
        to = _free_day(calendar, week, dated, through) if rules.carry_missed_key_runs else None
        if to is None:
            notes.append(reason(RuleId.KEY_RUN_MISSED, "runstrong_heuristic", run=_ref(run),
                                planned_date=day.isoformat()))  # fmt: skip
            continue
        dated[to] = (_on(run, to),)
        moved.append((to, run))
        notes.append(reason(
            RuleId.KEY_RUN_CARRIED, "runstrong_heuristic", run=_ref(run),
            planned_date=day.isoformat(), to_date=to.isoformat(),
        ))  # fmt: skip
    return notes


def _free_day(
    calendar: RunningCalendar, week: list[date], dated: dict[date, tuple[Run, ...]], through: date
) -> date | None:
    """The first day of the week after `through` with no key run."""
    for day in week:
        if day <= through:
            continue
        runs = dated[day] if day in dated else calendar.runs_on(day)
        if not any(r.type.is_protected for r in runs):
            return day
    return None
