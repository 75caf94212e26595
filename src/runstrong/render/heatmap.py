"""Muscle heat map: front and back figures, each muscle filled by its load, as one SVG.

The artwork (`body/front.svg`, `body/back.svg`, our own drawing) is parsed once and compiled into
a template: static text with a slot for each muscle shape's fill and, for tooltips, `<title>`.
A render only computes 48 colours and joins strings, so it takes about a millisecond.

Colours: a sequential scale of six steps, evenly spaced in lightness (CIELAB L* 87 → 23), so more
load is always darker, also in grey print and for colour-blind readers. A muscle with no load is
a neutral light grey. Strength (weighted sets) and running (minutes-weighted) have their own
scales and their own panels: they measure different things and are never summed.

This module's layout is the one `runstrong heatmap` writes; the printable plan has
its own layout (`runstrong.render.printed_heatmap`) of the same figures and colours, which it
takes from `muscle_fills` and `figure_markup`.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from xml.sax.saxutils import escape, quoteattr

from runstrong.domain.muscle_load import Side
from runstrong.domain.muscles import Muscle

VIEWS: tuple[str, ...] = ("front", "back")

STRENGTH_RAMP: tuple[str, ...] = ("#fbd58a", "#f6a85b", "#e87b38", "#d04b2e", "#a32928", "#6e1423")
RUNNING_RAMP: tuple[str, ...] = ("#c6dcef", "#94bbe0", "#6399ce", "#3b74b5", "#22518c", "#14315e")
NO_LOAD_FILL = "#e4e4e4"
INK = "#1a1a1a"
SOFT_INK = "#4d4d4d"

FIGURE_W_PX = 200
FIGURE_H_PX = 440
FIGURE_GAP_PX = 10
MARGIN_PX = 20
PANEL_GAP_PX = 40
PANEL_W_PX = 2 * FIGURE_W_PX + FIGURE_GAP_PX
FIGURES_TOP_PX = 96
LEGEND_TOP_PX = FIGURES_TOP_PX + FIGURE_H_PX + 34
HEIGHT_PX = LEGEND_TOP_PX + 58
SWATCH_W_PX = 44
SWATCH_H_PX = 14
FONT = "Helvetica, Arial, sans-serif"

MUSCLE_NAMES: dict[Muscle, str] = {
    Muscle.GASTROCNEMIUS: "Gastrocnemius",
    Muscle.SOLEUS: "Soleus",
    Muscle.TIBIALIS_ANTERIOR: "Tibialis anterior",
    Muscle.QUADRICEPS: "Quadriceps",
    Muscle.HAMSTRINGS_MEDIAL: "Medial hamstrings",
    Muscle.HAMSTRINGS_LATERAL: "Lateral hamstrings",
    Muscle.ADDUCTORS: "Adductors",
    Muscle.GLUTEUS_MAXIMUS: "Gluteus maximus",
    Muscle.GLUTEUS_MEDIUS: "Gluteus medius",
    Muscle.HIP_FLEXORS: "Hip flexors",
    Muscle.RECTUS_ABDOMINIS: "Rectus abdominis",
    Muscle.OBLIQUES: "Obliques",
    Muscle.TRANSVERSUS_ABDOMINIS: "Transversus abdominis",
    Muscle.ERECTOR_SPINAE: "Erector spinae",
    Muscle.QUADRATUS_LUMBORUM: "Quadratus lumborum",
    Muscle.LATISSIMUS_DORSI: "Latissimus dorsi",
    Muscle.MID_BACK: "Mid back (rhomboids, middle trapezius)",
    Muscle.UPPER_TRAPEZIUS: "Upper trapezius",
    Muscle.PECTORALIS: "Pectoralis",
    Muscle.ANTERIOR_DELTOID: "Anterior deltoid",
    Muscle.POSTERIOR_DELTOID: "Posterior deltoid",
    Muscle.BICEPS: "Biceps",
    Muscle.TRICEPS: "Triceps",
    Muscle.SERRATUS_ANTERIOR: "Serratus anterior",
}

_SVG_NS = "http://www.w3.org/2000/svg"
_SLOT = re.compile(r"\{\{(fill|title)\|(\w+)\|(\w+)\}\}")

Key = tuple[Muscle, Side]


@dataclass(frozen=True, slots=True)
class _Template:
    """A view's markup split around its slots: chunks[0] slot[0] chunks[1] … chunks[-1]."""

    chunks: tuple[str, ...]
    slots: tuple[tuple[str, Key], ...]  # ("fill" | "title", (muscle, side))


@dataclass(frozen=True, slots=True)
class _Layer:
    name: str  # "strength", "done" or "running": the figures' data-layer
    label: str
    caption: str
    unit: str  # one
    units: str  # several
    ramp: tuple[str, ...]
    values: Mapping[Key, float]
    scale_max: float | None
    id_prefix: str  # so that element ids stay unique when both layers are drawn


