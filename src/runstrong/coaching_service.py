"""Use cases of coaching: a coach's invitation link, an athlete's account taking it for one of its
athletes (pending), accepting or leaving the coach, and a coach's pinned session edits.

An invitation is a secret (32 random bytes) of which only the SHA-256 is stored, used once, for
INVITATION_TTL_S. Taking it makes the link pending: the coach sees nothing until the athlete's
account accepts (access_service). A pin is applied by a re-plan from the newest profile, in the
transaction that stores it (athlete_service.replan); removing it re-plans again without it.
"""

from __future__ import annotations

import secrets
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from runstrong.access_service import AthleteRef
from runstrong.account_service import Account, token_digest
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, RunstrongError
from runstrong.domain.pins import Pin, PinError, find_slot, pinned_prescription
from runstrong.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from runstrong.services import PlanResult
    from runstrong.storage.repository import Repository

INVITATION_TTL_S = 7 * 24 * 3600  # an invitation link works for a week (our own choice)
INVITATION_PREFIX = "ri_"
INVITATION_BYTES = 32
STATUSES = ("pending", "accepted", "left")
WHERE = "request"


class UnknownItemError(RunstrongError):
    """No such coach of the athlete, or pin of it (404)."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"no such {what}")


@dataclass(frozen=True, slots=True)
class Invitation:
    token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class CoachLink:
    """A coach of an athlete: the coach's public id and email, and the link's status."""

    coach_id: str
    email: str
    status: str


@dataclass(frozen=True, slots=True)
class StoredPin:
    id: int
    pin: Pin
    note: str | None
    coach_email: str


def invite(account: Account, settings: Settings) -> Invitation:
    """A new invitation link's secret for the coach (a coach account: access_service checks)."""
    from runstrong.storage import coaching

    token = INVITATION_PREFIX + secrets.token_urlsafe(INVITATION_BYTES)
    expires = settings.timestamp + timedelta(seconds=INVITATION_TTL_S)
    with _transaction(settings) as session:
        me = coaching.user_id(session, account.id)
        assert me is not None
        coaching.add_invitation(session, me, token_digest(token), settings.timestamp, expires)
    return Invitation(token, expires)


def take_invitation(ref: AthleteRef, token: str, settings: Settings) -> CoachLink:
    """The invitation, taken for the athlete: its link to the coach made pending (one that was
    left, pending again). An unknown, used or expired secret, or the athlete's own account's:
    an InputError on `token`, the same words for each."""
    from runstrong.storage import coaching

    digest = token_digest(token)
    with _transaction(settings) as session:
        coach = coaching.open_invitation(session, digest, settings.timestamp)
        if coach is None or coach == ref.account_row:
            raise InputError(WHERE, "token", "is not an invitation that can be taken")
        status = coaching.link_status(session, ref.athlete_row, coach)
        if status == coaching.ACCEPTED:
            raise InputError(WHERE, "token", "this coach coaches the athlete already")
        coaching.use_invitation(session, digest, settings.timestamp)
        coaching.set_link(session, ref.athlete_row, coach, coaching.PENDING, settings.timestamp)
        return _link(session, ref, coach)


def coaches(ref: AthleteRef, settings: Settings) -> list[CoachLink]:
    from runstrong.storage import coaching

    with _transaction(settings, readonly=True) as session:
        return [CoachLink(*found) for found in coaching.coaches_of(session, ref.athlete_row)]


def set_coach_status(ref: AthleteRef, coach_id: str, status: str, settings: Settings) -> CoachLink:
    """Accept a pending coach, or leave one (pending or accepted). A coach left takes a new
    invitation to come back; a coach not linked to the athlete is unknown."""
    from runstrong.storage import coaching

    if status not in (coaching.ACCEPTED, coaching.LEFT):
        raise InputError(WHERE, "status", "should be accepted or left")
    with _transaction(settings) as session:
        coach = coaching.user_id(session, coach_id)
        now = None if coach is None else coaching.link_status(session, ref.athlete_row, coach)
        if coach is None or now is None:
            raise UnknownItemError("coach")
        if now == coaching.LEFT and status == coaching.ACCEPTED:
            raise InputError(WHERE, "status", "a coach left needs a new invitation")
        coaching.set_link(session, ref.athlete_row, coach, status, settings.timestamp)
        return _link(session, ref, coach)


def _link(session: Session, ref: AthleteRef, coach: int) -> CoachLink:
    from runstrong.storage import coaching
    from runstrong.storage.models import UserRow

    user = session.get_one(UserRow, coach)
    return CoachLink(
        user.name, user.email or "", coaching.link_status(session, ref.athlete_row, coach) or ""
    )


def pins(ref: AthleteRef, settings: Settings) -> list[StoredPin]:
    from runstrong.storage import coaching
    from runstrong.storage.repository import pin_of

    with _transaction(settings, readonly=True) as session:
        return [
            StoredPin(row.id, pin_of(row), row.note, email)
            for row, email in coaching.pin_rows(session, ref.athlete_row)
        ]


def add_pin(
    ref: AthleteRef, pin: Pin, note: str | None, library: ExerciseLibrary, settings: Settings
) -> StoredPin:
    """Pin the edit (in place of a pin on the same exercise) and re-plan with it. The exercise
    must be in the plan made now (a session from this week on), and the edit must fit it."""
    from runstrong.athlete_service import replan
    from runstrong.storage import coaching

    stored: list[int] = []

    def store(repo: Repository, made: PlanResult) -> None:
        found = find_slot(made.plan, pin.exercise_id)
        if found is None:
            raise InputError(WHERE, "exercise_id", "no exercise of the plan from this week has it")
        try:
            pinned_prescription(found[1], pin, library)
        except PinError as err:
            raise InputError(WHERE, err.field, err.message) from None
        stored.append(
            coaching.put_pin(
                repo.session, ref.athlete_row, ref.account_row, pin, note, settings.timestamp
            )
        )

    replan(ref.handle, library, ref.settings(settings), also=store)
    return next(p for p in pins(ref, settings) if p.id == stored[0])


def remove_pin(ref: AthleteRef, pin_id: int, library: ExerciseLibrary, settings: Settings) -> None:
    """Remove the pin and re-plan without it; a pin the athlete does not have is unknown."""
    from runstrong.athlete_service import replan
    from runstrong.storage import coaching

    def remove(repo: Repository, _made: PlanResult) -> None:
        if not coaching.delete_pin(repo.session, ref.athlete_row, pin_id):
            raise UnknownItemError("pin")

    replan(ref.handle, library, ref.settings(settings), also=remove)


def _transaction(settings: Settings, *, readonly: bool = False) -> AbstractContextManager[Session]:
    from runstrong.storage.database import transaction

    return transaction(settings, readonly=readonly)
