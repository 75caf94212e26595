"""Alembic, run from inside the package: the migrations live in storage/migrations (package
data found beside this module), and no alembic.ini is needed or read."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `connection`, inside its transaction."""
    command.upgrade(config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    command.downgrade(config(connection), revision)


def head() -> str:
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None
    return found
