"""`runstrong export ...`: the plan for the watch (FIT), the calendar (ICS), paper (HTML, PDF),
spreadsheets (CSV) and programs (JSON)."""

from __future__ import annotations

import sys
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.base import Group
from runstrong.cli.errors import warn
from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import (
    current_settings,
    exercises_option,
    file_output_option,
    parse_date,
)
from runstrong.cli.sources import athlete_option

if TYPE_CHECKING:
    from runstrong.cli.sources import Opened
    from runstrong.domain.plan import Plan
    from runstrong.export.exporter import ExportOptions
    from runstrong.render.load_section import Figure


@click.group(
    "export",
    cls=Group,
    help=(
        "Write the plan as FIT, iCalendar, HTML, PDF, CSV or JSON.\n\n"
        "Example: runstrong export all examples/alex-marathon.toml -o out/"
    ),
    no_args_is_help=True,
)
def app() -> None:
    pass


source_argument = click.argument(
    "source",
    metavar="[SOURCE]",
    required=False,
    type=click.Path(path_type=Path),  # a folder: one error line from the reader
    help="A profile (TOML/JSON) or a saved plan JSON (or --athlete HANDLE).",
)
dir_output_option = click.option(
    "-o",
    "--output",
    metavar="DIR",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder.",
)
# The file name endings each single-file format is expected to have (a mismatch is a warning).
SUFFIXES = {
    "json": (".json",),
    "csv": (".csv",),
    "ics": (".ics", ".ical", ".icalendar"),
    "html": (".html", ".htm"),
    "pdf": (".pdf",),
}


def _open(source: Path | None, athlete: str | None, exercises: Sequence[Path]) -> Opened:
    from runstrong.cli.sources import open_source_or_athlete

    return open_source_or_athlete(source, athlete, exercises)


def _single(
    fmt: str,
    source: Path | None,
    athlete: str | None,
    output: str,
    exercises: Sequence[Path],
    **kw: object,
) -> None:
    from runstrong import services
    from runstrong.output import check_file, write_output, writes_through

    check_file(Path(output))
    named = output != "-" and not writes_through(Path(output))  # not stdout, /dev/null, a pipe
    if named and Path(output).suffix.lower() not in SUFFIXES[fmt]:
        warn(
            f"{output} does not end in {SUFFIXES[fmt][0]}; writing {fmt.upper()} to it all the same"
        )
    today = current_settings().today
    opened = _open(source, athlete, exercises)
    options = services.ExportOptions(
        now=_now(),
        today=today,
        outcomes=opened.outcomes,
        training_load=_charts(athlete, fmt),
        **kw,  # type: ignore[arg-type]
    )
    if fmt == "ics":
        options = _against_planned(opened, options)
    data = services.export_one(fmt, opened.for_format(fmt), options)
    assert isinstance(data, bytes)
    write_output(output, data)
    if output != "-":
        print(f"wrote {output}", file=sys.stderr)


def _charts(athlete: str | None, fmt: str) -> tuple[Figure, ...]:
    """A stored athlete's training-load charts for the printable plan (HTML, PDF); none for
    the other formats or a SOURCE's plan."""
    if athlete is None or fmt not in ("html", "pdf"):
        return ()
    from runstrong.chart_service import printable_charts
    from runstrong.cli.log_errors import worded_log_errors

    with worded_log_errors():
        return printable_charts(athlete, current_settings())


def _now() -> datetime:
    """The time stamp written into files (a calendar's DTSTAMP): now, or --today at 00:00 UTC."""
    return current_settings().timestamp


@app.command()
@source_argument
@athlete_option
@file_output_option
@exercises_option
def json(
    source: Path | None, athlete: str | None, output: str, exercises: tuple[Path, ...]
) -> None:
    """The plan as JSON (docs/formats.md).

    Example: runstrong export json examples/alex-marathon.toml -o plan.json
    """
    _single("json", source, athlete, output, exercises)


