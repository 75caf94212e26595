"""The load formulas against values worked out by hand: session RPE x minutes, power stress,
Banister's TRIMP, the assumed rating by kind; monotony and strain; the exponentially weighted,
uncoupled acute:chronic ratio."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import pytest

from runstrong.domain.activity import Activity, ActivitySource, RunKind
from runstrong.domain.anchors import Anchors
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.rules import Rules
from runstrong.domain.training_load import (
    SessionLoad,
    banister_trimp,
    ewma,
    run_load,
    strength_load,
    weekly_loads,
)

START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
ANCHORS = Anchors(threshold_power_w=300, max_hr=190, resting_hr=50)


def a_run(minutes: float, power: float | None = None, hr: float | None = None) -> Activity:
    return Activity(START, minutes * 60, "running", ActivitySource.FIT, "t.fit",
                    avg_power_w=power, avg_hr=hr)  # fmt: skip


def test_power_load_is_hours_times_intensity_squared_times_100_in_au() -> None:
    au, why = run_load(a_run(60, power=240), RunKind.EASY, ANCHORS, Rules())
    # 1 h x 0.8^2 x 100 = 64 points; x 4.2 AU a point = 268.8 AU
    assert au == pytest.approx(268.8)
    assert why.rule is RuleId.LOAD_POWER
    assert (why.get("points"), why.get("pct")) == (64, 80)


def test_heart_rate_load_is_banisters_trimp_in_au() -> None:
    au, why = run_load(a_run(40, hr=148), RunKind.EASY, ANCHORS, Rules())
    # HRr = (148 - 50) / (190 - 50) = 0.7; TRIMP = 40 x 0.7 x 0.64 x e^(1.92 x 0.7)
    trimp = 40 * 0.7 * 0.64 * math.exp(1.344)
    assert trimp == pytest.approx(68.72, abs=0.01)
    assert au == pytest.approx(trimp * 2.3)
    assert why.rule is RuleId.LOAD_TRIMP
    assert why.get("trimp") == 69
    assert banister_trimp(40, 1.4, 1.92, 0.64) == banister_trimp(40, 1.0, 1.92, 0.64)  # at most 1


def test_a_womans_trimp_takes_her_own_coefficient_and_weighting() -> None:
    women = Rules(load_trimp_weighting=1.67, load_trimp_coefficient=0.86)
    au, why = run_load(a_run(40, hr=148), RunKind.EASY, ANCHORS, women)
    # Morton 1990, women: 0.86 e^(1.67 x HRr); 40 x 0.7 x 0.86 x e^(1.169) = 77.51
    assert why.get("trimp") == round(40 * 0.7 * 0.86 * math.exp(1.67 * 0.7))
    assert au == pytest.approx(77.51 * 2.3, abs=0.05)


def test_power_comes_before_heart_rate_and_rpe_before_both() -> None:
    both = a_run(60, power=240, hr=148)
    assert run_load(both, RunKind.EASY, ANCHORS, Rules())[1].rule is RuleId.LOAD_POWER
    au, why = run_load(both, RunKind.EASY, ANCHORS, Rules(), rpe=5)
    assert (au, why.rule) == (300, RuleId.LOAD_SRPE)


def test_without_anchors_a_run_is_minutes_times_its_kinds_rating() -> None:
    measured = a_run(50, power=240, hr=148)
    assert run_load(measured, RunKind.INTERVALS, Anchors(), Rules())[0] == 50 * 7
    assert run_load(measured, RunKind.EASY, Anchors(), Rules())[0] == 50 * 3
    rules = Rules().override({"load_rpe_easy": 2})
    au, why = run_load(measured, RunKind.EASY, Anchors(), rules)
    assert au == 100
    assert why.rule is RuleId.LOAD_ASSUMED_RPE
    assert "runstrong_heuristic" in why.citations


def test_strength_load_is_its_rpe_times_minutes() -> None:
    assert strength_load(7, 45, Rules())[0] == 315
    assert strength_load(None, 40, Rules())[0] == 200  # the assumed 5


def test_the_ewma_decays_by_two_over_days_plus_one() -> None:
    assert ewma([100, 0, 0], 3) == [50, 25, 12.5]


def load(day: date, au: float, what: str = "run") -> SessionLoad:
    return SessionLoad(day, what, "x", au, reason(RuleId.LOAD_SRPE, au=round(au)))


def test_weekly_load_monotony_and_strain() -> None:
    monday = date(2026, 11, 2)
    loads = [
        load(monday + timedelta(days=1), 315, "strength"),
        load(monday + timedelta(days=2), 120),
        load(monday + timedelta(days=3), 180),
    ]
    (week,) = weekly_loads(loads, monday, 1, monday + timedelta(days=6), Rules())
    assert (week.run_au, week.strength_au, week.total_au, week.sessions) == (300, 315, 615, 3)
    daily = [0, 315, 120, 180, 0, 0, 0]
    mean = 615 / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in daily) / 6)
    assert week.monotony == pytest.approx(mean / sd)
    assert week.strain == pytest.approx(615 * mean / sd)


def test_a_week_of_one_load_every_day_has_no_monotony() -> None:
    monday = date(2026, 11, 2)
    loads = [load(monday + timedelta(days=i), 100) for i in range(7)]
    (week,) = weekly_loads(loads, monday, 1, monday + timedelta(days=6), Rules())
    assert (week.monotony, week.strain) == (None, None)


def test_the_ratio_is_uncoupled_acute_over_the_chronic_before_the_acute_window() -> None:
    first = date(2026, 10, 5)  # a Monday; 28 days of 100 AU, then 7 days of 200
    loads = [load(first + timedelta(days=i), 100 if i < 28 else 200) for i in range(35)]
    weeks = weekly_loads(loads, first, 5, first + timedelta(days=34), Rules())
    chronic = 100 * (1 - (27 / 29) ** 28)  # day 27: 28 days of 100 from 0, decay 2/29
    acute_27 = 100 * (1 - 0.75**28)  # decay 2/8
    acute = 200 - (200 - acute_27) * 0.75**7
    assert weeks[-1].ratio == pytest.approx(acute / chronic)
    assert weeks[-1].ratio == pytest.approx(2.158, abs=0.001)
    assert [w.ratio for w in weeks[:3]] == [None, None, None]  # no chronic window yet