def render_heatmap_svg(
    loads: Mapping[tuple[Muscle, Side], float],
    *,
    title: str,
    subtitle: str = "",
    scale_max: float | None = None,
    running: Mapping[Muscle, float] | None = None,
    strength: bool = True,
    done: Mapping[tuple[Muscle, Side], float] | None = None,
    running_label: str = "Running (minutes-weighted)",
) -> str:
    """Front and back figures with each muscle coloured by its load, as one SVG document.

    `loads` are weighted sets per muscle and side (see `runstrong.domain.muscle_load`); missing
    keys have no load. `scale_max` fixes the top of the colour scale (to compare several maps);
    by default it is the largest load rounded up to a round number. `running` (minutes-weighted
    per muscle, both sides alike) adds a separate panel with its own scale; `strength=False`
    leaves out the strength panel (the running layer alone). `done` (weighted sets per muscle
    and side of the sets logged) adds a panel beside the strength one, on the same scale.
    `running_label` heads the running panel (the runs done, where imported ones are shown).
    """
    layers = [
        _Layer(
            name="strength",
            label="Strength (weighted sets)",
            caption="Weighted sets per side",
            unit="weighted set",
            units="weighted sets",
            ramp=STRENGTH_RAMP,
            values=loads,
            scale_max=scale_max,
            id_prefix="",
        )
    ]
    if done is not None:
        top = scale_max or nice_scale_max(
            max([*loads.values(), *done.values()], default=0.0), len(STRENGTH_RAMP)
        )
        layers[0] = replace(layers[0], label="Planned (weighted sets)", scale_max=top)
        layers.append(
            replace(
                layers[0],
                name="done",
                label="Done, from the log (weighted sets)",
                values=done,
                id_prefix="done-",
            )
        )
    if not strength:
        if running is None:
            raise ValueError("a heat map needs the strength layer, the running layer or both")
        layers.clear()
    if running is not None:
        layers.append(
            _Layer(
                name="running",
                label=running_label,
                caption="Running minutes, weighted by muscle involvement",
                unit="weighted minute of running",
                units="weighted minutes of running",
                ramp=RUNNING_RAMP,
                values={(m, s): v for m, v in running.items() for s in Side},
                scale_max=None,
                id_prefix="running-",
            )
        )
    width = 2 * MARGIN_PX + len(layers) * PANEL_W_PX + (len(layers) - 1) * PANEL_GAP_PX
    parts = [
        f'<svg xmlns="{_SVG_NS}" viewBox="0 0 {width} {HEIGHT_PX}" width="{width}" '
        f'height="{HEIGHT_PX}" role="img" aria-label={quoteattr(title)} '
        f'font-family="{FONT}" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{HEIGHT_PX}" fill="#ffffff"/>',
        f'<text x="{MARGIN_PX}" y="34" font-size="20" font-weight="bold">{escape(title)}</text>',
    ]
    if subtitle:
        parts.append(
            f'<text x="{MARGIN_PX}" y="56" font-size="13" fill="{SOFT_INK}">'
            f"{escape(subtitle)}</text>"
        )
    for index, layer in enumerate(layers):
        x = MARGIN_PX + index * (PANEL_W_PX + PANEL_GAP_PX)
        if index:
            sep_x = x - PANEL_GAP_PX // 2
            parts.append(
                f'<line x1="{sep_x}" y1="70" x2="{sep_x}" y2="{HEIGHT_PX - 12}" '
                f'stroke="#9a9a9a" stroke-width="1"/>'
            )
        _panel(parts, layer, x)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """Rasterise an SVG document (for example a heat map) to PNG bytes with cairosvg."""
    import cairosvg  # imported here: cairo is only needed for raster output

    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
    if not isinstance(png, bytes):  # pragma: no cover - cairosvg returns bytes without write_to
        raise TypeError("cairosvg returned no PNG bytes")
    return png


def nice_scale_max(largest: float, steps: int) -> float:
    """The smallest round top of a `steps`-step scale (step 1, 2, 2.5 or 5 x 10^k) >= largest."""
    if largest <= 0 or not math.isfinite(largest):
        return float(steps)
    raw = largest / steps
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw * (1 - 1e-12):
            return factor * power * steps
    return 10.0 * power * steps  # pragma: no cover - the loop always returns


def colour_for(value: float, top: float, ramp: Sequence[str]) -> str:
    """The fill of a value on a scale from 0 to `top` split into len(ramp) equal steps."""
    if value <= 0 or top <= 0:
        return NO_LOAD_FILL
    step = math.ceil(value / top * len(ramp) - 1e-9) - 1
    return ramp[min(max(step, 0), len(ramp) - 1)]


