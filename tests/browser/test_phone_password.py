"""The password fields in a real browser (ASVS 2.1.8, 2.1.12): on the sign-up page the meter
fills as one types, from the server's answer (a common password scored 0 and said to be one,
a long passphrase strong), and the Show button shows what was typed and hides it again; the
log-in page's field has the button too. The script keeps no console error.

Runs once, on the pure-Python build (marker `browser`)."""

from __future__ import annotations

import pytest

from phone_browser import CHROMIUM_ARGS, EXPECT_TIMEOUT_MS, PHONE
from web_client import PASSWORD, Clock

pytestmark = pytest.mark.browser


def test_the_meter_fills_as_one_types_and_show_reveals_the_password(
    served: tuple[str, Clock], chromium: str
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, _ = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=PHONE, has_touch=True)
            context.set_default_timeout(EXPECT_TIMEOUT_MS)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{base}/signup")
            field = page.locator("#password")
            meter = page.locator("#password-strength")
            expect(meter).to_be_hidden()  # until something is typed
            field.press_sequentially("Qwerty123456")
            expect(meter).to_contain_text("a common or leaked password")
            expect(meter.locator("meter")).to_have_attribute("value", "0")
            field.fill("")
            field.press_sequentially(PASSWORD)
            expect(meter).to_contain_text("strong")
            expect(meter.locator("meter")).to_have_attribute("value", "4")
            show = page.get_by_role("button", name="Show")
            show.click()
            expect(field).to_have_attribute("type", "text")
            expect(field).to_have_value(PASSWORD)
            page.get_by_role("button", name="Hide").click()
            expect(field).to_have_attribute("type", "password")
            page.get_by_role("button", name="Sign up").click()
            expect(page.get_by_role("button", name="Show")).to_have_count(1)  # the log-in's
            assert errors == []
        finally:
            browser.close()
