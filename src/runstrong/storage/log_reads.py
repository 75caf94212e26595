"""An athlete's logged sets, read without the ORM (storage.fast_reads): the history that the
API answers many times a minute, in two indexed queries (the athlete, then its sets).

The athlete is found as the Repository finds it: by the owner's public id (users.name; the
command line's local user when None) and the athlete's handle."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Engine, String, bindparam, or_, select

from runstrong.domain.training_log import LoggedSet, SetLog, Side
from runstrong.storage.fast_reads import all_rows, first_row
from runstrong.storage.models import LOCAL_USER, AthleteRow, SessionLogRow, SetLogRow, UserRow

_ATHLETE = (
    select(AthleteRow.id)
    .join(UserRow, AthleteRow.owner_id == UserRow.id)
    .where(UserRow.name == bindparam("owner"), AthleteRow.handle == bindparam("handle"))
)
_SETS = (
    select(
        SessionLogRow.date,
        SessionLogRow.session_id,
        SetLogRow.slug,
        SetLogRow.side,
        SetLogRow.reps,
        SetLogRow.kg,
        SetLogRow.seconds,
        SetLogRow.contacts,
        SetLogRow.rir,
    )
    .join(SetLogRow, SetLogRow.session_log_id == SessionLogRow.id)
    .where(
        SessionLogRow.athlete_id == bindparam("athlete_id"),
        # typed, so that PostgreSQL knows what a NULL parameter is
        or_(bindparam("slug", type_=String).is_(None), SetLogRow.slug == bindparam("slug")),
        or_(bindparam("first", type_=Date).is_(None), SessionLogRow.date >= bindparam("first")),
        or_(bindparam("last", type_=Date).is_(None), SessionLogRow.date <= bindparam("last")),
    )
    .order_by(SessionLogRow.date, SetLogRow.position)
)


def logged_sets(
    engine: Engine,
    owner: str | None,
    handle: str,
    *,
    slug: str | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[LoggedSet] | None:
    """Every logged set, oldest first (by day, then as done), of one exercise or all, from
    `first` to `last`; None: the owner has no such athlete."""
    found = first_row(engine, _ATHLETE, owner=owner or LOCAL_USER, handle=handle)
    if found is None:
        return None
    rows = all_rows(engine, _SETS, athlete_id=found[0], slug=slug, first=first, last=last)
    return [
        LoggedSet(
            _date(day), str(sid), SetLog(str(slug_), Side(side), reps, kg, seconds, contacts, rir)
        )
        for day, sid, slug_, side, reps, kg, seconds, contacts, rir in rows
    ]


def _date(value: object) -> dt.date:
    """A driver's date: PostgreSQL's date, SQLite's text."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
