"""Charts of an athlete's log: the data from the log, the spec from runstrong.charts, the bytes
from vl-convert. One function a kind; `CHART_KINDS` lists them (load, monotony and compliance
charts join as specs of their own)."""

from __future__ import annotations

import datetime as dt

from runstrong.charts.e1rm import e1rm_points, e1rm_spec
from runstrong.charts.render import render_chart
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.log_service import athlete_units, history
from runstrong.settings import Settings

CHART_KINDS = ("e1rm",)


def e1rm_chart(
    handle: str,
    library: ExerciseLibrary,
    settings: Settings,
    fmt: str,
    *,
    slug: str | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> tuple[bytes, int]:
    """The e1RM chart of `handle`'s log (one lift, or every lift that gives an e1RM) as `fmt`,
    and how many points it has. No set with an e1RM is an InputError: an empty chart says
    nothing."""
    athlete = athlete_units(handle, settings)
    rows = history(handle, library, settings, slug=slug, first=first, last=last)
    names = {ex.slug: ex.name for ex in library}
    points = e1rm_points(rows, names, athlete.units)
    if not points:
        what = f"no {slug} set" if slug else "no set"
        raise InputError(
            "--kind e1rm", "", f"{what} of {handle}'s log gives an e1RM (a load, at most "
            "10 reps to failure): nothing to chart",
        )  # fmt: skip
    title = f"{athlete.name}: estimated 1RM" + (f", {names.get(slug, slug)}" if slug else "")
    return render_chart(e1rm_spec(points, title, athlete.units), fmt), len(points)
