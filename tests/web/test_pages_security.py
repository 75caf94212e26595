"""What the pages' templates and static files must never do: render what a user typed as HTML
(Jinja2 autoescape), or list a directory."""

from __future__ import annotations

import json
from pathlib import Path

from page_client import log_in
from web_client import PASSWORD, account, client, profile_json

HOSTILE_NAME = '<script>alert("x")</script>'


def test_what_a_user_typed_is_escaped_on_every_page_it_shows(tmp_path: Path) -> None:
    profile = json.loads(profile_json())
    profile["athlete"]["name"] = HOSTILE_NAME
    with client(f"sqlite:///{tmp_path / 'xss.sqlite3'}") as web:
        owner = account(web, "jo@example.org")
        made = web.post("/api/v1/athletes", json=profile, headers=owner)
        assert made.status_code == 201, made.text
        athlete = made.json()["id"]
        assert log_in(web, "jo@example.org", PASSWORD).status_code == 303
        pages = [web.get("/athletes")] + [
            web.get(f"/athletes/{athlete}/{path}") for path in ("plan", "today", "downloads")
        ]
    for page in pages:
        assert page.status_code == 200
        assert HOSTILE_NAME not in page.text
        assert "&lt;script&gt;alert(" in page.text


def test_the_static_directory_is_not_listed(tmp_path: Path) -> None:
    with client(f"sqlite:///{tmp_path / 'static.sqlite3'}") as web:
        listing = web.get("/static/")
        stylesheet = web.get("/static/app.css")
    assert listing.status_code == 404
    assert stylesheet.status_code == 200
