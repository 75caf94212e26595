"""The training log: what an athlete did on a day, set by set, beside the session planned.

Loads are kept in kilograms; an athlete's units (kg or lb) are for entry and display only. A set
of a lift held with a weight in each hand records each weight (as `load_kg` in the plan).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from runstrong.domain.units import KG_PER_LB as KG_PER_LB  # the log's units, where they were
from runstrong.domain.units import Units as Units


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class LogStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class SetLog:
    """One set as done: the exercise, the side, and what was done (reps with a load and the
    reps in reserve, or seconds held, or ground contacts; None where not recorded)."""

    slug: str
    side: Side = Side.BOTH
    reps: int | None = None
    kg: float | None = None
    seconds: int | None = None
    contacts: int | None = None
    rir: int | None = None


@dataclass(frozen=True, slots=True)
class SessionLog:
    """A day's log for one planned session: done (with its sets), skipped (with a reason) or
    moved to another day. `rpe` is the session RPE (0-10, Foster's sRPE)."""

    date: dt.date
    session_id: str
    status: LogStatus
    sets: tuple[SetLog, ...] = ()
    moved_to: dt.date | None = None
    rpe: int | None = None
    minutes: int | None = None
    note: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """A set with the day and session it was logged for: one row of the history."""

    date: dt.date
    session_id: str
    set: SetLog


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """A logged set and the e1RM it implies (None: none; domain.e1rm)."""

    logged: LoggedSet
    e1rm_kg: float | None


@dataclass(frozen=True, slots=True)
class AthleteRecord:
    """An athlete as kept: a handle unique for its owner, the name and the units of entry."""

    handle: str
    name: str
    units: Units


@dataclass(frozen=True, slots=True)
class ProfileText:
    """A version of an athlete's profile as given: its text and format (".toml", ".json")."""

    version: int
    format: str
    content: str


@dataclass(frozen=True, slots=True)
class PlanRecord:
    """A version of an athlete's plan: the plan JSON (docs/formats.md), its content hash, the
    dates it covers and the profile version it was made from."""

    version: str
    start: dt.date
    end: dt.date
    plan_json: str
    profile_version: int


@dataclass(frozen=True, slots=True)
class AthleteSummary:
    """What `athlete list` and `athlete show` tell of an athlete."""

    athlete: AthleteRecord
    profile_version: int
    plan_version: str
    plan_start: dt.date
    plan_end: dt.date
    sessions_logged: int
    sets_logged: int
    last_logged: dt.date | None
