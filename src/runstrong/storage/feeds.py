"""The rows of calendar subscriptions and of files made in the background: functions of the
caller's session or connection (one transaction per user action). runstrong.feed_service and
runstrong.made_files decide; these read and write.

The hot reads (a feed's state by its token, a made file's content) are single Core statements
on a connection, without the ORM: a calendar fetch is one indexed query when nothing changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVarTuple

from sqlalchemy import Connection, Engine, Select, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from runstrong.storage.models import (
    AthleteRow,
    CalendarFeedRow,
    MadeFileRow,
    PlanVersionRow,
    SessionLogRow,
    UserRow,
)

PENDING, READY, FAILED = "pending", "ready", "failed"
_Ts = TypeVarTuple("_Ts")


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reads only (on SQLite a deferred BEGIN: no write lock taken)."""
    with _readonly(engine).connect() as connection:
        yield connection


@lru_cache(maxsize=8)
def _readonly(engine: Engine) -> Engine:
    return engine.execution_options(readonly=True)


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed's calendar is made from now: the athlete (row id), the newest plan version
    (row id) and the log's state (count, newest id and time of a log), as one key."""

    athlete_id: int
    key: str


@dataclass(frozen=True, slots=True)
class MadeFile:
    id: int
    key: str
    status: str
    error: str | None


# -- calendar feeds --------------------------------------------------------------------------


def add_feed(session: Session, athlete_id: int, token_hash: str, now: dt.datetime) -> None:
    """A new feed token for the athlete, in place of the one it had (revoked now)."""
    revoke_feeds(session, athlete_id, now)
    session.add(CalendarFeedRow(athlete_id=athlete_id, token_hash=token_hash, created_at=now))


