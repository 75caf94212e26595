"""`runstrong niggle`: a niggle check-in. The pain sets the niggle's severity (domain.checkins);
a change makes a new profile version and a re-plan from this week, as `athlete update` does
(athlete_service.update_athlete), in the same transaction as the stored check-in."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from runstrong.domain.checkins import CheckIn, check_in, check_in_reason
from runstrong.domain.exercise import NiggleSite, Severity
from runstrong.domain.messages import Reason
from runstrong.domain.training_log import PlanRecord
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.domain.catalogue import ExerciseLibrary
    from runstrong.domain.profile import Profile


@dataclass(frozen=True, slots=True)
class CheckInResult:
    """The check-in kept, why, and the new plan if the severity changed (None: it did not)."""

    check_in: CheckIn
    reason: Reason
    plan: PlanRecord | None


def record_check_in(
    handle: str, site: NiggleSite, pain: int, library: ExerciseLibrary, settings: Settings
) -> CheckInResult:
    from runstrong.athlete_service import update_athlete
    from runstrong.profile.loader import profile_from_bytes
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        stored = repo.profile(handle)
        earlier = repo.check_ins(handle, site)
    where = f"{handle}'s profile version {stored.version}"
    profile = profile_from_bytes(
        stored.content.encode("utf-8"), stored.format, library, where, cache_dir=settings.cache_dir
    )
    current = next((n.severity for n in profile.athlete.niggles if n.site is site), None)
    found = check_in(site, pain, settings.today, current, earlier, profile.rules)
    why = check_in_reason(found, profile.rules)
    if found.after == found.before:
        with repository(settings) as repo:
            repo.add_check_in(handle, found, settings.timestamp)
        return CheckInResult(found, why, None)
    text = profile_with_niggle(stored.content, stored.format, site, found.after)
    changed: Profile = profile_from_bytes(text.encode("utf-8"), ".json", library, where)
    plan = update_athlete(
        handle, changed, text, ".json", library, settings,
        also=lambda repo: repo.add_check_in(handle, found, settings.timestamp),
    )  # fmt: skip
    return CheckInResult(found, why, plan)


def profile_with_niggle(content: str, fmt: str, site: NiggleSite, severity: Severity | None) -> str:
    """The profile's text as JSON with the niggle at `site` set to `severity` (None: removed),
    everything else as it was (TOML dates and times as ISO text, as the JSON profile takes
    them)."""
    data: dict[str, Any] = json.loads(content) if fmt == ".json" else tomllib.loads(content)
    niggles = [n for n in data.get("niggles", []) if str(n.get("site", "")).lower() != site]
    if severity is not None:
        niggles.append({"site": str(site), "severity": str(severity)})
    data["niggles"] = niggles
    return json.dumps(data, indent=2, ensure_ascii=False, default=_iso) + "\n"


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")
