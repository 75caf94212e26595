"""The today page: the day's session (or the next one) with loads from the log, a row per set
and side to tick off (a rest timer starts on each tick where JavaScript runs), and the session
logged done, skipped or moved. Forms post and redirect back (no JavaScript needed); a mistake
shows the page again with each field's error."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from litestar import Request, Response, Router, get, post
from litestar.concurrency import sync_to_thread
from litestar.params import FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_404_NOT_FOUND, HTTP_422_UNPROCESSABLE_ENTITY

from runstrong import log_service
from runstrong.access_service import Action
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import AlreadyLoggedError, NoPlannedSessionError
from runstrong.domain.training_log import LogStatus, SessionLog, Units
from runstrong.settings import Settings
from runstrong.web.auth import library_of
from runstrong.web.browser import may, page_athlete, page_athlete_ref, signed_in_page
from runstrong.web.templating import error_page, page
from runstrong.web.today_form import read_move, read_reason, read_sets
from runstrong.web.today_view import TodayView, logged_fields, today_view

TODAY = "/athletes/{athlete_id:str}/today"
ROW_FIELD = re.compile(r"r\d+_")  # a set row's field: its error is shown on its row
# the notice after a form is saved (?saved=STATUS)
SAVED = {"done": "Session logged.", "skipped": "Session logged as skipped.",
         "moved": "Session moved."}  # fmt: skip
FIELD_LABELS = {"rows": "Sets", "rpe": "Session RPE", "minutes": "Minutes", "replace": "Replace",
                "moved_to": "Move to", "date": "Day"}  # fmt: skip


@get(TODAY, sync_to_thread=True, guards=[signed_in_page])
def today(request: Request[Any, Any, Any], athlete_id: FromPath[str]) -> Template:
    """The day's session; to the athlete's coach, read-only (the athlete logs it: Action.LOG)."""
    ref, settings = page_athlete_ref(request, athlete_id, Action.READ)
    asked = _day(request.query_params.get("date"), settings.today)
    if asked is None:
        return error_page(request, HTTP_422_UNPROCESSABLE_ENTITY, "The date is not a day: give "
                          "it as YYYY-MM-DD.")  # fmt: skip
    saved = SAVED.get(request.query_params.get("saved", ""))
    may_log = may(ref, Action.LOG)
    return _today_page(request, ref.handle, asked, settings, saved=saved, may_log=may_log)


def _today_page(
    request: Request[Any, Any, Any],
    handle: str,
    asked: date,
    settings: Settings,
    *,
    entered: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    saved: str | None = None,
    may_log: bool = True,
) -> Template:
    try:
        found = log_service.day_session(handle, asked, library_of(request), settings)
    except NoPlannedSessionError as err:
        context = {"handle": handle, "asked": asked, "message": str(err), "saved": saved}
        return page("today/none.html", context, request, status_code=HTTP_404_NOT_FOUND)
    errors = errors or {}
    view = today_view(found)
    if entered is None:
        entered = logged_fields(view, found.log, found.athlete.units)
    context = {"view": view, "entered": entered, "errors": errors,
               "error_list": _error_list(view, errors), "saved": saved,
               "today": settings.today, "may_log": may_log}  # fmt: skip
    status = HTTP_422_UNPROCESSABLE_ENTITY if errors else 200
    return page("today/today.html", context, request, status_code=status)


def _error_list(view: TodayView, errors: dict[str, str]) -> list[tuple[str, str]]:
    """Each mistake with what it is on: a set row's field by its exercise and set."""
    rows = {f"r{r.key}_": (x.name, r) for x in view.exercises for r in x.rows}
    found = []
    for name, message in errors.items():
        row = ROW_FIELD.match(name)
        if row and row.group(0) in rows:
            exercise, r = rows[row.group(0)]
            field = name.removeprefix(row.group(0))
            label = f"{exercise}, {r.label} {r.kind if field == 'amount' else field}"
        else:
            label = FIELD_LABELS.get(name, name)
        found.append((label, message))
    return found


@post(TODAY + "/log", guards=[signed_in_page])
async def log_done(request: Request[Any, Any, Any], athlete_id: FromPath[str]) -> Response[Any]:
    """The sets ticked done, as the session's log (replacing one only when asked)."""
    return await _logged(request, athlete_id, _done)


