"""The Rich console a command prints its tables to."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
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


def print_to(output: str, draw: Callable[[Console], None]) -> None:
    """`draw` on the terminal's console (`output` "-"), else into the file `output` as plain
    text, PIPED_WIDTH columns wide."""
    if output == "-":
        draw(output_console())
        return
    from rich.console import Console

    from runstrong.output import write_output

    buffer = io.StringIO()
    draw(Console(file=buffer, width=PIPED_WIDTH, color_system=None))
    write_output(output, buffer.getvalue().encode("utf-8"))


def echo_to(output: str, text: str) -> None:
    """`text` and a newline on stdout (`output` "-") or into the file `output`."""
    from runstrong.output import write_output

    write_output(output, f"{text}\n".encode())
