"""The Rich console a command prints its tables to."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported only by the commands that print a table
    from rich.console import Console

PIPED_WIDTH = 120  # a table's width when it goes to a file or a pipe, not a terminal


def piped_width() -> int | None:
    """A terminal sets its own width (and COLUMNS any width); piped, a table is not squeezed
    into 80 columns."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return None
    return PIPED_WIDTH


def output_console() -> Console:
    from rich.console import Console

    return Console(width=piped_width())
