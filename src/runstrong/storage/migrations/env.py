"""Alembic's environment: runs on the connection runstrong hands it (storage.migrate), in that
connection's transaction."""

from __future__ import annotations

from alembic import context

from runstrong.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("runstrong's migrations run through runstrong.storage.migrate")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
