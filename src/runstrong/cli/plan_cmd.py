"""`runstrong plan PROFILE`: the periodised strength plan, as a table, JSON or Markdown."""

from __future__ import annotations

import io
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from runstrong import services
from runstrong.cli.options import ExerciseDirs
from runstrong.cli.plan_table import print_plan
from runstrong.domain.errors import InputError
from runstrong.export import plan_json
from runstrong.output import write_output
from runstrong.render.plan_markdown import render_markdown


class PlanFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(option, "", f"'{value}' is not a date like 2026-12-07") from None


ProfileArg = Annotated[
    Path,
    typer.Argument(metavar="PROFILE", help="The runner's profile (TOML or JSON).", dir_okay=False),
]
StartOpt = Annotated[
    str | None, typer.Option("--start", metavar="DATE", help="First day (YYYY-MM-DD).")
]
WeeksOpt = Annotated[
    int | None, typer.Option("--weeks", metavar="N", min=1, max=104, help="Plan length in weeks.")
]


def plan(
    profile: ProfileArg,
    format_: Annotated[
        PlanFormat, typer.Option("--format", help="Output format.")
    ] = PlanFormat.TABLE,
    output: Annotated[
        str, typer.Option("-o", "--output", metavar="FILE", help="Write to FILE ('-': stdout).")
    ] = "-",
    start: StartOpt = None,
    weeks: WeeksOpt = None,
    exercises: ExerciseDirs = None,
) -> None:
    """Make the strength plan for a runner's profile.

    Example: runstrong plan examples/alex-marathon.toml --format markdown -o plan.md
    """
    result = services.make_plan(
        profile,
        today=datetime.now().date(),
        start=parse_date(start, "--start"),
        weeks=weeks,
        extra_dirs=exercises or [],
    )
    athlete = result.athlete
    if format_ is PlanFormat.JSON:
        write_output(output, plan_json.export(result.plan, athlete, result.library))
    elif format_ is PlanFormat.MARKDOWN:
        text = render_markdown(result.plan, athlete, result.library)
        write_output(output, text.encode("utf-8"))
    elif output == "-":
        print_plan(Console(), result.plan, athlete, result.library)
    else:
        buffer = io.StringIO()
        print_plan(
            Console(file=buffer, width=120, color_system=None), result.plan, athlete, result.library
        )
        write_output(output, buffer.getvalue().encode("utf-8"))
