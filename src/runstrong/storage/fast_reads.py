"""Hot reads without the ORM: a statement compiled once per database, run on a pooled driver
connection (sqlite3, psycopg) and its first row returned as the driver gives it.

Building and executing a SQLAlchemy statement costs about 300 us in this worker; the same query
through the driver about 40 us on SQLite. The web app's most frequent answers (a calendar feed, a
stored plan) are one such query each and bytes from a cache. Values come back as the driver
reads them (SQLite: dates and times as text): use them as keys and ids, not as domain values.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import Compiled

# By dialect and statement: the statements are module-level constants (bindparam() for what a
# request gives), built once, so their id() stays theirs.
_compiled: dict[tuple[str, int], Compiled] = {}
_readers: dict[str, Engine] = {}


def first_row(engine: Engine, statement: ClauseElement, **params: Any) -> tuple[Any, ...] | None:
    """The first row of `statement` (its bind parameters named in `params`), or None. The
    connection goes back to the pool, which ends its transaction (a rollback)."""
    rows = _run(engine, statement, params, every=False)
    return rows[0] if rows else None


def all_rows(engine: Engine, statement: ClauseElement, **params: Any) -> list[tuple[Any, ...]]:
    """Every row of `statement`, as `first_row` reads it."""
    return _run(engine, statement, params, every=True)


def _run(
    engine: Engine, statement: ClauseElement, params: dict[str, Any], *, every: bool
) -> list[tuple[Any, ...]]:
    compiled = _compile(engine, statement)
    values = compiled.construct_params(params) or {}
    positions = getattr(compiled, "positiontup", None)
    arguments: Any = values if positions is None else [values[name] for name in positions]
    connection = _reader(engine).raw_connection()
    try:
        cursor = connection.cursor()
        try:
            cursor.execute(compiled.string, arguments)
            if every:
                return [tuple(row) for row in cursor.fetchall()]
            row = cursor.fetchone()
            return [] if row is None else [tuple(row)]
        finally:
            cursor.close()
    finally:
        connection.close()


def _reader(engine: Engine) -> Engine:
    """PostgreSQL: an engine of its own for these reads, in autocommit and without the pool's
    rollback on return, so that a read is one round trip, not three (BEGIN, the query,
    ROLLBACK). SQLite's driver runs in autocommit already (storage.database)."""
    if engine.dialect.name == "sqlite":
        return engine
    key = _key(engine)
    found = _readers.get(key)
    if found is None:
        from sqlalchemy import create_engine

        found = _readers[key] = create_engine(
            engine.url,
            isolation_level="AUTOCOMMIT",
            pool_reset_on_return=None,
            pool_size=1,
            max_overflow=4,
        )
    return found


def close_reader(engine: Engine) -> None:
    """Close the reads' own engine of `engine` (its pooled connections), if there is one."""
    found = _readers.pop(_key(engine), None)
    if found is not None:
        found.dispose()


def _key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _compile(engine: Engine, statement: ClauseElement) -> Compiled:
    key = (engine.dialect.name, id(statement))
    found = _compiled.get(key)
    if found is None:
        found = _compiled[key] = statement.compile(dialect=engine.dialect)
    return found
