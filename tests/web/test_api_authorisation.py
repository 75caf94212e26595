"""Who may do what, for every route of the API, on SQLite and on PostgreSQL: the owner of an
athlete, its accepted coach, a coach it has not accepted or has left, an administrator, another
tenant, and nobody (no token, a wrong or revoked one). An athlete the account may not see is a
404 like one that does not exist, an action its role may not take a 403, and nothing a stranger
sends changes the owner's data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from litestar.testing import TestClient

from runstrong import account_service
from runstrong.account_service import Role
from runstrong.web.config import WebConfig
from web_client import (
    PASSWORD,
    Clock,
    account,
    add_athlete,
    admin_account,
    bearer,
    client,
    coach_account,
    coached,
    invited,
    profile_json,
)

LOG = {"date": "2026-12-08", "sets": [{"slug": "back_squat", "reps": 5, "kg": 60.0, "rir": 2}]}
NOT_FOUND = {"errors": [{"field": "", "message": "no such athlete"}]}
# Every route on an athlete: method, path after the athlete's id ({coach}: the accepted coach's
# id, {pin}: a pin of the coach's, {slot}: an exercise of the plan), body ("profile": Alex's),
# and the answers of its owner and of its accepted coach.
ATHLETE_ROUTES: list[tuple[str, str, Any, int, int]] = [
    ("GET", "", None, 200, 200),
    ("PUT", "", "profile", 200, 200),
    ("GET", "/plan", None, 200, 200),
    ("GET", "/today?date=2026-12-08", None, 200, 200),
    ("POST", "/logs", LOG, 201, 403),
    ("GET", "/history", None, 200, 200),
    ("GET", "/exports/json", None, 200, 200),
    ("GET", "/exports/csv", None, 200, 200),
    ("GET", "/exports/ics", None, 200, 200),
    ("GET", "/exports/fit", None, 200, 200),
    ("GET", "/coaches", None, 200, 403),
    ("POST", "/coaches", {"token": "ri_not-an-invitation"}, 422, 403),
    ("PUT", "/coaches/{coach}", {"status": "accepted"}, 200, 403),
    ("GET", "/pins", None, 200, 200),
    ("POST", "/pins", {"exercise_id": "{slot}", "sets": 2}, 403, 201),
    ("DELETE", "/pins/{pin}", None, 403, 204),
    ("DELETE", "", None, 204, 403),
]
ROUTE_IDS = [f"{m} {p or '/'}" for m, p, *_ in ATHLETE_ROUTES]
# Who else asks: each must get the 404 of an athlete that does not exist.
STRANGERS = ("coach pending", "coach left", "an admin", "another tenant")


def send(web: TestClient[Any], method: str, path: str, body: Any, headers: dict[str, str]) -> Any:
    if body == "profile":
        headers = {**headers, "content-type": "application/json"}
        return web.request(method, path, content=profile_json(), headers=headers)
    return web.request(method, path, json=body, headers=headers)


def made_by_cli_code(
    web: TestClient[Any], database_url: str, email: str, role: Role
) -> dict[str, str]:
    """An account of `role` made as `runstrong user add` makes it, then signed in by the API (an
    administrator with its second factor set up)."""
    if role is Role.ADMIN:
        return admin_account(web, database_url, email)
    config = WebConfig(database_url=database_url, clock=Clock())
    account_service.add_user(email, PASSWORD, config.settings(), role=role)
    return bearer(web, email)


def linked_coach(
    web: TestClient[Any],
    database_url: str,
    owner: dict[str, str],
    athlete: str,
    email: str,
    status: str,
) -> dict[str, str]:
    """A coach whose invitation the owner took for the athlete, left `status`."""
    coach = coach_account(web, database_url, email)
    url = f"/api/v1/athletes/{athlete}/coaches"
    taken = web.post(url, json={"token": invited(web, coach)}, headers=owner).json()
    if status != "pending":
        web.put(f"{url}/{taken['id']}", json={"status": status}, headers=owner)
    return coach


def everyone(web: TestClient[Any], database_url: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The owner of Alex, its accepted coach (who pinned an edit), and the strangers; with the
    values of the routes' placeholders."""
    owner, coach, athlete, coach_id = coached(web, database_url)
    plan = json.loads(web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).content)
    slots = [x["id"] for w in plan["weeks"] for s in w["sessions"] for x in s["exercises"]]
    pin = web.post(
        f"/api/v1/athletes/{athlete}/pins", json={"exercise_id": slots[0], "sets": 3}, headers=coach
    )
    assert pin.status_code == 201, pin.text
    strangers = {
        "coach pending": linked_coach(
            web, database_url, owner, athlete, "p@example.org", "pending"
        ),
        "coach left": linked_coach(web, database_url, owner, athlete, "l@example.org", "left"),
        "an admin": made_by_cli_code(web, database_url, "admin@example.org", Role.ADMIN),
        "another tenant": account(web, "other@example.org"),
    }
    add_athlete(web, strangers["another tenant"], "sam-5k-beginner")
    who = {"owner": owner, "coach": coach, **strangers}
    values = {"athlete": athlete, "coach": coach_id, "pin": str(pin.json()["id"]), "slot": slots[1]}
    return who, values


