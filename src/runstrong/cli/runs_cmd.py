"""`runstrong import runs`, `runstrong runs list|set-type` and `runstrong load`: recorded runs
into the training log, what kind each was, and one training load of runs and lifting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.base import Group
from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings
from runstrong.domain.errors import InputError

if TYPE_CHECKING:
    from runstrong.runs_service import ImportSummary

MAX_LINES_SHOWN = 50  # of each list in the import summary; then "and N more"


class RunsGroup(Group):
    command_class = LogCommand


handle_argument = click.argument("handle", metavar="HANDLE", help="The athlete's handle.")


@click.group(
    "import",
    cls=RunsGroup,
    help="Bring recorded activities into the training log.\n\n"
    "Example: runstrong import runs ~/strava-export.zip --athlete alex",
    no_args_is_help=True,
)
def import_app() -> None:
    pass


@import_app.command("runs")
@click.argument(
    "paths",
    metavar="PATH...",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path),
    help="FIT, GPX or TCX files (.gz too), folders of them, Strava export zips or folders.",
)
@click.option("--athlete", "handle", metavar="HANDLE", required=True, help="The athlete.")
def import_runs(paths: tuple[Path, ...], handle: str) -> None:
    """Import runs from FIT, GPX and TCX files, folders and Strava bulk exports.

    Each run is kept once, however many devices or formats recorded it (the same start within
    2 minutes and a duration within 10%), with the file it came from. Files that are not runs or
    cannot be read are listed with the reason; the rest is imported. Exit code 2 when nothing
    could be imported.
    """
    from runstrong import runs_service

    settings = current_settings()
    summary = runs_service.import_runs(handle, paths, settings)
    click.echo(summary_text(handle, summary))
    if not summary.imported and summary.rejected:
        raise InputError(
            "import runs", "", f"nothing imported for {handle}: no file held a run to keep"
        )
    if not summary.imported and not summary.duplicates:
        raise InputError("import runs", "", f"nothing imported for {handle}: no activity found")


def summary_text(handle: str, summary: ImportSummary) -> str:
    n = len(summary.imported)
    lines = [f"imported {n} run{'s' if n != 1 else ''} for {handle}"]
    lines += _capped([
        f"  run {s.id}: {s.activity.start:%Y-%m-%d %H:%M} UTC, {s.activity.minutes:.0f} min"
        f"{_km(s.activity.meters)}, from {s.activity.source_name}"
        for s in summary.imported
    ])  # fmt: skip
    if summary.duplicates:
        lines.append(f"{len(summary.duplicates)} already there (the same run, kept once):")
        lines += _capped([f"  {d.where}: same run as {d.kept}" for d in summary.duplicates])
    if summary.rejected:
        lines.append(f"{len(summary.rejected)} not imported:")
        lines += _capped([f"  {r.where}: {r.reason}" for r in summary.rejected])
    return "\n".join(lines)


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LINES_SHOWN:
        return lines
    return [*lines[:MAX_LINES_SHOWN], f"  and {len(lines) - MAX_LINES_SHOWN:,} more"]


def _km(meters: float | None) -> str:
    return "" if meters is None else f", {meters / 1000:.1f} km"
