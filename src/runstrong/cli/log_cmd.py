"""`runstrong log`, `today` and `history`: what an athlete did, the day's session with loads
from the log, and every set logged."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import (
    current_settings,
    exercises_option,
    file_output_option,
    parse_date,
    table_or_json_option,
)
from runstrong.domain.errors import InputError

if TYPE_CHECKING:
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.domain.plan import Prescription
    from runstrong.domain.training_log import HistoryRow, SetLog, Units
    from runstrong.log_service import DaySession
    from runstrong.settings import Settings

handle_argument = click.argument("handle", metavar="HANDLE", help="The athlete's handle.")
date_option = click.option(
    "--date", "day", metavar="DATE", help="The day (YYYY-MM-DD); default: today."
)


@click.command("log", cls=LogCommand)
@handle_argument
@date_option
@click.option(
    "--set",
    "specs",
    metavar="SPEC",
    multiple=True,
    help='One set (repeatable), quoted: "back_squat 5x100@2", "push_up 12@2", '
    '"bulgarian_split_squat 8x20@2/L", "side_plank 30s/R", "pogo_hops 20c".',
)
@click.option("--rpe", type=click.IntRange(0, 10), help="Session RPE, 0-10 (Foster's sRPE).")
@click.option("--minutes", type=click.IntRange(0, 600), help="How long the session took.")
@click.option("--note", metavar="TEXT", help="A note on the session.")
@click.option("--skipped", is_flag=True, help="The session was not done.")
@click.option("--reason", metavar="TEXT", help="Why it was skipped (with --skipped).")
@click.option("--moved-to", metavar="DATE", help="The session moved to this day.")
@click.option("--replace", is_flag=True, help="Replace the day's log if there is one.")
@click.option("--delete", is_flag=True, help="Remove the day's log.")
@exercises_option
def log(
    handle: str,
    day: str | None,
    specs: tuple[str, ...],
    rpe: int | None,
    minutes: int | None,
    note: str | None,
    skipped: bool,
    reason: str | None,
    moved_to: str | None,
    replace: bool,
    delete: bool,
    exercises: tuple[Path, ...],
) -> None:
    """Log what an athlete did on a day: each set, or that the session was skipped or moved.

    SPEC is the exercise (slug or name) and REPSxLOAD@RIR, any part optional, with /L or /R for
    one side; SECONDSs for a hold, CONTACTSc for jumps. LOAD is in the athlete's units, each
    dumbbell's weight for a lift that holds one in each hand. Without --set, on a terminal, it
    asks set by set from the plan.

    Example: runstrong log alex --date 2027-01-05 --set "back_squat 5x100@2" --set "back_squat 5x100@1" --rpe 7
    """  # noqa: E501
    from runstrong import log_service
    from runstrong.domain.training_log import LogStatus, SessionLog

    settings = current_settings(exercises)
    when = parse_date(day, "--date") or settings.today
    moved = parse_date(moved_to, "--moved-to")
    _check_one_kind(specs, skipped, moved, delete, reason)
    if moved == when:
        raise InputError("--moved-to", "", f"{when.isoformat()} is the day itself: give another")
    athlete = log_service.athlete_units(handle, settings)
    if delete:
        if not log_service.delete_log(handle, when, settings):
            raise InputError("--delete", "", f"{handle} has no log on {when.isoformat()}")
        click.echo(f"deleted {handle}'s log of {when.isoformat()}")
        return
    from runstrong import services

    library = services.open_library(settings)
    sets: tuple[SetLog, ...] = ()
    status = LogStatus.SKIPPED if skipped else LogStatus.MOVED
    if specs:
        status, sets = LogStatus.DONE, parsed_sets(specs, library, athlete.units)
    if not replace and log_service.existing_log(handle, when, settings) is not None:
        replace = _confirm_replace(handle, when)
    if not (specs or skipped or moved):
        status = LogStatus.DONE
        sets = parsed_sets(_ask_sets(handle, when, library, settings), library, athlete.units)
    entry = SessionLog(
        when, "", status, sets, moved_to=moved, rpe=rpe, minutes=minutes, note=note,
        reason=reason,
    )  # fmt: skip
    stored = log_service.record_log(handle, entry, settings, replace_existing=replace)
    what = {
        LogStatus.DONE: f"{len(sets)} set{'s' if len(sets) != 1 else ''}",
        LogStatus.SKIPPED: "skipped",
        LogStatus.MOVED: f"moved to {moved.isoformat() if moved else ''}",
    }[status]
    click.echo(f"logged {handle} {when.isoformat()} ({stored.session_id}): {what}")


def _check_one_kind(
    specs: tuple[str, ...], skipped: bool, moved: date | None, delete: bool, reason: str | None
) -> None:
    given = [
        name
        for name, on in (
            ("--set", bool(specs)), ("--skipped", skipped), ("--moved-to", moved is not None),
            ("--delete", delete),
        )
        if on
    ]  # fmt: skip
    if len(given) > 1:
        raise InputError(given[1], "", f"goes with {given[0]} in no log: give one of them")
    if reason is not None and not skipped:
        raise InputError("--reason", "", "says why a session was skipped: give it with --skipped")


def _confirm_replace(handle: str, day: date) -> bool:
    from runstrong.cli.athlete_cmd import confirm_on_terminal

    confirm_on_terminal(
        f"{handle} has a log on {day.isoformat()} already. Replace it?",
        "--replace",
        f"{handle} has a log on {day.isoformat()} already (or --delete it)",
    )
    return True


def parsed_sets(
    specs: tuple[str, ...], library: ExerciseLibrary, units: Units
) -> tuple[SetLog, ...]:
    """Each --set SPEC as a set in kilograms, the exercise matched as `library show` matches
    it; a mistake is an error naming the --set (counted from 1) and what is wrong."""
    from runstrong import services
    from runstrong.cli.library_cmd import unknown_exercise
    from runstrong.domain.errors import UnknownExerciseError
    from runstrong.domain.set_spec import SetSpecError, parse_set_spec
    from runstrong.domain.training_log import SetLog

    out = []
    for i, spec in enumerate(specs, 1):
        where = f"--set {i}"
        try:
            parsed = parse_set_spec(spec)
            slug = services.find_exercise(library, parsed.exercise).slug
        except SetSpecError as err:
            raise InputError(where, "", str(err)) from None
        except UnknownExerciseError as err:
            raise InputError(where, "", f"'{spec}': {unknown_exercise(err, library)}") from None
        kg = None if parsed.load is None else units.to_kg(parsed.load)
        out.append(
            SetLog(slug, parsed.side, parsed.reps, kg, parsed.seconds, parsed.contacts, parsed.rir)
        )
    return tuple(out)


def _ask_sets(
    handle: str, day: date, library: ExerciseLibrary, settings: Settings
) -> tuple[str, ...]:
    """On a terminal: each planned set asked for in turn, the plan's dose as the answer given
    (Enter keeps it, '-' leaves the set out, else a SPEC). Without a terminal: an error naming
    --set."""
    if not sys.stdin.isatty():
        raise InputError("--set", "", "not given, and no terminal to ask on: give each set")
    from rich.prompt import Prompt

    from runstrong.log_service import day_session

    found = day_session(handle, day, library, settings)
    if found.session.session.date != day:
        raise InputError("--date", "", f"no session of {handle}'s plan on {day.isoformat()}")
    answers = []
    for x in found.session.exercises:
        planned = planned_spec(x.prescription, x.load_kg, found)
        for n in range(1, x.prescription.sets + 1):
            answer = Prompt.ask(f"{x.label} {x.prescription.name}, set {n}", default=planned)
            if answer.strip() != "-":
                answers.append(answer)
    return tuple(answers)


def planned_spec(p: Prescription, load_kg: float | None, found: DaySession) -> str:
    """A prescription as a SPEC, in the athlete's units: what the plan asks for."""
    from runstrong.domain.plan import Contacts, Hold

    dose = p.dose
    if isinstance(dose, Hold):
        return f"{p.slug} {dose.seconds}s"
    if isinstance(dose, Contacts):
        return f"{p.slug} {dose.count}c"
    load = "" if load_kg is None else f"x{found.athlete.units.from_kg(load_kg):g}"
    rir = "" if p.effort is None else f"@{p.effort.rir}"
    return f"{p.slug} {dose.count}{load}{rir}"


