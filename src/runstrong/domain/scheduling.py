"""Placing a week's sessions on the athlete's strength days (science.md §3.3).

Every candidate placement is scored by the rules it would break, each costing its `Rules.penalty_*`
points; the least bad placement wins and each broken rule is named in that session's warnings. A
heavy session on a day that cannot hold heavy legs (the day before a key run, long run or race;
too close to another heavy leg session) is not a broken rule but a session to fit to its day: its
placement says why (`Placement.fit`) and day_fit.py makes it moderate on the legs; that costs
points too, so the heavy work goes to the week's best day. The key-run buffer is a preference
that costs points and says so in the reasons, never a warning. Hard limits (strength days only,
nothing in the last days before a race or right after an A race, the taper's last heavy day, a
taper or activation session never after the race of its week) are never broken. Runs and
strength days are read by date from the running calendar (running_calendar.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import combinations, pairwise
from typing import NamedTuple

from runstrong.domain.athlete import (
    Athlete,
    Race,
    RaceDistance,
    RacePriority,
    Run,
    RunType,
    Weekday,
)
from runstrong.domain.messages import Reason, RuleId, race_ref, reason, run_ref
from runstrong.domain.rules import Rules
from runstrong.domain.running_calendar import DaySignature, RunningCalendar
from runstrong.domain.spacing import (
    Placed,
    buffer_reason,
    day_before,
    leaves_out_plyo,
    moderates_legs,
    spacing,
)

# Race priorities read for every day tried (why bound once: prescription.py).
A_RACE, C_RACE = RacePriority.A, RacePriority.C
DEFAULT_RUN_TIME = time(7, 0)  # when a run has no time: assume the morning [D]
DEFAULT_RACE_TIME = time(9, 0)
# The latest a session may start on its day: one straight after a run that ends later (past
# midnight) starts then instead, on its own day.
LAST_START_OF_DAY = time(23, 45)


class SessionNeeds(NamedTuple):
    """What placement must know about a session's content."""

    label: str
    demanding_legs: bool  # heavy or moderate lower body
    heavy_legs: bool
    plyo: bool  # any plyometrics
    hard_plyo: bool  # moderate or high intensity plyometrics
    last_heavy: bool = False  # the taper's last heavy session: as late as the cut-off allows
    before_race: bool = False  # taper or activation: never after an A or B race of its week


class Placement(NamedTuple):
    day: date
    start: time
    after_run: bool
    reasons: tuple[Reason, ...]
    warnings: tuple[Reason, ...]
    penalty: int
    # Why the session must be moderate on the legs on this day (empty: its content stays).
    fit: tuple[Reason, ...] = ()

    @property
    def at(self) -> datetime:
        return datetime.combine(self.day, self.start)


class Event(NamedTuple):
    """A run (or race) that strength must not spoil."""

    at: datetime
    label: str  # the run as data (messages.run_ref)
    protected: bool
    recovery: bool = False
    race: bool = False


# A week's sessions, the sessions placed before it (relative to its Monday), and what the
# running calendar holds for the dates its placement reads (() for the usual weeks).
WeekShape = tuple[
    tuple[SessionNeeds, ...], tuple[tuple[timedelta, bool, bool], ...], tuple[DaySignature, ...]
]


class PlacedWeek(NamedTuple):
    monday: date
    placements: tuple[Placement | None, ...]
    notes: tuple[Reason, ...]


def no_heavy_days_after(race: Race, rules: Rules) -> int:
    """Days after an A or B race with no heavy legs or hard plyometrics, by its distance (never
    fewer than after a shorter race): a 5k, 10k or other race `no_heavy_days_after_b_race`, a
    half marathon `no_heavy_days_after_half_marathon`, a marathon
    `no_heavy_days_after_long_race`, an ultra `no_heavy_days_after_ultra` (science.md §3.1)."""
    days = rules.no_heavy_days_after_b_race
    distance = race.distance
    if distance in (RaceDistance.HALF_MARATHON, RaceDistance.MARATHON, RaceDistance.ULTRA):
        days = max(days, rules.no_heavy_days_after_half_marathon)
    if distance.is_long:
        days = max(days, rules.no_heavy_days_after_long_race)
    if distance is RaceDistance.ULTRA:
        days = max(days, rules.no_heavy_days_after_ultra)
    return days


