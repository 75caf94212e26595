"""Builders of the web tests: an app on a real database with a fixed clock, Litestar's test
client, accounts made through the API itself, and the example profiles as JSON bodies."""

from __future__ import annotations

import json
import time as clock_time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from typing import Any

from litestar.testing import TestClient

from builders import EXAMPLES
from runstrong import account_service
from runstrong.account_service import Role
from runstrong.web.app import create_app
from runstrong.web.config import WebConfig

NOW = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)  # a Wednesday: Alex's plan starts on 7 December
PASSWORD = "correct horse battery"
MAKING_TIMEOUT_S = 120  # a process of its own plans, renders and stores (the PDF: seconds)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@contextmanager
def client(
    database_url: str, *, signup: bool = True, clock: Clock | None = None
) -> Iterator[TestClient[Any]]:
    config = WebConfig(database_url=database_url, signup=signup, clock=clock or Clock())
    with TestClient(app=create_app(config)) as test_client:
        yield test_client


def bearer(web: TestClient[Any], email: str, password: str = PASSWORD) -> dict[str, str]:
    token = web.post("/api/v1/tokens", json={"email": email, "password": password})
    assert token.status_code == 201, token.text
    return {"Authorization": f"Bearer {token.json()['token']}"}


def profile_json(name: str = "alex-marathon") -> bytes:
    """An example profile as the API takes it: the TOML's keys, in JSON."""
    data = tomllib.loads((EXAMPLES / f"{name}.toml").read_text("utf-8"))
    return json.dumps(data, default=_iso).encode()


def _iso(value: object) -> str:
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    raise TypeError(type(value))


def eventually(web: TestClient[Any], path: str, changed: bytes | None = None, **kw: Any) -> Any:
    """GET `path` until it answers 200 with a body other than `changed` (a file made outside
    the request: 202 until then)."""
    deadline = clock_time.monotonic() + MAKING_TIMEOUT_S
    while True:
        answer = web.get(path, **kw)
        if answer.status_code == 200 and answer.content != changed:
            return answer
        assert answer.status_code in (200, 202), answer.text
        assert clock_time.monotonic() < deadline, f"{path} not made in {MAKING_TIMEOUT_S} s"
        clock_time.sleep(0.3)


def account(web: TestClient[Any], email: str) -> dict[str, str]:
    """A new account's bearer header, made by signing up and asking for a token."""
    made = web.post("/api/v1/users", json={"email": email, "password": PASSWORD})
    assert made.status_code == 201, made.text
    return bearer(web, email)


def add_athlete(web: TestClient[Any], auth: dict[str, str], name: str = "alex-marathon") -> str:
    made = web.post(
        "/api/v1/athletes",
        content=profile_json(name),
        headers={**auth, "content-type": "application/json"},
    )
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


# -- coaching: a coach's account, its invitation, an athlete who took it ------------------------


def coach_account(web: TestClient[Any], database_url: str, email: str) -> dict[str, str]:
    config = WebConfig(database_url=database_url, clock=Clock())
    account_service.add_user(email, PASSWORD, config.settings(), role=Role.COACH)
    return bearer(web, email)


def invited(web: TestClient[Any], coach: dict[str, str]) -> str:
    made = web.post("/api/v1/invitations", headers=coach)
    assert made.status_code == 201, made.text
    return str(made.json()["token"])


def coached(
    web: TestClient[Any], database_url: str, *, accept: bool = True
) -> tuple[dict[str, str], dict[str, str], str, str]:
    """An athlete's account with Alex, and a coach it took the invitation of (and accepted):
    owner, coach, Alex's id, the coach's id."""
    owner = account(web, "owner@example.org")
    coach = coach_account(web, database_url, "coach@example.org")
    athlete = add_athlete(web, owner)
    taken = web.post(
        f"/api/v1/athletes/{athlete}/coaches", json={"token": invited(web, coach)}, headers=owner
    )
    assert taken.status_code == 201, taken.text
    assert (taken.json()["email"], taken.json()["status"]) == ("coach@example.org", "pending")
    coach_id = taken.json()["id"]
    if accept:
        answer = web.put(
            f"/api/v1/athletes/{athlete}/coaches/{coach_id}",
            json={"status": "accepted"},
            headers=owner,
        )
        assert answer.json()["status"] == "accepted"
    return owner, coach, athlete, coach_id


# -- administrators: their second factor (ASVS 4.3.1) -------------------------------------------


def totp_code(secret: str, at: datetime) -> str:
    """The code an authenticator app shows for `secret` at `at` (pyotp's RFC 6238)."""
    import pyotp

    return pyotp.TOTP(secret).at(at)


def with_second_factor(
    web: TestClient[Any], database_url: str, email: str, headers: dict[str, str]
) -> str:
    """The account of `headers` (a token of `email`) with a second factor set up and confirmed
    by that token's session, as the two-factor page does: the secret the account was shown."""
    from runstrong import second_factor_service
    from runstrong.web.keys import derived_key

    settings = WebConfig(database_url=database_url, clock=Clock()).settings()
    me = web.get("/api/v1/users/me", headers=headers).json()
    account = account_service.Account(me["id"], email, Role(me["role"]))
    key = derived_key(web.app.state.server_key, "totp")
    secret = second_factor_service.start_enrolment(account, key, settings).secret
    token = headers["Authorization"].removeprefix("Bearer ")
    code = totp_code(secret, settings.timestamp)
    second_factor_service.confirm_enrolment(account, code, token, "testclient", key, settings)
    return secret


def admin_account(
    web: TestClient[Any], database_url: str, email: str = "admin@example.org"
) -> dict[str, str]:
    """An administrator made as `runstrong user add --admin` makes it, with a second factor set
    up: its token passes the administration API's check."""
    config = WebConfig(database_url=database_url, clock=Clock())
    account_service.add_user(email, PASSWORD, config.settings(), role=Role.ADMIN)
    headers = bearer(web, email)
    with_second_factor(web, database_url, email, headers)
    return headers


def rows(database_url: str, sql: str) -> list[tuple[object, ...]]:
    """The rows `sql` reads from the database, through a connection of the test's own."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql))]
    finally:
        engine.dispose()
