"""`runstrong plan PROFILE`: the periodised strength plan, as a table, JSON or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from runstrong.cli.base import Command
from runstrong.cli.options import (
    current_settings,
    exercises_option,
    file_output_option,
    format_option,
    parse_date,
    resolve_format,
)
from runstrong.domain.errors import InputError

PLAN_FORMATS = ("table", "json", "markdown")


@click.command("plan", cls=Command)
@click.argument(
    "profile",
    metavar="PROFILE",
    type=click.Path(path_type=Path),  # a folder: one error line from the reader
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
    format_: str | None,
    output: str,
    start: str | None,
    weeks: int | None,
    exercises: tuple[Path, ...],
) -> None:
    """Make the strength plan for a runner's profile.

    Example: runstrong plan examples/alex-marathon.toml --format markdown -o plan.md
    """
    from runstrong import services
    from runstrong.cli.errors import worded
    from runstrong.imports.source import SavedPlan, Workout, read_source
    from runstrong.output import check_file, write_output

    fmt = resolve_format(format_, output, PLAN_FORMATS)
    first_day = parse_date(start, "--start")
    check_file(Path(output))
    settings = current_settings(exercises)
    library = services.open_library(settings)
    source = read_source(profile, library, cache_dir=settings.cache_dir)
    if isinstance(source, SavedPlan | Workout):
        raise InputError(str(profile), "", not_a_profile(source, profile))
    with worded(profile):
        result = services.make_plan(source, library, settings, start=first_day, weeks=weeks)
    if fmt == "json":
        from runstrong.export import plan_json

        write_output(output, plan_json.export_json(result.resolved))
        return
    if fmt == "markdown":
        from runstrong.render.plan_markdown import render_markdown

        write_output(output, render_markdown(result.resolved).encode("utf-8"))
        return
    from runstrong.cli.console import print_to
    from runstrong.cli.plan_table import print_plan

    print_to(output, lambda console: print_plan(console, result.resolved))


def not_a_profile(source: object, path: Path) -> str:
    """What `runstrong plan` says of a source that already is a plan or a workout."""
    from runstrong.imports.source import SavedPlan

    if isinstance(source, SavedPlan):
        return (
            "is a saved plan, not a profile: write it in another format with runstrong export "
            f"(e.g. runstrong export csv {path} -o plan.csv)"
        )
    return "is a workout file, not a profile: see what it trains with runstrong heatmap or balance"
