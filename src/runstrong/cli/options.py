"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

TABLE_OR_JSON = ("table", "json")

# Read by the library loader, not by this option: the folders add up (runstrong.services).
exercises_option = click.option(
    "--exercises",
    "exercises",
    metavar="DIR",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Extra folder of exercise files (repeatable); also set by RUNSTRONG_EXERCISES.",
)

table_or_json_option = click.option(
    "--format",
    "format_",
    type=click.Choice(TABLE_OR_JSON),
    default="table",
    show_default=True,
    help="Output format.",
)
