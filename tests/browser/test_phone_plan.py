"""The plan pages in a real browser on a phone (375 x 812), as test_phone.py drives it: Alex
added through the API, then in the browser: log in, the plan's calendar, a session and its
Why, the week's heat map (the SVG drawn), a FIT workout downloaded (the zip's file for that
session), the key fields changed to 30 minutes, and the session telling what that re-plan
changed. Screenshots of each view go to out/screenshots/ (plan-*.png), to be looked at."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import httpx
import pytest

from phone_browser import EMAIL, EXPECT_TIMEOUT_MS, PHONE, SCREENSHOTS, alex_added
from web_client import PASSWORD, Clock

pytestmark = pytest.mark.browser


def test_a_runner_reads_the_plan_downloads_a_workout_and_re_plans_on_a_phone(
    served: tuple[str, Clock], chromium: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, _ = served
    auth, alex = alex_added(base)
    with httpx.Client(base_url=base, headers=auth) as api:
        plan = api.get(f"/api/v1/athletes/{alex}/plan").json()
        fit = api.get(f"/api/v1/athletes/{alex}/exports/fit")
        fit_zip = zipfile.ZipFile(io.BytesIO(fit.content))
    week1 = plan["weeks"][0]
    first = week1["sessions"][0]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            context = browser.new_context(
                viewport=PHONE, device_scale_factor=2, has_touch=True, accept_downloads=True
            )
            context.set_default_timeout(EXPECT_TIMEOUT_MS)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            page.goto(f"{base}/athletes/{alex}/plan")  # signed out: to the log-in page, and back
            page.get_by_label("Email").fill(EMAIL)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Log in").click()
            expect(page).to_have_url(f"{base}/athletes/{alex}/plan")
            week = page.locator("#week-1")
            for s in week1["sessions"]:
                expect(week.get_by_role("link", name=s["title"])).to_be_visible()
            page.screenshot(path=SCREENSHOTS / "plan-01-calendar.png")

            week.get_by_role("link", name=first["title"]).click()
            expect(page.get_by_role("heading", level=1)).to_have_text(first["title"])
            page.screenshot(path=SCREENSHOTS / "plan-02-session.png")
            why = page.locator("article.exercise details.why").first
            why.locator("summary").click()
            expect(why).to_contain_text(first["exercises"][0]["why"])
            why.screenshot(path=SCREENSHOTS / "plan-03-why.png")

            page.get_by_role("link", name="Weeks").click()
            expect(page).to_have_url(f"{base}/athletes/{alex}/weeks/1")
            image = page.locator(".heatmap img")
            expect(image).to_be_visible()
            assert image.evaluate("i => i.complete && i.naturalWidth > 0")  # the SVG drawn
            page.screenshot(path=SCREENSHOTS / "plan-04-week.png")

            page.get_by_role("link", name="Downloads").click()
            label = re.compile(re.escape(f"{first['date']} ") + r".*" + re.escape(first["title"]))
            with page.expect_download() as waiting:
                page.get_by_role("link", name=label).click()
            download = waiting.value
            saved = tmp_path / download.suggested_filename
            download.save_as(saved)
            assert saved.read_bytes() == fit_zip.read(download.suggested_filename)
            page.screenshot(path=SCREENSHOTS / "plan-05-downloads.png")

            page.get_by_role("link", name="Profile").click()
            page.get_by_label("Minutes a session").fill("30")
            page.screenshot(path=SCREENSHOTS / "plan-06-profile.png")
            page.get_by_role("button", name="Save these and re-plan").click()
            expect(page.locator(".notice")).to_contain_text("Saved as profile version 2")

            page.goto(f"{base}/athletes/{alex}/sessions/{first['id'].split('/', 1)[1]}")
            notice = page.get_by_role("link", name="The last re-plan changed this session")
            expect(notice).to_be_visible()
            notice.click()
            expect(page.locator("#replan")).to_contain_text(f"About {first['est_minutes']} → ")
            page.locator("#replan").screenshot(path=SCREENSHOTS / "plan-07-replan.png")
            assert errors == []  # no script error, nothing the CSP refused
        finally:
            browser.close()
