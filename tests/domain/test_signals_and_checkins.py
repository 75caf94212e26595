"""Signals from the log (domain.signals) and niggle check-ins (domain.checkins): science.md
§2.6a and §1.2a. Expected values from the documented thresholds."""

from __future__ import annotations

from datetime import date, timedelta

from runstrong.domain.checkins import CheckIn, check_in, pain_severity
from runstrong.domain.exercise import NiggleSite, Severity
from runstrong.domain.messages import RuleId
from runstrong.domain.rules import Rules
from runstrong.domain.signals import session_signals
from runstrong.domain.training_log import LogStatus, SessionLog

DAY = date(2027, 3, 15)
RULES = Rules()


def done(days_before: int, rpe: int | None = None) -> SessionLog:
    return SessionLog(DAY - timedelta(days=days_before), "s", LogStatus.DONE, rpe=rpe)


def skipped(days_before: int) -> SessionLog:
    return SessionLog(DAY - timedelta(days=days_before), "s", LogStatus.SKIPPED)


def test_a_week_of_high_session_rpe_adds_reps_in_reserve() -> None:
    high = session_signals(DAY, [done(2, 8), done(5, 9)], [], RULES)
    assert (high.rir_add, [r.rule for r in high.reasons]) == (1, [RuleId.HIGH_SESSION_RPE])
    assert high.reasons[0].get("mean") == 8.5
    assert session_signals(DAY, [done(2, 7), done(5, 8)], [], RULES).rir_add == 0  # mean 7.5
    assert session_signals(DAY, [done(2, 9)], [], RULES).rir_add == 0  # one session only
    assert session_signals(DAY, [done(2, 9), done(9, 9)], [], RULES).rir_add == 0  # 9 days ago


def test_missed_sessions_cut_the_loads() -> None:
    two = session_signals(DAY, [done(10), skipped(3), skipped(6)], [], RULES)
    assert (two.load_cut_pct, [r.rule for r in two.reasons]) == (10, [RuleId.MISSED_SESSIONS])
    assert session_signals(DAY, [done(10), skipped(3)], [], RULES).load_cut_pct == 0
    # planned and never logged counts, once the athlete logs at all
    planned = [DAY - timedelta(days=n) for n in (10, 6, 3)]
    assert session_signals(DAY, [done(10)], planned, RULES).load_cut_pct == 10
    assert session_signals(DAY, [], planned, RULES).load_cut_pct == 0
    assert session_signals(DAY, [done(20), skipped(16), skipped(15)], [], RULES).load_cut_pct == 0


def test_pain_maps_to_severity_by_the_pain_monitoring_thresholds() -> None:
    assert [pain_severity(p, RULES) for p in range(11)] == (
        [Severity.MILD] * 3 + [Severity.MODERATE] * 3 + [Severity.SEVERE] * 5
    )


def test_worse_pain_applies_at_once_and_low_pain_steps_down_a_level_a_week() -> None:
    knee = NiggleSite.KNEE

    def after(pain: int, current: Severity | None, earlier: list[CheckIn], on: date = DAY) -> (
        Severity | None
    ):  # fmt: skip
        return check_in(knee, pain, on, current, earlier, RULES).after

    assert after(6, None, []) is Severity.SEVERE
    assert after(3, None, []) is Severity.MODERATE
    assert after(2, None, []) is None
    assert after(4, Severity.SEVERE, []) is Severity.MODERATE
    assert after(1, Severity.MODERATE, []) is Severity.MODERATE  # not two weeks yet
    low = [CheckIn(DAY - timedelta(days=n), knee, 1, Severity.MODERATE, Severity.MODERATE)
           for n in (14, 7)]  # fmt: skip
    assert after(1, Severity.MODERATE, low) is Severity.MILD
    stepped = [*low, CheckIn(DAY, knee, 1, Severity.MODERATE, Severity.MILD)]
    later = DAY + timedelta(days=3)
    assert after(2, Severity.MILD, stepped, later) is Severity.MILD  # a step a week at most
    week = DAY + timedelta(days=7)
    assert after(2, Severity.MILD, stepped, week) is None
    broken = [*low[:1], CheckIn(DAY - timedelta(days=7), knee, 4, Severity.MODERATE,
                                Severity.MODERATE)]  # fmt: skip
    assert after(1, Severity.MODERATE, broken) is Severity.MODERATE
