"""Coaching over the API: a coach's invitation links and dashboard, an athlete's coaches (take
an invitation, accept, leave), and a coach's pinned session edits.

Every route on an athlete asks access_service first (404 for an athlete the account cannot
see, 403 for an action its relation may not take)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Router, delete, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody, PathParameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from runstrong import coach_service, coaching_service
from runstrong.access_service import Action, athlete_for, require_role
from runstrong.account_service import Account, Role
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.pins import Pin
from runstrong.settings import Settings
from runstrong.web import replans
from runstrong.web.auth import account_of, library_of, planner_of, request_settings
from runstrong.web.planner import LIBRARY
from runstrong.web.schemas import (
    CoachedWeek,
    CoachList,
    CoachOut,
    CoachStatusIn,
    Dashboard,
    FlagOut,
    InvitationIn,
    PinIn,
    PinList,
    PinOut,
    SecretIssued,
)

RequestSettings = NamedDependency[Settings]
SignedIn = NamedDependency[Account]
Library = NamedDependency[ExerciseLibrary]
AthleteId = Annotated[str, PathParameter(max_length=64, description="The athlete's id (opaque).")]
CoachId = Annotated[str, PathParameter(max_length=64, description="The coach's account id.")]
PinId = Annotated[int, PathParameter(ge=1, le=2**31 - 1, description="The pin's id.")]


@post("/invitations", status_code=HTTP_201_CREATED, sync_to_thread=True)
def invite(account: SignedIn, settings: RequestSettings) -> SecretIssued:
    """A new invitation link's secret (coaches only): an athlete's account takes it for one
    of its athletes (POST /athletes/{id}/coaches), then accepts."""
    require_role(account, Role.COACH)
    made = coaching_service.invite(account, settings)
    return SecretIssued(made.token, made.expires_at)


@get("/coach/athletes", sync_to_thread=True)
def dashboard(account: SignedIn, settings: RequestSettings, library: Library) -> Dashboard:
    """Each athlete who accepted the coach: this week's compliance and flags (coaches only)."""
    require_role(account, Role.COACH)
    return Dashboard(
        [
            CoachedWeek(
                w.public_id,
                w.name,
                w.week_start,
                w.planned,
                w.due,
                w.done,
                w.skipped,
                list(w.missed),
                [FlagOut(f.kind, dict(f.params)) for f in w.flags],
            )
            for w in coach_service.dashboard(account, library, settings)
        ]
    )


@get("/athletes/{athlete_id:str}/coaches", sync_to_thread=True)
def coaches(account: SignedIn, settings: RequestSettings, athlete_id: AthleteId) -> CoachList:
    ref = athlete_for(account, athlete_id, Action.COACHES, settings)
    return CoachList([CoachOut(*_link(c)) for c in coaching_service.coaches(ref, settings)])


@post("/athletes/{athlete_id:str}/coaches", status_code=HTTP_201_CREATED, sync_to_thread=True)
def take_invitation(
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
    data: JSONBody[InvitationIn],
) -> CoachOut:
    """Take a coach's invitation for the athlete (its owner): the link is pending until the
    owner accepts it (PUT .../coaches/{coach_id})."""
    ref = athlete_for(account, athlete_id, Action.COACHES, settings)
    return CoachOut(*_link(coaching_service.take_invitation(ref, data.token, settings)))


@put("/athletes/{athlete_id:str}/coaches/{coach_id:str}", sync_to_thread=True)
def set_coach_status(
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
    coach_id: CoachId,
    data: JSONBody[CoachStatusIn],
) -> CoachOut:
    """Accept a pending coach, or leave a coach (the owner)."""
    ref = athlete_for(account, athlete_id, Action.COACHES, settings)
    found = coaching_service.set_coach_status(ref, coach_id, data.status, settings)
    return CoachOut(*_link(found))


def _link(c: coaching_service.CoachLink) -> tuple[str, str, str]:
    return c.coach_id, c.email, c.status


@get("/athletes/{athlete_id:str}/pins", sync_to_thread=True)
def pins(account: SignedIn, settings: RequestSettings, athlete_id: AthleteId) -> PinList:
    """The coaches' pinned edits to the athlete's sessions (the owner and accepted coaches)."""
    ref = athlete_for(account, athlete_id, Action.READ, settings)
    return PinList([_pin_out(p) for p in coaching_service.pins(ref, settings)])


@post("/athletes/{athlete_id:str}/pins", status_code=HTTP_201_CREATED, sync_to_thread=True)
def add_pin(
    request: Request[Any, Any, Any],
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
    data: JSONBody[PinIn],
) -> PinOut:
    """Pin an edit to an exercise of a planned session (an accepted coach): the plan is made
    again with it, and every re-plan keeps it until the coach removes it."""
    ref = athlete_for(account, athlete_id, Action.PIN, settings)
    pin = Pin(
        data.exercise_id, slug=data.slug, sets=data.sets, reps=data.reps, seconds=data.seconds,
        contacts=data.contacts, rir=data.rir,
    )  # fmt: skip
    return _pin_out(
        planner_of(request).call(replans.add_pin, ref, pin, data.note, LIBRARY, settings)
    )


@delete(
    "/athletes/{athlete_id:str}/pins/{pin_id:int}",
    status_code=HTTP_204_NO_CONTENT,
    sync_to_thread=True,
)
def remove_pin(
    request: Request[Any, Any, Any],
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
    pin_id: PinId,
) -> None:
    """Remove a pin (an accepted coach): the plan is made again without it."""
    ref = athlete_for(account, athlete_id, Action.PIN, settings)
    planner_of(request).call(replans.remove_pin, ref, pin_id, LIBRARY, settings)


def _pin_out(p: coaching_service.StoredPin) -> PinOut:
    pin = p.pin
    return PinOut(
        p.id, pin.exercise_id, pin.slug, pin.sets, pin.reps, pin.seconds, pin.contacts, pin.rir,
        p.note, p.coach_email,
    )  # fmt: skip


router = Router(
    path="/",
    route_handlers=[
        invite, dashboard, coaches, take_invitation, set_coach_status, pins, add_pin, remove_pin,
    ],
    dependencies={
        "account": Provide(account_of, sync_to_thread=True),
        "settings": Provide(request_settings, sync_to_thread=False),
        "library": Provide(library_of, sync_to_thread=False),
    },
)  # fmt: skip
