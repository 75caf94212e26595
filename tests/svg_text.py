"""Reading the text of a chart's SVG back (vl-convert marks each group with its role)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: ET.Element, role: str) -> list[str]:
    """The text of every group of `role` ("role-legend-label", "role-axis-title" ...)."""
    return [
        "".join(t.itertext())
        for g in svg.iter(f"{SVG}g")
        if role in g.get("class", "").split()
        for t in g.iter(f"{SVG}text")
    ]
