"""Coaching over the API, on SQLite and on PostgreSQL: a coach's invitation taken by an athlete's
account (pending: the coach sees nothing), accepted (the coach reads and edits), left (gone
again); a coach's pinned session edits surviving re-plans until removed; the coach's dashboard."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from litestar.testing import TestClient

from runstrong import checkin_service, services
from runstrong.domain.exercise import NiggleSite
from runstrong.web.config import WebConfig
from web_client import (
    NOW,
    Clock,
    account,
    add_athlete,
    client,
    coach_account,
    coached,
    invited,
    profile_json,
)


def names(web: TestClient[Any], headers: dict[str, str]) -> list[tuple[str, bool]]:
    items = web.get("/api/v1/athletes", headers=headers).json()["items"]
    return [(a["name"], a["coached"]) for a in items]


def test_a_coach_sees_an_athlete_only_between_accepting_and_leaving(database_url: str) -> None:
    with client(database_url) as web:
        owner, coach, athlete, coach_id = coached(web, database_url, accept=False)
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 404
        assert names(web, coach) == []
        link = f"/api/v1/athletes/{athlete}/coaches/{coach_id}"
        assert web.put(link, json={"status": "accepted"}, headers=owner).status_code == 200
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).json()["coached"] is True
        assert names(web, coach) == [("Alex", True)]
        assert names(web, owner) == [("Alex", False)]
        assert web.put(link, json={"status": "left"}, headers=owner).json()["status"] == "left"
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 404
        assert names(web, coach) == []
        again = web.put(link, json={"status": "accepted"}, headers=owner)
        assert again.status_code == 422  # a coach left needs a new invitation
        listed = web.get(f"/api/v1/athletes/{athlete}/coaches", headers=owner).json()["items"]
        assert [(c["email"], c["status"]) for c in listed] == [("coach@example.org", "left")]


def test_an_accepted_coach_reads_and_edits_but_does_not_log_or_remove(database_url: str) -> None:
    with client(database_url) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        url = f"/api/v1/athletes/{athlete}"
        assert web.get(f"{url}/plan", headers=coach).status_code == 200
        assert web.get(f"{url}/history", headers=coach).status_code == 200
        edited = web.put(
            url, content=profile_json(), headers={**coach, "content-type": "application/json"}
        )
        assert (edited.status_code, edited.json()["profile_version"]) == (200, 2)
        log = {"date": "2026-12-08", "sets": []}
        forbidden = web.post(f"{url}/logs", json=log, headers=coach)
        assert forbidden.status_code == 403
        assert web.delete(url, headers=coach).status_code == 403
        assert web.get(f"{url}/coaches", headers=coach).status_code == 403
        assert web.get(url, headers=owner).json()["sessions_logged"] == 0


def test_an_invitation_is_taken_once_before_it_expires_and_never_by_its_coach(
    database_url: str,
) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        owner = account(web, "owner@example.org")
        coach = coach_account(web, database_url, "coach@example.org")
        mine = add_athlete(web, owner)
        coachs_own = add_athlete(web, coach, "sam-5k-beginner")
        token = invited(web, coach)
        take = {"token": token}
        assert web.post(f"/api/v1/athletes/{coachs_own}/coaches", json=take, headers=coach).json()[
            "errors"
        ] == [{"field": "token", "message": "is not an invitation that can be taken"}]
        assert (
            web.post(f"/api/v1/athletes/{mine}/coaches", json=take, headers=owner).status_code
            == 201
        )
        again = web.post(f"/api/v1/athletes/{mine}/coaches", json=take, headers=owner)
        assert again.status_code == 422
        late = invited(web, coach)
        clock.now = NOW + timedelta(days=7, seconds=1)
        expired = web.post(f"/api/v1/athletes/{mine}/coaches", json={"token": late}, headers=owner)
        assert expired.status_code == 422
        athlete_account = web.post("/api/v1/invitations", headers=owner)
        assert athlete_account.status_code == 403  # invitations are a coach's


def test_athlete_ids_are_opaque_and_not_the_handle(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        assert athlete != "alex"
        assert athlete.startswith("a_")
        assert len(athlete) >= 16
        assert web.get("/api/v1/athletes/alex", headers=owner).status_code == 404


def first_exercise(web: TestClient[Any], athlete: str, headers: dict[str, str]) -> dict[str, Any]:
    """The first exercise of the plan's first session of role `main`."""
    plan = json.loads(web.get(f"/api/v1/athletes/{athlete}/plan", headers=headers).content)
    return next(
        x
        for w in plan["weeks"]
        for s in w["sessions"]
        for x in s["exercises"]
        if x["role"] == "main"
    )


