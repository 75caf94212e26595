"""A second factor for signing in (OWASP ASVS 4.0.3 4.3.1), on SQLite and on PostgreSQL: the
administration API refuses an administrator's token whose log-in did not pass one, and says to
set one up; setting up shows the secret once and is confirmed by a code; the log-in pages and
the API's tokens ask the code after the password, take each code once and count wrong ones
under the log-in limit; the database holds no secret; the command line removes a lost one."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import create_engine, text

from builders import ok, one_error_line, run_in_process
from page_client import SESSION_COOKIE, alert, log_in, post_form
from runstrong import account_service
from runstrong.account_service import LOGIN_FAILURES_PER_EMAIL_MAX, Role
from runstrong.second_factor_service import ENROL_PATH
from runstrong.web.config import WebConfig
from web_client import (
    NOW,
    PASSWORD,
    Clock,
    account,
    admin_account,
    bearer,
    client,
    totp_code,
    with_second_factor,
)

ADMIN = "admin@example.org"


def made_admin(database_url: str, email: str = ADMIN) -> None:
    config = WebConfig(database_url=database_url, clock=Clock())
    account_service.add_user(email, PASSWORD, config.settings(), role=Role.ADMIN)


def database_text(database_url: str) -> str:
    """Every value of the users and api_tokens tables, as text."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            found = [
                str(value)
                for table in ("users", "api_tokens")
                for row in connection.execute(text(f"SELECT * FROM {table}"))
                for value in row
            ]
    finally:
        engine.dispose()
    return " ".join(found)


def shown_secret(html: str) -> str:
    found = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', html)
    assert found, "no secret on the page"
    return found.group(1).replace(" ", "")


def assert_qr_of_the_link(page: str) -> None:
    """The page's QR code is segno's of the page's otpauth:// link."""
    import base64
    import html
    import io

    import segno

    link = re.search(r'href="(otpauth://[^"]+)"', page)
    image = re.search(r'<img id="qr" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', page)
    assert link
    assert image
    expected = io.BytesIO()
    segno.make(html.unescape(link.group(1)), error="m").save(
        expected, kind="svg", scale=4, xmldecl=False
    )
    assert base64.b64decode(image.group(1)) == expected.getvalue()


def tokens(web: TestClient[Any], body: dict[str, Any]) -> Any:
    return web.post("/api/v1/tokens", json={"email": ADMIN, "password": PASSWORD, **body})


def test_an_administrator_without_a_second_factor_is_refused_the_administration_api(
    database_url: str,
) -> None:
    with client(database_url) as web:
        made_admin(database_url)
        boss = bearer(web, ADMIN)  # a log-in by the password alone
        runner = account(web, "runner@example.org")
        user = web.get("/api/v1/users/me", headers=runner).json()["id"]
        refused = [
            web.get("/api/v1/users", headers=boss),
            web.put(f"/api/v1/users/{user}/role", json={"role": "coach"}, headers=boss),
            web.post(f"/api/v1/users/{user}/password-resets", headers=boss),
            web.delete(f"/api/v1/users/{user}", headers=boss),
        ]
        assert [r.status_code for r in refused] == [403] * 4
        message = refused[0].json()["errors"][0]["message"]
        assert "second factor" in message
        assert ENROL_PATH in message  # where to set one up
        assert web.get("/api/v1/users/me", headers=boss).status_code == 200  # its own account
        assert web.get("/api/v1/users/me", headers=runner).json()["role"] == "athlete"
        with_second_factor(web, database_url, ADMIN, boss)  # this token's session passed it
        assert web.get("/api/v1/users", headers=boss).status_code == 200


def test_setting_up_shows_the_secret_once_and_a_code_of_it_turns_it_on(database_url: str) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        made_admin(database_url)
        other = bearer(web, ADMIN)
        assert log_in(web, ADMIN).status_code == 303
        before = web.get(ENROL_PATH)
        assert "Administrators need a second factor" in alert(before.text)
        first = shown_secret(post_form(web, ENROL_PATH, {}).text)
        assert "secret" not in web.get(ENROL_PATH).text  # not shown again
        wrong = post_form(web, ENROL_PATH + "/confirm", {"code": "000000"})
        assert wrong.status_code == 422
        assert "is not the code the authenticator app shows now" in alert(wrong.text)
        started = post_form(web, ENROL_PATH, {})
        assert 'href="otpauth://totp/runstrong%3Aadmin%40example.org?secret=' in started.text
        secret = shown_secret(started.text)
        assert secret != first  # a new secret each time it is started
        assert_qr_of_the_link(started.text)
        assert len(secret) == 32  # 160 bits in base32
        clock.now += timedelta(seconds=30)  # a code of the secret, a step later
        on = post_form(web, ENROL_PATH + "/confirm", {"code": totp_code(secret, clock.now)})
        assert (on.status_code, on.headers["location"]) == (303, ENROL_PATH)
        page = web.get(ENROL_PATH)
        assert "Two-factor sign-in is on" in page.text
        assert "Administrators need" not in page.text
        assert web.get("/api/v1/users", headers=other).status_code == 401  # signed out
    stored = database_text(database_url)
    assert secret not in stored
    assert first not in stored  # the database keeps a nonce, never a secret


