"""The e1RM of a logged set: Epley on the reps the set could have reached (reps + RIR),
docs/science.md §2.6; values worked out by hand."""

from __future__ import annotations

import pytest

from runstrong.domain.e1rm import e1rm_kg, load_for_reps_kg


@pytest.mark.parametrize(
    ("kg", "reps", "rir", "expected"),
    [
        (100.0, 5, 0, 116.7),  # 100 x (1 + 5/30)
        (100.0, 5, 2, 123.3),  # 100 x (1 + 7/30)
        (100.0, 5, None, 116.7),  # no RIR: taken to failure
        (60.0, 10, 0, 80.0),  # 60 x (1 + 10/30)
        (140.0, 1, 0, 140.0),  # a single at failure is the max itself
        (40.0, 8, 2, 53.3),
    ],
)
def test_e1rm_is_epley_on_reps_plus_reps_in_reserve(
    kg: float, reps: int, rir: int | None, expected: float
) -> None:
    assert e1rm_kg(kg, reps, rir) == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize(
    ("kg", "reps", "rir"),
    [(None, 5, 2), (100.0, None, 2), (100.0, 9, 2), (100.0, 5, 5), (100.0, 0, 0), (0.0, 5, 2)],
)
def test_no_estimate_past_ten_reps_five_in_reserve_or_without_a_load(
    kg: float | None, reps: int | None, rir: int | None
) -> None:
    assert e1rm_kg(kg, reps, rir) is None


def test_the_load_for_a_dose_is_the_formula_solved_for_the_load() -> None:
    assert load_for_reps_kg(123.3333, 5, 2) == pytest.approx(100.0, abs=1e-3)
    assert load_for_reps_kg(120.0, 1, 0) == 120.0
    assert load_for_reps_kg(120.0, 8, 3) is None  # 11 reps to failure: outside the formula
