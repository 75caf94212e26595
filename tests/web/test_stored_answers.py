"""Answers read without the ORM and sent from stored bytes, on SQLite and PostgreSQL: the
history's filters, the stored plan's ETag and gzip, and the same answers as the command line."""

from __future__ import annotations

import json
from typing import Any

from web_client import account, add_athlete, client

SQUAT = {"slug": "back_squat", "reps": 5, "kg": 100.0, "rir": 2}
SPLIT = {"slug": "bulgarian_split_squat", "reps": 8, "kg": 20.0, "rir": 2, "side": "left"}


def test_the_history_keeps_to_its_exercise_and_dates(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        url = f"/api/v1/athletes/{add_athlete(web, owner)}"
        for day, sets in (("2026-12-08", [SQUAT, SPLIT]), ("2026-12-10", [SQUAT])):
            made = web.post(f"{url}/logs", json={"date": day, "sets": sets}, headers=owner)
            assert made.status_code == 201, made.text

        def history(query: str) -> list[tuple[str, str]]:
            found = web.get(f"{url}/history{query}", headers=owner)
            assert found.status_code == 200, found.text
            return [(s["date"], s["slug"]) for s in found.json()["sets"]]

        assert history("") == [
            ("2026-12-08", "back_squat"), ("2026-12-08", "bulgarian_split_squat"),
            ("2026-12-10", "back_squat"),
        ]  # fmt: skip
        assert history("?exercise=back_squat") == [
            ("2026-12-08", "back_squat"), ("2026-12-10", "back_squat"),
        ]  # fmt: skip
        assert history("?from=2026-12-09") == [("2026-12-10", "back_squat")]
        assert history("?to=2026-12-08&exercise=bulgarian_split_squat") == [
            ("2026-12-08", "bulgarian_split_squat")
        ]
        assert history("?exercise=side_plank") == []
        stranger = account(web, "stranger@example.org")
        assert web.get(f"{url}/history", headers=stranger).status_code == 404


def test_the_stored_plan_is_sent_gzipped_with_an_etag_and_304_when_unchanged(
    database_url: str,
) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        url = f"/api/v1/athletes/{add_athlete(web, owner)}/plan"
        plain = web.get(url, headers={**owner, "Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers
        expected: Any = json.loads(plain.content)
        zipped = web.get(url, headers={**owner, "Accept-Encoding": "gzip"})
        assert zipped.headers["content-encoding"] == "gzip"
        assert zipped.json() == expected  # decoded by the client
        assert int(zipped.headers["content-length"]) < len(plain.content) / 5
        again = web.get(url, headers={**owner, "If-None-Match": plain.headers["etag"]})
        assert again.status_code == 304
        assert again.content == b""
        stranger = account(web, "stranger@example.org")
        assert web.get(url, headers=stranger).status_code == 404


def test_kept_answers_follow_every_writer_of_the_database(database_url: str) -> None:
    """Today's session and the history, kept by the worker after the first ask, change as soon
    as the athlete's data changes, whoever writes it: here the services themselves (as the
    command line and other workers do), not this worker's routes."""
    from datetime import date

    from sqlalchemy import create_engine, text

    from runstrong import log_service
    from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side
    from runstrong.settings import Settings
    from web_client import NOW

    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        url = f"/api/v1/athletes/{add_athlete(web, owner)}"
        day = "2026-12-08"  # a session of Alex's plan
        today = f"{url}/today?date={day}"
        first = web.get(today, headers=owner)
        assert first.status_code == 200
        assert first.json()["logged"] is None
        assert web.get(today, headers=owner).content == first.content  # kept
        assert web.get(f"{url}/history", headers=owner).json()["sets"] == []
        plain = create_engine(database_url)
        with plain.connect() as connection:
            name, handle = connection.execute(
                text("SELECT u.name, a.handle FROM users u JOIN athletes a ON a.owner_id = u.id")
            ).one()
        plain.dispose()
        elsewhere = Settings(today=NOW.date(), now=NOW, database_url=database_url, owner=name)
        squat = SetLog("back_squat", Side.BOTH, 5, 100.0, None, None, 2)
        log_service.record_log(
            handle, SessionLog(date.fromisoformat(day), "", LogStatus.DONE, (squat,)), elsewhere
        )
        after = web.get(today, headers=owner)
        assert after.json()["logged"] == "done"
        assert after.headers["etag"] != first.headers["etag"]
        sets = web.get(f"{url}/history", headers=owner).json()["sets"]
        assert [(s["date"], s["slug"], s["kg"]) for s in sets] == [(day, "back_squat", 100.0)]
        log_service.delete_log(handle, date.fromisoformat(day), elsewhere)
        assert web.get(today, headers=owner).json()["logged"] is None
        assert web.get(f"{url}/history", headers=owner).json()["sets"] == []
