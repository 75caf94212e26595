"""Reading recorded activities: FIT, GPX and TCX files (gzipped too), folders of them, and a
Strava bulk export (its activities.csv and the files it names, as a folder or its zip).

Every file read gives activities or one rejection line (where, why); a bad file never stops the
others. Nothing here checks whether an activity is a run runstrong keeps
(domain.activity.activity_problem): the import service does, with its clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from runstrong.domain.activity import Activity


@dataclass(frozen=True, slots=True)
class Rejected:
    """A file, or an activity in one, that was not imported, and why."""

    where: str
    reason: str


@dataclass(slots=True)
class Found:
    activities: list[Activity] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def extend(self, other: Found) -> None:
        self.activities.extend(other.activities)
        self.rejected.extend(other.rejected)


class ActivityFileError(ValueError):
    """A file that cannot be read as an activity: the reason, in a few words."""


def read_paths(paths: Sequence[Path]) -> Found:
    """Every activity in `paths`: files, folders (all their activity files, a Strava export's
    activities.csv and what it names) and Strava export zips."""
    from runstrong.imports.activities.files import read_folder, read_one
    from runstrong.imports.activities.strava import read_strava_zip

    found = Found()
    for path in paths:
        if path.is_dir():
            found.extend(read_folder(path))
        elif path.suffix.lower() == ".zip":
            found.extend(read_strava_zip(path))
        elif not path.exists():
            found.rejected.append(Rejected(str(path), "no such file or folder"))
        else:
            found.extend(read_one(path))
    return found
