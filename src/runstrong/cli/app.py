"""The root command and its sub-commands.

Only click loads here: each sub-command's module is imported when that command runs, and each
command imports what it needs (the services, Rich, exporters) inside it, so that `runstrong
--version` or a JSON plan start fast.
"""

from __future__ import annotations

import click

from runstrong import __version__
from runstrong.cli.base import CONTEXT_SETTINGS, LazyGroup

# The sub-commands, in the order help lists them; each module is imported when its command runs.
COMMANDS = {
    "plan": "runstrong.cli.plan_cmd:plan",
    "rules": "runstrong.cli.rules_cmd:rules",
    "heatmap": "runstrong.cli.heatmap_cmd:heatmap",
    "balance": "runstrong.cli.heatmap_cmd:balance",
    "library": "runstrong.cli.library_cmd:app",
    "export": "runstrong.cli.export_cmd:app",
    "athlete": "runstrong.cli.athlete_cmd:app",
    "log": "runstrong.cli.log_cmd:log",
    "today": "runstrong.cli.log_cmd:today",
    "history": "runstrong.cli.log_cmd:history",
    "niggle": "runstrong.cli.niggle_cmd:niggle",
    "import": "runstrong.cli.import_cmd:app",
    "chart": "runstrong.cli.chart_cmd:chart",
    "db": "runstrong.cli.db_cmd:app",
    "runs": "runstrong.cli.runs_cmd:runs",
    "load": "runstrong.cli.runs_cmd:load",
    "running": "runstrong.cli.running_cmd:running",
    "anchors": "runstrong.cli.anchors_cmd:anchors",
    "compliance": "runstrong.cli.compliance_cmd:compliance",
    "user": "runstrong.cli.user_cmd:app",
    "serve": "runstrong.cli.serve_cmd:serve",
}


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"runstrong {__version__}")
        ctx.exit()


@click.group(
    "runstrong",
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings=CONTEXT_SETTINGS,
    help=(
        "Strength training planned around your running.\n\n"
        "Example: runstrong plan examples/alex-marathon.toml"
    ),
    no_args_is_help=True,
)
# `--debug` is declared here for --help; run_safely reads and removes it before parsing, and
# moves `--today DATE` here from wherever it was given.
@click.option(
    "--debug", is_flag=True, help="Show tracebacks for errors (allowed after any command)."
)
@click.option(
    "--today",
    metavar="DATE",
    help="Take this day as today (YYYY-MM-DD) in every date the command works out "
    "(allowed after any command).",
)
@click.option(
    "--db",
    "database",
    metavar="URL",
    help="The training log's database: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB "
    "(default: RUNSTRONG_DATABASE_URL, else a SQLite file in your data folder).",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version.",
)
@click.pass_context
def app(ctx: click.Context, debug: bool, today: str | None, database: str | None) -> None:
    """The entry point's one reading of the environment and the clock: the Settings every
    sub-command gives the services (runstrong.cli.options.current_settings)."""
    import os

    from runstrong.cli.options import parse_date
    from runstrong.settings import from_environment

    ctx.obj = from_environment(
        os.environ, today=parse_date(today, "--today"), database_url=database
    )
