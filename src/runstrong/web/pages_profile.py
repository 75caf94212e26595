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
from runstrong.access_service import Action
from runstrong.domain.errors import RunstrongError
from runstrong.domain.training_log import AthleteRecord, ProfileText
from runstrong.profile.edit import KEY_FIELDS, form_value, key_values, with_values
from runstrong.web import replans
from runstrong.web.auth import planner_of
from runstrong.web.browser import page_athlete
from runstrong.web.errors import field_errors
from runstrong.web.planner import LIBRARY
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
    """The newest profile version in the form, its key fields above; `saved`: the version
    just stored."""
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    record = athlete_service.check_athlete(handle, settings)
    current = athlete_service.current_profile(handle, settings)
    text = readable(current.content, current.format)
    return _editor(request, record, current, text, current.format, saved=saved)


@post("/athletes/{athlete_id:str}/profile", sync_to_thread=True)
def save_profile(
    request: Request[Any, Any, Any], athlete_id: AthleteId, data: Form
) -> Template | Redirect:
    """Store the profile sent as a new version and re-plan; a profile the reader rejects: the
    form again with its errors (422), nothing stored."""
    text = str(data.get("profile", "")).replace("\r\n", "\n")
    suffix = FORMATS.get(str(data.get("format", "toml")), ".toml")
    return _save(request, athlete_id, text, suffix)


@post("/athletes/{athlete_id:str}/profile/fields", sync_to_thread=True)
def save_key_fields(
    request: Request[Any, Any, Any], athlete_id: AthleteId, data: Form
) -> Template | Redirect:
    """The key fields written into the newest profile's text (the rest kept as written), then
    stored as the whole profile is."""
    handle, settings = page_athlete(request, athlete_id, Action.EDIT)
    current = athlete_service.current_profile(handle, settings)
    values = {f.path: form_value(f, data.get(f.name, "")) for f in KEY_FIELDS}
    return _save(request, athlete_id, current.content, current.format, values)


def _save(
    request: Request[Any, Any, Any],
    athlete_id: str,
    text: str,
    suffix: str,
    values: dict[str, Any] | None = None,
) -> Template | Redirect:
    """`text` (with the key fields' `values` written into it) read by the profile reader,
    stored as a new version and re-planned; else the editor with the reader's errors."""
    handle, settings = page_athlete(request, athlete_id, Action.EDIT)
    record = athlete_service.check_athlete(handle, settings)
    try:
        if values is not None:
            text = with_values(text, suffix, values, PROFILE_WHERE)
        version = planner_of(request).call(
            replans.update_athlete, handle, text.encode("utf-8"), suffix, PROFILE_WHERE, LIBRARY,
            settings,
        )  # fmt: skip
    except RunstrongError as err:
        current = athlete_service.current_profile(handle, settings)
        shown = text if values is None else readable(current.content, current.format)
        return _editor(request, record, current, shown, suffix, errors=field_errors(err),
                       sent=values)  # fmt: skip
    return Redirect(f"{profile_path(athlete_id)}?saved={version}", status_code=303)


def _editor(
    request: Request[Any, Any, Any],
    record: AthleteRecord,
    current: ProfileText,
    text: str,
    suffix: str,
    *,
    saved: int | None = None,
    errors: list[tuple[str, str]] | None = None,
    sent: dict[str, Any] | None = None,
) -> Template:
    """The editor page: the key fields (as `sent`, else as `text` has them), the profile's
    `text`, and `errors` (field path, message), each also beside its key field."""
    errors = errors or []
    values = sent if sent is not None else key_values(text, suffix)  # as sent, else as stored
    context = {
        "athlete": record,
        "text": text,
        "format": suffix.lstrip("."),
        "version": current.version,
        "saved": saved,
        "errors": errors,
        "fields": [(f, values.get(f.path)) for f in KEY_FIELDS],
        "field_errors": {
            f.path: [m for path, m in errors if path == f.path or path.startswith(f.path + "[")]
            for f in KEY_FIELDS
        },
    }
    status = HTTP_422_UNPROCESSABLE_ENTITY if errors else 200
    return page("plan/profile.html", context, request, status_code=status)
