"""Strong's CSV export -> sets of the training log (docs/formats.md, "Imports").

Two header variants are read. Strong's current export, comma-separated, gives no unit (the
loads are in the unit set in the app: `--unit`, else the athlete's units):

    Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,
    Workout Notes,RPE

Its older export, semicolon-separated, gives each row's unit (kg or lbs):

    Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;
    Distance Unit;Seconds;Notes;Workout Notes;Workout Duration

Set Order is the set's number, or W for a warm-up (read, not logged), D for a drop set, F for a
set to failure (0 reps in reserve when no RPE is given). Distance is not kept.
"""

from __future__ import annotations

from pathlib import Path

from runstrong.domain.errors import InputError
from runstrong.domain.log_import import AppSet
from runstrong.domain.training_log import KG_PER_LB, Units
from runstrong.imports.app_csv import AppCsv, Row

REQUIRED = ("Date", "Exercise Name", "Weight", "Reps")
WARM_UP, FAILURE = "W", "F"
ROW_UNITS = {"kg": 1.0, "kgs": 1.0, "lb": KG_PER_LB, "lbs": KG_PER_LB}


def read_strong(path: Path, unit: Units, unit_given: bool) -> list[AppSet]:
    """Every set of the file, loads in kilograms: in `unit` where the file gives none."""
    found = AppCsv(path, REQUIRED)
    if "Weight Unit" in found.columns and unit_given:
        raise InputError("--unit", "", f"{path} gives each set's unit (column 'Weight Unit')")
    default = 1.0 if unit is Units.KG else KG_PER_LB
    return [_set(found, row, default) for row in found.rows]


def _set(found: AppCsv, row: Row, default_kg_per_unit: float) -> AppSet:
    order = found.text(row, "Set Order").upper()
    kg_per_unit = default_kg_per_unit
    if "Weight Unit" in found.columns and found.text(row, "Weight"):
        given = found.text(row, "Weight Unit").casefold()
        if given not in ROW_UNITS:
            raise found.error(row, "Weight Unit", f"{given!r} is not kg or lbs")
        kg_per_unit = ROW_UNITS[given]
    rir = found.rir(row, "RPE")
    if order == FAILURE and rir is None:
        rir = 0
    duration = "Duration" if "Duration" in found.columns else "Workout Duration"
    return AppSet(
        day=found.day(row, "Date"),
        name=found.name(row, "Exercise Name"),
        reps=found.reps(row, "Reps"),
        kg=found.kg(row, "Weight", kg_per_unit),
        seconds=found.seconds(row, "Seconds"),
        rir=rir,
        warm_up=order == WARM_UP,
        workout=found.text(row, "Workout Name") or None,
        minutes=found.minutes(row, duration),
    )
