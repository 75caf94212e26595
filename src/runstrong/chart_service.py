"""Charts of an athlete's log: the data from the log, the spec from runstrong.charts, the bytes
from vl-convert. One function a kind; `CHART_KINDS` lists them (load, monotony and compliance
charts join as specs of their own)."""

from __future__ import annotations

from collections.abc import Sequence

from runstrong.charts.e1rm import e1rm_points, e1rm_spec
from runstrong.charts.render import render_chart
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.domain.training_log import HistoryRow, Units

CHART_KINDS = ("e1rm",)


def e1rm_chart(
    handle: str, rows: Sequence[HistoryRow], units: Units, library: ExerciseLibrary, fmt: str
) -> tuple[bytes, int]:
    """The e1RM chart of `rows` of `handle`'s history as `fmt`, and how many points it has. No
    set with an e1RM is an InputError: an empty chart says nothing."""
    names = {ex.slug: ex.name for ex in library}
    points = e1rm_points(rows, names, units)
    lifts = sorted({r.logged.set.slug for r in rows})
    if not points:
        what = f"no {lifts[0]} set" if len(lifts) == 1 else "no set"
        raise InputError(
            "--kind e1rm", "", f"{what} of {handle}'s log gives an e1RM (a load, at most "
            "10 reps to failure): nothing to chart",
        )  # fmt: skip
    title = f"{handle}: estimated 1RM"
    if len(lifts) == 1:
        title += f", {names.get(lifts[0], lifts[0])}"
    return render_chart(e1rm_spec(points, title, units), fmt), len(points)