class Scheduler:
    def __init__(
        self,
        athlete: Athlete,
        rules: Rules,
        plan_start: date,
        calendar: RunningCalendar | None = None,
    ) -> None:
        self.athlete = athlete
        self.rules = rules
        self.plan_start = plan_start
        self.calendar = RunningCalendar.of(athlete) if calendar is None else calendar
        self.races = tuple(sorted(athlete.races, key=lambda r: r.date))
        self._runs_cache: dict[date, list[Event]] = {}
        self._day_cache: dict[tuple[date, SessionNeeds], Placement] = {}
        # A day's verdict away from races, by weekday and what the calendar holds that week.
        self._weekday_cache: dict[
            tuple[int, SessionNeeds, tuple[DaySignature, ...]], Placement
        ] = {}
        self._placed_weeks: dict[WeekShape, PlacedWeek] = {}
        self._signatures: dict[date, tuple[DaySignature, ...]] = {}
        self._day_runs: dict[date, tuple[Run, ...]] = {}
        self._easy_day_reasons: dict[date, Reason] = {}
        # Without dated changes the calendar is the usual week: read by weekday, at no cost.
        calendar = self.calendar
        self._dated = not calendar.weekly
        days = [plan_start + timedelta(days=i) for i in range(7)]
        self._weekday_runs = [calendar.runs_on(d) for d in sorted(days, key=date.weekday)]
        self._usual_strength_days = {d.number for d in calendar.strength_days}
        # Days ahead in which a key run can make heavy legs break a rule: the next day, and as
        # many as `key_run_buffer_hours` reaches into (from any time of day).
        self._days_ahead = max(1, math.ceil(rules.key_run_buffer_hours / 24))
        # Days around a race (before, after) in which it changes where sessions may go.
        self._race_reach = (
            max(
                rules.no_strength_days_before_race,
                rules.last_heavy_days_before_a_race,
                rules.last_heavy_days_before_b_race,
                rules.last_activation_days_before_race,
                self._days_ahead,
            ),
            max(
                rules.no_strength_days_after_race,
                rules.no_heavy_days_after_b_race,
                rules.no_heavy_days_after_half_marathon,
                rules.no_heavy_days_after_long_race,
                rules.no_heavy_days_after_ultra,
            ),
        )
        # The dates a week's placement reads: its own and the days its Sunday looks ahead to.
        self._week_reach = 6 + self._days_ahead

    def runs_on(self, day: date) -> list[Event]:
        if day not in self._runs_cache:
            self._runs_cache[day] = self._events(day)
        return self._runs_cache[day]

    def _events(self, day: date) -> list[Event]:
        events = [
            Event(
                datetime.combine(day, run.time or DEFAULT_RUN_TIME),
                _run_label(run),
                run.type.is_protected,
                run.type is RunType.RECOVERY,
            )
            for run in self._runs_of(day)
        ]
        events += [
            Event(datetime.combine(day, DEFAULT_RACE_TIME), race_ref(r.name), True, race=True)
            for r in self.races
            if r.date == day
        ]
        return events

    def _runs_of(self, day: date) -> tuple[Run, ...]:
        """The calendar's runs of `day` (asked for again and again)."""
        if not self._dated:
            return self._weekday_runs[day.weekday()]
        found = self._day_runs.get(day)
        if found is None:
            found = self._day_runs[day] = self.calendar.runs_on(day)
        return found

    def place_week(
        self, monday: date, needs: Sequence[SessionNeeds], history: Sequence[Placed]
    ) -> tuple[list[Placement | None], list[Reason]]:
        """A placement for as many sessions as fit, in order (None for the rest), and notes."""
        # Only sessions within the longest spacing rule of this week can break one.
        reach_h = max(self.rules.min_hours_between_heavy_lower, self.rules.min_hours_between_plyo)
        since = datetime.combine(monday, time(0)) - timedelta(hours=reach_h)
        history = [p for p in history if p.at >= since]
        shape = self._shape(monday, needs, history)
        if shape is None:
            return self._place(monday, needs, history)
        if shape not in self._placed_weeks:
            placements, notes = self._place(monday, needs, history)
            self._placed_weeks[shape] = PlacedWeek(monday, tuple(placements), tuple(notes))
        seen = self._placed_weeks[shape]
        shift = monday - seen.monday
        placements = [
            p if p is None or not shift else p._replace(day=p.day + shift) for p in seen.placements
        ]
        return placements, list(seen.notes)

    def _shape(
        self, monday: date, needs: Sequence[SessionNeeds], history: Sequence[Placed]
    ) -> WeekShape | None:
        """What the week's placement depends on, when that is only weekdays and times: the plan
        has begun, no race is near enough to matter, and no session is timed to a race. Weeks of
        the same shape are placed alike, a whole number of weeks apart. None otherwise."""
        before, after = self._race_reach
        near_race = any(-after <= (r.date - monday).days <= 6 + before for r in self.races)
        if near_race or monday < self.plan_start or any(n.last_heavy for n in needs):
            return None
        midnight = datetime.combine(monday, time(0))
        recent = tuple((p.at - midnight, p.heavy_legs, p.plyo) for p in history)
        return tuple(needs), recent, self._signature(monday)

    def _signature(self, monday: date) -> tuple[DaySignature, ...]:
        """What the calendar holds for the dates the week's placement reads: () for the usual
        weeks, so that weeks inside an override or exception are worked out on their own."""
        if not self._dated:
            return ()
        found = self._signatures.get(monday)
        if found is None:
            last = monday + timedelta(days=self._week_reach)
            found = self._signatures[monday] = self.calendar.signature(monday, last)
        return found

    def _place(
        self, monday: date, needs: Sequence[SessionNeeds], history: Sequence[Placed]
    ) -> tuple[list[Placement | None], list[Reason]]:
        days = [monday + timedelta(days=i) for i in range(7)]
        candidates = [d for d in days if d >= self.plan_start and self._allows_strength(d)]
        left_out_points = self.rules.penalty_session_left_out_points
        options: list[tuple[int, int, list[Placement]]] = []
        for count in range(min(len(needs), len(candidates)), 0, -1):
            left_out = len(needs) - count
            if options and left_out_points * left_out >= min(options)[0]:
                break  # leaving more out cannot cost less
            best = self._best(candidates, needs[:count], history)
            if best is None:
                continue
            cost = sum(p.penalty for p in best) + left_out_points * left_out
            options.append((cost, left_out, best))
        if not options:
            if not needs:
                return [], []
            return [None] * len(needs), [self._none_fit_note(days, candidates)]
        _, left_out, best = min(options, key=lambda option: option[:2])
        count = len(best)
        notes = []
        planned = len(needs)
        if left_out and options[0][1] == 0:
            notes.append(
                reason(
                    RuleId.SESSIONS_LEFT_OUT, "runstrong_heuristic", count=count, planned=planned
                )
            )
        elif left_out and monday < self.plan_start:
            start = self.plan_start.isoformat()
            notes.append(
                reason(RuleId.SESSIONS_BEFORE_START, count=count, planned=planned, start_date=start)
            )
        elif left_out and any(self.calendar.exception_on(d) for d in days):
            notes.append(reason(RuleId.SESSIONS_EXCEPTION, count=count, planned=planned))
        elif left_out:
            notes.append(reason(RuleId.SESSIONS_LIMITED, count=count, planned=planned))
        return [*best, *([None] * left_out)], notes

    def _best(
        self, candidates: Sequence[date], needs: Sequence[SessionNeeds], history: Sequence[Placed]
    ) -> list[Placement] | None:
        best: tuple[tuple[int, int, int], list[Placement]] | None = None
        for combo in combinations(candidates, len(needs)):
            placements = self._try(combo, needs, history)
            if placements is None:
                continue
            total = sum(p.penalty for p in placements)
            gaps = [(b.day - a.day).days for a, b in pairwise(placements)]
            key = (total, -min(gaps, default=7), sum(d.toordinal() for d in combo))
            if best is None or key < best[0]:
                best = (key, placements)
        return None if best is None else best[1]

    def _try(
        self, combo: Sequence[date], needs: Sequence[SessionNeeds], history: Sequence[Placed]
    ) -> list[Placement] | None:
        placed = list(history)
        taken = {p.at.date() for p in history}  # one strength session a day
        out: list[Placement] = []
        for day, need in zip(combo, needs, strict=True):
            if day in taken or not self._allowed(day, need):
                return None
            placement = self._evaluate(day, need, placed)
            out.append(placement)
            fit = placement.fit
            heavy = need.heavy_legs and not moderates_legs(fit)
            placed.append(Placed(placement.at, heavy, need.plyo and not leaves_out_plyo(fit)))
        return out

    def place_on(
        self, day: date, need: SessionNeeds, placed: Sequence[Placed], *, any_day: bool = False
    ) -> Placement | None:
        """`need` on `day` beside the sessions already `placed` (a missed session moved within
        its week: lived_plan.py), or None where a hard limit around a race, or the athlete's
        strength days (unless `any_day`: a day the athlete chose), rule the day out."""
        if day < self.plan_start or not self._allowed(day, need):
            return None
        if not any_day and not self._allows_strength(day):
            return None
        return self._evaluate(day, need, placed)

    def _allowed(self, day: date, need: SessionNeeds) -> bool:
        """Hard limits around races (science.md §3.1 taper; the numbers are in Rules)."""
        rules = self.rules
        for race in self.races:
            until = (race.date - day).days
            if until == 0:
                return False
            if race.priority is C_RACE:
                continue
            if need.before_race and until < 0 and race.date >= day - timedelta(days=day.weekday()):
                return False  # the race of its week has been run: what follows is recovery
            if 0 < until <= rules.no_strength_days_before_race:
                return False
            if need.demanding_legs or need.hard_plyo:
                limit = (
                    rules.last_heavy_days_before_a_race
                    if race.priority is A_RACE
                    else rules.last_heavy_days_before_b_race
                )
            else:
                limit = rules.last_activation_days_before_race
            if 0 < until < limit:
                return False
            if race.priority is A_RACE and 0 < -until <= rules.no_strength_days_after_race:
                return False
            demanding = need.demanding_legs or need.hard_plyo
            if demanding and 0 < -until <= no_heavy_days_after(race, rules):
                return False
        return True

    def _evaluate(self, day: date, need: SessionNeeds, placed: Sequence[Placed]) -> Placement:
        """The day's own verdict (cached), plus the spacing from sessions already placed."""
        alone = self._on_day(day, need)
        # made moderate for the day already: not heavy
        heavy = need.heavy_legs and not moderates_legs(alone.fit)
        if not placed or not (heavy or need.plyo):
            return alone
        verdict = spacing(alone.at, heavy, need.plyo, placed, self.rules)
        if not verdict.penalty:
            return alone
        return alone._replace(
            warnings=alone.warnings + verdict.warnings,
            penalty=alone.penalty + verdict.penalty,
            fit=alone.fit + verdict.fit,
        )

    def _on_day(self, day: date, need: SessionNeeds) -> Placement:
        """The day's own verdict for the session. With no race that day or in the days it looks
        ahead to, it depends on the weekday and what the calendar holds for the week alone, and
        is judged once per weekday in the usual weeks (once per weekday and week's signature
        where an override or exception changes them)."""
        key = (day, need)
        found = self._day_cache.get(key)
        if found is None:
            ahead = self._days_ahead
            race_near = any(0 <= (r.date - day).days <= ahead for r in self.races)
            if need.last_heavy or race_near:
                found = self._judge_day(day, need)
            else:
                monday = day - timedelta(days=day.weekday())
                weekday_key = (day.weekday(), need, self._signature(monday))
                same = self._weekday_cache.get(weekday_key)
                if same is None:
                    same = self._weekday_cache[weekday_key] = self._judge_day(day, need)
                found = same if same.day == day else same._replace(day=day)
            self._day_cache[key] = found
        return found

    def _judge_day(self, day: date, need: SessionNeeds) -> Placement:
        rules = self.rules
        start, after_run, reasons, warnings, penalty = self._time_of_day(day, need)
        at = datetime.combine(day, start)
        fit: list[Reason] = []
        if need.last_heavy:
            penalty += self._taper_timing(day, reasons)
        if need.demanding_legs or need.hard_plyo:
            penalty += self._protect_runs(day, at, need, reasons, warnings, fit)
        runs = self.runs_on(day)
        hard = any(e.protected for e in runs)
        if need.demanding_legs:
            if hard:
                reasons.append(reason(RuleId.HARD_DAYS_HARD, "foster1998"))
            elif any(e.recovery for e in runs):  # a preference: only where no day suits better
                penalty += rules.penalty_recovery_day_points
                reasons.append(reason(RuleId.RECOVERY_DAY, "foster1998"))
            else:
                penalty += rules.penalty_legs_not_on_hard_day_points
                reasons.append(self._easy_day_reason(day))
        elif hard:
            penalty += rules.penalty_light_session_on_hard_day_points
        else:
            reasons.append(reason(RuleId.LIGHT_ON_EASY_DAY, "runstrong_heuristic"))
        return Placement(
            day, start, after_run, tuple(reasons), tuple(warnings), penalty, tuple(fit)
        )

    def _time_of_day(
        self, day: date, need: SessionNeeds
    ) -> tuple[time, bool, list[Reason], list[Reason], int]:
        """Run first; lift `min_hours_run_to_strength` later, or the preferred gap if it fits."""
        rules = self.rules
        preferred = self.athlete.availability.preferred_time
        runs = self._runs_of(day)
        if not runs:
            return preferred, False, [], [], 0
        run = max(runs, key=lambda r: r.time or DEFAULT_RUN_TIME)
        run_start = datetime.combine(day, run.time or DEFAULT_RUN_TIME)
        run_end = run_start + timedelta(minutes=run.minutes)
        latest = datetime.combine(day, time(rules.latest_session_hour, 0))
        wanted = datetime.combine(day, preferred)
        label = _run_label(run)
        reasons: list[Reason] = []
        warnings: list[Reason] = []
        penalty = 0
        gap_h = (wanted - run_end).total_seconds() / 3600
        if gap_h < rules.preferred_hours_run_to_strength:
            for hours in (rules.preferred_hours_run_to_strength, rules.min_hours_run_to_strength):
                moved = _round_up_quarter(run_end + timedelta(hours=hours))
                if wanted < moved <= latest:
                    wanted = moved
                    at = f"{moved:%H:%M}"
                    reasons.append(reason(RuleId.MOVED_AFTER_RUN, time=at, hours=hours))
                    break
            gap_h = (wanted - run_end).total_seconds() / 3600
        if wanted < run_start:
            penalty += rules.penalty_before_run_points
            warnings.append(
                reason(RuleId.RUN_FIRST, "doma2013", run=label, run_time=f"{run_start:%H:%M}")
            )
            return wanted.time(), False, reasons, warnings, penalty
        if gap_h < rules.min_hours_run_to_strength:
            # No time later that day leaves the gap: the same session, straight after the run
            # (science.md §3.3: run first; only explosive gains are blunted, schumann2022).
            penalty += rules.penalty_too_soon_after_run_points
            wanted = max(wanted, min(run_end, datetime.combine(day, LAST_START_OF_DAY)))
            reasons.append(
                reason(
                    RuleId.SAME_SESSION_AFTER_RUN,
                    "schumann2022",
                    min_hours=rules.min_hours_run_to_strength,
                    run=label,
                )
            )
            return wanted.time(), True, reasons, warnings, penalty
        if gap_h < rules.preferred_hours_run_to_strength:
            penalty += rules.penalty_under_preferred_gap_points if need.demanding_legs else 0
        reasons.append(
            reason(RuleId.AFTER_RUN, "doma2013", "schumann2022", hours=round(gap_h, 2), run=label)
        )
        return wanted.time(), True, reasons, warnings, penalty

    def _allows_strength(self, day: date) -> bool:
        if not self._dated:
            return day.weekday() in self._usual_strength_days
        return self.calendar.allows_strength(day)

    def _none_fit_note(self, days: Sequence[date], candidates: Sequence[date]) -> Reason:
        """Why a week has no strength session: its strength days fall before the plan starts,
        an availability exception leaves none, or the race takes them."""
        if candidates:
            return reason(RuleId.NO_STRENGTH_DAY_RACE)
        if any(d < self.plan_start and self._allows_strength(d) for d in days):
            start = self.plan_start.isoformat()
            return reason(RuleId.NO_STRENGTH_DAY_BEFORE_START, start_date=start)
        if self._dated and any(self.calendar.exception_on(d) for d in days):
            return reason(RuleId.NO_STRENGTH_DAY_EXCEPTION)
        return reason(RuleId.NO_STRENGTH_DAY)

    def _easy_day_reason(self, day: date) -> Reason:
        """Why heavy legs are on an easy day: does any date of the week allow strength on a day
        with a key run?"""
        monday = day - timedelta(days=day.weekday())
        found = self._easy_day_reasons.get(monday)
        if found is None:
            week = [monday + timedelta(days=i) for i in range(7)]
            key_day = any(
                self._allows_strength(d) and any(r.type.is_protected for r in self._runs_of(d))
                for d in week
            )
            found = self._easy_day_reasons[monday] = _easy_day_text(key_day)
        return found

    def _taper_timing(self, day: date, reasons: list[Reason]) -> int:
        """The last heavy session goes as close to `last_heavy_days_before_a_race` as allowed."""
        target = self.rules.last_heavy_days_before_a_race
        ahead = [(r.date - day).days for r in self.races if r.priority is RacePriority.A]
        until = min((d for d in ahead if d > 0), default=None)
        if until is None:
            return 0
        reasons.append(
            reason(RuleId.TAPER_TIMING, "runstrong_heuristic", days=until, target=target)
        )
        return self.rules.penalty_per_taper_day_early_points * max(0, until - target)

    def _protect_runs(
        self,
        day: date,
        at: datetime,
        need: SessionNeeds,
        reasons: list[Reason],
        warnings: list[Reason],
        fit: list[Reason],
    ) -> int:
        """The key-run rules (science.md §3.3). Never heavy legs or hard plyometrics the day
        before a key run, long run or race: such a session there is made moderate for the day
        (`fit`; with `fit_legs_to_day` off it stays heavy and a warning says so). Not within
        `key_run_buffer_hours` of one where the week allows: a preference, said in the reasons.
        A session only moderate on the legs, with no hard plyometrics (a deload, a beginner's),
        keeps off the day before where the week allows (our preference, not the rule) and says
        why it may come closer."""
        rules = self.rules
        buffered = need.heavy_legs or need.hard_plyo  # what the buffer protects key runs from
        what = "heavy_legs" if need.heavy_legs else "hard_plyo"
        tomorrow: list[str] = []
        later: list[tuple[str, int]] = []  # key runs within the buffer beyond tomorrow, hours
        for offset in range(1, self._days_ahead + 1):
            for event in self.runs_on(day + timedelta(days=offset)):
                if not event.protected:
                    continue
                hours = (event.at - at).total_seconds() / 3600
                if offset == 1:
                    tomorrow.append(event.label)
                elif hours < rules.key_run_buffer_hours:
                    later.append((event.label, round(hours)))
        if buffered and tomorrow:
            next_day = day + timedelta(days=1)
            weekday = str(Weekday.of(next_day))
            verdict = day_before(what, tomorrow, weekday, self._remedy(next_day), rules)
            warnings.extend(verdict.warnings)
            fit.extend(verdict.fit)
            return verdict.penalty
        if buffered and later:
            reasons.extend(buffer_reason(what, label, hours, rules) for label, hours in later)
            return rules.penalty_key_run_buffer_points * len(later)
        if tomorrow or later:
            reasons.append(
                reason(
                    RuleId.MODERATE_NEAR_KEY_RUN,
                    "doma2019",
                    tomorrow=tuple(tomorrow),
                    later=tuple(label for label, _ in later),
                    later_hours=tuple(str(hours) for _, hours in later),
                    buffer_hours=rules.key_run_buffer_hours,
                )
            )
            return rules.penalty_moderate_day_before_key_run_points * len(tomorrow)
        reasons.append(
            reason(RuleId.NO_KEY_RUN_NEAR, "doma2019", buffer_hours=rules.key_run_buffer_hours)
        )
        return 0

    def _remedy(self, key_day: date) -> str:
        """What would avoid lifting the day before a key run: lifting after it instead, when
        its day is not one of the athlete's strength days (and no exception rules that date
        out): that weekday's key, else ""."""
        weekday = Weekday.of(key_day)
        if (
            self._allows_strength(key_day)
            or self.calendar.exception_on(key_day) is not None
            or not any(e.protected and not e.race for e in self.runs_on(key_day))
        ):
            return ""
        return str(weekday)


def _easy_day_text(key_run_strength_day: bool) -> Reason:
    if key_run_strength_day:
        return reason(RuleId.EASY_DAY_NO_KEY_DAY_SUITS)
    return reason(RuleId.EASY_DAY_NO_KEY_DAY)


def _run_label(run: Run) -> str:
    return run_ref(str(run.day), str(run.type))


def _round_up_quarter(moment: datetime) -> datetime:
    minutes = (-moment.minute) % 15
    return (moment + timedelta(minutes=minutes)).replace(second=0, microsecond=0)
