"""The pages of an athlete's plan, for the athletes the signed-in account sees (its own, and as
a coach those who accepted it: browser.page_athlete): the calendar (phases, weeks, sessions by
day), a session (exercises, doses, loads, reasons and their sources, the coaches' pins and
an accepted coach's forms to pin (pages_pins.py posts them), what the last re-plan changed and
why), each week's heat map and balance, the history with its e1RM chart, the
exports, and the profile editor (pages_profile.py). The downloads page, the PDF and the calendar
subscription are pages_downloads.py's.

Handlers as thin as the CLI commands they mirror: the same services (athlete_service,
athlete_plan, services, log_service, chart_service), then a template of templates/plan/. Every
page reads without JavaScript; the heat map and the chart are SVG images of their own routes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

import orjson
from litestar import Request, Response, Router, get
from litestar.exceptions import NotFoundException
from litestar.params import PathParameter, QueryParameter
from litestar.response import Redirect, Template

from runstrong import athlete_service, coaching_service, log_service, services
from runstrong.access_service import Action
from runstrong.domain.errors import InputError, NoRunningWeekError, NotAWeekError
from runstrong.domain.pins import PIN_LIMITS, PIN_RIR_LIMITS
from runstrong.replan_changes import (
    MAX_PROFILE_CHANGES,
    find_session,
    profile_changes,
    read_replan,
    session_changes,
)
from runstrong.web import plan_view
from runstrong.web.api_athletes import attachment, export_response
from runstrong.web.auth import library_of
from runstrong.web.browser import may, page_athlete, page_athlete_ref, signed_in_page
from runstrong.web.pages_profile import profile_page, save_key_fields, save_profile
from runstrong.web.pin_view import PinForm, pin_views, swaps
from runstrong.web.templating import page

SVG = "image/svg+xml"
LAYERS = ("strength", "running", "both")  # of the heat map, as `runstrong heatmap --layer`
RECENT_SETS = 60  # the history page's table: the newest sets (the chart shows them all)
ATHLETE = "/athletes/{athlete_id:str}"
AthleteId = Annotated[str, PathParameter(max_length=64)]
Part = Annotated[str, PathParameter(max_length=40)]  # a session id's Monday or place
Layer = Annotated[str, QueryParameter(max_length=10)]
Week = Annotated[int, PathParameter(ge=1, le=1000)]


@get(f"{ATHLETE}/plan", sync_to_thread=True)
def calendar_page(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Template:
    """The newest plan as stored: its phases as bands, each week's sessions by day."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    record = athlete_service.check_athlete(handle, settings)
    stored = athlete_service.latest_plan(handle, settings)
    plan = orjson.loads(stored.plan_json)
    logs = log_service.logs_between(handle, stored.start, stored.end, settings)
    context = {
        "athlete": record,
        "plan": plan,
        "bands": plan_view.calendar(plan, settings.today),
        "session_path": plan_view.session_path,
        "logged": {log.session_id: str(log.status) for log in logs if log.session_id},
    }
    return page("plan/calendar.html", context, request)


@get(f"{ATHLETE}/sessions/{{monday:str}}/{{place:str}}", sync_to_thread=True)
def session_page(
    request: Request[Any, Any, Any], athlete_id: AthleteId, monday: Part, place: Part
) -> Template:
    """One session of the newest plan, and what the re-plan before it changed in it, and why;
    the coaches' pins on its exercises (an accepted coach: a form to pin an edit to each)."""
    return session_template(request, athlete_id, f"{monday}/{place}")


