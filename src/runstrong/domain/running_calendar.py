"""The running calendar: the runs of each date, and whether strength may go on it.

Built from the usual running week, repeated, the dated running weeks that replace it for a span
of dates (`RunningOverride`: travel, a race week, a training camp), the strength-day
exceptions (`StrengthException`: no strength, or only some days, for a span of dates) and the
runs of given dates (`dated`: the runs imported for them, lived_runs.py). The
scheduler reads it by date, never by weekday. It is a value the engine takes
(`RunningCalendar.of(athlete)` unless given), so other sources of dated runs, such as imported
activities, can feed it without the scheduler knowing where its runs come from.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from runstrong.domain.athlete import (
    Athlete,
    Run,
    RunningOverride,
    RunType,
    StrengthException,
    Weekday,
)
from runstrong.domain.messages import Reason, RuleId, reason

# What a span of dates holds, date by date: the day's runs and whether strength may go on it.
DaySignature = tuple[tuple[Run, ...], bool]


class RunningCalendar(NamedTuple):
    """The runs of each date and the dates strength may go on: the usual week and its dated
    changes."""

    week: tuple[Run, ...]  # the usual week, repeated where no override covers a date
    strength_days: tuple[Weekday, ...]  # the usual strength days
    overrides: tuple[RunningOverride, ...] = ()  # their dates never overlap (checked on load)
    exceptions: tuple[StrengthException, ...] = ()  # likewise
    # The runs of given dates, in place of the usual week's or an override's (imported runs,
    # and the key runs they move: lived_runs.py); by date, each date once.
    dated: tuple[tuple[date, tuple[Run, ...]], ...] = ()

    @classmethod
    def of(cls, athlete: Athlete) -> RunningCalendar:
        """The athlete's usual week and strength days with the profile's dated changes."""
        return cls(
            athlete.running.runs,
            athlete.availability.strength_days,
            athlete.running.overrides,
            athlete.availability.exceptions,
        )

    @property
    def weekly(self) -> bool:
        """Every week the same, the usual one: no dated change at all (readers may then go by
        weekday)."""
        return not (self.overrides or self.exceptions or self.dated)

    def override_on(self, day: date) -> RunningOverride | None:
        for override in self.overrides:
            if override.first <= day <= override.last:
                return override
        return None

    def exception_on(self, day: date) -> StrengthException | None:
        for exception in self.exceptions:
            if exception.first <= day <= exception.last:
                return exception
        return None

    def dated_runs(self, day: date) -> tuple[Run, ...] | None:
        """The runs given for `day` (`dated`), or None where none are."""
        for when, runs in self.dated:
            if when == day:
                return runs
        return None

    def runs_on(self, day: date) -> tuple[Run, ...]:
        """The runs of `day` (a rest is no run): those given for its date, else the override's
        if one covers it, else the usual week's for its weekday."""
        given = self.dated_runs(day) if self.dated else None
        if given is not None:
            return tuple(r for r in given if r.type is not RunType.REST)
        override = self.override_on(day) if self.overrides else None
        runs = self.week if override is None else override.runs
        weekday = Weekday.of(day)
        return tuple(r for r in runs if r.day is weekday and r.type is not RunType.REST)

    def allows_strength(self, day: date) -> bool:
        """Strength may go on `day`: its weekday is a strength day, or one of the exception's
        days where an exception covers it."""
        exception = self.exception_on(day) if self.exceptions else None
        days = self.strength_days if exception is None else exception.strength_days
        return Weekday.of(day) in days

    def runs_between(self, first: date, last: date) -> tuple[Run, ...]:
        """Every run of the dates `first` to `last`, both included, in date order."""
        days = (first + timedelta(days=i) for i in range((last - first).days + 1))
        return tuple(run for day in days for run in self.runs_on(day))

    def changes(self, first: date, last: date) -> tuple[RunningOverride | StrengthException, ...]:
        """The overrides and exceptions that cover any of the dates `first` to `last`."""
        if self.weekly:
            return ()
        changes: list[RunningOverride | StrengthException] = [
            o for o in self.overrides if o.first <= last and first <= o.last
        ]
        changes += [e for e in self.exceptions if e.first <= last and first <= e.last]
        return tuple(changes)

    def signature(self, first: date, last: date) -> tuple[DaySignature, ...]:
        """What the dates `first` to `last` hold, date by date, if an override or exception
        covers any of them; () for the usual weeks. Two spans starting on the same weekday
        with equal signatures hold the same runs and strength days: what is worked out for
        one holds for the other (the scheduler's memos are keyed on it)."""
        dated = any(first <= when <= last for when, _ in self.dated)
        if not dated and not self.changes(first, last):
            return ()
        days = (first + timedelta(days=i) for i in range((last - first).days + 1))
        return tuple((self.runs_on(day), self.allows_strength(day)) for day in days)


def change_note(change: RunningOverride | StrengthException) -> Reason:
    """A week's note on a dated change of the profile that covers some of its dates: its kind
    (`running`, `no_running`, `strength_only`, `no_strength`), its dates, label and weekdays."""
    days: tuple[str, ...] = ()
    if isinstance(change, RunningOverride):
        kind = "running" if change.runs else "no_running"
    elif change.strength_days:
        kind = "strength_only"
        days = tuple(str(d) for d in sorted(change.strength_days, key=lambda d: d.number))
    else:
        kind = "no_strength"
    return reason(
        RuleId.DATED_CHANGE,
        kind=kind,
        first_date=change.first.isoformat(),
        last_date=change.last.isoformat(),
        label=change.label or "",
        days=days,
    )
