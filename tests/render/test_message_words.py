"""The message catalogue: the words for every rule id. The only tests that check wording (issue
12); every other test checks rule ids and parameters. The expected sentences are the ones the
engine wrote before reasons were records, so the plans read as they did."""

from __future__ import annotations

import pytest

from runstrong.domain.messages import Param, Reason, RuleId, reason
from runstrong.render.messages import cited, text

SHORTFALL_ESTIMATED: dict[str, Param] = {  # a 20 kg bell for 5 reps at RIR 2, for a 48 kg estimate
    "kit": "kettlebell",
    "held": 1,
    "kit_kg": 20.0,
    "reps": 5,
    "rir": 2,
    "need_kg": 40,
    "percent": 0,
    "max_kg": 0,
}
SHORTFALL_KNOWN: dict[str, Param] = {  # a 24 kg dumbbell for 5 reps at RIR 2, for a known 40 kg max
    "kit": "dumbbell",
    "held": 1,
    "kit_kg": 24.0,
    "reps": 5,
    "rir": 2,
    "need_kg": 33,
    "percent": 83,
    "max_kg": 40.0,
}

WORDS: list[tuple[Reason, str]] = [
    (
        reason(RuleId.NO_STRENGTH_DAY_BEFORE_START, start_date="2026-12-13"),
        "No strength session this week: the plan starts on Sun 13 Dec, after this week's "
        "strength days.",
    ),
    (
        reason(RuleId.SESSIONS_BEFORE_START, count=1, planned=2, start_date="2026-12-11"),
        "1 of 2 planned sessions fit this week: the plan starts on Fri 11 Dec.",
    ),
    (
        reason(
            RuleId.KEY_RUN_BUFFER, load="heavy_legs", run="sun:long", hours=110, buffer_hours=120.0
        ),
        "Sunday's long run is 110 h later, inside the 120 h we prefer and the best days this week "
        "allow; keep this session's legs crisp, not to failure",
    ),
    (
        reason(RuleId.DAY_BEFORE_KEY_RUN, load="heavy_legs", run="sun:long", add_day="sun"),
        "rule 'no heavy legs the day before a key run, long run or race' broken: Sunday's long "
        "run tomorrow; no better strength day this week (adding Sunday to your strength days "
        "would let it follow that run)",
    ),
    (
        reason(
            RuleId.MODERATE_NEAR_KEY_RUN,
            tomorrow=("sun:long",),
            later=(),
            later_hours=(),
            buffer_hours=48.0,
        ),
        "moderate on the legs, so Sunday's long run tomorrow is fine: the day before and the "
        "48 h buffer are kept free of heavy legs and hard plyometrics; keep it crisp, not to "
        "failure",
    ),
    (
        reason(
            RuleId.MODERATE_NEAR_KEY_RUN,
            tomorrow=(),
            later=("thu:tempo",),
            later_hours=("37",),
            buffer_hours=48.0,
        ),
        "moderate on the legs, so Thursday's tempo run 37 h later is fine: the 48 h buffer is "
        "for heavy legs and hard plyometrics, and the day before stays free",
    ),
    (
        reason(RuleId.RUN_FIRST, run="thu:easy", run_time="19:00"),
        "rule 'run first, strength later' broken: Thursday's easy run starts at 19:00, after "
        "this session and too late to lift after it",
    ),
    (
        reason(RuleId.AFTER_RUN, hours=10.0, run="tue:intervals"),
        "10 h after Tuesday's intervals run: run first, then lift",
    ),
    (
        reason(RuleId.NO_SINGLE_LEG, niggle_sites=("knee",)),
        "no single-leg exercise: your knee niggle rules those out",
    ),
    (
        reason(RuleId.NO_SINGLE_LEG, niggle_sites=()),
        "no single-leg exercise: none fits your equipment and level",
    ),
    (
        reason(RuleId.SINGLE_LEG_HIP, niggle_sites=("knee",)),
        "single-leg hip work in place of single-leg knee work: your knee niggle rules those out",
    ),
    (
        reason(RuleId.STAND_IN, light="recovery"),
        "A light recovery session takes the place of the session left out.",
    ),
    (
        reason(RuleId.EASY_DAY_NO_KEY_DAY),
        "on a day without a key run: none of your strength days has one",
    ),
    (
        reason(RuleId.EASY_DAY_NO_KEY_DAY_SUITS),
        "on a day without a key run: no key-run day this week suits this session",
    ),
    (
        reason(
            RuleId.SETS_CUT_TO_FIT,
            sets=2,
            before=3,
            exercises=("Back squat", "Plank"),
            budget_minutes=30,
            budget="yours",
        ),
        "2 sets instead of 3 to fit your 30 minutes: Back squat, Plank",
    ),
    (
        reason(
            RuleId.LEFT_OUT_TO_FIT,
            exercises=("Side plank",),
            budget_minutes=30,
            budget="maintenance",
        ),
        "left out Side plank to fit the 30 minutes kept for maintenance",
    ),
    (
        reason(RuleId.NIGGLE_SWAP, replaced="Split squat", niggle_sites=("knee",)),
        "chosen instead of Split squat, which needs care with your knee niggle",
    ),
    (
        reason(RuleId.NIGGLE_CARE, site="knee", severity="mild", safe_pain=2, acceptable_pain=5),
        "mild knee niggle: to a set, pain-free depth (a box), 3 s down; pain up to 2/10 fine, "
        "5/10 if gone by morning",
    ),
    (
        reason(
            RuleId.NIGGLE_TENDON_LOADING,
            site="achilles",
            severity="moderate",
            safe_pain=2,
            acceptable_pain=5,
        ),
        "moderate Achilles niggle: heavy, slow loading treats it; add load as reps get easier, "
        "pain up to 2/10 fine, 5/10 if gone by morning",
    ),
    (
        reason(RuleId.NIGGLE_FEWER_CONTACTS, niggle_sites=("achilles", "knee"), percent=50),
        "50 % of the contacts for your Achilles, knee niggle",
    ),
    (
        reason(RuleId.NIGGLE_PATTERN_REMOVED, niggle_sites=("knee",), pattern="knee_dominant"),
        "no squat pattern: your severe knee niggle rules that out. See a physiotherapist or "
        "doctor before loading it again",
    ),
    (
        reason(
            RuleId.HEAVIER_VARIANT,
            replaced="Kettlebell Romanian deadlift",
            how="heaviest_sets",
            **SHORTFALL_ESTIMATED,
        ),
        "chosen instead of Kettlebell Romanian deadlift, for its heaviest sets: your heaviest "
        "kettlebell (20 kg) is too light for 5 reps with 2 in reserve, which need about 40 kg by "
        "our estimate for your body mass and level",
    ),
    (
        reason(RuleId.LIGHT_MORE_REPS, new_reps=8, **SHORTFALL_KNOWN),
        "your heaviest dumbbell (24 kg) is too light for 5 reps with 2 in reserve, which need "
        "about 33 kg, 83 % of your 40 kg max: 8 reps instead, to end near 2 in reserve",
    ),
    (
        reason(
            RuleId.LIGHT_SLOW_TEMPO,
            new_reps=12,
            lowering_s=4,
            pause_s=1,
            **SHORTFALL_ESTIMATED,
        ),
        "your heaviest kettlebell (20 kg) is too light for 5 reps with 2 in reserve, which need "
        "about 40 kg by our estimate for your body mass and level: 12 reps instead, 4 s down "
        "with a 1-s pause at the bottom, to come nearer 2 in reserve; still a lighter set than "
        "the dose, which heavier weights would give",
    ),
    (
        reason(RuleId.MAX_CHECKS_KIT, exercise="Goblet squat", in_plan=1),
        "Your Goblet squat max gives no %1RM: Goblet squat is dosed by reps in reserve. It is "
        "used to check that your heaviest weight is enough for its sets.",
    ),
    (
        reason(RuleId.MAX_CHECKS_KIT, exercise="Goblet squat", in_plan=0),
        "Your Goblet squat max gives no %1RM: Goblet squat is dosed by reps in reserve. It is "
        "used to check that your heaviest weight is enough for its sets. Goblet squat is not in "
        "this plan: a harder variant or another exercise took its place.",
    ),
    (
        reason(RuleId.MAX_UNUSED_BY_RIR, exercise="Goblet squat"),
        "Your Goblet squat max is not used: Goblet squat is dosed by reps in reserve, not by %1RM.",
    ),
    (
        reason(RuleId.MAX_UNUSED_NOT_IN_PLAN, exercise="Front squat"),
        "Your Front squat max is not used: Front squat is not in this plan (other exercises "
        "took its place).",
    ),
    (
        reason(
            RuleId.LOAD_CAPPED,
            kit="dumbbell",
            held=1,
            load_kg=20.0,
            share=50,
            advice="slow_lowering",
        ),
        "capped at your heaviest dumbbell: 20 kg is 50% of your max; slow the lowering instead",
    ),
    (
        reason(
            RuleId.LOAD_CAPPED,
            kit="dumbbell",
            held=2,
            load_kg=24.0,
            share=80,
            advice="slow_lowering",
        ),
        "capped at your heaviest dumbbells: 2 × 24 kg is 80% of your max; slow the lowering "
        "instead",
    ),
    (
        reason(
            RuleId.LOAD_CAPPED,
            kit="barbell",
            held=1,
            load_kg=140.0,
            share=88,
            advice="more_in_reserve",
        ),
        "capped at your heaviest barbell load: 140 kg is 88% of your max; expect a rep more in "
        "reserve",
    ),
    (
        reason(RuleId.DELOAD_DOSE, kept="reps", fewer_sets=1, more_rir=2),
        "deload: same reps, 1 fewer set and RIR +2",
    ),
    (
        reason(RuleId.DELOAD_DOSE, kept="contacts", fewer_sets=2, more_rir=0),
        "deload: same contacts, 2 fewer sets",
    ),
    (
        reason(
            RuleId.RACE_IN_WEEK,
            race="Park 5k",
            distance="5k",
            race_date="2027-01-30",
            priority="C",
        ),
        "Park 5k on Sat 30 Jan: C race: trained through, only the day before kept free of heavy "
        "legs.",
    ),
    (reason(RuleId.TEXT, text="kept as it was [doma2013]"), "kept as it was [doma2013]"),
]


