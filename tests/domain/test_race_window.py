"""Race weeks (science.md §3.1): within 5 days of a B race every set keeps 3 or more reps in
reserve and stays below 85 % 1RM, a session holds at most 20 contacts; after a race, heavy legs
wait for days that follow its distance. %1RM values from the NSCA table by hand: 7RM = 83 %,
6RM = 85 %, 5RM = 87 %."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from builders import make_prescription, make_race, with_rule
from runstrong.domain.drafts import Draft
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Reps, Role
from runstrong.domain.race_window import (
    b_race_dates,
    b_race_draft,
    days_to_b_race,
    within_b_race_limits,
)
from runstrong.domain.rules import Rules
from runstrong.domain.scheduling import no_heavy_days_after
from runstrong.domain.templates import A

RULES = Rules()
DAY = date(2027, 3, 2)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the case: 3 x 4 @ RIR 1 at 87 % -> RIR 3, 4 + 3 = 7RM, 83 %
        (Reps(4, ByPercent(87, 1)), Reps(4, ByPercent(83, 3))),
        # 3 reps at RIR 3 would be 6RM, 85 %: one more in reserve, 7RM, 83 %
        (Reps(3, ByPercent(90, 1)), Reps(3, ByPercent(83, 4))),
        (Reps(3, ByRir(2)), Reps(3, ByRir(4))),
        (Reps(8, ByRir(2)), Reps(8, ByRir(3))),
    ],
)
def test_a_set_near_a_b_race_keeps_three_in_reserve_and_stays_below_85_percent(
    before: Reps, after: Reps
) -> None:
    p = make_prescription("back_squat", dose=before)
    assert within_b_race_limits(p, RULES).dose == after


@pytest.mark.parametrize("dose", [Reps(12, ByRir(4)), Reps(6, ByRir(3)), Hold(30), Contacts(10)])
def test_a_dose_already_within_the_limits_is_left_as_it_is(dose: Reps | Hold | Contacts) -> None:
    p = make_prescription("back_squat", dose=dose)
    assert within_b_race_limits(p, RULES) is p


def test_fifty_hops_become_twenty_and_the_session_says_so() -> None:
    hops = make_prescription(
        "single_leg_hop", role=Role.PLYOMETRIC, sets=5, dose=Contacts(5), per_side=True
    )  # 5 sets x 5 contacts a side = 50
    squat = make_prescription("back_squat", dose=Reps(4, ByPercent(87, 1)))
    draft = Draft(A, (hops, squat), (6, 1), ("", ""), ())
    got = b_race_draft(draft, 5, RULES)
    assert got.exercises[0].sets == 2  # 2 x 5 a side = 20 contacts
    assert got.exercises[1].dose == Reps(4, ByPercent(83, 3))
    assert with_rule(
        got.notes,
        RuleId.B_RACE_DOSE,
        days=5,
        rir_raised=1,
        percent_lowered=1,
        contacts_cut=1,
    )


def test_a_session_already_light_enough_is_unchanged() -> None:
    easy = make_prescription("back_squat", dose=Reps(8, ByRir(3)))
    draft = Draft(A, (easy,), (1,), ("",), ())
    assert b_race_draft(draft, 4, RULES) is draft


def test_only_b_races_in_the_next_five_days_count() -> None:
    def days(offset: int, priority: str = "B") -> int | None:
        race = make_race(DAY + timedelta(days=offset), priority, "half_marathon")
        return days_to_b_race(DAY, b_race_dates((race,)), RULES)

    assert days(5) == 5
    assert days(1) == 1
    assert days(6) is None
    assert days(0) is None  # race day: no strength at all (other rules)
    assert days(3, "A") is None  # the A race's taper rules it
    assert days(3, "C") is None


@pytest.mark.parametrize(
    ("distance", "days"),
    [("5k", 2), ("10k", 2), ("other", 2), ("half_marathon", 4), ("marathon", 7), ("ultra", 10)],
)
def test_heavy_legs_return_after_a_race_by_its_distance(distance: str, days: int) -> None:
    assert no_heavy_days_after(make_race(DAY, "B", distance), RULES) == days


def test_a_longer_race_never_gets_a_shorter_return_than_a_shorter_one() -> None:
    rules = Rules(no_heavy_days_after_ultra=1, no_heavy_days_after_half_marathon=1)
    assert no_heavy_days_after(make_race(DAY, "A", "ultra"), rules) == 7  # the marathon's
    assert no_heavy_days_after(make_race(DAY, "A", "half_marathon"), rules) == 2  # the 10k's
