"""The muscle heat map: our own artwork, coloured by load, as one SVG (and a PNG), in the layout
`runstrong heatmap` writes and in the printable plan's."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from builders import make_exercise
from runstrong.domain.exercise import (
    Laterality,
)
from runstrong.domain.muscle_load import Side, muscle_loads
from runstrong.domain.muscles import Muscle
from runstrong.render.heatmap import render_heatmap_svg, svg_to_png
from runstrong.render.printed_heatmap import render_printed_heatmap_svg

NS = "{http://www.w3.org/2000/svg}"
VIEWS = ("front", "back")


def both_sides(values: dict[Muscle, float]) -> dict[tuple[Muscle, Side], float]:
    return {(muscle, side): value for muscle, value in values.items() for side in Side}


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of #rrggbb, computed here independently of the renderer."""
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", hex_colour), hex_colour

    def linear(channel: str) -> float:
        c = int(channel, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(hex_colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def panel(svg: str, layer: str = "strength") -> list[ET.Element]:
    """The figures (front, back) of one layer of a rendered heat map."""
    root = ET.fromstring(svg)
    return [el for el in root.iter(f"{NS}svg") if el.get("data-layer") == layer]


def shapes(figures: list[ET.Element]) -> dict[tuple[str, str], list[ET.Element]]:
    found: dict[tuple[str, str], list[ET.Element]] = {}
    for figure in figures:
        for el in figure.iter():
            if el.get("class") == "muscle":
                key = (el.get("data-muscle", ""), el.get("data-side", ""))
                found.setdefault(key, []).append(el)
    return found


def fills(svg: str, muscle: Muscle, side: Side, layer: str = "strength") -> set[str]:
    return {el.get("fill", "") for el in shapes(panel(svg, layer))[(muscle.value, side.value)]}


def fill(svg: str, muscle: Muscle, side: Side, layer: str = "strength") -> str:
    (only,) = fills(svg, muscle, side, layer)
    return only


def test_the_heat_map_is_one_well_formed_svg_document() -> None:
    svg = render_heatmap_svg(both_sides({Muscle.QUADRICEPS: 3}), title="Week 1 & 2 <base>")

    root = ET.fromstring(svg)

    assert root.tag == f"{NS}svg"
    assert [el.get("data-view") for el in panel(svg)] == ["front", "back"]
    assert "Week 1 &amp; 2 &lt;base&gt;" in svg


def test_every_muscle_has_its_own_shape_on_each_side_of_the_body() -> None:
    found = shapes(panel(render_heatmap_svg({}, title="Empty")))

    for muscle in Muscle:
        for side in Side:
            elements = found.get((muscle.value, side.value), [])
            assert elements, f"no shape for {muscle} ({side})"
            assert all(el.get("id") for el in elements)


@pytest.mark.parametrize("view", VIEWS)
def test_artwork_ids_follow_the_muscle_side_view_convention(view: str) -> None:
    text = resources.files("runstrong.render").joinpath("body", f"{view}.svg").read_text()
    root = ET.fromstring(text)
    muscles = [el for el in root.iter() if el.get("class") == "muscle"]

    assert len(text.encode()) < 40_000
    assert root.get("viewBox") == "0 0 200 440"
    assert muscles
    for el in muscles:
        assert el.get("id") == f"{el.get('data-muscle')}-{el.get('data-side')}-{view}"
        assert el.get("data-muscle") in set(Muscle)
        assert el.get("data-side") in set(Side)


@pytest.mark.parametrize(
    ("view", "left_is_on_the_viewers_right"), [("front", True), ("back", False)]
)
def test_the_athletes_left_is_drawn_where_an_observer_sees_it(
    view: str, left_is_on_the_viewers_right: bool
) -> None:
    text = resources.files("runstrong.render").joinpath("body", f"{view}.svg").read_text()
    for el in ET.fromstring(text).iter():
        if el.get("class") != "muscle":
            continue
        paths = [el, *el.iter(f"{NS}path")]
        numbers = [float(n) for p in paths for n in re.findall(r"-?\d+\.?\d*", p.get("d", ""))]
        mean_x = sum(numbers[0::2]) / len(numbers[0::2])
        on_viewers_right = mean_x > 100
        is_left = el.get("data-side") == "left"
        assert on_viewers_right == (is_left == left_is_on_the_viewers_right), el.get("id")


def test_more_load_is_a_darker_fill() -> None:
    ladder = [
        Muscle.TRICEPS,
        Muscle.PECTORALIS,
        Muscle.LATISSIMUS_DORSI,
        Muscle.GLUTEUS_MAXIMUS,
        Muscle.HAMSTRINGS_LATERAL,
        Muscle.QUADRICEPS,
    ]
    loads = both_sides({muscle: 1.0 + 2 * i for i, muscle in enumerate(ladder)})  # 1, 3 … 11

    svg = render_heatmap_svg(loads, title="Ladder", scale_max=12)
    darkness = [relative_luminance(fill(svg, muscle, Side.LEFT)) for muscle in ladder]

    assert darkness == sorted(darkness, reverse=True)
    assert len(set(darkness)) == len(ladder)


def test_a_muscle_with_no_load_stays_neutral_grey_and_lighter_than_any_load() -> None:
    svg = render_heatmap_svg(both_sides({Muscle.QUADRICEPS: 0.25}), title="Light", scale_max=10)

    neutral = fill(svg, Muscle.BICEPS, Side.LEFT)
    r, g, b = (int(neutral[i : i + 2], 16) for i in (1, 3, 5))

    assert r == g == b
    assert relative_luminance(neutral) > relative_luminance(fill(svg, Muscle.QUADRICEPS, Side.LEFT))
    assert fill(svg, Muscle.TIBIALIS_ANTERIOR, Side.RIGHT) == neutral


def test_unilateral_work_fills_both_sides_alike() -> None:
    lunge = make_exercise(
        "reverse_lunge",
        muscles={Muscle.GLUTEUS_MEDIUS: 1.0},
        laterality=Laterality.UNILATERAL,
    )

    svg = render_heatmap_svg(muscle_loads([(lunge, 3)]), title="Lunges")
    neutral = fill(svg, Muscle.BICEPS, Side.LEFT)

    assert fill(svg, Muscle.GLUTEUS_MEDIUS, Side.LEFT) == fill(
        svg, Muscle.GLUTEUS_MEDIUS, Side.RIGHT
    )
    assert fill(svg, Muscle.GLUTEUS_MEDIUS, Side.LEFT) != neutral


def test_one_sided_load_colours_only_that_side() -> None:
    svg = render_heatmap_svg({(Muscle.SOLEUS, Side.RIGHT): 2.0}, title="Right calf")

    assert fill(svg, Muscle.SOLEUS, Side.RIGHT) != fill(svg, Muscle.SOLEUS, Side.LEFT)


def test_each_shape_names_its_muscle_side_and_load() -> None:
    svg = render_heatmap_svg({(Muscle.QUADRICEPS, Side.LEFT): 4.5}, title="Titles")
    titles = {
        t.text
        for figure in panel(svg)
        for el in figure.iter()
        if el.get("data-muscle") == "quadriceps"
        for t in el.iter(f"{NS}title")
    }

    assert titles == {"Quadriceps (left): 4.5 weighted sets", "Quadriceps (right): 0 weighted sets"}


def test_the_legend_shows_the_numbers_of_the_scale() -> None:
    svg = render_heatmap_svg(both_sides({Muscle.QUADRICEPS: 5.5}), title="Legend", subtitle="s")
    texts = [el.text for el in ET.fromstring(svg).iter(f"{NS}text")]

    assert texts[:2] == ["Legend", "s"]
    assert "none" in texts
    assert [t for t in texts if t and t.isdigit()] == ["0", "1", "2", "3", "4", "5", "6"]


def test_loads_above_a_fixed_scale_take_the_darkest_step_and_the_legend_says_so() -> None:
    svg = render_heatmap_svg(
        both_sides({Muscle.QUADRICEPS: 20, Muscle.GLUTEUS_MAXIMUS: 6}), title="Max", scale_max=6
    )
    texts = [el.text for el in ET.fromstring(svg).iter(f"{NS}text")]

    assert fill(svg, Muscle.QUADRICEPS, Side.LEFT) == fill(svg, Muscle.GLUTEUS_MAXIMUS, Side.LEFT)
    assert "6+" in texts


def test_the_running_layer_is_a_separate_panel_with_its_own_scale() -> None:
    strength = both_sides({Muscle.QUADRICEPS: 4.0})
    running = {Muscle.SOLEUS: 90.0, Muscle.QUADRICEPS: 30.0}

    alone = render_heatmap_svg(strength, title="Week")
    combined = render_heatmap_svg(strength, title="Week", running=running)
    texts = [el.text for el in ET.fromstring(combined).iter(f"{NS}text")]

    assert "Running (minutes-weighted)" in texts
    assert [el.get("data-view") for el in panel(combined, "running")] == ["front", "back"]
    # The strength panel is unchanged: running minutes are never added to weighted sets.
    assert shapes(panel(alone)).keys() == shapes(panel(combined)).keys()
    for muscle in Muscle:
        for side in Side:
            assert fills(alone, muscle, side) == fills(combined, muscle, side)
    assert fill(combined, Muscle.SOLEUS, Side.LEFT, "running") != fill(
        combined, Muscle.BICEPS, Side.LEFT, "running"
    )
    assert fill(combined, Muscle.SOLEUS, Side.LEFT) == fill(combined, Muscle.BICEPS, Side.LEFT)


def test_ids_stay_unique_when_both_layers_are_drawn() -> None:
    svg = render_heatmap_svg({}, title="Ids", running={Muscle.SOLEUS: 10.0})
    ids = [el.get("id") for el in ET.fromstring(svg).iter() if el.get("id")]

    assert len(ids) == len(set(ids))


def test_the_same_input_gives_the_same_bytes() -> None:
    loads = both_sides({Muscle.QUADRICEPS: 3.0, Muscle.MID_BACK: 1.5})
    running = {Muscle.GASTROCNEMIUS: 45.0}

    first = render_heatmap_svg(loads, title="Same", subtitle="twice", running=running)
    second = render_heatmap_svg(
        dict(reversed(loads.items())), title="Same", subtitle="twice", running=running
    )

    assert first == second


def test_the_heat_map_rasterises_to_png() -> None:
    svg = render_heatmap_svg(both_sides({Muscle.QUADRICEPS: 3.0}), title="PNG")

    png = svg_to_png(svg, scale=0.5)

    assert png.startswith(b"\x89PNG\r\n\x1a\n")


# ---------- the printed layout: a week page of the printable plan ----------


def legend_rows(svg: str) -> list[tuple[str, str]]:
    """(swatch colour, its words) for each row of a printed map's legend, top to bottom: every
    swatch is a <rect> of the document itself (not of a figure) followed by its <text>."""
    children = list(ET.fromstring(svg))
    return [
        (el.get("fill", ""), children[i + 1].text or "")
        for i, el in enumerate(children)
        if el.tag == f"{NS}rect" and children[i + 1].tag == f"{NS}text"
    ]


def test_the_printed_map_has_the_strength_figures_without_tooltips() -> None:
    svg = render_printed_heatmap_svg(both_sides({Muscle.QUADRICEPS: 3}), title="Week 1 & <2>")
    root = ET.fromstring(svg)

    assert [el.get("data-view") for el in panel(svg)] == ["front", "back"]
    assert panel(svg, "running") == []
    # An image shows no tooltips: the document's own title is its one <title>.
    assert [t.text for t in root.iter(f"{NS}title")] == ["Week 1 & <2>"]
    assert root.get("aria-label") == "Week 1 & <2>"
    texts = [el.text for el in root.iter(f"{NS}text")]
    assert texts[:2] == ["Front", "Back"]
    assert "Muscles trained" in texts


def test_the_printed_map_colours_each_muscle_as_the_heatmap_command_does() -> None:
    loads = {
        (Muscle.QUADRICEPS, Side.LEFT): 7.0,
        (Muscle.QUADRICEPS, Side.RIGHT): 3.0,
        (Muscle.SOLEUS, Side.LEFT): 0.5,
        (Muscle.MID_BACK, Side.RIGHT): 12.0,
    }

    printed = render_printed_heatmap_svg(loads, title="Printed")
    command = render_heatmap_svg(loads, title="Command")

    for muscle in Muscle:
        for side in Side:
            assert fills(printed, muscle, side) == fills(command, muscle, side), (muscle, side)
    assert fill(printed, Muscle.QUADRICEPS, Side.LEFT) != fill(
        printed, Muscle.QUADRICEPS, Side.RIGHT
    )


def test_the_printed_legend_gives_the_loads_of_each_colour_darkest_first() -> None:
    svg = render_printed_heatmap_svg(both_sides({Muscle.QUADRICEPS: 5.5}), title="Legend")
    rows = legend_rows(svg)

    # 5.5 weighted sets: a scale from 0 to 6 in six steps of 1.
    assert [words for _, words in rows] == ["5–6", "4–5", "3–4", "2–3", "1–2", "up to 1", "none"]
    lightness = [relative_luminance(colour) for colour, _ in rows]
    assert lightness == sorted(lightness)
    assert len(set(lightness)) == len(rows)
    assert rows[0][0] == fill(svg, Muscle.QUADRICEPS, Side.LEFT)  # 5.5 is in the top step
    assert rows[-1][0] == fill(svg, Muscle.BICEPS, Side.LEFT)  # no load


def test_the_printed_legend_says_when_loads_go_past_a_fixed_scale() -> None:
    svg = render_printed_heatmap_svg(
        both_sides({Muscle.QUADRICEPS: 20, Muscle.GLUTEUS_MAXIMUS: 6}), title="Max", scale_max=6
    )

    assert [words for _, words in legend_rows(svg)][:2] == ["over 5", "4–5"]
    assert fill(svg, Muscle.QUADRICEPS, Side.LEFT) == fill(svg, Muscle.GLUTEUS_MAXIMUS, Side.LEFT)


@pytest.mark.parametrize("view", VIEWS)
def test_the_printed_figures_are_cropped_to_the_body_and_keep_all_of_it(view: str) -> None:
    text = resources.files("runstrong.render").joinpath("body", f"{view}.svg").read_text()
    paths = " ".join(re.findall(r' d="([^"]*)"', text))
    numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*", paths)]
    outline = 1.5  # half the silhouette's 3-wide stroke
    left, right = min(numbers[0::2]) - outline, max(numbers[0::2]) + outline
    top, bottom = min(numbers[1::2]) - outline, max(numbers[1::2]) + outline
    svg = render_printed_heatmap_svg({}, title="Crop")
    (figure,) = [el for el in panel(svg) if el.get("data-view") == view]
    x, y, width, height = (float(n) for n in figure.get("viewBox", "").split())

    assert x <= left
    assert right <= x + width
    assert y <= top
    assert bottom <= y + height
    # Cropped: at most 5 units of the artwork's 200 x 440 box left on either side of the body.
    assert width <= right - left + 10
    assert height <= bottom - top + 10


def test_the_printed_map_is_the_same_for_the_same_loads() -> None:
    loads = both_sides({Muscle.QUADRICEPS: 3.0, Muscle.MID_BACK: 1.5})

    first = render_printed_heatmap_svg(loads, title="Same")
    second = render_printed_heatmap_svg(dict(reversed(loads.items())), title="Same")

    assert first == second
