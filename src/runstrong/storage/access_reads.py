"""The reads of the web app's hottest question, without the ORM (storage.fast_reads): who a
bearer token is, which athlete a public id names, how the two are related and the athlete's
revision (0008), in one indexed query; and the athlete and revision of a calendar feed's token.

runstrong.access_service decides what the rows allow; this only reads them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import aliased

from runstrong.storage.coaching import AthleteKey
from runstrong.storage.fast_reads import first_row, first_row_async
from runstrong.storage.models import (
    AthleteAccessRow,
    AthleteRow,
    CalendarFeedRow,
    UserRow,
)
from runstrong.storage.token_reads import TOKEN_ACCOUNT, TokenAccount, token_account_of

_OWNER = aliased(UserRow)
_LINK = (
    select(AthleteAccessRow.status)
    .where(AthleteAccessRow.athlete_id == AthleteRow.id, AthleteAccessRow.coach_id == UserRow.id)
    .scalar_subquery()
)
_ATHLETE_COLUMNS = (
    UserRow.id,
    AthleteRow.id,
    AthleteRow.owner_id,
    _OWNER.name,
    AthleteRow.handle,
    AthleteRow.public_id,
    AthleteRow.revision,
    _LINK,
)
_TOKEN_ATHLETE = (
    TOKEN_ACCOUNT.add_columns(*_ATHLETE_COLUMNS)
    .outerjoin(AthleteRow, AthleteRow.public_id == bindparam("public_id"))
    .outerjoin(_OWNER, _OWNER.id == AthleteRow.owner_id)
)
_USER_ATHLETE = (
    select(*_ATHLETE_COLUMNS)
    .select_from(UserRow)
    .outerjoin(AthleteRow, AthleteRow.public_id == bindparam("public_id"))
    .outerjoin(_OWNER, _OWNER.id == AthleteRow.owner_id)
    .where(UserRow.name == bindparam("user"))
)
_FEED_ATHLETE = (
    select(AthleteRow.id, AthleteRow.revision)
    .join(CalendarFeedRow, CalendarFeedRow.athlete_id == AthleteRow.id)
    .where(
        CalendarFeedRow.token_hash == bindparam("token_hash"),
        CalendarFeedRow.revoked_at.is_(None),
    )
)


@dataclass(frozen=True, slots=True)
class UserAthlete:
    """A user (row id) and the athlete of the public id asked for, if there is one: its key,
    its revision and the user's link to it as a coach (None: no link)."""

    user_id: int
    athlete: AthleteKey | None
    revision: int
    link: str | None


def token_athlete(
    engine: Engine, token_hash: str, public_id: str
) -> tuple[TokenAccount, UserAthlete] | None:
    """A live token's account and the athlete of `public_id` as its user sees it; None: no
    token that is not revoked has this hash."""
    row = first_row(engine, _TOKEN_ATHLETE, token_hash=token_hash, public_id=public_id)
    return None if row is None else _token_athlete(row)


async def token_athlete_async(
    engine: Engine, token_hash: str, public_id: str
) -> tuple[TokenAccount, UserAthlete] | None:
    """token_athlete for an event loop (fast_reads.first_row_async)."""
    row = await first_row_async(engine, _TOKEN_ATHLETE, token_hash=token_hash, public_id=public_id)
    return None if row is None else _token_athlete(row)


def _token_athlete(row: tuple[Any, ...]) -> tuple[TokenAccount, UserAthlete]:
    columns = len(_ATHLETE_COLUMNS)
    return token_account_of(row[:-columns]), _user_athlete(row[-columns:])


def user_athlete(engine: Engine, user: str, public_id: str) -> UserAthlete | None:
    """The athlete of `public_id` as the user named `user` (users.name) sees it; None: no such
    user."""
    row = first_row(engine, _USER_ATHLETE, user=user, public_id=public_id)
    return None if row is None else _user_athlete(row)


def _user_athlete(row: tuple[Any, ...]) -> UserAthlete:
    me, athlete, owner_id, owner, handle, public_id, revision, link = row
    if athlete is None:
        return UserAthlete(int(me), None, 0, None)
    key = AthleteKey(int(athlete), int(owner_id), str(owner), str(handle), str(public_id))
    return UserAthlete(int(me), key, int(revision), link)


async def feed_athlete(engine: Engine, token_hash: str) -> tuple[int, int] | None:
    """The athlete (row id) and revision of a live calendar feed's token; None: no such feed.
    Read without blocking the event loop (fast_reads.first_row_async)."""
    row = await first_row_async(engine, _FEED_ATHLETE, token_hash=token_hash)
    return None if row is None else (int(row[0]), int(row[1]))
