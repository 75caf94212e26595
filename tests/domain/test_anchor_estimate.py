"""Anchors estimated from runs (domain.anchor_estimate), worked out by hand: Riegel's factor for
an hour, the best 30-60 minute effort (a whole run or laps in a row), the highest heart rate."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from runstrong.domain.activity import Activity, ActivitySource, Lap
from runstrong.domain.anchor_estimate import (
    RunSeen,
    efforts,
    estimate_anchors,
    hour_factor,
    with_estimates,
)
from runstrong.domain.anchors import Anchors
from runstrong.domain.messages import RuleId
from runstrong.domain.rules import Rules

DAY = date(2026, 11, 20)


def run(minutes: float, watts: float | None, speed: float, *, max_hr: float | None = None,
        laps: tuple[Lap, ...] = ()) -> Activity:  # fmt: skip
    return Activity(
        start=datetime(2026, 11, 20, 7, tzinfo=UTC), seconds=60 * minutes, sport="running",
        source=ActivitySource.FIT, source_name="x.fit", meters=60 * minutes * speed,
        avg_power_w=watts, max_hr=max_hr, laps=laps,
    )  # fmt: skip


def seen(n: int, activity: Activity, race: bool = False) -> RunSeen:
    return RunSeen(n, DAY, race, activity)


def test_riegels_factor_takes_an_effort_to_an_hour() -> None:
    # (60 / t)^(1 / 1.06 - 1): 30 minutes 2^-0.05660 = e^-0.03924 = 0.961525; an hour 1
    assert hour_factor(30, Rules()) == pytest.approx(0.961525, abs=1e-6)
    assert hour_factor(60, Rules()) == 1
    assert hour_factor(40, Rules()) == pytest.approx(1.5 ** (1 / 1.06 - 1))


def test_the_best_effort_of_30_to_60_minutes_gives_threshold_power_and_pace() -> None:
    runs = [
        seen(1, run(30, 300, 4.0)),  # 300 W x 0.9615 = 288.5 W; 4.0 m/s x 0.9615 = 3.846
        seen(2, run(60, 280, 3.8)),  # 280 W; 3.8 m/s
        seen(3, run(20, 400, 5.0)),  # too short to count
        seen(4, run(90, 250, 3.5)),  # too long (and no laps)
    ]
    found = {e.anchor: e for e in estimate_anchors(runs, Rules())}
    power = found["threshold_power_w"]
    assert power.value == pytest.approx(300 * 0.961525, abs=0.01)
    assert power.reason.rule is RuleId.ANCHOR_THRESHOLD_POWER
    assert (power.reason.get("watts"), power.reason.get("effort_watts")) == (288, 300)
    assert (power.reason.get("run"), power.reason.get("minutes")) == ("run 1", 30)
    pace = found["threshold_pace_s_per_km"]
    assert pace.value == pytest.approx(1000 / (4.0 * 0.961525), abs=0.01)  # 260.0 s: 4:20
    assert (pace.reason.get("pace"), pace.reason.get("effort_pace")) == ("4:20", "4:10")
    assert "max_hr" not in found  # no heart rate recorded


def test_laps_in_a_row_are_efforts_too() -> None:
    # 15 min easy, 4 x 10 min at 320 W (3.9 m/s), 15 min easy: the 40 minutes of work count
    easy, work = Lap(900, 900 * 3.0, avg_power_w=200), Lap(600, 600 * 3.9, avg_power_w=320)
    activity = run(70, 280, 3.5, laps=(easy, work, work, work, work, easy))
    assert any(e.minutes == 40 and e.power_w == 320 for e in efforts(activity, Rules()))
    found = {e.anchor: e for e in estimate_anchors([seen(1, activity)], Rules())}
    assert found["threshold_power_w"].value == pytest.approx(320 * 1.5 ** (1 / 1.06 - 1))


def test_maximum_heart_rate_is_the_highest_recorded_and_a_race_is_said_to_be_one() -> None:
    runs = [seen(1, run(40, None, 3.0, max_hr=181)), seen(2, run(45, None, 3.2, max_hr=188), True)]
    found = {e.anchor: e for e in estimate_anchors(runs, Rules())}
    assert found["max_hr"].value == 188
    assert found["max_hr"].reason.get("run") == "run 2"
    assert found["threshold_pace_s_per_km"].reason.get("race") == 1  # run 2: 3.2 m/s, a race


def test_the_profiles_anchors_win_and_estimates_fill_the_rest() -> None:
    estimates = estimate_anchors([seen(1, run(30, 300, 4.0, max_hr=185))], Rules())
    used, taken = with_estimates(Anchors(threshold_power_w=310, resting_hr=48), estimates)
    assert used.threshold_power_w == 310
    assert used.max_hr == 185
    assert used.threshold_pace_s_per_km == pytest.approx(260.0, abs=0.01)
    assert used.resting_hr == 48
    assert {e.anchor for e in taken} == {"max_hr", "threshold_pace_s_per_km"}
