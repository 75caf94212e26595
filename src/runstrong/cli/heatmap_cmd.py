"""`runstrong heatmap` and `runstrong balance`: what a session, week or block trains."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from runstrong.cli.base import Command
from runstrong.cli.options import (
    TABLE_OR_JSON,
    exercises_option,
    file_output_option,
    parse_date,
    resolve_format,
    table_or_json_option,
)
from runstrong.cli.sources import athlete_option
from runstrong.domain.errors import InputError

if TYPE_CHECKING:
    from runstrong.domain.balance import BalanceReport
    from runstrong.services import WeekDone

LAYERS = ("strength", "running", "both")

source_argument = click.argument(
    "source",
    metavar="[SOURCE]",
    required=False,
    type=click.Path(path_type=Path),  # a folder: one error line from the reader
    help="A profile, a saved plan JSON or a workout file (or --athlete HANDLE).",
)


@click.command("heatmap", cls=Command)
@source_argument
@athlete_option
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    required=True,
    type=click.Path(path_type=Path),
    help="The picture: .svg, .png or .html.",
)
@click.option(
    "--week", metavar="N", type=click.IntRange(min=1), help="One week (the default: week 1)."
)
@click.option("--session", metavar="DATE", help="Or one session, by its day (YYYY-MM-DD).")
@click.option("--from", "from_", metavar="DATE", help="Or a range of days: the first...")
@click.option("--to", metavar="DATE", help="...and the last (YYYY-MM-DD).")
@click.option(
    "--layer",
    type=click.Choice(LAYERS),
    default="strength",
    show_default=True,
    help="strength: the lifting; running: the running week's load; both: side by side.",
)
@exercises_option
def heatmap(
    source: Path | None,
    athlete: str | None,
    output: Path,
    week: int | None,
    session: str | None,
    from_: str | None,
    to: str | None,
    layer: str,
    exercises: tuple[Path, ...],
) -> None:
    """A muscle heat map of a week (default: week 1), a session or a date range. With
    --athlete, the running layer counts the runs imported up to today (the profile's running
    week for the days after today, and for an athlete who imported none).

    Example: runstrong heatmap examples/alex-marathon.toml --week 3 --layer both -o week3.png
    """
    suffix = output.suffix.lower()
    if suffix not in (".svg", ".png", ".html"):
        raise InputError(str(output), "", "must end in .svg, .png or .html")
    if week is not None and (session or from_ or to):
        raise InputError("--week", "", "choose one of --week, --session or --from/--to")
    from runstrong import services
    from runstrong.cli.errors import worded
    from runstrong.cli.sources import open_source_or_athlete
    from runstrong.output import check_file, write_output

    span = services.Span(
        week=week,
        session=parse_date(session, "--session"),
        start=parse_date(from_, "--from"),
        end=parse_date(to, "--to"),
    )
    check_file(output)
    opened = open_source_or_athlete(source, athlete, exercises)
    done_runs = None
    if athlete is not None and layer != "strength":
        from runstrong.cli.options import current_settings
        from runstrong.runs_service import done_runs as imported

        done_runs = imported(athlete, current_settings(exercises))
    with worded(opened.where):
        svg = services.heatmap_svg(
            opened.for_format("heatmap"), span, layer, opened.outcomes, done_runs
        )
    if suffix == ".svg":
        data = svg.encode("utf-8")
    elif suffix == ".png":
        from runstrong.render.heatmap import svg_to_png

        data = svg_to_png(svg)
    else:
        data = _html_page(svg).encode("utf-8")
    write_output(output, data)
    print(f"wrote {output}", file=sys.stderr)


@click.command("balance", cls=Command)
@source_argument
@athlete_option
@click.option(
    "--week",
    metavar="N",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Which week.",
)
@table_or_json_option
@file_output_option
@exercises_option
def balance(
    source: Path | None,
    athlete: str | None,
    week: int,
    format_: str | None,
    output: str,
    exercises: tuple[Path, ...],
) -> None:
    """A week's balance: sets per muscle against runner bands, patterns, and gaps.

    Example: runstrong balance examples/alex-marathon.toml --week 2
    """
    from runstrong import services
    from runstrong.cli.console import echo_to, print_to
    from runstrong.cli.errors import worded
    from runstrong.cli.sources import open_source_or_athlete
    from runstrong.output import check_file

    fmt = resolve_format(format_, output, TABLE_OR_JSON)
    check_file(Path(output))
    opened = open_source_or_athlete(source, athlete, exercises)
    result = opened.for_format("balance")
    with worded(opened.where):
        report = services.balance(result, week)
    done = None
    if opened.outcomes is not None:
        done = services.week_done(result, week, opened.outcomes)
    if fmt == "json":
        import json

        echo_to(output, json.dumps(report_to_dict(report, done), indent=2))
        return
    from runstrong.cli.balance_table import print_report

    print_to(output, lambda console: print_report(console, report, done))


def report_to_dict(report: BalanceReport, done: WeekDone | None = None) -> dict[str, Any]:
    """The balance JSON (docs/formats.md); with `done` (a stored athlete's week) each muscle's
    `done_weighted_sets` and the week's `sessions` with their outcomes."""
    body = _report_dict(report)
    if done is not None:
        for m in body["muscles"]:
            m["done_weighted_sets"] = round(done.muscles.get(m["muscle"], 0.0), 2)
        body["sessions"] = [{"id": sid, "outcome": o} for sid, o in done.outcomes]
    return body


def _report_dict(report: BalanceReport) -> dict[str, Any]:
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
                "group": m.group,
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


def _html_page(svg: str) -> str:
    from html import escape

    title = escape(svg.split("<title>", 1)[1].split("</title>", 1)[0]) if "<title>" in svg else ""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body style="margin:0">{svg}</body></html>\n'
    )
