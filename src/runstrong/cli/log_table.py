"""The day's session and the history of sets as Rich tables, loads in the athlete's units."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table

from runstrong.render.dose_text import amount, effort_parts

if TYPE_CHECKING:
    from runstrong.domain.training_log import HistoryRow, Units
    from runstrong.log_service import DaySession


def day_table(found: DaySession) -> Table:
    s, units = found.session.session, found.athlete.units
    title = f"{found.athlete.handle}: {s.title}, {s.date:%a %d %b %Y} {s.time:%H:%M} ({s.id})"
    if found.log is not None:
        title += f", logged: {found.log.status}"
    table = Table(title=title, title_justify="left")
    for column in ("", "exercise", "dose", "effort", f"load ({units})", "from"):
        table.add_column(column)
    for x in found.session.exercises:
        p = x.prescription
        from_log = found.from_log.get(x.id)
        load_kg = from_log.load_kg if from_log else x.load_kg
        source = ""
        if from_log:
            source = f"log e1RM {units.from_kg(from_log.e1rm_kg):g}"
        elif load_kg is not None:
            source = "profile 1RM"
        load = "" if load_kg is None else f"{units.from_kg(load_kg):g}"
        table.add_row(x.label, p.name, amount(p), ", ".join(effort_parts(p)), load, source)
    return table


def history_table(handle: str, rows: Sequence[HistoryRow], units: Units) -> Table:
    title = f"{handle}: {len(rows)} set{'s' if len(rows) != 1 else ''}"
    table = Table(title=title, title_justify="left")
    columns = ("date", "session", "exercise", "side", "reps", units.value, "s", "contacts")
    for column in (*columns, "RIR", f"e1RM ({units})"):
        table.add_column(column)
    for r in rows:
        s = r.logged.set
        table.add_row(
            r.logged.date.isoformat(), r.logged.session_id, s.slug, str(s.side),
            _text(s.reps), _text(None if s.kg is None else units.from_kg(s.kg)),
            _text(s.seconds), _text(s.contacts), _text(s.rir),
            _text(None if r.e1rm_kg is None else units.from_kg(r.e1rm_kg)),
        )  # fmt: skip
    return table


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