def exercise(web: TestClient[Any], athlete: str, exercise_id: str, h: dict[str, str]) -> Any:
    plan = json.loads(web.get(f"/api/v1/athletes/{athlete}/plan", headers=h).content)
    return next(
        x
        for w in plan["weeks"]
        for s in w["sessions"]
        for x in s["exercises"]
        if x["id"] == exercise_id
    )


def test_a_pinned_swap_survives_a_re_plan_until_the_coach_removes_it(database_url: str) -> None:
    with client(database_url) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        planned = first_exercise(web, athlete, owner)
        assert planned["slug"] != "goblet_squat"
        pin = {"exercise_id": planned["id"], "slug": "goblet_squat", "sets": 4, "reps": 8}
        made = web.post(f"/api/v1/athletes/{athlete}/pins", json=pin, headers=coach)
        assert made.status_code == 201, made.text
        assert made.json()["coach"] == "coach@example.org"
        swapped = exercise(web, athlete, planned["id"], owner)
        assert (swapped["slug"], swapped["sets"], swapped["reps"]) == ("goblet_squat", 4, 8)
        assert swapped["notes"][-1]["rule"] == "coach_pinned"
        assert swapped["notes"][-1]["params"]["replaced"] == planned["name"]
        # the owner edits the profile: the re-plan keeps the coach's pin
        put = web.put(
            f"/api/v1/athletes/{athlete}",
            content=profile_json(),
            headers={**owner, "content-type": "application/json"},
        )
        assert put.json()["profile_version"] == 2
        kept = exercise(web, athlete, planned["id"], owner)
        assert (kept["slug"], kept["sets"], kept["reps"]) == ("goblet_squat", 4, 8)
        pins = web.get(f"/api/v1/athletes/{athlete}/pins", headers=owner).json()["items"]
        assert [p["exercise_id"] for p in pins] == [planned["id"]]
        assert (
            web.delete(
                f"/api/v1/athletes/{athlete}/pins/{pins[0]['id']}", headers=owner
            ).status_code
            == 403
        )
        gone = web.delete(f"/api/v1/athletes/{athlete}/pins/{pins[0]['id']}", headers=coach)
        assert gone.status_code == 204
        back = exercise(web, athlete, planned["id"], owner)
        assert (back["slug"], back["sets"], back["reps"]) == (
            planned["slug"], planned["sets"], planned["reps"],
        )  # fmt: skip
        assert all(n["rule"] != "coach_pinned" for n in back["notes"])
        assert web.get(f"/api/v1/athletes/{athlete}/pins", headers=owner).json()["items"] == []
        again = web.delete(f"/api/v1/athletes/{athlete}/pins/{pins[0]['id']}", headers=coach)
        assert (again.status_code, again.json()["errors"][0]["message"]) == (404, "no such pin")


def test_a_pin_that_does_not_fit_its_exercise_is_a_422_naming_the_field(database_url: str) -> None:
    with client(database_url) as web:
        _, coach, athlete, _ = coached(web, database_url)
        planned = first_exercise(web, athlete, coach)
        url = f"/api/v1/athletes/{athlete}/pins"
        cases = {
            "exercise_id": {"exercise_id": "nobody/2026-12-07/A/main", "sets": 3},
            "slug": {"exercise_id": planned["id"], "slug": "no_such_lift"},
            "seconds": {"exercise_id": planned["id"], "seconds": 30},
            "sets": {"exercise_id": planned["id"], "sets": 40},
        }
        for field, body in cases.items():
            answer = web.post(url, json=body, headers=coach)
            assert answer.status_code == 422, (field, answer.text)
            assert answer.json()["errors"][0]["field"] == field
        assert web.get(url, headers=coach).json()["items"] == []


