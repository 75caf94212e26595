"""What docs/security.md claims of the API beyond who sees what, on SQLite and PostgreSQL: no
other origin is let in, no version is told, a failure tells nothing of itself, each log-in gets
a token of its own, the command line's user cannot log in, and sensitive answers are not cached."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from web_client import account, add_athlete, bearer, client


def test_no_other_origin_is_let_in_and_no_version_is_told(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        cross = web.get("/api/v1/athletes", headers={**owner, "Origin": "https://evil.example.org"})
        preflight = web.options(
            "/api/v1/athletes",
            headers={"Origin": "https://evil.example.org", "Access-Control-Request-Method": "GET"},
        )
    assert cross.status_code == 200
    for answer in (cross, preflight):
        assert not any(h.lower().startswith("access-control-") for h in answer.headers)
        assert "server" not in answer.headers
        assert "x-powered-by" not in answer.headers
    assert cross.headers["cache-control"] == "no-store"
    assert cross.headers["referrer-policy"] == "no-referrer"


def test_a_method_a_route_does_not_take_is_405(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        assert web.patch("/api/v1/athletes", headers=owner).status_code == 405
        assert web.delete("/api/v1/users/me/export", headers=owner).status_code == 405


def test_a_server_failure_answers_500_and_tells_nothing_of_itself(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        add_athlete(web, owner)
        engine = create_engine(database_url)
        with engine.begin() as connection:  # the database breaks under the running app
            connection.execute(text("DROP TABLE niggle_checkins"))
        engine.dispose()
        failed = web.get("/api/v1/users/me/export", headers=owner)
    assert failed.status_code == 500
    assert failed.json() == {"errors": [{"field": "", "message": "internal error"}]}
    assert b"niggle" not in failed.content


def test_each_log_in_gets_its_own_token_and_the_command_lines_user_none(
    database_url: str,
) -> None:
    with client(database_url) as web:
        first = account(web, "owner@example.org")
        second = bearer(web, "owner@example.org")
        assert first != second
        for email in ("local", "local@localhost"):
            answer = web.post("/api/v1/tokens", json={"email": email, "password": ""})
            assert answer.status_code == 401
