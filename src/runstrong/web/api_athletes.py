"""/api/v1/athletes: the athletes an account sees (its own, and as a coach those who accepted
it), their plans, days, logs and exports, by their opaque public ids.

Each handler is as thin as the CLI command it mirrors: ask access_service whether the account may
take the action on the athlete (404 unseen, 403 not allowed), then call the same service
(athlete_service, log_service, services) with the athlete's owner and handle, and answer."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Annotated, Any, cast

from litestar import Request, Response, Router, delete, get, post, put
from litestar.concurrency import sync_to_thread
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, JSONBody, PathParameter, QueryParameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from runstrong import athlete_service, log_service, services
from runstrong.access_service import Action, AthleteRef, Visible, athlete_for, require_role
from runstrong.account_service import Account, Role
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.domain.training_log import (
    AthleteSummary,
    LogStatus,
    SessionLog,
    SetLog,
    Side,
    Units,
)
from runstrong.settings import Settings
from runstrong.web import replans
from runstrong.web.auth import (
    account_of,
    library_of,
    planner_of,
    request_settings,
    signed_in_athlete,
)
from runstrong.web.kept_answers import answer_key, answers
from runstrong.web.planner import LIBRARY
from runstrong.web.schemas import AthleteList, AthleteOut, LogIn, LogOut
from runstrong.web.stored_bytes import send

JSON = "application/json"
PROFILE_WHERE = "profile"
EXPORTS = {  # format: (media type, file name ending)
    "json": (JSON, "json"),
    "csv": ("text/csv", "csv"),
    "ics": ("text/calendar", "ics"),
    "fit": ("application/zip", "zip"),
}
RequestSettings = NamedDependency[Settings]  # the request's moment (auth.request_settings)
SignedIn = NamedDependency[Account]
Library = NamedDependency[ExerciseLibrary]
AthleteId = Annotated[str, PathParameter(max_length=64, description="The athlete's id (opaque).")]


JsonObject = dict[str, Any]  # what the OpenAPI document says of JSON sent as stored


def encoded(body: bytes) -> Response[JsonObject]:
    """JSON already encoded (a stored plan, the log's JSON), sent as it is."""
    return Response(cast(Any, body), media_type=JSON)


def athlete_out(s: AthleteSummary, public_id: str, *, coached: bool = False) -> AthleteOut:
    return AthleteOut(
        id=public_id, name=s.athlete.name, coached=coached, units=str(s.athlete.units),
        profile_version=s.profile_version, plan_version=s.plan_version, plan_start=s.plan_start,
        plan_end=s.plan_end, sessions_logged=s.sessions_logged, sets_logged=s.sets_logged,
        last_logged=s.last_logged,
    )  # fmt: skip


def visible_out(v: Visible) -> AthleteOut:
    return athlete_out(v.summary, v.public_id, coached=v.as_coach)


def ref_out(ref: AthleteRef, settings: Settings) -> AthleteOut:
    summary = athlete_service.show_athlete(ref.handle, ref.settings(settings))
    return athlete_out(summary, ref.public_id, coached=ref.as_coach)


def athlete_ref(
    account: Account, athlete_id: str, action: Action, settings: Settings
) -> AthleteRef:
    """The athlete, if the account may see it and take `action` (access_service)."""
    return athlete_for(account, athlete_id, action, settings)


@get("/athletes", sync_to_thread=True)
def list_athletes(account: SignedIn, settings: RequestSettings) -> AthleteList:
    """The account's athletes, then those who accepted it as their coach (`coached`)."""
    from runstrong.access_service import visible_athletes

    return AthleteList([visible_out(v) for v in visible_athletes(account, settings)])


@post("/athletes", status_code=HTTP_201_CREATED)
async def add_athlete(
    request: Request[Any, Any, Any],
    account: SignedIn,
    settings: RequestSettings,
    handle: Annotated[str | None, QueryParameter(max_length=64)] = None,
    units: FromQuery[Units] = Units.KG,
) -> AthleteOut:
    """Store an athlete from the profile in the body (JSON, the profile file's keys): the
    profile as version 1 and its plan from today."""
    require_role(account, Role.ATHLETE, Role.COACH)  # an administrator holds no athletes
    raw = await request.body()  # then the reading, planning and storing, in the planner
    mine = settings_of(account, settings)

    def added() -> AthleteOut:
        record = planner_of(request).call(
            replans.add_athlete, raw, ".json", PROFILE_WHERE, LIBRARY, mine,
            handle=handle, units=units,
        )  # fmt: skip
        return athlete_out(
            athlete_service.show_athlete(record.handle, mine), public_id(record.handle, mine)
        )

    return await sync_to_thread(added)


def settings_of(account: Account, settings: Settings) -> Settings:
    """The Settings of the account's own athletes."""
    from dataclasses import replace

    return replace(settings, owner=account.id)


def public_id(handle: str, settings: Settings) -> str:
    """The public id of the athlete `handle` of the account of `settings`."""
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        return repo.public_ids()[handle]


@get("/athletes/{athlete_id:str}", sync_to_thread=True)
def show_athlete(account: SignedIn, settings: RequestSettings, athlete_id: AthleteId) -> AthleteOut:
    return ref_out(athlete_ref(account, athlete_id, Action.READ, settings), settings)


@put("/athletes/{athlete_id:str}")
async def update_athlete(
    request: Request[Any, Any, Any],
    account: SignedIn,
    settings: RequestSettings,
    athlete_id: AthleteId,
) -> AthleteOut:
    """A new profile version and a re-plan from this week (a coach's pins kept); the log
    stays. The owner or an accepted coach."""
    raw = await request.body()

    def updated() -> AthleteOut:
        ref = athlete_ref(account, athlete_id, Action.EDIT, settings)
        planner_of(request).call(
            replans.update_athlete, ref.handle, raw, ".json", PROFILE_WHERE, LIBRARY,
            ref.settings(settings),
        )  # fmt: skip
        return ref_out(ref, settings)

    return await sync_to_thread(updated)


@delete("/athletes/{athlete_id:str}", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def remove_athlete(account: SignedIn, settings: RequestSettings, athlete_id: AthleteId) -> None:
    """The athlete with all its data: its owner only (a coach: 403)."""
    ref = athlete_ref(account, athlete_id, Action.REMOVE, settings)
    athlete_service.remove_athlete(ref.handle, ref.settings(settings))


@get("/athletes/{athlete_id:str}/plan", sync_to_thread=False, media_type=JSON)
def plan(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Response[JsonObject]:
    """The newest plan version as stored (plan JSON, schema 2): not made again, and sent from
    the worker's kept answers (gzipped when the client takes it; ETag)."""
    from runstrong.web.stored_plans import stored_plan

    ref, mine = signed_in_athlete(request, athlete_id, Action.READ)
    key = answer_key(mine, ref, "plan")
    found = answers.get(key) or answers.keep(key, stored_plan(mine, ref.handle))
    return send(request, found, JSON)


@get("/athletes/{athlete_id:str}/today", media_type=JSON)
async def today(
    request: Request[Any, Any, Any],
    library: Library,
    athlete_id: AthleteId,
    day: Annotated[date | None, QueryParameter(name="date")] = None,
) -> Response[JsonObject]:
    """The session of the day (default: today), else the next one, with loads from the log;
    made off the event loop, then kept until the athlete's data changes (kept_answers)."""
    ref, mine = signed_in_athlete(request, athlete_id, Action.READ)
    when = day or mine.today
    key = answer_key(mine, ref, "today", when)
    found = answers.get(key)
    if found is None:
        made = await sync_to_thread(_today_json, ref.handle, when, library, mine)
        found = answers.put(key, made)
    return send(request, found, JSON)


def _today_json(handle: str, day: date, library: ExerciseLibrary, settings: Settings) -> bytes:
    import msgspec

    from runstrong.render.day_json import day_dict

    return msgspec.json.encode(day_dict(log_service.day_session(handle, day, library, settings)))


@post("/athletes/{athlete_id:str}/logs", status_code=HTTP_201_CREATED)
async def add_log(
    request: Request[Any, Any, Any],
    library: Library,
    data: JSONBody[LogIn],
    athlete_id: AthleteId,
) -> LogOut:
    """Log a day: its sets (kilograms), or that the session was skipped or moved. The owner
    only (a coach reads the log: 403)."""
    ref, mine = signed_in_athlete(request, athlete_id, Action.LOG)
    for i, s in enumerate(data.sets):
        if s.slug not in library:
            raise InputError(
                "request", f"sets[{i + 1}].slug", f"no exercise has the slug '{s.slug}'"
            )
    if (data.status == "moved") != (data.moved_to is not None) or data.moved_to == data.date:
        raise InputError("request", "moved_to", "a moved session needs moved_to, another day")
    sets = tuple(
        SetLog(s.slug, Side(s.side), s.reps, s.kg, s.seconds, s.contacts, s.rir) for s in data.sets
    )
    entry = SessionLog(
        data.date, "", LogStatus(data.status), sets, moved_to=data.moved_to, rpe=data.rpe,
        minutes=data.minutes, note=data.note, reason=data.reason,
    )  # fmt: skip
    stored = await sync_to_thread(  # the write may wait for another writer's turn
        lambda: log_service.record_planned_day(
            ref.athlete_row, ref.handle, entry, mine, replace_existing=data.replace
        )
    )
    return LogOut(stored.date, stored.session_id, str(stored.status), len(stored.sets))


# two indexed queries without the ORM (log_service.history) when not kept: cheaper in the event
# loop than handed to a thread
@get("/athletes/{athlete_id:str}/history", sync_to_thread=False, media_type=JSON)
def history(
    request: Request[Any, Any, Any],
    library: Library,
    athlete_id: AthleteId,
    exercise: Annotated[str | None, QueryParameter(max_length=100)] = None,
    first: Annotated[date | None, QueryParameter(name="from")] = None,
    last: Annotated[date | None, QueryParameter(name="to")] = None,
) -> Response[JsonObject]:
    """Every set logged (the log's JSON, docs/formats.md), of one exercise or all."""
    from runstrong.export.log_export import log_json

    ref, mine = signed_in_athlete(request, athlete_id, Action.READ)
    key = answer_key(mine, ref, "history", exercise, first, last)
    found = answers.get(key)
    if found is None:
        rows = log_service.history(ref.handle, library, mine, slug=exercise, first=first, last=last)
        found = answers.put(key, log_json(ref.public_id, rows))
    return send(request, found, JSON)


@get("/athletes/{athlete_id:str}/exports/{fmt:str}", sync_to_thread=True)
def export(
    account: SignedIn,
    settings: RequestSettings,
    library: Library,
    fmt: FromPath[str],
    athlete_id: AthleteId,
) -> Response[JsonObject | str]:
    """The newest plan in a format: json (as stored), csv, ics, or fit (a zip of workouts)."""
    ref = athlete_ref(account, athlete_id, Action.READ, settings)
    return export_response(fmt, ref.handle, library, ref.settings(settings))


def export_response(
    fmt: str, athlete_id: str, library: ExerciseLibrary, settings: Settings
) -> Response[JsonObject | str]:
    """The newest plan of `athlete_id` (a handle `settings` sees) in format `fmt` (one of
    EXPORTS) as a download, for the API and the downloads page alike."""
    if fmt not in EXPORTS:
        raise NotFoundException(f"no export '{fmt[:20]}' (one of {', '.join(EXPORTS)})")
    stored = athlete_service.latest_plan(athlete_id, settings)
    media, ending = EXPORTS[fmt]
    if fmt == "json":
        body = stored.plan_json.encode("utf-8")
    else:
        body = _exported(fmt, stored.plan_json.encode("utf-8"), library, settings)
    return attachment(body, media, f"{athlete_id}-{stored.version}.{ending}")


def attachment(body: bytes, media: str, name: str) -> Response[Any]:
    """`body` as a file to save, named `name`."""
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(cast(Any, body), media_type=media, headers=headers)


def _exported(fmt: str, plan_json: bytes, library: ExerciseLibrary, settings: Settings) -> bytes:
    from runstrong.export.exporter import ExportOptions
    from runstrong.imports.plan_json import read_plan

    saved, athlete = read_plan(plan_json, library, where="plan")
    result = services.PlanResult(saved, athlete, library)
    out = services.export_one(
        fmt, result, ExportOptions(now=settings.timestamp, today=settings.today)
    )
    return out if isinstance(out, bytes) else _zipped(out)


def _zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), files[name])
    return buffer.getvalue()


router = Router(
    path="/",
    route_handlers=[
        list_athletes, add_athlete, show_athlete, update_athlete, remove_athlete, plan, today,
        add_log, history, export,
    ],
    dependencies={
        # one indexed query each (account_service.account_for_token): cheaper run in the event
        # loop than handed to a thread
        "account": Provide(account_of, sync_to_thread=False),
        "settings": Provide(request_settings, sync_to_thread=False),
        "library": Provide(library_of, sync_to_thread=False),
    },
)  # fmt: skip
