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

    from runstrong.storage.models import UserRow
    from runstrong.storage.token_reads import TokenAccount

# argon2id at OWASP's Password Storage Cheat Sheet's first recommended cost: 19 MiB, 2 passes,
# one lane (about 20 ms here), so a worker stays small while it hashes.
ARGON2_MEMORY_KIB = 19_456
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1
PASSWORD_MIN_CHARS = 12  # OWASP ASVS 4.0.3 2.1.1 (level 1): at least 12 characters
PASSWORD_MAX_CHARS = 1_024  # hashing a megabyte of password per try is a denial of service
WRONG_CODE = "is not the code the authenticator app shows now"
COMMON_PASSWORD = "is a common or leaked password: choose another"
EMAIL_MAX_CHARS = 320
ADDRESS_MAX_CHARS = 64
LOGIN_WINDOW_S = 900  # failed log-ins are counted over the last 15 minutes
LOGIN_FAILURES_PER_EMAIL_MAX = 10  # then that email cannot log in until the window moves on
LOGIN_FAILURES_PER_ADDRESS_MAX = 50  # then that address cannot log in (any email)
TOKEN_BYTES = 32
TOKEN_PREFIX = "rs_"
TOKEN_TOUCH_S = 60  # a token's last use is written at most once a minute
# A token works for 30 days from its making, used or not, then the password is asked again
# (OWASP ASVS 4.0.3 3.3.2, level 1: re-authentication at least every 30 days).
TOKEN_LIFETIME_S = 30 * 24 * 3600
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


class WrongCodeError(RunstrongError):
    """A second-factor code that is not the one the account's authenticator shows now."""

    field = "code"

    def __init__(self) -> None:
        super().__init__(WRONG_CODE)


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


def checked_password(password: str, settings: Settings, where: str = "request") -> str:
    """`password` if it may be a new password: of a length between the limits, and not a common
    or leaked one (runstrong.common_passwords: OWASP ASVS 4.0.3 2.1.7); else an InputError."""
    from runstrong.common_passwords import is_common

    if len(password) < PASSWORD_MIN_CHARS:
        raise InputError(where, "password", f"should be at least {PASSWORD_MIN_CHARS} characters")
    if len(password) > PASSWORD_MAX_CHARS:
        raise InputError(where, "password", f"should be at most {PASSWORD_MAX_CHARS} characters")
    if is_common(password, settings.cache_dir):
        raise InputError(where, "password", COMMON_PASSWORD)
    return password


def add_user(
    email: str, password: str, settings: Settings, *, role: Role = Role.ATHLETE
) -> Account:
    """A new account (`runstrong user add`); an email with an account is an EmailTakenError."""
    email, hashed = checked_email(email), _hasher().hash(checked_password(password, settings))
    with _transaction(settings) as session:
        from runstrong.storage import accounts

        if accounts.user_by_email(session, email) is not None:
            raise EmailTakenError(email)
        row = accounts.add_user(session, _public_id(), email, hashed, str(role), settings.timestamp)
        return Account(row.name, email, role)


def sign_up(email: str, password: str, settings: Settings, *, role: Role = Role.ATHLETE) -> str:
    """A new account's id: an athlete's, or a coach's (never an administrator's). An email that
    has one already gets an id all the same (a new random one, stored nowhere) after the same
    work, and nothing changes: the answer does not tell who has an account."""
    if role is Role.ADMIN:
        raise InputError("request", "role", "should be athlete or coach")
    try:
        return add_user(email, password, settings, role=role).id
    except EmailTakenError:
        return _public_id()


