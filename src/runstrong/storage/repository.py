"""Repositories: domain objects in, domain objects out; the rows stay in here.

Every method works inside the caller's session (one transaction per user action,
storage.database.transaction) and sees only the athletes of its owner.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Collection, Iterator
from contextlib import contextmanager

from sqlalchemy import ColumnElement, delete, func, insert, select
from sqlalchemy.orm import Session

from runstrong.domain.checkins import CheckIn
from runstrong.domain.errors import UnknownAthleteError
from runstrong.domain.exercise import NiggleSite, Severity
from runstrong.domain.pins import Pin
from runstrong.domain.training_log import (
    AthleteRecord,
    AthleteSummary,
    LoggedSet,
    LogStatus,
    PlanRecord,
    ProfileText,
    SessionLog,
    SetLog,
    Side,
    Units,
)
from runstrong.settings import Settings
from runstrong.storage.database import transaction
from runstrong.storage.models import (
    LOCAL_USER,
    AthleteRow,
    NiggleCheckInRow,
    PlanVersionRow,
    ProfileVersionRow,
    SessionLogRow,
    SessionPinRow,
    SetLogRow,
    UserRow,
)


@contextmanager
def repository(settings: Settings, *, readonly: bool = False) -> Iterator[Repository]:
    """The repository of the settings' owner (else the local user) in one transaction
    (storage.database.transaction): an unknown handle is an UnknownAthleteError naming the
    handles there are."""
    with transaction(settings, readonly=readonly) as session:
        repo = Repository(session, settings.owner or LOCAL_USER)
        try:
            yield repo
        except UnknownHandleError as err:
            raise UnknownAthleteError(err.handle, tuple(repo.handles())) from None


class UnknownHandleError(LookupError):
    def __init__(self, handle: str) -> None:
        self.handle = handle
        super().__init__(handle)


class Repository:
    """The athletes of one owner (the command line's local user by default), their profile and
    plan versions and their log."""

    def __init__(self, session: Session, owner: str = LOCAL_USER) -> None:
        self.session = session
        self._owner_name = owner
        self._owner: int | None = None
        self._ids: dict[str, int] = {}

    @property
    def owner_id(self) -> int:
        if self._owner is None:
            found = self.session.scalar(select(UserRow.id).where(UserRow.name == self._owner_name))
            if found is None:
                raise LookupError(f"no user {self._owner_name}")
            self._owner = found
        return self._owner

    def athlete_row_id(self, handle: str) -> int:
        """The athlete's row id (the key of rows other modules keep for it)."""
        return self._id(handle)

    def _id(self, handle: str) -> int:
        if handle not in self._ids:
            found = self.session.scalar(
                select(AthleteRow.id).where(
                    AthleteRow.owner_id == self.owner_id, AthleteRow.handle == handle
                )
            )
            if found is None:
                raise UnknownHandleError(handle)
            self._ids[handle] = found
        return self._ids[handle]

    def _locked(self, handle: str) -> int:
        """The athlete's id, its row locked until the transaction ends (PostgreSQL: SELECT ...
        FOR UPDATE), so that two writers of one athlete's versions or days take turns, as SQLite's
        BEGIN IMMEDIATE makes every writer do."""
        athlete_id = self._id(handle)
        self.session.execute(
            select(AthleteRow.id).where(AthleteRow.id == athlete_id).with_for_update()
        )
        return athlete_id

    def lock(self, handle: str) -> None:
        """Hold the athlete's row until the transaction ends (as its writers do): a re-plan
        that checks which profile version is newest keeps it so until it stores its plan."""
        self._locked(handle)

    # -- athletes ---------------------------------------------------------------------------

    def handles(self) -> list[str]:
        return list(
            self.session.scalars(
                select(AthleteRow.handle)
                .where(AthleteRow.owner_id == self.owner_id)
                .order_by(AthleteRow.handle)
            )
        )

    def add_athlete(self, athlete: AthleteRecord, now: dt.datetime) -> None:
        row = AthleteRow(
            owner_id=self.owner_id,
            handle=athlete.handle,
            name=athlete.name,
            units=str(athlete.units),
            created_at=now,
            public_id=new_public_id(),
        )
        self.session.add(row)
        self.session.flush()
        self._ids[athlete.handle] = row.id

    def public_ids(self) -> dict[str, str]:
        """Each athlete's public id (the API's), by handle."""
        rows = self.session.execute(
            select(AthleteRow.handle, AthleteRow.public_id).where(
                AthleteRow.owner_id == self.owner_id
            )
        )
        return {handle: public_id or "" for handle, public_id in rows}

    def pins(self, handle: str) -> list[Pin]:
        """The coaches' pinned edits to the athlete's sessions (domain.pins), oldest first."""
        rows = self.session.scalars(
            select(SessionPinRow)
            .where(SessionPinRow.athlete_id == self._id(handle))
            .order_by(SessionPinRow.id)
        )
        return [pin_of(row) for row in rows]

    def athlete(self, handle: str) -> AthleteRecord:
        row = self.session.get_one(AthleteRow, self._id(handle))
        return AthleteRecord(row.handle, row.name, Units(row.units))

    def set_units(self, handle: str, units: Units) -> None:
        row = self.session.get(AthleteRow, self._locked(handle))
        assert row is not None
        row.units = str(units)

    def remove_athlete(self, handle: str) -> None:
        self.session.execute(delete(AthleteRow).where(AthleteRow.id == self._id(handle)))
        self._ids.pop(handle, None)

    def summaries(self, handle: str | None = None) -> list[AthleteSummary]:
        ids = [self._id(handle)] if handle is not None else [self._id(h) for h in self.handles()]
        return [self._summary(i) for i in ids]

    def _summary(self, athlete_id: int) -> AthleteSummary:
        row = self.session.get_one(AthleteRow, athlete_id)
        plan = self._latest_plan(athlete_id)
        sessions, last = self.session.execute(
            select(func.count(SessionLogRow.id), func.max(SessionLogRow.date)).where(
                SessionLogRow.athlete_id == athlete_id
            )
        ).one()
        sets = self.session.scalar(
            select(func.count(SetLogRow.id))
            .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
            .where(SessionLogRow.athlete_id == athlete_id)
        )
        return AthleteSummary(
            athlete=AthleteRecord(row.handle, row.name, Units(row.units)),
            profile_version=plan.profile_version,
            plan_version=plan.version,
            plan_start=plan.start,
            plan_end=plan.end,
            sessions_logged=int(sessions),
            sets_logged=int(sets or 0),
            last_logged=last,
        )

    # -- profile and plan versions ----------------------------------------------------------

    def add_profile(self, handle: str, fmt: str, content: str, now: dt.datetime) -> int:
        """Store a new profile version (numbered from 1) and return its number."""
        athlete_id = self._locked(handle)
        last = self.session.scalar(
            select(func.max(ProfileVersionRow.version)).where(
                ProfileVersionRow.athlete_id == athlete_id
            )
        )
        version = (last or 0) + 1
        self.session.add(
            ProfileVersionRow(
                athlete_id=athlete_id, version=version, format=fmt, content=content,
                created_at=now,
            )
        )  # fmt: skip
        return version

    def profile(self, handle: str, version: int | None = None) -> ProfileText:
        """A profile version (the newest without `version`)."""
        query = select(ProfileVersionRow).where(ProfileVersionRow.athlete_id == self._id(handle))
        if version is not None:
            query = query.where(ProfileVersionRow.version == version)
        row = self.session.scalars(query.order_by(ProfileVersionRow.version.desc())).first()
        if row is None:
            raise LookupError(f"no profile version for {handle}")
        return ProfileText(row.version, row.format, row.content)

    def profiles(self, handle: str) -> list[ProfileText]:
        """Every profile version, oldest first (an export of one's data)."""
        rows = self.session.scalars(
            select(ProfileVersionRow)
            .where(ProfileVersionRow.athlete_id == self._id(handle))
            .order_by(ProfileVersionRow.version)
        )
        return [ProfileText(row.version, row.format, row.content) for row in rows]

    def plans(self, handle: str) -> list[PlanRecord]:
        """Every plan version, oldest first (an export of one's data)."""
        rows = self.session.execute(
            select(PlanVersionRow, ProfileVersionRow.version)
            .join(ProfileVersionRow, PlanVersionRow.profile_version_id == ProfileVersionRow.id)
            .where(PlanVersionRow.athlete_id == self._id(handle))
            .order_by(PlanVersionRow.id)
        )
        return [
            PlanRecord(row.version, row.start, row.end, row.plan_json, profile_version)
            for row, profile_version in rows
        ]

    def add_plan(self, handle: str, plan: PlanRecord, now: dt.datetime) -> None:
        athlete_id = self._id(handle)
        profile_id = self.session.scalar(
            select(ProfileVersionRow.id).where(
                ProfileVersionRow.athlete_id == athlete_id,
                ProfileVersionRow.version == plan.profile_version,
            )
        )
        self.session.add(
            PlanVersionRow(
                athlete_id=athlete_id,
                profile_version_id=profile_id,
                version=plan.version,
                start=plan.start,
                end=plan.end,
                plan_json=plan.plan_json,
                created_at=now,
            )
        )

    def latest_plan(self, handle: str) -> PlanRecord:
        return self._latest_plan(self._id(handle))

    def _latest_plan(self, athlete_id: int) -> PlanRecord:
        found = self._newest_plan(athlete_id)
        if found is None:
            raise LookupError("no plan")
        return found

    def previous_plan(self, handle: str) -> PlanRecord | None:
        """The plan version stored before the newest one (None: there is only one): what a
        re-plan changed is the newest against it."""
        return self._newest_plan(self._id(handle), skip=1)

    def plan_covering(self, handle: str, day: dt.date) -> PlanRecord | None:
        """The newest plan version whose dates include `day`."""
        return self._newest_plan(
            self._id(handle), PlanVersionRow.start <= day, PlanVersionRow.end >= day
        )

    def plan_version_covering(self, handle: str, day: dt.date) -> tuple[str, int] | None:
        """The version and row id of the newest plan version whose dates include `day`,
        without its JSON (plan_json_of reads that when it is needed)."""
        found = self.session.execute(
            select(PlanVersionRow.version, PlanVersionRow.id)
            .where(
                PlanVersionRow.athlete_id == self._id(handle),
                PlanVersionRow.start <= day,
                PlanVersionRow.end >= day,
            )
            .order_by(PlanVersionRow.id.desc())
            .limit(1)
        ).first()
        return None if found is None else (found[0], found[1])

    def plan_json_of(self, row_id: int) -> str:
        found = self.session.scalar(
            select(PlanVersionRow.plan_json).where(PlanVersionRow.id == row_id)
        )
        assert found is not None  # a row id read in this transaction
        return found

    def plan_spans(self, handle: str) -> list[tuple[str, dt.date, dt.date]]:
        """Each plan version's id and dates, newest first, without its JSON: which plan covers
        each of many days, in one query."""
        rows = self.session.execute(
            select(PlanVersionRow.version, PlanVersionRow.start, PlanVersionRow.end)
            .where(PlanVersionRow.athlete_id == self._id(handle))
            .order_by(PlanVersionRow.id.desc())
        )
        return [(version, start, end) for version, start, end in rows]

    def _newest_plan(
        self, athlete_id: int, *where: ColumnElement[bool], skip: int = 0
    ) -> PlanRecord | None:
        found = self.session.execute(
            select(PlanVersionRow, ProfileVersionRow.version)
            .join(ProfileVersionRow, PlanVersionRow.profile_version_id == ProfileVersionRow.id)
            .where(PlanVersionRow.athlete_id == athlete_id, *where)
            .order_by(PlanVersionRow.id.desc())
            .offset(skip)
            .limit(1)
        ).first()
        if found is None:
            return None
        row, profile_version = found
        return PlanRecord(row.version, row.start, row.end, row.plan_json, profile_version)

    # -- the log ----------------------------------------------------------------------------

    def log_on(self, handle: str, day: dt.date) -> SessionLog | None:
        row = self.session.scalar(
            select(SessionLogRow).where(
                SessionLogRow.athlete_id == self._id(handle), SessionLogRow.date == day
            )
        )
        return None if row is None else self._log(row)

    def moved_to(self, handle: str, day: dt.date) -> SessionLog | None:
        """The log of a session moved to `day`, if one was."""
        row = self.session.scalars(
            select(SessionLogRow)
            .where(
                SessionLogRow.athlete_id == self._id(handle),
                SessionLogRow.moved_to == day,
                SessionLogRow.status == str(LogStatus.MOVED),
            )
            .order_by(SessionLogRow.date.desc())
        ).first()
        return None if row is None else self._log(row)

    def moves(self, handle: str, since: dt.date) -> list[SessionLog]:
        """The logs of sessions moved from or to a day on or after `since`."""
        rows = self.session.scalars(
            select(SessionLogRow)
            .where(
                SessionLogRow.athlete_id == self._id(handle),
                SessionLogRow.status == str(LogStatus.MOVED),
                (SessionLogRow.date >= since) | (SessionLogRow.moved_to >= since),
            )
            .order_by(SessionLogRow.date)
        )
        return [self._log(row) for row in rows]

    def skipped_since(self, handle: str, since: dt.date) -> bool:
        """Is a session logged skipped on or after `since`?"""
        found = self.session.scalar(
            select(SessionLogRow.date)
            .where(
                SessionLogRow.athlete_id == self._id(handle),
                SessionLogRow.status == str(LogStatus.SKIPPED),
                SessionLogRow.date >= since,
            )
            .limit(1)
        )
        return found is not None

    def logs(self, handle: str, first: dt.date, last: dt.date) -> list[SessionLog]:
        """Every day's log from `first` to `last` (inclusive), oldest first, with its sets."""
        rows = self.session.scalars(
            select(SessionLogRow)
            .where(
                SessionLogRow.athlete_id == self._id(handle),
                SessionLogRow.date >= first,
                SessionLogRow.date <= last,
            )
            .order_by(SessionLogRow.date)
        )
        return [self._log(row) for row in rows]

    def _log(self, row: SessionLogRow) -> SessionLog:
        sets = self.session.scalars(
            select(SetLogRow).where(SetLogRow.session_log_id == row.id).order_by(SetLogRow.position)
        )
        return self._log_of(row, tuple(_set(s) for s in sets))

    @staticmethod
    def _log_of(row: SessionLogRow, sets: tuple[SetLog, ...]) -> SessionLog:
        return SessionLog(
            date=row.date,
            session_id=row.session_id,
            status=LogStatus(row.status),
            sets=sets,
            moved_to=row.moved_to,
            rpe=row.rpe,
            minutes=row.minutes,
            note=row.note,
            reason=row.reason,
        )

    def put_log(self, handle: str, log: SessionLog, now: dt.datetime) -> None:
        """Store the day's log, in place of one already there: three statements, without the
        ORM's units of work (a log POST of 12 sets is the API's most frequent write)."""
        athlete_id = self._locked(handle)
        self.delete_log(handle, log.date)
        log_id = self.session.execute(
            insert(SessionLogRow)
            .values(
                athlete_id=athlete_id, date=log.date, session_id=log.session_id,
                status=str(log.status), moved_to=log.moved_to, rpe=log.rpe,
                minutes=log.minutes, note=log.note, reason=log.reason, logged_at=now,
            )
            .returning(SessionLogRow.id)
        ).scalar_one()  # fmt: skip
        if log.sets:
            self.session.execute(
                insert(SetLogRow),
                [
                    {
                        "session_log_id": log_id, "position": i, "slug": s.slug,
                        "side": str(s.side), "reps": s.reps, "kg": s.kg, "seconds": s.seconds,
                        "contacts": s.contacts, "rir": s.rir,
                    }
                    for i, s in enumerate(log.sets, 1)
                ],
            )  # fmt: skip

    def delete_log(self, handle: str, day: dt.date) -> bool:
        result = self.session.execute(
            delete(SessionLogRow).where(
                SessionLogRow.athlete_id == self._id(handle), SessionLogRow.date == day
            )
        )
        self.session.flush()
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # -- niggle check-ins -------------------------------------------------------------------

    def add_check_in(self, handle: str, c: CheckIn, now: dt.datetime) -> None:
        self.session.add(
            NiggleCheckInRow(
                athlete_id=self._locked(handle), date=c.date, site=str(c.site), pain=c.pain,
                severity_before=None if c.before is None else str(c.before),
                severity_after=None if c.after is None else str(c.after), created_at=now,
            )
        )  # fmt: skip

    def check_ins(self, handle: str, site: NiggleSite | None = None) -> list[CheckIn]:
        """The athlete's niggle check-ins (of one site, or all), oldest first."""
        query = select(NiggleCheckInRow).where(NiggleCheckInRow.athlete_id == self._id(handle))
        if site is not None:
            query = query.where(NiggleCheckInRow.site == str(site))
        rows = self.session.scalars(query.order_by(NiggleCheckInRow.date, NiggleCheckInRow.id))
        return [_check_in(row) for row in rows]

    def sets(
        self,
        handle: str,
        *,
        slug: str | None = None,
        first: dt.date | None = None,
        last: dt.date | None = None,
        slugs: Collection[str] | None = None,
    ) -> list[LoggedSet]:
        """Every logged set, oldest first (by day, then as done), of one exercise (`slug`),
        of some (`slugs`) or all."""
        query = (
            select(SessionLogRow.date, SessionLogRow.session_id, SetLogRow)
            .join(SetLogRow, SetLogRow.session_log_id == SessionLogRow.id)
            .where(SessionLogRow.athlete_id == self._id(handle))
            .order_by(SessionLogRow.date, SetLogRow.position)
        )
        if slug is not None:
            query = query.where(SetLogRow.slug == slug)
        if slugs is not None:
            query = query.where(SetLogRow.slug.in_(sorted(slugs)))
        if first is not None:
            query = query.where(SessionLogRow.date >= first)
        if last is not None:
            query = query.where(SessionLogRow.date <= last)
        return [LoggedSet(day, sid, _set(row)) for day, sid, row in self.session.execute(query)]

    def put_logs(self, handle: str, logs: list[SessionLog], now: dt.datetime) -> None:
        """Store many days' logs at once (an import), in place of those there: a bulk insert of
        the days and one of their sets, not a flush a day."""
        athlete_id = self._locked(handle)
        days = [log.date for log in logs]
        for i in range(0, len(days), _DAYS_A_STATEMENT):
            self.session.execute(
                delete(SessionLogRow).where(
                    SessionLogRow.athlete_id == athlete_id,
                    SessionLogRow.date.in_(days[i : i + _DAYS_A_STATEMENT]),
                )
            )
        if not logs:
            return
        ids = self.session.scalars(
            insert(SessionLogRow).returning(SessionLogRow.id, sort_by_parameter_order=True),
            [
                {
                    "athlete_id": athlete_id, "date": log.date, "session_id": log.session_id,
                    "status": str(log.status), "moved_to": log.moved_to, "rpe": log.rpe,
                    "minutes": log.minutes, "note": log.note, "reason": log.reason,
                    "logged_at": now,
                }
                for log in logs
            ],
        ).all()  # fmt: skip
        sets = [
            {
                "session_log_id": log_id, "position": i, "slug": s.slug, "side": str(s.side),
                "reps": s.reps, "kg": s.kg, "seconds": s.seconds, "contacts": s.contacts,
                "rir": s.rir,
            }
            for log_id, log in zip(ids, logs, strict=True)
            for i, s in enumerate(log.sets, 1)
        ]  # fmt: skip
        if sets:
            self.session.execute(insert(SetLogRow), sets)

    def logs_between(self, handle: str, first: dt.date, last: dt.date) -> dict[dt.date, SessionLog]:
        """Every day's log from `first` to `last` (inclusive), with its sets: two queries, for
        an import that compares thousands of days."""
        rows = list(
            self.session.scalars(
                select(SessionLogRow).where(
                    SessionLogRow.athlete_id == self._id(handle),
                    SessionLogRow.date >= first,
                    SessionLogRow.date <= last,
                )
            )
        )
        sets: dict[int, list[SetLog]] = {row.id: [] for row in rows}
        if rows:
            for found in self.session.scalars(
                select(SetLogRow)
                .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
                .where(
                    SessionLogRow.athlete_id == self._id(handle),
                    SessionLogRow.date >= first,
                    SessionLogRow.date <= last,
                )
                .order_by(SetLogRow.session_log_id, SetLogRow.position)
            ):
                sets[found.session_log_id].append(_set(found))
        return {row.date: self._log_of(row, tuple(sets[row.id])) for row in rows}


PUBLIC_ID_BYTES = 12  # 96 random bits: not to be guessed


def new_public_id() -> str:
    return "a_" + secrets.token_urlsafe(PUBLIC_ID_BYTES)


def pin_of(row: SessionPinRow) -> Pin:
    return Pin(
        row.exercise_id, slug=row.slug, sets=row.sets, reps=row.reps, seconds=row.seconds,
        contacts=row.contacts, rir=row.rir,
    )  # fmt: skip


_DAYS_A_STATEMENT = 500  # dates in one IN (...): well within SQLite's and PostgreSQL's limits


def _check_in(row: NiggleCheckInRow) -> CheckIn:
    def severity(value: str | None) -> Severity | None:
        return None if value is None else Severity(value)

    return CheckIn(
        row.date, NiggleSite(row.site), row.pain, severity(row.severity_before),
        severity(row.severity_after),
    )  # fmt: skip


def _set(row: SetLogRow) -> SetLog:
    return SetLog(
        slug=row.slug, side=Side(row.side), reps=row.reps, kg=row.kg, seconds=row.seconds,
        contacts=row.contacts, rir=row.rir,
    )  # fmt: skip
