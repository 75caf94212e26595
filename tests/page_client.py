"""Builders of the pages' tests: forms posted as a browser posts them (with the CSRF token the
page's cookie holds), an account signed up and logged in through the pages themselves."""

from __future__ import annotations

import re
from typing import Any

from httpx import Response
from litestar.testing import TestClient

from web_client import PASSWORD

CSRF_COOKIE = "rs_csrf"
SESSION_COOKIE = "rs_session"
HOST_PREFIX = "__Host-"


def csrf_token(web: TestClient[Any]) -> str:
    """The CSRF token of the browser's cookie (a page is fetched first if there is none), named
    with the __Host- prefix behind TLS (secure cookies) or without it."""

    def found() -> str | None:
        return web.cookies.get(CSRF_COOKIE) or web.cookies.get(HOST_PREFIX + CSRF_COOKIE)

    if found() is None:
        assert web.get("/login").status_code in (200, 303)
    token = found()
    assert token, "no CSRF cookie"
    return token


def post_form(web: TestClient[Any], path: str, data: dict[str, str], **kwargs: Any) -> Response:
    """`data` posted as a form of the page, with its CSRF token; redirects not followed."""
    return web.post(
        path, data={**data, "_csrf_token": csrf_token(web)}, follow_redirects=False, **kwargs
    )


def log_in(web: TestClient[Any], email: str, password: str = PASSWORD) -> Response:
    return post_form(web, "/login", {"email": email, "password": password})


def signed_up(web: TestClient[Any], email: str) -> None:
    """A new account made on the sign-up page, and logged in on the log-in page."""
    made = post_form(web, "/signup", {"email": email, "password": PASSWORD})
    assert made.status_code == 303, made.text
    entered = log_in(web, email)
    assert entered.status_code == 303, entered.text
    assert web.cookies.get(SESSION_COOKIE)


def alert(html: str) -> str:
    """The text of the page's alert (an error shown to the user), tags removed."""
    import html as entities

    found = re.search(r'<(p|div)[^>]*role="alert">(.*?)</\1>', html, re.S)
    assert found, "no alert on the page"
    return entities.unescape(re.sub(r"(?:<[^>]+>|\s)+", " ", found.group(2)).strip())


def form_fields(html: str, action: str) -> dict[str, str]:
    """The fields a browser sends from the page's form posting to `action`: its inputs' names
    and values (a checkbox only when checked), as the page filled them in."""
    from html.parser import HTMLParser

    fields: dict[str, str] = {}

    class Reader(HTMLParser):
        inside = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = {k: v or "" for k, v in attrs}
            if tag == "form":
                self.inside = found.get("action") == action
            elif (
                self.inside
                and tag == "input"
                and "name" in found
                and (found.get("type") != "checkbox" or "checked" in found)
            ):
                fields[found["name"]] = found.get("value", "")

        def handle_endtag(self, tag: str) -> None:
            if tag == "form":
                self.inside = False

    Reader().feed(html)
    assert fields, f"no form posting to {action}"
    return fields


def rows_of(fields: dict[str, str], slug: str) -> list[int]:
    """The keys of the set rows of one exercise (r{key}_slug = slug), in page order."""
    return [
        int(name[1:].split("_")[0])
        for name, value in fields.items()
        if name.endswith("_slug") and value == slug
    ]
