"""The plan as a terminal calendar: one table per week, a row per session."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runstrong.domain.messages import Reason
from runstrong.domain.plan import Session
from runstrong.render.dose_text import HOW_TO_READ, dose_text, weeks_text
from runstrong.render.messages import cited, text
from runstrong.render.resolved import ResolvedPlan, ResolvedSession, ResolvedWeek

NOTE_INDENT = 3  # columns: an exercise's notes, dim, under its dose

PHASE_STYLE = {
    "base": "blue",
    "build": "magenta",
    "peak": "red",
    "taper": "yellow",
    "recovery": "green",
    "maintenance": "cyan",
    "transition": "white",
}


def print_plan(console: Console, resolved: ResolvedPlan) -> None:
    plan, athlete = resolved.plan, resolved.athlete
    races = "; ".join(f"{r.name} {r.date:%d %b %Y} ({r.priority})" for r in athlete.races)
    console.print(
        f"[bold]Strength plan for {plan.athlete}[/]: {plan.start:%a %d %b %Y} to "
        f"{plan.end:%a %d %b %Y}, {weeks_text(len(plan.weeks))}"
        + (f". Races: {races}" if races else "")
    )
    console.print(HOW_TO_READ, style="dim", markup=False)
    for warning in plan.warnings:
        console.print(f"! {cited(warning)}", style="yellow", markup=False)
    for week in resolved.weeks:
        console.print(_week(week))


def _week(resolved: ResolvedWeek) -> Panel:
    week = resolved.week
    style = PHASE_STYLE.get(str(week.phase), "white")
    title = f"Week {week.index} · {week.start:%d %b} · {str(week.phase).upper()}"
    if week.deload:
        title += " · DELOAD"
    parts: list[Text | Table] = [Text(week.goal, style="italic")]
    parts += [Text(f"• {cited(n)}") for n in week.notes]
    if week.sessions:
        table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
        table.add_column("When", width=14)
        table.add_column("Session", ratio=3)
        table.add_column("Why this day", ratio=2)
        for s in resolved.sessions:
            table.add_row(*_row(s))
        parts.append(table)
    else:
        parts.append(Text("No strength this week."))
    return Panel(Group(*parts), title=title, title_align="left", border_style=style)


def _row(resolved: ResolvedSession) -> tuple[Text, Group, Text]:
    """The session's exercises, each with its dose and, dim and indented under it, its notes (a
    swap for a niggle, a load the kit cannot reach: what the printed plan says); a note every
    exercise shares (a deload's cut) is said once, under them all."""
    s = resolved.session
    when = Text(f"{s.date:%a %d %b}\n{s.time:%H:%M}\n~{s.est_minutes} min")
    lines: list[Text | Padding] = [Text(s.title, style="bold")]
    shared = shared_notes(s)
    for x in resolved.exercises:
        p = x.prescription
        line = Text(f"{x.label}. {p.name}: ", style="bold")
        note = text(x.load_note) if x.load_note else None
        line.append(dose_text(p, x.load_kg, x.rest_text, note, x.load_estimated), style="not bold")
        lines.append(line)
        if own := [cited(n) for n in p.notes if n not in shared]:
            lines.append(Padding(Text("; ".join(own), style="dim"), (0, 0, 0, NOTE_INDENT)))
    if shared:
        every = "; ".join(cited(n) for n in shared)
        lines.append(Text(f"Every exercise: {every}", style="dim"))
    why = Text("\n".join(cited(r) for r in s.reasons))
    for w in s.warnings:
        why.append("\n! " + cited(w), style="yellow")
    return when, Group(*lines), why


def shared_notes(s: Session) -> list[Reason]:
    """The notes every exercise of a session has (two or more exercises), in the first's order."""
    notes = [p.notes for p in s.exercises]
    if len(notes) < 2:
        return []
    return [n for n in notes[0] if all(n in other for other in notes[1:])]
