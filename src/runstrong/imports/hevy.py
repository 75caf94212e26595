"""Hevy's CSV export -> sets of the training log (docs/formats.md, "Imports").

The header names its units: loads in `weight_kg` or `weight_lbs`, distances in `distance_km` or
`distance_miles` (not kept):

    title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
    set_type,weight_kg,reps,distance_km,duration_seconds,rpe

Times are written "26 Aug 2023, 07:34" (or ISO, 2023-08-26 07:34:00); the workout's minutes are
from start_time to end_time. set_type is normal, warmup (read, not logged), dropset or failure
(0 reps in reserve when no RPE is given).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from runstrong.domain.errors import InputError
from runstrong.domain.log_import import AppSet
from runstrong.domain.rules import MAX_SESSION_MINUTES
from runstrong.domain.training_log import KG_PER_LB, Units
from runstrong.imports.app_csv import AppCsv, Row

REQUIRED = ("title", "start_time", "exercise_title", "set_type", "reps")
WEIGHT_COLUMNS = {"weight_kg": 1.0, "weight_lbs": KG_PER_LB}
SET_TYPES = ("normal", "warmup", "dropset", "failure")
_TIME_FORMATS = ("%d %b %Y, %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")


def read_hevy(path: Path, unit: Units, unit_given: bool) -> list[AppSet]:
    """Every set of the file, loads in kilograms as its header says."""
    found = AppCsv(path, REQUIRED)
    weights = [c for c in WEIGHT_COLUMNS if c in found.columns]
    if len(weights) != 1:
        raise InputError(str(path), "line 1", "needs one column weight_kg or weight_lbs")
    column = weights[0]
    if unit_given and WEIGHT_COLUMNS[column] != (1.0 if unit is Units.KG else KG_PER_LB):
        raise InputError("--unit", "", f"{unit}, but {path} gives its loads in {column}")
    return [_set(found, row, column) for row in found.rows]


def _set(found: AppCsv, row: Row, weight: str) -> AppSet:
    kind = found.text(row, "set_type").casefold() or "normal"
    if kind not in SET_TYPES:
        raise found.error(row, "set_type", f"{kind!r} is not one of {', '.join(SET_TYPES)}")
    rir = found.rir(row, "rpe")
    if kind == "failure" and rir is None:
        rir = 0
    return AppSet(
        day=found.day(row, "start_time"),
        name=found.name(row, "exercise_title"),
        reps=found.reps(row, "reps"),
        kg=found.kg(row, weight, WEIGHT_COLUMNS[weight]),
        seconds=found.seconds(row, "duration_seconds"),
        rir=rir,
        warm_up=kind == "warmup",
        workout=found.text(row, "title") or None,
        minutes=_minutes(found.text(row, "start_time"), found.text(row, "end_time")),
    )


def _minutes(start: str, end: str) -> int | None:
    """The minutes from start to end, if both are times Hevy writes and in order, else None
    (the length is a note; a day's sets are kept without it)."""
    first, last = _time(start), _time(end)
    if first is None or last is None or last < first:
        return None
    minutes = round((last - first).total_seconds() / 60)
    return minutes if minutes <= MAX_SESSION_MINUTES * 4 else None


def _time(value: str) -> dt.datetime | None:
    for fmt in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None