def session_template(
    request: Request[Any, Any, Any],
    athlete_id: str,
    path: str,
    *,
    sent: PinForm | None = None,
    status_code: int = 200,
) -> Template:
    """The session page of the session `path` ("2026-12-07/A"); `sent`: a pin form that was
    refused, shown again as typed with its mistakes (`status_code` 422)."""
    ref, settings = page_athlete_ref(request, athlete_id, Action.READ)
    handle = ref.handle
    record = athlete_service.check_athlete(handle, settings)
    replan = read_replan(handle, settings)
    plan = orjson.loads(replan.newest.plan_json)
    session = find_session(plan, f"{plan['id']}/{path}")
    if session is None:
        raise NotFoundException("no such session in the plan")
    changes = profile = None
    if replan.previous is not None and replan.previous_profile is not None:
        before = find_session(orjson.loads(replan.previous.plan_json), session["id"])
        changes = session_changes(before, session, record.units)
        profile = profile_changes(replan.previous_profile, replan.newest_profile)
    extra = () if changes is None else (changes.new_reasons, changes.gone_reasons)
    day = date.fromisoformat(session["date"])
    logged = log_service.existing_log(handle, day, settings)
    library = library_of(request)
    citations = library.citations
    pinning = may(ref, Action.PIN)
    monday = settings.today - timedelta(days=settings.today.weekday())
    context = {
        "athlete": record,
        "plan": plan,
        "session": session,
        "week": next(w for w in plan["weeks"] if session in w["sessions"]),
        "exercises": plan_view.exercises(session, record.units),
        "changes": changes,
        "profile_changes": profile,
        "max_profile_changes": MAX_PROFILE_CHANGES,
        "references": [(k, citations.get(k, "")) for k in plan_view.cited(session, *extra)],
        "logged": logged if logged is not None and logged.session_id == session["id"] else None,
        "pins": pin_views(coaching_service.pins(ref, settings), library),
        "pinning": pinning,
        "pin_form": pinning and day >= monday,  # a re-plan makes the plan from this Monday
        "swaps": {x["id"]: swaps(x, plan["athlete"], library) for x in session["exercises"]}
        if pinning
        else {},
        "sent": sent,
        # a form of no exercise of this page (sent from elsewhere): its mistakes at the top
        "stray": sent
        if sent is not None and all(x["id"] != sent.exercise_id for x in session["exercises"])
        else None,
        "limits": {**PIN_LIMITS, "rir": PIN_RIR_LIMITS},
    }
    return page("plan/session.html", context, request, status_code=status_code)


