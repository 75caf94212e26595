"""The root command and its sub-commands.

Only click and the commands' declarations load here: each command imports what it needs (the
services, Rich, exporters) when it runs, so that `runstrong --version` or a JSON plan start fast.
"""

from __future__ import annotations

import click

from runstrong import __version__
from runstrong.cli import export_cmd, heatmap_cmd, library_cmd, plan_cmd, rules_cmd
from runstrong.cli.base import CONTEXT_SETTINGS, Group


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"runstrong {__version__}")
        ctx.exit()


@click.group(
    "runstrong",
    cls=Group,
    context_settings=CONTEXT_SETTINGS,
    help=(
        "Strength training planned around your running.\n\n"
        "Example: runstrong plan examples/alex-marathon.toml"
    ),
    no_args_is_help=True,
)
# `--debug` is declared here for --help; run_safely reads and removes it before parsing.
@click.option(
    "--debug", is_flag=True, help="Show tracebacks for errors (allowed after any command)."
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version.",
)
def app(debug: bool) -> None:
    pass


app.add_command(plan_cmd.plan)
app.add_command(rules_cmd.rules)
app.add_command(heatmap_cmd.heatmap)
app.add_command(heatmap_cmd.balance)
app.add_command(library_cmd.app)
app.add_command(export_cmd.app)
