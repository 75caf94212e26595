"""`runstrong serve`: the web app and its REST API (runstrong.web), served by uvicorn."""

from __future__ import annotations

import click

from runstrong.cli.options import current_settings

SIGNUP_ENV = "RUNSTRONG_SIGNUP"  # "0": no sign-up through the API (accounts by `user add`)
SECURE_COOKIES_ENV = "RUNSTRONG_SECURE_COOKIES"  # "1": behind a TLS proxy, HTTPS-only cookies
KEY_FILE_ENV = "RUNSTRONG_KEY_FILE"  # the key that signs the pages' cookies (every worker's)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65_535), default=8000, show_default=True, help="The port."
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes behind the one port (for PostgreSQL; SQLite: 1).",
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
    host: str, port: int, workers: int, signup: bool | None, secure_cookies: bool | None
) -> None:
    """Serve the web app and its REST API (/api/v1, OpenAPI at /api/openapi.json) on the
    training log's database (--db). Ctrl-C stops it. The key that signs the pages' cookies is
    kept in the data folder (or the file RUNSTRONG_KEY_FILE names), made on the first start.

    Example: runstrong --db sqlite:///runstrong.sqlite3 serve --port 8000 --no-signup
    """
    import os
    from pathlib import Path

    import uvicorn

    from runstrong.domain.errors import InputError
    from runstrong.storage.database import database_url, engine_for, shown
    from runstrong.web.config import CONFIG_ENV, WebConfig
    from runstrong.web.keys import default_key_file, server_key

    settings = current_settings()
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
    os.environ[CONFIG_ENV] = config.to_json()  # the workers' factory reads it
    click.echo(f"runstrong on http://{host}:{port}/ ({shown(config.database_url)})", err=True)
    uvicorn.run(
        "runstrong.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        server_header=False,
    )
