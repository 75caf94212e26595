"""The dose in words: a superset's members share one rest, after the pair, as the watch plays it."""

from __future__ import annotations

from builders import make_prescription
from runstrong.domain.plan import ByRir, Reps, Role
from runstrong.render.dose_text import dose_text, rest_texts


def test_a_superset_rests_once_after_the_pair_with_the_longer_rest() -> None:
    squat = make_prescription("goblet_squat", role=Role.MAIN, rest_s=150)
    split = make_prescription("bulgarian_split_squat", role=Role.SECONDARY, rest_s=90, superset="A")
    press = make_prescription("push_up", role=Role.UPPER, rest_s=75, superset="A")
    plank = make_prescription("plank", role=Role.TRUNK, rest_s=30)
    assert rest_texts([squat, split, press, plank]) == [
        "rest 2:30",
        "then straight to B2",
        "rest 1:30 after the pair",
        "rest 30 s",
    ]


def test_the_dose_line_ends_with_the_given_rest() -> None:
    split = make_prescription("bulgarian_split_squat", sets=3, dose=Reps(8, ByRir(2)), rest_s=90)
    assert dose_text(split) == "3 × 8 @ RIR 2, rest 1:30"
    assert dose_text(split, None, "then straight to B2") == "3 × 8 @ RIR 2, then straight to B2"
