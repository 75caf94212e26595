"""Who may do what to an athlete, in one place: the web app asks here for every route on an
athlete, by the athlete's public id.

An account sees the athletes it owns and, while its role is coach, those who accepted it as their
coach; any other athlete,
one whose link is pending or was left included, is unknown (UnknownAthleteError: a 404, never a
403, so nothing tells that it exists). Of an athlete it sees, an account may take the actions of
its relation (OWNER_MAY, COACH_MAY); another is a ForbiddenError (403). An administrator is no
exception: it manages users, not training data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from runstrong.account_service import Account, Role
from runstrong.domain.errors import RunstrongError, UnknownAthleteError
from runstrong.domain.training_log import AthleteSummary
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.storage.access_reads import UserAthlete
    from runstrong.storage.token_reads import TokenAccount


class Action(StrEnum):
    READ = "read"  # the athlete, plan, today, history, exports, pins
    EDIT = "edit"  # a new profile version (PUT)
    LOG = "log"  # a day's log
    REMOVE = "remove"  # the athlete and all its data
    COACHES = "coaches"  # accept or leave coaches
    PIN = "pin"  # pin an edit to a session, or remove one
    FEED = "feed"  # make, see or revoke the athlete's secret calendar URL


OWNER_MAY = frozenset(
    {Action.READ, Action.EDIT, Action.LOG, Action.REMOVE, Action.COACHES, Action.FEED}
)
COACH_MAY = frozenset({Action.READ, Action.EDIT, Action.PIN})


class ForbiddenError(RunstrongError):
    """An action the account may not take on an athlete it can see (a coach's log POST)."""

    def __init__(self, action: str) -> None:
        self.action = action
        super().__init__(f"your role may not {action} here")


@dataclass(frozen=True, slots=True)
class AthleteRef:
    """An athlete the account may act on: its public id, its owner's public name and handle
    (what the services take), whether the account is its coach, and the rows' ids."""

    public_id: str
    owner: str
    handle: str
    as_coach: bool
    athlete_row: int
    account_row: int
    revision: int  # the athlete's data's revision when asked (storage: 0008_athlete_revision)

    def settings(self, base: Settings) -> Settings:
        """The services' Settings for this athlete: its owner's (the coach works on them)."""
        return replace(base, owner=self.owner)


@dataclass(frozen=True, slots=True)
class Visible:
    """An athlete in an account's list: its public id, summary, and whether as its coach."""

    public_id: str
    summary: AthleteSummary
    as_coach: bool


def athlete_for(account: Account, public_id: str, action: Action, settings: Settings) -> AthleteRef:
    """The athlete of `public_id` if the account may see it (else UnknownAthleteError) and
    take `action` on it (else ForbiddenError). One indexed query (storage.access_reads)."""
    from runstrong.storage.access_reads import user_athlete
    from runstrong.storage.database import engine_for

    found = user_athlete(engine_for(settings), account.id, public_id)
    return _allowed(account, found, public_id, action)


def athlete_of_token(
    token: str, public_id: str, action: Action, settings: Settings
) -> tuple[Account, AthleteRef] | None:
    """The account of a bearer token and the athlete of `public_id`, as athlete_for decides
    (UnknownAthleteError, ForbiddenError), in one indexed query for both: what every request
    of the API on an athlete asks first. None: the token is unknown, revoked or expired."""
    from runstrong.account_service import token_digest
    from runstrong.storage.access_reads import token_athlete
    from runstrong.storage.database import engine_for

    found = token_athlete(engine_for(settings), token_digest(token), public_id)
    return _of_token(found, public_id, action, settings)


async def athlete_of_token_async(
    token: str, public_id: str, action: Action, settings: Settings
) -> tuple[Account, AthleteRef] | None:
    """athlete_of_token for an event loop: on PostgreSQL the loop serves other requests while
    the database answers (storage.fast_reads.first_row_async)."""
    from runstrong.account_service import token_digest
    from runstrong.storage.access_reads import token_athlete_async
    from runstrong.storage.database import engine_for

    found = await token_athlete_async(engine_for(settings), token_digest(token), public_id)
    return _of_token(found, public_id, action, settings)


def _of_token(
    found: tuple[TokenAccount, UserAthlete] | None,
    public_id: str,
    action: Action,
    settings: Settings,
) -> tuple[Account, AthleteRef] | None:
    """What a token's row allows (athlete_of_token): None for a token that no longer works."""
    from runstrong.account_service import live_account

    account = None if found is None else live_account(found[0], settings)
    if found is None or account is None:
        return None
    return account, _allowed(account, found[1], public_id, action)


def _allowed(
    account: Account, found: UserAthlete | None, public_id: str, action: Action
) -> AthleteRef:
    from runstrong.storage.coaching import ACCEPTED

    key = None if found is None else found.athlete
    if found is None or key is None:
        raise UnknownAthleteError(public_id, ())
    owns = key.owner_id == found.user_id
    coaches = account.role is Role.COACH  # a coach made an athlete again sees no one's
    if not owns and not (coaches and found.link == ACCEPTED):
        raise UnknownAthleteError(public_id, ())
    if action not in (OWNER_MAY if owns else COACH_MAY):
        raise ForbiddenError(str(action))
    return AthleteRef(
        key.public_id, key.owner, key.handle, not owns, key.id, found.user_id, found.revision
    )


def visible_athletes(account: Account, settings: Settings) -> list[Visible]:
    """The account's own athletes, then (a coach's) those who accepted it as their coach."""
    from runstrong.storage import coaching
    from runstrong.storage.database import transaction
    from runstrong.storage.repository import Repository

    with transaction(settings, readonly=True) as session:
        mine = Repository(session, account.id)
        ids = mine.public_ids()
        found = [Visible(ids[s.athlete.handle], s, False) for s in mine.summaries()]
        me = coaching.user_id(session, account.id)
        if me is not None and account.role is Role.COACH:
            for key in coaching.coached_athletes(session, me):
                summary = Repository(session, key.owner).summaries(key.handle)[0]
                found.append(Visible(key.public_id, summary, True))
    return found


def require_role(account: Account, *roles: Role) -> None:
    """A ForbiddenError unless the account has one of `roles` (an invitation is a coach's)."""
    if account.role not in roles:
        raise ForbiddenError(f"do this as {account.role}")
