"""A week's muscle heat map as the printable plan prints it, beside the week's header.

The same figures and colour scale as `runstrong.render.heatmap`, laid out for paper: strength
only; the front and back figures side by side, cropped to the body; beside them a column with
the heading and the legend, one swatch a row with the loads it stands for, darkest at the top.
report.css prints it 57 mm tall, so 1 unit of the drawing is 0.124 mm: the figures are then
53 mm tall and the text 7.4 to 8.1 pt, the size of the page's own small print.

An image shows no tooltips, so the shapes carry none: 56 elements fewer for WeasyPrint to read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape, quoteattr

from runstrong.domain.muscle_load import Side
from runstrong.domain.muscles import Muscle
from runstrong.render.heatmap import (
    FONT,
    INK,
    NO_LOAD_FILL,
    SOFT_INK,
    STRENGTH_RAMP,
    VIEWS,
    figure_markup,
    muscle_fills,
    nice_scale_max,
    plain_number,
)

# The artwork's 200 x 440 box cropped to the body and its outline.
CROP_X, CROP_Y, FIGURE_W, FIGURE_H = 27, 7, 146, 428
FIGURE_GAP = 12
VIEW_LABEL_H = 30  # "Front", "Back" under the figures
LEGEND_X = 2 * FIGURE_W + FIGURE_GAP + 22
LEGEND_W = 212  # the heading, "Muscles trained", is 206 wide in DejaVu Sans Bold
WIDTH = LEGEND_X + LEGEND_W
HEIGHT = FIGURE_H + VIEW_LABEL_H
HEADING_SIZE = 23
TEXT_SIZE = 21
SWATCH_W, SWATCH_H = 36, 24
ROW_PITCH = 33
ROWS_TOP = 98


def shared_scale_max(loads: Iterable[Mapping[tuple[Muscle, Side], float]]) -> float:
    """One top of the colour scale for several maps (a plan's weeks), so that their colours
    compare: the largest load of them all, rounded up as a single map's would be."""
    largest = max((max(each.values(), default=0.0) for each in loads), default=0.0)
    return nice_scale_max(largest, len(STRENGTH_RAMP))


def render_printed_heatmap_svg(
    loads: Mapping[tuple[Muscle, Side], float], *, title: str, scale_max: float | None = None
) -> str:
    """The strength heat map of `loads` (weighted sets per muscle and side) laid out for a
    printed page, as one SVG document. `title` names it for screen readers; `scale_max` fixes
    the top of the colour scale (by default the largest load rounded up to a round number)."""
    steps = len(STRENGTH_RAMP)
    top = scale_max
    if top is None:
        top = nice_scale_max(max(loads.values(), default=0.0), steps)
    fills = muscle_fills(loads, top, STRENGTH_RAMP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label={quoteattr(title)} '
        f'font-family="{FONT}" font-size="{TEXT_SIZE}" fill="{INK}">',
        f"<title>{escape(title)}</title>",
    ]
    for column, view in enumerate(VIEWS):
        x = column * (FIGURE_W + FIGURE_GAP)
        parts += [
            f'<svg x="{x}" y="0" width="{FIGURE_W}" height="{FIGURE_H}" '
            f'viewBox="{CROP_X} {CROP_Y} {FIGURE_W} {FIGURE_H}" data-view="{view}" '
            'data-layer="strength">',
            figure_markup(view, fills),
            "</svg>",
            f'<text x="{x + FIGURE_W // 2}" y="{HEIGHT - 8}" text-anchor="middle" '
            f'fill="{SOFT_INK}">{view.title()}</text>',
        ]
    parts += [
        f'<text x="{LEGEND_X}" y="{HEADING_SIZE}" font-size="{HEADING_SIZE}" '
        'font-weight="bold">Muscles trained</text>',
        f'<text x="{LEGEND_X}" y="52" fill="{SOFT_INK}">weighted sets</text>',
        f'<text x="{LEGEND_X}" y="77" fill="{SOFT_INK}">per side</text>',
    ]
    over = any(v > top * (1 + 1e-9) for v in loads.values())
    rows = [(colour, _range_text(i, steps, top, over)) for i, colour in enumerate(STRENGTH_RAMP)]
    rows = [*reversed(rows), (NO_LOAD_FILL, "none")]
    for row, (colour, text) in enumerate(rows):
        y = ROWS_TOP + row * ROW_PITCH
        parts += [
            f'<rect x="{LEGEND_X}" y="{y}" width="{SWATCH_W}" height="{SWATCH_H}" '
            f'fill="{colour}" stroke="{INK}" stroke-width="0.8"/>',
            f'<text x="{LEGEND_X + SWATCH_W + 9}" y="{y + 19}">{text}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _range_text(step: int, steps: int, top: float, over: bool) -> str:
    """The loads one step of the scale stands for: "up to 2", "2–4" ... "10–12" (or "over 10"
    when some load is above the top of a fixed scale)."""
    low, high = plain_number(top * step / steps), plain_number(top * (step + 1) / steps)
    if step == 0:
        return f"up to {high}"
    if over and step == steps - 1:
        return f"over {low}"
    return f"{low}–{high}"