def issue_token(
    email: str,
    password: str,
    address: str,
    settings: Settings,
    *,
    issue: bool = True,
    code: str | None = None,
    key: bytes | None = None,
) -> str | None:
    """A new API token for a right email and password; None for any wrong pair (counted). Past
    the failure limits a TooManyLoginsError, whatever the pair. An account with a second factor
    (second_factor_service) needs its `code` too, checked with the web app's TOTP `key`: none
    given, a SecondFactorNeededError; a wrong one is counted, and a WrongCodeError. `issue`
    False: only check the pair (a password confirming a change), the answer "" for a right one."""
    email = email.strip().lower()[:EMAIL_MAX_CHARS]
    address = address[:ADDRESS_MAX_CHARS]
    now = settings.timestamp
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        check_login_limits(session, email, address, settings)
        user = accounts.user_by_email(session, email)
        stored = user.password_hash if user is not None else None
        # An unknown email costs a hash check too: the time taken does not tell it apart.
        matches = _verified(stored or _dummy_hash(), password)
        if user is None or stored is None or not matches:
            count_failure(session, email, address, settings)
            return None
        if _hasher().check_needs_rehash(stored):
            accounts.set_password_hash(session, user.id, _hasher().hash(password))
        if not issue:
            return ""
        passed = None
        if user.totp_confirmed_at is not None:
            from runstrong.second_factor_service import SecondFactorNeededError

            if code is None or key is None:
                raise SecondFactorNeededError(user.name)
            passed = _second_factor_passed(session, user, code, key, address, settings)
        if user.totp_confirmed_at is None or passed is not None:
            token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
            accounts.add_token(session, user.id, token_digest(token), now, second_factor_at=passed)
            return token
    raise WrongCodeError  # after the transaction: the failure it counted is kept


def issue_token_by_code(
    name: str, code: str, address: str, key: bytes, settings: Settings
) -> str | None:
    """A new API token for the account of public id `name`, whose password was right a moment
    ago (the log-in page's second step: its signed ticket says so), if `code` is its second
    factor's; a wrong code is a WrongCodeError (counted as a failed log-in, under the same
    limits); None: no such account with a second factor."""
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        user = accounts.user_by_name(session, name)
        if user is None or user.email is None or user.totp_confirmed_at is None:
            return None
        check_login_limits(session, user.email, address[:ADDRESS_MAX_CHARS], settings)
        passed = _second_factor_passed(session, user, code, key, address, settings)
        if passed is not None:
            token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
            accounts.add_token(
                session, user.id, token_digest(token), passed, second_factor_at=passed
            )
            return token
    raise WrongCodeError  # after the transaction: the failure it counted is kept


def check_login_limits(session: Session, email: str, address: str, settings: Settings) -> None:
    """A TooManyLoginsError past the limits of failed log-ins for the email or the address."""
    from runstrong.storage import accounts

    since = settings.timestamp - timedelta(seconds=LOGIN_WINDOW_S)
    by_email, by_address = accounts.failures_since(session, since, email=email, address=address)
    if by_email >= LOGIN_FAILURES_PER_EMAIL_MAX or by_address >= LOGIN_FAILURES_PER_ADDRESS_MAX:
        raise TooManyLoginsError(LOGIN_WINDOW_S)


def count_failure(session: Session, email: str, address: str, settings: Settings) -> None:
    """A failed log-in (a wrong password or second-factor code), counted for the limits."""
    from runstrong.storage import accounts

    since = settings.timestamp - timedelta(seconds=LOGIN_WINDOW_S)
    accounts.add_failure(session, email, address[:ADDRESS_MAX_CHARS], settings.timestamp,
                         forget_before=since)  # fmt: skip


def _second_factor_passed(
    session: Session, user: UserRow, code: str, key: bytes, address: str, settings: Settings
) -> datetime | None:
    """Now, if `code` is the user's second factor's (its step taken); else None, counted."""
    from runstrong.second_factor_service import accepted_step, totp_secret
    from runstrong.storage import accounts

    assert user.totp_nonce is not None  # a confirmed second factor has its nonce
    assert user.email is not None  # and is a web account's
    secret = totp_secret(key, user.totp_nonce)
    step = accepted_step(secret, code, user.totp_last_step, settings.timestamp)
    if step is None:
        count_failure(session, user.email, address, settings)
        return None
    accounts.take_totp_step(session, user.id, step)
    return settings.timestamp


def account_for_token(token: str, settings: Settings) -> Account | None:
    """The account of a token that is not revoked, else None; its last use noted. One indexed
    query without the ORM (storage.token_reads): every authenticated request asks."""
    from runstrong.storage.database import engine_for
    from runstrong.storage.token_reads import token_account

    return live_account(token_account(engine_for(settings), token_digest(token)), settings)


