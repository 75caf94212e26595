"""The classifier on the labelled set (tests/labelled_runs.py): 48 synthetic runs, eight of
each kind drawn from its ranges, seen with power, with pace only, with heart rate only and with
nothing but the athlete's median speed. Every run is classified as labelled; `python -m
bench.run_kinds` prints the confusion table, and over 50 seeds."""

from __future__ import annotations

import pytest

from labelled_runs import KINDS, PER_KIND, SCENARIOS, confusion, confusion_table, lap, run
from runstrong.domain.activity import RunKind
from runstrong.domain.rules import Rules
from runstrong.domain.run_kind import RunWeek, classify, work_laps


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_the_labelled_set_is_classified_as_labelled(scenario: str) -> None:
    found = confusion(scenario)
    assert {pair: n for pair, n in found.items() if pair[0] != pair[1]} == {}
    assert [found[(k, k)] for k in KINDS] == [PER_KIND] * len(KINDS)


def test_the_confusion_table_has_a_row_a_label_and_a_column_a_kind() -> None:
    table = confusion_table(confusion("power")).splitlines()
    assert table[0].split() == ["label", "\\", "kind", *KINDS]
    assert table[3].split() == ["tempo", "0", "0", "8", "0", "0", "0"]


def test_a_tempo_lap_that_dips_under_the_work_cut_is_no_recovery() -> None:
    """Three laps at 75 %, a tempo block at 92, 85 and 93 %, two at 74: the median lap is 75 %,
    the work cut 86.25 % (115 %). The 85 % lap is under the cut but nearer it than the median
    (under 80.6 % is a recovery): a steady block that dipped, not intervals. A 60 % lap there
    is a recovery: two work laps."""
    laps = (lap(5, 75, 130), lap(5, 75, 130), lap(5, 75, 130), lap(5, 92, 166),
            lap(5, 85, 164), lap(5, 93, 167), lap(5, 74, 135), lap(5, 74, 135))  # fmt: skip
    assert work_laps(laps, Rules()) == 0
    recovered = (*laps[:4], lap(5, 60, 150), *laps[5:])
    assert work_laps(recovered, Rules()) == 2


def test_work_laps_at_a_race_distance_are_intervals_not_a_race() -> None:
    """5 x (4 minutes at 112 %, 3 at 70 %) and 8 minutes at 85 %: 9.9 km at 92 % of threshold
    on average, hard and at a race distance, but work laps with recoveries: intervals."""
    laps = [x for _ in range(5) for x in (lap(4, 112, 176), lap(3, 70, 150))]
    session = run(*laps, lap(8, 85, 160))
    assert abs((session.meters or 0) - 10_000) < 200  # within 2 % of 10 km
    week = RunWeek(weekly_minutes=300, typical_speed_m_s=3.3)
    anchors = SCENARIOS["power"][0]
    assert classify(session, anchors, week, Rules()).kind is RunKind.INTERVALS
