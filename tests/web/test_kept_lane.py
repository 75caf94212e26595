"""The lane of kept answers in front of the app (web/kept_lane.py), as `runstrong serve`'s
workers run it: a GET it keeps is answered without the app, with the app's own status, headers
and body; anything else, and the first GET after a change, is the app's to answer."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from runstrong.web.app import create_app
from runstrong.web.config import WebConfig
from runstrong.web.kept_lane import kept_lane
from web_client import PASSWORD, Clock, profile_json

ANSWER_HEADERS = (
    "etag", "vary", "content-encoding", "content-type", "content-length",
    "content-security-policy", "x-content-type-options", "x-frame-options",
    "referrer-policy", "cross-origin-opener-policy", "permissions-policy", "cache-control",
)  # fmt: skip
SQUAT = {"slug": "back_squat", "reps": 5, "kg": 100.0, "rir": 2}


def test_kept_gets_skip_the_app_and_answer_as_it_does(database_url: str) -> None:
    asyncio.run(_kept_gets(database_url))


async def _kept_gets(database_url: str) -> None:
    config = WebConfig(database_url=database_url, clock=Clock())
    app = create_app(config)
    reached: list[str] = []

    async def counted(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            reached.append(f"{scope['method']} {scope['path']}")
        await app(scope, receive, send)

    lane = kept_lane(counted, config)
    transport = httpx.ASGITransport(app=lane)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as web:
        auth = await _owner(web, "owner@example.org")
        made = await web.post("/api/v1/athletes", content=profile_json(), headers={**auth, **_JSON})
        url = f"/api/v1/athletes/{made.json()['id']}"
        feed = (await web.post(f"{url}/calendar-feed", headers=auth)).json()["path"]
        for _ in range(240):  # the calendar is made by a process of its own
            if (await web.get(feed)).status_code == 200:
                break
            await asyncio.sleep(0.5)
        gzip = {"Accept-Encoding": "gzip"}
        asks = [
            (f"{url}/plan", {**auth, **gzip}), (f"{url}/plan", {**auth, "Accept-Encoding": ""}),
            (f"{url}/today?date=2026-12-08", auth), (f"{url}/today", auth),
            (f"{url}/history", {**auth, **gzip}), (feed, gzip),
        ]  # fmt: skip
        for path, headers in asks:
            by_app = await _get(web, path, headers)
            before = len(reached)
            by_lane = await _get(web, path, headers)
            assert reached[before:] == [], f"{path}: the app answered a kept GET"
            assert by_lane == by_app, path

        # The app answers what the lane does not keep: no token, another athlete's, a query
        # it does not know, a conditional GET; each as the app says.
        stranger = await _owner(web, "stranger@example.org")
        etag = (await web.get(f"{url}/plan", headers=auth)).headers["etag"]
        for path, headers, status in [
            (f"{url}/plan", {}, 401),
            (f"{url}/plan", stranger, 404),
            (f"{url}/history?exercise=back_squat", auth, 200),
            (f"{url}/plan", {**auth, "If-None-Match": etag}, 304),
        ]:
            before = len(reached)
            found = await web.get(path, headers=headers)
            assert found.status_code == status, (path, found.text)
            assert len(reached) == before + 1, f"{path}: the lane answered"

        # A change: the next GET is the app's, with the change in it, then kept again.
        log = {"date": "2026-12-08", "sets": [SQUAT]}
        assert (await web.post(f"{url}/logs", json=log, headers=auth)).status_code == 201
        before = len(reached)
        today = await web.get(f"{url}/today?date=2026-12-08", headers=auth)
        assert today.json()["logged"] == "done"
        assert len(reached) == before + 1
        again = await web.get(f"{url}/today?date=2026-12-08", headers=auth)
        assert again.content == today.content
        assert len(reached) == before + 1


_JSON = {"content-type": "application/json"}


async def _owner(web: httpx.AsyncClient, email: str) -> dict[str, str]:
    credentials = {"email": email, "password": PASSWORD}
    assert (await web.post("/api/v1/users", json=credentials)).status_code == 201
    token = await web.post("/api/v1/tokens", json=credentials)
    return {"Authorization": f"Bearer {token.json()['token']}"}


async def _get(
    web: httpx.AsyncClient, path: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], Any]:
    found = await web.get(path, headers=headers)
    assert found.status_code == 200, (path, found.text)
    kept = {k: found.headers[k] for k in ANSWER_HEADERS if k in found.headers}
    body = found.content
    return found.status_code, kept, json.loads(body) if body.startswith(b"{") else body
