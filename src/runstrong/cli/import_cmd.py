"""`runstrong import strong|hevy|workout FILE --athlete H`: workouts logged elsewhere (another
app's CSV export, a strength activity recorded on a watch) into an athlete's log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.base import Group
from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, exercises_option
from runstrong.cli.runs_cmd import import_app as runs_import

if TYPE_CHECKING:
    from runstrong.domain.log_import import AppSet
    from runstrong.domain.training_log import Units
    from runstrong.log_import_service import ImportSummary


class ImportGroup(Group):
    command_class = LogCommand


@click.group(
    "import",
    cls=ImportGroup,
    help=(
        "Bring workouts logged elsewhere, and recorded runs, into an athlete's training "
        "log.\n\n"
        "Example: runstrong import strong strong_workouts.csv --athlete alex"
    ),
    no_args_is_help=True,
)
def app() -> None:
    pass


app.add_command(runs_import.commands["runs"])  # `import runs` (runs_cmd.py)


file_argument = click.argument(
    "file", metavar="FILE", type=click.Path(path_type=Path), help="The file to import."
)
athlete_option = click.option(
    "--athlete", "handle", metavar="HANDLE", required=True, help="The athlete's handle."
)
unit_option = click.option(
    "--unit",
    type=click.Choice(("kg", "lb")),
    help="The loads' unit where the file does not say [default: the athlete's units].",
)
replace_option = click.option(
    "--replace", is_flag=True, help="Take the file's sets on days logged otherwise already."
)


@app.command("strong")
@file_argument
@athlete_option
@unit_option
@replace_option
@exercises_option
def strong(
    file: Path, handle: str, unit: str | None, replace: bool, exercises: tuple[Path, ...]
) -> None:
    """Import Strong's CSV export (Settings > Export data): each day's sets as that day's log.

    Exercises are matched to the library by name and alias ("Squat (Barbell)" is back_squat);
    others are kept as custom exercises and listed. Importing the same file again adds nothing.

    Example: runstrong import strong strong_workouts.csv --athlete alex --unit kg
    """
    from runstrong.imports.strong import read_strong

    _import_csv("strong", read_strong, file, handle, unit, replace, exercises)


@app.command("hevy")
@file_argument
@athlete_option
@unit_option
@replace_option
@exercises_option
def hevy(
    file: Path, handle: str, unit: str | None, replace: bool, exercises: tuple[Path, ...]
) -> None:
    """Import Hevy's CSV export (Profile > Settings > Export data): each day's sets as that
    day's log. The header says the unit (weight_kg or weight_lbs).

    Example: runstrong import hevy workouts.csv --athlete alex
    """
    from runstrong.imports.hevy import read_hevy

    _import_csv("hevy", read_hevy, file, handle, unit, replace, exercises)


@app.command("workout")
@file_argument
@athlete_option
@click.option(
    "--date", "day", metavar="DATE",
    help="The day it was done (YYYY-MM-DD) [default: the activity's own, in its local time].",
)  # fmt: skip
@replace_option
@exercises_option
def workout(
    file: Path, handle: str, day: str | None, replace: bool, exercises: tuple[Path, ...]
) -> None:
    """Import a strength activity recorded on a watch (a FIT activity file): its sets (reps,
    weight, exercise) as the log of that day's planned session.

    Example: runstrong import workout 2027-01-05-strength.fit --athlete alex
    """
    from runstrong import log_service, services
    from runstrong.cli.options import parse_date
    from runstrong.domain.errors import InputError
    from runstrong.imports.fit_workout import app_sets, read_fit_workout
    from runstrong.log_import_service import import_sets, planned_slugs

    settings = current_settings(exercises)
    log_service.athlete_units(handle, settings)  # an unknown handle first
    found = read_fit_workout(file)
    when = parse_date(day, "--date") or found.day
    if when is None:
        raise InputError(str(file), "", "gives no set a start time: give the day with --date")
    library = services.open_library(settings)
    sets = app_sets(found, when, library, planned_slugs(handle, when, settings))
    summary = import_sets(handle, "watch", sets, library, settings, replace_existing=replace)
    click.echo(summary_text(handle, file, summary))


Reader = Callable[[Path, "Units", bool], "list[AppSet]"]


def _import_csv(
    source: str,
    read: Reader,
    file: Path,
    handle: str,
    unit: str | None,
    replace: bool,
    exercises: tuple[Path, ...],
) -> None:
    from runstrong import log_service, services
    from runstrong.domain.training_log import Units
    from runstrong.log_import_service import import_sets

    settings = current_settings(exercises)
    units = Units(unit) if unit else log_service.athlete_units(handle, settings).units
    sets = read(file, units, unit is not None)
    library = services.open_library(settings)
    summary = import_sets(handle, source, sets, library, settings, replace_existing=replace)
    click.echo(summary_text(handle, file, summary))


def summary_text(handle: str, file: Path, summary: ImportSummary) -> str:
    """What an import did, a line each: the days and sets added, then what it left as it was."""
    lines = [
        f"imported {file} into {handle}'s log: {_days(len(summary.added))}, "
        f"{summary.sets_written} sets ({summary.planned} on planned sessions)"
    ]
    if summary.same:
        lines.append(f"  already imported, left as they are: {_days(summary.same)}")
    if summary.kept:
        lines.append(
            f"  logged otherwise, kept: {_dates(summary.kept)} (--replace takes the file's)"
        )
    if summary.replaced:
        lines.append(f"  logged otherwise, replaced: {_dates(summary.replaced)}")
    if summary.warm_ups:
        lines.append(f"  warm-up sets left out: {summary.warm_ups}")
    if summary.custom:
        names = ", ".join(f"{name!r} as {slug}" for name, slug in summary.custom.items())
        lines.append(f"  not in the library, kept as custom exercises: {names}")
    return "\n".join(lines)


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _dates(days: tuple[object, ...], most: int = 5) -> str:
    shown = ", ".join(str(d) for d in days[:most])
    return shown if len(days) <= most else f"{shown} and {len(days) - most} more"
