"""A Strava bulk export ("Download or delete your account"): activities.csv, one row an
activity, and the files its Filename column names (activities/123.fit.gz, .gpx, .tcx.gz ...),
as the unpacked folder or the zip itself.

A row with a file is read from the file, its type from the row (a "Ride" is not a run, whatever
the file says). A row without a file (an activity typed in by hand) is taken from the row: start,
elapsed time, distance, heart rate, power and elevation gain where the columns are filled.
Every row's Perceived Exertion, where the athlete gave one, is the run's session RPE.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from runstrong.domain.activity import MAX_RPE, Activity, ActivitySource
from runstrong.imports.activities import ActivityFileError, Found, Rejected
from runstrong.imports.activities.files import MAX_FILE_BYTES, read_bytes

CSV_NAME = "activities.csv"
DATE_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%d %b %Y, %H:%M:%S")
STRAVA_SPORTS = {"run": "running", "trail run": "trail_running", "virtual run": "virtual run"}
MAX_ROWS = 100_000
Opener = Callable[[str], bytes]


def read_strava_folder(folder: Path) -> Found:
    def opener(name: str) -> bytes:
        path = folder / name
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ActivityFileError(f"is larger than {MAX_FILE_BYTES // 2**20} MB")
        return path.read_bytes()

    return read_export(opener, str(folder))


def read_strava_zip(path: Path) -> Found:
    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            prefix = _csv_prefix(names)
            if prefix is None:
                return Found(rejected=[Rejected(where, f"is a zip without {CSV_NAME}")])

            def opener(name: str) -> bytes:
                info = archive.getinfo(prefix + name)
                if info.file_size > MAX_FILE_BYTES:
                    raise ActivityFileError(f"is larger than {MAX_FILE_BYTES // 2**20} MB")
                return archive.read(info)

            return read_export(opener, where)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as err:
        return Found(rejected=[Rejected(where, f"is not a readable zip ({err})")])
    except OSError as err:
        return Found(rejected=[Rejected(where, f"cannot be read ({err.strerror or err})")])


def _csv_prefix(names: set[str]) -> str | None:
    """The folder in the zip that holds activities.csv ('' at the top), or None."""
    found = sorted((n for n in names if n.rsplit("/", 1)[-1] == CSV_NAME), key=len)
    return found[0][: -len(CSV_NAME)] if found else None


def read_export(opener: Opener, where: str) -> Found:
    try:
        text = opener(CSV_NAME).decode("utf-8-sig", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile, EOFError, ActivityFileError) as err:
        return Found(rejected=[Rejected(f"{where}/{CSV_NAME}", f"cannot be read ({err})")])
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or "Activity Date" not in rows[0] or "Activity Type" not in rows[0]:
        return Found(rejected=[Rejected(f"{where}/{CSV_NAME}", "is not a Strava activities.csv")])
    header = rows[0]
    column = {name: header.index(name) for name in reversed(header)}  # first of duplicates
    metres_column = _last_index(header, "Distance")  # the second Distance is in metres
    found = Found()
    for n, row in enumerate(rows[1 : MAX_ROWS + 1], 2):

        def cell(name: str, row: list[str] = row) -> str:
            i = column.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        place = f"{where}/{CSV_NAME} line {n}"
        try:
            activity = _row_activity(cell, row, metres_column, place, opener)
        except ActivityFileError as err:
            found.rejected.append(Rejected(place, str(err)))
        except (KeyError, OSError, zipfile.BadZipFile, EOFError) as err:
            found.rejected.append(Rejected(place, f"its file cannot be read ({err})"))
        else:
            found.activities.append(activity)
    if len(rows) > MAX_ROWS + 1:
        found.rejected.append(Rejected(where, f"has more than {MAX_ROWS} rows: the rest left out"))
    return found


def _row_activity(
    cell: Callable[[str], str], row: list[str], metres_column: int, place: str, opener: Opener
) -> Activity:
    kind = cell("Activity Type").lower()
    sport = STRAVA_SPORTS.get(kind, kind)
    filename = cell("Filename")
    if filename:
        place = f"{place} ({filename})"
        activity = read_bytes(opener(filename), filename, place, ActivitySource.STRAVA)
        from dataclasses import replace

        return replace(
            activity, sport=sport, name=cell("Activity Name") or activity.name,
            rpe=perceived_exertion(cell("Perceived Exertion")),
        )  # fmt: skip
    start = strava_time(cell("Activity Date"))
    seconds = _number(cell("Elapsed Time"))
    if seconds is None:
        raise ActivityFileError("has no Elapsed Time")
    metres = _number(row[metres_column]) if 0 <= metres_column < len(row) else None
    km = _number(cell("Distance"))
    return Activity(
        start=start,
        seconds=seconds,
        sport=sport,
        source=ActivitySource.STRAVA,
        source_name=place,
        meters=metres if metres is not None else (None if km is None else km * 1000),
        avg_hr=_number(cell("Average Heart Rate")),
        max_hr=_number(cell("Max Heart Rate")),
        avg_power_w=_number(cell("Average Watts")),
        ascent_m=_number(cell("Elevation Gain")),
        name=cell("Activity Name") or None,
        rpe=perceived_exertion(cell("Perceived Exertion")),
    )


def perceived_exertion(text: str) -> int | None:
    """Strava's Perceived Exertion (1-10, the athlete's own rating) as a CR-10 session RPE;
    None where the cell is empty."""
    value = _number(text)
    if value is None:
        return None
    if not 0 <= value <= MAX_RPE or value != int(value):
        raise ActivityFileError(f"has Perceived Exertion {text!r}: not a whole number 0-{MAX_RPE}")
    return int(value)


def strava_time(text: str) -> datetime:
    """The Activity Date column, in UTC as Strava writes it ("Jan 5, 2026, 7:01:02 AM")."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise ActivityFileError(f"has {text[:40]!r} as its Activity Date, not a time")


def _number(text: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise ActivityFileError(f"has {text[:30]!r} where a number belongs") from None
    return value if value == value and abs(value) != float("inf") else None


def _last_index(header: list[str], name: str) -> int:
    found = [i for i, h in enumerate(header) if h == name]
    return found[-1] if len(found) > 1 else -1
