"""`runstrong athlete ...`: the athletes kept in the training log's database, each with its
profile versions and plans."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from runstrong.cli.base import Group
from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import (
    TABLE_OR_JSON,
    current_settings,
    exercises_option,
    table_or_json_option,
)
from runstrong.domain.errors import InputError


class AthleteGroup(Group):
    command_class = LogCommand


if TYPE_CHECKING:
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.domain.profile import Profile
    from runstrong.domain.training_log import AthleteSummary
    from runstrong.settings import Settings


@click.group(
    "athlete",
    cls=AthleteGroup,
    help=(
        "Keep athletes, their profiles and plans in the training log's database.\n\n"
        "Example: runstrong athlete add examples/alex-marathon.toml"
    ),
    no_args_is_help=True,
)
def app() -> None:
    pass


profile_argument = click.argument(
    "profile",
    metavar="PROFILE",
    type=click.Path(path_type=Path),
    help="The runner's profile (TOML or JSON).",
)
handle_argument = click.argument("handle", metavar="HANDLE", help="The athlete's handle.")


@app.command()
@profile_argument
@click.option(
    "--handle",
    metavar="HANDLE",
    help="The athlete's handle (default: the name in lower case, made unique with -2, -3 ...).",
)
@click.option(
    "--units",
    type=click.Choice(["kg", "lb"]),
    help="Units of the loads you log and see [default: the profile's athlete.units, else kg].",
)
@exercises_option
def add(profile: Path, handle: str | None, units: str | None, exercises: tuple[Path, ...]) -> None:
    """Store an athlete: the profile as version 1 and its plan (from today). Prints the handle.

    Example: runstrong athlete add examples/alex-marathon.toml --handle alex --units kg
    """
    from runstrong.athlete_service import add_athlete
    from runstrong.cli.errors import worded
    from runstrong.domain.training_log import Units

    settings = current_settings(exercises)
    library, parsed, text, fmt = _read_profile(profile, settings)
    with worded(profile):
        record, plan = add_athlete(
            parsed,
            text,
            fmt,
            library,
            settings,
            handle=handle,
            units=None if units is None else Units(units),
        )
    click.echo(record.handle)
    print(
        f"added {record.name} as {record.handle}: plan {plan.version}, "
        f"{plan.start.isoformat()} to {plan.end.isoformat()}",
        file=sys.stderr,
    )


@app.command("list")
@table_or_json_option
def list_(format_: str | None) -> None:
    """List the athletes: handle, name, units, profile version, plan dates, what is logged.

    Example: runstrong athlete list --format json
    """
    from runstrong.athlete_service import list_athletes

    _print(list_athletes(current_settings()), format_ or TABLE_OR_JSON[0])


@app.command()
@handle_argument
@table_or_json_option
def show(handle: str, format_: str | None) -> None:
    """Show one athlete: profile version, plan version and dates, what is logged.

    Example: runstrong athlete show alex --format json
    """
    from runstrong.athlete_service import show_athlete

    _print([show_athlete(handle, current_settings())], format_ or TABLE_OR_JSON[0], one=True)


@app.command()
@handle_argument
@profile_argument
@exercises_option
def update(handle: str, profile: Path, exercises: tuple[Path, ...]) -> None:
    """Store a new version of an athlete's profile and re-plan from this week; the log stays,
    and sessions that stay the same keep their ids. Races already past are left out.

    Example: runstrong athlete update alex examples/alex-marathon.toml
    """
    from runstrong.athlete_service import check_athlete, update_athlete
    from runstrong.cli.errors import worded

    settings = current_settings(exercises)
    check_athlete(handle, settings)
    library, parsed, text, fmt = _read_profile(profile, settings)
    with worded(profile):
        plan = update_athlete(handle, parsed, text, fmt, library, settings)
    click.echo(
        f"{handle}: profile version {plan.profile_version}, plan {plan.version}, "
        f"{plan.start.isoformat()} to {plan.end.isoformat()}"
    )


@app.command()
@handle_argument
@click.option("--yes", is_flag=True, help="Do not ask: remove at once.")
def remove(handle: str, yes: bool) -> None:
    """Remove an athlete with its profiles, plans and log (asks first, unless --yes).

    Example: runstrong athlete remove alex --yes
    """
    from runstrong.athlete_service import check_athlete, remove_athlete

    settings = current_settings()
    record = check_athlete(handle, settings)
    if not yes:
        confirm_on_terminal(
            f"Remove {record.name} ({handle}) with every profile, plan and log?",
            "--yes",
            f"would remove {handle} and its whole log",
        )
    remove_athlete(handle, settings)
    click.echo(f"removed {handle}")


def confirm_on_terminal(question: str, flag: str, what: str) -> None:
    """Ask `question` on a terminal (no: stop, exit code 1); without one, an error naming
    `flag`, the option that answers yes."""
    if not sys.stdin.isatty():
        raise InputError(flag, "", f"not given, and no terminal to ask on: {what}")
    if not click.confirm(question, default=False):
        raise click.exceptions.Exit(1)


def _read_profile(path: Path, settings: Settings) -> tuple[ExerciseLibrary, Profile, str, str]:
    """The library, the profile at `path` validated, its text and its format (.toml, .json)."""
    from runstrong import services
    from runstrong.input_files import PROFILE_MAX_BYTES, read_input
    from runstrong.profile.loader import profile_from_bytes

    library = services.open_library(settings)
    raw = read_input(path, PROFILE_MAX_BYTES)
    fmt = ".json" if path.suffix.lower() == ".json" else ".toml"
    parsed = profile_from_bytes(raw, fmt, library, str(path), cache_dir=settings.cache_dir)
    return library, parsed, raw.decode("utf-8"), fmt


def summary_dict(s: AthleteSummary) -> dict[str, Any]:
    return {
        "handle": s.athlete.handle,
        "name": s.athlete.name,
        "units": str(s.athlete.units),
        "profile_version": s.profile_version,
        "plan_version": s.plan_version,
        "plan_start": s.plan_start.isoformat(),
        "plan_end": s.plan_end.isoformat(),
        "sessions_logged": s.sessions_logged,
        "sets_logged": s.sets_logged,
        "last_logged": s.last_logged.isoformat() if s.last_logged else None,
    }


def _print(summaries: list[AthleteSummary], fmt: str, *, one: bool = False) -> None:
    import json

    rows = [summary_dict(s) for s in summaries]
    if fmt == "json":
        click.echo(json.dumps(rows[0] if one else rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    from runstrong.cli.console import output_console

    table = Table(title=None if one else f"{len(rows)} athlete{'s' if len(rows) != 1 else ''}")
    for column in (
        "handle",
        "name",
        "units",
        "profile",
        "plan",
        "from",
        "to",
        "logged (sets)",
        "last",
    ):
        table.add_column(column)
    for r in rows:
        table.add_row(
            r["handle"], r["name"], r["units"], str(r["profile_version"]), r["plan_version"],
            r["plan_start"], r["plan_end"], f"{r['sessions_logged']} ({r['sets_logged']})",
            r["last_logged"] or "-",
        )  # fmt: skip
    output_console().print(table)
