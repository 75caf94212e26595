"""The printable plan's "Training load" section (a stored athlete's plan exported with
`--athlete`): the weekly charts of runstrong.charts as images whose source is their SVG (a
`data:` URI, as the heat maps: nothing fetched), each under a caption, on a page of its own
after the weeks."""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_XML_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?")
INTRO = (
    "What was done, week by week, from the imported runs and the training log: the load in "
    "AU of session RPE × minutes (Foster 2001), monotony and strain (Foster 1998) and the plan "
    "against what was done. The acute:chronic ratio describes a change of load; it does not "
    "predict injury."
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart for the printed page: its caption (also its alternative text) and its SVG."""

    caption: str
    svg: str


def training_load_section(figures: Sequence[Figure]) -> str:
    """The section, or "" without a figure."""
    if not figures:
        return ""
    parts = ['<section class="training-load">', "<h2>Training load</h2>",
             f'<p class="intro">{escape(INTRO)}</p>']  # fmt: skip
    for figure in figures:
        data = base64.b64encode(_XML_PROLOGUE.sub("", figure.svg, count=1).encode("utf-8"))
        parts.append(
            f'<figure class="chart"><img alt="{escape(figure.caption)}" '
            f'src="data:image/svg+xml;base64,{data.decode("ascii")}">'
            f"<figcaption>{escape(figure.caption)}</figcaption></figure>"
        )
    parts.append("</section>")
    return "\n".join(parts)
