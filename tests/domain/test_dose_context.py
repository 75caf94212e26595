"""dose_context is the engine's cache key for doses: contexts it calls equal must dose alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import library
from runstrong.domain.exercise import Exercise, Level
from runstrong.domain.load_ceiling import Kit, LoadLimit
from runstrong.domain.plan import ByPercent, Contacts, Hold, Phase, Prescription, Reps, Role
from runstrong.domain.prescription import Context, deloaded, dose_context, prescribe
from runstrong.domain.rules import Rules

RULES = Rules()
EXERCISES = sorted(library(), key=lambda ex: ex.slug)

contexts = st.builds(
    Context,
    level=st.sampled_from(Level),
    phase=st.sampled_from(Phase),
    week_in_block=st.integers(0, 7),
    reduced_volume=st.booleans(),
    plyo_contacts=st.integers(0, 150),
    activation=st.booleans(),
    block=st.integers(0, 6),
    loading_block=st.integers(0, 8),
    block_weeks=st.integers(1, 5),
)


# A light kit's limit (load_ceiling.py) is one per exercise: it must not split a key either.
limits = st.builds(
    LoadLimit,
    ceiling_kg=st.floats(1, 80),
    kit=st.just(Kit("dumbbell", 1, 20.0)),
    one_rm_kg=st.floats(10, 150),
    known_max=st.booleans(),
)


@settings(max_examples=1000)  # cheap, and the cases that differ are a few percent of all
@given(
    st.sampled_from(EXERCISES),
    st.sampled_from(Role),
    contexts,
    st.integers(0, 7),
    st.sampled_from(Phase),
    st.integers(0, 150),
    st.one_of(st.none(), limits),
    st.integers(0, 6),
)
def test_contexts_with_one_key_get_one_dose(
    ex: Exercise,
    role: Role,
    ctx: Context,
    week: int,
    phase: Phase,
    contacts: int,
    limit: LoadLimit | None,
    block: int,
) -> None:
    """Each change dose_context may leave out of the key: the week and the block (their step of
    the progression stays), the phase, the contacts, alone and together; with or without a light
    kit's limit."""
    for other in (
        ctx._replace(week_in_block=week),
        ctx._replace(block=block, loading_block=block),
        ctx._replace(block_weeks=week + 1),
        ctx._replace(phase=phase),
        ctx._replace(plyo_contacts=contacts),
        ctx._replace(week_in_block=week, phase=phase, plyo_contacts=contacts),
    ):
        if dose_context(ex, role, ctx, RULES) == dose_context(ex, role, other, RULES):
            got = prescribe(ex, role, ctx, RULES, limit=limit)
            assert got == prescribe(ex, role, other, RULES, limit=limit)


def test_an_accessory_has_one_key_across_the_training_phases() -> None:
    plank = library().get("plank")
    keys = {
        dose_context(
            plank, Role.TRUNK, Context(Level.INTERMEDIATE, phase, 0, False, 40, False), RULES
        )
        for phase in (Phase.BASE, Phase.BUILD, Phase.TRANSITION, Phase.RECOVERY)
    }
    assert len(keys) == 1


@given(st.sampled_from(EXERCISES), st.sampled_from(Role), contexts, contexts)
def test_activation_has_no_key_and_one_dose(
    ex: Exercise, role: Role, a: Context, b: Context
) -> None:
    a, b = a._replace(activation=True), b._replace(activation=True)
    if dose_context(ex, role, a, RULES) is None:
        assert dose_context(ex, role, b, RULES) is None
        assert prescribe(ex, role, a, RULES) == prescribe(ex, role, b, RULES)


def test_a_heavy_main_lift_keeps_its_week_in_the_key() -> None:
    squat = library().get("back_squat")
    weeks = [Context(Level.INTERMEDIATE, Phase.BASE, w, False, 0, False) for w in range(3)]
    doses = {prescribe(squat, Role.MAIN, ctx, RULES).dose for ctx in weeks}
    keys = {dose_context(squat, Role.MAIN, ctx, RULES) for ctx in weeks}
    assert len(doses) == 3  # 8, 6 and 5 reps: science.md §2.3
    assert len(keys) == 3


def test_an_accessory_for_reps_drops_the_week_from_the_key() -> None:
    bug = library().get("dead_bug")
    weeks = [Context(Level.INTERMEDIATE, Phase.BASE, w, False, 0, False) for w in range(3)]
    assert len({dose_context(bug, Role.TRUNK, ctx, RULES) for ctx in weeks}) == 1


def test_a_hold_keeps_its_step_in_the_key_and_lengthens_by_it() -> None:
    plank = library().get("plank")
    weeks = [Context(Level.INTERMEDIATE, Phase.BASE, w, False, 0, False) for w in range(3)]
    assert len({dose_context(plank, Role.TRUNK, ctx, RULES) for ctx in weeks}) == 3
    seconds = [prescribe(plank, Role.TRUNK, ctx, RULES).dose for ctx in weeks]
    start = RULES.hold_seconds_beginner_variant  # the plank is a beginner-level hold
    assert seconds == [Hold(start), Hold(start + 5), Hold(start + 10)]


@given(st.sampled_from(EXERCISES), st.sampled_from(Role), contexts)
def test_a_deload_keeps_the_work_and_cuts_the_sets_and_effort(
    ex: Exercise, role: Role, ctx: Context
) -> None:
    """science.md §3.4: same reps (seconds, contacts), half the sets rounded up, RIR + 2."""
    loading = prescribe(ex, role, ctx, RULES)
    light = deloaded(loading, RULES)
    assert (light.slug, work(light), light.rest_s) == (loading.slug, work(loading), loading.rest_s)
    if loading.role is Role.ACTIVATION:
        assert light == loading
        return
    assert light.sets == max(1, -(-loading.sets // 2))
    before, after = loading.effort, light.effort
    if before is not None:
        assert after is not None
        assert after.rir == min(RULES.rir_max, before.rir + 2)
    if isinstance(before, ByPercent) and isinstance(after, ByPercent):
        assert after.percent_1rm <= before.percent_1rm  # more in reserve: a lighter load


def work(p: Prescription) -> Hold | Contacts | int:
    """What a set does: its hold, its contacts, or its count of reps (without their effort)."""
    return p.dose.count if isinstance(p.dose, Reps) else p.dose