def revoke_feeds(session: Session, athlete_id: int, now: dt.datetime) -> int:
    """Revoke the athlete's feed token; how many were live (0 or 1)."""
    result = session.execute(
        update(CalendarFeedRow)
        .where(CalendarFeedRow.athlete_id == athlete_id, CalendarFeedRow.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def live_feed_since(session: Session, athlete_id: int) -> dt.datetime | None:
    """When the athlete's live feed token was made; None: it has none."""
    return session.scalar(
        select(CalendarFeedRow.created_at).where(
            CalendarFeedRow.athlete_id == athlete_id, CalendarFeedRow.revoked_at.is_(None)
        )
    )


def feed_state(connection: Connection, token_hash: str, today: dt.date) -> FeedState | None:
    """The state of the live feed of `token_hash`, in one query; None: no such live token.
    `today` is part of the key: a cancelled event is left out once its day has passed."""
    athlete = CalendarFeedRow.athlete_id
    plan = select(func.max(PlanVersionRow.id)).where(PlanVersionRow.athlete_id == athlete)
    logs = SessionLogRow.athlete_id == athlete
    row = connection.execute(
        select(
            athlete,
            plan.scalar_subquery(),
            select(func.count(SessionLogRow.id)).where(logs).scalar_subquery(),
            select(func.max(SessionLogRow.id)).where(logs).scalar_subquery(),
            select(func.max(SessionLogRow.logged_at)).where(logs).scalar_subquery(),
        ).where(CalendarFeedRow.token_hash == token_hash, CalendarFeedRow.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    athlete_id, plan_id, count, newest, at = row
    stamp = "" if at is None else str(at)[:26]
    return FeedState(athlete_id, f"{today.isoformat()}/{plan_id}/{count}/{newest}/{stamp}")


# -- made files ------------------------------------------------------------------------------


def made_file(connection: Connection, athlete_id: int, kind: str, key: str) -> MadeFile | None:
    row = connection.execute(
        select(MadeFileRow.id, MadeFileRow.key, MadeFileRow.status, MadeFileRow.error).where(
            MadeFileRow.athlete_id == athlete_id, MadeFileRow.kind == kind, MadeFileRow.key == key
        )
    ).first()
    return None if row is None else MadeFile(*row)


def newest_ready(connection: Connection, athlete_id: int, kind: str) -> MadeFile | None:
    row = connection.execute(
        _newest_ready(
            select(MadeFileRow.id, MadeFileRow.key, MadeFileRow.status, MadeFileRow.error),
            athlete_id,
            kind,
        )
    ).first()
    return None if row is None else MadeFile(*row)


def _newest_ready(query: Select[*_Ts], athlete_id: int, kind: str) -> Select[*_Ts]:
    return (
        query.where(
            MadeFileRow.athlete_id == athlete_id,
            MadeFileRow.kind == kind,
            MadeFileRow.status == READY,
        )
        .order_by(MadeFileRow.id.desc())
        .limit(1)
    )


def content(connection: Connection, made_id: int) -> bytes:
    found = connection.scalar(select(MadeFileRow.content).where(MadeFileRow.id == made_id))
    return b"" if found is None else bytes(found)


def claim(
    session: Session,
    athlete_id: int,
    kind: str,
    key: str,
    now: dt.datetime,
    stale_before: dt.datetime,
) -> int | None:
    """Take the making of (athlete, kind, key): the row's id when the caller is to start it
    (a new row, or one pending since before `stale_before`: its maker died); None when it is
    made, failed, or being made."""
    try:
        with session.begin_nested():
            row = MadeFileRow(
                athlete_id=athlete_id, kind=kind, key=key, status=PENDING, requested_at=now,
                started_at=now,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return row.id
    except IntegrityError:
        pass
    return session.execute(
        update(MadeFileRow)
        .where(
            MadeFileRow.athlete_id == athlete_id,
            MadeFileRow.kind == kind,
            MadeFileRow.key == key,
            MadeFileRow.status == PENDING,
            MadeFileRow.started_at < stale_before,
        )
        .values(started_at=now)
        .returning(MadeFileRow.id)
    ).scalar()


def job(session: Session, made_id: int) -> tuple[MadeFileRow, str, str] | None:
    """A made file's row with its athlete's handle and owner (users.name)."""
    row = session.execute(
        select(MadeFileRow, AthleteRow.handle, UserRow.name)
        .join(AthleteRow, MadeFileRow.athlete_id == AthleteRow.id)
        .join(UserRow, AthleteRow.owner_id == UserRow.id)
        .where(MadeFileRow.id == made_id)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def finish(
    session: Session, made_id: int, now: dt.datetime, data: bytes | None, error: str | None
) -> None:
    session.execute(
        update(MadeFileRow)
        .where(MadeFileRow.id == made_id)
        .values(
            status=READY if error is None else FAILED,
            content=data,
            error=error,
            finished_at=now,
        )
    )


def newest_content(session: Session, athlete_id: int, kind: str) -> bytes | None:
    """The newest ready file of a kind (the feed made before: what the next one updates)."""
    found = session.scalar(_newest_ready(select(MadeFileRow.content), athlete_id, kind))
    return None if found is None else bytes(found)


def plan_json(session: Session, plan_id: int) -> tuple[str, str]:
    """A plan version's id (its `version`) and plan JSON, by row id."""
    row = session.execute(
        select(PlanVersionRow.version, PlanVersionRow.plan_json).where(PlanVersionRow.id == plan_id)
    ).one()
    return str(row[0]), str(row[1])


def prune_older(session: Session, athlete_id: int, kind: str, made_id: int) -> None:
    """Remove the athlete's files of a kind made before `made_id` (not those being made)."""
    session.execute(
        delete(MadeFileRow).where(
            MadeFileRow.athlete_id == athlete_id,
            MadeFileRow.kind == kind,
            MadeFileRow.id < made_id,
            MadeFileRow.status != PENDING,
        )
    )


def newest_plan_id(session: Session, athlete_id: int) -> int:
    """The row id of the athlete's newest plan version."""
    found = session.scalar(
        select(func.max(PlanVersionRow.id)).where(PlanVersionRow.athlete_id == athlete_id)
    )
    if found is None:
        raise LookupError("no plan")
    return int(found)
