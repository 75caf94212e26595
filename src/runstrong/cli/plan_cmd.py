"""`runstrong plan PROFILE`: the periodised strength plan, as a table, JSON or Markdown."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import click

from runstrong.cli.base import Command
from runstrong.cli.options import exercises_option, file_output_option, format_option
from runstrong.domain.errors import InputError

PLAN_FORMATS = ("table", "json", "markdown")


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(option, "", f"'{value}' is not a date like 2026-12-07") from None


@click.command("plan", cls=Command)
@click.argument(
    "profile",
    metavar="PROFILE",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The runner's profile (TOML or JSON).",
)
@format_option(PLAN_FORMATS)
@file_output_option
@click.option(
    "--start",
    metavar="DATE",
    help="First day (YYYY-MM-DD); default: the profile's plan.start, else next Monday.",
)
@click.option(
    "--weeks",
    metavar="N",
    type=click.IntRange(1, 104),
    help="Plan length; default: through the recovery after the last A race (16 without one).",
)
@exercises_option
def plan(
    profile: Path,
    format_: str,
    output: str,
    start: str | None,
    weeks: int | None,
    exercises: tuple[Path, ...],
) -> None:
    """Make the strength plan for a runner's profile.

    Example: runstrong plan examples/alex-marathon.toml --format markdown -o plan.md
    """
    from runstrong import services
    from runstrong.output import check_file, write_output

    check_file(Path(output))
    result = services.make_plan(
        profile,
        today=datetime.now().date(),
        start=parse_date(start, "--start"),
        weeks=weeks,
        extra_dirs=exercises,
    )
    athlete = result.athlete
    if format_ == "json":
        from runstrong.export import plan_json

        write_output(output, plan_json.export(result.plan, athlete, result.library))
        return
    if format_ == "markdown":
        from runstrong.render.plan_markdown import render_markdown

        text = render_markdown(result.plan, athlete, result.library)
        write_output(output, text.encode("utf-8"))
        return
    from rich.console import Console

    from runstrong.cli.console import PIPED_WIDTH, output_console
    from runstrong.cli.plan_table import print_plan

    if output == "-":
        print_plan(output_console(), result.plan, athlete, result.library)
        return
    buffer = io.StringIO()
    print_plan(
        Console(file=buffer, width=PIPED_WIDTH, color_system=None),
        result.plan,
        athlete,
        result.library,
    )
    write_output(output, buffer.getvalue().encode("utf-8"))
