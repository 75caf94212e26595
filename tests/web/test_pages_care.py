"""The password-change page: the old password checked, the new one's rules shown on its field,
and every other session and token of the account signed out while this one stays; the strength
meter's answers (static/password.js shows them)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from page_client import log_in, post_form, signed_up
from web_client import PASSWORD, bearer, client

NEW_PASSWORD = "a longer new passphrase"


def test_the_password_is_changed_after_the_old_one_and_other_tokens_end(tmp_path: Path) -> None:
    with client(f"sqlite:///{tmp_path / 'care.sqlite3'}") as web:
        signed_up(web, "jo@example.org")
        api = bearer(web, "jo@example.org")  # another client of the account
        form = web.get("/account/password")
        wrong = post_form(
            web,
            "/account/password",
            {"old_password": "not it at all", "new_password": NEW_PASSWORD},
        )
        short = post_form(
            web, "/account/password", {"old_password": PASSWORD, "new_password": "elevenchars"}
        )
        unchanged = web.get("/api/v1/users/me", headers=api).status_code
        changed = post_form(
            web, "/account/password", {"old_password": PASSWORD, "new_password": NEW_PASSWORD}
        )
        notice = web.get(changed.headers["location"])
        still_in = web.get("/athletes")
        old_token = web.get("/api/v1/users/me", headers=api).status_code
        post_form(web, "/logout", {})
        old_login = log_in(web, "jo@example.org", PASSWORD).status_code
        new_login = log_in(web, "jo@example.org", NEW_PASSWORD).status_code
    assert form.status_code == 200
    assert wrong.status_code == 422
    assert "Password now is not the account's password" in html.unescape(wrong.text)
    assert short.status_code == 422
    assert "New password should be at least 12 characters" in short.text
    assert unchanged == 200  # a mistake changes nothing
    assert changed.status_code == 303
    assert "Your password is changed" in notice.text
    assert still_in.status_code == 200  # this session's token is kept
    assert old_token == 401  # the others are revoked
    assert (old_login, new_login) == (401, 303)


def test_the_password_page_needs_a_session_and_its_csrf_token(tmp_path: Path) -> None:
    with client(f"sqlite:///{tmp_path / 'care2.sqlite3'}") as web:
        signed_out = web.get("/account/password", follow_redirects=False)
        signed_up(web, "jo@example.org")
        forged = web.post(
            "/account/password", data={"old_password": PASSWORD, "new_password": NEW_PASSWORD}
        )
        post_form(web, "/logout", {})
        still_old = log_in(web, "jo@example.org", PASSWORD).status_code
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == "/login?next=/account/password"
    assert forged.status_code == 403
    assert "This form has expired or did not come from this site" in forged.text
    assert still_old == 303


@pytest.mark.parametrize(
    ("password", "score", "words"),
    [
        ("elevenchars", 0, "too short: at least 12 characters"),
        ("Qwerty123456", 0, "a common or leaked password: choose another"),
        # 12 characters, 2 distinct: 4 counted x log2(26) = 18.8 bits
        ("aaaaaaaaaaab", 1, "weak: longer, or more kinds of characters"),
        # 12 distinct lower-case letters: 12 x log2(26) = 56.4 bits
        ("mqzvtrwkpxjb", 2, "fair"),
        # 15 distinct letters of both cases: 15 x log2(52) = 85.5 bits
        ("mqzvtrwkpxjbHGF", 3, "good"),
        # 21 characters, 11 distinct, lower case and space: 21 x log2(59) = 123.5 bits
        ("correct horse battery", 4, "strong"),
    ],
)
def test_the_strength_meter_scores_what_is_typed(
    tmp_path: Path, password: str, score: int, words: str
) -> None:
    with client(f"sqlite:///{tmp_path / 'care.sqlite3'}") as web:
        answer = post_form(web, "/password-strength", {"password": password})
    assert answer.status_code == 200
    assert answer.json() == {"score": score, "max": 4, "words": words}


def test_the_password_forms_carry_the_meter_and_the_show_button_script_and_work_without(
    tmp_path: Path,
) -> None:
    with client(f"sqlite:///{tmp_path / 'care.sqlite3'}") as web:
        refused = web.post("/password-strength", data={"password": "x"})  # no CSRF token
        signup, login = web.get("/signup"), web.get("/login")
        signed_up(web, "jo@example.org")
        change = web.get("/account/password")
    assert refused.status_code == 403
    script = '<script src="/static/password.js" defer></script>'
    for page, meter in ((signup, "password-strength"), (change, "new_password-strength")):
        assert script in page.text
        assert f'data-strength="{meter}"' in page.text
        # the meter is hidden until the script fills it: without script, the plain form
        assert f'<p id="{meter}" class="strength" aria-live="polite" hidden>' in page.text
    assert script in login.text  # its password field gets the Show button
