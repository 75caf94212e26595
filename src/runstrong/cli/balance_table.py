"""A week's balance report for the terminal: notes and flags, then sets per muscle and pattern."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from runstrong.domain.balance import BalanceReport

if TYPE_CHECKING:
    from runstrong.services import WeekDone


def print_report(console: Console, report: BalanceReport, done: WeekDone | None = None) -> None:
    """The report; with `done` (a stored athlete's week) the sets done beside the planned."""
    console.print(f"[bold]Week {report.week_index}[/] ({report.phase})")
    if done is not None:
        said = ", ".join(f"{sid.rsplit('/', 1)[-1]} {o}" for sid, o in done.outcomes)
        console.print(f"  Sessions by the log: {said or 'none'}.")
    for note in report.notes:
        console.print(f"  {note}")
    for flag in report.flags:
        console.print(f"[yellow]! {flag}[/]")
    if not report.flags and not report.light:
        console.print("[green]No gaps: every category runners need is trained this week.[/]")
    table = Table(title="Weighted sets per muscle (per side)")
    columns = ("muscle", "sets", "done", "runner band", "status")
    for col in columns if done is not None else tuple(c for c in columns if c != "done"):
        table.add_column(col)
    groups = {g.name: g for g in report.groups}
    for m in report.muscles:
        band = f"{m.band[0]:g}-{m.band[1]:g}" if m.band else ""
        status = str(m.status or "")
        if m.group is not None:  # judged with its group, by the group's most loaded member
            status += f" ({m.group} {groups[m.group].load:.1f})"
        done_cell = () if done is None else (f"{done.muscles.get(str(m.muscle), 0.0):.1f}",)
        table.add_row(str(m.muscle), f"{m.load:.1f}", *done_cell, band, status)
    console.print(table)
    patterns = Table(title="Movement patterns (sets)")
    patterns.add_column("pattern")
    patterns.add_column("sets")
    for group, sets in report.pattern_sets:
        patterns.add_row(str(group), f"{sets:g}")
    console.print(patterns)
    straight, bent = report.straight_knee_calf_sets, report.bent_knee_calf_sets
    calf = f"straight knee {straight:g}, bent knee {bent:g}"
    console.print(f"Calf sets: {calf}. Plyometric contacts: {report.plyo_contacts}.")
    if report.single_leg_share is not None:
        console.print(f"Single-leg share of leg sets: {report.single_leg_share:.0%}.")
