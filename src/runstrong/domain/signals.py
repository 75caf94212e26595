"""Signals from the log that change the next session (science.md §2.6a): a week of high session
RPE adds reps in reserve; sessions missed lately cut the loads. Each with its reason. (A stalled
e1RM is a signal of one lift: domain.log_progression; a niggle check-in: domain.checkins.)

Pure: the day asked for, the logs and the days the plan had sessions on come in as data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from runstrong.domain.log_progression import SessionSignals
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules
from runstrong.domain.training_log import LogStatus, SessionLog

RPE_WEEK_DAYS = 7  # "over a week": the seven days before the day asked for


def session_signals(
    day: date, logs: Sequence[SessionLog], planned_days: Sequence[date], rules: Rules
) -> SessionSignals:
    """The signals for a session asked for on `day`, from the logs before it and the days the
    plan had sessions on."""
    rir_add, load_cut = 0, 0
    reasons: list[Reason] = []
    high = high_rpe(day, logs, rules)
    if high is not None:
        rir_add = rules.high_rpe_rir_add
        reasons.append(high)
    missed = missed_sessions(day, logs, planned_days, rules)
    if missed is not None:
        load_cut = rules.missed_load_cut_pct
        reasons.append(missed)
    return SessionSignals(rir_add, load_cut, tuple(reasons))


def high_rpe(day: date, logs: Sequence[SessionLog], rules: Rules) -> Reason | None:
    """A reason when the sessions done in the week before `day` had a mean session RPE of at
    least `high_rpe_session_rpe`, from `high_rpe_min_sessions` sessions."""
    since = day - timedelta(days=RPE_WEEK_DAYS)
    rpes = [
        log.rpe
        for log in logs
        if since <= log.date < day and log.status is LogStatus.DONE and log.rpe is not None
    ]
    if len(rpes) < rules.high_rpe_min_sessions:
        return None
    mean = sum(rpes) / len(rpes)
    if mean < rules.high_rpe_session_rpe:
        return None
    return reason(
        RuleId.HIGH_SESSION_RPE,
        "foster2001",
        "helms2016",
        mean=round(mean, 1),
        sessions=len(rpes),
        threshold=rules.high_rpe_session_rpe,
        rir_add=rules.high_rpe_rir_add,
    )


def missed_sessions(
    day: date, logs: Sequence[SessionLog], planned_days: Sequence[date], rules: Rules
) -> Reason | None:
    """A reason when at least `missed_sessions_for_reentry` sessions of the last
    `missed_window_days`, since the last session done, were missed: logged as skipped, or
    planned and never logged (once the athlete logs at all). A session moved to another day is
    not missed."""
    if not logs:
        return None
    since = day - timedelta(days=rules.missed_window_days)
    done = [log.date for log in logs if log.status is LogStatus.DONE and log.date < day]
    if done:  # only the misses since the last session done: the first session back eases
        since = max(since, max(done) + timedelta(days=1))
    logged = {log.date for log in logs}
    skipped = sum(1 for log in logs if since <= log.date < day and log.status is LogStatus.SKIPPED)
    first_logged = min(logged)
    unlogged = sum(
        1 for d in planned_days if first_logged <= d and since <= d < day and d not in logged
    )
    missed = skipped + unlogged
    if missed < rules.missed_sessions_for_reentry:
        return None
    return reason(
        RuleId.MISSED_SESSIONS,
        missed=missed,
        days=rules.missed_window_days,
        pct=rules.missed_load_cut_pct,
    )
