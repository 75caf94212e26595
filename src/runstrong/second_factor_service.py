"""A second factor for signing in: time-based one-time codes (TOTP, RFC 6238) from an
authenticator app. OWASP ASVS 4.0.3 4.3.1: the administrative interface (the API's users,
roles, reset links) takes an administrator's token only if its sign-in passed one.

Setting it up: a new secret is shown once (start_enrolment), and a code from it confirms it
(confirm_enrolment); from then on the account's sign-ins ask a code after the password
(account_service.issue_token, issue_token_by_code). A wrong code counts as a failed log-in,
under the same limits. A code is taken once: the time step of the last one is kept.

The secret is stored nowhere: the database keeps a random nonce, and the secret is the
HMAC-SHA256 of the nonce under a key the web app derives from its server key (web/keys.py),
kept in a file outside the database. A copy of the database alone makes no codes; a lost
key file, like a lost phone, is undone from the command line (`runstrong user
two-factor-off EMAIL`, remove_second_factor).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from runstrong.access_service import ForbiddenError
from runstrong.account_service import (
    Account,
    Role,
    UnknownUserError,
    WrongCodeError,
    token_digest,
)
from runstrong.domain.errors import InputError, RunstrongError
from runstrong.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TOTP_STEP_S = 30  # RFC 6238's time step, what authenticator apps use
TOTP_DIGITS = 6
TOTP_DRIFT_STEPS = 1  # a code of the step before or after is taken too (a phone's clock)
TOTP_SECRET_BYTES = 20  # 160 bits: RFC 4226's recommended length for HMAC-SHA1
TOTP_NONCE_BYTES = 16
TOTP_ISSUER = "runstrong"
CODE_MAX_CHARS = 16  # a code as typed (spaces allowed); longer is wrong
ENROL_PATH = "/account/two-factor"
NEEDS_SECOND_FACTOR = (
    "administrators need a second factor: set one up at " + ENROL_PATH + ", then log in "
    "again with its code"
)


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A secret being set up, shown once: its base32 text and its otpauth:// URI."""

    secret: str
    uri: str


@dataclass(frozen=True, slots=True)
class SecondFactor:
    """The account's second factor: on since `confirmed_at` (None: off)."""

    confirmed_at: datetime | None


class SecondFactorNeededError(RunstrongError):
    """The password was right and the account has a second factor: a code is asked next."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__("a code from the authenticator app is needed")


class SecondFactorMissingError(ForbiddenError):
    """An administrator's request whose sign-in did not pass a second factor (403)."""

    def __init__(self) -> None:
        self.action = "administer"
        RunstrongError.__init__(self, NEEDS_SECOND_FACTOR)


class AlreadyEnrolledError(RunstrongError):
    def __init__(self) -> None:
        super().__init__("a second factor is on already")


def totp_secret(key: bytes, nonce: str) -> str:
    """The base32 secret of a nonce under the web app's TOTP key (module docstring)."""
    digest = hmac.new(key, nonce.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:TOTP_SECRET_BYTES]).decode("ascii")


def accepted_step(secret: str, code: str, last_step: int | None, now: datetime) -> int | None:
    """The time step whose code `code` is, within TOTP_DRIFT_STEPS of now and later than
    `last_step` (a code is taken once); None: no such step."""
    from pyotp import TOTP

    typed = "".join(code[:CODE_MAX_CHARS].split())
    if len(typed) != TOTP_DIGITS or not typed.isdigit():
        return None
    totp = TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_STEP_S)
    current = int(now.timestamp()) // TOTP_STEP_S
    for step in range(current - TOTP_DRIFT_STEPS, current + TOTP_DRIFT_STEPS + 1):
        if (last_step is None or step > last_step) and hmac.compare_digest(
            totp.at(step * TOTP_STEP_S), typed
        ):
            return step
    return None


def second_factor(account: Account, settings: Settings) -> SecondFactor:
    from runstrong.storage import accounts

    with _transaction(settings, readonly=True) as session:
        user = accounts.user_by_name(session, account.id)
        confirmed = None if user is None else user.totp_confirmed_at
    return SecondFactor(None if confirmed is None else _aware(confirmed))


def start_enrolment(account: Account, key: bytes, settings: Settings) -> Enrolment:
    """A new secret for the account (replacing one not confirmed yet), to show once."""
    from runstrong.storage import accounts

    nonce = secrets.token_hex(TOTP_NONCE_BYTES)
    with _transaction(settings) as session:
        user = accounts.user_by_name(session, account.id)
        if user is None:
            raise UnknownUserError(account.id)
        if user.totp_confirmed_at is not None:
            raise AlreadyEnrolledError
        accounts.set_totp(session, user.id, nonce)
    secret = totp_secret(key, nonce)
    label = quote(f"{TOTP_ISSUER}:{account.email}")
    query = urlencode({"secret": secret, "issuer": TOTP_ISSUER, "digits": TOTP_DIGITS,
                       "period": TOTP_STEP_S})  # fmt: skip
    return Enrolment(secret, f"otpauth://totp/{label}?{query}")


def confirm_enrolment(
    account: Account, code: str, token: str | None, address: str, key: bytes, s: Settings
) -> None:
    """The secret being set up, confirmed by a code of it (else an InputError on `code`,
    counted as a failed log-in): the second factor is on. The session that confirmed it has
    passed it; every other token of the account is revoked (they signed in without it)."""
    from runstrong import account_service
    from runstrong.storage import accounts

    with _transaction(s) as session:
        user = accounts.user_by_name(session, account.id)
        if user is None or user.totp_nonce is None or user.totp_confirmed_at is not None:
            raise InputError("request", "code", "start setting up a second factor first")
        account_service.check_login_limits(session, account.email, address, s)
        step = accepted_step(totp_secret(key, user.totp_nonce), code, None, s.timestamp)
        if step is None:
            account_service.count_failure(session, account.email, address, s)
        else:
            accounts.set_totp(session, user.id, user.totp_nonce, confirmed_at=s.timestamp,
                              last_step=step)  # fmt: skip
            keep = None if token is None else token_digest(token)
            accounts.revoke_tokens(session, user.id, s.timestamp, keep_hash=keep)
            if keep is not None:
                accounts.mark_second_factor(session, keep, s.timestamp)
    if step is None:
        raise WrongCodeError


def require_for_admin(account: Account, token: str | None, settings: Settings) -> None:
    """An administrator's request must come from a sign-in that passed the second factor,
    else a SecondFactorMissingError (403, saying to set one up)."""
    from runstrong.storage import accounts

    if account.role is not Role.ADMIN:
        return
    with _transaction(settings, readonly=True) as session:
        passed = (
            None if token is None else accounts.token_second_factor(session, token_digest(token))
        )
    if passed is None:
        raise SecondFactorMissingError


def remove_second_factor(email: str, settings: Settings) -> None:
    """The account's second factor removed and every token of it revoked (the command line's
    recovery: a lost phone or key file). The next sign-in is by the password alone."""
    from runstrong.account_service import checked_email
    from runstrong.storage import accounts

    with _transaction(settings) as session:
        user = accounts.user_by_email(session, checked_email(email, "EMAIL"))
        if user is None:
            raise UnknownUserError(email)
        accounts.set_totp(session, user.id, None)
        accounts.revoke_tokens(session, user.id, settings.timestamp)


def _transaction(settings: Settings, *, readonly: bool = False) -> AbstractContextManager[Session]:
    from runstrong.storage.database import transaction

    return transaction(settings, readonly=readonly)


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
