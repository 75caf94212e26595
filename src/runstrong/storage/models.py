"""The tables, as SQLAlchemy 2 typed rows. The initial migration creates the same schema (a test
compares them); change both together, through a new migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Constraint names fixed, so that later migrations can name what they change on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
HANDLE_LENGTH = 64
LOCAL_USER = "local"  # the one user of the command line; the web app adds accounts beside it


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


ROLES = ("athlete", "coach", "admin")
EMAIL_LENGTH = 320  # RFC 5321's longest address
TOKEN_HASH_LENGTH = 64  # a SHA-256 in hex
PUBLIC_ID_LENGTH = 32
SLOT_ID_LENGTH = 300  # an exercise's id in the plan: the session's id and its slot


class UserRow(Base):
    """Who owns athletes: the command line's local user (no email, no password), or a web
    account: `name` its opaque public id, an email, an argon2id hash and a role (0002)."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {ROLES}", name="role"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    email: Mapped[str | None] = mapped_column(String(EMAIL_LENGTH), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(8), server_default="athlete")
    # The second factor (0009): the nonce its TOTP secret is derived from with the server key,
    # when a code confirmed it (null: none, or being set up), the time step of the last code.
    totp_nonce: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)


class ApiTokenRow(Base):
    """A bearer token of the API: only its SHA-256 is kept; revoked tokens stay, marked."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # When the sign-in that made the token passed the second factor (0009); null: password only.
    second_factor_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """A failed log-in, by the email tried (lower case) and the client's address: the rate
    limit counts these in the database, so every worker sees the same count."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_LENGTH), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class AthleteAccessRow(Base):
    """A coach's link to an athlete (issue 16's coach role): invited, accepted or left. Only an
    accepted link lets the coach see the athlete."""

    __tablename__ = "athlete_access"
    __table_args__ = (
        UniqueConstraint("athlete_id", "coach_id"),
        CheckConstraint("status IN ('pending', 'accepted', 'left')", name="status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class CoachInvitationRow(Base):
    """A coach's invitation link (0005): the SHA-256 of its secret, until when it may be used,
    and when an athlete's account used it (once)."""

    __tablename__ = "coach_invitations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class PasswordResetRow(Base):
    """An administrator's password-reset link (0005): its SHA-256, expiry and use (once)."""

    __tablename__ = "password_resets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SessionPinRow(Base):
    """A coach's edit pinned to an exercise of a planned session (0005): the exercise swapped
    (`slug`) and/or its dose changed; applied to every re-plan until the coach removes it. One
    pin an exercise slot."""

    __tablename__ = "session_pins"
    __table_args__ = (UniqueConstraint("athlete_id", "exercise_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[str] = mapped_column(String(SLOT_ID_LENGTH))
    slug: Mapped[str | None] = mapped_column(String(100))
    sets: Mapped[int | None] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[int | None] = mapped_column(Integer)
    contacts: Mapped[int | None] = mapped_column(Integer)
    rir: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AthleteRow(Base):
    __tablename__ = "athletes"
    __table_args__ = (
        UniqueConstraint("owner_id", "handle"),
        CheckConstraint("units IN ('kg', 'lb')", name="units"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    handle: Mapped[str] = mapped_column(String(HANDLE_LENGTH))
    name: Mapped[str] = mapped_column(String(200))
    units: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # The API's opaque id of the athlete (0005): random, the same for whoever may see it. Every
    # athlete has one (the repository and the migration fill it); a column added to SQLite
    # cannot be made NOT NULL without copying the table, whose cascades would empty the log.
    public_id: Mapped[str | None] = mapped_column(String(PUBLIC_ID_LENGTH), unique=True, index=True)
    # Goes up whenever the athlete's data is written, by triggers in the database (0008): what
    # a web worker's kept answers are checked against (storage/access_reads.py).
    revision: Mapped[int] = mapped_column(Integer, server_default="0")


class ProfileVersionRow(Base):
    """A profile as given, its text and format, numbered from 1 for each athlete."""

    __tablename__ = "profile_versions"
    __table_args__ = (UniqueConstraint("athlete_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(8))  # the file's suffix: .toml or .json
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class PlanVersionRow(Base):
    """A plan as plan JSON (export.plan_json), with its content hash and the profile it was made
    from; the newest covering a date is the plan of that date."""

    __tablename__ = "plan_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), index=True
    )
    profile_version_id: Mapped[int] = mapped_column(
        ForeignKey("profile_versions.id", ondelete="CASCADE")
    )
    version: Mapped[str] = mapped_column(String(32))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    plan_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SessionLogRow(Base):
    """What happened on a day to the session planned for it: one log per athlete and day."""

    __tablename__ = "session_logs"
    __table_args__ = (
        UniqueConstraint("athlete_id", "date"),
        CheckConstraint("status IN ('done', 'skipped', 'moved')", name="status"),
        CheckConstraint("rpe IS NULL OR (rpe >= 0 AND rpe <= 10)", name="rpe"),
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    session_id: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(8))
    moved_to: Mapped[dt.date | None] = mapped_column(Date)
    rpe: Mapped[int | None] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    logged_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SetLogRow(Base):
    """One set of a day's log, in the order done; loads in kilograms."""

    __tablename__ = "set_logs"
    __table_args__ = (
        UniqueConstraint("session_log_id", "position"),
        CheckConstraint("side IN ('left', 'right', 'both')", name="side"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_log_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    slug: Mapped[str] = mapped_column(String(100), index=True)
    side: Mapped[str] = mapped_column(String(5))
    reps: Mapped[int | None] = mapped_column(Integer)
    kg: Mapped[float | None] = mapped_column(Float)
    seconds: Mapped[int | None] = mapped_column(Integer)
    contacts: Mapped[int | None] = mapped_column(Integer)
    rir: Mapped[int | None] = mapped_column(Integer)


class NiggleCheckInRow(Base):
    """A niggle check-in: the pain (0-10) at a site on a day and the severity before and after
    it (NULL: no niggle there), as domain.checkins decided."""

    __tablename__ = "niggle_checkins"
    __table_args__ = (CheckConstraint("pain >= 0 AND pain <= 10", name="pain"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    site: Mapped[str] = mapped_column(String(20))
    pain: Mapped[int] = mapped_column(Integer)
    severity_before: Mapped[str | None] = mapped_column(String(8))
    severity_after: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RunRow(Base):
    """An imported run, once however many devices and formats recorded it (its source names
    the one kept); `kind` is the athlete's correction of the classification, if any; `rpe` the
    session RPE from the source or the athlete."""

    __tablename__ = "runs"
    __table_args__ = (
        UniqueConstraint("athlete_id", "start"),
        CheckConstraint("seconds > 0", name="seconds"),
        CheckConstraint("rpe IS NULL OR (rpe >= 0 AND rpe <= 10)", name="rpe"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    start: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    seconds: Mapped[float] = mapped_column(Float)
    sport: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(8))
    source_name: Mapped[str] = mapped_column(Text)
    meters: Mapped[float | None] = mapped_column(Float)
    avg_hr: Mapped[float | None] = mapped_column(Float)
    max_hr: Mapped[float | None] = mapped_column(Float)
    avg_power_w: Mapped[float | None] = mapped_column(Float)
    ascent_m: Mapped[float | None] = mapped_column(Float)
    laps_json: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(10))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    rpe: Mapped[int | None] = mapped_column(Integer)  # session RPE, CR-10 (0-10)


class CalendarFeedRow(Base):
    """A secret calendar subscription of an athlete (/feeds/{token}.ics): only the token's
    SHA-256 is kept; a rotated or revoked token stays, marked (0006)."""

    __tablename__ = "calendar_feeds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


MADE_STATUSES = ("pending", "ready", "failed")


class MadeFileRow(Base):
    """A file made outside the request workers (runstrong.made_files): the PDF of a plan
    version, the calendar feed of a day and the athlete's revision; `key` names what it was made
    from."""

    __tablename__ = "made_files"
    __table_args__ = (
        UniqueConstraint("athlete_id", "kind", "key"),
        CheckConstraint(f"status IN {MADE_STATUSES}", name="status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(8))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    error: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
