"""Opening the database: the engine for a URL, its schema brought up to date on first use, and
one transaction per user action.

SQLite (the default, a file in the user's data folder) runs in WAL mode with foreign keys on;
every transaction that writes starts with BEGIN IMMEDIATE, so a second writer waits for the
first (up to BUSY_TIMEOUT_S) instead of failing half-way with "database is locked". PostgreSQL
is reached through psycopg 3 (`postgresql+psycopg://user@host/db`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from runstrong.domain.errors import InputError
from runstrong.settings import Settings

BUSY_TIMEOUT_S = 60  # how long a SQLite writer waits for another before giving up
# Each pooled SQLite connection keeps its own page cache (SQLite's default: 2,000 KiB); a web
# worker under 16 connections held 3.7 MB of them (8.6 MB at the peak) after bench/web_load.py.
# Pages past it are read from the operating system's file cache. Our heuristic: 256 KiB.
SQLITE_PAGE_CACHE_KIB = 256
DATABASE_FILE = "runstrong.sqlite3"
HEAD = "0009_second_factor"  # the newest migration (a test checks it is Alembic's head)
_MIGRATION_LOCK = 7_246_175  # PostgreSQL advisory lock key taken while migrating
_engines: dict[str, Engine] = {}


def default_url() -> str:
    """The SQLite file in the user's data folder (platformdirs: ~/.local/share/runstrong on
    Linux, ~/Library/Application Support/runstrong on macOS, %LOCALAPPDATA% on Windows)."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('runstrong', appauthor=False)) / DATABASE_FILE}"


def database_url(settings: Settings) -> str:
    return settings.database_url or default_url()


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError("--db", "", f"'{shown(url)}' is not a database URL") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(
            "--db", "", f"'{shown(url)}': runstrong stores its log in SQLite or PostgreSQL"
        )
    return parsed


def shown(url: str | URL) -> str:
    """The URL without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<not a URL>"


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def engine_for(settings: Settings) -> Engine:
    """The engine for the settings' database (one per URL and process), its schema current."""
    url = database_url(settings)
    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = _create(parse_url(url))
        ensure_schema(engine)
    return engine


def close(url: str) -> None:
    """Close the engine of `url` (its pooled connections), if this process opened one."""
    engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()
        from runstrong.storage.fast_reads import close_reader

        close_reader(engine)


def close_databases_but(kept: set[str]) -> None:
    """Close every engine of this process but those of the URLs `kept` (a planner process,
    which serves one database in a server and a new one in each test)."""
    for url in [u for u in _engines if u not in kept]:
        close(url)


def _create(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_size=1, max_overflow=2)
    path = sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(str(path.parent), "", f"cannot create ({exc.strerror})") from None
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_connected)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling off: we begin them ourselves (_sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # WAL's recommended level: no fsync per commit, only at checkpoints. The file stays
    # consistent through a crash; a power cut may lose the last commits (SQLite's docs,
    # "PRAGMA synchronous"). A log POST: 8 ms of waiting for the disk per commit here.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA cache_size = -{SQLITE_PAGE_CACHE_KIB}")  # negative: in KiB
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """Writers take the write lock at BEGIN, and so wait their turn (busy_timeout); a reader
    (execution option `readonly`) begins a deferred transaction, a snapshot of the WAL."""
    if connection.get_execution_options().get("readonly"):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        connection = connection.execution_options(readonly=True)
        if not inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if found is None else str(found)


def schema_is_current(url: str) -> bool:
    """Is the database of `url` there with its schema at HEAD? Asked without migrating (an
    engine of its own, let go after); False too for one that cannot be opened (the migrating
    says why)."""
    if url in _engines:
        return True
    try:
        engine = _create(parse_url(url))
    except InputError:
        return False
    try:
        return current_revision(engine) == HEAD
    except OperationalError:
        return False
    finally:
        engine.dispose()


def ensure_schema(engine: Engine) -> str:
    """Bring the schema to HEAD if it is not (a new database: create it), in one transaction
    that other processes wait for; return the revision."""
    if current_revision(engine) == HEAD:
        return HEAD
    from runstrong.storage.migrate import upgrade

    with (
        _translated(engine),
        engine.connect() as connection,
        _no_cascades(connection),
        connection.begin(),
    ):
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"))
        upgrade(connection)
        if connection.dialect.name == "sqlite":  # before the commit: nothing half-migrated
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                where = shown(engine.url)
                raise InputError(where, "", f"the migration broke references: {broken[:3]}")
    return HEAD


@contextmanager
def _no_cascades(connection: Connection) -> Iterator[None]:
    """SQLite's foreign keys off while migrating (set outside the transaction: the only place
    the pragma counts), then on again. A migration that changes a table on SQLite copies it and
    drops the old one, and with the keys on that drop deletes every row referring to it: the
    users table's copy (0004) emptied the athletes and their log."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


@contextmanager
def transaction(settings: Settings, *, readonly: bool = False) -> Iterator[Session]:
    """A session in one transaction: committed when the block ends, rolled back (nothing
    written) when it raises."""
    engine = engine_for(settings)
    bind = engine.execution_options(readonly=True) if readonly else engine
    with _translated(engine), Session(bind, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def _translated(engine: Engine) -> Iterator[None]:
    """A database that cannot be reached or opened: one error line naming it."""
    try:
        yield
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(shown(engine.url), "", f"database error: {reason}") from None


class DatabaseError(InputError):
    """A database that cannot be reached or used: one line for the command line; for the web
    app a server failure (500), whose words stay in the server's log."""
