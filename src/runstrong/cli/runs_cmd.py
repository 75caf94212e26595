"""`runstrong import runs`, `runstrong runs list|set-type` and `runstrong load`: recorded runs
into the training log, what kind each was, and one training load of runs and lifting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.base import Group
from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, parse_date, table_or_json_option
from runstrong.cli.runs_table import load_json, load_text, runs_json, runs_text
from runstrong.domain.activity import MAX_RPE, RunKind
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

    Example: runstrong import runs ~/Downloads/export_12345.zip --athlete alex
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


@click.group(
    "runs",
    cls=RunsGroup,
    help="The imported runs of an athlete: what kind each was, and why.\n\n"
    "Example: runstrong runs list alex --from 2026-11-01",
    no_args_is_help=True,
)
def runs() -> None:
    pass


@runs.command("list")
@handle_argument
@click.option("--from", "first", metavar="DATE", help="Runs from this day (YYYY-MM-DD) on.")
@table_or_json_option
def list_runs(handle: str, first: str | None, format_: str | None) -> None:
    """List an athlete's runs, each with its kind and the evidence for it.

    The kind is worked out from the run's laps, its intensity against the profile's [anchors]
    (threshold power or pace, heart-rate reserve; else the athlete's own median speed), its
    length against the 4 weeks before it, and its climb; or it is the kind set with `runs
    set-type`.

    Example: runstrong runs list alex --from 2026-11-01
    """
    from runstrong import runs_service

    settings = current_settings()
    listed = runs_service.list_runs(handle, settings, parse_date(first, "--from"))
    if (format_ or "table") == "json":
        click.echo(runs_json(handle, listed))
        return
    click.echo(runs_text(handle, listed))


@runs.command("set-type")
@handle_argument
@click.argument("run_id", metavar="RUN_ID", type=int, help="The run's id (runs list).")
@click.argument(
    "kind",
    metavar="TYPE",
    type=click.Choice([*(str(k) for k in RunKind), "auto"], case_sensitive=False),
    help="easy, long, tempo, intervals, hills or race; auto: as classified.",
)
def set_type(handle: str, run_id: int, kind: str) -> None:
    """Set what kind of run a run was, in place of its classification (auto: undo).

    Example: runstrong runs set-type alex 12 tempo
    """
    from runstrong import runs_service

    chosen = None if kind.lower() == "auto" else RunKind(kind.lower())
    if not runs_service.set_run_kind(handle, run_id, chosen, current_settings()):
        raise InputError("RUN_ID", "", f"{handle} has no run {run_id} (see: runstrong runs list)")
    click.echo(f"run {run_id} of {handle}: {kind.lower()}")


@runs.command("set-rpe")
@handle_argument
@click.argument("run_id", metavar="RUN_ID", type=int, help="The run's id (runs list).")
@click.argument(
    "rpe", metavar="RPE", help="Session RPE, a whole number 0-10 (CR-10); none: clear it."
)
def set_rpe(handle: str, run_id: int, rpe: str) -> None:
    """Set how hard a run felt: its session RPE on the CR-10 scale (0 rest, 3 moderate, 5 hard,
    7 very hard, 10 maximal), about 30 minutes after it. The load then takes RPE x minutes
    (Foster 2001) before power or heart rate. A Strava export's Perceived Exertion and a FIT
    file's perceived effort (workout_rpe) are taken on import.

    Example: runstrong runs set-rpe alex 12 7
    """
    from runstrong import runs_service

    value = parse_rpe(rpe)
    if not runs_service.set_run_rpe(handle, run_id, value, current_settings()):
        raise InputError("RUN_ID", "", f"{handle} has no run {run_id} (see: runstrong runs list)")
    click.echo(f"run {run_id} of {handle}: RPE {'none' if value is None else value}")


def parse_rpe(text: str) -> int | None:
    """A CR-10 rating 0-10 (whole), or none."""
    if text.strip().lower() == "none":
        return None
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_RPE:
        raise InputError("RPE", "", f"{text!r} is not a session RPE: a whole number 0-10, or none")
    return value


@click.command("load", cls=LogCommand)
@handle_argument
@click.option(
    "--weeks", type=click.IntRange(1, 104), default=8, show_default=True,
    help="Weeks to show, up to this one.",
)  # fmt: skip
@table_or_json_option
def load(handle: str, weeks: int, format_: str | None) -> None:
    """One training load of runs and strength sessions, week by week.

    Load is in AU of session RPE x minutes (Foster 2001): the RPE where there is one (a
    strength session's --rpe, a run's set-rpe or Strava Perceived Exertion); a
    run without it from power or heart rate against the profile's [anchors], else its minutes x
    a rating taken for its kind. Monotony and strain as Foster 1998. The acute:chronic ratio
    (exponentially weighted, uncoupled) only describes a change of load: it does not predict
    injury.

    Example: runstrong load alex --weeks 12
    """
    from runstrong import runs_service

    report = runs_service.training_load(handle, weeks, current_settings())
    if (format_ or "table") == "json":
        click.echo(load_json(handle, report))
        return
    click.echo(load_text(handle, report))
