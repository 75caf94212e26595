"""The running layer: minutes-weighted load per muscle from a running week.

Expected numbers are worked out by hand from the constants documented in
`runstrong.domain.running_load` and docs/science.md: easy-running shares soleus 0.22,
gastrocnemius 0.16, quadriceps 0.16, gluteus medius 0.14, gluteus maximus 0.10, each hamstring
0.06, hip flexors 0.10; multipliers intervals (hamstrings and hip flexors 1.8, gluteus maximus
1.6, others 1.2), tempo and race (hip muscles 1.3, others 1.1), hills (gluteus maximus 1.6,
calves 1.4, hamstrings and hip flexors 1.3, quadriceps 1.2), recovery 0.9.
"""

from __future__ import annotations

import pytest

from builders import standard_week
from runstrong.domain.athlete import Run, RunningWeek, RunType, Weekday
from runstrong.domain.muscles import Muscle
from runstrong.domain.running_load import (
    RUNNING_BASE_SHARE,
    run_muscle_minutes,
    running_muscle_minutes,
)

W = Weekday


def week_of(*runs: Run) -> RunningWeek:
    return RunningWeek(runs=runs)


def test_an_empty_week_loads_nothing() -> None:
    assert running_muscle_minutes(week_of()) == {}


def test_rest_days_load_nothing_whatever_their_minutes() -> None:
    assert running_muscle_minutes(week_of(Run(W.MON, RunType.REST, 30))) == {}


def test_easy_running_loads_the_soleus_more_than_the_quadriceps() -> None:
    loads = running_muscle_minutes(week_of(Run(W.MON, RunType.EASY, 40)))

    assert loads[Muscle.SOLEUS] == pytest.approx(40 * 0.22)  # 8.8
    assert loads[Muscle.QUADRICEPS] == pytest.approx(40 * 0.16)  # 6.4
    assert loads[Muscle.SOLEUS] > loads[Muscle.GASTROCNEMIUS]


def test_intervals_give_the_hamstrings_and_hip_flexors_more_per_minute_than_easy_running() -> None:
    easy = run_muscle_minutes(Run(W.TUE, RunType.EASY, 60))
    intervals = run_muscle_minutes(Run(W.TUE, RunType.INTERVALS, 60))

    assert intervals[Muscle.HAMSTRINGS_LATERAL] == pytest.approx(60 * 0.06 * 1.8)  # 6.48
    assert easy[Muscle.HAMSTRINGS_LATERAL] == pytest.approx(60 * 0.06)  # 3.6
    assert intervals[Muscle.HIP_FLEXORS] == pytest.approx(60 * 0.10 * 1.8)  # 10.8
    assert easy[Muscle.HIP_FLEXORS] == pytest.approx(60 * 0.10)  # 6.0


def test_intervals_shift_the_share_of_the_load_towards_the_hip() -> None:
    easy = run_muscle_minutes(Run(W.TUE, RunType.EASY, 60))
    intervals = run_muscle_minutes(Run(W.TUE, RunType.INTERVALS, 60))
    # per minute of intervals: 1.2 x (0.22 + 0.16 + 0.16 + 0.14) + 1.6 x 0.10
    # + 1.8 x (0.06 + 0.06 + 0.10) = 0.816 + 0.16 + 0.396 = 1.372
    interval_total = 1.372

    hamstring_share = intervals[Muscle.HAMSTRINGS_MEDIAL] / sum(intervals.values())
    assert hamstring_share == pytest.approx(0.06 * 1.8 / interval_total)  # ~0.079
    assert hamstring_share > easy[Muscle.HAMSTRINGS_MEDIAL] / sum(easy.values())  # 0.06
    soleus_share = intervals[Muscle.SOLEUS] / sum(intervals.values())
    assert soleus_share < easy[Muscle.SOLEUS] / sum(easy.values())  # 0.192 < 0.22


def test_hills_add_gluteus_maximus_and_calves() -> None:
    hills = run_muscle_minutes(Run(W.THU, RunType.HILLS, 30))

    assert hills[Muscle.GLUTEUS_MAXIMUS] == pytest.approx(30 * 0.10 * 1.6)  # 4.8
    assert hills[Muscle.SOLEUS] == pytest.approx(30 * 0.22 * 1.4)  # 9.24
    assert hills[Muscle.GLUTEUS_MEDIUS] == pytest.approx(30 * 0.14)  # 4.2, unchanged


def test_a_long_run_counts_by_its_minutes() -> None:
    long = run_muscle_minutes(Run(W.SUN, RunType.LONG, 120))
    easy = run_muscle_minutes(Run(W.MON, RunType.EASY, 40))

    for muscle, minutes in easy.items():
        assert long[muscle] == pytest.approx(3 * minutes)


def test_the_standard_week_sums_every_run_by_type() -> None:
    # easy 40 + 45 + 30 = 115 min, intervals 60, tempo 50, long 120 (builders.standard_week)
    loads = running_muscle_minutes(standard_week())

    soleus = 115 * 0.22 + 60 * 0.22 * 1.2 + 50 * 0.22 * 1.1 + 120 * 0.22  # 79.64
    hip_flexors = 115 * 0.10 + 60 * 0.10 * 1.8 + 50 * 0.10 * 1.3 + 120 * 0.10  # 40.8
    assert loads[Muscle.SOLEUS] == pytest.approx(soleus)
    assert loads[Muscle.HIP_FLEXORS] == pytest.approx(hip_flexors)
    assert Muscle.PECTORALIS not in loads


def test_recovery_runs_load_less_per_minute_than_easy_runs() -> None:
    recovery = run_muscle_minutes(Run(W.FRI, RunType.RECOVERY, 30))

    assert recovery[Muscle.QUADRICEPS] == pytest.approx(30 * 0.16 * 0.9)  # 4.32


def test_the_easy_running_shares_add_up_to_one_minute() -> None:
    assert sum(RUNNING_BASE_SHARE.values()) == pytest.approx(1.0)


def test_negative_minutes_are_an_error() -> None:
    with pytest.raises(ValueError, match="minutes"):
        running_muscle_minutes(week_of(Run(W.MON, RunType.EASY, -5)))
