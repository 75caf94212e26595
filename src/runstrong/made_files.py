"""Files made outside the request workers: a plan version's PDF and an athlete's calendar feed.

A request worker claims the making of a file (a row in `made_files`, unique per athlete, kind
and key) and starts `python -m runstrong.make_file ID` as a process of its own, which loads the
engine and the renderers, makes the file and stores it (or the one error line) in the row. The
request workers never import the engine, the PDF renderer or the calendar writer for this, and a
file is made once per key, however many workers ask: the PDF per plan version, the calendar per
day and the athlete's revision (storage.feeds.feed_state: any change to its data raises it).

The calendar feed is the plan as lived (the log's missed sessions moved or dropped, as `runstrong
export ics --athlete` writes it), each time made against the feed made before: events keep their
UIDs, a changed one gets a higher SEQUENCE, and a session a re-plan removed is a cancelled event.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.storage.feeds import MadeFile

PDF, ICS = "pdf", "ics"
JOB_STALE_S = 300  # a file pending for longer than this: its maker died; the next ask restarts it


def ready_or_started(settings: Settings, athlete_id: int, kind: str, key: str) -> MadeFile | None:
    """The file of (athlete, kind, key) as it stands (ready, pending or failed); its making
    started (a process of its own) when nobody has started it. None: just started."""
    from runstrong.storage import feeds
    from runstrong.storage.database import transaction

    found = state(settings, athlete_id, kind, key)
    if found is not None and found.status != feeds.PENDING:
        return found
    now = settings.timestamp
    with transaction(settings) as session:
        made_id = feeds.claim(
            session, athlete_id, kind, key, now, now - timedelta(seconds=JOB_STALE_S)
        )
    if made_id is not None:
        start(made_id, settings)
    return found


def newest_plan(handle: str, settings: Settings) -> tuple[int, int]:
    """The athlete's row id and its newest plan version's (what its PDF is made from)."""
    from runstrong.storage import feeds
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        athlete_id = repo.athlete_row_id(handle)
        return athlete_id, feeds.newest_plan_id(repo.session, athlete_id)


def content(settings: Settings, made_id: int) -> bytes:
    from runstrong.storage import feeds
    from runstrong.storage.database import engine_for

    return feeds.content(engine_for(settings), made_id)


def state(settings: Settings, athlete_id: int, kind: str, key: str) -> MadeFile | None:
    from runstrong.storage import feeds
    from runstrong.storage.database import engine_for

    return feeds.made_file(engine_for(settings), athlete_id, kind, key)


def newest_ready(settings: Settings, athlete_id: int, kind: str) -> MadeFile | None:
    from runstrong.storage import feeds
    from runstrong.storage.database import engine_for

    return feeds.newest_ready(engine_for(settings), athlete_id, kind)


def start(made_id: int, settings: Settings) -> None:
    """`python -m runstrong.make_file ID` on the settings' database, not waited for; the
    settings it needs (database, exercise folders, cache) go to it on its standard input, so a
    database password is never on a command line."""
    process = subprocess.Popen(
        [sys.executable, "-m", "runstrong.make_file", str(made_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C at the server does not cut a file in half
    )
    assert process.stdin is not None
    with process.stdin:
        process.stdin.write(settings_json(settings))
    # waited for (reaped) by a thread of its own: the worker goes on answering
    threading.Thread(target=process.wait, name=f"made-file-{made_id}", daemon=True).start()


def settings_json(settings: Settings) -> bytes:
    return orjson.dumps(
        {
            "database_url": settings.database_url,
            "exercise_dirs": [str(p) for p in settings.exercise_dirs],
            "cache_dir": None if settings.cache_dir is None else str(settings.cache_dir),
        }
    )


def settings_from_json(data: bytes, today: date) -> Settings:
    found = orjson.loads(data)
    return Settings(
        today=today,
        database_url=found["database_url"],
        exercise_dirs=tuple(Path(p) for p in found["exercise_dirs"]),
        cache_dir=None if found["cache_dir"] is None else Path(found["cache_dir"]),
    )


def make(made_id: int, settings: Settings, clock: Callable[[], datetime]) -> None:
    """Make the file of row `made_id` and store it, or its error, in the row. The moment it was
    asked for is the job's today and now (a calendar's DTSTAMP); `clock` stamps the end."""
    from runstrong.storage import feeds
    from runstrong.storage.database import transaction

    with transaction(settings, readonly=True) as session:
        found = feeds.job(session, made_id)
        if found is None:
            return
        row, handle, owner = found
        asked = _aware(row.requested_at)
        kind, key, athlete_id = row.kind, row.key, row.athlete_id
        previous = feeds.newest_content(session, athlete_id, ICS) if kind == ICS else None
        plan = feeds.plan_json(session, int(key)) if kind == PDF else None
    job = replace(settings, today=asked.date(), now=asked, owner=owner)
    data: bytes | None = None
    error: str | None = None
    try:
        data = _pdf(plan, job) if plan is not None else _feed(handle, previous, job)
    except Exception as exc:  # stored for the asker; the server goes on
        error = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
    with transaction(settings) as session:
        feeds.finish(session, made_id, clock(), data, error)
        if kind == ICS and error is None:  # what the next feed updates is this one
            feeds.prune_older(session, athlete_id, ICS, made_id)


def _pdf(plan: tuple[str, str], settings: Settings) -> bytes:
    from runstrong import services
    from runstrong.imports.plan_json import read_plan

    library = services.open_library(settings)
    version, text = plan
    saved, athlete = read_plan(text.encode("utf-8"), library, where=f"plan {version}")
    options = services.ExportOptions(now=settings.timestamp, today=settings.today)
    data = services.export_one(PDF, services.PlanResult(saved, athlete, library), options)
    assert isinstance(data, bytes)
    return data


def _feed(handle: str, previous: bytes | None, settings: Settings) -> bytes:
    """The plan as lived, against the feed made before (else against the plan as planned, as
    `export ics --athlete` does with no earlier file)."""
    from runstrong import services
    from runstrong.athlete_plan import athlete_plan

    library = services.open_library(settings)
    found = athlete_plan(handle, library, settings)
    options = services.ExportOptions(
        now=settings.timestamp, today=settings.today, outcomes=found.outcomes
    )
    if previous is None:
        planned = services.export_one(ICS, found.planned, replace(options, outcomes=None))
        assert isinstance(planned, bytes)
        previous = planned
    data = services.export_one(ICS, found.lived, replace(options, previous_ics=previous))
    assert isinstance(data, bytes)
    return data


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
