"""The athletes' pages: the account's athletes, and adding one from a profile (a TOML file
uploaded or pasted), read by the command line's reader with its field-level errors."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, Router, get, post
from litestar.concurrency import sync_to_thread
from litestar.datastructures import UploadFile
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from runstrong.domain.errors import BadHandleError, HandleTakenError, InputError, RunstrongError
from runstrong.domain.training_log import Units
from runstrong.input_files import PROFILE_MAX_BYTES
from runstrong.web import replans
from runstrong.web.api_athletes import public_id
from runstrong.web.auth import planner_of
from runstrong.web.browser import page_account, page_settings, signed_in_page
from runstrong.web.errors import field_errors
from runstrong.web.planner import LIBRARY
from runstrong.web.templating import page

PROFILE_WHERE = "profile"  # how the profile's errors name it (the CLI names the file)
EXAMPLE_NOTE = "examples/alex-marathon.toml in the source shows every field"


@get("/athletes", sync_to_thread=True, guards=[signed_in_page])
def athletes(request: Request[Any, Any, Any]) -> Template:
    """The account's own athletes, then (a coach's) those who accepted it, by public id."""
    from runstrong.access_service import visible_athletes

    account = page_account(request)
    found = [] if account is None else visible_athletes(account, page_settings(request))
    return page("athletes/index.html", {"athletes": found}, request)


@get("/athletes/new", sync_to_thread=True, guards=[signed_in_page])
def new_athlete_form(request: Request[Any, Any, Any]) -> Template:
    return _new_page(request, {})


@post("/athletes/new", guards=[signed_in_page])
async def add_athlete(request: Request[Any, Any, Any]) -> Response[Any]:
    """Store the athlete of the profile uploaded (or pasted): version 1 and its plan from today;
    then its day. A mistake: the form again, with each field's error as the CLI words it."""
    form = await request.form()
    upload = form.get("profile_file")
    pasted = str(form.get("profile_text", ""))
    raw = pasted.encode("utf-8")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read()
    handle = str(form.get("handle", "")).strip() or None
    units = str(form.get("units", ""))
    entered = {"profile_text": raw.decode("utf-8", "replace"), "handle": handle or "",
               "units": units}  # fmt: skip
    settings = page_settings(request)
    planner = planner_of(request)

    def added() -> str:
        if not raw.strip():
            raise InputError(PROFILE_WHERE, "", "is empty: upload a profile file or paste one")
        if len(raw) > PROFILE_MAX_BYTES:
            raise InputError(PROFILE_WHERE, "", f"is larger than {PROFILE_MAX_BYTES} bytes")
        record = planner.call(
            replans.add_athlete, raw, ".toml", PROFILE_WHERE, LIBRARY, settings, handle=handle,
            units=Units(units) if units in ("kg", "lb") else None,
        )  # fmt: skip
        return public_id(record.handle, settings)

    try:
        added_id = await sync_to_thread(added)
    except (HandleTakenError, BadHandleError) as err:
        return _new_page(request, entered, [("handle", str(err))])
    except RunstrongError as err:
        return _new_page(request, entered, field_errors(err))
    return Redirect(f"/athletes/{added_id}/today", status_code=303)


def _new_page(
    request: Request[Any, Any, Any],
    entered: dict[str, str],
    errors: list[tuple[str, str]] | None = None,
) -> Template:
    context = {"entered": entered, "errors": errors or [], "example_note": EXAMPLE_NOTE,
               "max_bytes": PROFILE_MAX_BYTES}  # fmt: skip
    status = HTTP_422_UNPROCESSABLE_ENTITY if errors else 200
    return page("athletes/new.html", context, request, status_code=status)


router = Router(
    path="/", route_handlers=[athletes, new_athlete_form, add_athlete], include_in_schema=False
)
