"""A coach invites an athlete and sees their week, in a real browser on a phone (375 x 812):
Alex's account added through the API, the coach's account by account_service (sign-up makes
athletes' accounts only). In the coach's browser: the dashboard with no athlete yet, an
invitation link made; in the athlete's: the link opened, taken for Alex, the coach accepted on
Alex's Coaches page; in the coach's again: the dashboard lists Alex, Alex's plan shows week 1's
sessions, and the coach pins an edit (2 sets, a note) to a session's first exercise.
Screenshots go to out/screenshots/ (coach-*.png), to be looked at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from phone_browser import (
    CHROMIUM_ARGS,
    EMAIL,
    EXPECT_TIMEOUT_MS,
    PHONE,
    SCREENSHOTS,
    alex_added,
    log_in,
)
from runstrong import account_service
from runstrong.account_service import Role
from runstrong.web.config import WebConfig
from web_client import PASSWORD, Clock

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

COACH = "coach@example.org"


def page_width(page: Page) -> int:
    """How wide the page is drawn, in CSS pixels: wider than the screen scrolls sideways."""
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_a_coach_invites_an_athlete_and_sees_their_week_on_a_phone(
    served: tuple[str, Clock], chromium: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, clock = served
    auth, alex = alex_added(base)
    database_url = f"sqlite:///{tmp_path / 'browser.sqlite3'}"  # the served app's (conftest.py)
    config = WebConfig(database_url=database_url, clock=clock, key_file=tmp_path / "web.key")
    account_service.add_user(COACH, PASSWORD, config.settings(), role=Role.COACH)
    with httpx.Client(base_url=base, headers=auth) as api:
        plan = api.get(f"/api/v1/athletes/{alex}/plan").json()
    name = plan["athlete"]["name"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            pages = []
            errors: list[str] = []
            for _ in ("coach", "athlete"):  # two phones: no cookie shared
                context = browser.new_context(viewport=PHONE, device_scale_factor=2, has_touch=True)
                context.set_default_timeout(EXPECT_TIMEOUT_MS)
                page = context.new_page()
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                pages.append(page)
            coach, athlete = pages

            coach.goto(f"{base}/coach")  # signed out: log in, and back
            log_in(coach, COACH)
            expect(coach).to_have_url(f"{base}/coach")
            expect(coach.locator("main")).to_contain_text("No athlete has accepted you")
            coach.get_by_role("button", name="Make an invitation link").click()
            expect(coach.get_by_role("status")).to_contain_text("shown only this once")
            link = coach.get_by_label("Invitation link").input_value()
            assert re.fullmatch(re.escape(f"{base}/invitations/") + r"\S+", link), link
            coach.screenshot(path=SCREENSHOTS / "coach-01-invitation.png", full_page=True)
            assert page_width(coach) <= PHONE["width"]  # nothing wider than the phone

            athlete.goto(link)
            log_in(athlete, EMAIL)
            expect(athlete).to_have_url(link)
            athlete.screenshot(path=SCREENSHOTS / "coach-02-take.png")
            athlete.get_by_role("button", name=re.compile(re.escape(name))).click()
            expect(athlete).to_have_url(f"{base}/athletes/{alex}/coaches?done=taken")
            card = athlete.locator("ul.coaches li", has_text=COACH)
            expect(card).to_contain_text("pending")
            athlete.screenshot(path=SCREENSHOTS / "coach-03-pending.png")
            coach.goto(f"{base}/coach")  # taken, not yet accepted: the coach sees nothing
            expect(coach.locator("main")).to_contain_text("No athlete has accepted you")

            card.get_by_role("button", name="Accept").click()
            expect(athlete.get_by_role("status")).to_have_text(re.compile("^Coach accepted"))
            expect(athlete.locator("ul.coaches li", has_text=COACH)).to_contain_text("accepted")
            athlete.screenshot(path=SCREENSHOTS / "coach-04-accepted.png")

            coach.goto(f"{base}/coach")
            row = coach.locator("table.dashboard tbody tr")
            expect(row).to_have_count(1)
            expect(row.locator("th")).to_have_text(name)
            coach.screenshot(path=SCREENSHOTS / "coach-05-dashboard.png", full_page=True)
            assert page_width(coach) <= PHONE["width"]
            row.get_by_role("link", name=name).click()
            expect(coach).to_have_url(f"{base}/athletes/{alex}/plan")
            week = coach.locator("#week-1")
            for s in plan["weeks"][0]["sessions"]:
                expect(week.get_by_role("link", name=s["title"])).to_be_visible()
            coach.screenshot(path=SCREENSHOTS / "coach-06-alex-plan.png")

            # The coach pins an edit to the first exercise of the first session: 2 sets and a
            # note, kept through re-plans; the session page then shows the pin.
            week.get_by_role("link", name=plan["weeks"][0]["sessions"][0]["title"]).click()
            first = coach.locator("details.pin-edit").first
            first.locator("summary").click()
            first.get_by_label("Sets").fill("2")
            first.get_by_label("Note to the athlete").fill(
                "Two sets this week: a big race on Sunday"
            )
            coach.screenshot(path=SCREENSHOTS / "coach-07-pin-form.png")
            first.get_by_role("button", name="Pin and re-plan").click()
            pinned = coach.locator(".pinned").first
            expect(pinned).to_contain_text("Pinned by the coach")
            expect(pinned).to_contain_text("a big race on Sunday")
            coach.screenshot(path=SCREENSHOTS / "coach-08-pinned.png", full_page=True)
            assert page_width(coach) <= PHONE["width"]
            with httpx.Client(base_url=base, headers=auth) as api:
                pins = api.get(f"/api/v1/athletes/{alex}/pins").json()["items"]
            assert [(p["sets"], p["coach"]) for p in pins] == [(2, COACH)]
            assert errors == []  # no script error, nothing the CSP refused
        finally:
            browser.close()
