"""Importing another app's workouts, or a watch's, into an athlete's log: one transaction.

Each day of the file becomes the log of that day, under the id of the session planned for it
(else `SOURCE:DATE`). A day logged already with the very same sets is left as it is (the file
imported again writes nothing twice); a day logged otherwise is kept, unless `replace_existing`.
Exercises are matched to the library by name and alias (library.names); others are kept as
custom exercises (`custom:NAME`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.log_import import AppSet, ImportedDay, imported_days, sort_days
from runstrong.domain.training_log import LogStatus, SessionLog
from runstrong.library.names import app_slug, custom_slug, name_index
from runstrong.log_service import session_days
from runstrong.settings import Settings
from runstrong.storage.repository import Repository, repository


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did: the days it added (and how many matched a planned session), those
    it found imported already, those logged otherwise that it kept or replaced, the warm-up sets
    it left out, and each name it kept as a custom exercise (name -> slug)."""

    source: str
    added: tuple[ImportedDay, ...]
    planned: int
    same: int
    kept: tuple[dt.date, ...]
    replaced: tuple[dt.date, ...]
    warm_ups: int
    custom: dict[str, str]

    @property
    def sets_written(self) -> int:
        return sum(len(d.sets) for d in self.added)


def exercise_slugs(
    names: Sequence[str], library: ExerciseLibrary
) -> tuple[dict[str, str], dict[str, str]]:
    """Each name's slug, and those of the names the library does not know (kept as custom)."""
    index = name_index(library)
    slugs: dict[str, str] = {}
    custom: dict[str, str] = {}
    for name in dict.fromkeys(names):
        found = app_slug(name, index)
        if found is None:
            found = custom[name] = custom_slug(name)
        slugs[name] = found
    return slugs, custom


def import_sets(
    handle: str,
    source: str,
    sets: Sequence[AppSet],
    library: ExerciseLibrary,
    settings: Settings,
    *,
    replace_existing: bool = False,
) -> ImportSummary:
    """Store the file's days in `handle`'s log, in one transaction (see the module's text)."""
    slugs, custom = exercise_slugs([s.name for s in sets], library)
    days = imported_days(sets, slugs)
    warm_ups = sum(s.warm_up for s in sets)
    with repository(settings) as repo:
        repo.athlete(handle)  # an unknown handle fails before anything else
        logged = repo.logs_between(handle, days[0].date, days[-1].date) if days else {}
        sorted_days = sort_days(days, logged)
        writing = sorted_days.new + (sorted_days.differ if replace_existing else ())
        ids = SessionIds(repo, handle, source)
        logs = [
            SessionLog(
                day.date, ids.of(day.date), LogStatus.DONE, day.sets, minutes=day.minutes,
                note=day.note,
            )
            for day in writing
        ]  # fmt: skip
        repo.put_logs(handle, logs, settings.timestamp)
    differ = tuple(d.date for d in sorted_days.differ)
    return ImportSummary(
        source=source,
        added=tuple(sorted(writing, key=lambda d: d.date)),
        planned=ids.planned,
        same=len(sorted_days.same),
        kept=() if replace_existing else differ,
        replaced=differ if replace_existing else (),
        warm_ups=warm_ups,
        custom=custom,
    )


def planned_slugs(handle: str, day: dt.date, settings: Settings) -> tuple[str, ...]:
    """The exercises of the session planned on `day` (none if there is none)."""
    import orjson

    with repository(settings, readonly=True) as repo:
        plan = repo.plan_covering(handle, day)
    if plan is None:
        return ()
    for week in orjson.loads(plan.plan_json)["weeks"]:
        for session in week["sessions"]:
            if session["date"] == day.isoformat():
                return tuple(x["slug"] for x in session["exercises"])
    return ()


class SessionIds:
    """The id a day's imported log takes: the session planned that day by the newest plan
    covering it, else `SOURCE:DATE`. The plans' dates are read once, each plan's JSON when a day
    first falls in it."""

    def __init__(self, repo: Repository, handle: str, source: str) -> None:
        self.repo, self.handle, self.source = repo, handle, source
        self._spans = repo.plan_spans(handle)
        self._plans: dict[str, dict[dt.date, str]] = {}
        self.planned = 0

    def of(self, day: dt.date) -> str:
        version = next((v for v, start, end in self._spans if start <= day <= end), None)
        if version is not None:
            if version not in self._plans:
                plan = self.repo.plan_covering(self.handle, day)
                self._plans[version] = {} if plan is None else session_days(plan)
            found = self._plans[version].get(day)
            if found is not None:
                self.planned += 1
                return found
        return f"{self.source}:{day.isoformat()}"
