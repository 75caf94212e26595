"""The API's most frequent GETs answered before the framework when the answer is kept: the
plan, today's session, the history and the calendar feed (web/kept_answers.py).

An ASGI app in front of Litestar. For a GET it recognises, it asks what the route itself asks
first (the token's account and the athlete, with its revision: one indexed query), and when
the worker keeps the answer for that revision it sends it, with the headers the route sends.
Anything else goes on to Litestar unchanged: another path or query, a conditional request
(If-None-Match), no or a bad token, an athlete not seen, an answer not kept yet, a database
error. Litestar then answers as it always does (and keeps the answer for the next GET). The
lane saves the framework's routing, dependencies and response objects: about half the CPU of
a kept answer (docs/web.md: the bench)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

from runstrong.access_service import Action, athlete_of_token_async
from runstrong.settings import Settings
from runstrong.web.auth import token_of_header
from runstrong.web.config import WebConfig
from runstrong.web.kept_answers import answer_key, answers, feed_answer_key
from runstrong.web.security import ENCODED_SECURITY_HEADERS
from runstrong.web.stored_bytes import Encoded

JSON = b"application/json"
CALENDAR = b"text/calendar; charset=utf-8"
_ATHLETE_GET = re.compile(r"/api/v1/athletes/([^/]{1,64})/(plan|today|history)")
_FEED_GET = re.compile(r"/feeds/([^/]{1,200})\.ics")
_DATE_QUERY = re.compile(rb"date=(\d{4}-\d{2}-\d{2})")


def kept_lane(app: ASGIApp, config: WebConfig) -> ASGIApp:
    """`app` (the Litestar app on `config`) behind the lane: the app of `runstrong serve`'s
    workers."""

    async def lane(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and scope.get("method") == "GET":
            headers = dict(scope["headers"])
            found = await _kept(scope, headers, config)
            if found is not None:
                await _send(send, headers, *found)
                return
        await app(scope, receive, send)

    return lane


async def _kept(
    scope: Any, headers: dict[bytes, bytes], config: WebConfig
) -> tuple[Encoded, bytes] | None:
    """The kept answer to this GET and its media type, or None: Litestar is to answer."""
    if b"if-none-match" in headers:
        return None
    path: str = scope["path"]
    try:
        athlete = _ATHLETE_GET.fullmatch(path)
        if athlete is not None:
            found = await _athlete_answer(
                athlete[1], athlete[2], scope["query_string"], headers, config
            )
            return None if found is None else (found, JSON)
        feed = _FEED_GET.fullmatch(path)
        if feed is not None and not scope["query_string"]:
            found = await _feed_answer(feed[1], config)
            return None if found is None else (found, CALENDAR)
    except Exception:  # not found, forbidden, a database that fails: the route's to say
        return None
    return None


async def _athlete_answer(
    public_id: str, asked: str, query: bytes, headers: dict[bytes, bytes], config: WebConfig
) -> Encoded | None:
    when: date | None = None
    if asked == "today" and query:
        day = _DATE_QUERY.fullmatch(query)
        try:
            when = None if day is None else date.fromisoformat(day[1].decode())
        except ValueError:
            return None
        if when is None:
            return None
    elif query:
        return None
    token = token_of_header(headers.get(b"authorization", b"").decode("latin-1"))
    if token is None:
        return None
    settings = config.settings()
    found = await athlete_of_token_async(token, public_id, Action.READ, settings)
    if found is None:
        return None
    ref = found[1]  # (the key takes the database and day, the same in the owner's Settings)
    if asked == "plan":
        return answers.get(answer_key(settings, ref, "plan"))
    if asked == "history":
        return answers.get(answer_key(settings, ref, "history", None, None, None))
    return answers.get(answer_key(settings, ref, "today", when or settings.today))


async def _feed_answer(token: str, config: WebConfig) -> Encoded | None:
    from runstrong import feed_service

    settings: Settings = config.settings()
    current = await feed_service.feed_revision(token, settings)
    return None if current is None else answers.get(feed_answer_key(settings, *current))


async def _send(send: Send, headers: dict[bytes, bytes], found: Encoded, media: bytes) -> None:
    """`found` as web/stored_bytes.send sends it: gzipped when the client takes it."""
    accepts = headers.get(b"accept-encoding", b"")
    if found.gzipped is not None and b"gzip" in accepts:
        body, encoding = found.gzipped, [(b"content-encoding", b"gzip")]
    else:
        body, encoding = found.raw, []  # kept gzipped: decompressed for this client
    start: Any = {
        "type": "http.response.start",
        "status": 200,
        "headers": [
            (b"etag", found.etag.encode()),
            (b"vary", b"Accept-Encoding"),
            *encoding,
            (b"content-type", media),
            (b"content-length", str(len(body)).encode()),
            *ENCODED_SECURITY_HEADERS,
        ],
    }
    await send(start)
    await send({"type": "http.response.body", "body": body, "more_body": False})
