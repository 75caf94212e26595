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
    """The day's session: each exercise's dose and load, where the load came from, and below
    it why the log changed what it changed."""
    from runstrong.render.messages import cited
    from runstrong.render.next_dose_view import shown

    s, units = found.session.session, found.athlete.units
    title = f"{found.athlete.handle}: {s.title}, {s.date:%a %d %b %Y} {s.time:%H:%M} ({s.id})"
    if found.log is not None:
        title += f", logged: {found.log.status}"
    table = Table(title=title, title_justify="left", caption_justify="left")
    for column in ("", "exercise", "dose", "effort", f"load ({units})", "from"):
        table.add_column(column)
    why = [cited(r) for r in found.from_log.signals]
    for x in found.session.exercises:
        view = shown(x, found.from_log.doses.get(x.id))
        p, nxt = view.prescription, view.next
        source = ""
        if nxt is not None and nxt.e1rm_kg is not None:
            source = f"log e1RM {round(units.from_kg(nxt.e1rm_kg), 1):g}"
        elif view.load_from is not None:
            source = "profile 1RM"
        load = "" if view.load_kg is None else f"{units.from_kg(view.load_kg):g}"
        table.add_row(x.label, p.name, amount(p), ", ".join(effort_parts(p)), load, source)
        why += [f"{x.label} {cited(r)}" for r in view.reasons if r not in found.from_log.signals]
    if why:
        table.caption = "\n".join(why)
    return table


def history_text(handle: str, rows: Sequence[HistoryRow], units: Units) -> str:
    """The history as plain columns, aligned: two years of sets (thousands of rows) in
    milliseconds, where a Rich table takes over a second."""
    header = ("date", "session", "exercise", "side", "reps", str(units), "s", "contacts", "RIR")
    lines = [(*header, f"e1RM ({units})")]
    for r in rows:
        s = r.logged.set
        lines.append((
            r.logged.date.isoformat(), r.logged.session_id, s.slug, str(s.side), _text(s.reps),
            _text(None if s.kg is None else units.from_kg(s.kg)), _text(s.seconds),
            _text(s.contacts), _text(s.rir),
            _text(None if r.e1rm_kg is None else round(units.from_kg(r.e1rm_kg), 1)),
        ))  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) + 1)]
    numeric = range(4, len(header) + 1)  # numbers right-aligned
    out = [f"{handle}: {len(rows)} set{'s' if len(rows) != 1 else ''}"]
    for n, line in enumerate(lines):
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
