"""Supersets: which exercises pair, and how the time estimate counts them."""

from __future__ import annotations

from builders import library, make_prescription
from runstrong.domain.budget import session_minutes
from runstrong.domain.plan import ByRir, Prescription, Reps, Role
from runstrong.domain.rules import Rules
from runstrong.domain.supersets import group, label


def rx(slug: str, role: Role, sets: int = 3, reps: int = 10, rest_s: int = 60) -> Prescription:
    return make_prescription(
        slug, role=role, sets=sets, dose=Reps(reps, ByRir(2)), rest_s=rest_s, why=""
    )


def test_a_leg_accessory_takes_the_first_upper_or_trunk_partner() -> None:
    main = rx("goblet_squat", Role.MAIN)
    calf = rx("standing_calf_raise", Role.CALF)
    push = rx("push_up", Role.UPPER)
    plank = rx("plank", Role.TRUNK)
    got = group([main, calf, push, plank])
    assert got == [(main,), (calf, push), (plank,)]


def test_main_lifts_and_plyometrics_are_never_paired() -> None:
    got = group(
        [rx("pogo_hops", Role.PLYOMETRIC), rx("back_squat", Role.MAIN), rx("plank", Role.TRUNK)]
    )
    assert all(len(g) == 1 for g in got)


def test_labels_mark_pair_members_with_one_letter() -> None:
    calf, push = rx("standing_calf_raise", Role.CALF), rx("push_up", Role.UPPER)
    out = label([(calf, push)])
    assert [p.superset for p in out] == ["A", "A"]


def test_a_superset_saves_one_rest_period_per_set() -> None:
    calf = rx("standing_calf_raise", Role.CALF, sets=3, reps=10, rest_s=60)
    push = rx("push_up", Role.UPPER, sets=3, reps=10, rest_s=60)
    rules = Rules(warm_up_minutes=0, changeover_seconds=0)
    off = Rules(warm_up_minutes=0, changeover_seconds=0, superset_accessories=False)
    lib = library()
    spr_calf = lib.get("standing_calf_raise").seconds_per_rep
    spr_push = lib.get("push_up").seconds_per_rep
    separate = 3 * 10 * spr_calf + 2 * 60 + 3 * 10 * spr_push + 2 * 60
    paired = 3 * (10 * spr_calf + 10 * spr_push + 20) + 2 * 60
    assert session_minutes([calf, push], lib, off) == -(-separate // 60)
    assert session_minutes([calf, push], lib, rules) == -(-paired // 60)


def test_the_switches_between_sides_and_partners_are_rules() -> None:
    """A per-side set is both sides' work and one switch; a superset round is both partners' work
    and one walk between them: `side_switch_seconds` and `superset_switch_seconds`."""
    lunge = make_prescription(
        "split_squat", role=Role.SECONDARY, sets=2, dose=Reps(10), rest_s=60, per_side=True
    )
    push = rx("push_up", Role.UPPER, sets=2, reps=10, rest_s=60)
    lib = library()
    spr_lunge = lib.get("split_squat").seconds_per_rep
    spr_push = lib.get("push_up").seconds_per_rep
    for side, walk in ((15, 20), (45, 90)):
        rules = Rules(
            warm_up_minutes=0,
            changeover_seconds=0,
            side_switch_seconds=side,
            superset_switch_seconds=walk,
        )
        round_s = (2 * 10 * spr_lunge + side) + 10 * spr_push + walk
        assert session_minutes([lunge, push], lib, rules) == -(-(2 * round_s + 60) // 60)
