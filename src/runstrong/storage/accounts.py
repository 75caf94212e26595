"""The accounts' rows: users with an email, API tokens (their hashes), failed log-ins and coaches'
links. Functions of the caller's session (one transaction per user action); the account
service (runstrong.account_service) decides, these read and write."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from runstrong.storage.models import ApiTokenRow, LoginFailureRow, PasswordResetRow, UserRow


def user_by_email(session: Session, email: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.email == email))


def add_user(
    session: Session, name: str, email: str, password_hash: str, role: str, now: dt.datetime
) -> UserRow:
    row = UserRow(name=name, email=email, password_hash=password_hash, role=role, created_at=now)
    session.add(row)
    session.flush()
    return row


def set_password_hash(session: Session, user_id: int, password_hash: str) -> None:
    session.execute(
        update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
    )


def add_token(
    session: Session,
    user_id: int,
    token_hash: str,
    now: dt.datetime,
    *,
    second_factor_at: dt.datetime | None = None,
) -> None:
    session.add(
        ApiTokenRow(
            user_id=user_id,
            token_hash=token_hash,
            created_at=now,
            second_factor_at=second_factor_at,
        )
    )


def user_by_token(session: Session, token_hash: str) -> tuple[UserRow, ApiTokenRow] | None:
    """The user of a token that is not revoked."""
    found = session.execute(
        select(UserRow, ApiTokenRow)
        .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
        .where(ApiTokenRow.token_hash == token_hash, ApiTokenRow.revoked_at.is_(None))
    ).first()
    return None if found is None else (found[0], found[1])


def touch_token(session: Session, token_id: int, now: dt.datetime) -> None:
    session.execute(update(ApiTokenRow).where(ApiTokenRow.id == token_id).values(last_used_at=now))


def revoke_token(session: Session, token_hash: str, now: dt.datetime) -> bool:
    result = session.execute(
        update(ApiTokenRow)
        .where(ApiTokenRow.token_hash == token_hash, ApiTokenRow.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def failures_since(
    session: Session, since: dt.datetime, *, email: str, address: str
) -> tuple[int, int]:
    """Failed log-ins since `since`: for the email, and from the address."""

    def count(*where: object) -> int:
        found = session.scalar(
            select(func.count(LoginFailureRow.id)).where(LoginFailureRow.at >= since, *where)  # type: ignore[arg-type]
        )
        return int(found or 0)

    return count(LoginFailureRow.email == email), count(LoginFailureRow.address == address)


def add_failure(
    session: Session, email: str, address: str, now: dt.datetime, *, forget_before: dt.datetime
) -> None:
    """Count a failed log-in, and forget those older than `forget_before` (the table stays the
    size of one window)."""
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.at < forget_before))
    session.add(LoginFailureRow(email=email, address=address, at=now))


def user_by_name(session: Session, name: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.name == name))


def users(session: Session) -> list[UserRow]:
    """Every web account (the command line's local user, with no email, left out)."""
    return list(
        session.scalars(select(UserRow).where(UserRow.email.is_not(None)).order_by(UserRow.id))
    )


def set_role(session: Session, user_id: int, role: str) -> None:
    session.execute(update(UserRow).where(UserRow.id == user_id).values(role=role))


def revoke_tokens(
    session: Session, user_id: int, now: dt.datetime, *, keep_hash: str | None = None
) -> None:
    """Revoke every token of the user (but `keep_hash`'s)."""
    query = (
        update(ApiTokenRow)
        .where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if keep_hash is not None:
        query = query.where(ApiTokenRow.token_hash != keep_hash)
    session.execute(query)


def delete_user(session: Session, user_id: int) -> None:
    """The user and, by the foreign keys' cascades, its athletes with their profiles, plans, log
    and runs, its tokens, its links as a coach and the pins it made."""
    session.execute(delete(UserRow).where(UserRow.id == user_id))


def add_reset(
    session: Session, user_id: int, token_hash: str, now: dt.datetime, expires: dt.datetime
) -> None:
    session.add(
        PasswordResetRow(user_id=user_id, token_hash=token_hash, created_at=now, expires_at=expires)
    )


def take_reset(session: Session, token_hash: str, now: dt.datetime) -> int | None:
    """The user id of a reset link not used and not expired, now marked used."""
    row = session.scalar(
        select(PasswordResetRow)
        .where(PasswordResetRow.token_hash == token_hash, PasswordResetRow.used_at.is_(None))
        .with_for_update()
    )
    expires = None if row is None else row.expires_at
    if row is None or expires is None or _aware(expires) <= now:
        return None
    row.used_at = now
    return row.user_id


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


# -- the second factor (0009) ---------------------------------------------------------------


def set_totp(
    session: Session,
    user_id: int,
    nonce: str | None,
    *,
    confirmed_at: dt.datetime | None = None,
    last_step: int | None = None,
) -> None:
    """The user's TOTP nonce, when it was confirmed and the last step taken (all None: none)."""
    session.execute(
        update(UserRow)
        .where(UserRow.id == user_id)
        .values(totp_nonce=nonce, totp_confirmed_at=confirmed_at, totp_last_step=last_step)
    )


def take_totp_step(session: Session, user_id: int, step: int) -> None:
    session.execute(update(UserRow).where(UserRow.id == user_id).values(totp_last_step=step))


def token_second_factor(session: Session, token_hash: str) -> dt.datetime | None:
    """When a live token's sign-in passed the second factor (None: it did not, or no token)."""
    found = session.scalar(
        select(ApiTokenRow.second_factor_at).where(
            ApiTokenRow.token_hash == token_hash, ApiTokenRow.revoked_at.is_(None)
        )
    )
    return None if found is None else _aware(found)


def mark_second_factor(session: Session, token_hash: str, now: dt.datetime) -> None:
    session.execute(
        update(ApiTokenRow).where(ApiTokenRow.token_hash == token_hash).values(second_factor_at=now)
    )
