"""Imported sets as days of the log (pure): grouping, warm-ups, two workouts in a day, RPE as
reps in reserve, and which days are new, the same or logged otherwise."""

from __future__ import annotations

from datetime import date

import pytest

from runstrong.domain.log_import import AppSet, imported_days, rir_from_rpe, sort_days
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog

MON, TUE = date(2026, 12, 7), date(2026, 12, 8)
SLUGS = {"Squat (Barbell)": "back_squat", "Plank": "plank"}


@pytest.mark.parametrize(
    ("rpe", "rir"), [(10, 0), (9.5, 0), (9, 1), (8.5, 1), (8, 2), (7, 3), (6, 4), (1, 9)]
)
def test_rpe_is_read_on_the_rir_scale_rounded_down(rpe: float, rir: int) -> None:
    assert rir_from_rpe(rpe) == rir


def test_sets_are_grouped_by_day_in_order_and_warm_ups_left_out() -> None:
    sets = [
        AppSet(TUE, "Squat (Barbell)", 5, 60.0, warm_up=True, workout="A", minutes=50),
        AppSet(TUE, "Squat (Barbell)", 5, 100.0, rir=2, workout="A", minutes=50),
        AppSet(MON, "Plank", seconds=45, workout="Core", minutes=10),
        AppSet(TUE, "Plank", seconds=30, workout="Evening", minutes=15),
    ]
    monday, tuesday = imported_days(sets, SLUGS)
    assert monday.date == MON
    assert monday.sets == (SetLog("plank", seconds=45),)
    assert tuesday.sets == (
        SetLog("back_squat", reps=5, kg=100.0, rir=2),
        SetLog("plank", seconds=30),
    )
    # two workouts on Tuesday: one log, their titles joined and minutes added
    assert (tuesday.note, tuesday.minutes) == ("A + Evening", 65)


def test_days_are_new_the_same_or_logged_otherwise() -> None:
    sets = [AppSet(MON, "Plank", seconds=45), AppSet(TUE, "Plank", seconds=30)]
    monday, tuesday = imported_days(sets, SLUGS)
    logged = {
        MON: SessionLog(MON, "x", LogStatus.DONE, (SetLog("plank", seconds=45),)),
        TUE: SessionLog(TUE, "y", LogStatus.SKIPPED),
    }
    found = sort_days([monday, tuesday], logged)
    assert (found.new, found.same, found.differ) == ((), (monday,), (tuesday,))
    assert sort_days([monday], {}).new == (monday,)
