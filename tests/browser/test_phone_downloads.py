"""The downloads page in a real browser on a phone (375 x 812): Alex added through the API,
then in the browser: the printable plan (PDF), first the page saying it is being made (it
reloads itself by a meta refresh, no script) and then the PDF downloaded; and the calendar
subscription, its secret address made by the owner's form, read off the page and fetched with
no sign-in: an iCalendar with the plan's sessions as events. Screenshots go to
out/screenshots/ (downloads-*.png), to be looked at."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
import pytest
from icalendar import Calendar

from phone_browser import (
    CHROMIUM_ARGS,
    EMAIL,
    EXPECT_TIMEOUT_MS,
    PHONE,
    SCREENSHOTS,
    alex_added,
    log_in,
)
from web_client import Clock

pytestmark = pytest.mark.browser

PDF_TIMEOUT_MS = 180_000  # the PDF is made by a subprocess on a shared machine: minutes at worst


def test_a_runner_downloads_the_pdf_and_subscribes_to_the_calendar_on_a_phone(
    served: tuple[str, Clock], chromium: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, _ = served
    auth, alex = alex_added(base)
    with httpx.Client(base_url=base, headers=auth) as api:
        plan = api.get(f"/api/v1/athletes/{alex}/plan").json()
    sessions = [s for w in plan["weeks"] for s in w["sessions"]]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport=PHONE, device_scale_factor=2, has_touch=True, accept_downloads=True
            )
            context.set_default_timeout(EXPECT_TIMEOUT_MS)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            page.goto(f"{base}/athletes/{alex}/downloads")  # signed out: log in, and back
            log_in(page, EMAIL)
            expect(page).to_have_url(f"{base}/athletes/{alex}/downloads")
            page.screenshot(path=SCREENSHOTS / "downloads-01-page.png", full_page=True)

            with page.expect_download(timeout=PDF_TIMEOUT_MS) as waiting:
                page.get_by_role("link", name="Printable plan (PDF)").click()
                heading = page.get_by_role("heading", level=1)
                expect(heading).to_have_text("The PDF is being made")  # the first ask
                page.screenshot(path=SCREENSHOTS / "downloads-02-pdf-being-made.png")
            download = waiting.value
            assert download.suggested_filename.endswith(".pdf")
            saved = tmp_path / download.suggested_filename
            download.save_as(saved)
            assert saved.read_bytes().startswith(b"%PDF-")

            page.goto(f"{base}/athletes/{alex}/downloads")
            feed = page.locator("#calendar-feed")
            expect(feed).to_contain_text("No calendar address yet.")
            feed.get_by_role("button", name="Make a calendar address").click()
            expect(page.locator("#calendar-feed")).to_contain_text("shown only this once")
            address = page.get_by_label("Calendar address")
            url = address.input_value()
            assert url.startswith(f"{base}/")
            assert alex not in url  # the secret address does not name the athlete's id
            page.locator("#calendar-feed").screenshot(path=SCREENSHOTS / "downloads-03-feed.png")
            assert errors == []  # no script error, nothing the CSP refused
        finally:
            browser.close()

    calendar = httpx.get(url)  # a calendar app: no cookie, no token
    assert calendar.status_code == 200, calendar.text
    assert calendar.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(calendar.content).walk("VEVENT")
    timed = sorted(  # the sessions: timed events (races and deload weeks are all-day)
        (e.decoded("DTSTART").strftime("%Y-%m-%d %H:%M"), str(e["SUMMARY"]))
        for e in events
        if isinstance(e.decoded("DTSTART"), datetime)
    )
    assert timed == sorted((f"{s['date']} {s['time']}", s["title"]) for s in sessions)