def live_account(found: TokenAccount | None, settings: Settings) -> Account | None:
    """The account of a token's row if the token still works (not expired, a web account's),
    its last use noted; else None."""
    from runstrong.storage import accounts

    if found is None or found.email is None:
        return None
    if found.created_at <= settings.timestamp - timedelta(seconds=TOKEN_LIFETIME_S):
        return None  # expired (TOKEN_LIFETIME_S)
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


# -- account care: password change, reset links, listing, roles, deletion --------------------

RESET_TTL_S = 24 * 3600  # a password-reset link works for a day (our own choice)
RESET_PREFIX = "rr_"


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A web account as an administrator lists it."""

    id: str
    email: str
    role: Role
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ResetLink:
    token: str
    expires_at: datetime


class WrongPasswordError(RunstrongError):
    """The password given to confirm an account's change is not its password."""

    def __init__(self, field: str) -> None:
        self.field = field
        super().__init__("is not the account's password")


class UnknownUserError(RunstrongError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__("no such user")


def change_password(
    account: Account, old: str, new: str, token: str | None, address: str, settings: Settings
) -> None:
    """A new password for the account after its old one (a wrong one is counted as a failed
    log-in, and the limits apply); every token but the one in use (`token`) is revoked."""
    from runstrong.storage import accounts

    hashed = _hasher().hash(checked_password(new, settings))
    _confirmed(account, old, "old_password", address, settings)
    with _transaction(settings) as session:
        user = accounts.user_by_name(session, account.id)
        assert user is not None
        accounts.set_password_hash(session, user.id, hashed)
        keep = None if token is None else token_digest(token)
        accounts.revoke_tokens(session, user.id, settings.timestamp, keep_hash=keep)


def _confirmed(account: Account, password: str, field: str, address: str, s: Settings) -> None:
    """The account's password given again, checked as a log-in is (counted, limited)."""
    if issue_token(account.email, password, address, s, issue=False) is None:
        raise WrongPasswordError(field)


def list_users(settings: Settings) -> list[UserInfo]:
    from runstrong.storage import accounts

    with _transaction(settings, readonly=True) as session:
        return [
            UserInfo(u.name, u.email or "", Role(u.role), _aware(u.created_at))
            for u in accounts.users(session)
        ]


def set_role(name: str, role: Role, settings: Settings) -> UserInfo:
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        user = accounts.user_by_name(session, name)
        if user is None or user.email is None:
            raise UnknownUserError(name)
        accounts.set_role(session, user.id, str(role))
        return UserInfo(user.name, user.email, role, _aware(user.created_at))


def issue_reset(name: str, settings: Settings) -> ResetLink:
    """A one-time password-reset secret for the user (an administrator hands it over: there
    is no mail server), of which only the SHA-256 is stored, for RESET_TTL_S."""
    from runstrong.storage import accounts

    token = RESET_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    expires = settings.timestamp + timedelta(seconds=RESET_TTL_S)
    with _transaction(settings) as session:
        user = accounts.user_by_name(session, name)
        if user is None or user.email is None:
            raise UnknownUserError(name)
        accounts.add_reset(session, user.id, token_digest(token), settings.timestamp, expires)
    return ResetLink(token, expires)


def reset_password(token: str, password: str, settings: Settings) -> None:
    """The new password, by a reset secret that is not used or expired (else an InputError on
    `token`); the secret is used up and every token of the account revoked."""
    from runstrong.storage import accounts

    hashed = _hasher().hash(checked_password(password, settings))
    with _transaction(settings) as session:
        user_id = accounts.take_reset(session, token_digest(token), settings.timestamp)
        if user_id is None:
            raise InputError("request", "token", "is not a reset link that can be used")
        accounts.set_password_hash(session, user_id, hashed)
        accounts.revoke_tokens(session, user_id, settings.timestamp)


def delete_account(account: Account, password: str, address: str, settings: Settings) -> None:
    """The account and everything of it (its athletes and their data, its tokens, its links
    as a coach and its pins), after its password (checked as a log-in is)."""
    _confirmed(account, password, "password", address, settings)
    remove_user(account.id, settings)


def remove_user(name: str, settings: Settings) -> None:
    """An administrator's removal of a user, with everything of it (delete_account)."""
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        user = accounts.user_by_name(session, name)
        if user is None or user.email is None:
            raise UnknownUserError(name)
        accounts.delete_user(session, user.id)
