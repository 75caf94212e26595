"""Niggle check-ins: the pain an athlete reported at a site on a day and the severity it left.

Revision ID: 0003_niggle_checkins
Revises: 0002_runs
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_niggle_checkins"
down_revision = "0002_runs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "niggle_checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("site", sa.String(20), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("severity_before", sa.String(8), nullable=True),
        sa.Column("severity_after", sa.String(8), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("pain >= 0 AND pain <= 10", name="ck_niggle_checkins_pain"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_niggle_checkins_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_niggle_checkins"),
    )


def downgrade() -> None:
    op.drop_table("niggle_checkins")
