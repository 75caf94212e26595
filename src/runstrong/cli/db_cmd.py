"""`runstrong db ...`: the training log's database: where it is, its schema, a backup."""

from __future__ import annotations

from pathlib import Path

import click

from runstrong.cli.base import Group
from runstrong.cli.options import current_settings
from runstrong.domain.errors import InputError


@click.group(
    "db",
    cls=Group,
    help=(
        "The training log's database: where it is, its schema, a backup.\n\n"
        "Example: runstrong db path"
    ),
    no_args_is_help=True,
)
def app() -> None:
    pass


@app.command()
def path() -> None:
    """Print where the database is: the SQLite file, else the URL without its password.

    Example: runstrong --db postgresql+psycopg://me@localhost/runstrong db path
    """
    from runstrong.storage.database import database_url, parse_url, shown, sqlite_file

    url = database_url(current_settings())
    found = sqlite_file(parse_url(url))
    click.echo(str(found) if found is not None else shown(url))


@app.command()
def upgrade() -> None:
    """Create the database if it is new and bring its schema up to date (every command that
    uses the database does so on first use; this does it now).

    Example: runstrong db upgrade
    """
    from runstrong.storage.database import database_url, engine_for, shown

    settings = current_settings()
    engine_for(settings)
    from runstrong.storage.database import HEAD

    click.echo(f"{shown(database_url(settings))}: schema at revision {HEAD} (the newest)")


@app.command()
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False))
def backup(file: Path) -> None:
    """Copy a SQLite database to FILE, consistent even while other commands write to it
    (SQLite's online backup). For PostgreSQL, use pg_dump.

    Example: runstrong db backup ~/runstrong-2026-12-07.sqlite3
    """
    from runstrong.storage.backup import backup_sqlite
    from runstrong.storage.database import database_url, parse_url, shown, sqlite_file

    url = database_url(current_settings())
    source = sqlite_file(parse_url(url))
    if source is None:
        raise InputError(
            "db backup",
            "",
            f"copies a SQLite database; {shown(url)} is not one "
            "(for PostgreSQL use pg_dump, e.g. pg_dump -Fc DBNAME > backup.dump)",
        )
    pages = backup_sqlite(current_settings(), file)
    click.echo(f"wrote {file} ({pages} pages, from {source})")
