"""The calendar subscription and the PDF: files made outside the request workers
(runstrong.made_files), answered from stored bytes.

- `POST /api/v1/athletes/{id}/calendar-feed`: a new secret feed URL (201; the old one, if any,
  answers 404 from then on: this is how a URL is rotated). `GET` says whether one is live and
  since when (the URL itself is shown only when made), `DELETE` revokes it (204; 404: none).
- `GET /feeds/{token}.ics`, without a bearer token (the URL is the secret): the plan as lived,
  updated in place by each re-plan and log (same UIDs, higher SEQUENCE, cancelled events). A
  change is made in the background; until it is ready the feed made before is sent (calendar
  apps poll every few hours); only a feed asked for the very first time waits, up to
  FEED_FIRST_WAIT_S, then 503 with Retry-After.
- `GET /api/v1/athletes/{id}/exports/pdf`: 200 with the PDF of the newest plan version when it is
  made, else 202 with Retry-After (its making started by the first ask, once per plan version,
  whatever the number of workers); 500 with the error line if it could not be made.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from litestar import Request, Response, Router, delete, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import PathParameter
from litestar.status_codes import (
    HTTP_201_CREATED,
    HTTP_202_ACCEPTED,
    HTTP_204_NO_CONTENT,
    HTTP_503_SERVICE_UNAVAILABLE,
)
from msgspec import Struct

from runstrong import feed_service, made_files
from runstrong.access_service import Action, athlete_for
from runstrong.account_service import Account
from runstrong.settings import Settings
from runstrong.web.auth import account_of, config_of, request_settings
from runstrong.web.errors import errors
from runstrong.web.kept_answers import answers, feed_answer_key
from runstrong.web.stored_bytes import StoredBytes, send

CALENDAR = "text/calendar"  # Litestar adds "; charset=utf-8" to a text/ type
PDF = "application/pdf"
FEED_PATH = "/feeds"
FEED_SUFFIX = ".ics"
FEED_FIRST_WAIT_S = 15.0  # a feed asked for the first time waits this long for its making
FEED_POLL_S = 0.2
PDF_RETRY_AFTER_S = 3  # what a 202 tells the client to wait before asking again
FEED_RETRY_AFTER_S = 30
RequestSettings = NamedDependency[Settings]  # the request's moment (auth.request_settings)
SignedIn = NamedDependency[Account]
AthleteId = Annotated[str, PathParameter(max_length=64, description="The athlete's id (opaque).")]
FeedName = Annotated[str, PathParameter(max_length=120, description="{token}.ics")]
made = StoredBytes()  # made files by row id: a row's content never changes once ready


class FeedMade(Struct):
    url: str  # the address to subscribe to: the secret, shown only now
    path: str
    created_at: dt.datetime


class FeedLive(Struct):
    live: bool
    created_at: dt.datetime | None


class Pending(Struct):
    status: str
    retry_after_s: int


@post("/athletes/{athlete_id:str}/calendar-feed", status_code=HTTP_201_CREATED, sync_to_thread=True)
def make_feed(
    request: Request[Any, Any, Any],
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
) -> FeedMade:
    """A new secret calendar URL for the athlete (its owner's to give); the one it had before
    stops working."""
    handle, settings = _athlete(account, athlete_id, Action.FEED, settings)
    path = new_feed(handle, settings)
    return FeedMade(feed_url(request, path), path, settings.timestamp)


def new_feed(handle: str, settings: Settings) -> str:
    """A new secret calendar path for the athlete `handle` (the one before stops working), its
    calendar's making started; for the API and the downloads page alike."""
    token, athlete = feed_service.make_feed(handle, settings)
    state = feed_service.feed_of_token(token, settings)
    if state is not None:  # start making the calendar now: the first fetch finds it made
        made_files.ready_or_started(settings, athlete, made_files.ICS, state.key)
    return f"{FEED_PATH}/{token}{FEED_SUFFIX}"


def feed_url(request: Request[Any, Any, Any], path: str) -> str:
    return str(request.base_url).rstrip("/") + path


@get("/athletes/{athlete_id:str}/calendar-feed", sync_to_thread=True)
def feed_live(account: SignedIn, settings: RequestSettings, athlete_id: AthleteId) -> FeedLive:
    handle, settings = _athlete(account, athlete_id, Action.FEED, settings)
    since = feed_service.feed_since(handle, settings)
    return FeedLive(since is not None, since)


@delete(
    "/athletes/{athlete_id:str}/calendar-feed", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True
)
def revoke_feed(account: SignedIn, settings: RequestSettings, athlete_id: AthleteId) -> None:
    """Revoke the athlete's calendar URL: it answers 404 from now on."""
    handle, settings = _athlete(account, athlete_id, Action.FEED, settings)
    if not feed_service.revoke_feed(handle, settings):
        raise NotFoundException("this athlete has no calendar feed")


@get("/athletes/{athlete_id:str}/exports/pdf", sync_to_thread=True)
def pdf(
    request: Request[Any, Any, Any],
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
) -> Response[Any]:
    """The printable plan of the newest plan version: 200 when made, else 202 (Retry-After)."""
    handle, settings = _athlete(account, athlete_id, Action.READ, settings)
    pending = Response(
        Pending("pending", PDF_RETRY_AFTER_S),
        status_code=HTTP_202_ACCEPTED,
        headers={"Retry-After": str(PDF_RETRY_AFTER_S)},
    )
    return pdf_response(request, handle, settings, pending, lambda error: errors(500, ("", error)))


def pdf_response(
    request: Request[Any, Any, Any],
    handle: str,
    settings: Settings,
    pending: Response[Any],
    failed: Callable[[str], Response[Any]],
) -> Response[Any]:
    """The PDF of the athlete's newest plan version when made; else `pending` (its making
    started by the first ask), or what `failed` makes of the error line if it could not be
    made. For the API (JSON answers) and the downloads page (HTML answers) alike."""
    athlete, plan = made_files.newest_plan(handle, settings)
    found = made_files.ready_or_started(settings, athlete, made_files.PDF, str(plan))
    if found is None or found.status == "pending":
        return pending
    if found.status == "failed":
        return failed(f"the PDF could not be made: {found.error}")
    name = f"{handle}-{plan}.pdf"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    return send(request, _made(settings, found.id), PDF, disposition)


@get(f"{FEED_PATH}/{{name:str}}", include_in_schema=True)
async def calendar_feed(request: Request[Any, Any, Any], name: FeedName) -> Response[Any]:
    """An athlete's calendar by its secret URL (no bearer token): 404 for an unknown or
    revoked one."""
    token = name.removesuffix(FEED_SUFFIX)
    settings = config_of(request).settings()
    current = None
    if name.endswith(FEED_SUFFIX):
        current = await feed_service.feed_revision(token, settings)
    if current is None:
        raise NotFoundException("no such calendar")
    kept = feed_answer_key(settings, *current)
    found_kept = answers.get(kept)
    if found_kept is not None:
        return send(request, found_kept, CALENDAR)
    state = feed_service.feed_of_token(token, settings)
    if state is None:
        raise NotFoundException("no such calendar")
    if state.made_id is not None and state.made_key == state.key:  # made, nothing changed since
        return send(request, answers.keep(kept, _made(settings, state.made_id)), CALENDAR)
    found = made_files.ready_or_started(settings, state.athlete_id, made_files.ICS, state.key)
    if found is None or found.status != "ready":  # being made: the calendar made before, if any
        found = made_files.newest_ready(settings, state.athlete_id, made_files.ICS)
    waited = 0.0
    while found is None and waited < FEED_FIRST_WAIT_S:  # asked for the very first time
        await asyncio.sleep(FEED_POLL_S)
        waited += FEED_POLL_S
        found = made_files.newest_ready(settings, state.athlete_id, made_files.ICS)
    if found is None:
        return errors(
            HTTP_503_SERVICE_UNAVAILABLE,
            ("", "the calendar is being made"),
            headers={"Retry-After": str(FEED_RETRY_AFTER_S)},
        )
    return send(request, _made(settings, found.id), CALENDAR)


def _athlete(
    account: Account, athlete_id: str, action: Action, settings: Settings
) -> tuple[str, Settings]:
    """The handle and the services' Settings of an athlete the account may take `action` on
    (access_service: 404 for one it may not see, 403 for an action its role may not take)."""
    ref = athlete_for(account, athlete_id, action, settings)
    return ref.handle, ref.settings(settings)


def _made(settings: Settings, made_id: int) -> Any:
    key = (settings.database_url, made_id)  # row ids are per database
    return made.get(key) or made.put(key, made_files.content(settings, made_id))


api_router = Router(
    path="/",
    route_handlers=[make_feed, feed_live, revoke_feed, pdf],
    dependencies={
        "account": Provide(account_of, sync_to_thread=False),
        "settings": Provide(request_settings, sync_to_thread=False),
    },
)