def filled(text: Any, values: dict[str, str]) -> Any:
    if isinstance(text, dict):
        return {k: filled(v, values) for k, v in text.items()}
    if isinstance(text, str) and text != "profile":
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
    return text


def seen_by_owner(web: TestClient[Any], athlete: str, owner: dict[str, str]) -> tuple[Any, ...]:
    """What a stranger must not change: the athlete, its plan, its pins and its coaches."""
    url = f"/api/v1/athletes/{athlete}"
    return tuple(
        web.get(url + p, headers=owner).content for p in ("", "/plan", "/pins", "/coaches")
    )


@pytest.mark.parametrize(
    ("method", "path", "body", "by_owner", "by_coach"), ATHLETE_ROUTES, ids=ROUTE_IDS
)
def test_each_athlete_route_answers_owner_and_accepted_coach_and_no_one_else(
    database_url: str, method: str, path: str, body: Any, by_owner: int, by_coach: int
) -> None:
    with client(database_url) as web:
        who, values = everyone(web, database_url)
        athlete = values["athlete"]
        url = filled(f"/api/v1/athletes/{athlete}{path}", values)
        body = filled(body, values)
        before = seen_by_owner(web, athlete, who["owner"])
        for stranger in STRANGERS:
            answer = send(web, method, url, body, who[stranger])
            assert (answer.status_code, answer.json()) == (404, NOT_FOUND), stranger
        for headers in ({}, {"Authorization": "Bearer rs_not-a-token"}, {"Authorization": "x"}):
            assert send(web, method, url, body, headers).status_code == 401
        assert seen_by_owner(web, athlete, who["owner"]) == before
        for role, status in (("coach", by_coach), ("owner", by_owner)):
            before = seen_by_owner(web, athlete, who["owner"])
            answer = send(web, method, url, body, who[role])
            assert answer.status_code == status, (role, answer.text)
            if status == 403:  # forbidden: nothing changed
                assert seen_by_owner(web, athlete, who["owner"]) == before


# Every route not on an athlete: method, path, body, and the answers of an athlete's account, a
# coach's, an administrator's and nobody's. {user}: another account's id.
ACCOUNT_ROUTES: list[tuple[str, str, Any, int, int, int, int]] = [
    ("GET", "/users/me", None, 200, 200, 200, 401),
    ("GET", "/users/me/export", None, 200, 200, 200, 401),
    ("PUT", "/users/me/password", {"old_password": "wrong one!", "new_password": "x" * 12},
     422, 422, 422, 401),
    ("POST", "/users/me/deletion", {"password": "wrong one!"}, 422, 422, 422, 401),
    ("GET", "/athletes", None, 200, 200, 200, 401),
    ("POST", "/invitations", None, 403, 201, 403, 401),
    ("GET", "/coach/athletes", None, 403, 200, 403, 401),
    ("GET", "/users", None, 403, 403, 200, 401),
    ("PUT", "/users/{user}/role", {"role": "athlete"}, 403, 403, 200, 401),
    ("POST", "/users/{user}/password-resets", None, 403, 403, 201, 401),
    ("DELETE", "/users/{user}", None, 403, 403, 204, 401),
    ("POST", "/password-resets", {"token": "rr_not-a-reset", "password": "x" * 12},
     422, 422, 422, 422),
    ("DELETE", "/tokens/current", None, 204, 204, 204, 401),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "body", "athlete", "coach", "admin", "nobody"),
    ACCOUNT_ROUTES,
    ids=[f"{m} {p}" for m, p, *_ in ACCOUNT_ROUTES],
)
def test_each_account_route_answers_each_role(
    database_url: str, method: str, path: str, body: Any, athlete: int, coach: int, admin: int,
    nobody: int,
) -> None:  # fmt: skip
    with client(database_url) as web:
        bystander = account(web, "bystander@example.org")
        user = web.get("/api/v1/users/me", headers=bystander).json()["id"]
        roles = {
            "athlete": (account(web, "runner@example.org"), athlete),
            "coach": (coach_account(web, database_url, "coach@example.org"), coach),
            "admin": (made_by_cli_code(web, database_url, "admin@example.org", Role.ADMIN), admin),
            "nobody": ({}, nobody),
        }
        url = "/api/v1" + path.replace("{user}", user)
        for role, (headers, status) in roles.items():
            if role == "admin":  # what the others sent changed no one else's account
                me = web.get("/api/v1/users/me", headers=bystander)
                assert (me.status_code, me.json()["role"]) == (200, "athlete")
            answer = send(web, method, url, body, headers)
            assert answer.status_code == status, (role, answer.text)


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
