"""The planner's whole input: the athlete, the plan's own settings and any rule overrides."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from runstrong.domain.anchors import Anchors
from runstrong.domain.athlete import Athlete
from runstrong.domain.rules import Rules
from runstrong.domain.units import Units

PROFILE_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Profile:
    """What a profile file holds: the athlete, an optional start and length, and the rules."""

    athlete: Athlete
    start: date | None = None
    weeks: int | None = None
    rules: Rules = field(default_factory=Rules)
    # Units of the loads the athlete logs and sees (None: not said; kg): the training log's.
    units: Units | None = None
    anchors: Anchors = field(default_factory=Anchors)
