"""`runstrong heatmap` and `runstrong balance`: what a session, week or block trains."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from html import escape
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from runstrong import services
from runstrong.cli.options import ExerciseDirs, TableOrJson
from runstrong.cli.plan_cmd import parse_date
from runstrong.domain.balance import BalanceReport
from runstrong.domain.errors import InputError
from runstrong.output import write_output

SourceArg = Annotated[
    Path,
    typer.Argument(
        metavar="SOURCE", help="A profile, a saved plan JSON or a workout file.", dir_okay=False
    ),
]


class Layer(StrEnum):
    STRENGTH = "strength"
    RUNNING = "running"
    BOTH = "both"


def heatmap(
    source: SourceArg,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="FILE", help="The picture: .svg, .png or .html."),
    ],
    week: Annotated[
        int | None, typer.Option("--week", metavar="N", min=1, help="One week.")
    ] = None,
    session: Annotated[
        str | None,
        typer.Option("--session", metavar="DATE", help="One session's day (YYYY-MM-DD)."),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="First day of a range.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="Last day of a range.")
    ] = None,
    layer: Annotated[Layer, typer.Option("--layer", help="What to show.")] = Layer.STRENGTH,
    exercises: ExerciseDirs = None,
) -> None:
    """A muscle heat map of a week (default: week 1), a session or a date range.

    Example: runstrong heatmap examples/alex-marathon.toml --week 3 --layer both -o week3.png
    """
    suffix = output.suffix.lower()
    if suffix not in (".svg", ".png", ".html"):
        raise InputError(str(output), "", "must end in .svg, .png or .html")
    if week is not None and (session or from_ or to):
        raise InputError("--week", "", "choose one of --week, --session or --from/--to")
    result = services.open_plan(source, today=_today(), extra_dirs=exercises or [])
    span = services.Span(
        week=week,
        session=parse_date(session, "--session"),
        start=parse_date(from_, "--from"),
        end=parse_date(to, "--to"),
    )
    svg = services.heatmap_svg(result, span, str(layer), str(source))
    if suffix == ".svg":
        data = svg.encode("utf-8")
    elif suffix == ".png":
        from runstrong.render.heatmap import svg_to_png

        data = svg_to_png(svg)
    else:
        data = _html_page(svg).encode("utf-8")
    write_output(output, data)
    print(f"wrote {output}", file=sys.stderr)


def balance(
    source: SourceArg,
    week: Annotated[int, typer.Option("--week", metavar="N", min=1, help="Which week.")] = 1,
    format_: Annotated[
        TableOrJson, typer.Option("--format", help="Output format.")
    ] = TableOrJson.TABLE,
    exercises: ExerciseDirs = None,
) -> None:
    """A week's balance: sets per muscle against runner bands, patterns, and gaps.

    Example: runstrong balance examples/alex-marathon.toml --week 2
    """
    result = services.open_plan(source, today=_today(), extra_dirs=exercises or [])
    report = services.balance(result, week, str(source))
    if format_ is TableOrJson.JSON:
        typer.echo(json.dumps(report_to_dict(report), indent=2))
        return
    _print_report(Console(), report)


def report_to_dict(report: BalanceReport) -> dict[str, Any]:
    return {
        "week": report.week_index,
        "phase": str(report.phase),
        "light": report.light,
        "flags": list(report.flags),
        "notes": list(report.notes),
        "muscles": [
            {
                "muscle": str(m.muscle),
                "weighted_sets": round(m.load, 2),
                "band": list(m.band) if m.band else None,
                "status": str(m.status) if m.status else None,
            }
            for m in report.muscles
        ],
        "patterns": {str(g): round(v, 2) for g, v in report.pattern_sets},
        "calf_sets": {
            "straight_knee": report.straight_knee_calf_sets,
            "bent_knee": report.bent_knee_calf_sets,
        },
        "plyo_contacts": report.plyo_contacts,
        "single_leg_share": report.single_leg_share,
    }


def _print_report(console: Console, report: BalanceReport) -> None:
    console.print(f"[bold]Week {report.week_index}[/] ({report.phase})")
    for note in report.notes:
        console.print(f"  {note}")
    for flag in report.flags:
        console.print(f"[yellow]! {flag}[/]")
    if not report.flags and not report.light:
        console.print("[green]No gaps: every category runners need is trained this week.[/]")
    table = Table(title="Weighted sets per muscle (per side)")
    for col in ("muscle", "sets", "runner band", "status"):
        table.add_column(col)
    for m in report.muscles:
        band = f"{m.band[0]:g}-{m.band[1]:g}" if m.band else ""
        table.add_row(str(m.muscle), f"{m.load:.1f}", band, str(m.status or ""))
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


def _html_page(svg: str) -> str:
    title = escape(svg.split("<title>", 1)[1].split("</title>", 1)[0]) if "<title>" in svg else ""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body style="margin:0">{svg}</body></html>\n'
    )


def _today() -> Any:
    from datetime import date

    return date.today()
