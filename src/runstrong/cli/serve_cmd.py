"""`runstrong serve`: the web app and its REST API (runstrong.web), served by uvicorn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from runstrong.cli.options import current_settings

if TYPE_CHECKING:
    from runstrong.web.config import WebConfig
    from runstrong.web.server import ServerOptions

SIGNUP_ENV = "RUNSTRONG_SIGNUP"  # "0": no sign-up through the API (accounts by `user add`)
SECURE_COOKIES_ENV = "RUNSTRONG_SECURE_COOKIES"  # "1": behind a TLS proxy, HTTPS-only cookies
KEY_FILE_ENV = "RUNSTRONG_KEY_FILE"  # the key that signs the pages' cookies (every worker's)
# glibc's allocator for a long-lived server (read at a process's start; the user's own values
# win): two arenas, not one per thread; big blocks (a 500 kB plan read) always mapped and given
# back when freed, the free top of the heap trimmed. A worker's RSS after bench/web_load.py's
# runs: 103 and 114 MB -> 87 and 99 MB (two workers, SQLite).
MALLOC_TUNING = {
    "MALLOC_ARENA_MAX": "2",
    "MALLOC_MMAP_THRESHOLD_": "131072",
    "MALLOC_TRIM_THRESHOLD_": "131072",
}


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65_535), default=8000, show_default=True, help="The port."
)
@click.option(
    "--db",
    "db",
    metavar="URL",
    default=None,
    help="The database to serve (as the root option --db; RUNSTRONG_DATABASE_URL).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes behind the one port (for PostgreSQL; SQLite: 1).",
)
@click.option(
    "--access-log/--no-access-log",
    default=False,
    show_default=True,
    help="A line per request on standard error (behind a reverse proxy, its log has them).",
)
@click.option(
    "--signup/--no-signup",
    default=None,
    help=f"Let anyone make an account (default: on, unless {SIGNUP_ENV}=0).",
)
@click.option(
    "--secure-cookies/--no-secure-cookies",
    default=None,
    help="Send the pages' cookies over HTTPS only: behind a TLS proxy "
    f"(default: off, unless {SECURE_COOKIES_ENV}=1).",
)
def serve(
    host: str,
    port: int,
    db: str | None,
    workers: int,
    access_log: bool,
    signup: bool | None,
    secure_cookies: bool | None,
) -> None:
    """Serve the web app and its REST API (/api/v1, OpenAPI at /api/openapi.json) on the
    training log's database (--db). Ctrl-C stops it. The key that signs the pages' cookies is
    kept in the data folder (or the file RUNSTRONG_KEY_FILE names), made on the first start.

    Example: runstrong serve --db sqlite:///runstrong.sqlite3 --port 8000 --no-signup
    """
    import os
    from dataclasses import replace
    from pathlib import Path

    from runstrong.domain.errors import InputError
    from runstrong.storage.database import database_url, engine_for, shown
    from runstrong.web.config import CONFIG_ENV, WebConfig
    from runstrong.web.keys import default_key_file, server_key
    from runstrong.web.server import ServerOptions, run_server

    settings = current_settings()
    if db is not None:
        settings = replace(settings, database_url=db)
    _schema_made_elsewhere(database_url(settings))
    engine_for(settings)  # a database that cannot be opened: one error line, before serving
    allowed = signup if signup is not None else os.environ.get(SIGNUP_ENV, "1") != "0"
    if secure_cookies is None:
        secure_cookies = os.environ.get(SECURE_COOKIES_ENV, "0") == "1"
    key_file = Path(os.environ[KEY_FILE_ENV]) if os.environ.get(KEY_FILE_ENV) else None
    key_file = key_file or default_key_file()
    try:
        server_key(key_file)  # made now, before the workers start, so they all read the same
    except OSError as err:
        raise InputError(
            str(key_file), "", f"cannot read or make the key: {err.strerror}"
        ) from None
    config = WebConfig(
        database_url=database_url(settings),
        exercise_dirs=settings.exercise_dirs,
        cache_dir=settings.cache_dir,
        signup=allowed,
        key_file=key_file,
        secure_cookies=secure_cookies,
    )
    _library_read_into_the_cache(config)
    os.environ[CONFIG_ENV] = config.to_json()  # the workers' factory reads it
    click.echo(f"runstrong on http://{host}:{port}/ ({shown(config.database_url)})", err=True)
    options = ServerOptions(host, port, workers, access_log)
    _as_server_process(options)  # on Linux, from `runstrong serve`: does not return
    run_server(options)


def _schema_made_elsewhere(url: str) -> None:
    """Bring a new or older database's schema to the newest revision in a process of its own
    (`runstrong db upgrade`): migrating loads Alembic and Mako, about 12 MB that a request
    worker (this process, with one worker) would otherwise keep. Its error line is its own."""
    import subprocess
    import sys

    from runstrong.storage.database import parse_url, schema_is_current

    parse_url(url)  # not a database URL runstrong takes: the error line from here
    if schema_is_current(url):
        return
    done = subprocess.run(
        [sys.executable, "-m", "runstrong", "--db", url, "db", "upgrade"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        click.echo(done.stderr.rstrip(), err=True)
        raise SystemExit(done.returncode)


def _library_read_into_the_cache(config: WebConfig) -> None:
    """The exercise library read once now, through the input cache, so that each worker reads
    it from there and never loads the library's reader (pydantic, about 9 MB): this process
    becomes the server next (os.execve), and what it held goes with it."""
    from runstrong import services

    if config.cache_dir is not None:
        services.open_library(config.settings())


def _as_server_process(options: ServerOptions) -> None:
    """On Linux, when started as `runstrong` (not called in a test's process), become the
    server: this process starts again as `python -m runstrong.web.server` (os.execve: the same
    process id), with MALLOC_TUNING in its environment, for itself and the workers it starts.
    The command line's modules (click's commands, rich, the reading of the options) are then
    not kept in a request worker's memory, about 3 MB of it with one worker."""
    import os
    import sys
    from pathlib import Path

    entry = Path(sys.argv[0])  # `runstrong ...` or `python -m runstrong ...`, nothing else
    ours = entry.name == "runstrong" or entry.parent.name == "runstrong"
    if sys.platform != "linux" or not ours:
        return
    tuning = {k: v for k, v in MALLOC_TUNING.items() if k not in os.environ}
    command = [sys.executable, "-m", "runstrong.web.server", options.to_json()]
    os.execve(sys.executable, command, {**os.environ, **tuning})
