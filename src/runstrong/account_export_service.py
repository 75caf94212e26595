"""Use case: everything an account holds, as one JSON document (a person's right to their data):
the account, each athlete it owns with every profile and plan version, its log (the log's JSON,
docs/formats.md, and each day's status, effort and notes), niggle check-ins, imported runs (as
recorded, with their laps, the type and RPE the athlete set), and its coaches.
Athletes it coaches are theirs, not its: they are not in it."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson

from runstrong.account_service import Account
from runstrong.domain.activity import StoredRun
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.training_log import HistoryRow, SessionLog
from runstrong.settings import Settings

EXPORT_SCHEMA_VERSION = 1
_ALL_DAYS = (date(1900, 1, 1), date(2199, 12, 31))


def export_account(account: Account, library: ExerciseLibrary, settings: Settings) -> bytes:
    from runstrong.export.log_export import log_json
    from runstrong.log_service import set_e1rm
    from runstrong.storage import coaching
    from runstrong.storage.database import transaction
    from runstrong.storage.repository import Repository
    from runstrong.storage.runs_repository import RunsRepository

    athletes: list[dict[str, Any]] = []
    with transaction(settings, readonly=True) as session:
        repo = Repository(session, account.id)
        runs = RunsRepository(repo)
        ids = repo.public_ids()
        for handle in repo.handles():
            record = repo.athlete(handle)
            sets = repo.sets(handle)
            rows = [HistoryRow(s, set_e1rm(s.set, library)) for s in sets]
            key = coaching.athlete_by_public_id(session, ids[handle])
            assert key is not None
            athletes.append(
                {
                    "id": ids[handle], "handle": handle, "name": record.name,
                    "units": str(record.units),
                    "profiles": [
                        {"version": p.version, "format": p.format, "content": p.content}
                        for p in repo.profiles(handle)
                    ],
                    "plans": [
                        {
                            "version": p.version, "profile_version": p.profile_version,
                            "start": p.start, "end": p.end, "plan": orjson.Fragment(p.plan_json),
                        }
                        for p in repo.plans(handle)
                    ],
                    "log": orjson.Fragment(log_json(handle, rows)),
                    "days": [_day(log) for log in repo.logs(handle, *_ALL_DAYS)],
                    "runs": [_run(run) for run in runs.runs(handle)],
                    "check_ins": [
                        {"date": c.date, "site": str(c.site), "pain": c.pain}
                        for c in repo.check_ins(handle)
                    ],
                    "coaches": [
                        {"id": name, "email": email, "status": status}
                        for name, email, status in coaching.coaches_of(session, key.id)
                    ],
                }
            )  # fmt: skip
    body = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "account": {"id": account.id, "email": account.email, "role": str(account.role)},
        "athletes": athletes,
    }
    return orjson.dumps(body, option=orjson.OPT_INDENT_2) + b"\n"


def _run(run: StoredRun) -> dict[str, Any]:
    from runstrong.storage.runs_repository import lap_data

    a = run.activity
    return {
        "id": run.id, "start": a.start, "seconds": a.seconds, "sport": a.sport,
        "source": str(a.source), "source_name": a.source_name, "name": a.name,
        "meters": a.meters, "avg_hr": a.avg_hr, "max_hr": a.max_hr,
        "avg_power_w": a.avg_power_w, "ascent_m": a.ascent_m, "rpe": a.rpe,
        "kind_set": None if run.kind_set is None else str(run.kind_set),
        "laps": [lap_data(lap) for lap in a.laps],
    }  # fmt: skip


def _day(log: SessionLog) -> dict[str, Any]:
    return {
        "date": log.date, "session_id": log.session_id, "status": str(log.status),
        "moved_to": log.moved_to, "rpe": log.rpe, "minutes": log.minutes, "note": log.note,
        "reason": log.reason, "sets": len(log.sets),
    }  # fmt: skip
