"""Checks of the profile's dated changes: running.overrides and availability.exceptions.

Each problem is one line naming the field: a span whose `to` is before its `from`, two spans of
one kind that share a date, a run or strength day on a weekday the span does not contain, an
exception that says neither (or both) of `no_strength` and `strength_days`, and the clashes of
an override's runs (week_checks). Dates outside the plan are accepted: a profile outlives a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from runstrong.domain.athlete import Weekday
from runstrong.domain.errors import InputError, field_path
from runstrong.profile.schema import DatedIn, ProfileIn
from runstrong.profile.week_checks import week_clashes


def calendar_problems(raw: ProfileIn, where: str) -> list[InputError]:
    errors: list[InputError] = []
    overrides = raw.running.overrides
    exceptions = raw.availability.exceptions
    errors += _spans(overrides, ("running", "overrides"), "one running week", where)
    errors += _spans(exceptions, ("availability", "exceptions"), "one exception", where)
    for i, override in enumerate(overrides):
        runs = ("running", "overrides", i, "runs")
        errors += week_clashes(override.runs, where, runs)
        for j, run in enumerate(override.runs):
            errors += _on_a_day_of(run.day, override, (*runs, j, "day"), where)
    for i, exception in enumerate(exceptions):
        at = ("availability", "exceptions", i)
        if exception.no_strength is None and exception.strength_days is None:
            errors.append(
                InputError(
                    where,
                    field_path(*at),
                    "give no_strength = true (no strength on these dates) or strength_days "
                    '(only these days, e.g. ["sat"])',
                )
            )
        elif exception.no_strength is not None and exception.strength_days is not None:
            errors.append(
                InputError(
                    where,
                    field_path(*at, "no_strength"),
                    "give no_strength or strength_days, not both",
                )
            )
        elif exception.no_strength is False:
            errors.append(
                InputError(
                    where,
                    field_path(*at, "no_strength"),
                    "false changes nothing: give no_strength = true, or strength_days",
                )
            )
        for j, day in enumerate(exception.strength_days or ()):
            errors += _on_a_day_of(day, exception, (*at, "strength_days", j), where)
    return errors


def _spans(spans: Sequence[DatedIn], at: tuple[str, str], one: str, where: str) -> list[InputError]:
    """`to` not before `from`; no date in two spans of one kind (each named by the later)."""
    errors: list[InputError] = []
    for i, span in enumerate(spans):
        if span.to < span.from_:
            errors.append(
                InputError(
                    where,
                    field_path(*at, i, "to"),
                    f"{span.to.isoformat()} is before from ({span.from_.isoformat()})",
                )
            )
            continue
        for k, other in enumerate(spans[:i]):
            if other.from_ <= other.to and span.from_ <= other.to and other.from_ <= span.to:
                errors.append(
                    InputError(
                        where,
                        field_path(*at, i),
                        f"{_dates(span)} overlaps {field_path(*at, k)} ({_dates(other)}): a "
                        f"date can have only {one}",
                    )
                )
                break
    return errors


def _on_a_day_of(
    day: Weekday, span: DatedIn, at: tuple[str | int, ...], where: str
) -> list[InputError]:
    """A weekday the span has no date on (a span shorter than a week) is a mistake."""
    if span.to < span.from_ or (span.to - span.from_).days >= 6:
        return []
    weekdays = {
        (span.from_ + dt.timedelta(days=i)).weekday()
        for i in range((span.to - span.from_).days + 1)
    }
    if day.number in weekdays:
        return []
    return [InputError(where, field_path(*at), f"'{day}': {_dates(span)} has no {day.full_name}")]


def _dates(span: DatedIn) -> str:
    return f"{span.from_.isoformat()} to {span.to.isoformat()}"
