"""A Prescription keeps its hash after the first lookup (planning looks the same ones up thousands
of times), but never carries it to another process, where strings hash differently."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from builders import ROOT, make_prescription
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Dose, Hold, Reps

MADE_ELSEWHERE = """
import pickle, sys
sys.path.insert(0, {tests!r})
from builders import make_prescription
p = make_prescription("side_plank", name="Side plank", superset="B")
hash(p)  # kept in this process, under its own string hashes
sys.stdout.buffer.write(pickle.dumps(p))
"""


def test_a_prescription_pickled_in_another_process_is_found_by_an_equal_one() -> None:
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    made = subprocess.run(
        [sys.executable, "-c", MADE_ELSEWHERE.format(tests=str(ROOT / "tests"))],
        capture_output=True,
        check=True,
        env=env,
    )
    loaded = pickle.loads(made.stdout)
    here = make_prescription("side_plank", name="Side plank", superset="B")
    assert loaded == here
    assert {here: "found"}.get(loaded) == "found"
    assert hash(loaded) == hash(here)


@pytest.mark.parametrize(
    "dose",
    [Reps(5, ByPercent(83, 2)), Reps(8, ByRir(2)), Reps(10), Hold(30), Contacts(20)],
    ids=["percent", "rir", "reps-alone", "hold", "contacts"],
)
def test_every_shape_of_dose_survives_a_round_trip(dose: Dose) -> None:
    p = make_prescription("side_plank", dose=dose)
    again = pickle.loads(pickle.dumps(p))
    assert again == p
    assert again.dose == dose
    assert type(again.dose) is type(dose)


def test_a_prescription_survives_a_round_trip_with_every_field() -> None:
    notes = (reason(RuleId.NIGGLE_SWAP, replaced="Plank", niggle_sites=("low_back",)),)
    p = make_prescription("side_plank", name="Side plank", notes=notes, superset="C")
    hash(p)
    again = pickle.loads(pickle.dumps(p))
    assert again == p
    assert (again.superset, again.notes, again.name) == ("C", notes, "Side plank")
