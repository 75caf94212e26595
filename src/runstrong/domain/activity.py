"""A recorded activity as the readers give it (FIT, GPX, TCX, a Strava export): when it started,
how long it took, and what the device measured of it, lap by lap. Pure data and checks: the
readers (runstrong.imports.activities) do the I/O, storage keeps what passes the checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# The longest activity runstrong imports as one run: 36 hours (our limit [D]). Longer events
# (multi-day ultras) are outside what a single run's load can say anything about here.
MAX_RUN_HOURS = 36
# Two recordings are the same run when they start within this many seconds of each other and
# their durations differ by at most this share of the longer one (our limits [D]: watches and
# phones start a recording within a minute or two; auto-pause changes the timer time a little).
SAME_RUN_START_SECONDS = 120
SAME_RUN_DURATION_SHARE = 0.1
SECONDS_PER_HOUR = 3600
# Session RPE on Borg's CR-10 scale (Foster 2001): 0 rest to 10 maximal.
MAX_RPE = 10


class ActivitySource(StrEnum):
    """The format an activity was read from."""

    FIT = "fit"
    GPX = "gpx"
    TCX = "tcx"
    STRAVA = "strava"


class RunKind(StrEnum):
    """What kind of run it was (runstrong.domain.run_kind)."""

    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    RACE = "race"


RUNNING_SPORTS = frozenset(
    {"running", "run", "trail_running", "trail run", "treadmill", "virtual run"}
)


@dataclass(frozen=True, slots=True)
class Lap:
    """One lap, as the device split it (a manual lap button, an auto-lap or a workout step)."""

    seconds: float
    meters: float | None = None
    avg_hr: float | None = None
    avg_power_w: float | None = None
    ascent_m: float | None = None

    @property
    def speed_m_s(self) -> float | None:
        if self.meters is None or self.seconds <= 0:
            return None
        return self.meters / self.seconds


@dataclass(frozen=True, slots=True)
class Activity:
    """A recorded activity: its start (timezone aware, UTC), its moving time, and what the
    device measured. `sport` is the device's word for it, in lower case; `rpe` the session
    RPE (CR-10) the athlete gave it, where the source has one (Strava's Perceived Exertion) or
    the athlete set it (`runs set-rpe`)."""

    start: datetime
    seconds: float
    sport: str
    source: ActivitySource
    source_name: str
    meters: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_power_w: float | None = None
    ascent_m: float | None = None
    laps: tuple[Lap, ...] = ()
    name: str | None = None
    rpe: int | None = None

    @property
    def minutes(self) -> float:
        return self.seconds / 60

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)


def activity_problem(activity: Activity, now: datetime) -> str | None:
    """Why `activity` is not a run runstrong imports, or None: another sport, no time, in the
    future, longer than MAX_RUN_HOURS."""
    if activity.sport not in RUNNING_SPORTS:
        return f"is a {activity.sport or 'activity of no sport'}, not a run"
    if activity.seconds <= 0:
        return "has no duration"
    if activity.seconds > MAX_RUN_HOURS * SECONDS_PER_HOUR:
        hours = activity.seconds / SECONDS_PER_HOUR
        return f"lasts {hours:.1f} hours, more than the {MAX_RUN_HOURS} runstrong takes as one run"
    if activity.start > now:
        return f"starts in the future ({activity.start.isoformat(timespec='minutes')})"
    return None


def same_run(a: Activity, b: Activity) -> bool:
    """Whether two recordings are of the same run: starts within SAME_RUN_START_SECONDS and
    durations within SAME_RUN_DURATION_SHARE of the longer."""
    if abs((a.start - b.start).total_seconds()) > SAME_RUN_START_SECONDS:
        return False
    longer = max(a.seconds, b.seconds)
    return abs(a.seconds - b.seconds) <= SAME_RUN_DURATION_SHARE * longer


def richness(activity: Activity) -> int:
    """How much a recording says: laps, power, heart rate, elevation, distance. Of two
    recordings of one run, the richer is kept."""
    return (
        4 * (len(activity.laps) > 1)
        + 3 * (activity.avg_power_w is not None)
        + 2 * (activity.avg_hr is not None)
        + (activity.ascent_m is not None)
        + (activity.meters is not None)
    )


@dataclass(frozen=True, slots=True)
class StoredRun:
    """An imported run with its id in the athlete's log, and the kind the athlete set for it
    (None: as classified)."""

    id: int
    activity: Activity
    kind_set: RunKind | None = None
