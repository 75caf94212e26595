"""Plan against done (domain.compliance) from plain dated amounts, against values worked out by
hand: shares by sets and minutes, the capped mean, a week under way, a week with no plan."""

from __future__ import annotations

from datetime import date

import pytest

from runstrong.domain.compliance import Dated, logged_sets, weekly_compliance
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side

MON = date(2026, 12, 7)


def d(day: int, amount: float) -> Dated:
    return Dated(date(2026, 12, day), amount)


PLANNED_SESSIONS = [d(8, 17), d(10, 18), d(15, 18), d(17, 18)]
DONE_SESSIONS = [d(8, 12.5), d(11, 18), d(15, 20)]
PLANNED_RUNS = [d(7, 40), d(8, 60), d(10, 50), d(13, 120), d(14, 40), d(15, 60), d(20, 120)]
DONE_RUNS = [d(7, 42), d(10, 55), d(12, 30), d(14, 45), d(15, 61)]


def test_a_whole_week_compares_sets_and_minutes_and_caps_each_share_in_the_mean() -> None:
    [week] = weekly_compliance(
        PLANNED_SESSIONS, DONE_SESSIONS, PLANNED_RUNS, DONE_RUNS, MON, date(2026, 12, 13)
    )
    assert (week.planned_sessions, week.done_sessions) == (2, 2)
    assert (week.planned_sets, week.done_sets) == (35, 30.5)
    assert (week.planned_runs, week.done_runs, week.planned_minutes, week.done_minutes) == (
        4, 3, 270, 127,
    )  # fmt: skip
    assert week.strength_pct == pytest.approx(87.142857)  # 30.5 / 35
    assert week.running_pct == pytest.approx(47.037037)  # 127 / 270
    assert week.compliance_pct == pytest.approx((87.142857 + 47.037037) / 2)


def test_a_week_under_way_is_compared_up_to_today_and_more_than_planned_counts_as_100() -> None:
    weeks = weekly_compliance(
        PLANNED_SESSIONS, DONE_SESSIONS, PLANNED_RUNS, DONE_RUNS, MON, date(2026, 12, 15)
    )
    assert [w.monday for w in weeks] == [MON, date(2026, 12, 14)]
    week = weeks[1]
    assert week.until == date(2026, 12, 15)
    # Thursday's session and Sunday's run are not due yet
    assert (week.planned_sets, week.done_sets) == (18, 20)
    assert (week.planned_minutes, week.done_minutes) == (100, 106)
    assert week.strength_pct == pytest.approx(111.111111)
    assert week.running_pct == pytest.approx(106.0)
    assert week.compliance_pct == 100.0


def test_a_share_with_nothing_planned_is_none_and_left_out_of_the_mean() -> None:
    [week] = weekly_compliance([], [d(9, 10)], [d(7, 60)], [d(7, 30)], MON, date(2026, 12, 13))
    assert week.strength_pct is None
    assert week.compliance_pct == 50.0
    [empty] = weekly_compliance([], [], [], [], MON, date(2026, 12, 13))
    assert empty.compliance_pct is None


def test_a_set_of_one_side_is_half_a_set() -> None:
    log = SessionLog(MON, "s", LogStatus.DONE, sets=(
        SetLog("bulgarian_split_squat", Side.LEFT, 8, 20.0),
        SetLog("bulgarian_split_squat", Side.RIGHT, 8, 20.0),
        SetLog("back_squat", Side.BOTH, 5, 100.0),
    ))  # fmt: skip
    assert logged_sets(log) == 2.0
