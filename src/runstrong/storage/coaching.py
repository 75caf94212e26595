"""The coaching rows: athletes found by their public id across accounts, coaches' links to
athletes (pending, accepted, left), invitation links (their hashes) and pinned session edits.
Functions of the caller's session; runstrong.access_service and coaching_service decide."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from runstrong.domain.pins import Pin
from runstrong.storage.models import (
    AthleteAccessRow,
    AthleteRow,
    CoachInvitationRow,
    SessionPinRow,
    UserRow,
)

PENDING, ACCEPTED, LEFT = "pending", "accepted", "left"


@dataclass(frozen=True, slots=True)
class AthleteKey:
    """Where an athlete lives: its row id, its owner's user id and public name, its handle."""

    id: int
    owner_id: int
    owner: str
    handle: str
    public_id: str


def athlete_by_public_id(session: Session, public_id: str) -> AthleteKey | None:
    found = session.execute(
        select(AthleteRow.id, AthleteRow.owner_id, UserRow.name, AthleteRow.handle)
        .join(UserRow, UserRow.id == AthleteRow.owner_id)
        .where(AthleteRow.public_id == public_id)
    ).first()
    return None if found is None else AthleteKey(*found, public_id)


def user_id(session: Session, name: str) -> int | None:
    return session.scalar(select(UserRow.id).where(UserRow.name == name))


def link_status(session: Session, athlete_id: int, coach_id: int) -> str | None:
    return session.scalar(
        select(AthleteAccessRow.status).where(
            AthleteAccessRow.athlete_id == athlete_id, AthleteAccessRow.coach_id == coach_id
        )
    )


def set_link(
    session: Session, athlete_id: int, coach_id: int, status: str, now: dt.datetime
) -> None:
    """The link of the coach to the athlete, made or changed to `status`."""
    row = session.scalar(
        select(AthleteAccessRow).where(
            AthleteAccessRow.athlete_id == athlete_id, AthleteAccessRow.coach_id == coach_id
        )
    )
    if row is None:
        session.add(
            AthleteAccessRow(
                athlete_id=athlete_id, coach_id=coach_id, status=status, created_at=now
            )
        )
    else:
        row.status = status
    session.flush()


def coaches_of(session: Session, athlete_id: int) -> list[tuple[str, str, str]]:
    """Each coach linked to the athlete: public id, email and the link's status."""
    rows = session.execute(
        select(UserRow.name, UserRow.email, AthleteAccessRow.status)
        .join(AthleteAccessRow, AthleteAccessRow.coach_id == UserRow.id)
        .where(AthleteAccessRow.athlete_id == athlete_id)
        .order_by(AthleteAccessRow.id)
    )
    return [(name, email or "", status) for name, email, status in rows]


def coached_athletes(session: Session, coach_id: int) -> list[AthleteKey]:
    """The athletes who accepted the coach, by their owners' names and handles."""
    rows = session.execute(
        select(
            AthleteRow.id, AthleteRow.owner_id, UserRow.name, AthleteRow.handle,
            AthleteRow.public_id,
        )
        .join(AthleteAccessRow, AthleteAccessRow.athlete_id == AthleteRow.id)
        .join(UserRow, UserRow.id == AthleteRow.owner_id)
        .where(AthleteAccessRow.coach_id == coach_id, AthleteAccessRow.status == ACCEPTED)
        .order_by(AthleteRow.name, AthleteRow.id)
    )  # fmt: skip
    return [AthleteKey(i, o, name, handle, p or "") for i, o, name, handle, p in rows]


def revisions(session: Session, athlete_ids: list[int]) -> dict[int, int]:
    """Each athlete's revision (0008: raised whenever its data changes), by row id."""
    if not athlete_ids:
        return {}
    rows = session.execute(
        select(AthleteRow.id, AthleteRow.revision).where(AthleteRow.id.in_(athlete_ids))
    )
    return {int(row[0]): int(row[1]) for row in rows}


def add_invitation(
    session: Session, coach_id: int, token_hash: str, now: dt.datetime, expires: dt.datetime
) -> None:
    session.add(
        CoachInvitationRow(
            coach_id=coach_id, token_hash=token_hash, created_at=now, expires_at=expires
        )
    )


def open_invitation(session: Session, token_hash: str, now: dt.datetime) -> int | None:
    """The coach's user id of an invitation not used and not expired, the row locked."""
    row = session.scalar(
        select(CoachInvitationRow)
        .where(CoachInvitationRow.token_hash == token_hash, CoachInvitationRow.used_at.is_(None))
        .with_for_update()
    )
    if row is None or _aware(row.expires_at) <= now:
        return None
    return row.coach_id


def use_invitation(session: Session, token_hash: str, now: dt.datetime) -> None:
    session.execute(
        update(CoachInvitationRow)
        .where(CoachInvitationRow.token_hash == token_hash)
        .values(used_at=now)
    )


def put_pin(
    session: Session, athlete_id: int, coach_id: int, pin: Pin, note: str | None, now: dt.datetime
) -> int:
    """Store the pin, in place of one on the same exercise; its id."""
    session.execute(
        delete(SessionPinRow).where(
            SessionPinRow.athlete_id == athlete_id, SessionPinRow.exercise_id == pin.exercise_id
        )
    )
    row = SessionPinRow(
        athlete_id=athlete_id, coach_id=coach_id, exercise_id=pin.exercise_id, slug=pin.slug,
        sets=pin.sets, reps=pin.reps, seconds=pin.seconds, contacts=pin.contacts, rir=pin.rir,
        note=note, created_at=now,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row.id


def pin_rows(session: Session, athlete_id: int) -> list[tuple[SessionPinRow, str]]:
    """The athlete's pins, oldest first, each with its coach's email."""
    rows = session.execute(
        select(SessionPinRow, UserRow.email)
        .join(UserRow, UserRow.id == SessionPinRow.coach_id)
        .where(SessionPinRow.athlete_id == athlete_id)
        .order_by(SessionPinRow.id)
    )
    return [(row, email or "") for row, email in rows]


def delete_pin(session: Session, athlete_id: int, pin_id: int) -> bool:
    result = session.execute(
        delete(SessionPinRow).where(
            SessionPinRow.athlete_id == athlete_id, SessionPinRow.id == pin_id
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
