"""Who may do what, for every route of the API, on SQLite and on PostgreSQL: the owner of an
athlete, another account (athlete, coach or admin), and nobody (no token, a wrong or revoked
one). Another account's athlete is a 404 like one that does not exist, and nothing it sends
changes the owner's data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from litestar.testing import TestClient

from runstrong import account_service
from runstrong.account_service import Role
from runstrong.web.config import WebConfig
from web_client import PASSWORD, Clock, account, add_athlete, bearer, client, profile_json

LOG = {"date": "2026-12-08", "sets": [{"slug": "back_squat", "reps": 5, "kg": 60.0, "rir": 2}]}
# Every route on an athlete: method, path after the athlete's id, JSON body or profile, and the
# owner's answer.
ATHLETE_ROUTES: list[tuple[str, str, Any, int]] = [
    ("GET", "", None, 200),
    ("PUT", "", "profile", 200),
    ("GET", "/plan", None, 200),
    ("GET", "/today?date=2026-12-08", None, 200),
    ("POST", "/logs", LOG, 201),
    ("GET", "/history", None, 200),
    ("GET", "/exports/json", None, 200),
    ("GET", "/exports/csv", None, 200),
    ("GET", "/exports/ics", None, 200),
    ("GET", "/exports/fit", None, 200),
    ("DELETE", "", None, 204),
]
ROUTE_IDS = [f"{m} {p or '/'}" for m, p, _, _ in ATHLETE_ROUTES]


def send(web: TestClient[Any], method: str, path: str, body: Any, headers: dict[str, str]) -> Any:
    if body == "profile":
        headers = {**headers, "content-type": "application/json"}
        return web.request(method, path, content=profile_json(), headers=headers)
    return web.request(method, path, json=body, headers=headers)


def made_by_cli_code(
    web: TestClient[Any], database_url: str, email: str, role: Role
) -> dict[str, str]:
    """An account of `role` made as `runstrong user add` makes it, then signed in by the API."""
    config = WebConfig(database_url=database_url, clock=Clock())
    account_service.add_user(email, PASSWORD, config.settings(), role=role)
    return bearer(web, email)


@pytest.mark.parametrize(("method", "path", "body", "status"), ATHLETE_ROUTES, ids=ROUTE_IDS)
def test_each_athlete_route_answers_its_owner_and_no_one_else(
    database_url: str, method: str, path: str, body: Any, status: int
) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        others = {
            "another athlete": account(web, "other@example.org"),
            "a coach": made_by_cli_code(web, database_url, "coach@example.org", Role.COACH),
            "an admin": made_by_cli_code(web, database_url, "admin@example.org", Role.ADMIN),
        }
        url = f"/api/v1/athletes/{athlete}{path}"
        before = web.get(f"/api/v1/athletes/{athlete}", headers=owner).json()
        for who, headers in others.items():
            answer = send(web, method, url, body, headers)
            assert answer.status_code == 404, (who, answer.text)
            assert answer.json() == {"errors": [{"field": "", "message": "no such athlete"}]}
        for headers in ({}, {"Authorization": "Bearer rs_not-a-token"}, {"Authorization": "x"}):
            assert send(web, method, url, body, headers).status_code == 401
        assert web.get(f"/api/v1/athletes/{athlete}", headers=owner).json() == before
        assert send(web, method, url, body, owner).status_code == status


def test_an_athlete_of_another_account_answers_as_one_that_does_not_exist(
    database_url: str,
) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        other = account(web, "other@example.org")
        athlete = add_athlete(web, owner)
        theirs = web.get(f"/api/v1/athletes/{athlete}", headers=other)
        missing = web.get("/api/v1/athletes/nobody-at-all", headers=other)
        assert (theirs.status_code, theirs.content) == (missing.status_code, missing.content)


def test_each_account_lists_only_its_own_athletes(database_url: str) -> None:
    with client(database_url) as web:
        first = account(web, "first@example.org")
        second = account(web, "second@example.org")
        add_athlete(web, first, "alex-marathon")
        add_athlete(web, second, "sam-5k-beginner")
        add_athlete(web, second, "alex-marathon")  # the same handle in another account
        listed = {
            who: [a["name"] for a in web.get("/api/v1/athletes", headers=h).json()["items"]]
            for who, h in (("first", first), ("second", second))
        }
        assert listed == {"first": ["Alex"], "second": ["Alex", "Sam"]}
        assert web.get("/api/v1/athletes").status_code == 401


def test_athletes_are_added_by_athletes_and_coaches_alike(database_url: str) -> None:
    with client(database_url) as web:
        coach = made_by_cli_code(web, database_url, "coach@example.org", Role.COACH)
        athlete = add_athlete(web, coach)
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 200


def test_a_revoked_token_opens_nothing(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        second = bearer(web, "owner@example.org")
        assert web.delete("/api/v1/tokens/current", headers=owner).status_code == 204
        assert web.get("/api/v1/athletes", headers=owner).status_code == 401
        assert web.delete("/api/v1/tokens/current", headers=owner).status_code == 401
        assert web.get("/api/v1/athletes", headers=second).status_code == 200  # others stay


def test_no_token_is_401_with_a_bearer_challenge(database_url: str) -> None:
    with client(database_url) as web:
        answer = web.get("/api/v1/athletes")
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert list(answer.json()) == ["errors"]


def test_what_the_owner_adds_the_owner_can_read_back(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        assert (
            web.post(f"/api/v1/athletes/{athlete}/logs", json=LOG, headers=owner).status_code == 201
        )
        history = json.loads(web.get(f"/api/v1/athletes/{athlete}/history", headers=owner).content)
        assert [(s["date"], s["slug"], s["reps"], s["kg"]) for s in history["sets"]] == [
            ("2026-12-08", "back_squat", 5, 60.0)
        ]
