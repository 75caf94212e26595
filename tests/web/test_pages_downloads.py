"""The downloads page's PDF (a page while it is being made, then the API's file) and its calendar
subscription (made, rotated and revoked by the athlete's owner through CSRF'd forms)."""

from __future__ import annotations

import re
from pathlib import Path

from page_client import log_in, post_form
from web_client import PASSWORD, account, add_athlete, client, coached, eventually


def sqlite(tmp_path: Path, name: str) -> str:
    return f"sqlite:///{tmp_path / f'{name}.sqlite3'}"


def test_the_pdf_is_a_page_while_it_is_made_then_the_apis_file(tmp_path: Path) -> None:
    with client(sqlite(tmp_path, "pdf")) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        assert log_in(web, "owner@example.org", PASSWORD).status_code == 303
        downloads = web.get(f"/athletes/{athlete}/downloads")
        asked = web.get(f"/athletes/{athlete}/exports/pdf")
        made = eventually(web, f"/athletes/{athlete}/exports/pdf")
        api = eventually(web, f"/api/v1/athletes/{athlete}/exports/pdf", headers=owner)
    assert f'href="/athletes/{athlete}/exports/pdf"' in downloads.text
    assert asked.status_code == 202
    assert int(asked.headers["retry-after"]) > 0
    assert "The PDF is being made" in asked.text
    assert '<meta http-equiv="refresh" content="' in asked.text  # reloads itself, no script
    assert made.headers["content-type"] == "application/pdf"
    assert made.content.startswith(b"%PDF")
    assert made.content == api.content  # one file, made once


def feed_url(page: str) -> str:
    found = re.search(r'id="feed-url" type="text" readonly value="([^"]+)"', page)
    assert found is not None, "no calendar address on the page"
    return found.group(1).removeprefix("http://testserver.local")


def test_the_owner_makes_rotates_and_revokes_the_calendar_address(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, "owner@example.org")
        athlete = add_athlete(web, owner)
        assert log_in(web, "owner@example.org", PASSWORD).status_code == 303
        make = f"/athletes/{athlete}/calendar-feed"
        before = web.get(f"/athletes/{athlete}/downloads").text
        no_csrf = web.post(make, data={})
        first = post_form(web, make, {})
        first_url = feed_url(first.text)
        served = eventually(web, first_url)
        listed = web.get(f"/athletes/{athlete}/downloads").text
        second = post_form(web, make, {})
        second_url = feed_url(second.text)
        old = web.get(first_url)
        revoked = post_form(web, f"{make}/revoke", {})
        after = web.get(revoked.headers["location"])
        gone = web.get(second_url)
        api = web.get(f"/api/v1/athletes/{athlete}/calendar-feed", headers=owner).json()
    assert "No calendar address yet." in before
    assert no_csrf.status_code == 403
    assert first.status_code == 200
    assert re.fullmatch(r"/feeds/[^/]+\.ics", first_url)
    assert served.headers["content-type"].startswith("text/calendar")
    assert "A calendar address is live since" in listed
    assert first_url not in listed  # the secret is shown once, when made
    assert second_url != first_url
    assert old.status_code == 404  # rotated: the old address ends
    assert revoked.status_code == 303
    assert "The calendar URL is revoked" in after.text
    assert gone.status_code == 404
    assert api == {"live": False, "created_at": None}


def test_a_coach_gets_no_calendar_block_and_cannot_make_one(tmp_path: Path) -> None:
    url = sqlite(tmp_path, "coachfeed")
    with client(url) as web:
        owner, _, athlete, _ = coached(web, url)
        assert log_in(web, "coach@example.org", PASSWORD).status_code == 303
        downloads = web.get(f"/athletes/{athlete}/downloads")
        made = post_form(web, f"/athletes/{athlete}/calendar-feed", {})
        live = web.get(f"/api/v1/athletes/{athlete}/calendar-feed", headers=owner).json()
    assert downloads.status_code == 200
    assert "Calendar subscription" not in downloads.text
    assert made.status_code == 403
    assert live["live"] is False
