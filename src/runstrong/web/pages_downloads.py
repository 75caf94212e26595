"""The downloads page: the newest plan in every format (the exports are pages_plan.py's routes),
the printable PDF, and, for the athlete's owner, the calendar subscription.

The PDF is made outside the request workers, as the API's is (feeds.pdf_response): asked for
before it is made, the page answers 202 "being made" with Retry-After and reloads itself (a
meta refresh, no script); then the PDF itself. The calendar subscription's secret URL is made
(or rotated: the one before stops working) and revoked by CSRF'd forms, through feeds.new_feed
and feed_service; the URL is shown once, on the page the form answers with, never in a link."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from litestar import Request, Response, Router, get, post
from litestar.params import PathParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_500_INTERNAL_SERVER_ERROR

from runstrong import athlete_service, feed_service
from runstrong.access_service import Action
from runstrong.settings import Settings
from runstrong.web import plan_view
from runstrong.web.browser import may, page_athlete, page_athlete_ref, signed_in_page
from runstrong.web.feeds import PDF_RETRY_AFTER_S, feed_url, new_feed, pdf_response
from runstrong.web.templating import error_page, page

ATHLETE = "/athletes/{athlete_id:str}"
AthleteId = Annotated[str, PathParameter(max_length=64)]
FEED_NOTICES = {"revoked": "The calendar URL is revoked: it answers nothing from now on.",
                "none": "There was no calendar URL to revoke."}  # fmt: skip


@get(f"{ATHLETE}/downloads", sync_to_thread=True)
def downloads_page(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Template:
    """Links to the plan as FIT (each session, or all in a zip), PDF, CSV, ICS and JSON; the
    calendar subscription's forms for the athlete's owner."""
    notice = FEED_NOTICES.get(request.query_params.get("feed", ""))
    return _downloads(request, athlete_id, notice=notice)


@get(f"{ATHLETE}/exports/pdf", sync_to_thread=True)
def pdf_page(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Response[Any]:
    """The printable plan: the PDF when made, else a page saying it is being made (202)."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    pending = page("plan/pdf_pending.html", {"retry_after_s": PDF_RETRY_AFTER_S}, request,
                   status_code=HTTP_202_ACCEPTED)  # fmt: skip
    pending.headers["Retry-After"] = str(PDF_RETRY_AFTER_S)

    def failed(error: str) -> Response[Any]:
        message = f"{error[:1].upper()}{error[1:]}."
        return error_page(request, HTTP_500_INTERNAL_SERVER_ERROR, message)

    return pdf_response(request, handle, settings, pending, failed)


@post(f"{ATHLETE}/calendar-feed", sync_to_thread=True)
def make_feed(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Template:
    """A new secret calendar URL (the one before stops working), shown on the page once."""
    handle, settings = page_athlete(request, athlete_id, Action.FEED)
    url = feed_url(request, new_feed(handle, settings))
    return _downloads(request, athlete_id, made_url=url)


@post(f"{ATHLETE}/calendar-feed/revoke", sync_to_thread=True)
def revoke_feed(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Redirect:
    handle, settings = page_athlete(request, athlete_id, Action.FEED)
    revoked = feed_service.revoke_feed(handle, settings)
    back = f"/athletes/{athlete_id}/downloads?feed={'revoked' if revoked else 'none'}"
    return Redirect(back, status_code=303)


def _downloads(
    request: Request[Any, Any, Any],
    athlete_id: str,
    *,
    made_url: str | None = None,
    notice: str | None = None,
) -> Template:
    ref, settings = page_athlete_ref(request, athlete_id, Action.READ)
    record = athlete_service.check_athlete(ref.handle, settings)
    plan = orjson.loads(athlete_service.latest_plan(ref.handle, settings).plan_json)
    today = settings.today.isoformat()
    upcoming = [s for w in plan["weeks"] for s in w["sessions"] if s["date"] >= today]
    may_feed = may(ref, Action.FEED)
    context = {
        "athlete": record,
        "sessions": upcoming,
        "session_path": plan_view.session_path,
        "may_feed": may_feed,
        "feed_since": _feed_since(ref.handle, settings) if may_feed else None,
        "feed_url": made_url,
        "feed_notice": notice,
    }
    return page("plan/downloads.html", context, request)


def _feed_since(handle: str, settings: Settings) -> str | None:
    since = feed_service.feed_since(handle, settings)
    return None if since is None else f"{since:%-d %b %Y}"


router = Router(
    path="/",
    route_handlers=[downloads_page, pdf_page, make_feed, revoke_feed],
    guards=[signed_in_page],
)
