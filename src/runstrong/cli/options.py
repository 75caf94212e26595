"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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


def format_option(choices: Sequence[str]) -> Callable[[Any], Any]:
    """`--format` among `choices`, the first being the default."""
    return click.option(
        "--format",
        "format_",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


table_or_json_option = format_option(TABLE_OR_JSON)
file_output_option = click.option(
    "-o",
    "--output",
    metavar="FILE",
    default="-",
    show_default=True,
    help="Output file ('-': stdout).",
)