@pytest.mark.parametrize(("record", "words"), WORDS, ids=lambda x: getattr(x, "rule", ""))
def test_a_reason_reads_as_the_plan_has_always_said_it(record: Reason, words: str) -> None:
    assert text(record) == words


def test_the_sources_go_in_brackets_before_a_closing_full_stop() -> None:
    after_run = reason(
        RuleId.AFTER_RUN, "doma2013", "schumann2022", hours=10.0, run="tue:intervals"
    )
    assert cited(after_run) == (
        "10 h after Tuesday's intervals run: run first, then lift [doma2013, schumann2022]"
    )
    stand_in = reason(RuleId.STAND_IN_ONLY, "runstrong_heuristic", light="activation")
    assert cited(stand_in) == (
        "No heavy session fits this week (race and taper limits), so a light activation "
        "session takes its place [runstrong_heuristic]."
    )
    assert cited(reason(RuleId.NOT_MEDICAL_ADVICE)) == text(reason(RuleId.NOT_MEDICAL_ADVICE))


def test_the_logs_reasons_in_words_and_in_the_athletes_units() -> None:
    from runstrong.render.messages import text

    more = reason(
        RuleId.LOG_LOAD, outcome="more", date="2027-01-05", kg=100.0, next_kg=105.0, reps=5, rir=2
    )
    assert text(more) == (
        "105 kg for 5 reps at RIR 2, up from the 100 kg of 2027-01-05 (done with more to spare "
        "than planned)"
    )
    in_lb = Reason(more.rule, (*more.params, ("units", "lb")), more.citations)
    assert text(in_lb) == (  # 105 / 0.45359237 = 231.5; 100 kg = 220.5 lb
        "231.5 lb for 5 reps at RIR 2, up from the 220.5 lb of 2027-01-05 (done with more to "
        "spare than planned)"
    )
    check_in = reason(
        RuleId.NIGGLE_CHECK_IN, site="knee", pain=1, before="moderate", after="moderate",
        safe_max=2, acceptable_max=5, step_down_days=14,
    )  # fmt: skip
    assert text(check_in) == (
        "knee pain 1/10 (at most 2: safe): stays moderate until 14 days of pain at most 2"
    )


def test_a_race_says_its_distance_and_how_hard_it_was_run() -> None:
    """A race's evidence is two reasons of one rule: the distance (or name), then the effort."""
    by_distance = reason(RuleId.RUN_RACE, how="distance", km=10.04)
    effort = reason(RuleId.RUN_RACE, measure="threshold_power", pct=102, minutes=42)
    assert text(by_distance) == "race: 10.04 km, a race distance, run hard"
    assert text(effort) == "race effort: 102 % of threshold power for 42 minutes"
