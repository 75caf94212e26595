"""/api/v1/athletes: the signed-in account's athletes, their plans, days, logs and exports.

Each handler is as thin as the CLI command it mirrors: parse, call the same service
(athlete_service, log_service, services), answer. The Settings come from auth.account_settings,
so every service sees this account's athletes only."""

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
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.domain.profile import Profile
from runstrong.domain.training_log import (
    AthleteSummary,
    LogStatus,
    SessionLog,
    SetLog,
    Side,
    Units,
)
from runstrong.settings import Settings
from runstrong.web.auth import account_settings, library_of
from runstrong.web.schemas import AthleteList, AthleteOut, LogIn, LogOut

JSON = "application/json"
PROFILE_WHERE = "profile"
EXPORTS = {  # format: (media type, file name ending)
    "json": (JSON, "json"),
    "csv": ("text/csv", "csv"),
    "ics": ("text/calendar", "ics"),
    "fit": ("application/zip", "zip"),
}
AccountSettings = NamedDependency[Settings]  # the signed-in account's (auth.account_settings)
Library = NamedDependency[ExerciseLibrary]
AthleteId = Annotated[str, PathParameter(max_length=64, description="The athlete's id (opaque).")]


JsonObject = dict[str, Any]  # what the OpenAPI document says of JSON sent as stored


def encoded(body: bytes) -> Response[JsonObject]:
    """JSON already encoded (a stored plan, the log's JSON), sent as it is."""
    return Response(cast(Any, body), media_type=JSON)


def athlete_out(s: AthleteSummary) -> AthleteOut:
    return AthleteOut(
        id=s.athlete.handle, name=s.athlete.name, units=str(s.athlete.units),
        profile_version=s.profile_version, plan_version=s.plan_version, plan_start=s.plan_start,
        plan_end=s.plan_end, sessions_logged=s.sessions_logged, sets_logged=s.sets_logged,
        last_logged=s.last_logged,
    )  # fmt: skip


def _profile(raw: bytes, library: ExerciseLibrary, settings: Settings) -> Profile:
    """A request's body read as a profile in JSON (the TOML's keys), by the CLI's reader."""
    from runstrong.profile.loader import profile_from_bytes

    return profile_from_bytes(raw, ".json", library, PROFILE_WHERE, cache_dir=settings.cache_dir)


@get("/athletes", sync_to_thread=True)
def list_athletes(settings: AccountSettings) -> AthleteList:
    return AthleteList([athlete_out(s) for s in athlete_service.list_athletes(settings)])


@post("/athletes", status_code=HTTP_201_CREATED)
async def add_athlete(
    request: Request[Any, Any, Any],
    settings: AccountSettings,
    library: Library,
    handle: Annotated[str | None, QueryParameter(max_length=64)] = None,
    units: FromQuery[Units] = Units.KG,
) -> AthleteOut:
    """Store an athlete from the profile in the body (JSON, the profile file's keys): the
    profile as version 1 and its plan from today."""
    raw = await request.body()  # then the reading, planning and storing, off the event loop

    def added() -> AthleteOut:
        parsed = _profile(raw, library, settings)
        record, _ = athlete_service.add_athlete(
            parsed, raw.decode("utf-8"), ".json", library, settings, handle=handle, units=units
        )
        return athlete_out(athlete_service.show_athlete(record.handle, settings))

    return await sync_to_thread(added)


@get("/athletes/{athlete_id:str}", sync_to_thread=True)
def show_athlete(settings: AccountSettings, athlete_id: AthleteId) -> AthleteOut:
    return athlete_out(athlete_service.show_athlete(athlete_id, settings))


@put("/athletes/{athlete_id:str}")
async def update_athlete(
    request: Request[Any, Any, Any],
    settings: AccountSettings,
    library: Library,
    athlete_id: AthleteId,
) -> AthleteOut:
    """A new profile version and a re-plan from this week; the log stays."""
    raw = await request.body()

    def updated() -> AthleteOut:
        athlete_service.check_athlete(athlete_id, settings)
        parsed = _profile(raw, library, settings)
        athlete_service.update_athlete(
            athlete_id, parsed, raw.decode("utf-8"), ".json", library, settings
        )
        return athlete_out(athlete_service.show_athlete(athlete_id, settings))

    return await sync_to_thread(updated)


@delete("/athletes/{athlete_id:str}", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def remove_athlete(settings: AccountSettings, athlete_id: AthleteId) -> None:
    athlete_service.check_athlete(athlete_id, settings)
    athlete_service.remove_athlete(athlete_id, settings)


@get("/athletes/{athlete_id:str}/plan", sync_to_thread=True, media_type=JSON)
def plan(settings: AccountSettings, athlete_id: AthleteId) -> Response[JsonObject]:
    """The newest plan version as stored (plan JSON, schema 2): not made again."""
    stored = athlete_service.latest_plan(athlete_id, settings)
    return encoded(stored.plan_json.encode("utf-8"))


@get("/athletes/{athlete_id:str}/today", sync_to_thread=True)
def today(
    settings: AccountSettings,
    library: Library,
    athlete_id: AthleteId,
    day: Annotated[date | None, QueryParameter(name="date")] = None,
) -> dict[str, object]:
    """The session of the day (default: today), else the next one, with loads from the log."""
    from runstrong.cli.log_cmd import day_dict

    found = log_service.day_session(athlete_id, day or settings.today, library, settings)
    return day_dict(found)


@post("/athletes/{athlete_id:str}/logs", status_code=HTTP_201_CREATED, sync_to_thread=True)
def add_log(
    settings: AccountSettings, library: Library, data: JSONBody[LogIn], athlete_id: AthleteId
) -> LogOut:
    """Log a day: its sets (kilograms), or that the session was skipped or moved."""
    athlete_service.check_athlete(athlete_id, settings)
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
    stored = log_service.record_log(athlete_id, entry, settings, replace_existing=data.replace)
    return LogOut(stored.date, stored.session_id, str(stored.status), len(stored.sets))


@get("/athletes/{athlete_id:str}/history", sync_to_thread=True, media_type=JSON)
def history(
    settings: AccountSettings,
    library: Library,
    athlete_id: AthleteId,
    exercise: Annotated[str | None, QueryParameter(max_length=100)] = None,
    first: Annotated[date | None, QueryParameter(name="from")] = None,
    last: Annotated[date | None, QueryParameter(name="to")] = None,
) -> Response[JsonObject]:
    """Every set logged (the log's JSON, docs/formats.md), of one exercise or all."""
    from runstrong.export.log_export import log_json

    rows = log_service.history(athlete_id, library, settings, slug=exercise, first=first, last=last)
    return encoded(log_json(athlete_id, rows))


@get("/athletes/{athlete_id:str}/exports/{fmt:str}", sync_to_thread=True)
def export(
    settings: AccountSettings, library: Library, fmt: FromPath[str], athlete_id: AthleteId
) -> Response[JsonObject | str]:
    """The newest plan in a format: json (as stored), csv, ics, or fit (a zip of workouts)."""
    return export_response(fmt, athlete_id, library, settings)


def export_response(
    fmt: str, athlete_id: str, library: ExerciseLibrary, settings: Settings
) -> Response[JsonObject | str]:
    """The newest plan of `athlete_id` in format `fmt` (one of EXPORTS) as a download, for the
    API and the downloads page alike."""
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
        "settings": Provide(account_settings, sync_to_thread=True),
        "library": Provide(library_of, sync_to_thread=False),
    },
)  # fmt: skip
