"""What the weekly charts share (charts.load, charts.compliance): a week axis labelled by its
Monday, and type and legends large enough to read on a phone: a chart 520 wide (about 600 with
its axes) is 1200 pixels as PNG; shown 390 points wide on a phone, 14-pixel labels are about
9 points, and the titles 11 to 13."""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH_PX = 520
PANEL_HEIGHT_PX = 240
ALL_LABELS_MAX_WEEKS = 20  # more weeks: labels thinned out where they would overlap
WEEK_FIELD = "week"

CONFIG: dict[str, Any] = {
    "font": "Helvetica, Arial, sans-serif",
    "title": {"fontSize": 20, "subtitleFontSize": 14, "anchor": "start", "offset": 10},
    "axis": {"labelFontSize": 14, "titleFontSize": 15, "titlePadding": 8},
    "legend": {"labelFontSize": 14, "titleFontSize": 14, "orient": "top", "symbolSize": 180},
    "view": {"stroke": None},
}


def week_label(monday: date, first: bool) -> str:
    """A week's label: its Monday as "7 Dec", with the year on the first week and the first
    week of a year ("4 Jan 2027")."""
    text = f"{monday.day} {monday:%b}"
    return f"{text} {monday.year}" if first or (monday.month == 1 and monday.day <= 7) else text


def week_labels(mondays: list[date]) -> list[str]:
    return [week_label(m, i == 0) for i, m in enumerate(mondays)]


def week_axis(weeks: int, *, titled: bool = True) -> dict[str, Any]:
    """The x encoding of a chart a bar a week (the `week` field: `week_labels`), in the order
    of the data; past ALL_LABELS_MAX_WEEKS, labels thinned out where they would overlap. A
    panel above another leaves the axis title to the one below (`titled=False`)."""
    return {
        "field": WEEK_FIELD,
        "type": "ordinal",
        "sort": None,
        "title": "Week starting (Monday)" if titled else None,
        "axis": {
            "labelAngle": -45 if weeks > 6 else 0,
            "labelOverlap": weeks > ALL_LABELS_MAX_WEEKS,
        },
    }


def titled(title: str, subtitle: str | list[str]) -> dict[str, Any]:
    return {"text": title, "subtitle": subtitle}
