"""Plan -> CSV: one row per planned set (per side for one-sided work), for spreadsheets and logs.

Columns are fixed (`COLUMNS`); empty cells mean "not prescribed". A per-side exercise gets a row
for the left and one for the right in each set, in that order; bilateral work leaves `side` empty.
Loads are resolved to kilograms from the athlete's maxes and equipment (`domain.loads`), as in the
JSON export. UTF-8 without a byte-order mark, "\\n" line endings, the same bytes for the same plan.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.loads import resolve_load
from runstrong.domain.plan import Plan, Prescription, Session, Week

COLUMNS: tuple[str, ...] = (
    "date",
    "time",
    "week",
    "phase",
    "session",
    "exercise_slug",
    "exercise",
    "set_number",
    "reps",
    "seconds",
    "contacts",
    "side",
    "load_kg",
    "percent_1rm",
    "rir",
    "tempo",
    "rest_s",
)
SIDES: tuple[str, ...] = ("left", "right")

Cell = str | int | None


def export_csv(plan: Plan, athlete: Athlete, library: ExerciseLibrary) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(
        ["" if cell is None else cell for cell in row] for row in _rows(plan, athlete, library)
    )
    return buffer.getvalue().encode("utf-8")


def _rows(plan: Plan, athlete: Athlete, library: ExerciseLibrary) -> Iterator[list[Cell]]:
    for week in plan.weeks:
        for session in week.sessions:
            for p in session.exercises:
                yield from _set_rows(week, session, p, athlete, library)


def _set_rows(
    week: Week, session: Session, p: Prescription, athlete: Athlete, library: ExerciseLibrary
) -> Iterator[list[Cell]]:
    load = resolve_load(p, library.get(p.slug), athlete.one_rep_max_kg, athlete.equipment)
    sides = SIDES if p.per_side else ("",)
    for set_number in range(1, p.sets + 1):
        for side in sides:
            yield [
                session.date.isoformat(),
                session.time.strftime("%H:%M"),
                week.index,
                str(week.phase),
                session.title,
                p.slug,
                p.name,
                set_number,
                p.reps,
                p.seconds,
                p.contacts,
                side,
                _kg(load.load_kg),
                p.percent_1rm,
                p.rir,
                p.tempo,
                p.rest_s,
            ]


def _kg(value: float | None) -> str | None:
    """Kilograms without float noise: 22.5 -> "22.5", 40.0 -> "40", 113.75 -> "113.75"."""
    if value is None:
        return None
    return f"{value:.2f}".rstrip("0").rstrip(".")
