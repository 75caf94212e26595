"""Cues are true for every kit an exercise can be done with: none names equipment the athlete may
not have (a "dumbbell" cue for a runner given the exercise with a kettlebell, a "handle" for one
with a band)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from builders import library
from runstrong.domain.exercise import Equipment, Exercise

E = Equipment
MACHINES = frozenset({E.CABLE_MACHINE, E.LEG_PRESS, E.CALF_MACHINE, E.LEG_CURL_MACHINE})
# Words in a cue that name a piece of equipment, and the kinds each can mean. "bar" is a
# barbell, a pull-up bar, a bar set in a rack or a cable attachment; "handle" a cable's, a
# suspension trainer's or a weight's. Things every home has (wall, step, stair, mat, towel) are
# not equipment.
CUE_EQUIPMENT_WORDS: dict[str, frozenset[Equipment]] = {
    "dumbbell": frozenset({E.DUMBBELLS}),
    "dumbbells": frozenset({E.DUMBBELLS}),
    "kettlebell": frozenset({E.KETTLEBELL}),
    "kettlebells": frozenset({E.KETTLEBELL}),
    "bell": frozenset({E.KETTLEBELL}),
    "barbell": frozenset({E.BARBELL}),
    "bar": frozenset({E.BARBELL, E.PULL_UP_BAR, E.SQUAT_RACK, E.CABLE_MACHINE}),
    "plates": frozenset({E.BARBELL}),
    "rack": frozenset({E.SQUAT_RACK}),
    "cable": frozenset({E.CABLE_MACHINE}),
    "pulley": frozenset({E.CABLE_MACHINE}),
    "rope": frozenset({E.CABLE_MACHINE}),
    "handle": frozenset({E.CABLE_MACHINE, E.SUSPENSION_TRAINER, E.DUMBBELLS, E.KETTLEBELL}),
    "handles": frozenset({E.CABLE_MACHINE, E.SUSPENSION_TRAINER, E.DUMBBELLS, E.KETTLEBELL}),
    "machine": MACHINES,
    "band": frozenset({E.RESISTANCE_BAND, E.MINI_BAND}),
    "bands": frozenset({E.RESISTANCE_BAND, E.MINI_BAND}),
    "bench": frozenset({E.BENCH}),
    "box": frozenset({E.BOX}),
    "ball": frozenset({E.STABILITY_BALL, E.MEDICINE_BALL}),
    "slider": frozenset({E.SLIDERS}),
    "sliders": frozenset({E.SLIDERS}),
    "suspension": frozenset({E.SUSPENSION_TRAINER}),
    "straps": frozenset({E.SUSPENSION_TRAINER}),
}


def named_equipment(cue: str) -> list[frozenset[Equipment]]:
    """The kinds each equipment word of the cue can mean, in the cue's order."""
    body_parts = re.sub(r"\bballs? of\b", "", cue.lower())  # "the ball of the foot"
    words = re.findall(r"[a-z]+", body_parts)
    return [CUE_EQUIPMENT_WORDS[w] for w in words if w in CUE_EQUIPMENT_WORDS]


def cues_naming_missing_kit(ex: Exercise) -> list[str]:
    """The cues that name kit some athlete given the exercise lacks. Kit the exercise requires
    may be named; other kit only with its alternatives ("a cable or band"), so that every
    athlete given the exercise has one of the things named."""
    everything = frozenset(Equipment)
    missing = []
    for cue in ex.cues:
        optional = [kinds for kinds in named_equipment(cue) if ex.fits(everything - kinds)]
        if optional and ex.fits(everything - frozenset().union(*optional)):
            missing.append(cue)
    return missing


@pytest.mark.parametrize("ex", sorted(library(), key=lambda ex: ex.slug), ids=lambda ex: ex.slug)
def test_no_cue_names_equipment_the_exercise_can_be_done_without(ex: Exercise) -> None:
    assert cues_naming_missing_kit(ex) == []


def test_the_vocabulary_reads_equipment_words_whole_and_in_any_case() -> None:
    assert named_equipment("A Dumbbell in each hand") == [{E.DUMBBELLS}]
    assert named_equipment("Hold the band; step on the box") == [
        {E.RESISTANCE_BAND, E.MINI_BAND},
        {E.BOX},
    ]
    assert named_equipment("Stand tall, barely bending the knees (no boxing)") == []
    assert named_equipment("Rise onto the balls of the feet, then the ball of one foot") == []


def test_a_dumbbell_cue_on_an_exercise_a_kettlebell_can_do_is_caught() -> None:
    rdl = library().get("dumbbell_romanian_deadlift")
    cue = "A dumbbell in each hand in front of the thighs, knees slightly bent"
    assert cues_naming_missing_kit(replace(rdl, cues=(cue,))) == [cue]


def test_a_cue_naming_every_alternative_or_required_kit_passes() -> None:
    chop = library().get("cable_chop")  # a cable machine or a band
    either = "Hold the handle or band with both hands"
    handle_only = "Hold the handle with both hands"
    assert cues_naming_missing_kit(replace(chop, cues=(either, handle_only))) == [handle_only]
    swing = library().get("kettlebell_swing")  # a kettlebell is required
    assert cues_naming_missing_kit(swing) == []


def test_required_kit_in_a_cue_does_not_excuse_optional_kit_beside_it() -> None:
    split_squat = library().get("bulgarian_split_squat")  # a bench, and dumbbells or a kettlebell
    bench = "Back foot laces-down on the bench"
    dumbbells = "Dumbbells at your sides, back foot laces-down on the bench"
    either = "Two dumbbells or kettlebells at your sides, back foot on the bench"
    cues = (bench, dumbbells, either)
    assert cues_naming_missing_kit(replace(split_squat, cues=cues)) == [dumbbells]
