"""The privacy page (ASVS 8.3.3): open to anyone, linked from every page's footer, and saying
what each table of the database keeps (a new table fails here until the page tells of it)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from page_client import signed_up
from runstrong.account_service import LOGIN_WINDOW_S, TOKEN_LIFETIME_S
from runstrong.storage.models import Base
from web_client import client

# Each table of the database, and the words of the page that tell what it keeps.
TOLD = {
    "users": "when the account was made, and your password as an argon2id hash",
    "api_tokens": "Each sign-in (a browser session or an API token): a hash of its token",
    "login_failures": "Failed log-ins: the email typed, your network address and the time",
    "password_resets": "Password-reset links",
    "coach_invitations": "coaching invitations",
    "athletes": "Your athletes and their training",
    "profile_versions": "Each profile as you wrote it, every version",
    "plan_versions": "Every plan version made from them",
    "made_files": "the files made from a plan (printable PDF, calendar)",
    "session_logs": "The training log",
    "set_logs": "sets, loads, effort",
    "niggle_checkins": "Niggle check-ins: the body site, the pain (0 to 10) and the date",
    "runs": "Imported runs, as summaries",
    "session_pins": "the edits a coach pinned",
    "athlete_access": "which coaches an athlete has, in what state",
    "calendar_feeds": "A calendar subscription address: only a hash of its secret",
}


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"(?:<[^>]+>|\s)+", " ", page))


def test_the_privacy_page_tells_what_each_table_keeps_and_for_how_long(tmp_path: Path) -> None:
    with client(f"sqlite:///{tmp_path / 'p.sqlite3'}") as web:
        page = web.get("/privacy", follow_redirects=False)  # signed out
    assert page.status_code == 200
    assert set(TOLD) == set(Base.metadata.tables)
    said = text_of(page.text)
    assert [table for table, words in TOLD.items() if words not in said] == []
    assert f"count for {LOGIN_WINDOW_S // 60} minutes" in said
    assert f"after {TOKEN_LIFETIME_S // 86_400} days at most" in said
    assert "until you remove the athlete or delete the account" in said


def test_every_page_links_to_the_privacy_page_in_its_footer(tmp_path: Path) -> None:
    footer = re.compile(r'<footer class="foot"><a href="/privacy">')
    with client(f"sqlite:///{tmp_path / 'p.sqlite3'}") as web:
        pages = [web.get("/login"), web.get("/signup")]
        signed_up(web, "jo@example.org")
        pages += [web.get(p) for p in ("/athletes", "/account/password", "/account/two-factor")]
    assert [p.status_code for p in pages] == [200] * 5
    assert all(footer.search(p.text) for p in pages)
