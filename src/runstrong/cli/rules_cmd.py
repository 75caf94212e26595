"""`runstrong rules`: every threshold the engine uses, its default, unit and source."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from runstrong.cli.options import TableOrJson
from runstrong.domain.rules import Rules


def rules(
    format_: Annotated[
        TableOrJson, typer.Option("--format", help="Output format.")
    ] = TableOrJson.TABLE,
) -> None:
    """List the engine's rules; override any of them in a profile's \\[rules] table.

    Example: runstrong rules --format json
    """
    described = Rules.describe()
    if format_ is TableOrJson.JSON:
        typer.echo(json.dumps(described, indent=2))
        return
    table = Table(title="Rules (override in the profile's \\[rules] table)")
    table.add_column("name", no_wrap=True)
    for col in ("default", "what", "source"):
        table.add_column(col, overflow="fold")
    for r in described:
        source = r["cite"] + (" (our heuristic)" if r["heuristic"] else "")
        table.add_row(r["name"], _value(r["default"]), r["doc"], source)
    Console().print(table)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
