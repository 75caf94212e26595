"""The compliance chart (domain.compliance's weeks): a pair of bars a week, the share of the
planned strength sets and running minutes done, the week's compliance as a line over them and
the plan (100 %) as a rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from runstrong.charts import weekly
from runstrong.charts.load import LINE_COLOUR, RUN_COLOUR, STRENGTH_COLOUR
from runstrong.charts.weekly import WEEK_FIELD
from runstrong.domain.compliance import WeekCompliance

STRENGTH = "Strength (sets)"
RUNNING = "Running (minutes)"


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def compliance_rows(weeks: Sequence[WeekCompliance]) -> list[dict[str, Any]]:
    """Two rows a week (strength, running) with the share done in % (None: nothing planned)
    and the week's compliance."""
    labels = weekly.week_labels([w.monday for w in weeks])
    rows: list[dict[str, Any]] = []
    for label, w in zip(labels, weeks, strict=True):
        for what, pct, done, planned in (
            (STRENGTH, w.strength_pct, w.done_sets, w.planned_sets),
            (RUNNING, w.running_pct, w.done_minutes, w.planned_minutes),
        ):
            rows.append({
                WEEK_FIELD: label, "what": what, "pct": _pct(pct),
                "done": round(done, 1), "planned": round(planned, 1),
                "compliance": _pct(w.compliance_pct),
            })  # fmt: skip
    return rows


def compliance_spec(weeks: Sequence[WeekCompliance], title: str) -> dict[str, Any]:
    rows = compliance_rows(weeks)
    x = weekly.week_axis(len(weeks)) | {"scale": {"domain": [r[WEEK_FIELD] for r in rows[::2]]}}
    bars = {
        "mark": {"type": "bar"},
        "transform": [{"filter": "datum.pct != null"}],
        "encoding": {
            "x": x,
            "xOffset": {"field": "what", "sort": [STRENGTH, RUNNING]},
            "y": {"field": "pct", "type": "quantitative", "title": "Done, % of the plan"},
            "color": {
                "field": "what", "type": "nominal", "title": None,
                "scale": {"domain": [STRENGTH, RUNNING, "Compliance"],
                          "range": [STRENGTH_COLOUR, RUN_COLOUR, LINE_COLOUR]},
            },
            "tooltip": [
                {"field": WEEK_FIELD, "title": "Week"}, {"field": "what", "title": "What"},
                {"field": "done", "title": "Done"}, {"field": "planned", "title": "Planned"},
                {"field": "pct", "title": "% of the plan"},
            ],
        },
    }  # fmt: skip
    line = {
        "transform": [{"filter": "datum.what == '" + STRENGTH + "' && datum.compliance != null"},
                      {"calculate": "'Compliance'", "as": "line"}],
        "mark": {"type": "line", "point": {"size": 60, "filled": True}, "strokeWidth": 2.5},
        "encoding": {
            "x": x,
            "y": {"field": "compliance", "type": "quantitative"},
            "color": {"field": "line", "type": "nominal"},
            "tooltip": [{"field": WEEK_FIELD, "title": "Week"},
                        {"field": "compliance", "title": "Compliance %"}],
        },
    }  # fmt: skip
    plan = {
        "data": {"values": [{"plan": 100}]},
        "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#888888"},
        "encoding": {"y": {"field": "plan", "type": "quantitative"}},
    }
    subtitle = [
        "Bars: the share of the planned strength sets and running",
        "minutes done (dashed: the plan). Line: compliance, their",
        "mean with each counted up to 100 %.",
    ]
    return {
        "title": weekly.titled(title, subtitle),
        "config": weekly.CONFIG,
        "width": weekly.WIDTH_PX,
        "height": weekly.PANEL_HEIGHT_PX,
        "data": {"values": rows},
        "layer": [bars, line, plan],
    }
