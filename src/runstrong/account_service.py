"""Use cases of the web app's accounts: add a user, sign up (without telling whether an email is
taken), exchange an email and password for an API token, find the account of a token, revoke one.

Passwords are hashed with argon2id (argon2-cffi) at OWASP's minimum cost; a token is 32 random
bytes, of which only the SHA-256 is stored. Failed log-ins are counted in the database per email
and per client address, so every worker of a server shares the limit.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from runstrong.domain.errors import InputError, RunstrongError
from runstrong.settings import Settings

if TYPE_CHECKING:
    from argon2 import PasswordHasher
    from sqlalchemy.orm import Session

# argon2id at OWASP's Password Storage Cheat Sheet's first recommended cost: 19 MiB, 2 passes,
# one lane (about 20 ms here), so a worker stays small while it hashes.
ARGON2_MEMORY_KIB = 19_456
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1
PASSWORD_MIN_CHARS = 8  # ASVS 2.1.1: at least 12 recommended for new systems, 8 the floor
PASSWORD_MAX_CHARS = 1_024  # hashing a megabyte of password per try is a denial of service
EMAIL_MAX_CHARS = 320
ADDRESS_MAX_CHARS = 64
LOGIN_WINDOW_S = 900  # failed log-ins are counted over the last 15 minutes
LOGIN_FAILURES_PER_EMAIL_MAX = 10  # then that email cannot log in until the window moves on
LOGIN_FAILURES_PER_ADDRESS_MAX = 50  # then that address cannot log in (any email)
TOKEN_BYTES = 32
TOKEN_PREFIX = "rs_"
TOKEN_TOUCH_S = 60  # a token's last use is written at most once a minute
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Role(StrEnum):
    ATHLETE = "athlete"
    COACH = "coach"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Account:
    """A signed-in user: the public id (users.name, the repositories' owner), email and role."""

    id: str
    email: str
    role: Role


class EmailTakenError(RunstrongError):
    def __init__(self, email: str) -> None:
        self.email = email
        super().__init__(f"'{email}' has an account already")


class TooManyLoginsError(RunstrongError):
    """Too many failed log-ins for the email or from the address in the window."""

    def __init__(self, retry_after_s: int) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(f"too many failed log-ins: try again in {retry_after_s} seconds")


def checked_email(email: str, where: str = "request") -> str:
    """`email` in lower case, or an InputError: not an address, or too long."""
    folded = email.strip().lower()
    if len(folded) > EMAIL_MAX_CHARS:
        raise InputError(where, "email", f"should be at most {EMAIL_MAX_CHARS} characters")
    if not _EMAIL.fullmatch(folded):
        raise InputError(where, "email", "is not an email address")
    return folded


def checked_password(password: str, where: str = "request") -> str:
    if len(password) < PASSWORD_MIN_CHARS:
        raise InputError(where, "password", f"should be at least {PASSWORD_MIN_CHARS} characters")
    if len(password) > PASSWORD_MAX_CHARS:
        raise InputError(where, "password", f"should be at most {PASSWORD_MAX_CHARS} characters")
    return password


def add_user(
    email: str, password: str, settings: Settings, *, role: Role = Role.ATHLETE
) -> Account:
    """A new account (`runstrong user add`); an email with an account is an EmailTakenError."""
    email, hashed = checked_email(email), _hasher().hash(checked_password(password))
    with _transaction(settings) as session:
        from runstrong.storage import accounts

        if accounts.user_by_email(session, email) is not None:
            raise EmailTakenError(email)
        row = accounts.add_user(session, _public_id(), email, hashed, str(role), settings.timestamp)
        return Account(row.name, email, role)


def sign_up(email: str, password: str, settings: Settings) -> str:
    """A new athlete account's id. An email that has one already gets an id all the same (a
    new random one, stored nowhere) after the same work, and nothing changes: the answer does
    not tell who has an account."""
    try:
        return add_user(email, password, settings).id
    except EmailTakenError:
        return _public_id()


def issue_token(email: str, password: str, address: str, settings: Settings) -> str | None:
    """A new API token for a right email and password; None for any wrong pair (counted). Past
    the failure limits a TooManyLoginsError, whatever the pair."""
    email = email.strip().lower()[:EMAIL_MAX_CHARS]
    address = address[:ADDRESS_MAX_CHARS]
    now = settings.timestamp
    since = now - timedelta(seconds=LOGIN_WINDOW_S)
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        by_email, by_address = accounts.failures_since(session, since, email=email, address=address)
        if by_email >= LOGIN_FAILURES_PER_EMAIL_MAX or by_address >= LOGIN_FAILURES_PER_ADDRESS_MAX:
            raise TooManyLoginsError(LOGIN_WINDOW_S)
        user = accounts.user_by_email(session, email)
        stored = user.password_hash if user is not None else None
        # An unknown email costs a hash check too: the time taken does not tell it apart.
        matches = _verified(stored or _dummy_hash(), password)
        if user is None or stored is None or not matches:
            accounts.add_failure(session, email, address, now, forget_before=since)
            failed = True
        else:
            failed = False
            if _hasher().check_needs_rehash(stored):
                accounts.set_password_hash(session, user.id, _hasher().hash(password))
            token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
            accounts.add_token(session, user.id, token_digest(token), now)
    return None if failed else token


def account_for_token(token: str, settings: Settings) -> Account | None:
    """The account of a token that is not revoked, else None; its last use noted. One indexed
    query without the ORM (storage.token_reads): every authenticated request asks."""
    from runstrong.storage import accounts
    from runstrong.storage.database import engine_for
    from runstrong.storage.token_reads import token_account

    found = token_account(engine_for(settings), token_digest(token))
    if found is None or found.email is None:
        return None
    used = found.last_used_at
    if used is None or used < settings.timestamp - timedelta(seconds=TOKEN_TOUCH_S):
        with _transaction(settings) as session:
            accounts.touch_token(session, found.token_id, settings.timestamp)
    return Account(found.name, found.email, Role(found.role))


def revoke_token(token: str, settings: Settings) -> bool:
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        return accounts.revoke_token(session, token_digest(token), settings.timestamp)


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256 (a token is random: no salt or stretching needed)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored as UTC)."""
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _public_id() -> str:
    return "u_" + secrets.token_urlsafe(12)


_DUMMY_HASH: list[str] = []  # made on first use, for the process


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(_hasher().hash(secrets.token_urlsafe(16)))
    return _DUMMY_HASH[0]


def _verified(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password[:PASSWORD_MAX_CHARS])
    except (VerificationError, InvalidHashError):
        return False


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=ARGON2_TIME_COST,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=ARGON2_PARALLELISM,
        type=Type.ID,
    )


def _transaction(settings: Settings, *, readonly: bool = False) -> AbstractContextManager[Session]:
    from runstrong.storage.database import transaction

    return transaction(settings, readonly=readonly)
