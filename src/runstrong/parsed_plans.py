"""Stored plans read once per process: a plan version's JSON parsed into domain objects (the
plan, the athlete it was made for), with each day's session id and each session's exercise
slugs, kept by the version's content hash in a small least-recently-used cache.

`today` asks for one session of a plan that changes a few times a season; reading the whole
stored plan (500 kB of JSON, validated) for each request took about 40 ms of its 48. The parts
are frozen dataclasses, shared read-only by every request. One parsed 24-week plan holds about
0.35 MB (tracemalloc), so the cache's bound keeps a worker's memory in check."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from runstrong.domain.log_progression import PlannedDose

if TYPE_CHECKING:
    from runstrong.domain.athlete import Athlete
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.domain.plan import Plan
    from runstrong.domain.training_log import PlanRecord

MAX_PARSED_PLANS = 16  # per process: about 6 MB


@dataclass(frozen=True, slots=True)
class ParsedPlan:
    plan: Plan
    athlete: Athlete  # as the plan was made for
    days: dict[date, str]  # each planned day's session id
    slugs: dict[str, frozenset[str]]  # each session's exercise slugs, by session id
    doses: dict[str, dict[str, PlannedDose]]  # each session's planned doses, by slug


_parsed: OrderedDict[tuple[str, int], ParsedPlan] = OrderedDict()
_lock = threading.Lock()


def parsed_plan(record: PlanRecord, library: ExerciseLibrary, *, where: str) -> ParsedPlan:
    """`record`'s plan JSON read (imports.plan_json.read_plan), once per content and library."""
    key = (record.version, id(library))
    with _lock:
        found = _parsed.get(key)
        if found is not None:
            _parsed.move_to_end(key)
            return found
    found = _read(record, library, where)
    with _lock:
        _parsed[key] = found
        while len(_parsed) > MAX_PARSED_PLANS:
            _parsed.popitem(last=False)
    return found


def _read(record: PlanRecord, library: ExerciseLibrary, where: str) -> ParsedPlan:
    from runstrong.imports.plan_json import read_plan

    raw = record.plan_json.encode("utf-8")
    data = orjson.loads(raw)
    plan, athlete = read_plan(raw, library, where=where)
    sessions = [s for w in data["weeks"] for s in w["sessions"]]
    return ParsedPlan(
        plan=plan,
        athlete=athlete,
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
