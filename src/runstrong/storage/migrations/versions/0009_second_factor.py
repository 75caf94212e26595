"""A second factor for signing in (TOTP, RFC 6238; OWASP ASVS 4.0.3 4.3.1: administrators need
one). `users.totp_nonce`: random bytes (hex) from which the server derives the account's TOTP
secret with its key (web/keys.py); the secret itself is stored nowhere, so the database alone
gives no codes. `users.totp_confirmed_at`: when a first code confirmed it (null: being set up,
or none). `users.totp_last_step`: the time step of the last code taken, so a code is taken once.
`api_tokens.second_factor_at`: when the token's sign-in passed the second factor (null: by the
password alone).

Columns added and dropped in place (no table copied): the tables of 0008's triggers are not
touched, and no copy of `users` drops the table its athletes cascade from.

Revision ID: 0009_second_factor
Revises: 0008_athlete_revision
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_second_factor"
down_revision = "0008_athlete_revision"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("totp_nonce", sa.String(64), nullable=True))
    op.add_column(
        "users", sa.Column("totp_confirmed_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("users", sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
    op.add_column(
        "api_tokens", sa.Column("second_factor_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN in place (SQLite 3.35 and later): a batch copy of `users`
    # would drop the table its athletes cascade from.
    op.drop_column("api_tokens", "second_factor_at")
    for column in ("totp_last_step", "totp_confirmed_at", "totp_nonce"):
        op.drop_column("users", column)
