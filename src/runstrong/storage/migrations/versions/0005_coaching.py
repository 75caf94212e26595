"""Coaching and account care (issue 16): each athlete's opaque public id (the API's), coaches'
invitation links, coaches' pinned session edits, administrators' password-reset links.

Revision ID: 0005_coaching
Revises: 0004_accounts
Create Date: 2026-12-07
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0005_coaching"
down_revision = "0004_accounts"
branch_labels = None
depends_on = None

_AT = sa.DateTime(timezone=True)
PUBLIC_ID_BYTES = 12  # as runstrong.storage.repository.new_public_id


def upgrade() -> None:
    # A plain ADD COLUMN on SQLite too (no batch copy of the table: dropping the old athletes
    # table would cascade to the whole log), filled row by row, then a unique index.
    op.add_column("athletes", sa.Column("public_id", sa.String(32), nullable=True))
    bind = op.get_bind()
    ids = bind.execute(sa.text("SELECT id FROM athletes")).scalars().all()
    for athlete_id in ids:
        bind.execute(
            sa.text("UPDATE athletes SET public_id = :p WHERE id = :i"),
            {"p": "a_" + secrets.token_urlsafe(PUBLIC_ID_BYTES), "i": athlete_id},
        )
    op.create_index("ix_athletes_public_id", "athletes", ["public_id"], unique=True)
    for table in ("coach_invitations", "password_resets"):
        owner = "coach_id" if table == "coach_invitations" else "user_id"
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column(owner, sa.Integer(), nullable=False),
            sa.Column("token_hash", sa.String(64), nullable=False),
            sa.Column("created_at", _AT, nullable=False),
            sa.Column("expires_at", _AT, nullable=False),
            sa.Column("used_at", _AT, nullable=True),
            sa.ForeignKeyConstraint(
                [owner], ["users.id"], name=f"fk_{table}_{owner}_users", ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.UniqueConstraint("token_hash", name=f"uq_{table}_token_hash"),
        )
        op.create_index(f"ix_{table}_{owner}", table, [owner])
    op.create_table(
        "session_pins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(300), nullable=False),
        sa.Column("slug", sa.String(100), nullable=True),
        *(sa.Column(n, sa.Integer(), nullable=True) for n in _DOSE),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", _AT, nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_session_pins_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["users.id"], name="fk_session_pins_coach_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_session_pins"),
        sa.UniqueConstraint("athlete_id", "exercise_id", name="uq_session_pins_athlete_id"),
    )
    op.create_index("ix_session_pins_coach_id", "session_pins", ["coach_id"])


_DOSE = ("sets", "reps", "seconds", "contacts", "rir")


def downgrade() -> None:
    for table in ("session_pins", "password_resets", "coach_invitations"):
        op.drop_table(table)
    op.drop_index("ix_athletes_public_id", table_name="athletes")
    # SQLite 3.35+ drops a column in place: no copy of the table, no cascade.
    op.execute(sa.text("ALTER TABLE athletes DROP COLUMN public_id"))