@get(f"{ATHLETE}/weeks", sync_to_thread=True)
def this_week(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Redirect:
    """To the plan's week of today (before the plan: its first; after it: its last)."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    plan = orjson.loads(athlete_service.latest_plan(handle, settings).plan_json)
    today = settings.today.isoformat()
    started = [w["index"] for w in plan["weeks"] if w["start"] <= today]
    week = started[-1] if started else 1
    return Redirect(f"/athletes/{athlete_id}/weeks/{week}", status_code=303)


@get(f"{ATHLETE}/weeks/{{week:int}}", sync_to_thread=True)
def week_page(
    request: Request[Any, Any, Any], athlete_id: AthleteId, week: Week, layer: Layer = "strength"
) -> Template:
    """A week's heat map (planned beside done) and its balance, as `runstrong heatmap` and
    `runstrong balance --athlete` give them."""
    from runstrong.athlete_plan import athlete_plan

    handle, settings = page_athlete(request, athlete_id, Action.READ)
    opened = athlete_plan(handle, library_of(request), settings)
    result = opened.for_format("balance")
    try:
        report = services.balance(result, week)
    except NotAWeekError:
        raise NotFoundException("no such week in the plan") from None
    context = {
        "athlete": opened.athlete,
        "week": result.plan.weeks[week - 1],
        "weeks": len(result.plan.weeks),
        "report": report,
        "done": services.week_done(result, week, opened.outcomes),
        "layer": layer if layer in LAYERS else "strength",
        "layers": LAYERS if result.athlete.running.runs else ("strength",),
        "groups": {g.name: g for g in report.groups},
    }
    return page("plan/week.html", context, request)


@get(f"{ATHLETE}/weeks/{{week:int}}/heatmap.svg", sync_to_thread=True)
def week_heatmap(
    request: Request[Any, Any, Any], athlete_id: AthleteId, week: Week, layer: Layer = "strength"
) -> Response[bytes]:
    from runstrong.athlete_plan import athlete_plan

    if layer not in LAYERS:
        raise NotFoundException(f"no heat map layer '{layer}'")
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    opened = athlete_plan(handle, library_of(request), settings)
    span = services.Span(week=week)
    try:
        svg = services.heatmap_svg(opened.for_format("heatmap"), span, layer, opened.outcomes)
    except (NotAWeekError, NoRunningWeekError):
        raise NotFoundException("no such heat map") from None
    return Response(svg.encode("utf-8"), media_type=SVG)


@get(f"{ATHLETE}/history", sync_to_thread=True)
def history_page(
    request: Request[Any, Any, Any],
    athlete_id: AthleteId,
    exercise: Annotated[str | None, QueryParameter(max_length=100)] = None,
) -> Template:
    """The sets logged, newest first, with the e1RM each implies, and the e1RM chart."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    library = library_of(request)
    record = athlete_service.check_athlete(handle, settings)
    rows = log_service.history(handle, library, settings)
    lifts = sorted({r.logged.set.slug for r in rows if r.e1rm_kg is not None})
    chosen = exercise if exercise in lifts else None
    shown = [r for r in rows if chosen is None or r.logged.set.slug == chosen]
    context = {
        "athlete": record,
        "rows": shown[::-1][:RECENT_SETS],
        "total": len(shown),
        "names": {ex.slug: ex.name for ex in library},
        "lifts": [(slug, library.get(slug).name if slug in library else slug) for slug in lifts],
        "chosen": chosen,
        "charted": any(r.e1rm_kg is not None for r in shown),
    }
    return page("plan/history.html", context, request)


@get(f"{ATHLETE}/history/e1rm.svg", sync_to_thread=True)
def e1rm_chart(
    request: Request[Any, Any, Any],
    athlete_id: AthleteId,
    exercise: Annotated[str | None, QueryParameter(max_length=100)] = None,
) -> Response[bytes]:
    """The e1RM chart of `runstrong chart --kind e1rm`, as SVG."""
    from runstrong.chart_service import e1rm_chart as chart

    handle, settings = page_athlete(request, athlete_id, Action.READ)
    library = library_of(request)
    record = athlete_service.check_athlete(handle, settings)
    rows = log_service.history(handle, library, settings, slug=exercise)
    try:
        svg, _ = chart(handle, rows, record.units, library, "svg")
    except InputError:  # nothing to chart
        raise NotFoundException("no set of the log gives an e1RM") from None
    return Response(svg, media_type=SVG)


@get(f"{ATHLETE}/exports/{{fmt:str}}", sync_to_thread=True)
def plan_export(request: Request[Any, Any, Any], athlete_id: AthleteId, fmt: Part) -> Response[Any]:
    """The newest plan as JSON, CSV, ICS or FIT (a zip): the API's exports, for the browser.
    The PDF is made outside the request workers, by a route of its own (`exports/pdf`: a static
    path, which Litestar matches before this one)."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    return export_response(fmt, handle, library_of(request), settings)


@get(f"{ATHLETE}/exports/fit", sync_to_thread=True)
def fit_zip(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Response[Any]:
    """Every session's FIT workout in a zip: a route of its own, as Litestar matches the static
    `fit` of the route below before the `{fmt}` above, and would not fall back."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    return export_response("fit", handle, library_of(request), settings)


@get(f"{ATHLETE}/exports/fit/{{monday:str}}/{{place:str}}", sync_to_thread=True)
def session_fit(
    request: Request[Any, Any, Any], athlete_id: AthleteId, monday: Part, place: Part
) -> Response[Any]:
    """One session's FIT workout, the same file as in the zip of them all."""
    from runstrong.domain.rules import Rules
    from runstrong.export.fit import session_file
    from runstrong.imports.stored_plan import read_stored_plan

    handle, settings = page_athlete(request, athlete_id, Action.READ)
    library = library_of(request)
    stored = athlete_service.latest_plan(handle, settings)
    raw = stored.plan_json.encode("utf-8")
    saved, athlete = read_stored_plan(raw, library, where="plan", cache_dir=settings.cache_dir)
    found = session_file(saved, athlete, library, Rules(), f"{saved.id}/{monday}/{place}")
    if found is None:
        raise NotFoundException("no such session in the plan")
    name, data = found
    return attachment(data, "application/vnd.ant.fit", name)


router = Router(
    path="/",
    route_handlers=[
        calendar_page, session_page, this_week, week_page, week_heatmap, history_page, e1rm_chart,
        plan_export, fit_zip, session_fit, profile_page, save_profile,
        save_key_fields,
    ],
    guards=[signed_in_page],
)  # fmt: skip
