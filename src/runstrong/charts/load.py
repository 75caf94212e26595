"""The training-load charts (domain.training_load's weeks): the weekly load stacked by running
and lifting, with the acute:chronic ratio below it (exponentially weighted, uncoupled, and only
with its caveat: docs/science.md §4); and monotony and strain (Foster 1998)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from runstrong.charts.weekly import (
    CONFIG,
    PANEL_HEIGHT_PX,
    WEEK_FIELD,
    WIDTH_PX,
    titled,
    week_axis,
    week_labels,
)
from runstrong.domain.training_load import WeekLoad

RUN_COLOUR = "#4c78a8"  # blue and orange: apart for the common colour-vision deficiencies
STRENGTH_COLOUR = "#f58518"
LINE_COLOUR = "#333333"
RATIO_CAVEAT = [
    "Describes a change of load only: it does not predict injury",
    "(Impellizzeri 2021). Shown once 4 weeks of history precede a week.",
]
RATIO_TITLE = "Acute:chronic ratio (EWMA 7 d ÷ 28 d, uncoupled)"


def load_rows(weeks: Sequence[WeekLoad]) -> list[dict[str, Any]]:
    """Two rows a week, running and lifting, in AU to 0.1, and the week's ratio (None: none)."""
    labels = week_labels([w.monday for w in weeks])
    rows: list[dict[str, Any]] = []
    for label, w in zip(labels, weeks, strict=True):
        ratio = None if w.ratio is None else round(w.ratio, 2)
        for what, au in (("Running", w.run_au), ("Lifting", w.strength_au)):
            rows.append({WEEK_FIELD: label, "what": what, "au": round(au, 1), "ratio": ratio,
                         "total": round(w.total_au, 1)})  # fmt: skip
    return rows


def load_spec(weeks: Sequence[WeekLoad], title: str) -> dict[str, Any]:
    """Bars of weekly load stacked running under lifting; below, where any week has one, the
    acute:chronic ratio as a line with its caveat (no bands, no "sweet spot")."""
    rows = load_rows(weeks)
    has_ratio = any(w.ratio is not None for w in weeks)
    x = week_axis(len(weeks), titled=not has_ratio)
    bars: dict[str, Any] = {
        "width": WIDTH_PX,
        "height": PANEL_HEIGHT_PX,
        "mark": {"type": "bar"},
        "encoding": {
            "x": x,
            "y": {"field": "au", "type": "quantitative", "stack": "zero",
                  "title": "Load (AU = session RPE × minutes)"},
            "color": {
                "field": "what", "type": "nominal", "title": None,
                "scale": {"domain": ["Running", "Lifting"],
                          "range": [RUN_COLOUR, STRENGTH_COLOUR]},
            },
            "order": {"field": "what", "sort": "descending"},  # running at the bottom
            "tooltip": [
                {"field": WEEK_FIELD, "title": "Week"},
                {"field": "what", "title": "What"},
                {"field": "au", "title": "AU"},
                {"field": "total", "title": "Week's total AU"},
            ],
        },
    }  # fmt: skip
    spec: dict[str, Any] = {
        "title": titled(title, "Weekly load of runs and strength sessions (Foster 2001)"),
        "config": CONFIG,
        "data": {"values": rows},
    }
    if not has_ratio:
        return spec | bars
    ratio = {
        "width": WIDTH_PX,
        "height": PANEL_HEIGHT_PX // 2,
        "title": {"text": RATIO_TITLE, "subtitle": RATIO_CAVEAT, "fontSize": 16,
                  "subtitleFontSize": 14},
        "transform": [{"filter": "datum.what == 'Running' && datum.ratio != null"}],
        "mark": {"type": "line", "point": {"size": 60, "color": LINE_COLOUR},
                 "color": LINE_COLOUR},
        "encoding": {
            "x": week_axis(len(weeks)) | {"scale": {"domain": [r[WEEK_FIELD] for r in rows[::2]]}},
            "y": {"field": "ratio", "type": "quantitative", "title": "Ratio (no unit)",
                  "scale": {"zero": True}},
            "tooltip": [{"field": WEEK_FIELD, "title": "Week"},
                        {"field": "ratio", "title": "Acute:chronic"}],
        },
    }  # fmt: skip
    return spec | {"vconcat": [bars, ratio], "spacing": 28}


def monotony_rows(weeks: Sequence[WeekLoad]) -> list[dict[str, Any]]:
    labels = week_labels([w.monday for w in weeks])
    return [
        {WEEK_FIELD: label, "monotony": None if w.monotony is None else round(w.monotony, 2),
         "strain": None if w.strain is None else round(w.strain), "total": round(w.total_au)}
        for label, w in zip(labels, weeks, strict=True)
    ]  # fmt: skip


def monotony_spec(weeks: Sequence[WeekLoad], title: str) -> dict[str, Any]:
    """Strain as bars (AU), monotony as a line below (no unit); no cut-off drawn (the 2.0 often
    quoted is not verified: docs/science.md §4)."""
    rows = monotony_rows(weeks)
    strain = {
        "width": WIDTH_PX,
        "height": PANEL_HEIGHT_PX,
        "mark": {"type": "bar", "color": "#54a24b"},
        "encoding": {
            "x": week_axis(len(weeks), titled=False),
            "y": {"field": "strain", "type": "quantitative",
                  "title": "Strain (AU = weekly load × monotony)"},
            "tooltip": [{"field": WEEK_FIELD, "title": "Week"},
                        {"field": "strain", "title": "Strain (AU)"},
                        {"field": "total", "title": "Weekly load (AU)"}],
        },
    }  # fmt: skip
    monotony = {
        "width": WIDTH_PX,
        "height": PANEL_HEIGHT_PX * 2 // 3,
        "mark": {"type": "line", "point": {"size": 60, "color": LINE_COLOUR},
                 "color": LINE_COLOUR},
        "encoding": {
            "x": week_axis(len(weeks)) | {"scale": {"domain": [r[WEEK_FIELD] for r in rows]}},
            "y": {"field": "monotony", "type": "quantitative",
                  "title": "Monotony (no unit)", "scale": {"zero": True}},
            "tooltip": [{"field": WEEK_FIELD, "title": "Week"},
                        {"field": "monotony", "title": "Monotony"}],
        },
    }  # fmt: skip
    subtitle = [
        "Monotony: mean daily load ÷ its standard deviation over",
        "the week's 7 days; strain: weekly load × monotony (Foster 1998).",
    ]
    return {
        "title": titled(title, subtitle),
        "config": CONFIG,
        "data": {"values": rows},
        "vconcat": [strain, monotony],
        "spacing": 20,
    }
