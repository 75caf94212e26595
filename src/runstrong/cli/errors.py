"""User mistakes become one clear line on stderr and exit code 2; `--debug` shows the traceback."""

from __future__ import annotations

import sys

import click
import typer

from runstrong.domain.errors import RunstrongError

EXIT_USER_ERROR = 2


def run_safely(app: typer.Typer, argv: list[str]) -> int:
    debug = "--debug" in argv
    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name="runstrong", standalone_mode=False)
    except RunstrongError as err:
        if debug:
            raise
        for line in str(err).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return EXIT_USER_ERROR
    except click.exceptions.Abort:
        print("aborted", file=sys.stderr)
        return 1
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    return 0
