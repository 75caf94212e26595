"""Options shared by several commands, and what the root command set for them (Settings)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from runstrong.domain.errors import InputError
from runstrong.settings import Settings

TABLE_OR_JSON = ("table", "json")

# Added to RUNSTRONG_EXERCISES's folders in the command's Settings (current_settings).
exercises_option = click.option(
    "--exercises",
    "exercises",
    metavar="DIR",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Extra folder of exercise files (repeatable); also set by RUNSTRONG_EXERCISES.",
)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from runstrong.domain.dates import date_problem
    from runstrong.domain.errors import cut

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InputError(option, "", f"{cut(repr(value))} is not a date like 2026-12-07") from None
    problem = date_problem(day)
    if problem:
        raise InputError(option, "", f"{problem} (got {value})")
    return day


def current_settings(exercises: Sequence[Path] = ()) -> Settings:
    """The Settings the root command built from the environment and its options (--today), with
    this command's --exercises folders after RUNSTRONG_EXERCISES's."""
    from dataclasses import replace

    found = click.get_current_context().find_object(Settings)
    if found is None:  # a command run on its own, without the root group
        import os

        from runstrong.settings import from_environment

        found = from_environment(os.environ)
    return replace(found, exercise_dirs=(*found.exercise_dirs, *exercises))


# The format a file name ending means, for `-o FILE` without --format.
SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".txt": "table"}


def format_option(choices: Sequence[str]) -> Callable[[Any], Any]:
    """`--format` among `choices`; without it, the format `-o FILE`'s name ends in, else the
    first choice (resolve_format)."""
    endings = ", ".join(f"{s}: {f}" for s, f in SUFFIX_FORMATS.items() if f in choices)
    return click.option(
        "--format",
        "format_",
        type=click.Choice(choices),
        default=None,
        help=f"Output format [default: from -o FILE's name ({endings}), else {choices[0]}].",
    )


def resolve_format(format_: str | None, output: str, choices: Sequence[str]) -> str:
    """The --format given, else for a file the one its name ends in (an error if it ends in no
    known way), else (stdout, a device such as /dev/null, a pipe) the first choice."""
    from runstrong.output import writes_through

    if format_ is not None:
        return format_
    if output == "-" or writes_through(Path(output)):
        return choices[0]
    inferred = SUFFIX_FORMATS.get(Path(output).suffix.lower())
    if inferred is not None and inferred in choices:
        return inferred
    endings = ", ".join(s for s, f in SUFFIX_FORMATS.items() if f in choices)
    raise InputError(
        output,
        "",
        f"cannot tell the format from the file name: end it in {endings}, "
        f"or give --format {'|'.join(choices)}",
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
