"""dose_context is the engine's cache key for doses: contexts it calls equal must dose alike."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from builders import library
from runstrong.domain.exercise import Exercise, Level
from runstrong.domain.plan import Phase, Role
from runstrong.domain.prescription import Context, dose_context, prescribe
from runstrong.domain.rules import Rules

RULES = Rules()
EXERCISES = sorted(library(), key=lambda ex: ex.slug)

contexts = st.builds(
    Context,
    level=st.sampled_from(Level),
    phase=st.sampled_from(Phase),
    week_in_block=st.integers(0, 7),
    deload=st.booleans(),
    reduced_volume=st.booleans(),
    plyo_contacts=st.integers(0, 150),
    activation=st.booleans(),
    deload_plyo_cut_pct=st.integers(0, 90),
)


@given(st.sampled_from(EXERCISES), st.sampled_from(Role), contexts, st.integers(0, 7))
def test_weeks_with_one_key_get_one_dose(ex: Exercise, role: Role, ctx: Context, week: int) -> None:
    other = replace(ctx, week_in_block=week)
    if dose_context(ex, role, ctx) == dose_context(ex, role, other):
        assert prescribe(ex, role, ctx, RULES) == prescribe(ex, role, other, RULES)


@given(st.sampled_from(EXERCISES), st.sampled_from(Role), contexts, contexts)
def test_activation_has_no_key_and_one_dose(
    ex: Exercise, role: Role, a: Context, b: Context
) -> None:
    a, b = replace(a, activation=True), replace(b, activation=True)
    if dose_context(ex, role, a) is None:
        assert dose_context(ex, role, b) is None
        assert prescribe(ex, role, a, RULES) == prescribe(ex, role, b, RULES)


def test_a_heavy_main_lift_keeps_its_week_in_the_key() -> None:
    squat = library().get("back_squat")
    weeks = [Context(Level.INTERMEDIATE, Phase.BASE, w, False, False, 0, False) for w in range(3)]
    doses = {prescribe(squat, Role.MAIN, ctx, RULES).reps for ctx in weeks}
    keys = {dose_context(squat, Role.MAIN, ctx) for ctx in weeks}
    assert len(doses) == 3  # 8, 6 and 5 reps: science.md §2.3
    assert len(keys) == 3


def test_an_accessory_drops_the_week_from_the_key() -> None:
    plank = library().get("plank")
    weeks = [Context(Level.INTERMEDIATE, Phase.BASE, w, False, False, 0, False) for w in range(3)]
    assert len({dose_context(plank, Role.TRUNK, ctx) for ctx in weeks}) == 1
