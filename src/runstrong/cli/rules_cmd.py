"""`runstrong rules`: every threshold the engine uses, its default, unit and source."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING, Any

import click

from runstrong.cli.base import Command
from runstrong.cli.options import (
    TABLE_OR_JSON,
    file_output_option,
    resolve_format,
    table_or_json_option,
)

if TYPE_CHECKING:
    from rich.console import Console

TITLE = "Rules (override in the profile's \\[rules] table)"
HEURISTIC_KEY = "runstrong_heuristic"
HEURISTIC_NOTE = "(D): our own heuristic drawn from that source; sources are in docs/science.md"
INDENT = " " * 4  # a rule's description under its name, in the narrow layout
WIDE_LAYOUT_COLUMNS = 110  # below this, one rule per two lines instead of a table


@click.command("rules", cls=Command)
@table_or_json_option
@file_output_option
def rules(format_: str | None, output: str) -> None:
    """List the engine's rules; override any of them in a profile's [rules] table.

    Example: runstrong rules --format json
    """
    from pathlib import Path

    from runstrong.cli.console import echo_to, print_to
    from runstrong.domain.rules import Rules
    from runstrong.output import check_file

    fmt = resolve_format(format_, output, TABLE_OR_JSON)
    check_file(Path(output))
    described = Rules.describe()
    if fmt == "json":
        echo_to(output, json.dumps(described, indent=2))
        return
    print_to(output, lambda console: _print(console, described))


def _print(console: Console, described: list[dict[str, Any]]) -> None:
    if console.width < WIDE_LAYOUT_COLUMNS:
        _print_list(console, described)
        return
    from rich.table import Table

    table = Table(title=TITLE, caption=HEURISTIC_NOTE, expand=True)
    table.add_column("name", no_wrap=True)
    table.add_column("default", no_wrap=True)
    table.add_column("what", ratio=1)
    table.add_column("source", no_wrap=True)
    for r in described:
        table.add_row(r["name"], _value(r["default"]), r["doc"], _source(r))
    console.print(table)


def _print_list(console: Console, described: list[dict[str, Any]]) -> None:
    """A narrow terminal: each rule as its name, default and source, then what it is, indented
    (a four-column table would cut the names or wrap every word)."""
    from rich.text import Text

    console.print(TITLE, style="bold")
    console.print(HEURISTIC_NOTE)
    for r in described:
        head = Text.assemble((r["name"], "bold"), f" = {_value(r['default'])}  ", _source(r))
        console.print(head)
        doc = textwrap.fill(
            r["doc"], console.width, initial_indent=INDENT, subsequent_indent=INDENT
        )
        console.print(Text(doc, style="dim"))


def _source(rule: dict[str, Any]) -> str:
    """The citation key, and (D) for a value we chose from it (the key runstrong_heuristic says
    so on its own)."""
    cite = str(rule["cite"])
    return cite + (" (D)" if rule["heuristic"] and cite != HEURISTIC_KEY else "")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
