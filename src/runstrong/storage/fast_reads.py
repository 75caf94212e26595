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
    connection = engine.raw_connection()
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


def _compile(engine: Engine, statement: ClauseElement) -> Compiled:
    key = (engine.dialect.name, id(statement))
    found = _compiled.get(key)
    if found is None:
        found = _compiled[key] = statement.compile(dialect=engine.dialect)
    return found
