"""The account pages as a browser uses them: forms refused without their CSRF token (the API's
bearer routes still taking none), sign-up off, log-in failures that tell nobody who has an
account, a log-in limit, and browser sessions that are signed, HttpOnly, SameSite=Lax, shared by
the workers of one server and ended by logging out."""

from __future__ import annotations

import os
import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from page_client import SESSION_COOKIE, alert, csrf_token, log_in, post_form, signed_up
from runstrong.account_service import LOGIN_FAILURES_PER_EMAIL_MAX
from runstrong.web.browser import SESSION_MAX_AGE_S
from runstrong.web.keys import KEY_BYTES, server_key
from web_client import PASSWORD, Clock, client


def sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'pages.sqlite3'}"


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/signup", {"email": "a@example.org", "password": PASSWORD}),
        ("/login", {"email": "a@example.org", "password": PASSWORD}),
        ("/logout", {}),
        ("/athletes/new", {"profile_text": "x = 1"}),
        ("/athletes/alex/today/log", {"rows": "0"}),
    ],
)
def test_a_form_posted_without_its_csrf_token_is_refused(
    tmp_path: Path, path: str, data: dict[str, str]
) -> None:
    with client(sqlite(tmp_path)) as web:
        csrf_token(web)  # the cookie is there: only the form's copy is missing
        refused = web.post(path, data=data, follow_redirects=False)
        forged = web.post(path, data={**data, "_csrf_token": "0" * 128}, follow_redirects=False)
    assert (refused.status_code, forged.status_code) == (403, 403)
    assert "text/html" in refused.headers["content-type"]
    assert "did not come from this site" in refused.text


