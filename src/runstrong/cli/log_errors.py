"""The training log's domain errors in the command line's terms: its option names and the
commands that help."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from runstrong.cli.base import Command
from runstrong.domain.errors import (
    AlreadyLoggedError,
    BadHandleError,
    HandleTakenError,
    InputError,
    NoPlannedSessionError,
    UnknownAthleteError,
)


@contextmanager
def worded_log_errors() -> Iterator[None]:
    try:
        yield
    except UnknownAthleteError as err:
        see = "see: runstrong athlete list" if err.handles else "add one: runstrong athlete add"
        raise InputError("athlete", "", f"{err} ({see})") from None
    except (HandleTakenError, BadHandleError) as err:
        raise InputError("--handle", "", str(err)) from None
    except AlreadyLoggedError as err:
        raise InputError(
            "--replace", "", f"not given, and {err}: give --replace, or --delete the day's log"
        ) from None
    except NoPlannedSessionError as err:
        raise InputError("--date", "", str(err)) from None


class LogCommand(Command):
    """A command of athletes and their log: its domain errors worded as above."""

    def invoke(self, ctx: click.Context) -> Any:
        with worded_log_errors():
            return super().invoke(ctx)