@click.command("today", cls=LogCommand)
@handle_argument
@date_option
@table_or_json_option
@exercises_option
def today(handle: str, day: str | None, format_: str | None, exercises: tuple[Path, ...]) -> None:
    """The session planned for a day (or the next one), with kilograms from the log where the
    log knows the lift (its e1RM: docs/science.md §2.6).

    Example: runstrong today alex --date 2027-01-07
    """
    import json

    from runstrong import services
    from runstrong.log_service import day_session
    from runstrong.render.day_json import day_dict

    settings = current_settings(exercises)
    when = parse_date(day, "--date") or settings.today
    found = day_session(handle, when, services.open_library(settings), settings)
    if (format_ or "table") == "json":
        click.echo(json.dumps(day_dict(found), indent=2, ensure_ascii=False))
        return
    from runstrong.cli.console import output_console
    from runstrong.cli.log_table import day_table

    output_console().print(day_table(found))


HISTORY_FORMATS = ("table", "json", "csv")


@click.command("history", cls=LogCommand)
@handle_argument
@click.option("--exercise", metavar="EXERCISE", help="Only this exercise (slug or name).")
@click.option("--from", "first", metavar="DATE", help="From this day (YYYY-MM-DD).")
@click.option("--to", "last", metavar="DATE", help="To this day, inclusive.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(HISTORY_FORMATS),
    help="Output format [default: from -o FILE's name (.json, .csv), else table].",
)
@file_output_option
@exercises_option
def history(
    handle: str,
    exercise: str | None,
    first: str | None,
    last: str | None,
    format_: str | None,
    output: str,
    exercises: tuple[Path, ...],
) -> None:
    """Every set logged, one row each: date, session, exercise, side, reps, load, seconds,
    contacts, RIR and the e1RM the set implies.

    Example: runstrong history alex --exercise back_squat --from 2027-01-01 --format csv
    """
    from runstrong.output import check_file

    fmt = format_ or log_format(output, default="table")
    check_file(Path(output))
    settings = current_settings(exercises)
    rows, units = history_rows(handle, exercise, first, last, settings)
    if fmt == "table":
        from runstrong.cli.console import echo_to
        from runstrong.cli.log_table import history_text

        echo_to(output, history_text(handle, rows, units))
        return
    write_log(handle, rows, fmt, output)


