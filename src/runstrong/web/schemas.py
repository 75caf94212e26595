"""The API's bodies as msgspec structs: what the OpenAPI document describes and what requests
are checked against before a service sees them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from runstrong.account_service import EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS
from runstrong.second_factor_service import CODE_MAX_CHARS

Email = Annotated[str, Meta(max_length=EMAIL_MAX_CHARS)]
Password = Annotated[str, Meta(max_length=PASSWORD_MAX_CHARS)]
Count = Annotated[int, Meta(ge=0, le=10_000)]
Kilograms = Annotated[float, Meta(ge=0, le=1_000)]
Rir = Annotated[int, Meta(ge=0, le=10)]
Text = Annotated[str, Meta(max_length=2_000)]
MAX_SETS_PER_LOG = 200


class Credentials(Struct, forbid_unknown_fields=True):
    email: Email
    password: Password
    # The code of the account's second factor (an authenticator app's), if it has one.
    code: Annotated[str, Meta(max_length=CODE_MAX_CHARS)] | None = None


class UserCreated(Struct):
    id: str


class TokenIssued(Struct):
    token: str


class FieldError(Struct):
    field: str
    message: str


class Errors(Struct):
    errors: list[FieldError]


class AthleteOut(Struct):
    """An athlete as the API shows it: `id` is opaque and random (the command line's handles
    stay its own); `coached`: the account is its coach, not its owner."""

    id: str
    name: str
    coached: bool
    units: str
    profile_version: int
    plan_version: str
    plan_start: dt.date
    plan_end: dt.date
    sessions_logged: int
    sets_logged: int
    last_logged: dt.date | None


class AthleteList(Struct):
    items: list[AthleteOut]


class SetIn(Struct, forbid_unknown_fields=True):
    """One set as done: reps with kg and RIR, or seconds, or contacts; kg in kilograms (each
    dumbbell's weight for a lift held in each hand)."""

    slug: Annotated[str, Meta(min_length=1, max_length=100)]
    reps: Count | None = None
    seconds: Count | None = None
    contacts: Count | None = None
    kg: Kilograms | None = None
    rir: Rir | None = None
    side: Literal["left", "right", "both"] = "both"


class LogIn(Struct, forbid_unknown_fields=True):
    """A day's log: the sets done, or that the session was skipped or moved."""

    date: dt.date
    sets: Annotated[list[SetIn], Meta(max_length=MAX_SETS_PER_LOG)] = msgspec.field(
        default_factory=list
    )
    status: Literal["done", "skipped", "moved"] = "done"
    moved_to: dt.date | None = None
    rpe: Annotated[int, Meta(ge=0, le=10)] | None = None
    minutes: Annotated[int, Meta(ge=0, le=600)] | None = None
    note: Text | None = None
    reason: Text | None = None
    replace: bool = False


class LogOut(Struct):
    date: dt.date
    session_id: str
    status: str
    sets: int


# -- accounts -----------------------------------------------------------------------------

SecretToken = Annotated[str, Meta(min_length=1, max_length=200)]


class SignUp(Struct, forbid_unknown_fields=True):
    email: Email
    password: Password
    role: Literal["athlete", "coach"] = "athlete"


class Me(Struct):
    id: str
    email: str
    role: str


class PasswordChange(Struct, forbid_unknown_fields=True):
    old_password: Password
    new_password: Password


class PasswordConfirm(Struct, forbid_unknown_fields=True):
    password: Password


class UserOut(Struct):
    id: str
    email: str
    role: str
    created_at: dt.datetime


class UserList(Struct):
    items: list[UserOut]


class RoleIn(Struct, forbid_unknown_fields=True):
    role: Literal["athlete", "coach", "admin"]


class SecretIssued(Struct):
    """A one-time secret (an invitation or a password-reset link's) and until when it works."""

    token: str
    expires_at: dt.datetime


class PasswordReset(Struct, forbid_unknown_fields=True):
    token: SecretToken
    password: Password


# -- coaching -----------------------------------------------------------------------------


class InvitationIn(Struct, forbid_unknown_fields=True):
    token: SecretToken


class CoachOut(Struct):
    id: str
    email: str
    status: str


class CoachList(Struct):
    items: list[CoachOut]


class CoachStatusIn(Struct, forbid_unknown_fields=True):
    status: Literal["accepted", "left"]


Small = Annotated[int, Meta(ge=0, le=1_000)]


class PinIn(Struct, forbid_unknown_fields=True):
    """A coach's edit of one exercise of a planned session (its id in the plan JSON): another
    exercise (`slug`) and/or numbers of its dose."""

    exercise_id: Annotated[str, Meta(min_length=1, max_length=300)]
    slug: Annotated[str, Meta(min_length=1, max_length=100)] | None = None
    sets: Small | None = None
    reps: Small | None = None
    seconds: Small | None = None
    contacts: Small | None = None
    rir: Small | None = None
    note: Text | None = None


class PinOut(Struct):
    id: int
    exercise_id: str
    slug: str | None
    sets: int | None
    reps: int | None
    seconds: int | None
    contacts: int | None
    rir: int | None
    note: str | None
    coach: str


class PinList(Struct):
    items: list[PinOut]


class FlagOut(Struct):
    kind: str
    params: dict[str, str | int | float]


class CoachedWeek(Struct):
    id: str
    name: str
    week_start: dt.date
    planned: int
    due: int
    done: int
    skipped: int
    missed: list[dt.date]
    flags: list[FlagOut]


class Dashboard(Struct):
    items: list[CoachedWeek]
