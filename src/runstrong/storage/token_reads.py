"""The account of an API token, read without the ORM (storage.fast_reads): every authenticated
request asks, so it is one indexed query on a driver connection the thread keeps (about 15 us
on SQLite against 700 us through a Session)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, select

from runstrong.storage.fast_reads import first_row
from runstrong.storage.models import ApiTokenRow, UserRow

TOKEN_ACCOUNT = (
    select(
        ApiTokenRow.id,
        UserRow.name,
        UserRow.email,
        UserRow.role,
        ApiTokenRow.created_at,
        ApiTokenRow.last_used_at,
    )
    .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
    .where(ApiTokenRow.token_hash == bindparam("token_hash"), ApiTokenRow.revoked_at.is_(None))
)


@dataclass(frozen=True, slots=True)
class TokenAccount:
    token_id: int
    name: str  # the user's public id
    email: str | None
    role: str
    created_at: dt.datetime  # timezone-aware (UTC)
    last_used_at: dt.datetime | None  # timezone-aware (UTC)


def token_account(engine: Engine, token_hash: str) -> TokenAccount | None:
    """The user of a token that is not revoked, else None."""
    row = first_row(engine, TOKEN_ACCOUNT, token_hash=token_hash)
    return None if row is None else token_account_of(row)


def token_account_of(row: tuple[Any, ...]) -> TokenAccount:
    """The TokenAccount of a row of TOKEN_ACCOUNT's columns, as the driver gives it."""
    token_id, name, email, role, made, used = row
    created = _moment(made)
    assert created is not None  # a token's row always has its time
    return TokenAccount(int(token_id), str(name), email, str(role), created, _moment(used))


def _moment(value: object) -> dt.datetime | None:
    """A driver's time stamp: PostgreSQL's datetime, SQLite's text (stored as UTC)."""
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