def test_the_log_in_asks_the_code_after_the_password_and_takes_each_code_once(
    database_url: str,
) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        made_admin(database_url)
        secret = with_second_factor(web, database_url, ADMIN, bearer(web, ADMIN))
        clock.now += timedelta(minutes=2)
        asked = log_in(web, ADMIN)
        assert asked.status_code == 200  # the code page, no session yet
        assert 'action="/login/code"' in asked.text
        assert PASSWORD not in asked.text
        assert web.cookies.get(SESSION_COOKIE) is None
        ticket = re.search(r'name="ticket" value="([^"]+)"', asked.text)
        assert ticket
        wrong = post_form(web, "/login/code", {"ticket": ticket.group(1), "code": "123456"})
        assert wrong.status_code == 401
        assert "is not the code" in alert(wrong.text)
        code = totp_code(secret, clock.now)
        entered = post_form(web, "/login/code", {"ticket": ticket.group(1), "code": code})
        assert (entered.status_code, entered.headers["location"]) == (303, "/athletes")
        assert web.get("/athletes", follow_redirects=False).status_code == 200
        post_form(web, "/logout", {})
        again = re.search(r'name="ticket" value="([^"]+)"', log_in(web, ADMIN).text)
        assert again
        replayed = post_form(web, "/login/code", {"ticket": again.group(1), "code": code})
        assert replayed.status_code == 401  # the same code is not taken twice
        forged = again.group(1).replace(again.group(1).split(".")[0], "u_someoneelse")
        assert (
            post_form(web, "/login/code", {"ticket": forged, "code": code}).headers["location"]
            == "/login"
        )
        clock.now += timedelta(minutes=6)  # past the ticket's 5 minutes
        late = post_form(
            web, "/login/code", {"ticket": again.group(1), "code": totp_code(secret, clock.now)}
        )
        assert (late.status_code, late.headers["location"]) == (303, "/login")
        assert web.get("/athletes", follow_redirects=False).status_code == 303  # signed out


def test_the_apis_tokens_need_the_code_and_wrong_codes_count_toward_the_limit(
    database_url: str,
) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        made_admin(database_url)
        secret = with_second_factor(web, database_url, ADMIN, bearer(web, ADMIN))
        clock.now += timedelta(minutes=1)
        without = tokens(web, {})
        wrong = tokens(web, {"code": "000000"})
        wrong_password = tokens(web, {"password": "not the password", "code": "000000"})
        assert [r.status_code for r in (without, wrong, wrong_password)] == [401, 401, 401]
        assert without.json()["errors"][0]["field"] == "code"
        assert wrong.json()["errors"][0]["field"] == "code"
        assert wrong_password.json()["errors"][0]["field"] == ""  # the one wrong-pair answer
        right = tokens(web, {"code": totp_code(secret, clock.now)})
        assert right.status_code == 201
        boss = {"Authorization": f"Bearer {right.json()['token']}"}
        assert web.get("/api/v1/users", headers=boss).status_code == 200
        assert tokens(web, {"code": totp_code(secret, clock.now)}).status_code == 401  # used
        clock.now += timedelta(seconds=30)
        failed = [tokens(web, {"code": "000000"}).status_code for _ in range(7)]
        assert failed == [401] * (LOGIN_FAILURES_PER_EMAIL_MAX - 3)  # 3 failures above
        locked = tokens(web, {"code": totp_code(secret, clock.now)})
        assert locked.status_code == 429  # the right code too, until the window moves on


def test_the_command_line_removes_a_lost_second_factor_and_ends_the_sessions(
    database_url: str,
) -> None:
    with client(database_url) as web:
        boss = admin_account(web, database_url)
        assert web.get("/api/v1/users", headers=boss).status_code == 200
        ok(run_in_process("user", "two-factor-off", "Admin@Example.org", db=database_url))
        assert web.get("/api/v1/users/me", headers=boss).status_code == 401  # its tokens ended
        again = bearer(web, ADMIN)  # the password alone, now
        assert web.get("/api/v1/users", headers=again).status_code == 403  # to set up again
    unknown = run_in_process("user", "two-factor-off", "nobody@example.org", db=database_url)
    assert "no such user" in one_error_line(unknown)


def test_anyone_may_set_up_a_second_factor_and_then_logs_in_with_it(database_url: str) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        runner = account(web, "runner@example.org")
        secret = with_second_factor(web, database_url, "runner@example.org", runner)
        body = {"email": "runner@example.org", "password": PASSWORD}
        assert web.post("/api/v1/tokens", json=body).status_code == 401
        used = {**body, "code": totp_code(secret, NOW)}  # the code that confirmed it
        assert web.post("/api/v1/tokens", json=used).status_code == 401
        clock.now = NOW + timedelta(seconds=30)
        code = totp_code(secret, clock.now)
        assert web.post("/api/v1/tokens", json={**body, "code": code}).status_code == 201
