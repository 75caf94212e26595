"""The newest stored plan of an athlete, read without the ORM (storage.fast_reads): its row id
in one indexed query, its plan JSON by that id only when the caller has not kept it.

The athlete is found as the Repository finds it: by the owner's public id (users.name; the
command line's local user when None) and the athlete's handle."""

from __future__ import annotations

from sqlalchemy import Engine, bindparam, select

from runstrong.domain.errors import UnknownAthleteError
from runstrong.storage.fast_reads import first_row
from runstrong.storage.models import LOCAL_USER, AthleteRow, PlanVersionRow, UserRow

_NEWEST_PLAN = (
    select(PlanVersionRow.id, PlanVersionRow.version)
    .join(AthleteRow, PlanVersionRow.athlete_id == AthleteRow.id)
    .join(UserRow, AthleteRow.owner_id == UserRow.id)
    .where(UserRow.name == bindparam("owner"), AthleteRow.handle == bindparam("handle"))
    .order_by(PlanVersionRow.id.desc())
    .limit(1)
)
_PLAN_JSON = select(PlanVersionRow.plan_json).where(PlanVersionRow.id == bindparam("plan_id"))


def newest_plan(engine: Engine, owner: str | None, handle: str) -> tuple[int, str]:
    """The row id and version of the athlete's newest plan; UnknownAthleteError when the
    owner has no such athlete."""
    row = first_row(engine, _NEWEST_PLAN, owner=owner or LOCAL_USER, handle=handle)
    if row is None:
        raise UnknownAthleteError(handle, ())
    return int(row[0]), str(row[1])


def plan_json(engine: Engine, plan_id: int) -> bytes:
    row = first_row(engine, _PLAN_JSON, plan_id=plan_id)
    return b"" if row is None else str(row[0]).encode("utf-8")