def test_the_api_takes_no_csrf_token_and_no_session_cookie(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        made = web.post("/api/v1/users", json={"email": "a@example.org", "password": PASSWORD})
        assert made.status_code == 201  # a POST without any CSRF token
        signed_up(web, "b@example.org")
        # the browser's session cookie is no credential for the API: bearer tokens only
        assert web.get("/api/v1/athletes").status_code == 401


def test_sign_up_off_shows_why_and_makes_no_account(tmp_path: Path) -> None:
    with client(sqlite(tmp_path), signup=False) as web:
        form = web.get("/signup")
        sent = post_form(web, "/signup", {"email": "a@example.org", "password": PASSWORD})
        entered = log_in(web, "a@example.org")
    assert (form.status_code, sent.status_code) == (403, 403)
    assert "Sign-up is off" in alert(sent.text)
    assert entered.status_code == 401  # no account was made
    assert 'href="/signup"' not in web.get("/login").text


def test_sign_up_of_a_taken_email_ends_as_a_new_one_does_and_changes_nothing(
    tmp_path: Path,
) -> None:
    with client(sqlite(tmp_path)) as web:
        first = post_form(web, "/signup", {"email": "jo@example.org", "password": PASSWORD})
        again = post_form(
            web, "/signup", {"email": "Jo@Example.org", "password": "another password"}
        )
        assert first.status_code == again.status_code == 303
        assert first.headers["location"] == again.headers["location"] == "/login?signed_up=1"
        assert log_in(web, "jo@example.org", "another password").status_code == 401
        assert log_in(web, "jo@example.org").status_code == 303


def test_sign_up_mistakes_are_shown_on_their_fields(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        short = post_form(web, "/signup", {"email": "a@example.org", "password": "elevenchars"})
        not_email = post_form(web, "/signup", {"email": "nobody", "password": PASSWORD})
        common = post_form(web, "/signup", {"email": "a@example.org", "password": "Qwerty123456"})
    assert (short.status_code, not_email.status_code, common.status_code) == (422, 422, 422)
    assert re.search(
        r'id="password-error"[^>]*>Password should be at least 12 characters', short.text
    )
    assert re.search(
        r'id="password-error"[^>]*>Password is a common or leaked password: choose another',
        common.text,
    )
    assert re.search(r'id="email-error"[^>]*>Email is not an email address', not_email.text)
    assert 'value="nobody"' in not_email.text  # what was typed is kept (never the password)


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        signed_up(web, "jo@example.org")
        post_form(web, "/logout", {})
        wrong = log_in(web, "jo@example.org", "not the password")
        unknown = log_in(web, "nobody@example.org", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert alert(wrong.text) == alert(unknown.text) == "Wrong email or password."


def test_failed_log_ins_past_the_limit_are_refused_even_with_the_right_password(
    tmp_path: Path,
) -> None:
    with client(sqlite(tmp_path)) as web:
        signed_up(web, "jo@example.org")
        post_form(web, "/logout", {})
        for _ in range(LOGIN_FAILURES_PER_EMAIL_MAX):
            assert log_in(web, "jo@example.org", "wrong password").status_code == 401
        right = log_in(web, "jo@example.org")
    assert right.status_code == 429
    assert "too many failed log-ins" in alert(right.text).lower()
    assert web.cookies.get(SESSION_COOKIE) is None


def test_a_signed_out_page_goes_to_log_in_and_back(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        post_form(web, "/signup", {"email": "jo@example.org", "password": PASSWORD})
        asked = web.get("/athletes/new?x=1", follow_redirects=False)
        assert asked.status_code == 303
        assert asked.headers["location"] == "/login?next=/athletes/new%3Fx%3D1"
        entered = post_form(
            web,
            "/login",
            {"email": "jo@example.org", "password": PASSWORD, "next": "/athletes/new?x=1"},
        )
        assert entered.headers["location"] == "/athletes/new?x=1"
        for elsewhere in ("//evil.test/", "/\\evil.test/", "/\t/evil.test/", "https://evil.test/"):
            sent = post_form(
                web, "/login", {"email": "jo@example.org", "password": PASSWORD, "next": elsewhere}
            )
            assert sent.headers["location"] == "/athletes"  # never to another site


def test_the_session_cookie_is_signed_http_only_and_same_site_lax(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        post_form(web, "/signup", {"email": "jo@example.org", "password": PASSWORD})
        entered = log_in(web, "jo@example.org")
        header = entered.headers["set-cookie"].lower()
        assert SESSION_COOKIE in header
        assert "httponly" in header
        assert "samesite=lax" in header
        assert "secure" not in header  # the default: plain HTTP on one's own machine
        good = web.cookies[SESSION_COOKIE]
        token, issued, signature = good.split(".")
        assert web.get("/athletes", follow_redirects=False).status_code == 200
        web.cookies.set(SESSION_COOKIE, f"{token}.{int(issued) + 1}.{signature}")
        assert web.get("/athletes", follow_redirects=False).status_code == 303  # tampered


def test_cookies_are_secure_behind_a_tls_proxy(tmp_path: Path) -> None:
    from litestar.testing import TestClient

    from runstrong.web.app import create_app
    from runstrong.web.config import WebConfig

    config = WebConfig(database_url=sqlite(tmp_path), secure_cookies=True)
    with TestClient(app=create_app(config), base_url="https://testserver.local") as web:
        page = web.get("/login")
        post_form(web, "/signup", {"email": "jo@example.org", "password": PASSWORD})
        entered = log_in(web, "jo@example.org")
        assert web.get("/athletes", follow_redirects=False).status_code == 200  # signed in
        out = post_form(web, "/logout", {})
        after = web.get("/athletes", follow_redirects=False)
    csrf, session, ended = (
        r.headers["set-cookie"].lower().split("; ") for r in (page, entered, out)
    )
    # the __Host- prefix: a browser keeps the cookie only if Secure, Path=/ and no Domain
    assert csrf[0].startswith("__host-rs_csrf=")
    assert session[0].startswith("__host-rs_session=")
    assert ended[0] in ("__host-rs_session=", '__host-rs_session=""')  # deleted, ...
    for cookie in (csrf, session, ended):  # ... by a cookie a browser takes too
        assert {"secure", "path=/", "httponly", "samesite=lax"} <= set(cookie)
        assert not any(part.startswith("domain=") for part in cookie)
    assert after.status_code == 303  # the form's CSRF cookie was read: the log-out worked


def test_cookies_keep_plain_names_on_plain_http(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        page = web.get("/login")
        signed_up(web, "jo@example.org")
    assert page.headers["set-cookie"].startswith("rs_csrf=")
    assert "secure" not in page.headers["set-cookie"].lower()
    assert set(web.cookies.keys()) == {"rs_csrf", "rs_session"}


def test_logging_out_ends_the_session_even_for_a_copy_of_its_cookie(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        signed_up(web, "jo@example.org")
        copy = web.cookies[SESSION_COOKIE]
        out = post_form(web, "/logout", {})
        assert out.headers["location"] == "/login"
        web.cookies.set(SESSION_COOKIE, copy)
        assert web.get("/athletes", follow_redirects=False).status_code == 303
        api = {"Authorization": f"Bearer {copy.split('.')[0]}"}
        assert web.get("/api/v1/athletes", headers=api).status_code == 401  # its token revoked


def test_a_session_older_than_its_maximum_age_is_not_accepted(tmp_path: Path) -> None:
    clock = Clock()
    with client(sqlite(tmp_path), clock=clock) as web:
        signed_up(web, "jo@example.org")
        token = web.cookies[SESSION_COOKIE].split(".")[0]
        api = {"Authorization": f"Bearer {token}"}
        clock.now += timedelta(seconds=SESSION_MAX_AGE_S - 60)
        assert web.get("/athletes", follow_redirects=False).status_code == 200
        assert web.get("/api/v1/athletes", headers=api).status_code == 200
        clock.now += timedelta(seconds=120)
        assert web.get("/athletes", follow_redirects=False).status_code == 303
        # the session's token, an API token too, ended with it
        assert web.get("/api/v1/athletes", headers=api).status_code == 401


def test_workers_sharing_a_key_file_share_sessions_and_csrf_tokens(tmp_path: Path) -> None:
    from litestar.testing import TestClient

    from runstrong.web.app import create_app
    from runstrong.web.config import WebConfig

    key_file = tmp_path / "keys" / "web.key"
    config = WebConfig(database_url=sqlite(tmp_path), key_file=key_file)
    with TestClient(app=create_app(config)) as one, TestClient(app=create_app(config)) as two:
        signed_up(one, "jo@example.org")
        for name, value in one.cookies.items():
            two.cookies.set(name, value)
        assert two.get("/athletes", follow_redirects=False).status_code == 200
        assert post_form(two, "/logout", {}).status_code == 303  # one's CSRF token, two's check
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(server_key(key_file)) == KEY_BYTES
    assert server_key(key_file) == bytes.fromhex(key_file.read_text().strip())
    assert [p.name for p in key_file.parent.iterdir()] == ["web.key"]  # no draft left behind


def test_a_key_file_that_holds_no_key_is_one_error_line(tmp_path: Path) -> None:
    from runstrong.domain.errors import InputError

    broken = tmp_path / "web.key"
    broken.write_text("not hex\n")
    with pytest.raises(InputError) as raised:
        server_key(broken)
    assert str(raised.value).startswith(f"{broken}: is not a key")
    assert os.access(broken, os.R_OK)


def test_an_unknown_page_is_a_page_and_an_unknown_api_path_is_json(tmp_path: Path) -> None:
    with client(sqlite(tmp_path)) as web:
        page = web.get("/no/such/page")
        api = web.get("/api/v1/no/such/route")
    assert (page.status_code, api.status_code) == (404, 404)
    assert "There is no such page." in page.text
    assert "text/html" in page.headers["content-type"]
    assert api.headers["content-type"] == "application/json"
    assert list(api.json()) == ["errors"]
