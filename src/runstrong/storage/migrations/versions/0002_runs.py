"""Imported runs (issue 17): one row a run, its laps as JSON, the kind the athlete set.

Revision ID: 0002_runs
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_runs"
down_revision = "0001"
branch_labels = None
depends_on = None

_NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("start", _NOW, nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("sport", sa.String(40), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("meters", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Float(), nullable=True),
        sa.Column("max_hr", sa.Float(), nullable=True),
        sa.Column("avg_power_w", sa.Float(), nullable=True),
        sa.Column("ascent_m", sa.Float(), nullable=True),
        sa.Column("laps_json", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(10), nullable=True),
        sa.Column("imported_at", _NOW, nullable=False),
        sa.CheckConstraint("seconds > 0", name="ck_runs_seconds"),
        sa.ForeignKeyConstraint(
            ["athlete_id"], ["athletes.id"], name="fk_runs_athlete_id_athletes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sa.UniqueConstraint("athlete_id", "start", name="uq_runs_athlete_id"),
    )


def downgrade() -> None:
    op.drop_table("runs")
