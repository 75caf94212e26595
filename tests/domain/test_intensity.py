"""The NSCA %1RM-reps table read the other way: how many reps a load allows (science.md §2.2)."""

from __future__ import annotations

import pytest

from runstrong.domain.intensity import reps_possible_at


@pytest.mark.parametrize(
    ("percent", "reps"),
    [
        (100, 1),  # the 1RM itself
        (83, 7),  # exactly the 7RM load (NSCA: 7 reps at 83 %)
        (81, 7),  # lighter than the 7RM load, heavier than the 8RM load (80 %)
        (80, 8),
        (75, 10),
        (70, 12),  # the table's last row
        (101, 0),  # more than the 1RM: not one rep
    ],
)
def test_the_reps_a_load_allows_come_from_the_nsca_table(percent: float, reps: int) -> None:
    assert reps_possible_at(percent) == reps


def test_past_12rm_the_table_cannot_say() -> None:
    assert reps_possible_at(69.9) is None
    assert reps_possible_at(40) is None
