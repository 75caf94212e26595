"""`runstrong chart H --kind e1rm -o FILE.svg|.png`: charts of an athlete's log."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, exercises_option
from runstrong.domain.errors import InputError


@click.command("chart", cls=LogCommand)
@click.argument("handle", metavar="HANDLE", help="The athlete's handle.")
@click.option(
    "--kind", type=click.Choice(("e1rm",)), default="e1rm", show_default=True,
    help="What to chart: e1rm, each lift's estimated 1RM over time.",
)  # fmt: skip
@click.option("--exercise", metavar="EXERCISE", help="Only this lift (slug or name).")
@click.option("--from", "first", metavar="DATE", help="From this day (YYYY-MM-DD).")
@click.option("--to", "last", metavar="DATE", help="To this day, inclusive.")
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
    time, one line a lift, the best set of each day, in the athlete's units.

    Example: runstrong chart alex --kind e1rm --exercise back_squat -o squat.svg
    """
    from runstrong import services
    from runstrong.chart_service import e1rm_chart
    from runstrong.cli.log_cmd import history_rows
    from runstrong.output import check_file, write_output

    fmt = Path(output).suffix.lower().removeprefix(".")
    if fmt not in ("svg", "png"):
        raise InputError(output, "", "cannot tell the format: end the name in .svg or .png")
    check_file(Path(output))
    settings = current_settings(exercises)
    rows, units = history_rows(handle, exercise, first, last, settings)
    data, points = e1rm_chart(handle, rows, units, services.open_library(settings), fmt)
    write_output(output, data)
    print(f"wrote {output} ({kind}, {points} points)", file=sys.stderr)
