"""Checks across the runs of a profile's running week, each problem one line naming both runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from runstrong.domain.athlete import RunType, Weekday
from runstrong.domain.errors import InputError, field_path
from runstrong.profile.schema import RunIn


def week_clashes(
    week: Sequence[RunIn], where: str, at: tuple[str | int, ...] = ("running", "week")
) -> list[InputError]:
    """A rest on a day that has a real run, and two runs on one day at one time. `at`: where
    the runs are in the profile (the usual week, or an override's runs)."""

    def run_path(i: int) -> str:
        return field_path(*at, i)

    first_run: dict[Weekday, int] = {}
    for i, run in enumerate(week):
        if run.type is not RunType.REST:
            first_run.setdefault(run.day, i)
    errors: list[InputError] = []
    slots: dict[tuple[Weekday, dt.time | None], int] = {}
    for i, run in enumerate(week):
        if run.type is RunType.REST and run.day in first_run:
            other = first_run[run.day]
            errors.append(
                InputError(
                    where,
                    run_path(i),
                    f"a rest on {run.day}, the day of the {week[other].type} run "
                    f"{run_path(other)}; keep one of them",
                )
            )
        elif run.type is RunType.REST:
            continue  # two rests on one day say the same thing
        elif (run.day, run.time) in slots:
            errors.append(
                InputError(
                    where,
                    run_path(i),
                    f"a second run on {run.day} at the same time as "
                    f"{run_path(slots[run.day, run.time])}; give one of them another time",
                )
            )
        else:
            slots[run.day, run.time] = i
    return errors