def log_format(output: str, *, default: str | None) -> str:
    """The format a log file's name ends in (.json, .csv), else `default` (None: an error)."""
    found = {".json": "json", ".csv": "csv"}.get(Path(output).suffix.lower())
    if found is None and output != "-" and default is None:
        raise InputError(output, "", "cannot tell the format: end the name in .csv or .json")
    return found or default or "csv"


def export_log(handle: str, output: str, exercises: tuple[Path, ...] = ()) -> None:
    """`runstrong export log`: every set logged, as CSV or JSON by the name of `output`."""
    from runstrong.output import check_file

    fmt = log_format(output, default=None)
    check_file(Path(output))
    rows, _ = history_rows(handle, None, None, None, current_settings(exercises))
    write_log(handle, rows, fmt, output)
    if output != "-":
        print(f"wrote {output} ({len(rows)} sets)", file=sys.stderr)


def history_rows(
    handle: str,
    exercise: str | None,
    first: str | None,
    last: str | None,
    settings: Settings,
) -> tuple[list[HistoryRow], Units]:
    from runstrong import log_service, services
    from runstrong.cli.library_cmd import unknown_exercise
    from runstrong.domain.errors import UnknownExerciseError

    start, end = parse_date(first, "--from"), parse_date(last, "--to")
    if start is not None and end is not None and end < start:
        raise InputError("--to", "", f"{end.isoformat()} is before --from {start.isoformat()}")
    athlete = log_service.athlete_units(handle, settings)
    library = services.open_library(settings)
    slug = None
    if exercise is not None:
        try:
            slug = services.find_exercise(library, exercise).slug
        except UnknownExerciseError as err:
            raise InputError("--exercise", "", unknown_exercise(err, library)) from None
    found = log_service.history(handle, library, settings, slug=slug, first=start, last=end)
    return found, athlete.units


def write_log(handle: str, rows: list[HistoryRow], fmt: str, output: str) -> None:
    from runstrong.export.log_export import log_csv, log_json
    from runstrong.output import write_output

    write_output(output, log_json(handle, rows) if fmt == "json" else log_csv(rows))
