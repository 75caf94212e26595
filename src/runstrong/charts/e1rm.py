"""The e1RM chart: each lift's estimated one-rep max over time, one line a lift, one point a day
(the best set of that day; domain.e1rm), in the athlete's units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from runstrong.domain.training_log import HistoryRow, Units

WIDTH_PX = 640
HEIGHT_PX = 320


@dataclass(frozen=True, slots=True)
class E1rmPoint:
    day: dt.date
    lift: str
    e1rm: float  # in the athlete's units, to 0.1


def e1rm_points(
    rows: Sequence[HistoryRow], names: Mapping[str, str], units: Units
) -> list[E1rmPoint]:
    """Each lift's best e1RM of each day it gave one, named by `names` (slug -> name; a slug
    not there, a custom exercise, by its slug), oldest first."""
    best: dict[tuple[dt.date, str], float] = {}
    for row in rows:
        if row.e1rm_kg is None:
            continue
        key = (row.logged.date, row.logged.set.slug)
        best[key] = max(best.get(key, 0.0), row.e1rm_kg)
    return [
        E1rmPoint(day, names.get(slug, slug), round(units.from_kg(kg), 1))
        for (day, slug), kg in sorted(best.items())
    ]


def e1rm_spec(points: Sequence[E1rmPoint], title: str, units: Units) -> dict[str, Any]:
    """The Vega-Lite specification of the chart: dates along, e1RM up, a colour a lift."""
    return {
        "title": title,
        "width": WIDTH_PX,
        "height": HEIGHT_PX,
        "data": {
            "values": [{"date": p.day.isoformat(), "lift": p.lift, "e1rm": p.e1rm} for p in points]
        },
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "date",
                "type": "temporal",
                "timeUnit": "utcyearmonthdate",
                "title": "Date",
                "axis": {"format": "%-d %b %Y", "labelAngle": -30},
            },
            "y": {
                "field": "e1rm",
                "type": "quantitative",
                "title": f"Estimated 1RM ({units})",
                "scale": {"zero": False},
            },
            "color": {"field": "lift", "type": "nominal", "title": "Lift"},
            "tooltip": [
                {"field": "date", "type": "temporal", "timeUnit": "utcyearmonthdate"},
                {"field": "lift", "type": "nominal"},
                {"field": "e1rm", "type": "quantitative", "title": f"e1RM ({units})"},
            ],
        },
    }
