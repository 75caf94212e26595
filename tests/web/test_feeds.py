"""The calendar subscription and the PDF export, made outside the request workers (a process of
their own) and answered from stored bytes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
import tomllib
from typing import Any

import pypdfium2
from icalendar import Calendar
from sqlalchemy import create_engine, text

from builders import EXAMPLES, ok, run_in_process
from web_client import MAKING_TIMEOUT_S, NOW, account, add_athlete, client, eventually

ALEX = str(EXAMPLES / "alex-marathon.toml")


def events(body: bytes) -> dict[str, Any]:
    """The calendar's events by UID (an independent parser: icalendar)."""
    calendar = Calendar.from_ical(body)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_a_feed_url_is_fetched_without_a_token_rotated_and_revoked(database_url: str) -> None:
    cli_ics = ok(
        run_in_process("--today", NOW.date().isoformat(), "export", "ics", ALEX, "-o", "-")
    )
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        stranger = account(web, "stranger@example.org")
        athlete = add_athlete(web, owner)
        feed = f"/api/v1/athletes/{athlete}/calendar-feed"
        assert web.get(feed, headers=owner).json() == {"live": False, "created_at": None}
        assert web.post(feed, headers=stranger).status_code == 404
        made = web.post(feed, headers=owner)
        assert made.status_code == 201, made.text
        first = made.json()["path"]
        assert made.json()["url"].endswith(first)
        assert first.endswith(".ics")
        assert web.get(feed, headers=owner).json()["live"] is True

        served = eventually(web, first)  # no Authorization header
        assert served.headers["content-type"].startswith("text/calendar")
        assert set(events(served.content)) == set(events(cli_ics.encode()))
        again = web.get(first, headers={"If-None-Match": served.headers["etag"]})
        assert again.status_code == 304

        rotated = web.post(feed, headers=owner).json()["path"]
        assert rotated != first
        assert web.get(first).status_code == 404
        assert eventually(web, rotated).content == served.content

        assert web.delete(feed, headers=stranger).status_code == 404
        assert web.delete(feed, headers=owner).status_code == 204
        assert web.get(rotated).status_code == 404
        assert web.delete(feed, headers=owner).status_code == 404
        assert web.get(feed, headers=owner).json()["live"] is False
        assert web.get("/feeds/rsf_not-a-token.ics").status_code == 404


def test_the_feed_follows_a_replan_with_the_sessions_it_dropped_cancelled(
    database_url: str,
) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        path = web.post(f"/api/v1/athletes/{athlete}/calendar-feed", headers=owner).json()["path"]
        before = eventually(web, path)
        old = events(before.content)
        data = tomllib.loads((EXAMPLES / "alex-marathon.toml").read_text("utf-8"))
        data["availability"]["sessions_per_week"] = 1  # half the sessions go
        changed = web.put(
            f"/api/v1/athletes/{athlete}",
            content=json.dumps(data, default=str).encode(),
            headers={**owner, "content-type": "application/json"},
        )
        assert changed.status_code == 200, changed.text

        after = eventually(web, path, changed=before.content)
        new = events(after.content)
        assert set(old) <= set(new)  # every UID kept: a dropped session is cancelled, not gone
        cancelled = [u for u, e in new.items() if str(e.get("STATUS", "")) == "CANCELLED"]
        assert cancelled
        for uid in cancelled:
            assert int(new[uid]["SEQUENCE"]) == int(old[uid].get("SEQUENCE", 0)) + 1
        kept = [u for u in old if u not in cancelled]
        assert kept  # the sessions (and races, deloads) the new plan still has stay as they were


def test_the_pdf_is_made_once_per_plan_version_outside_the_request(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        path = f"/api/v1/athletes/{athlete}/exports/pdf"
        asked = web.get(path, headers=owner)
        assert asked.status_code == 202, asked.text
        assert int(asked.headers["retry-after"]) > 0
        made = eventually(web, path, headers=owner)
        assert made.headers["content-type"] == "application/pdf"
        assert made.content.startswith(b"%PDF")
        document = pypdfium2.PdfDocument(made.content)
        assert len(document) >= 5  # a cover, the weeks, the exercises
        document.close()
        assert web.get(path, headers=owner).content == made.content

        engine = create_engine(database_url)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT status, key FROM made_files WHERE kind = 'pdf'")
            ).all()
        engine.dispose()
        assert len(rows) == 1
        assert rows[0][0] == "ready"
        stranger = account(web, "stranger@example.org")
        assert web.get(path, headers=stranger).status_code == 404


def test_a_pdf_that_cannot_be_made_is_one_error_line_not_a_retry_forever(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        engine = create_engine(database_url)
        with engine.begin() as connection:  # a newer plan version that no reader can read
            connection.execute(
                text(
                    "INSERT INTO plan_versions (athlete_id, profile_version_id, version, start, "
                    '"end", plan_json, created_at) SELECT athlete_id, profile_version_id, '
                    "'broken', start, \"end\", '{\"schema_version\": 2}', created_at "
                    "FROM plan_versions"
                )
            )
        engine.dispose()
        path = f"/api/v1/athletes/{athlete}/exports/pdf"
        deadline = time.monotonic() + MAKING_TIMEOUT_S
        while (answer := web.get(path, headers=owner)).status_code == 202:
            assert time.monotonic() < deadline, "the PDF job did not end"
            time.sleep(0.3)
        assert answer.status_code == 500
        (error,) = answer.json()["errors"]
        assert error["message"].startswith("the PDF could not be made: ")
        assert "\n" not in error["message"]
