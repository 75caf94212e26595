"""records.quick_init: the quicker __init__ keeps what a frozen, slotted dataclass promises."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from runstrong.domain.plan import ByRir, Prescription, Reps, Role
from runstrong.domain.records import quick_init


@dataclasses.dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 7
    _hash: int = dataclasses.field(default=0, init=False, repr=False, compare=False)


quick_init(Point)


def test_fields_defaults_and_fields_outside_init_are_set() -> None:
    p = Point(3)
    assert (p.x, p.y, p._hash) == (3, 7, 0)
    assert Point(1, y=2) == Point(x=1, y=2) != Point(1)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"


def test_it_stays_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 2  # type: ignore[misc]


def test_wrong_arguments_are_refused_as_before() -> None:
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, 3)  # type: ignore[call-arg]


def test_a_class_with_a_default_factory_is_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="default factories"):
        quick_init(Listed)


def test_a_prescription_revised_and_pickled_equals_one_made_whole() -> None:
    made = Prescription("plank", "Plank", Role.TRUNK, 3, Reps(8, ByRir(2)), False, 60, None, "", ())
    revised = made.revised(sets=2, superset="A")
    whole = Prescription(
        "plank", "Plank", Role.TRUNK, 2, Reps(8, ByRir(2)), False, 60, None, "", (), (), "A"
    )
    assert revised == whole
    assert hash(revised) == hash(whole)
    assert pickle.loads(pickle.dumps(revised)) == whole
