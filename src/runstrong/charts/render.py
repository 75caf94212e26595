"""A Vega-Lite specification -> SVG or PNG bytes, by vl-convert (Vega-Lite and Vega in a
JavaScript engine of its own, with its fonts: no browser, no network). Its module imports in
about 30 ms; the first chart of a process starts the engine (about 0.6 s), later ones take
tens of ms (bench/charts.py)."""

from __future__ import annotations

from typing import Any

CHART_FORMATS = ("svg", "png")
VEGA_LITE_VERSION = "5.21"  # the Vega-Lite the specs are written for (vl-convert bundles it)
PNG_SCALE = 2  # pixels per SVG unit: a 640-wide chart is 1280 pixels, sharp on a phone


def render_chart(spec: dict[str, Any], fmt: str) -> bytes:
    """The chart of `spec` as `fmt` ("svg" or "png")."""
    import vl_convert

    if fmt == "svg":
        svg = vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION, allowed_base_urls=[])
        return svg.encode("utf-8")
    if fmt == "png":
        png = vl_convert.vegalite_to_png(
            spec, vl_version=VEGA_LITE_VERSION, scale=PNG_SCALE, allowed_base_urls=[]
        )
        return bytes(png)
    raise ValueError(f"no chart format {fmt!r}")
