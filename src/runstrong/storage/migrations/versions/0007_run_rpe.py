"""A run's session RPE (CR-10, 0-10): from the source (Strava's Perceived Exertion) or set by
the athlete (`runs set-rpe`); the load takes it before power or heart rate (Foster 2001).

Revision ID: 0007_run_rpe
Revises: 0006_feeds
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_run_rpe"
down_revision = "0006_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("rpe", sa.Integer(), nullable=True))
        batch.create_check_constraint("ck_runs_rpe", "rpe IS NULL OR (rpe >= 0 AND rpe <= 10)")


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_constraint("ck_runs_rpe", type_="check")
        batch.drop_column("rpe")
