"""User mistakes become one clear line on stderr and exit code 2; `--debug` shows the traceback.

Click reports its usage errors itself in standalone mode: the usage line, a hint and the
message, exit code 2. What is left for us are runstrong's own errors (`RunstrongError`): one
`error: ...` line each.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from runstrong.domain.errors import (
    InputError,
    NoRunningWeekError,
    NoSessionOnError,
    NotAWeekError,
    OutsideDatesError,
    RaceBeforeStartError,
    RangeBackwardsError,
    RunstrongError,
)

EXIT_USER_ERROR = 2
DEBUG_FLAG = "--debug"
TODAY_OPTION = "--today"


def split_debug(argv: list[str]) -> tuple[list[str], bool]:
    """`argv` without `--debug` (accepted anywhere before a `--`), and whether it was there."""
    end = argv.index("--") if "--" in argv else len(argv)
    kept = [a for a in argv[:end] if a != DEBUG_FLAG] + argv[end:]
    return kept, len(kept) != len(argv)


def today_first(argv: list[str]) -> list[str]:
    """`argv` with `--today DATE` (or `--today=DATE`), given anywhere before a `--`, moved to
    the front, where the root command reads it."""
    end = argv.index("--") if "--" in argv else len(argv)
    moved: list[str] = []
    kept: list[str] = []
    i = 0
    while i < end:
        arg = argv[i]
        if arg.startswith(f"{TODAY_OPTION}="):
            moved.append(arg)
        elif arg == TODAY_OPTION and i + 1 < end:
            moved += argv[i : i + 2]
            i += 1
        else:
            kept.append(arg)
        i += 1
    return moved + kept + argv[end:]


def run_safely(app: click.Command, argv: list[str]) -> int:
    args, debug = split_debug(argv)
    args = today_first(args)
    try:
        app.main(args=args, prog_name="runstrong", standalone_mode=True)
    except SystemExit as exit_:
        return _exit_code(exit_.code)
    except RunstrongError as err:
        if debug:
            raise
        for line in err.lines():
            print(f"error: {line}", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def warn(message: str) -> None:
    """Something the user should know, that does not stop the command: one line on stderr."""
    print(f"warning: {message}", file=sys.stderr)


@contextmanager
def worded(source: str | Path) -> Iterator[None]:
    """The services' domain errors in the command line's terms: its option names, and the
    SOURCE file the command was given."""
    where = str(source)
    try:
        yield
    except RaceBeforeStartError as err:
        start, race_date = err.start.isoformat(), err.race_date.isoformat()
        if err.start_given:
            raise InputError(
                "--start",
                "",
                f"{start} is after the race {err.race_name} on {race_date} "
                f"({where}: {err.field}); start on or before it",
            ) from None
        raise InputError(
            where, err.field, f"{race_date} ({err.race_name}) is before the plan start {start}"
        ) from None
    except NotAWeekError as err:
        raise InputError(
            "--week", "", f"{err.week} is not a week of this plan (1-{err.weeks})"
        ) from None
    except NoSessionOnError as err:
        raise InputError(
            "--session", "", f"no session on {err.day.isoformat()} in {where}"
        ) from None
    except RangeBackwardsError as err:
        raise InputError(
            "--to", "", f"{err.last.isoformat()} is before --from {err.first.isoformat()}"
        ) from None
    except OutsideDatesError as err:
        raise InputError(
            where,
            "",
            f"the plan would start on {err.day.isoformat()}, after 2099-12-31, the last date "
            "runstrong plans: set plan.start or --start",
        ) from None
    except NoRunningWeekError:
        raise InputError(
            where, "", "has no running week: the running layer needs the runner's profile"
        ) from None