@app.command()
@source_argument
@athlete_option
@file_output_option
@exercises_option
def csv(source: Path | None, athlete: str | None, output: str, exercises: tuple[Path, ...]) -> None:
    """One row per planned set, for spreadsheets.

    Example: runstrong export csv examples/alex-marathon.toml -o plan.csv
    """
    _single("csv", source, athlete, output, exercises)


@app.command()
@source_argument
@athlete_option
@file_output_option
@click.option(
    "--alarm",
    metavar="MINUTES",
    type=click.IntRange(0, 1440),
    help="Reminder, minutes before.",
)
@exercises_option
def ics(
    source: Path | None,
    athlete: str | None,
    output: str,
    alarm: int | None,
    exercises: tuple[Path, ...],
) -> None:
    """An iCalendar file: each session with its whole workout; races and deload weeks.

    Re-export to the same file to update a subscribed calendar: unchanged sessions keep their
    bytes, changed ones keep their UID and get a higher SEQUENCE.

    Example: runstrong export ics examples/alex-marathon.toml -o plan.ics --alarm 30
    """
    previous = _read_previous(output)
    _single("ics", source, athlete, output, exercises, previous_ics=previous, alarm_minutes=alarm)


@app.command()
@source_argument
@athlete_option
@file_output_option
@exercises_option
def html(
    source: Path | None, athlete: str | None, output: str, exercises: tuple[Path, ...]
) -> None:
    """A printable, self-contained HTML plan: a cover, then a page per week.

    Example: runstrong export html examples/alex-marathon.toml -o plan.html
    """
    _single("html", source, athlete, output, exercises)


@app.command()
@source_argument
@athlete_option
@click.option("-o", "--output", metavar="FILE", required=True, help="Output file ('-': stdout).")
@exercises_option
def pdf(source: Path | None, athlete: str | None, output: str, exercises: tuple[Path, ...]) -> None:
    """The printable plan as PDF.

    Example: runstrong export pdf examples/alex-marathon.toml -o plan.pdf
    """
    _single("pdf", source, athlete, output, exercises)


@app.command()
@source_argument
@athlete_option
@dir_output_option
@click.option(
    "--from",
    "from_",
    metavar="DATE",
    help="Schedule from this day (YYYY-MM-DD); default: today, or the plan's start if later.",
)
@exercises_option
def fit(
    source: Path | None,
    athlete: str | None,
    output: Path,
    from_: str | None,
    exercises: tuple[Path, ...],
) -> None:
    """FIT workout files for the watch, one per session, and a schedule of the next 30.

    Copy the .fit files into GARMIN/NewFiles on the watch over USB (see the README).

    Example: runstrong export fit examples/alex-marathon.toml -o watch/
    """
    from runstrong import services
    from runstrong.output import check_folder, write_files

    check_folder(output)
    today = current_settings().today
    result = _open(source, athlete, exercises).for_format("fit")
    first_day = parse_date(from_, "--from")
    options = services.ExportOptions(now=_now(), today=today, fit_from=first_day)
    files = services.export_one("fit", result, options)
    assert isinstance(files, dict)
    _warn_empty_schedule(result.plan, first_day, today)
    _warn_older_fit_files(output, files)
    write_files(output, files)
    print(f"wrote {len(files)} FIT files to {output}", file=sys.stderr)


