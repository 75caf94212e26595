"""Which plan version was the plan of each day, as it stood then: the plan versions' dates and
when each was made (a re-plan in the middle of a week does not rewrite the days before it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from runstrong.domain.training_log import PlanRecord
from runstrong.storage.models import PlanVersionRow
from runstrong.storage.repository import Repository


def plan_spans_made(repo: Repository, handle: str) -> list[tuple[str, dt.date, dt.date, dt.date]]:
    """Each plan version's id, first and last day, and the day (UTC) it was made, newest first."""
    rows = repo.session.execute(
        select(PlanVersionRow.version, PlanVersionRow.start, PlanVersionRow.end,
               PlanVersionRow.created_at)
        .where(PlanVersionRow.athlete_id == repo._id(handle))
        .order_by(PlanVersionRow.id.desc())
    )  # fmt: skip
    return [(version, start, end, _utc(made).date()) for version, start, end, made in rows]


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def plan_version(repo: Repository, handle: str, version: str) -> PlanRecord:
    """The newest plan version of that id (ids are content hashes: a plan made again is the
    same)."""
    found = repo._newest_plan(repo._id(handle), PlanVersionRow.version == version)
    if found is None:
        raise LookupError(f"{handle} has no plan version {version}")
    return found
