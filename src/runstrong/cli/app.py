"""The root command and its sub-commands."""

from __future__ import annotations

from typing import Annotated

import typer

from runstrong import __version__
from runstrong.cli import export_cmd, heatmap_cmd, library_cmd, plan_cmd, rules_cmd

app = typer.Typer(
    name="runstrong",
    help=(
        "Strength training planned around your running.\n\n"
        "Example: runstrong plan examples/alex-marathon.toml"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
app.add_typer(library_cmd.app, name="library")
app.add_typer(export_cmd.app, name="export")
app.command("plan")(plan_cmd.plan)
app.command("rules")(rules_cmd.rules)
app.command("heatmap")(heatmap_cmd.heatmap)
app.command("balance")(heatmap_cmd.balance)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"runstrong {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", metavar="", help="Show tracebacks for errors (allowed after any command)."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", metavar="", callback=_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    # `--debug` is declared here for --help; run_safely reads and removes it before parsing.
    """Strength training planned around your running."""
