"""Coaching in the browser: a coach's dashboard (each athlete who accepted it, this week's
compliance and flags: coach_service.dashboard) with its invitation links; and, for an athlete's
owner, the athlete's coaches: take an invitation (the link's token), then accept or leave.

An invitation's secret is shown once, on the page the coach's form answers with; its link opens
/invitations/{token}, where the athlete's account picks which of its athletes takes it. Every
form is CSRF'd; the roles are access_service's (a coach's dashboard: Role.COACH; an athlete's
coaches: Action.COACHES, the owner's)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Router, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, PathParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from runstrong import coach_service, coaching_service
from runstrong.access_service import Action, require_role, visible_athletes
from runstrong.account_service import Account, Role
from runstrong.coach_service import Flag
from runstrong.coaching_service import Invitation
from runstrong.domain.errors import InputError
from runstrong.web.auth import config_of, library_of
from runstrong.web.browser import LoginRequired, page_account, page_athlete_ref, signed_in_page
from runstrong.web.templating import page

DASHBOARD = "/coach"
AthleteId = Annotated[str, PathParameter(max_length=64)]
CoachId = Annotated[str, PathParameter(max_length=64)]
Token = Annotated[str, PathParameter(max_length=100)]
Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
TOKEN_MAX_CHARS = 100
COACH_NOTICES = {"taken": "Invitation taken: accept the coach below to let them see the plan.",
                 "accepted": "Coach accepted: they see this athlete's plan and log now.",
                 "left": "Coach left: they see nothing of this athlete from now on."}  # fmt: skip


@get(DASHBOARD, sync_to_thread=True)
def dashboard(request: Request[Any, Any, Any]) -> Template:
    """Each athlete who accepted the coach: this week's sessions planned, due, done, skipped,
    the days missed, and the flags."""
    return _dashboard(request, None)


@post(f"{DASHBOARD}/invitations", sync_to_thread=True)
def invite(request: Request[Any, Any, Any]) -> Template:
    """A new invitation link (a week's), shown on the dashboard once."""
    account = _account(request)
    require_role(account, Role.COACH)
    return _dashboard(request, coaching_service.invite(account, config_of(request).settings()))


def _dashboard(request: Request[Any, Any, Any], made: Invitation | None) -> Template:
    account = _account(request)
    require_role(account, Role.COACH)
    settings = config_of(request).settings()
    weeks = coach_service.dashboard(account, library_of(request), settings)
    link = (
        None if made is None else str(request.base_url).rstrip("/") + f"/invitations/{made.token}"
    )
    context = {"weeks": weeks, "invitation": made, "invitation_link": link,
               "flag_text": flag_text}  # fmt: skip
    return page("coach/dashboard.html", context, request)


@get("/invitations/{token:str}", sync_to_thread=True)
def invitation(request: Request[Any, Any, Any], token: Token) -> Template:
    """An invitation link opened: which of the account's own athletes takes it."""
    account = _account(request)
    mine = [v for v in visible_athletes(account, config_of(request).settings()) if not v.as_coach]
    return page("coach/invitation.html", {"token": token, "athletes": mine}, request)


@get("/athletes/{athlete_id:str}/coaches", sync_to_thread=True)
def coaches_page(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Template:
    notice = COACH_NOTICES.get(request.query_params.get("done", ""))
    return _coaches(request, athlete_id, notice=notice)


@post("/athletes/{athlete_id:str}/coaches", sync_to_thread=True)
def take_invitation(
    request: Request[Any, Any, Any], athlete_id: AthleteId, data: Form
) -> Template | Redirect:
    """The invitation's token taken for the athlete: the coach pending until accepted."""
    ref, settings = page_athlete_ref(request, athlete_id, Action.COACHES)
    token = str(data.get("token", "")).strip()[:TOKEN_MAX_CHARS]
    try:
        coaching_service.take_invitation(ref, token, settings)
    except InputError as err:
        return _coaches(request, athlete_id, token=token, error=err.message)
    return Redirect(f"/athletes/{athlete_id}/coaches?done=taken", status_code=303)


@post("/athletes/{athlete_id:str}/coaches/{coach_id:str}", sync_to_thread=True)
def set_coach_status(
    request: Request[Any, Any, Any], athlete_id: AthleteId, coach_id: CoachId, data: Form
) -> Template | Redirect:
    """Accept a pending coach, or leave one."""
    ref, settings = page_athlete_ref(request, athlete_id, Action.COACHES)
    status = str(data.get("status", ""))
    try:
        coaching_service.set_coach_status(ref, coach_id, status, settings)
    except InputError as err:
        return _coaches(request, athlete_id, error=err.message)
    return Redirect(f"/athletes/{athlete_id}/coaches?done={status}", status_code=303)


def _coaches(
    request: Request[Any, Any, Any],
    athlete_id: str,
    *,
    token: str = "",
    error: str | None = None,
    notice: str | None = None,
) -> Template:
    from runstrong import athlete_service

    ref, settings = page_athlete_ref(request, athlete_id, Action.COACHES)
    context = {
        "athlete": athlete_service.check_athlete(ref.handle, settings),
        "coaches": coaching_service.coaches(ref, settings),
        "token": token,
        "error": error,
        "notice": notice,
    }
    status = HTTP_422_UNPROCESSABLE_ENTITY if error else 200
    return page("coach/coaches.html", context, request, status_code=status)


def flag_text(flag: Flag) -> str:
    """A dashboard flag in words."""
    p = dict(flag.params)
    if flag.kind == "missed":
        n = p.get("sessions", 0)
        return f"{n} session{'' if n == 1 else 's'} missed this week"
    if flag.kind == "niggle":
        site, pain, severity, day = (p.get(k) for k in ("site", "pain", "severity", "date"))
        return f"niggle: {site}, pain {pain}/10 ({severity}, {day})"
    if flag.kind == "stall":
        return f"e1RM stalled: {p.get('exercise')}"
    if flag.kind == "high_rpe":
        return "a week of high session RPE"
    return flag.kind


def _account(request: Request[Any, Any, Any]) -> Account:
    account = page_account(request)
    if account is None:
        raise LoginRequired("sign in first")
    return account


router = Router(
    path="/",
    route_handlers=[
        dashboard, invite, invitation, coaches_page, take_invitation, set_coach_status,
    ],
    guards=[signed_in_page],
)  # fmt: skip
