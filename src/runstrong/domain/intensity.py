"""The NSCA relation between %1RM and the reps a lifter can manage (science.md §2.2) [nsca2016].

Read at (reps + RIR), it gives the %1RM of a set that leaves RIR reps in reserve; read the other
way, the most reps a load allows. The table stops at 12RM (about 70 %): past it, estimates of
reps and reserve are too loose to plan with (science.md §2.5, §2.6).
"""

from __future__ import annotations

# %1RM by the number of reps possible (NSCA, science.md §2.2) [nsca2016].
PERCENT_1RM_BY_RM: dict[int, int] = {
    1: 100, 2: 95, 3: 93, 4: 90, 5: 87, 6: 85, 7: 83, 8: 80, 9: 77, 10: 75, 11: 72, 12: 70,
}  # fmt: skip
LAST_RM = max(PERCENT_1RM_BY_RM)


def percent_1rm_for(reps: int, rir: int) -> int | None:
    """The %1RM that leaves `rir` reps in reserve after `reps` reps; None past 12RM."""
    return PERCENT_1RM_BY_RM.get(reps + rir)


def reps_possible_at(percent: float) -> int | None:
    """The most reps a load of `percent` %1RM allows (0 above the 1RM); None when it allows more
    than 12, where the table cannot say how many."""
    if percent < PERCENT_1RM_BY_RM[LAST_RM]:
        return None
    return max((rm for rm, pct in PERCENT_1RM_BY_RM.items() if pct >= percent), default=0)
