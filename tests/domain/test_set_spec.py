"""`--set SPEC` as the issue writes it: REPSxLOAD@RIR[/L|/R], SECONDSs, CONTACTSc, every part
after the exercise optional, the exercise a slug or a name of several words."""

from __future__ import annotations

import pytest

from runstrong.domain.set_spec import ParsedSet, SetSpecError, parse_set_spec
from runstrong.domain.training_log import Side


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("back_squat 5x100@2", ParsedSet("back_squat", reps=5, load=100.0, rir=2)),
        ("push_up 12@2", ParsedSet("push_up", reps=12, rir=2)),
        (
            "bulgarian_split_squat 8x20@2/L",
            ParsedSet("bulgarian_split_squat", Side.LEFT, reps=8, load=20.0, rir=2),
        ),
        ("side_plank 30s/R", ParsedSet("side_plank", Side.RIGHT, seconds=30)),
        ("pogo_hops 20c", ParsedSet("pogo_hops", contacts=20)),
        ("back_squat 5x102.5", ParsedSet("back_squat", reps=5, load=102.5)),
        ("back_squat x100", ParsedSet("back_squat", load=100.0)),
        ("Bulgarian split squat 8x20/r", ParsedSet("Bulgarian split squat", Side.RIGHT, 8, 20.0)),
        ("back_squat", ParsedSet("back_squat")),
        ("Side plank", ParsedSet("Side plank")),
        ("  back_squat   5X100@0 ", ParsedSet("back_squat", reps=5, load=100.0, rir=0)),
    ],
)
def test_a_spec_is_read_into_its_parts(spec: str, expected: ParsedSet) -> None:
    assert parse_set_spec(spec) == expected


@pytest.mark.parametrize(
    "spec",
    ["", "5x100@2", "back_squat 5x100@x", "back_squat 5x@2", "back_squat 30s/X", "squat 5x100@11",
     "back_squat 5x1e3", "back_squat 20c@2"],
)  # fmt: skip
def test_a_wrong_spec_is_an_error_that_quotes_it(spec: str) -> None:
    with pytest.raises(SetSpecError) as caught:
        parse_set_spec(spec)
    assert f"'{spec}'" in str(caught.value)
