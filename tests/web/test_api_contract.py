"""The API's answers against what the command line gives for the same input, on SQLite and
PostgreSQL: the stored plan, the day's session, logs and their history, the exports, the
profile reader's own error paths and words, the size limit, the headers and the OpenAPI
document."""

from __future__ import annotations

import io
import json
import tomllib
import zipfile
from typing import Any

from icalendar import Calendar
from sqlalchemy import create_engine, text

from builders import EXAMPLES, ok, run_in_process
from runstrong.input_files import PROFILE_MAX_BYTES
from web_client import NOW, account, add_athlete, client

TODAY = NOW.date().isoformat()
ALEX = str(EXAMPLES / "alex-marathon.toml")


def cli(database_url: str, *args: str) -> str:
    return ok(run_in_process("--today", TODAY, *args, db=database_url))


def test_the_plan_is_the_one_runstrong_plan_makes_stored_and_served_as_stored(
    database_url: str,
) -> None:
    expected = json.loads(cli(database_url, "plan", ALEX, "--format", "json"))
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        served = web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner)
        assert served.headers["content-type"] == "application/json"
        assert served.json() == expected
        assert served.json()["schema_version"] == 2
        engine = create_engine(database_url)
        with engine.begin() as connection:  # what is stored is what is served: not made again
            connection.execute(
                text(  # a plan version is never changed in place: a newer one is stored
                    "INSERT INTO plan_versions (athlete_id, profile_version_id, version, start, "
                    '"end", plan_json, created_at) SELECT athlete_id, profile_version_id, '
                    "'stored', start, \"end\", '{\"stored\": true}', created_at FROM plan_versions"
                )
            )
        engine.dispose()
        assert web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).json() == {"stored": True}


