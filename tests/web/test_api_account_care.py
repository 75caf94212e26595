"""Looking after an account over the API, on SQLite and on PostgreSQL: a password changed (after
the old one), an administrator's one-time reset link, the account deleted with all it holds,
its data exported, and an administrator's users and roles."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from litestar.testing import TestClient

from runstrong import account_service
from runstrong.web.config import WebConfig
from web_client import (
    NOW,
    PASSWORD,
    Clock,
    account,
    add_athlete,
    admin_account,
    bearer,
    client,
    coached,
    rows,
)

NEW = "a new and longer password"
LOG = {"date": "2026-12-08", "sets": [{"slug": "back_squat", "reps": 5, "kg": 60.0, "rir": 2}]}


def admin(web: TestClient[Any], database_url: str) -> dict[str, str]:
    return admin_account(web, database_url)


def user_id(web: TestClient[Any], headers: dict[str, str]) -> str:
    return str(web.get("/api/v1/users/me", headers=headers).json()["id"])


def test_a_password_change_needs_the_old_one_and_ends_every_other_token(database_url: str) -> None:
    with client(database_url) as web:
        current = account(web, "runner@example.org")
        other = bearer(web, "runner@example.org")
        url = "/api/v1/users/me/password"
        wrong = web.put(
            url, json={"old_password": "not it at all", "new_password": NEW}, headers=current
        )
        assert wrong.status_code == 422
        assert wrong.json()["errors"][0]["field"] == "old_password"
        right = web.put(url, json={"old_password": PASSWORD, "new_password": NEW}, headers=current)
        assert right.status_code == 204
        assert web.get("/api/v1/users/me", headers=current).status_code == 200
        assert web.get("/api/v1/users/me", headers=other).status_code == 401
        assert (
            web.post(
                "/api/v1/tokens", json={"email": "runner@example.org", "password": PASSWORD}
            ).status_code
            == 401
        )
        assert bearer(web, "runner@example.org", NEW)


def test_a_common_or_leaked_password_is_refused_at_sign_up_change_and_reset(
    database_url: str,
) -> None:
    # on zxcvbn's list of leaked passwords: "1qaz2wsx3edc" as it is, "iloveyou" padded
    common = {"1qaz2wsx3edc", "IloveYou2024!!", "qwertyqwerty"}
    with client(database_url) as web:
        for password in common:
            made = web.post("/api/v1/users", json={"email": "jo@example.org", "password": password})
            assert made.status_code == 422
            assert made.json()["errors"] == [
                {"field": "password", "message": account_service.COMMON_PASSWORD}
            ]
        runner = account(web, "runner@example.org")
        for password in common:
            change = {"old_password": PASSWORD, "new_password": password}
            changed = web.put("/api/v1/users/me/password", json=change, headers=runner)
            assert (changed.status_code, changed.json()["errors"][0]["field"]) == (422, "password")
        link = web.post(f"/api/v1/users/{user_id(web, runner)}/password-resets",
                        headers=admin(web, database_url)).json()["token"]  # fmt: skip
        reset = web.post(
            "/api/v1/password-resets", json={"token": link, "password": "1qaz2wsx3edc"}
        )
        assert (reset.status_code, reset.json()["errors"][0]["field"]) == (422, "password")
        assert bearer(web, "runner@example.org")  # the password is still the first one
    emails = [r[0] for r in rows(database_url, "SELECT email FROM users WHERE email IS NOT NULL")]
    assert sorted(emails) == ["admin@example.org", "runner@example.org"]


def test_a_reset_link_is_an_administrators_works_once_for_a_day_and_ends_all_tokens(
    database_url: str,
) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        runner = account(web, "runner@example.org")
        boss = admin(web, database_url)
        url = f"/api/v1/users/{user_id(web, runner)}/password-resets"
        assert web.post(url, headers=runner).status_code == 403
        link = web.post(url, headers=boss)
        assert link.status_code == 201
        token = link.json()["token"]
        reset = {"token": token, "password": NEW}
        assert web.post("/api/v1/password-resets", json=reset).status_code == 204
        assert web.get("/api/v1/users/me", headers=runner).status_code == 401
        assert bearer(web, "runner@example.org", NEW)
        again = web.post("/api/v1/password-resets", json={"token": token, "password": PASSWORD})
        assert (again.status_code, again.json()["errors"][0]["field"]) == (422, "token")
        late = web.post(url, headers=boss).json()["token"]
        clock.now = NOW + timedelta(days=1, seconds=1)
        expired = web.post("/api/v1/password-resets", json={"token": late, "password": PASSWORD})
        assert expired.status_code == 422
        assert web.post("/api/v1/users/u_nobody/password-resets", headers=boss).status_code == 404


def test_a_deleted_account_takes_its_athletes_and_its_coaching_with_it(database_url: str) -> None:
    with client(database_url) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 200
        wrong = web.post(
            "/api/v1/users/me/deletion", json={"password": "not the password"}, headers=owner
        )
        assert wrong.status_code == 422
        assert web.get(f"/api/v1/athletes/{athlete}", headers=owner).status_code == 200
        gone = web.post("/api/v1/users/me/deletion", json={"password": PASSWORD}, headers=owner)
        assert gone.status_code == 204
        assert web.get("/api/v1/athletes", headers=owner).status_code == 401
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 404
        assert web.get("/api/v1/athletes", headers=coach).json()["items"] == []
        assert (
            web.post(
                "/api/v1/tokens", json={"email": "owner@example.org", "password": PASSWORD}
            ).status_code
            == 401
        )
        # the email is free again: a new account of it starts empty
        again = account(web, "owner@example.org")
        assert web.get("/api/v1/athletes", headers=again).json()["items"] == []


def test_the_export_holds_the_account_its_athletes_profiles_plans_and_log(
    database_url: str,
) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        assert (
            web.post(f"/api/v1/athletes/{athlete}/logs", json=LOG, headers=owner).status_code == 201
        )
        other = account(web, "other@example.org")
        add_athlete(web, other, "sam-5k-beginner")
        answer = web.get("/api/v1/users/me/export", headers=owner)
        assert answer.status_code == 200
        assert "attachment" in answer.headers["content-disposition"]
        data = json.loads(answer.content)
        assert data["account"]["email"] == "owner@example.org"
        (alex,) = data["athletes"]
        assert (alex["id"], alex["name"], alex["handle"]) == (athlete, "Alex", "alex")
        assert [p["version"] for p in alex["profiles"]] == [1]
        assert json.loads(alex["profiles"][0]["content"])["athlete"]["name"] == "Alex"
        stored = json.loads(web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).content)
        assert alex["plans"][0]["plan"] == stored
        assert [(s["date"], s["slug"], s["kg"]) for s in alex["log"]["sets"]] == [
            ("2026-12-08", "back_squat", 60.0)
        ]
        assert [(d["date"], d["status"]) for d in alex["days"]] == [("2026-12-08", "done")]


def test_an_administrator_lists_users_and_sets_roles_but_reads_no_training_data(
    database_url: str,
) -> None:
    with client(database_url) as web:
        runner = account(web, "runner@example.org")
        athlete = add_athlete(web, runner)
        boss = admin(web, database_url)
        listed = web.get("/api/v1/users", headers=boss).json()["items"]
        assert [(u["email"], u["role"]) for u in listed] == [
            ("runner@example.org", "athlete"), ("admin@example.org", "admin"),
        ]  # fmt: skip
        assert web.get("/api/v1/users", headers=runner).status_code == 403
        role = web.put(
            f"/api/v1/users/{user_id(web, runner)}/role", json={"role": "coach"}, headers=boss
        )
        assert role.json()["role"] == "coach"
        assert web.post("/api/v1/invitations", headers=runner).status_code == 201
        assert web.get(f"/api/v1/athletes/{athlete}", headers=boss).status_code == 404
        assert web.post("/api/v1/athletes", content=b"{}", headers=boss).status_code == 403
        assert web.delete(f"/api/v1/users/{user_id(web, runner)}", headers=boss).status_code == 204
        assert [u["email"] for u in web.get("/api/v1/users", headers=boss).json()["items"]] == [
            "admin@example.org"
        ]


def test_a_coach_made_an_athlete_again_sees_the_athletes_who_accepted_no_more(
    database_url: str,
) -> None:
    with client(database_url) as web:
        _, coach, athlete, coach_id = coached(web, database_url)
        boss = admin(web, database_url)
        url = f"/api/v1/users/{coach_id}/role"
        assert web.put(url, json={"role": "athlete"}, headers=boss).status_code == 200
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 404
        assert web.get("/api/v1/athletes", headers=coach).json()["items"] == []
        assert web.put(url, json={"role": "coach"}, headers=boss).status_code == 200
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 200


def test_a_coach_signs_up_as_a_coach_and_nobody_signs_up_as_an_administrator(
    database_url: str,
) -> None:
    with client(database_url) as web:
        made = web.post(
            "/api/v1/users",
            json={"email": "coach@example.org", "password": PASSWORD, "role": "coach"},
        )
        assert made.status_code == 201
        coach = bearer(web, "coach@example.org")
        assert web.get("/api/v1/users/me", headers=coach).json()["role"] == "coach"
        boss = web.post(
            "/api/v1/users", json={"email": "x@example.org", "password": PASSWORD, "role": "admin"}
        )
        assert boss.status_code == 422


def test_the_export_holds_the_athletes_imported_runs_as_recorded(
    database_url: str, tmp_path: Any
) -> None:
    from datetime import UTC, datetime

    from activity_files import fit_bytes
    from runstrong import runs_service

    start = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)  # before the test clock's day
    laps = [(600.0, 1800.0, 135.0, 200.0, 5.0), (600.0, 2000.0, 150.0, 240.0, 5.0)]
    (tmp_path / "run.fit").write_bytes(fit_bytes(start, laps, rpe_tenths=60))
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        add_athlete(web, owner)
        settings = WebConfig(database_url=database_url, clock=Clock()).settings(
            owner=user_id(web, owner)
        )
        imported = runs_service.import_runs("alex", [tmp_path / "run.fit"], settings)
        assert len(imported.imported) == 1
        data = json.loads(web.get("/api/v1/users/me/export", headers=owner).content)
    (alex,) = data["athletes"]
    (run,) = alex["runs"]
    assert (run["start"], run["seconds"], run["sport"], run["source"], run["rpe"]) == (
        "2026-11-29T08:00:00+00:00",
        1200.0,
        "running",
        "fit",
        6,
    )
    assert [(lap["seconds"], lap["meters"]) for lap in run["laps"]] == [
        (600.0, 1800.0), (600.0, 2000.0)
    ]  # fmt: skip
