"""`runstrong library ...`: browse and validate the exercise library."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.base import Group
from runstrong.cli.options import (
    TABLE_OR_JSON,
    current_settings,
    exercises_option,
    file_output_option,
    resolve_format,
    table_or_json_option,
)
from runstrong.domain.errors import InputError, UnknownExerciseError
from runstrong.domain.exercise import Equipment, Level, Pattern

if TYPE_CHECKING:
    from runstrong.domain.catalogue import ExerciseLibrary


@click.group(
    "library",
    cls=Group,
    help=(
        "Browse and check the exercise library.\n\n"
        "Example: runstrong library list --equipment dumbbells --equipment bench"
    ),
    no_args_is_help=True,
)
def app() -> None:
    pass


def _values(kind: type[StrEnum]) -> list[str]:
    return [str(v) for v in kind]


def _one_of(kind: type[StrEnum]) -> str:
    return "One of: " + ", ".join(kind) + "."


@app.command("list")
@click.option(
    "--pattern",
    metavar="PATTERN",
    type=click.Choice(_values(Pattern)),
    help=f"Only this movement pattern. {_one_of(Pattern)}",
)
@click.option(
    "--equipment",
    metavar="EQUIPMENT",
    multiple=True,
    type=click.Choice(_values(Equipment)),
    help="Equipment you have (repeatable): only what it allows, body-weight exercises "
    f"included. {_one_of(Equipment)}",
)
@click.option(
    "--level", type=click.Choice(_values(Level)), help="Only exercises at or below this level."
)
@table_or_json_option
@file_output_option
@exercises_option
def list_(
    pattern: str | None,
    equipment: tuple[str, ...],
    level: str | None,
    format_: str | None,
    output: str,
    exercises: tuple[Path, ...],
) -> None:
    """List exercises.

    Example: runstrong library list --equipment dumbbells --equipment bench --level intermediate
    """
    from runstrong import services
    from runstrong.cli.console import echo_to, print_to
    from runstrong.output import check_file
    from runstrong.render.exercise_json import exercise_to_dict

    fmt = resolve_format(format_, output, TABLE_OR_JSON)
    check_file(Path(output))
    library = services.open_library(current_settings(exercises))
    have = [Equipment(e) for e in equipment] if equipment else None
    chosen = library.select(
        pattern=Pattern(pattern) if pattern else None,
        equipment=have,
        max_level=Level(level) if level else None,
    )
    if fmt == "json":
        dicts = [exercise_to_dict(ex) for ex in chosen]
        echo_to(output, json.dumps(dicts, indent=2, ensure_ascii=False))
        return
    title = f"{len(chosen)} of {len(library)} exercises"
    if have is not None:
        kit = " + ".join(dict.fromkeys(have))
        title += f" that {kit} allow{'s' if len(set(have)) == 1 else ''}"
        title += " (body-weight exercises included)"
    from runstrong.cli.library_table import exercises_table

    print_to(
        output,
        lambda console: console.print(exercises_table(chosen, title=title, width=console.width)),
    )


@app.command()
@click.argument(
    "slug",
    metavar="EXERCISE",
    help='The exercise\'s slug (side_plank, or side-plank) or name ("Side plank").',
)
@table_or_json_option
@file_output_option
@exercises_option
def show(slug: str, format_: str | None, output: str, exercises: tuple[Path, ...]) -> None:
    """Show one exercise in full, by its slug or its name.

    Example: runstrong library show bulgarian_split_squat
    """
    from runstrong import services
    from runstrong.cli.console import echo_to, print_to
    from runstrong.output import check_file

    fmt = resolve_format(format_, output, TABLE_OR_JSON)
    check_file(Path(output))
    library = services.open_library(current_settings(exercises))
    try:
        ex = services.find_exercise(library, slug)
    except UnknownExerciseError as err:
        raise InputError("library", "slug", unknown_exercise(err, library)) from None
    if fmt == "json":
        from runstrong.render.exercise_json import exercise_to_dict

        echo_to(output, json.dumps(exercise_to_dict(ex), indent=2, ensure_ascii=False))
        return
    from runstrong.cli.library_table import exercise_details

    print_to(output, lambda console: console.print(exercise_details(ex, library.citations)))


def unknown_exercise(err: UnknownExerciseError, library: ExerciseLibrary) -> str:
    """No such exercise, and the nearest one's slug and name."""
    hint = ""
    if err.suggestions:
        best = library.get(err.suggestions[0])
        hint = f"; did you mean {best.slug} ({best.name})?"
    return f"no exercise '{err.name}'{hint} (see: runstrong library list)"


@app.command()
@click.argument(
    "folder",
    required=False,
    type=click.Path(path_type=Path, file_okay=False),
    help="A folder of your own exercise files.",
)
def validate(folder: Path | None) -> None:
    """Check exercise files: every field, every link, every FIT id. Exit code 2 on any error.

    Without a folder, checks the built-in library.

    Example: runstrong library validate ~/coaching/exercises
    """
    if folder is None:
        from runstrong import services

        count = len(services.open_library(current_settings()))
        click.echo(f"ok: the built-in library's {count} exercises are valid")
        return
    from runstrong.library.loader import validate_folder

    count = validate_folder(folder, cache_dir=current_settings().cache_dir)
    if count == 0:
        from runstrong.domain.errors import InputError

        raise InputError(str(folder), "", "holds no exercise files (*.toml): nothing to check")
    click.echo(f"ok: {count} exercise files in {folder} are valid")
