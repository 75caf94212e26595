"""The rows of calendar subscriptions and of files made in the background: functions of the
caller's session or connection (one transaction per user action). runstrong.feed_service and
runstrong.made_files decide; these read and write.

The hot reads (a feed's state by its token, a made file's content) are single Core statements
on a connection, without the ORM: a calendar fetch is one indexed query when nothing changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from runstrong.storage.fast_reads import first_row
from runstrong.storage.models import (
    AthleteRow,
    CalendarFeedRow,
    MadeFileRow,
    PlanVersionRow,
    UserRow,
)

PENDING, READY, FAILED = "pending", "ready", "failed"
ICS = "ics"


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed's calendar is made from now: the athlete (row id) and its data's revision
    (0008: any change to its plan, log, runs or pins raises it) on the day asked, as one key."""

    athlete_id: int
    key: str
    made_id: int | None  # the newest calendar made (perhaps of an older key)
    made_key: str | None


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


def _feed_state_statement() -> Select[Any]:
    athlete = CalendarFeedRow.athlete_id

    def newest_made(column: Any) -> Any:
        return (
            select(column)
            .where(
                MadeFileRow.athlete_id == athlete,
                MadeFileRow.kind == ICS,
                MadeFileRow.status == READY,
            )
            .order_by(MadeFileRow.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    return (
        select(
            athlete, AthleteRow.revision, newest_made(MadeFileRow.id), newest_made(MadeFileRow.key)
        )
        .join(AthleteRow, AthleteRow.id == athlete)
        .where(
            CalendarFeedRow.token_hash == bindparam("token_hash"),
            CalendarFeedRow.revoked_at.is_(None),
        )
    )


_FEED_STATE = _feed_state_statement()


def feed_state(engine: Engine, token_hash: str, today: dt.date) -> FeedState | None:
    """The state of the live feed of `token_hash` and the newest calendar made for it, in one
    query; None: no such live token. `today` is part of the key: a cancelled event is left out
    once its day has passed."""
    row = first_row(engine, _FEED_STATE, token_hash=token_hash)
    if row is None:
        return None
    athlete_id, revision, made_id, made_key = row
    return FeedState(int(athlete_id), feed_key(today, int(revision)), made_id, made_key)


def feed_key(today: dt.date, revision: int) -> str:
    """What a calendar is made from: the athlete's data at `revision`, on `today`."""
    return f"{today.isoformat()}/r{revision}"


# -- made files ------------------------------------------------------------------------------

_MADE_FILE = select(MadeFileRow.id, MadeFileRow.key, MadeFileRow.status, MadeFileRow.error).where(
    MadeFileRow.athlete_id == bindparam("athlete_id"),
    MadeFileRow.kind == bindparam("kind"),
    MadeFileRow.key == bindparam("key"),
)
_NEWEST_READY = (
    select(MadeFileRow.id, MadeFileRow.key, MadeFileRow.status, MadeFileRow.error)
    .where(
        MadeFileRow.athlete_id == bindparam("athlete_id"),
        MadeFileRow.kind == bindparam("kind"),
        MadeFileRow.status == READY,
    )
    .order_by(MadeFileRow.id.desc())
    .limit(1)
)
_CONTENT = select(MadeFileRow.content).where(MadeFileRow.id == bindparam("made_id"))


def made_file(engine: Engine, athlete_id: int, kind: str, key: str) -> MadeFile | None:
    row = first_row(engine, _MADE_FILE, athlete_id=athlete_id, kind=kind, key=key)
    return None if row is None else MadeFile(*row)


def newest_ready(engine: Engine, athlete_id: int, kind: str) -> MadeFile | None:
    row = first_row(engine, _NEWEST_READY, athlete_id=athlete_id, kind=kind)
    return None if row is None else MadeFile(*row)


def content(engine: Engine, made_id: int) -> bytes:
    row = first_row(engine, _CONTENT, made_id=made_id)
    return b"" if row is None or row[0] is None else bytes(row[0])


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
    found = session.scalar(
        select(MadeFileRow.content)
        .where(
            MadeFileRow.athlete_id == athlete_id,
            MadeFileRow.kind == kind,
            MadeFileRow.status == READY,
        )
        .order_by(MadeFileRow.id.desc())
        .limit(1)
    )
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
