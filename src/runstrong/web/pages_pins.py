"""A coach's pinned edits from the session page: pin an edit to one of its exercises (another
exercise, or its dose), or remove a pin; each re-plans, as the API's `/athletes/{id}/pins`
routes do (the same access: an accepted coach, Action.PIN; the owner 403, any other account
404), then goes back to the session page (303). A pin the engine's checks refuse (domain.pins,
coaching_service.add_pin) is the session page again with the mistake beside its field (422),
nothing stored."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Router, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, PathParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_404_NOT_FOUND, HTTP_422_UNPROCESSABLE_ENTITY

from runstrong.access_service import Action
from runstrong.coaching_service import UnknownItemError
from runstrong.domain.errors import InputError, InputErrors
from runstrong.web import replans
from runstrong.web.auth import planner_of
from runstrong.web.browser import page_athlete_ref, signed_in_page
from runstrong.web.errors import field_errors
from runstrong.web.pages_plan import session_template
from runstrong.web.pin_view import read_pin_form
from runstrong.web.planner import LIBRARY
from runstrong.web.templating import error_page

SESSION = "/athletes/{athlete_id:str}/sessions/{monday:str}/{place:str}"
AthleteId = Annotated[str, PathParameter(max_length=64)]
Part = Annotated[str, PathParameter(max_length=40)]  # a session id's Monday or place
PinId = Annotated[int, PathParameter(ge=1, le=2**31 - 1)]  # as the API's
Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]


def _back(athlete_id: str, monday: str, place: str, anchor: str = "") -> Redirect:
    where = f"/athletes/{athlete_id}/sessions/{monday}/{place}"
    return Redirect(where + (f"#{anchor}" if anchor else ""), status_code=303)


@post(f"{SESSION}/pins", sync_to_thread=True)
def add_pin(
    request: Request[Any, Any, Any], athlete_id: AthleteId, monday: Part, place: Part, data: Form
) -> Template | Redirect:
    """Pin the form's edit to one of the session's exercises (in place of its pin, if it had
    one) and re-plan; a mistake: the session page with it beside the form (422)."""
    ref, settings = page_athlete_ref(request, athlete_id, Action.PIN)
    sent = read_pin_form(data)
    if sent.pin is not None and sent.exercise_id.rsplit("/", 1)[0].split("/", 1)[-1] != (
        f"{monday}/{place}"
    ):
        sent.errors["exercise_id"] = ["is not an exercise of this session"]
    if sent.pin is not None and not sent.errors:
        try:
            planner_of(request).call(replans.add_pin, ref, sent.pin, sent.note, LIBRARY, settings)
        except (InputError, InputErrors) as err:
            for name, message in field_errors(err):
                sent.errors.setdefault(name, []).append(message)
    if sent.errors:
        return session_template(request, athlete_id, f"{monday}/{place}", sent=sent,
                                status_code=HTTP_422_UNPROCESSABLE_ENTITY)  # fmt: skip
    return _back(athlete_id, monday, place, "pin-" + sent.exercise_id.rsplit("/", 1)[-1])


@post(f"{SESSION}/pins/{{pin_id:int}}/remove", sync_to_thread=True)
def remove_pin(
    request: Request[Any, Any, Any], athlete_id: AthleteId, monday: Part, place: Part, pin_id: PinId
) -> Template | Redirect:
    """Remove the athlete's pin `pin_id` (the API's id) and re-plan without it."""
    ref, settings = page_athlete_ref(request, athlete_id, Action.PIN)
    try:
        planner_of(request).call(replans.remove_pin, ref, pin_id, LIBRARY, settings)
    except UnknownItemError:
        return error_page(request, HTTP_404_NOT_FOUND, "No such pin: it was removed already.")
    return _back(athlete_id, monday, place)


router = Router(path="/", route_handlers=[add_pin, remove_pin], guards=[signed_in_page])
