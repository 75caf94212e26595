"""The next session's doses from the log: gathers what domain.log_progression and domain.signals
need from the database (the sets before the session, the dose each last day planned, the logs
of the last weeks, the profile's rules) and hands the answers to `today` (log_service)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runstrong.domain.log_progression import (
    Exposure,
    NextDose,
    PlannedDose,
    next_dose,
)
from runstrong.domain.messages import Reason
from runstrong.domain.rules import Rules
from runstrong.domain.signals import RPE_WEEK_DAYS, session_signals
from runstrong.domain.training_log import LoggedSet, SessionLog, SetLog, Units

if TYPE_CHECKING:
    from pathlib import Path

    from runstrong.domain.athlete import Athlete
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.render.resolved import ResolvedSession
    from runstrong.storage.repository import Repository


@dataclass(frozen=True, slots=True)
class FromLog:
    """What the log changes in the next session: each exercise's dose (by prescription id) and
    the session's signals."""

    doses: dict[str, NextDose]
    signals: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class LogFacts:
    """What the database tells of an athlete for the session on `day`."""

    day: date
    sets: list[LoggedSet]  # before `day`
    logs: list[SessionLog]  # of the last weeks before `day`
    planned_days: list[date]
    planned: dict[tuple[date, str], PlannedDose]  # the dose planned on a day, by slug
    rules: Rules


def gather(
    repo: Repository,
    handle: str,
    day: date,
    slugs: set[str],
    library: ExerciseLibrary,
    cache_dir: Path | None,
) -> LogFacts:
    """The facts for the session on `day` of the exercises `slugs`, in the caller's
    transaction (the profile read through the cache in `cache_dir`, as the CLI reads files)."""
    from runstrong.parsed_plans import plan_index

    rules = _rules(repo, handle, library, cache_dir)
    sets = repo.sets(handle, last=day - timedelta(days=1), slugs=slugs)
    look_back = max(rules.missed_window_days, RPE_WEEK_DAYS)
    logs = repo.logs(handle, day - timedelta(days=look_back), day - timedelta(days=1))
    planned_days: set[date] = set()
    for edge in (day - timedelta(days=look_back), day):
        plan = repo.plan_covering(handle, edge)
        if plan is not None:
            planned_days |= set(plan_index(plan).days)
    last_days = {(s.set.slug, s.date) for s in sets}
    latest: dict[str, date] = {}
    for slug, when in last_days:
        latest[slug] = max(when, latest.get(slug, when))
    planned: dict[tuple[date, str], PlannedDose] = {}
    ids = {s.date: s.session_id for s in sets}
    for when in set(latest.values()):
        planned |= _planned_on(repo, handle, when, ids[when])
    return LogFacts(day, sets, logs, sorted(planned_days), planned, rules)


def _rules(
    repo: Repository, handle: str, library: ExerciseLibrary, cache_dir: Path | None
) -> Rules:
    """The rules of the athlete's newest profile (defaults if it no longer reads)."""
    from runstrong.domain.errors import RunstrongError
    from runstrong.profile.loader import profile_from_bytes

    stored = repo.profile(handle)
    try:
        profile = profile_from_bytes(
            stored.content.encode("utf-8"),
            stored.format,
            library,
            f"{handle}'s profile",
            cache_dir=cache_dir,
        )
    except RunstrongError:
        return Rules()
    return profile.rules


def _planned_on(
    repo: Repository, handle: str, day: date, session_id: str
) -> dict[tuple[date, str], PlannedDose]:
    """The doses the session `session_id` planned, by slug (from the newest plan that has it)."""
    from runstrong.parsed_plans import plan_index

    plan = repo.plan_covering(handle, day)
    if plan is None:
        return {}
    doses = plan_index(plan).doses.get(session_id, {})
    return {(day, slug): dose for slug, dose in doses.items()}


def from_log(
    facts: LogFacts,
    resolved: ResolvedSession,
    athlete: Athlete,
    units: Units,
) -> FromLog:
    """Each exercise's next dose where the log changes it, and the session's signals."""
    signals = session_signals(facts.day, facts.logs, facts.planned_days, facts.rules)
    by_slug = exposures(facts.sets, facts.planned)
    doses: dict[str, NextDose] = {}
    for x in resolved.exercises:
        p = x.prescription
        found = next_dose(
            p, x.exercise, athlete.equipment, x.load_kg, by_slug.get(p.slug, ()), signals,
            facts.rules,
        )  # fmt: skip
        if found is not None:
            doses[x.id] = _in_units(found, units)
    shown = tuple(_reason_in(r, units) for r in signals.reasons)
    return FromLog(doses, shown)


def exposures(
    sets: Sequence[LoggedSet], planned: dict[tuple[date, str], PlannedDose]
) -> dict[str, list[Exposure]]:
    """Each exercise's days in the log, oldest first, with the dose planned where known."""
    grouped: dict[str, dict[date, list[SetLog]]] = defaultdict(dict)
    for s in sets:
        grouped[s.set.slug].setdefault(s.date, []).append(s.set)
    return {
        slug: [Exposure(d, tuple(done), planned.get((d, slug))) for d, done in sorted(days.items())]
        for slug, days in grouped.items()
    }


def _in_units(dose: NextDose, units: Units) -> NextDose:
    if units is Units.KG:
        return dose
    from dataclasses import replace

    return replace(dose, reasons=tuple(_reason_in(r, units) for r in dose.reasons))


def _reason_in(r: Reason, units: Units) -> Reason:
    """The reason with the athlete's units, for its words (loads stay kg in its parameters)."""
    if units is Units.KG:
        return r
    return Reason(r.rule, (*r.params, ("units", str(units))), r.citations)
