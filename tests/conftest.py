"""Shared test helpers. Builders, not global fixtures: each test says what it needs."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def _input_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("input-cache"))


@pytest.fixture(autouse=True)
def _no_extra_exercise_dirs(monkeypatch: pytest.MonkeyPatch, _input_cache_dir: str) -> None:
    """Tests see only the built-in library unless they set RUNSTRONG_EXERCISES themselves, and
    cache validated inputs in a folder of their own, never the user's."""
    monkeypatch.delenv("RUNSTRONG_EXERCISES", raising=False)
    monkeypatch.delenv("RUNSTRONG_NO_CACHE", raising=False)
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", _input_cache_dir)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing.",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The browser and PostgreSQL suites run once, on the pure-Python build: the compiled run
    (RUNSTRONG_EXPECT_BUILD=compiled, `make pytest-compiled`, where only the planning engine
    differs) leaves them out, and runs every storage test on SQLite."""
    if os.environ.get("RUNSTRONG_EXPECT_BUILD") != "compiled":
        return
    once = [item for item in items if _pure_build_only(item)]
    if once:
        config.hook.pytest_deselected(items=once)
        items[:] = [item for item in items if not _pure_build_only(item)]


def _pure_build_only(item: pytest.Item) -> bool:
    if item.get_closest_marker("browser") is not None:
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("database_url") == "postgresql"


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# -- the training log's database: every storage test on SQLite and on PostgreSQL ----------------

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(autouse=True)
def _no_user_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test touches the user's own database: the default file is in a folder of the tests'."""
    monkeypatch.delenv("RUNSTRONG_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "data-home"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty database of each kind: a SQLite file, or a PostgreSQL schema of its own in
    the server's `test` database (named by a uuid: tests run in parallel, twice). The server
    missing is a failure, never a skip."""
    from runstrong.storage import database

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
        yield url
        database.close(url)
        return
    import psycopg

    schema = f"t_{uuid.uuid4().hex}"
    dsn = "host=127.0.0.1 port=5432 user=postgres dbname=test"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        database.close(f"{POSTGRES}?options=-csearch_path%3D{schema}")
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
