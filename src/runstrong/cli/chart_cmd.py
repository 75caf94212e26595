"""`runstrong chart H --kind e1rm|load|monotony|compliance -o FILE.svg|.png`: charts of an
athlete's log and runs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, exercises_option, parse_date
from runstrong.domain.errors import InputError


@click.command("chart", cls=LogCommand)
@click.argument("handle", metavar="HANDLE", help="The athlete's handle.")
@click.option(
    "--kind", type=click.Choice(("e1rm", "load", "monotony", "compliance")), default="e1rm",
    show_default=True,
    help="e1rm: each lift's estimated 1RM; load: weekly load by running and lifting; "
    "monotony: monotony and strain; compliance: plan against done.",
)  # fmt: skip
@click.option("--exercise", metavar="EXERCISE", help="Only this lift (slug or name; e1rm).")
@click.option(
    "--from", "first", metavar="DATE",
    help="From this day (YYYY-MM-DD); weekly kinds: from its week (default: 12 weeks; "
    "compliance: the plan's start).",
)  # fmt: skip
@click.option("--to", "last", metavar="DATE", help="To this day, inclusive (e1rm).")
@click.option(
    "-o", "--output", metavar="FILE", required=True,
    help="The chart's file: .svg or .png (its name says which).",
)  # fmt: skip
@exercises_option
def chart(
    handle: str,
    kind: str,
    exercise: str | None,
    first: str | None,
    last: str | None,
    output: str,
    exercises: tuple[Path, ...],
) -> None:
    """Chart an athlete's log: each lift's estimated 1RM (e1RM, docs/science.md §2.6) over
    time, one line a lift, the best set of each day, in the athlete's units; or, a bar a week,
    the training load stacked by running and lifting with the acute:chronic ratio and its
    caveat (load), monotony and strain (monotony), or plan against done (compliance).

    Example: runstrong chart alex --kind e1rm --exercise back_squat -o squat.svg
    """
    from runstrong.output import check_file, write_output

    fmt = Path(output).suffix.lower().removeprefix(".")
    if fmt not in ("svg", "png"):
        raise InputError(output, "", "cannot tell the format: end the name in .svg or .png")
    if kind != "e1rm" and (exercise or last):
        option = "--exercise" if exercise else "--to"
        raise InputError(option, "", f"charts each lift's e1RM only, not --kind {kind}")
    check_file(Path(output))
    settings = current_settings(exercises)
    if kind == "e1rm":
        from runstrong import services
        from runstrong.chart_service import e1rm_chart
        from runstrong.cli.log_cmd import history_rows

        rows, units = history_rows(handle, exercise, first, last, settings)
        data, points = e1rm_chart(handle, rows, units, services.open_library(settings), fmt)
        shown = f"{points} points"
    else:
        from runstrong.chart_service import weekly_chart

        data, weeks = weekly_chart(kind, handle, parse_date(first, "--from"), settings, fmt)
        shown = f"{weeks} weeks"
    write_output(output, data)
    print(f"wrote {output} ({kind}, {shown})", file=sys.stderr)