def test_the_dashboard_counts_this_weeks_sessions_and_flags_misses_and_niggles(
    database_url: str,
) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        plan = json.loads(web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).content)
        week = [s["date"] for s in plan["weeks"][0]["sessions"]]
        assert len(week) == 2  # Alex: two sessions in a base week
        clock.now = datetime.fromisoformat(week[1]).replace(hour=20, tzinfo=UTC)
        done = {"date": week[0], "sets": [{"slug": "back_squat", "reps": 5, "kg": 60.0, "rir": 2}]}
        assert (
            web.post(f"/api/v1/athletes/{athlete}/logs", json=done, headers=owner).status_code
            == 201
        )
        settings = WebConfig(database_url=database_url, clock=clock).settings(
            owner=web.get("/api/v1/users/me", headers=owner).json()["id"]
        )
        checkin_service.record_check_in(
            "alex", NiggleSite.KNEE, 4, services.open_library(settings), settings
        )
        board = web.get("/api/v1/coach/athletes", headers=coach)
        assert board.status_code == 200, board.text
        (row,) = board.json()["items"]
        assert (row["id"], row["name"], row["week_start"]) == (
            athlete,
            "Alex",
            plan["weeks"][0]["start"],
        )
        assert (row["planned"], row["due"], row["done"], row["skipped"]) == (2, 2, 1, 0)
        assert row["missed"] == []  # the second session is today, not missed yet
        kinds = {f["kind"]: f["params"] for f in row["flags"]}
        assert kinds["niggle"]["site"] == "knee"
        assert kinds["niggle"]["pain"] == 4
        clock.now += timedelta(days=1)
        later = web.get("/api/v1/coach/athletes", headers=coach).json()["items"][0]
        assert later["missed"] == [week[1]]
        assert {"kind": "missed", "params": {"sessions": 1}} in later["flags"]
        assert web.get("/api/v1/coach/athletes", headers=owner).status_code == 403


def test_a_coach_of_one_athlete_sees_not_the_owners_other_athletes(database_url: str) -> None:
    with client(database_url) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        other = add_athlete(web, owner, "sam-5k-beginner")
        assert web.get(f"/api/v1/athletes/{athlete}", headers=coach).status_code == 200
        assert web.get(f"/api/v1/athletes/{other}", headers=coach).status_code == 404
        assert web.get(f"/api/v1/athletes/{other}/plan", headers=coach).status_code == 404
        assert names(web, coach) == [("Alex", True)]
        board = web.get("/api/v1/coach/athletes", headers=coach).json()["items"]
        assert [row["id"] for row in board] == [athlete]


def test_the_dashboards_kept_rows_follow_each_change_of_an_athletes_data(
    database_url: str,
) -> None:
    """A row is kept by the athlete's revision: the next view after a log, from the API or
    from elsewhere, counts it."""
    from datetime import date

    from runstrong import log_service

    clock = Clock()
    with client(database_url, clock=clock) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        plan = json.loads(web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).content)
        week = [s["date"] for s in plan["weeks"][0]["sessions"]]
        clock.now = datetime.fromisoformat(week[1]).replace(hour=20, tzinfo=UTC)

        def done() -> int:
            board = web.get("/api/v1/coach/athletes", headers=coach)
            assert board.status_code == 200, board.text
            return int(board.json()["items"][0]["done"])

        assert done() == 0
        log = {"date": week[0], "sets": [{"slug": "back_squat", "reps": 5, "kg": 60.0, "rir": 2}]}
        made = web.post(f"/api/v1/athletes/{athlete}/logs", json=log, headers=owner)
        assert made.status_code == 201
        assert done() == 1
        settings = WebConfig(database_url=database_url, clock=clock).settings(
            owner=web.get("/api/v1/users/me", headers=owner).json()["id"]
        )
        log_service.delete_log("alex", date.fromisoformat(week[0]), settings)
        assert done() == 0
