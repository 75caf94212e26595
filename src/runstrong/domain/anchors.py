"""The athlete's anchors for run intensity and training load (profile `[anchors]`, each
optional): critical or threshold power, threshold pace, maximum and resting heart rate."""

from __future__ import annotations

from typing import NamedTuple


class Anchors(NamedTuple):
    """The athlete's anchors for intensity and load, each optional: critical or threshold
    power, threshold pace (seconds per km), maximum and resting heart rate."""

    threshold_power_w: float | None = None
    threshold_pace_s_per_km: float | None = None
    max_hr: float | None = None
    resting_hr: float | None = None

    @property
    def threshold_speed_m_s(self) -> float | None:
        pace = self.threshold_pace_s_per_km
        return None if pace is None or pace <= 0 else 1000 / pace

    def hr_reserve(self, hr: float) -> float | None:
        """Heart rate as a share of the reserve (Karvonen): (hr - rest) / (max - rest)."""
        if self.max_hr is None or self.resting_hr is None or self.max_hr <= self.resting_hr:
            return None
        return (hr - self.resting_hr) / (self.max_hr - self.resting_hr)
