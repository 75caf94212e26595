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

A stored athlete's plan (`options.outcomes`) adds `LOG_COLUMNS`: the session's id, planned day and
outcome, and the logged set paired with the row (export.beside_log); logged sets the plan has no
row for follow their session's rows, with the planned cells empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence

from runstrong.domain.lived_plan import SessionOutcome
from runstrong.domain.plan import Prescription, Session, Week
from runstrong.domain.training_log import SetLog
from runstrong.export.beside_log import pair_sets
from runstrong.export.exporter import ExportOptions
from runstrong.export.plan_json import dose_fields
from runstrong.render.resolved import ResolvedExercise, ResolvedPlan, ResolvedSession

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
LOG_COLUMNS: tuple[str, ...] = (
    "session_id",
    "planned_date",
    "outcome",
    "done_side",
    "done_reps",
    "done_kg",
    "done_seconds",
    "done_contacts",
    "done_rir",
)
SIDES: tuple[str, ...] = ("left", "right")

Cell = str | int | None


def export(resolved: ResolvedPlan, options: ExportOptions) -> bytes:
    """The `Exporter` of CSV files (export.exporter)."""
    return export_csv(resolved, options.outcomes)


def export_csv(
    resolved: ResolvedPlan, outcomes: Mapping[str, SessionOutcome] | None = None
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    rows = _rows(resolved) if outcomes is None else _rows_beside_log(resolved, outcomes)
    writer.writerow(COLUMNS if outcomes is None else COLUMNS + LOG_COLUMNS)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _rows_beside_log(
    resolved: ResolvedPlan, outcomes: Mapping[str, SessionOutcome]
) -> Iterator[list[Cell]]:
    """The plan's rows, each with its session's outcome and its paired logged set, and after a
    session's rows the sets logged for it that the plan has no row for."""
    slug_at, side_at = COLUMNS.index("exercise_slug"), COLUMNS.index("side")
    for resolved_week in resolved.weeks:
        for resolved_session in resolved_week.sessions:
            session = resolved_session.session
            rows = list(_session_rows(resolved_week.week, resolved_session))
            outcome = outcomes.get(session.id)
            done = () if outcome is None or outcome.done is None else outcome.done.sets
            planned = [(str(r[slug_at]), str(r[side_at] or "")) for r in rows]
            paired, left_over = pair_sets(planned, done)
            head: list[Cell] = [
                session.id,
                session.date.isoformat() if outcome is None else outcome.planned_on.isoformat(),
                "planned" if outcome is None else str(outcome.outcome),
            ]
            for row, logged in zip(rows, paired, strict=True):
                yield [*row, *head, *_done_cells(logged)]
            for logged in left_over:
                extra: list[Cell] = _session_cells(resolved_week.week, session)
                extra += [None] * (len(COLUMNS) - len(extra))
                extra[slug_at] = logged.slug
                yield [*extra, *head, *_done_cells(logged)]


def _done_cells(logged: SetLog | None) -> list[Cell]:
    if logged is None:
        return [None] * (len(LOG_COLUMNS) - 3)
    kg = None if logged.kg is None else _kg(logged.kg)
    return [
        str(logged.side), logged.reps, kg, logged.seconds, logged.contacts, logged.rir,
    ]  # fmt: skip


def _rows(resolved: ResolvedPlan) -> Iterator[list[Cell]]:
    for resolved_week in resolved.weeks:
        for resolved_session in resolved_week.sessions:
            yield from _session_rows(resolved_week.week, resolved_session)


def _session_cells(week: Week, session: Session) -> list[Cell]:
    """The cells a session's rows begin with: date to session title."""
    return [
        session.date.isoformat(),
        session.time.strftime("%H:%M"),
        week.index,
        str(week.phase),
        "true" if week.deload else "false",
        session.title,
    ]


def _session_rows(week: Week, resolved_session: ResolvedSession) -> Iterator[list[Cell]]:
    session = resolved_session.session
    exercises = session.exercises
    doses = [dose_fields(p.dose) for p in exercises]
    lead = _session_cells(week, session)
    for i, set_number, side, rest_s in _sets_in_order(exercises):
        p, dose, x = exercises[i], doses[i], resolved_session.exercises[i]
        yield [
            *lead,
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
