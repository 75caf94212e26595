"""Hot reads without the ORM: a statement compiled once per database, run on a driver connection
(sqlite3, psycopg) that the calling thread keeps, and its rows returned as the driver gives them.

Building and executing a SQLAlchemy statement costs about 300 us in this worker; through a pooled
driver connection about 40 us on SQLite; on a connection the thread keeps, about 10 us. The web
app's most frequent answers (a calendar feed, a stored plan, today's session) are one such query
each and bytes from a cache. Values come back as the driver
reads them (SQLite: dates and times as text): use them as keys and ids, not as domain values.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any, NamedTuple, cast

from sqlalchemy import Engine
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

# By dialect and statement: the statements are module-level constants (bindparam() for what a
# request gives), built once, so their id() stays theirs.
_compiled: dict[tuple[str, int], _Compiled] = {}
_readers: dict[str, Engine] = {}
_local = threading.local()  # .connections: this thread's driver connection by engine
_kept: dict[Engine, list[Any]] = {}  # every thread's, to close them (close_reader)
_lock = threading.Lock()


def first_row(engine: Engine, statement: ClauseElement, **params: Any) -> tuple[Any, ...] | None:
    """The first row of `statement` (its bind parameters named in `params`), or None. Each read
    is a transaction of its own (the connections are in autocommit)."""
    rows = _run(engine, statement, params, every=False)
    return rows[0] if rows else None


def all_rows(engine: Engine, statement: ClauseElement, **params: Any) -> list[tuple[Any, ...]]:
    """Every row of `statement`, as `first_row` reads it."""
    return _run(engine, statement, params, every=True)


async def first_row_async(
    engine: Engine, statement: ClauseElement, **params: Any
) -> tuple[Any, ...] | None:
    """first_row for an event loop: on PostgreSQL the loop serves other requests while the
    server answers (a pool of ASYNC_CONNECTIONS connections of the loop's own); SQLite's file
    answers in microseconds, so first_row itself."""
    if engine.dialect.name == "sqlite":
        return first_row(engine, statement, **params)
    compiled = _compile(engine, statement)
    pool = _async_pool(engine)
    connection = await pool.take()
    try:
        async with connection.cursor() as cursor:
            await cursor.execute(compiled.sql, _arguments(compiled, params))
            row = await cursor.fetchone()
    except BaseException:
        await pool.drop(connection)  # perhaps broken: the next read opens anew
        raise
    pool.give(connection)
    return None if row is None else tuple(row)


ASYNC_CONNECTIONS = 4  # per event loop and database: queries in flight at once


class _AsyncPool:
    """Autocommit psycopg connections of one event loop, made as needed up to `size`."""

    def __init__(self, conninfo: str, size: int) -> None:
        self._conninfo = conninfo
        self._size = size
        self._made = 0
        self._free: asyncio.Queue[Any] = asyncio.Queue()

    async def take(self) -> Any:
        if self._free.empty() and self._made < self._size:
            import psycopg

            self._made += 1
            try:
                return await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
            except BaseException:
                self._made -= 1
                raise
        return await self._free.get()

    def give(self, connection: Any) -> None:
        self._free.put_nowait(connection)

    def close(self) -> None:
        """Close the idle connections at once (their loop may be gone: the driver's own close
        needs none)."""
        while not self._free.empty():
            connection = self._free.get_nowait()
            with suppress(Exception):
                connection.pgconn.finish()
        self._made = 0

    async def drop(self, connection: Any) -> None:
        self._made -= 1
        with suppress(Exception):
            await connection.close()


_async_pools: dict[tuple[Engine, asyncio.AbstractEventLoop], _AsyncPool] = {}


def _async_pool(engine: Engine) -> _AsyncPool:
    key = (engine, asyncio.get_running_loop())
    found = _async_pools.get(key)
    if found is None:
        url = engine.url.set(drivername="postgresql")
        found = _async_pools[key] = _AsyncPool(
            url.render_as_string(hide_password=False), ASYNC_CONNECTIONS
        )
    return found


def _run(
    engine: Engine, statement: ClauseElement, params: dict[str, Any], *, every: bool
) -> list[tuple[Any, ...]]:
    connection = _connection(engine)
    try:
        cursor = connection.cursor()
        try:
            return _rows(cursor, _compile(engine, statement), params, every=every)
        finally:
            cursor.close()  # SQLite: ends the statement, and with it the read's snapshot
    except Exception:
        _drop(engine, connection)  # perhaps broken (a server restarted): the next read opens anew
        raise


def _rows(
    cursor: Any, compiled: _Compiled, params: dict[str, Any], *, every: bool
) -> list[tuple[Any, ...]]:
    cursor.execute(compiled.sql, _arguments(compiled, params))
    if every:
        return [tuple(row) for row in cursor.fetchall()]
    row = cursor.fetchone()
    return [] if row is None else [tuple(row)]


def _arguments(compiled: _Compiled, params: dict[str, Any]) -> Any:
    """`params` as the driver takes them: with the statement's own values, each converted as
    its column's type does (SQLite: dates and times as SQLAlchemy stores them), in order or
    by name."""
    values = {**compiled.literals, **params}
    for name, convert in compiled.processors.items():
        if name in values:
            values[name] = convert(values[name])
    if compiled.positions is None:
        return values
    return [values[name] for name in compiled.positions]


class Writer:
    """The statements of one write transaction on a driver connection (write_transaction)."""

    def __init__(self, engine: Engine, cursor: Any) -> None:
        self._engine = engine
        self._cursor = cursor

    def first_row(self, statement: ClauseElement, **params: Any) -> tuple[Any, ...] | None:
        rows = _rows(self._cursor, _compile(self._engine, statement), params, every=False)
        return rows[0] if rows else None

    def all_rows(self, statement: ClauseElement, **params: Any) -> list[tuple[Any, ...]]:
        return _rows(self._cursor, _compile(self._engine, statement), params, every=True)

    def execute(self, statement: ClauseElement, **params: Any) -> None:
        compiled = _compile(self._engine, statement)
        self._cursor.execute(compiled.sql, _arguments(compiled, params))

    def execute_many(self, statement: ClauseElement, rows: list[dict[str, Any]]) -> None:
        compiled = _compile(self._engine, statement)
        self._cursor.executemany(compiled.sql, [_arguments(compiled, row) for row in rows])


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Writer]:
    """One transaction that writes, on the thread's driver connection: committed when the block
    ends, rolled back when it raises. SQLite: BEGIN IMMEDIATE, so that a second writer waits
    its turn (busy_timeout), as storage.database's writers do; PostgreSQL: take the rows' locks
    (SELECT ... FOR UPDATE) in the block."""
    connection = _connection(engine)
    cursor = connection.cursor()
    try:
        try:
            cursor.execute("BEGIN IMMEDIATE" if engine.dialect.name == "sqlite" else "BEGIN")
        except Exception:
            _drop(engine, connection)  # perhaps broken (a server restarted)
            raise
        try:
            yield Writer(engine, cursor)
        except BaseException:
            _end(engine, connection, cursor, "ROLLBACK")
            raise
        _end(engine, connection, cursor, "COMMIT")
    finally:
        with suppress(Exception):  # closed with its connection, if that was dropped
            cursor.close()


def _end(engine: Engine, connection: Any, cursor: Any, how: str) -> None:
    """COMMIT or ROLLBACK; a connection that cannot is dropped (the server ends what it began
    when the connection closes)."""
    try:
        cursor.execute(how)
    except Exception:
        _drop(engine, connection)
        if how == "COMMIT":
            raise


def _connection(engine: Engine) -> Any:
    """The calling thread's own driver connection to `engine`'s database, kept open for its
    next read (a pool's checkout and return cost more than SQLite's query itself): the event
    loop's thread, and each of the few threads handlers run in."""
    mine: dict[Engine, Any] | None = getattr(_local, "connections", None)
    if mine is None:
        mine = _local.connections = {}
    found = mine.get(engine)
    if found is None:
        pooled = _reader(engine).raw_connection()
        found = mine[engine] = pooled.driver_connection
        pooled.detach()  # the pool's no longer: closed by close_reader, not returned
        with _lock:
            _kept.setdefault(engine, []).append(found)
    return found


def _drop(engine: Engine, connection: Any) -> None:
    mine: dict[Engine, Any] = getattr(_local, "connections", {})
    mine.pop(engine, None)
    with _lock:
        if connection in _kept.get(engine, []):
            _kept[engine].remove(connection)
    with suppress(Exception):  # closing what failed: nothing more to do
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
    """Close the reads' connections to `engine`'s database (every thread's) and their own
    engine, if there is one."""
    with _lock:
        connections = _kept.pop(engine, [])
    for connection in connections:
        with suppress(Exception):  # another thread's, perhaps mid-read: it goes on
            connection.close()
    for key in [k for k in _async_pools if k[0] is engine]:
        _async_pools.pop(key).close()
    found = _readers.pop(_key(engine), None)
    if found is not None:
        found.dispose()


def _key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


class _Compiled(NamedTuple):
    """A statement as the driver takes it: the SQL, the parameters' names in order (None: by
    name), the values the statement holds itself (a column == "ics") and the conversions of
    the parameters whose column type has one."""

    sql: str
    positions: list[str] | None
    literals: dict[str, Any]
    processors: Mapping[str, Callable[[Any], Any]]


def _compile(engine: Engine, statement: ClauseElement) -> _Compiled:
    key = (engine.dialect.name, id(statement))
    found = _compiled.get(key)
    if found is None:
        compiled = cast(SQLCompiler, statement.compile(dialect=engine.dialect))
        literals = {name: bind.value for name, bind in compiled.binds.items() if not bind.required}
        processors = {
            name: convert
            for name, convert in compiled._bind_processors.items()
            if callable(convert)
        }
        positions = getattr(compiled, "positiontup", None)
        found = _compiled[key] = _Compiled(compiled.string, positions, literals, processors)
    return found
