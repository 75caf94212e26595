"""Calendar subscriptions and files made in the background (issue 16): a secret feed token per
athlete (its SHA-256 kept, revocable) and the files made outside the request workers (a plan's
PDF per plan version, the calendar feed per state of the plan and log), with their state.

Revision ID: 0006_feeds
Revises: 0005_coaching
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_feeds"
down_revision = "0005_coaching"
branch_labels = None
depends_on = None

_AT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", _AT, nullable=False),
        sa.Column("revoked_at", _AT, nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_calendar_feeds_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_calendar_feeds"),
        sa.UniqueConstraint("token_hash", name="uq_calendar_feeds_token_hash"),
    )
    op.create_index("ix_calendar_feeds_athlete_id", "calendar_feeds", ["athlete_id"])
    op.create_table(
        "made_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("requested_at", _AT, nullable=False),
        sa.Column("started_at", _AT, nullable=False),
        sa.Column("finished_at", _AT, nullable=True),
        sa.CheckConstraint("status IN ('pending', 'ready', 'failed')", name="ck_made_files_status"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_made_files_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_made_files"),
        sa.UniqueConstraint("athlete_id", "kind", "key", name="uq_made_files_athlete_id"),
    )


def downgrade() -> None:
    op.drop_table("made_files")
    op.drop_table("calendar_feeds")
