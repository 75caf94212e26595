"""Plan -> CSV: one row per planned set (per side for one-sided work), for spreadsheets and logs.

Columns are fixed (`COLUMNS`); empty cells mean "not prescribed". A per-side exercise gets a row
for the left and one for the right in each set, in that order; bilateral work leaves `side` empty.
Rows come in the order the sets are done, as the FIT workout runs them: a superset's members
alternate, one set each per round, and a member with more sets does the rest alone after the
rounds they share. `position` is the printed plan's label (A, B1, B2, C ...). `rest_s` is the
rest taken after the row: 0 before going straight on (to the right side, or to the superset
partner), and after a superset round the longer rest of the members in it, as the printed plan
says (`render.dose_text.rest_texts`). `deload` is "true" or "false". Loads are in kilograms
from the athlete's maxes and equipment, as in the JSON export (`render.resolved`).
UTF-8 without a byte-order mark, "\\n" line endings, the same bytes for the same plan.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from runstrong.domain.plan import Prescription
from runstrong.export.exporter import ExportOptions
from runstrong.export.plan_json import dose_fields
from runstrong.render.resolved import ResolvedExercise, ResolvedPlan

COLUMNS: tuple[str, ...] = (
    "date",
    "time",
    "week",
    "phase",
    "deload",
    "session",
    "position",
    "exercise_slug",
    "exercise",
    "set_number",
    "reps",
    "seconds",
    "contacts",
    "side",
    "load_kg",
    "load_estimated",
    "percent_1rm",
    "rir",
    "tempo",
    "rest_s",
)
SIDES: tuple[str, ...] = ("left", "right")

Cell = str | int | None


def export(resolved: ResolvedPlan, options: ExportOptions) -> bytes:
    """The `Exporter` of CSV files (export.exporter)."""
    return export_csv(resolved)


def export_csv(resolved: ResolvedPlan) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(["" if cell is None else cell for cell in row] for row in _rows(resolved))
    return buffer.getvalue().encode("utf-8")


def _rows(resolved: ResolvedPlan) -> Iterator[list[Cell]]:
    for resolved_week in resolved.weeks:
        week = resolved_week.week
        for resolved_session in resolved_week.sessions:
            session = resolved_session.session
            exercises = session.exercises
            doses = [dose_fields(p.dose) for p in exercises]
            for i, set_number, side, rest_s in _sets_in_order(exercises):
                p, dose, x = exercises[i], doses[i], resolved_session.exercises[i]
                yield [
                    session.date.isoformat(),
                    session.time.strftime("%H:%M"),
                    week.index,
                    str(week.phase),
                    "true" if week.deload else "false",
                    session.title,
                    x.label,
                    p.slug,
                    p.name,
                    set_number,
                    dose.reps,
                    dose.seconds,
                    dose.contacts,
                    side,
                    _kg(x.load_kg),
                    _estimated(x),
                    dose.percent_1rm,
                    dose.rir,
                    p.tempo,
                    rest_s,
                ]


def _sets_in_order(exercises: Sequence[Prescription]) -> Iterator[tuple[int, int, str, int]]:
    """(exercise index, set number, side, rest after) for every row, in the order done.

    In round r of a group (a single exercise, or a superset's consecutive members) every member
    with at least r sets does set r, in plan order; the round ends with the longest rest of
    those members, and nothing else is followed by a rest."""
    for group in _groups(exercises):
        for set_number in range(1, max(exercises[i].sets for i in group) + 1):
            active = [i for i in group if exercises[i].sets >= set_number]
            round_rest = max(exercises[i].rest_s for i in active)
            for i in active:
                sides = SIDES if exercises[i].per_side else ("",)
                for side in sides:
                    ends_round = i == active[-1] and side == sides[-1]
                    yield i, set_number, side, round_rest if ends_round else 0


def _groups(exercises: Sequence[Prescription]) -> list[list[int]]:
    """Indexes of the exercises done together: a single, or a superset's consecutive members."""
    groups: list[list[int]] = []
    for i, p in enumerate(exercises):
        if groups and p.superset is not None and exercises[i - 1].superset == p.superset:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _estimated(x: ResolvedExercise) -> str | None:
    """ "true" for a load we estimated (no known max), "false" for one from a max; empty
    without a load."""
    if x.load_kg is None:
        return None
    return "true" if x.load_estimated else "false"


def _kg(value: float | None) -> str | None:
    """Kilograms without float noise: 22.5 -> "22.5", 40.0 -> "40", 113.75 -> "113.75"."""
    if value is None:
        return None
    return f"{value:.2f}".rstrip("0").rstrip(".")
