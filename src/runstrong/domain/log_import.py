"""Workouts logged in another app (Strong, Hevy) or on a watch, as days of the training log.

A reader turns a file into `AppSet`s (one a set, its exercise as the app names it, loads already
in kilograms); `imported_days` groups them by day with each name's slug; `sort_days` tells which
days are new, which the log holds already as they are (a file imported again), and which the log
holds otherwise (kept unless replaced).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from runstrong.domain.training_log import SessionLog, SetLog, Side

# The RIR-based RPE scale [zourdos2016] (docs/science.md §2.5): RPE 10 is 0 reps in reserve, 9 is
# 1, 8 is 2 ...; a half point (9.5: "maybe one more") counts as the lower reserve, the safer e1RM.
RPE_SCALE_MAX = 10.0
RPE_SCALE_MIN = 1.0


def rir_from_rpe(rpe: float) -> int:
    """Reps in reserve that a set's RPE (1-10) stands for [zourdos2016], rounded down."""
    return math.floor(RPE_SCALE_MAX - rpe)


@dataclass(frozen=True, slots=True)
class AppSet:
    """One set as another app exported it: the day, the exercise's name there, and what was
    done (kilograms, reps, seconds held, reps in reserve; None where not recorded). A warm-up
    set is read but not logged. `workout` and `minutes` are its workout's title and length."""

    day: dt.date
    name: str
    reps: int | None = None
    kg: float | None = None
    seconds: int | None = None
    rir: int | None = None
    warm_up: bool = False
    workout: str | None = None
    minutes: int | None = None


@dataclass(frozen=True, slots=True)
class ImportedDay:
    """A day's sets from the file, in the order done, with its workouts' titles and minutes."""

    date: dt.date
    sets: tuple[SetLog, ...]
    minutes: int | None
    note: str | None


def imported_days(sets: Iterable[AppSet], slugs: Mapping[str, str]) -> list[ImportedDay]:
    """The working sets grouped by day (the days in order, the sets as the file has them), each
    exercise named by its slug in `slugs`. A day's workouts (two in one day) are one log: their
    titles joined, their minutes added."""
    by_day: dict[dt.date, list[AppSet]] = {}
    for s in sets:
        if not s.warm_up:
            by_day.setdefault(s.day, []).append(s)
    return [_day(day, by_day[day], slugs) for day in sorted(by_day)]


def _day(day: dt.date, sets: Sequence[AppSet], slugs: Mapping[str, str]) -> ImportedDay:
    workouts: dict[str, int | None] = {}
    for s in sets:
        if s.workout is not None:
            workouts.setdefault(s.workout, s.minutes)
    minutes = [m for m in workouts.values() if m is not None]
    return ImportedDay(
        date=day,
        sets=tuple(
            SetLog(slugs[s.name], Side.BOTH, s.reps, s.kg, s.seconds, None, s.rir) for s in sets
        ),
        minutes=sum(minutes) if minutes else None,
        note=" + ".join(workouts) or None,
    )


@dataclass(frozen=True, slots=True)
class SortedDays:
    """The file's days against the log: `new` (no log that day), `same` (logged with these very
    sets: imported before) and `differ` (logged otherwise: kept, or replaced when asked)."""

    new: tuple[ImportedDay, ...]
    same: tuple[ImportedDay, ...]
    differ: tuple[ImportedDay, ...]


def sort_days(days: Sequence[ImportedDay], logged: Mapping[dt.date, SessionLog]) -> SortedDays:
    new, same, differ = [], [], []
    for day in days:
        found = logged.get(day.date)
        if found is None:
            new.append(day)
        elif found.sets == day.sets:
            same.append(day)
        else:
            differ.append(day)
    return SortedDays(tuple(new), tuple(same), tuple(differ))
