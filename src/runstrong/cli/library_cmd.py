"""`runstrong library ...`: browse and validate the exercise library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from runstrong import services
from runstrong.cli.options import ExerciseDirs, TableOrJson
from runstrong.domain.errors import InputError
from runstrong.domain.exercise import Equipment, Exercise, Level, Pattern
from runstrong.render.exercise_json import exercise_to_dict

app = typer.Typer(help="Browse and check the exercise library.", no_args_is_help=True)


@app.command("list")
def list_(
    pattern: Annotated[Pattern | None, typer.Option(help="Only this movement pattern.")] = None,
    equipment: Annotated[
        list[Equipment] | None,
        typer.Option(help="Equipment you have (repeatable): only what it allows."),
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
    Console().print(_table(chosen, title=f"{len(chosen)} of {len(library)} exercises"))


@app.command()
def show(
    slug: Annotated[str, typer.Argument(help="The exercise's slug, e.g. side_plank.")],
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
        Path | None, typer.Argument(help="A folder of your own exercise files.", file_okay=False)
    ] = None,
) -> None:
    """Check exercise files: every field, every link, every FIT id. Exit code 2 on any error.

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
        table.add_column(col, overflow="fold")
    for ex in chosen:
        gear = sorted(ex.equipment - {Equipment.BODYWEIGHT})
        if ex.equipment_any:
            gear.append(" or ".join(sorted(ex.equipment_any)))  # type: ignore[arg-type]
        table.add_row(
            ex.slug,
            ex.name,
            ", ".join(ex.patterns),
            ", ".join(gear) or "body weight",
            ex.level,
            ex.load_type.replace("_", " "),
        )
    return table


def _details(ex: Exercise, citations: dict[str, str] | object) -> Table:
    table = Table(title=ex.name, show_header=False, show_lines=True)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    data = exercise_to_dict(ex)
    data["muscles"] = ", ".join(f"{m} {w:g}" for m, w in ex.muscles)
    data["why"] = ex.why.text + "\n" + "; ".join(ex.why.citations)
    for key, value in data.items():
        if isinstance(value, list):
            value = "\n".join(value) if key == "cues" else ", ".join(value)
        table.add_row(key, "" if value is None else str(value))
    return table
