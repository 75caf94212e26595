"""One activity file by its name's ending (.fit, .gpx, .tcx, each maybe .gz), and folders of
them."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from pathlib import Path

from runstrong.domain.activity import Activity, ActivitySource
from runstrong.imports.activities import ActivityFileError, Found, Rejected

MAX_FILE_BYTES = 64 * 1024 * 1024  # a day-long FIT with every second recorded is ~10 MB
Reader = Callable[[bytes, str, ActivitySource], Activity]


def reader_for(name: str) -> Reader | None:
    """The reader of a file name's ending (.gz stripped first), or None."""
    from runstrong.imports.activities.fit import read_fit
    from runstrong.imports.activities.gpx import read_gpx
    from runstrong.imports.activities.tcx import read_tcx

    lower = name.lower().removesuffix(".gz")
    readers: dict[str, Reader] = {".fit": read_fit, ".gpx": read_gpx, ".tcx": read_tcx}
    return next((r for end, r in readers.items() if lower.endswith(end)), None)


def source_of(name: str) -> ActivitySource:
    return ActivitySource(name.lower().removesuffix(".gz").rsplit(".", 1)[-1])


def decoded(data: bytes, name: str) -> bytes:
    """The file's bytes, unzipped if its name ends in .gz."""
    if not name.lower().endswith(".gz"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        raise ActivityFileError("is not a complete gzip file") from None


def read_bytes(
    data: bytes, name: str, where: str, source: ActivitySource | None = None
) -> Activity:
    """The activity of one file's bytes; ActivityFileError if it is none."""
    reader = reader_for(name)
    if reader is None:
        raise ActivityFileError("is not a .fit, .gpx or .tcx file")
    return reader(decoded(data, name), where, source or source_of(name))


def read_one(path: Path) -> Found:
    where = str(path)
    if reader_for(path.name) is None:
        return Found(rejected=[Rejected(where, "is not a .fit, .gpx or .tcx file")])
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ActivityFileError(f"is larger than {MAX_FILE_BYTES // 2**20} MB")
        return Found(activities=[read_bytes(path.read_bytes(), path.name, where)])
    except ActivityFileError as err:
        return Found(rejected=[Rejected(where, str(err))])
    except OSError as err:
        return Found(rejected=[Rejected(where, f"cannot be read ({err.strerror})")])


def read_folder(folder: Path) -> Found:
    """A Strava export if the folder holds activities.csv, else every activity file in it and
    its sub-folders, in name order."""
    from runstrong.imports.activities.strava import CSV_NAME, read_strava_folder

    if (folder / CSV_NAME).is_file():
        return read_strava_folder(folder)
    found = Found()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if reader_for(path.name) is not None:
            found.extend(read_one(path))
    return found
