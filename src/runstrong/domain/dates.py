"""The dates runstrong plans: a range every date a user gives must fall in.

FIT files count seconds from 1989-12-31 in 32 bits (to 2126), and Python's dates end in year
9999, where a week's arithmetic overflows. Every date a profile, a saved plan, a workout file or
an option gives (a plan start, a race, a dated change to the week, `--today`) is checked against
this range where it is read, so the engine and the exporters never meet a date they cannot
count from. A plan is at most 104 weeks long, so one that starts on LAST_DATE ends before
LAST_PLANNED_DATE, the last date a saved plan's sessions may hold.
"""

from __future__ import annotations

from datetime import date

FIRST_DATE = date(1990, 1, 1)  # the first whole year of FIT's clock (docs/formats.md)
LAST_DATE = date(2099, 12, 31)
LAST_PLANNED_DATE = date(2102, 12, 31)  # LAST_DATE + a 104-week plan, with room to spare


def date_problem(value: date, last: date = LAST_DATE) -> str | None:
    """Why `value` is outside the dates runstrong plans (FIRST_DATE to `last`), or None."""
    return None if FIRST_DATE <= value <= last else out_of_range(last)


def out_of_range(last: date = LAST_DATE) -> str:
    """What an error says of a date outside FIRST_DATE to `last`."""
    return f"must be from {FIRST_DATE.isoformat()} to {last.isoformat()}, the dates runstrong plans"
