"""Imported runs in the database: added, listed by time, their kind corrected. Works inside a
Repository's transaction (storage.repository), for its owner's athletes only."""

from __future__ import annotations

import datetime as dt

import orjson
from sqlalchemy import select, update

from runstrong.domain.activity import Activity, ActivitySource, Lap, RunKind, StoredRun
from runstrong.storage.models import RunRow
from runstrong.storage.repository import Repository


class RunsRepository:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.session = repo.session

    def runs(
        self,
        handle: str,
        first: dt.datetime | None = None,
        last: dt.datetime | None = None,
        *,
        limit: int | None = None,
    ) -> list[StoredRun]:
        """The athlete's runs starting from `first` to before `last`, oldest first (the first
        `limit` of them)."""
        query = select(RunRow).where(RunRow.athlete_id == self.repo._id(handle))
        if first is not None:
            query = query.where(RunRow.start >= first)
        if last is not None:
            query = query.where(RunRow.start < last)
        query = query.order_by(RunRow.start).limit(limit)
        return [_stored(row) for row in self.session.scalars(query)]

    def any_since(self, handle: str, since: dt.datetime) -> bool:
        """Is a run of the athlete's starting at or after `since` imported?"""
        found = self.session.scalar(
            select(RunRow.id)
            .where(RunRow.athlete_id == self.repo._id(handle), RunRow.start >= since)
            .limit(1)
        )
        return found is not None

    def add(self, handle: str, activity: Activity, now: dt.datetime) -> int:
        row = RunRow(
            athlete_id=self.repo._locked(handle),
            start=activity.start,
            seconds=activity.seconds,
            sport=activity.sport[:40],
            source=str(activity.source),
            source_name=activity.source_name,
            meters=activity.meters,
            avg_hr=activity.avg_hr,
            max_hr=activity.max_hr,
            avg_power_w=activity.avg_power_w,
            ascent_m=activity.ascent_m,
            laps_json=orjson.dumps([lap_data(x) for x in activity.laps]).decode(),
            name=activity.name,
            kind=None,
            imported_at=now,
            rpe=activity.rpe,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def set_kind(self, handle: str, run_id: int, kind: RunKind | None) -> bool:
        """Set a run's kind (None: back to the classification); False if it has no such run."""
        return self._set(handle, run_id, kind=None if kind is None else str(kind))

    def set_rpe(self, handle: str, run_id: int, rpe: int | None) -> bool:
        """Set a run's session RPE (None: none); False if it has no such run."""
        return self._set(handle, run_id, rpe=rpe)

    def _set(self, handle: str, run_id: int, **values: object) -> bool:
        result = self.session.execute(
            update(RunRow)
            .where(RunRow.athlete_id == self.repo._locked(handle), RunRow.id == run_id)
            .values(**values)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


def lap_data(lap: Lap) -> dict[str, float | None]:
    return {
        "seconds": lap.seconds, "meters": lap.meters, "avg_hr": lap.avg_hr,
        "avg_power_w": lap.avg_power_w, "ascent_m": lap.ascent_m,
    }  # fmt: skip


def _stored(row: RunRow) -> StoredRun:
    laps = tuple(
        Lap(x["seconds"], x["meters"], x["avg_hr"], x["avg_power_w"], x["ascent_m"])
        for x in orjson.loads(row.laps_json)
    )
    start = row.start if row.start.tzinfo else row.start.replace(tzinfo=dt.UTC)
    activity = Activity(
        start=start.astimezone(dt.UTC), seconds=row.seconds, sport=row.sport,
        source=ActivitySource(row.source), source_name=row.source_name, meters=row.meters,
        avg_hr=row.avg_hr, max_hr=row.max_hr, avg_power_w=row.avg_power_w,
        ascent_m=row.ascent_m, laps=laps, name=row.name, rpe=row.rpe,
    )  # fmt: skip
    return StoredRun(row.id, activity, None if row.kind is None else RunKind(row.kind))


def done_strength_sessions(
    repo: Repository, handle: str, first: dt.date, last: dt.date
) -> list[tuple[dt.date, str, int | None, int | None]]:
    """The strength sessions logged as done from `first` to `last`: day, session id, RPE,
    minutes."""
    from runstrong.storage.models import SessionLogRow

    rows = repo.session.execute(
        select(SessionLogRow.date, SessionLogRow.session_id, SessionLogRow.rpe,
               SessionLogRow.minutes)
        .where(
            SessionLogRow.athlete_id == repo._id(handle), SessionLogRow.status == "done",
            SessionLogRow.date >= first, SessionLogRow.date <= last,
        )
        .order_by(SessionLogRow.date)
    )  # fmt: skip
    return [(d, sid, rpe, minutes) for d, sid, rpe, minutes in rows]
