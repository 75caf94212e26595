"""The initial schema: users, athletes, profile and plan versions, session and set logs; and the
command line's local user.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", _NOW, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("handle", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("units", sa.String(2), nullable=False),
        sa.Column("created_at", _NOW, nullable=False),
        sa.CheckConstraint("units IN ('kg', 'lb')", name="ck_athletes_units"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_athletes_owner_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_athletes"),
        sa.UniqueConstraint("owner_id", "handle", name="uq_athletes_owner_id"),
    )
    op.create_index("ix_athletes_owner_id", "athletes", ["owner_id"])
    op.create_table(
        "profile_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", _NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_profile_versions_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_profile_versions"),
        sa.UniqueConstraint("athlete_id", "version", name="uq_profile_versions_athlete_id"),
    )
    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("profile_version_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("created_at", _NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_plan_versions_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["profile_version_id"],
            ["profile_versions.id"],
            name="fk_plan_versions_profile_version_id_profile_versions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_plan_versions"),
    )
    op.create_index("ix_plan_versions_athlete_id", "plan_versions", ["athlete_id"])
    op.create_table(
        "session_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("session_id", sa.String(200), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("moved_to", sa.Date(), nullable=True),
        sa.Column("rpe", sa.Integer(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("logged_at", _NOW, nullable=False),
        sa.CheckConstraint("status IN ('done', 'skipped', 'moved')", name="ck_session_logs_status"),
        sa.CheckConstraint("rpe IS NULL OR (rpe >= 0 AND rpe <= 10)", name="ck_session_logs_rpe"),
        sa.CheckConstraint("minutes IS NULL OR minutes >= 0", name="ck_session_logs_minutes"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_session_logs_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_session_logs"),
        sa.UniqueConstraint("athlete_id", "date", name="uq_session_logs_athlete_id"),
    )
    op.create_table(
        "set_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_log_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("side", sa.String(5), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("kg", sa.Float(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("contacts", sa.Integer(), nullable=True),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.CheckConstraint("side IN ('left', 'right', 'both')", name="ck_set_logs_side"),
        sa.ForeignKeyConstraint(
            ["session_log_id"],
            ["session_logs.id"],
            name="fk_set_logs_session_log_id_session_logs",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_set_logs"),
        sa.UniqueConstraint("session_log_id", "position", name="uq_set_logs_session_log_id"),
    )
    op.create_index("ix_set_logs_slug", "set_logs", ["slug"])
    # The command line's one user (models.LOCAL_USER); the web app's accounts come beside it.
    op.execute(
        sa.text("INSERT INTO users (id, name, created_at) VALUES (1, 'local', CURRENT_TIMESTAMP)")
    )


def downgrade() -> None:
    for table in ("set_logs", "session_logs", "plan_versions", "profile_versions", "athletes"):
        op.drop_table(table)
    op.drop_table("users")