@app.command("all")
@source_argument
@athlete_option
@dir_output_option
@exercises_option
def all_(
    source: Path | None, athlete: str | None, output: Path, exercises: tuple[Path, ...]
) -> None:
    """Every format at once into one folder: plan.json, .csv, .ics, .html, .pdf and fit/.

    Example: runstrong export all examples/alex-marathon.toml -o out/
    """
    from rich.progress import Progress

    from runstrong import services
    from runstrong.output import check_folder, write_files

    check_folder(output)
    today = current_settings().today
    opened = _open(source, athlete, exercises)
    previous = _read_previous(output / "plan.ics")
    options = services.ExportOptions(
        now=_now(), today=today, previous_ics=previous, outcomes=opened.outcomes,
        training_load=_charts(athlete, "html"),
    )  # fmt: skip
    files: dict[str, bytes] = {}
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("Exporting", total=len(services.EXPORT_FORMATS))
        for fmt in services.EXPORT_FORMATS:
            progress.update(task, description=f"Exporting {fmt}")
            fmt_options = _against_planned(opened, options) if fmt == "ics" else options
            data = services.export_one(fmt, opened.for_format(fmt), fmt_options)
            name = services.ALL_FILE_NAMES[fmt]
            if isinstance(data, dict):
                files.update({f"{name}/{k}": v for k, v in data.items()})
            else:
                files[name] = data
            progress.advance(task)
    fit_dir = services.ALL_FILE_NAMES["fit"]
    _warn_older_fit_files(
        output / fit_dir, {n.removeprefix(f"{fit_dir}/") for n in files if n.startswith(fit_dir)}
    )
    write_files(output, files)
    print(f"wrote {len(files)} files to {output}/", file=sys.stderr)
    for name in sorted(n for n in files if "/" not in n):
        print(f"  {output / name}", file=sys.stderr)
    print(f"  {output / 'fit'}/ ({sum('/' in n for n in files)} FIT files)", file=sys.stderr)


def _against_planned(opened: Opened, options: ExportOptions) -> ExportOptions:
    """A stored athlete's calendar with no earlier file to update: written against the plan as
    planned, so that a session the log moved keeps its UID with a higher SEQUENCE and one it
    dropped is a cancelled event (a calendar that imported the plan before follows)."""
    from dataclasses import replace

    from runstrong import services

    if opened.athlete is None or options.previous_ics is not None:
        return options
    planned = services.export_one("ics", opened.planned, replace(options, outcomes=None))
    assert isinstance(planned, bytes)
    return replace(options, previous_ics=planned)


def _warn_empty_schedule(plan: Plan, first_day: date | None, today: date) -> None:
    """schedule.fit lists the sessions from `first_day` on (default: today, or the plan's start
    when that is later)."""
    dates = [s.date for s in plan.sessions]
    if not dates:
        warn("the plan has no strength sessions: schedule.fit is empty")
    elif first_day is not None and max(dates) < first_day:
        warn(
            f"--from {first_day.isoformat()} is after the plan's last session "
            f"({max(dates).isoformat()}): schedule.fit is empty"
        )
    elif first_day is None and max(dates) < today:
        warn(
            f"the plan's last session ({max(dates).isoformat()}) is before today: schedule.fit "
            "is empty (--from DATE schedules from another day)"
        )


def _warn_older_fit_files(folder: Path, names: Collection[str]) -> None:
    """Old workouts left in the folder would reach the watch with the new ones."""
    if not folder.is_dir():
        return
    older = [p for p in folder.iterdir() if p.suffix.lower() == ".fit" and p.name not in names]
    if older:
        many = len(older) != 1
        warn(
            f"{len(older)} older .fit file{'s' if many else ''} in {folder} "
            f"{'are' if many else 'is'} not part of this plan; "
            f"delete {'them' if many else 'it'} before copying the folder to the watch"
        )


def _read_previous(path: str | Path) -> bytes | None:
    """The calendar written before to `path`, if it is a regular file (never wait on a pipe)."""
    if str(path) == "-" or not Path(path).is_file():
        return None
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


@app.command("log", cls=LogCommand)
@click.argument("handle", metavar="HANDLE", help="The athlete's handle.")
@click.option(
    "-o", "--output", metavar="FILE", required=True, help="Output file: .csv or .json ('-': CSV)."
)
def log(handle: str, output: str) -> None:
    """An athlete's training log, one row per set: CSV or JSON by the file name (docs/formats.md).

    Example: runstrong export log alex -o alex-log.csv
    """
    from runstrong.cli.log_cmd import export_log

    export_log(handle, output)
