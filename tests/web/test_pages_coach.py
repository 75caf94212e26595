"""An athlete's pages seen by the athlete's coach: by the same opaque id as the API, through
access_service. An accepted coach reads every page and edits the profile, but never logs (the
athlete's own); a pending or left coach, or none, gets the 404 page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from builders import EXAMPLES
from page_client import log_in, post_form
from web_client import PASSWORD, client, coached

MINUTES = ("session_minutes = 45", "session_minutes = 35")  # the coach's edit of Alex's profile
READ_PAGES = ("plan", "weeks/1", "history", "downloads", "profile", "today")


def sqlite(tmp_path: Path, name: str = "coach") -> str:
    return f"sqlite:///{tmp_path / f'{name}.sqlite3'}"


def coach_signed_in(web: TestClient[Any]) -> None:
    assert log_in(web, "coach@example.org", PASSWORD).status_code == 303


def test_an_accepted_coach_reads_the_athletes_pages_and_edits_the_profile(
    database_url: str,
) -> None:
    with client(database_url) as web:
        owner, _, athlete, _ = coached(web, database_url)
        plan = web.get(f"/api/v1/athletes/{athlete}/plan", headers=owner).json()
        first = plan["weeks"][0]["sessions"][0]
        coach_signed_in(web)
        pages = {path: web.get(f"/athletes/{athlete}/{path}") for path in READ_PAGES}
        session = web.get(f"/athletes/{athlete}/sessions/{first['id'].split('/', 1)[1]}")
        listed = web.get("/athletes")
        profile = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
        sent = {"profile": profile.replace(*MINUTES), "format": "toml"}
        saved = post_form(web, f"/athletes/{athlete}/profile", sent)
        shown = web.get(f"/athletes/{athlete}/profile")
        after = web.get(f"/api/v1/athletes/{athlete}", headers=owner).json()
    assert {path: page.status_code for path, page in pages.items()} == dict.fromkeys(
        READ_PAGES, 200
    )
    assert session.status_code == 200
    assert first["title"] in session.text
    assert f'href="/athletes/{athlete}/plan"' in listed.text  # by the id the API gives
    assert "coached by you" in listed.text
    assert saved.status_code == 303, saved.text
    assert after["profile_version"] == 2
    assert MINUTES[1] in shown.text  # the coach's version is the newest


def test_a_coach_sees_today_read_only_and_its_log_is_forbidden(tmp_path: Path) -> None:
    url = sqlite(tmp_path)
    with client(url) as web:
        owner, _, athlete, _ = coached(web, url)
        coach_signed_in(web)
        today = web.get(f"/athletes/{athlete}/today")
        day = re.search(r'name="date" value="([\d-]+)"', today.text)
        assert day is not None
        sent = {"date": day.group(1), "asked": day.group(1), "rpe": "7"}
        logged = post_form(web, f"/athletes/{athlete}/today/log", sent)
        skipped = post_form(web, f"/athletes/{athlete}/today/skip", sent)
        history = web.get(f"/api/v1/athletes/{athlete}/history", headers=owner).json()
    assert today.status_code == 200
    assert "they log it themselves" in today.text
    assert '<fieldset class="bare" disabled>' in today.text
    assert f"/athletes/{athlete}/today/skip" not in today.text  # no skip or move form
    assert (logged.status_code, skipped.status_code) == (403, 403)
    assert "Your role may not log here." in logged.text
    assert history["sets"] == []


@pytest.mark.parametrize("status", ["pending", "left"])
def test_a_pending_or_left_coach_gets_404_on_every_page(tmp_path: Path, status: str) -> None:
    url = sqlite(tmp_path, status)
    with client(url) as web:
        owner, _, athlete, coach_id = coached(web, url, accept=status == "left")
        if status == "left":
            left = web.put(
                f"/api/v1/athletes/{athlete}/coaches/{coach_id}",
                json={"status": "left"},
                headers=owner,
            )
            assert left.json()["status"] == "left"
        coach_signed_in(web)
        pages = [web.get(f"/athletes/{athlete}/{path}") for path in READ_PAGES]
        saved = post_form(web, f"/athletes/{athlete}/profile", {"profile": "x", "format": "toml"})
        listed = web.get("/athletes")
        version = web.get(f"/api/v1/athletes/{athlete}", headers=owner).json()["profile_version"]
    assert [p.status_code for p in pages] == [404] * len(READ_PAGES)
    assert all("No such athlete." in p.text for p in pages)
    assert saved.status_code == 404
    assert athlete not in listed.text
    assert version == 1