def _panel(parts: list[str], layer: _Layer, x: int) -> None:
    top = layer.scale_max
    if top is None:
        top = nice_scale_max(max(layer.values.values(), default=0.0), len(layer.ramp))
    fills = muscle_fills(layer.values, top, layer.ramp)
    titles: dict[Key, str] = {}
    for muscle in Muscle:
        for side in Side:
            amount = plain_number(layer.values.get((muscle, side), 0.0))
            unit = layer.unit if amount == "1" else layer.units
            titles[(muscle, side)] = escape(f"{MUSCLE_NAMES[muscle]} ({side}): {amount} {unit}")
    parts.append(
        f'<text x="{x}" y="84" font-size="14" font-weight="bold">{escape(layer.label)}</text>'
    )
    for column, view in enumerate(VIEWS):
        fx = x + column * (FIGURE_W_PX + FIGURE_GAP_PX)
        parts.append(
            f'<svg x="{fx}" y="{FIGURES_TOP_PX}" width="{FIGURE_W_PX}" height="{FIGURE_H_PX}" '
            f'viewBox="0 0 {FIGURE_W_PX} {FIGURE_H_PX}" data-view="{view}" '
            f'data-layer="{layer.name}">'
        )
        parts.append(figure_markup(view, fills, titles=titles, id_prefix=layer.id_prefix))
        parts.append("</svg>")
        parts.append(
            f'<text x="{fx + FIGURE_W_PX // 2}" y="{FIGURES_TOP_PX + FIGURE_H_PX + 16}" '
            f'font-size="12" text-anchor="middle" fill="{SOFT_INK}">{view.title()}</text>'
        )
    _legend(parts, layer, x, top)


def muscle_fills(values: Mapping[Key, float], top: float, ramp: Sequence[str]) -> dict[Key, str]:
    """The fill of every muscle on each side: `values` (missing keys have no load) on the scale
    from 0 to `top` in the steps of `ramp`."""
    return {
        (muscle, side): colour_for(values.get((muscle, side), 0.0), top, ramp)
        for muscle in Muscle
        for side in Side
    }


def figure_markup(
    view: str,
    fills: Mapping[Key, str],
    *,
    titles: Mapping[Key, str] | None = None,
    id_prefix: str = "",
) -> str:
    """The inside of one figure ("front" or "back"): the artwork with each muscle shape filled
    from `fills` and, given `titles` (escaped text), a tooltip on each. Coordinates are the
    artwork's own, a 200 x 440 box."""
    template = _template(view, id_prefix, tooltips=titles is not None)
    names = titles or {}
    figure = [template.chunks[0]]
    for (kind, key), chunk in zip(template.slots, template.chunks[1:], strict=True):
        figure.append(fills[key] if kind == "fill" else names[key])
        figure.append(chunk)
    return "".join(figure)


def _legend(parts: list[str], layer: _Layer, x: int, top: float) -> None:
    y = LEGEND_TOP_PX
    parts.append(f'<text x="{x}" y="{y}" font-size="12">{escape(layer.caption)}</text>')
    box_y = y + 8
    label_y = box_y + SWATCH_H_PX + 14
    parts.append(
        f'<rect x="{x}" y="{box_y}" width="30" height="{SWATCH_H_PX}" fill="{NO_LOAD_FILL}" '
        f'stroke="{INK}" stroke-width="0.8"/>'
    )
    parts.append(
        f'<text x="{x + 15}" y="{label_y}" font-size="11" text-anchor="middle">none</text>'
    )
    ramp_x = x + 44
    steps = len(layer.ramp)
    for i, colour in enumerate(layer.ramp):
        parts.append(
            f'<rect x="{ramp_x + i * SWATCH_W_PX}" y="{box_y}" width="{SWATCH_W_PX}" '
            f'height="{SWATCH_H_PX}" fill="{colour}" stroke="{INK}" stroke-width="0.8"/>'
        )
    over = any(v > top * (1 + 1e-9) for v in layer.values.values())
    for i in range(steps + 1):
        label = plain_number(top * i / steps) + ("+" if over and i == steps else "")
        parts.append(
            f'<text x="{ramp_x + i * SWATCH_W_PX}" y="{label_y}" font-size="11" '
            f'text-anchor="middle">{label}</text>'
        )


def plain_number(value: float) -> str:
    """A number for people: 4.5, 12, 0.25 (at most two decimals, no trailing zeros)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@cache
def _artwork(view: str) -> str:
    return resources.files("runstrong.render").joinpath("body", f"{view}.svg").read_text("utf-8")


@cache
def _template(view: str, id_prefix: str, *, tooltips: bool) -> _Template:
    """Compile a view: drop namespaces, prefix ids, put slot markers on each muscle shape (its
    fill and, with `tooltips`, a `<title>`)."""
    root = ET.fromstring(_artwork(view))
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
        ident = element.get("id")
        if ident is not None and id_prefix:
            element.set("id", id_prefix + ident)
        if "muscle" in (element.get("class") or "").split():
            muscle, side = element.get("data-muscle"), element.get("data-side")
            element.attrib.pop("fill", None)
            element.set("fill", f"{{{{fill|{muscle}|{side}}}}}")
            if tooltips:
                tooltip = ET.Element("title")
                tooltip.text = f"{{{{title|{muscle}|{side}}}}}"
                element.insert(0, tooltip)
    body = "".join(ET.tostring(child, encoding="unicode") for child in root if child.tag != "title")
    pieces = _SLOT.split(body)
    chunks = tuple(pieces[0::4])
    slots = tuple(
        (kind, (Muscle(muscle), Side(side)))
        for kind, muscle, side in zip(pieces[1::4], pieces[2::4], pieces[3::4], strict=True)
    )
    return _Template(chunks=chunks, slots=slots)
