"""Web accounts (issue 16): an email, an argon2id hash and a role on users; API tokens (hashed);
failed log-ins counted for the rate limit; coaches' links to athletes.

Revision ID: 0004_accounts
Revises: 0003_niggle_checkins
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_accounts"
down_revision = "0003_niggle_checkins"
branch_labels = None
depends_on = None

_AT = sa.DateTime(timezone=True)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # 0001 inserted the local user with id 1 by hand, which PostgreSQL's sequence did not
        # count: the first account would take id 1 again. Move the sequence past every id.
        op.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT MAX(id) FROM users))"
            )
        )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.String(320), nullable=True))
        batch.add_column(sa.Column("password_hash", sa.String(200), nullable=True))
        batch.add_column(sa.Column("role", sa.String(8), nullable=False, server_default="athlete"))
        batch.create_unique_constraint("uq_users_email", ["email"])
        batch.create_check_constraint("ck_users_role", "role IN ('athlete', 'coach', 'admin')")
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", _AT, nullable=False),
        sa.Column("last_used_at", _AT, nullable=True),
        sa.Column("revoked_at", _AT, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_api_tokens_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", _AT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    for column in ("email", "address", "at"):
        op.create_index(f"ix_login_failures_{column}", "login_failures", [column])
    op.create_table(
        "athlete_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("created_at", _AT, nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'accepted', 'left')", name="ck_athlete_access_status"
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_athlete_access_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["users.id"], name="fk_athlete_access_coach_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_athlete_access"),
        sa.UniqueConstraint("athlete_id", "coach_id", name="uq_athlete_access_athlete_id"),
    )
    op.create_index("ix_athlete_access_coach_id", "athlete_access", ["coach_id"])


def downgrade() -> None:
    for table in ("athlete_access", "login_failures", "api_tokens"):
        op.drop_table(table)
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("ck_users_role", type_="check")
        batch.drop_constraint("uq_users_email", type_="unique")
        batch.drop_column("role")
        batch.drop_column("password_hash")
        batch.drop_column("email")
