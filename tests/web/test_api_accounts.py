"""Accounts through the API and the command line, on SQLite and PostgreSQL: sign-up that tells
nobody who has an account, tokens for a right pair only (one answer for every wrong one), a
log-in limit counted in the database, and `runstrong user add`."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from builders import ok, one_error_line, run_in_process
from runstrong.account_service import (
    LOGIN_FAILURES_PER_ADDRESS_MAX,
    LOGIN_FAILURES_PER_EMAIL_MAX,
    LOGIN_WINDOW_S,
)
from web_client import PASSWORD, Clock, account, bearer, client, rows


def test_sign_up_answers_an_existing_email_as_a_new_one_and_changes_nothing(
    database_url: str,
) -> None:
    with client(database_url) as web:
        first = web.post("/api/v1/users", json={"email": "Jo@Example.org", "password": PASSWORD})
        again = web.post(
            "/api/v1/users", json={"email": "jo@example.org", "password": "another password"}
        )
        assert (first.status_code, again.status_code) == (201, 201)
        assert list(first.json()) == list(again.json()) == ["id"]
        assert first.json()["id"] != again.json()["id"]
        assert web.post(
            "/api/v1/tokens", json={"email": "jo@example.org", "password": "another password"}
        ).status_code == 401  # fmt: skip
        bearer(web, "JO@example.org")  # the first password, the email in any case
    stored = rows(database_url, "SELECT name, email, role FROM users WHERE email IS NOT NULL")
    assert stored == [(first.json()["id"], "jo@example.org", "athlete")]


def test_passwords_are_stored_as_argon2id_hashes_and_tokens_as_sha256(database_url: str) -> None:
    with client(database_url) as web:
        headers = account(web, "kim@example.org")
    token = headers["Authorization"].removeprefix("Bearer ")
    (hashed,) = rows(database_url, "SELECT password_hash FROM users WHERE email IS NOT NULL")
    assert str(hashed[0]).startswith("$argon2id$")
    assert PASSWORD not in str(hashed[0])
    stored = rows(database_url, "SELECT token_hash, last_used_at FROM api_tokens")
    assert [r[0] for r in stored] == [hashlib.sha256(token.encode()).hexdigest()]


def test_a_tokens_last_use_is_recorded(database_url: str) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        headers = account(web, "kim@example.org")
        assert rows(database_url, "SELECT last_used_at FROM api_tokens") == [(None,)]
        clock.now += timedelta(hours=1)
        assert web.get("/api/v1/athletes", headers=headers).status_code == 200
    (used,) = rows(database_url, "SELECT last_used_at FROM api_tokens")
    assert used[0] is not None


def test_a_token_works_for_30_days_then_the_password_is_asked_again(database_url: str) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        headers = account(web, "kim@example.org")
        clock.now += timedelta(days=30) - timedelta(seconds=1)
        assert web.get("/api/v1/athletes", headers=headers).status_code == 200
        clock.now += timedelta(seconds=1)
        assert web.get("/api/v1/athletes", headers=headers).status_code == 401
        assert (
            web.get("/api/v1/athletes", headers=bearer(web, "kim@example.org")).status_code == 200
        )


def test_every_wrong_pair_gets_the_same_401(database_url: str) -> None:
    with client(database_url) as web:
        account(web, "kim@example.org")
        wrong_password = web.post(
            "/api/v1/tokens", json={"email": "kim@example.org", "password": "not it at all"}
        )
        unknown_email = web.post(
            "/api/v1/tokens", json={"email": "nobody@example.org", "password": PASSWORD}
        )
    assert wrong_password.status_code == unknown_email.status_code == 401
    assert wrong_password.content == unknown_email.content
    assert wrong_password.json() == {
        "errors": [{"field": "", "message": "wrong email or password"}]
    }


def test_sign_up_can_be_turned_off(database_url: str) -> None:
    with client(database_url, signup=False) as web:
        answer = web.post("/api/v1/users", json={"email": "a@example.org", "password": PASSWORD})
    assert answer.status_code == 403
    assert rows(database_url, "SELECT email FROM users WHERE email IS NOT NULL") == []


def test_sign_up_checks_the_email_and_the_password_length(database_url: str) -> None:
    with client(database_url) as web:
        bad_email = web.post("/api/v1/users", json={"email": "not-an-email", "password": PASSWORD})
        short = web.post(
            "/api/v1/users", json={"email": "a@example.org", "password": "12345678901"}
        )
        extra = web.post(
            "/api/v1/users", json={"email": "a@example.org", "password": PASSWORD, "role": "admin"}
        )
    assert bad_email.status_code == short.status_code == extra.status_code == 422
    assert [e["field"] for e in bad_email.json()["errors"]] == ["email"]
    assert [e["field"] for e in short.json()["errors"]] == ["password"]
    assert rows(database_url, "SELECT email FROM users WHERE email IS NOT NULL") == []


def test_too_many_failed_log_ins_for_an_email_lock_it_for_the_window(database_url: str) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        account(web, "kim@example.org")
        account(web, "lee@example.org")
        wrong = {"email": "kim@example.org", "password": "wrong password"}
        answers = [web.post("/api/v1/tokens", json=wrong).status_code for _ in range(11)]
        assert answers == [401] * LOGIN_FAILURES_PER_EMAIL_MAX + [429]
        right = {"email": "kim@example.org", "password": PASSWORD}
        locked = web.post("/api/v1/tokens", json=right)
        assert locked.status_code == 429  # the right pair too, until the window moves on
        assert locked.headers["retry-after"] == str(LOGIN_WINDOW_S)
        assert (
            web.post("/api/v1/tokens", json={**right, "email": "lee@example.org"}).status_code
            == 201
        )
        clock.now += timedelta(seconds=LOGIN_WINDOW_S + 1)
        assert web.post("/api/v1/tokens", json=right).status_code == 201


def test_too_many_failed_log_ins_from_an_address_lock_it_for_any_email(database_url: str) -> None:
    with client(database_url) as web:
        account(web, "kim@example.org")
        for i in range(LOGIN_FAILURES_PER_ADDRESS_MAX):
            wrong = {"email": f"guess{i}@example.org", "password": "wrong password"}
            assert web.post("/api/v1/tokens", json=wrong).status_code == 401
        right = {"email": "kim@example.org", "password": PASSWORD}
        assert web.post("/api/v1/tokens", json=right).status_code == 429
    (count,) = rows(database_url, "SELECT COUNT(*) FROM login_failures")
    assert count == (LOGIN_FAILURES_PER_ADDRESS_MAX,)


def test_user_add_makes_an_account_that_can_sign_in(database_url: str) -> None:
    made = run_in_process(
        "user", "add", "Admin@Example.org", "--admin", "--password-stdin", db=database_url,
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    account_id = ok(made).strip()
    assert account_id.startswith("u_")
    assert rows(database_url, "SELECT name, email, role FROM users WHERE email IS NOT NULL") == [
        (account_id, "admin@example.org", "admin")
    ]
    with client(database_url) as web:
        bearer(web, "admin@example.org")


def test_user_add_mistakes_are_one_line(database_url: str) -> None:
    def add(*args: str, stdin: str = f"{PASSWORD}\n") -> str:
        return one_error_line(run_in_process("user", "add", *args, db=database_url, stdin=stdin))

    assert "EMAIL: email: is not an email address" in add("nope", "--password-stdin")
    assert "at least 12 characters" in add(
        "a@example.org", "--password-stdin", stdin="elevenchars\n"
    )
    assert "password: is a common or leaked password" in add(
        "a@example.org", "--password-stdin", stdin="iloveyou1234\n"
    )
    assert "no terminal" in add("a@example.org")
    ok(run_in_process("user", "add", "a@example.org", "--password-stdin", db=database_url,
                      stdin=f"{PASSWORD}\n"))  # fmt: skip
    assert "has an account already" in add("A@example.org", "--password-stdin")
    assert "not both" in add("b@example.org", "--admin", "--coach", "--password-stdin")


def test_user_add_coach_makes_a_coachs_account(database_url: str) -> None:
    made = run_in_process(
        "user", "add", "coach@example.org", "--coach", "--password-stdin", db=database_url,
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    ok(made)
    assert rows(database_url, "SELECT role FROM users WHERE email IS NOT NULL") == [("coach",)]