def test_put_stores_a_new_profile_version_and_plan(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        first = web.get(f"/api/v1/athletes/{athlete}", headers=owner).json()
        data = tomllib.loads((EXAMPLES / "alex-marathon.toml").read_text("utf-8"))
        data["availability"]["session_minutes"] = 30
        body = json.dumps(data, default=str).encode()
        changed = web.put(
            f"/api/v1/athletes/{athlete}",
            content=body,
            headers={**owner, "content-type": "application/json"},
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["profile_version"] == first["profile_version"] + 1 == 2
        assert changed.json()["plan_version"] != first["plan_version"]
        plan = web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).json()
        assert plan["version"] == changed.json()["plan_version"]


def test_the_day_is_the_one_runstrong_today_gives(database_url: str) -> None:
    cli(database_url, "athlete", "add", ALEX)  # the CLI's local user, in the same database
    expected = json.loads(
        cli(database_url, "today", "alex", "--date", "2026-12-08", "--format", "json")
    )
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        day = web.get(f"/api/v1/athletes/{athlete}/today?date=2026-12-08", headers=owner)
    assert day.status_code == 200
    assert day.json() == expected
    assert day.json()["session"]["exercises"]


def test_a_logged_day_shows_in_the_history_and_is_replaced_only_when_asked(
    database_url: str,
) -> None:
    log: dict[str, Any] = {
        "date": "2026-12-08",
        "sets": [
            {"slug": "back_squat", "reps": 5, "kg": 100.0, "rir": 2},
            {"slug": "bulgarian_split_squat", "reps": 8, "kg": 20.0, "rir": 2, "side": "left"},
        ],
        "rpe": 7,
        "minutes": 45,
    }
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        url = f"/api/v1/athletes/{athlete}"
        made = web.post(f"{url}/logs", json=log, headers=owner)
        assert made.status_code == 201
        assert made.json() == {
            "date": "2026-12-08", "session_id": "alex/2026-12-07/A", "status": "done", "sets": 2,
        }  # fmt: skip
        again = web.post(f"{url}/logs", json=log, headers=owner)
        assert again.status_code == 409
        assert again.json()["errors"][0]["field"] == "date"
        replaced = web.post(
            f"{url}/logs", json={**log, "sets": log["sets"][:1], "replace": True}, headers=owner
        )
        assert replaced.status_code == 201
        history = web.get(f"{url}/history", headers=owner).json()
        summary = web.get(url, headers=owner).json()
    # 100 kg for 5 reps at RIR 2: Epley on 7 reps to failure, 100 * (1 + 7 / 30) = 123.3
    assert history["sets"] == [
        {
            "date": "2026-12-08", "session_id": "alex/2026-12-07/A", "slug": "back_squat",
            "side": "both", "reps": 5, "kg": 100.0, "seconds": None, "contacts": None, "rir": 2,
            "e1rm_kg": 123.3,
        }
    ]  # fmt: skip
    assert (summary["sessions_logged"], summary["sets_logged"]) == (1, 1)


def test_log_mistakes_are_422_with_the_field(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        url = f"/api/v1/athletes/{add_athlete(web, owner)}/logs"

        def fields(body: dict[str, Any]) -> list[str]:
            answer = web.post(url, json=body, headers=owner)
            assert answer.status_code == 422, answer.text
            return [e["field"] for e in answer.json()["errors"]]

        assert fields({"date": "2026-12-08", "sets": [{"slug": "no_such_lift"}]}) == [
            "sets[1].slug"
        ]
        assert fields(
            {
                "date": "2026-12-08",
                "sets": [{"slug": "back_squat"}, {"slug": "back_squat", "rir": 11}],
            }
        ) == ["sets[2].rir"]
        assert fields({"date": "2026-12-09"}) == ["date"]  # no session planned that day
        assert fields({"date": "2026-12-08", "status": "moved"}) == ["moved_to"]
        assert fields({"date": "not a date"}) == ["date"]


def test_profile_mistakes_are_422_with_the_readers_own_paths_and_words(
    database_url: str, tmp_path: Any
) -> None:
    data = tomllib.loads((EXAMPLES / "alex-marathon.toml").read_text("utf-8"))
    data["running"]["week"][1]["day"] = "tues"
    data["athlete"]["body_mass_kg"] = -3
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        answer = web.post(
            "/api/v1/athletes",
            content=json.dumps(data, default=str).encode(),
            headers={**owner, "content-type": "application/json"},
        )
        assert web.get("/api/v1/athletes", headers=owner).json() == {"items": []}
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert [e["field"] for e in errors] == ["athlete.body_mass_kg", "running.week[2].day"]
    assert "did you mean 'tue'?" in errors[1]["message"]
    written = tmp_path / "alex.json"
    written.write_text(json.dumps(data, default=str))
    ran = run_in_process("--today", TODAY, "plan", str(written))
    assert ran.returncode == 2
    assert ran.stderr.splitlines() == [
        f"error: {written}: {e['field']}: {e['message']}" for e in errors
    ]


def test_a_body_larger_than_a_profile_may_be_is_refused(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        answer = web.post(
            "/api/v1/athletes",
            content=b" " * (PROFILE_MAX_BYTES + 1),
            headers={**owner, "content-type": "application/json"},
        )
        assert answer.status_code == 413
        assert web.get("/api/v1/athletes", headers=owner).json() == {"items": []}


def test_the_exports_are_the_plan_in_each_format(database_url: str, tmp_path: Any) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        url = f"/api/v1/athletes/{add_athlete(web, owner)}"
        plan = web.get(f"{url}/plan", headers=owner).json()
        got = {
            f: web.get(f"{url}/exports/{f}", headers=owner) for f in ("json", "csv", "ics", "fit")
        }
        missing = web.get(f"{url}/exports/docx", headers=owner)
    sessions = [s for w in plan["weeks"] for s in w["sessions"]]
    assert got["json"].json() == plan
    assert got["csv"].text.splitlines()[0].startswith("date,time,week,phase,")
    saved = tmp_path / "plan.json"
    saved.write_bytes(got["json"].content)
    from_cli = cli(database_url, "export", "ics", str(saved), "-o", "-").encode()
    assert events_of(got["ics"].content) == events_of(from_cli)
    titles = [title for _, title in events_of(got["ics"].content)]
    assert all(s["title"] in titles for s in sessions)
    with zipfile.ZipFile(io.BytesIO(got["fit"].content)) as archive:
        names = archive.namelist()
        assert names
        assert all(n.endswith(".fit") and archive.read(n)[8:12] == b".FIT" for n in names)
    assert got["fit"].headers["content-type"] == "application/zip"
    assert "attachment" in got["fit"].headers["content-disposition"]
    assert missing.status_code == 404


def events_of(calendar: bytes) -> list[tuple[str, str]]:
    return [(str(e["UID"]), str(e["SUMMARY"])) for e in Calendar.from_ical(calendar).walk("VEVENT")]


def test_every_answer_carries_the_security_headers(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        answers = [
            web.get("/api/v1/athletes", headers=owner),
            web.get("/api/v1/athletes"),
            web.get("/api/v1/athletes/nobody", headers=owner),
            web.post("/api/v1/users", json={}),
            web.get("/api/openapi.json"),
        ]
    assert [a.status_code for a in answers] == [200, 401, 404, 422, 200]
    for answer in answers:
        csp = answer.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_the_openapi_document_lists_every_route(database_url: str) -> None:
    with client(database_url) as web:
        document = web.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/users", "/api/v1/tokens", "/api/v1/tokens/current", "/api/v1/athletes",
        "/api/v1/athletes/{athlete_id}", "/api/v1/athletes/{athlete_id}/plan",
        "/api/v1/athletes/{athlete_id}/today", "/api/v1/athletes/{athlete_id}/logs",
        "/api/v1/athletes/{athlete_id}/history", "/api/v1/athletes/{athlete_id}/exports/{fmt}",
        "/api/v1/users/me", "/api/v1/users/me/password", "/api/v1/users/me/export",
        "/api/v1/users/me/deletion", "/api/v1/users/{user_id}", "/api/v1/users/{user_id}/role",
        "/api/v1/users/{user_id}/password-resets", "/api/v1/password-resets",
        "/api/v1/invitations", "/api/v1/coach/athletes", "/api/v1/athletes/{athlete_id}/coaches",
        "/api/v1/athletes/{athlete_id}/coaches/{coach_id}", "/api/v1/athletes/{athlete_id}/pins",
        "/api/v1/athletes/{athlete_id}/pins/{pin_id}",
        "/api/v1/athletes/{athlete_id}/exports/pdf", "/api/v1/athletes/{athlete_id}/calendar-feed",
        "/feeds/{name}",
    }  # fmt: skip
