"""`runstrong library ...`: browse and validate the exercise library."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from runstrong import services
from runstrong.cli.options import ExerciseDirs, TableOrJson
from runstrong.domain.errors import InputError
from runstrong.domain.exercise import Equipment, Exercise, Level, Pattern
from runstrong.render.exercise_json import exercise_to_dict

app = typer.Typer(
    help=(
        "Browse and check the exercise library.\n\n"
        "Example: runstrong library list --equipment dumbbells --equipment bench"
    ),
    no_args_is_help=True,
)


def _one_of(kind: type[StrEnum]) -> str:
    return "One of: " + ", ".join(kind) + "."


@app.command("list")
def list_(
    pattern: Annotated[
        Pattern | None,
        typer.Option(metavar="PATTERN", help=f"Only this movement pattern. {_one_of(Pattern)}"),
    ] = None,
    equipment: Annotated[
        list[Equipment] | None,
        typer.Option(
            metavar="EQUIPMENT",
            help="Equipment you have (repeatable): only what it allows, body-weight exercises "
            f"included. {_one_of(Equipment)}",
        ),
    ] = None,
    level: Annotated[
        Level | None, typer.Option(help="Only exercises at or below this level.")
    ] = None,
    format_: Annotated[
        TableOrJson, typer.Option("--format", help="Output format.")
    ] = TableOrJson.TABLE,
    exercises: ExerciseDirs = None,
) -> None:
    """List exercises.

    Example: runstrong library list --equipment dumbbells --equipment bench --level intermediate
    """
    library = services.open_library(exercises or [])
    chosen = library.select(pattern=pattern, equipment=equipment, max_level=level)
    if format_ is TableOrJson.JSON:
        typer.echo(
            json.dumps([exercise_to_dict(ex) for ex in chosen], indent=2, ensure_ascii=False)
        )
        return
    title = f"{len(chosen)} of {len(library)} exercises"
    if equipment is not None:
        kit = " + ".join(dict.fromkeys(equipment))
        title += f" that {kit} allow{'s' if len(set(equipment)) == 1 else ''}"
        title += " (body-weight exercises included)"
    Console().print(_table(chosen, title=title))


@app.command()
def show(
    slug: Annotated[
        str, typer.Argument(metavar="SLUG", help="The exercise's slug, e.g. side_plank.")
    ],
    format_: Annotated[
        TableOrJson, typer.Option("--format", help="Output format.")
    ] = TableOrJson.TABLE,
    exercises: ExerciseDirs = None,
) -> None:
    """Show one exercise in full.

    Example: runstrong library show bulgarian_split_squat
    """
    library = services.open_library(exercises or [])
    if slug not in library:
        raise InputError("library", "slug", f"no exercise '{slug}' (try: runstrong library list)")
    ex = library.get(slug)
    if format_ is TableOrJson.JSON:
        typer.echo(json.dumps(exercise_to_dict(ex), indent=2, ensure_ascii=False))
        return
    Console().print(_details(ex, library.citations))


@app.command()
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="FOLDER", help="A folder of your own exercise files.", file_okay=False
        ),
    ] = None,
) -> None:
    """Check exercise files: every field, every link, every FIT id. Exit code 2 on any error.

    Without a folder, checks the built-in library.

    Example: runstrong library validate ~/coaching/exercises
    """
    if path is None:
        count = len(services.open_library())
        typer.echo(f"ok: the built-in library's {count} exercises are valid")
        return
    from runstrong.library.loader import validate_folder

    count = validate_folder(path)
    typer.echo(f"ok: {count} exercise files in {path} are valid")


def _table(chosen: list[Exercise], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("slug", "name", "patterns", "equipment", "level", "dose"):
        # a slug is typed back into commands and a level is one short word: never cut them
        table.add_column(col, overflow="fold", no_wrap=col in ("slug", "level"))
    for ex in chosen:
        table.add_row(  # spaces for underscores, so that long words wrap between words
            ex.slug,
            ex.name,
            ", ".join(p.replace("_", " ") for p in ex.patterns),
            equipment_text(ex).replace("_", " "),
            ex.level,
            ex.load_type.replace("_", " "),
        )
    return table


def equipment_text(ex: Exercise) -> str:
    """What an exercise needs: "bench + (dumbbells or kettlebell)"; "body weight" if nothing."""
    parts = [str(e) for e in sorted(ex.equipment - {Equipment.BODYWEIGHT})]
    options = [str(e) for e in sorted(ex.equipment_any)]
    if len(options) == 1:
        parts.append(options[0])
    elif options:
        either = " or ".join(options)
        parts.append(f"({either})" if parts else either)
    return " + ".join(parts) or "body weight"


def _details(ex: Exercise, citations: Mapping[str, str]) -> Table:
    table = Table(title=ex.name, show_header=False, show_lines=True)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    data = exercise_to_dict(ex)
    data["equipment"] = equipment_text(ex)
    del data["equipment_any"]
    data["muscles"] = ", ".join(f"{m} {w:g}" for m, w in ex.muscles)
    fit = ex.fit
    data["fit"] = f"{fit.category} ({fit.category_id})" + (
        f" / {fit.name} ({fit.name_id})" if fit.name is not None else ""
    )
    if ex.plyometric is not None:
        per_rep = ex.plyometric.contacts_per_rep
        data["plyometric"] = (
            f"{per_rep} ground contact{'s' if per_rep != 1 else ''} per rep, "
            f"{ex.plyometric.intensity} intensity"
        )
    del data["why"]
    for key, value in data.items():
        if key == "avoid_with":  # the why, its benefits and sources go just before
            table.add_row("why", ex.why.text)
            table.add_row("benefits", ", ".join(ex.why.benefits) or "-")
            table.add_row("citations", _citations(ex.why.citations, citations))
        table.add_row(key, _text(key, value))
    return table


def _text(key: str, value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ("\n" if key == "cues" else ", ").join(map(str, value)) or "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _citations(keys: tuple[str, ...], citations: Mapping[str, str]) -> Text:
    """One source a line: its key, then the reference."""
    text = Text()
    for i, key in enumerate(keys):
        text.append(("\n" if i else "") + key, style="bold")
        if key in citations:
            text.append(f": {citations[key]}")
    return text or Text("-")
