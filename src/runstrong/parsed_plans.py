"""Stored plans read once per process: a plan version's JSON parsed into domain objects (the
plan, the athlete it was made for), with each day's session id and each session's exercise
slugs, kept by the version's content hash in a small least-recently-used cache.

`today` asks for one session of a plan that changes a few times a season; reading the whole
stored plan (500 kB of JSON, validated) for each request took about 40 ms of its 48. The parts
are frozen dataclasses, shared read-only by every request. One parsed 24-week plan holds about
0.35 MB (tracemalloc), so the cache's bound keeps a worker's memory in check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from runstrong.domain.log_progression import PlannedDose
from runstrong.lru import Lru

if TYPE_CHECKING:
    from pathlib import Path

    from runstrong.domain.athlete import Athlete
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.domain.plan import Plan
    from runstrong.domain.training_log import PlanRecord

MAX_PARSED_PLANS = 16  # per process: about 6 MB
MAX_PLAN_INDEXES = 64  # per process: a few kB each


@dataclass(frozen=True, slots=True)
class PlanIndex:
    """What the log's use cases look up in a stored plan, without the domain objects."""

    days: dict[date, str]  # each planned day's session id
    slugs: dict[str, frozenset[str]]  # each session's exercise slugs, by session id
    doses: dict[str, dict[str, PlannedDose]]  # each session's planned doses, by slug


@dataclass(frozen=True, slots=True)
class ParsedPlan:
    plan: Plan
    athlete: Athlete  # as the plan was made for
    index: PlanIndex


_indexes: Lru[str, PlanIndex] = Lru(MAX_PLAN_INDEXES)
_parsed: Lru[tuple[str, int], ParsedPlan] = Lru(MAX_PARSED_PLANS)


def plan_index(record: PlanRecord) -> PlanIndex:
    """`record`'s days, slugs and doses, read once per content (its version is a content hash)."""
    return plan_index_of(record.version, lambda: record.plan_json)


def plan_index_of(version: str, plan_json: Callable[[], str]) -> PlanIndex:
    """The index of plan version `version`, its JSON read by `plan_json` only when this process
    has not indexed it yet (a log POST needs one day's session id, not 500 kB of JSON)."""
    return _indexes.get(version, lambda: _index(orjson.loads(plan_json())))


def parsed_plan(
    record: PlanRecord, library: ExerciseLibrary, *, where: str, cache_dir: Path | None
) -> ParsedPlan:
    """`record`'s plan JSON read (imports.stored_plan.read_stored_plan: through the input cache in
    `cache_dir`), once per content and library in this process."""

    def read() -> ParsedPlan:
        from runstrong.imports.stored_plan import read_stored_plan

        raw = record.plan_json.encode("utf-8")
        plan, athlete = read_stored_plan(raw, library, where=where, cache_dir=cache_dir)
        return ParsedPlan(plan, athlete, plan_index(record))

    return _parsed.get((record.version, id(library)), read)


def _index(data: dict[str, Any]) -> PlanIndex:
    sessions = [s for w in data["weeks"] for s in w["sessions"]]
    return PlanIndex(
        days={date.fromisoformat(s["date"]): s["id"] for s in sessions},
        slugs={s["id"]: frozenset(x["slug"] for x in s["exercises"]) for s in sessions},
        doses={s["id"]: {x["slug"]: _dose(x) for x in s["exercises"]} for s in sessions},
    )


def _dose(x: dict[str, Any]) -> PlannedDose:
    return PlannedDose(
        reps=x.get("reps"),
        rir=x.get("rir"),
        load_kg=x.get("load_kg"),
        seconds=x.get("seconds"),
        contacts=x.get("contacts"),
    )
