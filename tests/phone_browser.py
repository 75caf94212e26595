"""Builders of the browser tests (tests/browser): the phone's screen, where screenshots go,
chromium's flags, an account with Alex made through the API over HTTP, and logging in."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from builders import ROOT
from web_client import PASSWORD, profile_json

if TYPE_CHECKING:
    from playwright.sync_api import Page

PHONE = {"width": 375, "height": 812}
SCREENSHOTS = ROOT / "out" / "screenshots"
EXPECT_TIMEOUT_MS = 15_000  # a shared machine: pages may come slowly
# As root (CI) chromium runs only without its sandbox; a container's small /dev/shm crashes it.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage"]
EMAIL = "alex@example.org"


def alex_added(base: str, email: str = EMAIL) -> tuple[dict[str, str], str]:
    """An account with Alex, made through the API; its bearer header and Alex's id."""
    with httpx.Client(base_url=base) as api:
        assert api.post("/api/v1/users", json={"email": email, "password": PASSWORD}).is_success
        token = api.post("/api/v1/tokens", json={"email": email, "password": PASSWORD}).json()
        auth = {"Authorization": f"Bearer {token['token']}"}
        added = api.post(
            "/api/v1/athletes?handle=alex",
            content=profile_json(),
            headers={**auth, "content-type": "application/json"},
        )
        assert added.status_code == 201, added.text
    return auth, str(added.json()["id"])


def log_in(page: Page, email: str) -> None:
    """On the log-in page (a signed-out page sends there): the account's email and password."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
