"""The pages in a real browser on a phone-sized screen (375 x 812): Debian's chromium driven by
Playwright against the app served by uvicorn on a free port, on a SQLite file of the test's.
Sign up, log in, add the example athlete, see the day's session, tick sets (the rest timer
starts and counts down), log the session. Screenshots of each phone view are saved to
out/screenshots/ (the path is printed) to be looked at.

Runs once, on the pure-Python build (marker `browser`: conftest.py leaves it out of the
compiled run). Without chromium it fails: `apt-get install chromium` (.ci/run does)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from builders import EXAMPLES
from phone_browser import CHROMIUM_ARGS, EXPECT_TIMEOUT_MS, PHONE, SCREENSHOTS
from web_client import PASSWORD, Clock

TODAY_BY_ID = r"/athletes/a_[A-Za-z0-9_-]+/today"  # an athlete's pages: by the API's opaque id

pytestmark = pytest.mark.browser

ON_SESSION_DAY = datetime(2026, 12, 8, 17, 0, tzinfo=UTC)  # Alex's first session


def test_a_runner_signs_up_adds_a_profile_and_logs_a_session_on_a_phone(
    served: tuple[str, Clock],
    chromium: str,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, clock = served
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {SCREENSHOTS}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=PHONE, device_scale_factor=2, has_touch=True)
            context.set_default_timeout(EXPECT_TIMEOUT_MS)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            page.goto(f"{base}/signup")
            page.get_by_label("Email").fill("alex@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.screenshot(path=SCREENSHOTS / "01-sign-up.png")
            page.get_by_role("button", name="Sign up").click()

            expect(page).to_have_url(re.compile(r"/login\?signed_up=1$"))
            page.get_by_label("Email").fill("alex@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Log in").click()

            expect(page).to_have_url(f"{base}/athletes")
            page.get_by_role("link", name="Add an athlete").click()
            page.get_by_label("Profile file (TOML)").set_input_files(
                EXAMPLES / "alex-marathon.toml"
            )
            page.screenshot(path=SCREENSHOTS / "02-add-athlete.png", full_page=True)
            clock.now = ON_SESSION_DAY  # the plan is made on 2 December; the session is today
            page.get_by_role("button", name="Add and plan").click()

            expect(page).to_have_url(re.compile(re.escape(base) + TODAY_BY_ID))
            expect(page.get_by_role("heading", level=1)).to_contain_text("Strength A")
            page.screenshot(path=SCREENSHOTS / "03-today.png")
            page.screenshot(path=SCREENSHOTS / "04-today-full.png", full_page=True)

            why = page.locator("details.why").nth(1)
            why.locator("summary").click()
            expect(why.locator("p.cite")).to_be_visible()
            why.screenshot(path=SCREENSHOTS / "05-why.png")

            timer = page.locator("#rest-timer")
            expect(timer).to_be_hidden()
            first = page.get_by_label("Bulgarian split squat Set 1 L done")
            first.scroll_into_view_if_needed()
            first.check()
            expect(timer).to_be_visible()
            expect(timer.locator(".clock")).to_have_text(re.compile(r"^2:(29|30)$"))
            clock_text = timer.locator(".clock").inner_text()
            page.wait_for_timeout(1_500)
            assert timer.locator(".clock").inner_text() != clock_text  # it counts down
            page.screenshot(path=SCREENSHOTS / "06-rest-timer.png")

            page.get_by_label("Bulgarian split squat Set 1 R reps", exact=True).fill("7")
            page.get_by_label("Bulgarian split squat Set 1 R done").check()
            page.get_by_label("Session RPE").fill("7")
            page.get_by_role("button", name="Stop").click()
            expect(timer).to_be_hidden()
            page.get_by_role("button", name="Done: log the ticked sets").click()

            expect(page.locator(".session-head")).to_contain_text("Saved. Logged: done, 2 sets.")
            expect(page.get_by_label("Bulgarian split squat Set 1 L done")).to_be_checked()
            expect(page.get_by_label("Bulgarian split squat Set 2 L done")).not_to_be_checked()
            reps = page.get_by_label("Bulgarian split squat Set 1 R reps", exact=True)
            expect(reps).to_have_value("7")
            page.get_by_label("Bulgarian split squat Set 1 R done").scroll_into_view_if_needed()
            page.screenshot(path=SCREENSHOTS / "07-logged.png")
            assert errors == []  # no script error, nothing the CSP refused
        finally:
            browser.close()


def test_a_session_is_logged_without_javascript(served: tuple[str, Clock], chromium: str) -> None:
    """The pages work without JavaScript: forms post and come back; only the timer is gone."""
    from playwright.sync_api import expect, sync_playwright

    base, clock = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=PHONE, java_script_enabled=False)
            context.set_default_timeout(EXPECT_TIMEOUT_MS)
            page = context.new_page()
            page.goto(f"{base}/signup")
            page.get_by_label("Email").fill("nojs@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign up").click()
            page.get_by_label("Email").fill("nojs@example.org")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Log in").click()
            page.goto(f"{base}/athletes/new")
            page.get_by_label("or paste it here").fill(
                (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
            )
            clock.now = ON_SESSION_DAY
            page.get_by_role("button", name="Add and plan").click()
            expect(page).to_have_url(re.compile(re.escape(base) + TODAY_BY_ID))
            page.get_by_label("Bulgarian split squat Set 1 L done").check()
            expect(page.locator("#rest-timer")).to_be_hidden()  # no script: no timer
            page.get_by_role("button", name="Done: log the ticked sets").click()
            expect(page.locator(".session-head")).to_contain_text("Saved. Logged: done, 1 set.")
            page.get_by_text("Skip or move this session").click()  # <details>: no script needed
            page.get_by_label("Move it to").fill("2026-12-09")
            page.get_by_role("checkbox", name="Replace the log of Tue 8 Dec").last.check()
            page.get_by_role("button", name="Move this session").click()
            expect(page.get_by_role("status").first).to_have_text("Session moved.")
            expect(page.locator(".when")).to_contain_text("Wednesday 9 December 2026")
            page.screenshot(path=SCREENSHOTS / "08-moved-without-javascript.png")
        finally:
            browser.close()