@post(TODAY + "/skip", guards=[signed_in_page])
async def log_skipped(request: Request[Any, Any, Any], athlete_id: FromPath[str]) -> Response[Any]:
    return await _logged(request, athlete_id, _skipped)


@post(TODAY + "/move", guards=[signed_in_page])
async def log_moved(request: Request[Any, Any, Any], athlete_id: FromPath[str]) -> Response[Any]:
    return await _logged(request, athlete_id, _moved)


# What a form makes of the session's day: its log, or its mistakes (field: message).
EntryOf = Callable[[dict[str, Any], date, Units, ExerciseLibrary], SessionLog | dict[str, str]]


def _done(
    form: dict[str, Any], day: date, units: Units, library: ExerciseLibrary
) -> SessionLog | dict[str, str]:
    read = read_sets(form, library, units)
    return read.errors or SessionLog(day, "", LogStatus.DONE, tuple(read.sets), rpe=read.rpe,
                                     minutes=read.minutes, note=read.note)  # fmt: skip


def _skipped(
    form: dict[str, Any], day: date, units: Units, library: ExerciseLibrary
) -> SessionLog | dict[str, str]:
    return SessionLog(day, "", LogStatus.SKIPPED, reason=read_reason(form))


def _moved(
    form: dict[str, Any], day: date, units: Units, library: ExerciseLibrary
) -> SessionLog | dict[str, str]:
    moved_to, errors = read_move(form, day)
    return errors if moved_to is None else SessionLog(day, "", LogStatus.MOVED, moved_to=moved_to)


async def _logged(
    request: Request[Any, Any, Any], athlete_id: str, entry_of: EntryOf
) -> Response[Any]:
    """The log a form makes, recorded; then the day again (a mistake: the form again, 422)."""
    form = dict(await request.form())
    library = library_of(request)

    def logged() -> Response[Any]:
        handle, settings = page_athlete(request, athlete_id, Action.LOG)
        session_day, asked = _posted(form, settings)
        units = log_service.athlete_units(handle, settings).units
        entry = entry_of(form, session_day, units, library)
        if isinstance(entry, dict):
            return _again(request, handle, asked, settings, form, entry)
        return _record(request, handle, asked, entry, settings, form, athlete_id)

    return await sync_to_thread(logged)


def _posted(form: dict[str, Any], settings: Settings) -> tuple[date, date]:
    """The session's day and the day the page was asked for, from the form."""
    session_day = _day(str(form.get("date", "")), settings.today) or settings.today
    asked = _day(str(form.get("asked", "")), session_day) or session_day
    return session_day, asked


def _record(
    request: Request[Any, Any, Any],
    handle: str,
    asked: date,
    entry: SessionLog,
    settings: Settings,
    form: dict[str, Any],
    athlete_id: str,
) -> Response[Any]:
    replace = form.get("replace") == "1"
    try:
        log_service.record_log(handle, entry, settings, replace_existing=replace)
    except AlreadyLoggedError as err:
        message = (
            f"{err.day:%a %-d %b} is logged already ({err.status}): tick Replace to replace it"
        )
        return _again(request, handle, asked, settings, form, {"replace": message})
    except NoPlannedSessionError as err:
        return _again(request, handle, asked, settings, form, {"date": str(err)})
    back = f"/athletes/{athlete_id}/today?date={asked.isoformat()}&saved={entry.status}"
    return Redirect(back, status_code=303)


def _again(
    request: Request[Any, Any, Any],
    handle: str,
    asked: date,
    settings: Settings,
    form: dict[str, Any],
    errors: dict[str, str],
) -> Template:
    entered = {k: v for k, v in form.items() if isinstance(v, str)}
    return _today_page(request, handle, asked, settings, entered=entered, errors=errors)


def _day(text: str | None, default: date) -> date | None:
    """The day YYYY-MM-DD in `text`, `default` where there is none; None: not a day."""
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


router = Router(
    path="/", route_handlers=[today, log_done, log_skipped, log_moved], include_in_schema=False
)
