"""`runstrong rules`: every threshold the engine uses, its default, unit and source."""

from __future__ import annotations

import json

import click

from runstrong.cli.base import Command
from runstrong.cli.options import table_or_json_option


@click.command("rules", cls=Command)
@table_or_json_option
def rules(format_: str) -> None:
    """List the engine's rules; override any of them in a profile's [rules] table.

    Example: runstrong rules --format json
    """
    from runstrong.domain.rules import Rules

    described = Rules.describe()
    if format_ == "json":
        click.echo(json.dumps(described, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

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
