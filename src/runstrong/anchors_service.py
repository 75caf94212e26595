"""`runstrong anchors`: the profile's [anchors] beside what the athlete's runs say of them
(domain.anchor_estimate), and the anchors the load uses: the profile's, else the estimate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from runstrong.domain.activity import RunKind
from runstrong.domain.anchor_estimate import Estimate, RunSeen, estimate_anchors
from runstrong.domain.anchors import Anchors
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.runs_service import ListedRun


@dataclass(frozen=True, slots=True)
class AnchorsReport:
    """The profile's anchors, the estimates from the runs of `first` to `last` (how many runs),
    and the anchors the load takes (the profile's, else the estimate's)."""

    profile: Anchors
    estimates: tuple[Estimate, ...]
    used: Anchors
    first: date
    last: date
    runs: int


def estimates_from(listed: Sequence[ListedRun], first: date, last: date, weeks: int,
                   ) -> tuple[Sequence[RunSeen], date]:  # fmt: skip
    """The runs of the `weeks` weeks up to `last` as the estimate reads them, and its first day."""
    since = max(first, last - timedelta(weeks=weeks) + timedelta(days=1))
    seen = [
        RunSeen(x.run.id, x.day, x.classified.kind is RunKind.RACE, x.run.activity)
        for x in listed
        if since <= x.day <= last
    ]
    return seen, since


def anchors_report(handle: str, settings: Settings) -> AnchorsReport:
    """The athlete's anchors and what the runs of the last `anchor_estimate_weeks` say."""
    from runstrong.domain.anchor_estimate import with_estimates
    from runstrong.runs_service import CONTEXT_DAYS, athlete_anchors, classified, runs_store

    with runs_store(settings, readonly=True) as store:
        found = athlete_anchors(store.repo, handle, settings)
        weeks = found.rules.anchor_estimate_weeks
        first = settings.today - timedelta(weeks=weeks) + timedelta(days=1)
        since = datetime.combine(first, time(0), UTC) - timedelta(days=CONTEXT_DAYS + 1)
        until = datetime.combine(settings.today + timedelta(days=2), time(0), UTC)
        around = store.runs(handle, since, until)
    seen, first = estimates_from(classified(around, around, found), first, settings.today, weeks)
    estimates = estimate_anchors(seen, found.rules)
    used, _ = with_estimates(found.anchors, estimates)
    return AnchorsReport(found.anchors, estimates, used, first, settings.today, len(seen))
