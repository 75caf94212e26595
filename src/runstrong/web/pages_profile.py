"""The profile editor: the athlete's newest profile as its text (TOML or JSON) in a form, saved
as a new profile version and a re-plan from this week, as `runstrong athlete update` does. A
profile the reader rejects is shown again as sent, with each error's field path and message
(the CLI's own words) beside the form, and nothing is stored."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, PathParameter, QueryParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY

from runstrong import athlete_service
from runstrong.domain.errors import RunstrongError
from runstrong.web.auth import library_of
from runstrong.web.browser import page_settings
from runstrong.web.errors import field_errors
from runstrong.web.templating import page

FORMATS = {"toml": ".toml", "json": ".json"}  # the form's choice: the reader's suffix
PROFILE_WHERE = "profile"
AthleteId = Annotated[str, PathParameter(max_length=64)]
Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]


def profile_path(athlete_id: str) -> str:
    return f"/athletes/{athlete_id}/profile"


def readable(content: str, fmt: str) -> str:
    """A profile's text to edit: JSON indented (the API stores its body as sent, often one
    line), TOML as written."""
    if fmt != ".json":
        return content
    import json

    try:
        return json.dumps(json.loads(content), indent=2, ensure_ascii=False)
    except ValueError:
        return content


@get("/athletes/{athlete_id:str}/profile", sync_to_thread=True)
def profile_page(
    request: Request[Any, Any, Any],
    athlete_id: AthleteId,
    saved: Annotated[int | None, QueryParameter(ge=1)] = None,
) -> Template:
    """The newest profile version in the form; `saved`: the version just stored."""
    settings = page_settings(request)
    record = athlete_service.check_athlete(athlete_id, settings)
    current = athlete_service.current_profile(athlete_id, settings)
    context = {
        "athlete": record,
        "text": readable(current.content, current.format),
        "format": current.format.lstrip("."),
        "version": current.version,
        "saved": saved,
        "errors": [],
    }
    return page("plan/profile.html", context, request)


@post("/athletes/{athlete_id:str}/profile", sync_to_thread=True)
def save_profile(
    request: Request[Any, Any, Any], athlete_id: AthleteId, data: Form
) -> Template | Redirect:
    """Store the profile sent as a new version and re-plan; a profile the reader rejects: the
    form again with its errors (422), nothing stored."""
    from runstrong.profile.loader import profile_from_bytes

    settings = page_settings(request)
    library = library_of(request)
    record = athlete_service.check_athlete(athlete_id, settings)
    text = str(data.get("profile", "")).replace("\r\n", "\n")
    fmt = str(data.get("format", "toml"))
    suffix = FORMATS.get(fmt, ".toml")
    try:
        parsed = profile_from_bytes(
            text.encode("utf-8"), suffix, library, PROFILE_WHERE, cache_dir=settings.cache_dir
        )
        plan = athlete_service.update_athlete(athlete_id, parsed, text, suffix, library, settings)
    except RunstrongError as err:
        current = athlete_service.current_profile(athlete_id, settings)
        context = {
            "athlete": record,
            "text": text,
            "format": suffix.lstrip("."),
            "version": current.version,
            "saved": None,
            "errors": field_errors(err),
        }
        return page(
            "plan/profile.html", context, request, status_code=HTTP_422_UNPROCESSABLE_ENTITY
        )
    return Redirect(f"{profile_path(athlete_id)}?saved={plan.profile_version}", status_code=303)
