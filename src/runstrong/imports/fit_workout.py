"""A strength activity recorded on a watch (a FIT activity file) -> its sets.

Each FIT `set` message of type active is one set: its repetitions, its weight (kilograms in the
FIT profile, whatever the watch displays), its duration (kept as seconds held when the set has
no repetitions), and its exercise as category and name ids (the same ids runstrong's workout
files give each step: library `[fit]`). Rest sets are left out. FIT marks no set as a warm-up
(the warm-up category holds drills the library plans, such as quadruped rocking): every active
set is logged. The day is the activity's local day (its local_timestamp), else the day in UTC.

fit-tool reads the file; whatever it raises on a damaged file is one error line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.domain.log_import import AppSet
from runstrong.domain.rules import MAX_REPS, MAX_SESSION_MINUTES
from runstrong.imports.app_csv import MAX_KG
from runstrong.input_files import read_input

if TYPE_CHECKING:
    from fit_tool.profile.messages.set_message import SetMessage

FIT_ACTIVITY_MAX_BYTES = 20_000_000  # hours of records at one a second are a few MB
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)  # local_timestamp counts seconds from it
ACTIVE = 1  # SetType.ACTIVE
MAX_SETS_A_WORKOUT = 1000


@dataclass(frozen=True, slots=True)
class WatchSet:
    """One active set as the watch recorded it (None where it did not)."""

    reps: int | None
    kg: float | None
    seconds: int | None
    category: int | None
    name: int | None


@dataclass(frozen=True, slots=True)
class WatchWorkout:
    """The file's active sets, its local day (None if no set has a start time) and minutes."""

    day: dt.date | None
    sets: tuple[WatchSet, ...]
    minutes: int | None


def read_fit_workout(path: Path) -> WatchWorkout:
    """The active sets of a FIT activity file and its day; an error line if it has none."""
    from fit_tool.fit_file import FitFile
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.set_message import SetMessage

    where = str(path)
    raw = read_input(path, FIT_ACTIVITY_MAX_BYTES)
    try:
        records = FitFile.from_bytes(raw).records
    except Exception as err:  # fit-tool raises many kinds on a damaged file
        raise InputError(where, "", f"is not a FIT file fit-tool can read ({err})") from None
    sets: list[WatchSet] = []
    starts: list[int] = []
    ends: list[int] = []
    offset = dt.timedelta(0)
    for record in records:
        message = record.message
        if isinstance(message, ActivityMessage) and message.local_timestamp and message.timestamp:
            local = FIT_EPOCH + dt.timedelta(seconds=message.local_timestamp)
            offset = local - dt.datetime.fromtimestamp(message.timestamp / 1000, dt.UTC)
        if not isinstance(message, SetMessage) or message.set_type != ACTIVE:
            continue
        if message.start_time:
            starts.append(message.start_time)
        if message.timestamp:
            ends.append(message.timestamp)
        sets.append(_watch_set(message, where, len(sets) + 1))
    if not sets:
        raise InputError(where, "", "has no active set: not a strength activity")
    if len(sets) > MAX_SETS_A_WORKOUT:
        raise InputError(where, "", f"has more than {MAX_SETS_A_WORKOUT} sets")
    if not starts:
        return WatchWorkout(None, tuple(sets), None)
    first = dt.datetime.fromtimestamp(min(starts) / 1000, dt.UTC) + offset
    minutes = round((max(ends) - min(starts)) / 60_000) if ends else None
    if minutes is not None and not 0 <= minutes <= MAX_SESSION_MINUTES * 4:
        minutes = None  # a watch's clock gone wrong: the sets are kept without a length
    return WatchWorkout(first.date(), tuple(sets), minutes)


def _watch_set(message: SetMessage, where: str, number: int) -> WatchSet:
    reps = message.repetitions or None
    kg = round(message.weight, 3) if message.weight else None
    if reps is not None and reps > MAX_REPS * 10:
        raise InputError(where, f"set {number}", f"{reps} repetitions: more than any one set")
    if kg is not None and kg > MAX_KG:
        raise InputError(where, f"set {number}", f"{kg:g} kg: heavier than any lift")
    seconds = round(message.duration) if message.duration and reps is None else None
    category = message.category[0] if message.category else None
    name = message.category_subtype[0] if message.category_subtype else None
    return WatchSet(reps, kg, seconds, category, name)


def app_sets(
    workout: WatchWorkout, day: dt.date, library: ExerciseLibrary, planned: tuple[str, ...]
) -> list[AppSet]:
    """The workout's sets for the log, each named by the slug its FIT ids stand for: of the
    library's exercises with those very ids (several may share them), the one planned that day
    first, else the library's first; ids no exercise has are kept as custom exercises named by
    their FIT names ("squat: 999" where the profile has no such name)."""
    by_ids: dict[tuple[int, int | None], list[str]] = {}
    for ex in library:
        by_ids.setdefault((ex.fit.category_id, ex.fit.name_id), []).append(ex.slug)
    out = []
    for s in workout.sets:
        category = -1 if s.category is None else s.category
        found = by_ids.get((category, s.name))
        if found:
            name = next((slug for slug in found if slug in planned), found[0])
        else:
            name = fit_exercise_name(s.category, s.name)
        out.append(
            AppSet(day, name, s.reps, s.kg, s.seconds, None, False, "watch", workout.minutes)
        )
    return out


def fit_exercise_name(category: int | None, name: int | None) -> str:
    """An exercise's FIT profile names ("squat: barbell_back_squat"), ids where not known."""
    from runstrong.library.fit_profile import fit_profile

    profile = fit_profile()
    categories = {v: k for k, v in profile.category_ids.items()}
    cat = categories.get(category if category is not None else -1, f"category {category}")
    names = {(c, i): n for (c, n), i in profile.name_ids.items()}
    return f"{cat}: {names.get((cat, name if name is not None else -1), name)}"
