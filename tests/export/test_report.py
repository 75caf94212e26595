"""The printable plan: a self-contained HTML document and the PDF WeasyPrint makes of it.

A cover, one A4 page per week (sessions, heat map, the week's gaps), then the exercise notes
and the references.
"""

from __future__ import annotations

import base64
import ctypes
import io
import os
import re
import time as time_module
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from html.parser import HTMLParser

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from builders import (
    EXAMPLES,
    GYM,
    library,
    make_athlete,
    make_prescription,
    make_race,
    plan_from_file,
)
from runstrong import services
from runstrong.domain.athlete import Athlete, Weekday
from runstrong.domain.balance import balance_report
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import (
    ByPercent,
    ByRir,
    LowerBodyLoad,
    Phase,
    Plan,
    Prescription,
    Reps,
    Role,
    Session,
    Week,
)
from runstrong.export.pdf import export_pdf
from runstrong.render.messages import cited, text
from runstrong.render.report import render_html
from runstrong.render.resolved import resolve

TODAY = date(2026, 11, 26)
MONDAY = date(2027, 1, 4)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
A4_PT = (595.28, 841.89)
MM_PT = 72 / 25.4
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
PAGE_MARGIN_MM = 13  # left and right, report.css @page
BODY_FILL = (0xF7, 0xF5, 0xF1)  # the skin of the heat map's figures (render/body/*.svg)
DATA_SVG = re.compile(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')
# The tiny plan's reasons: why its sessions fall on their day, and week 2's warning.
AFTER_TUESDAY = reason(RuleId.AFTER_RUN, "doma2013", "schumann2022", hours=10, run="tue:intervals")
NEAR_TEMPO = reason(
    RuleId.KEY_RUN_BUFFER, "doma2019", load="heavy_legs", run="thu:tempo", hours=37, buffer_hours=48
)


@cache
def example(name: str) -> services.PlanResult:
    return plan_from_file(EXAMPLES / f"{name}.toml", TODAY)


@cache
def example_html(name: str) -> str:
    """The example's plan as `runstrong export html` makes it: with heat maps and gaps."""
    result = example(name)
    options = services.ExportOptions(now=datetime(2026, 11, 26, tzinfo=UTC))
    data = services.export_one("html", result, options)
    assert isinstance(data, bytes)
    return data.decode("utf-8")


@cache
def alex_pdf() -> bytes:
    return export_pdf(example_html("alex-marathon"))


def pdf_pages_text(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(" ".join(textpage.get_text_range().split()))
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


def pdf_page_tops(data: bytes) -> list[str]:
    """The text at the top left of each page's body, below the running header (margin 13 mm)
    and left of where a week page has its heat map."""
    doc = pdfium.PdfDocument(data)
    try:
        tops = []
        for page in doc:
            _, height = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_bounded(
                left=0, bottom=height - 25 * MM_PT, right=100 * MM_PT, top=height - 12 * MM_PT
            )
            tops.append(" ".join(text.split()))
            textpage.close()
            page.close()
        return tops
    finally:
        doc.close()


Box = tuple[float, float, float, float]  # left, top, right, bottom in mm from the page's top left


def figures_box(page: pdfium.PdfPage) -> Box:
    """Where the page prints the heat map's figures: the extent of the shapes painted in the
    artwork's skin colour (the body's outline, under the muscles)."""
    _, height = page.get_size()
    boxes = []
    for obj in page.get_objects(max_depth=3):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        rgba = [ctypes.c_uint() for _ in range(4)]
        if pdfium_c.FPDFPageObj_GetFillColor(obj.raw, *rgba) and (
            tuple(c.value for c in rgba[:3]) == BODY_FILL
        ):
            boxes.append(obj.get_bounds())
    assert boxes, "no heat map on this page"
    return (
        min(b[0] for b in boxes) / MM_PT,
        (height - max(b[3] for b in boxes)) / MM_PT,
        max(b[2] for b in boxes) / MM_PT,
        (height - min(b[1] for b in boxes)) / MM_PT,
    )


def text_within(page: pdfium.PdfPage, box: Box) -> str:
    _, height = page.get_size()
    left, top, right, bottom = box
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded(
            left=left * MM_PT,
            bottom=height - bottom * MM_PT,
            right=right * MM_PT,
            top=height - top * MM_PT,
        )
    finally:
        textpage.close()
    return " ".join(text.split())


def printed_sizes_pt(page: pdfium.PdfPage, words: str) -> list[float]:
    """The printed size of each letter of the first `words` on the page: its font's size times
    the scale at which the page draws it (an SVG image's text is scaled with the image)."""
    textpage = page.get_textpage()
    try:
        # A space of `words` matches any run of the text layer's spaces and line ends: the
        # legend's heading may wrap where the PDF writer's font metrics say.
        pattern = r"\s+".join(re.escape(word) for word in words.split())
        found = re.search(pattern, textpage.get_text_range())
        assert found, words
        text = found.group()
        sizes = []
        for i in range(found.start(), found.end()):
            if text[i - found.start()].isspace():
                continue  # the text layer's own spaces and line ends have no size
            matrix = pdfium_c.FS_MATRIX()
            assert pdfium_c.FPDFText_GetMatrix(textpage, i, matrix)
            scale = (matrix.c**2 + matrix.d**2) ** 0.5
            sizes.append(pdfium_c.FPDFText_GetFontSize(textpage, i) * scale)
        return sizes
    finally:
        textpage.close()


def squat(**changes: object) -> Prescription:
    fields: dict[str, object] = {
        "slug": "back_squat",
        "name": "Back squat",
        "dose": Reps(5, ByPercent(80, 2)),
        "rest_s": 180,
        "tempo": "3-1-1-0",
        "why": "Heavy squats <make> runners economical & robust.",
        "citations": ("blagrove2018",),
    }
    return make_prescription(**(fields | changes))  # type: ignore[arg-type]


def split_squat(**changes: object) -> Prescription:
    fields: dict[str, object] = {
        "slug": "bulgarian_split_squat",
        "name": "Bulgarian split squat",
        "role": Role.SECONDARY,
        "sets": 2,
        "per_side": True,
        "dose": Reps(8, ByRir(3)),
        "why": "Single-leg strength.",
        "citations": ("mackey2021",),
    }
    return make_prescription(**(fields | changes))  # type: ignore[arg-type]


def session(day: date, *exercises: Prescription, warnings: tuple[Reason, ...] = ()) -> Session:
    return Session(
        date=day,
        weekday=Weekday.of(day),
        time=time(18, 0),
        title="Strength A: squat & single leg",
        after_run=True,
        lower_body_load=LowerBodyLoad.HEAVY,
        plyo_contacts=0,
        est_minutes=40,
        exercises=exercises or (squat(), split_squat()),
        reasons=(AFTER_TUESDAY,),
        warnings=warnings,
    )


def tiny_plan(name: str = "Test Runner", *week_1: Prescription) -> Plan:
    weeks = (
        Week(
            1,
            MONDAY,
            Phase.BASE,
            False,
            "Build strength.",
            (session(MONDAY + timedelta(1), *week_1),),
        ),
        Week(
            2,
            MONDAY + timedelta(7),
            Phase.BASE,
            True,
            "Absorb the training.",
            (session(MONDAY + timedelta(8), warnings=(NEAR_TEMPO,)),),
        ),
        Week(3, MONDAY + timedelta(14), Phase.TAPER, False, "Shed fatigue.", ()),
    )
    return Plan(
        athlete=name, start=MONDAY, weeks=weeks, warnings=(reason(RuleId.NOT_MEDICAL_ADVICE),)
    )


def tiny_athlete(name: str = "Test Runner") -> Athlete:
    race = make_race(MONDAY + timedelta(20), "A", "10k", name="River 10k")
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0}, races=(race,))
    return replace(athlete, name=name)


def tiny_html(
    *week_1: Prescription,
    heatmaps: dict[int, str] | None = None,
    balance: dict[int, list[str]] | None = None,
) -> str:
    plan = tiny_plan("Test Runner", *week_1)
    return render_html(resolve(plan, tiny_athlete(), library()), heatmaps=heatmaps, balance=balance)


class Outline(HTMLParser):
    """Checks that every element is closed in order, and collects the text of each section
    and of each paragraph with a class (exercise lines, gaps, warnings ...)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self.open: list[str] = []
        self.sections: list[tuple[str, str]] = []  # (id or class, its words)
        self.paragraphs: list[tuple[str, str, str]] = []  # (section, class, its words)
        self.strip_cells: list[str] = []
        self._texts: list[list[str]] = []
        self._cell: list[str] | None = None
        self._para: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        css_class = attributes.get("class") or ""
        if tag == "section":
            self.sections.append((attributes.get("id") or css_class, ""))
            self._texts.append([])
        if tag == "td" and "ph-" in css_class and "table.strip" in self.open:
            self._cell = []
        if tag == "p" and css_class:
            self._para = (css_class, [])
        if tag not in VOID_TAGS:
            self.open.append(f"{tag}.{css_class}" if tag == "table" else tag)

    def handle_endtag(self, tag: str) -> None:
        top = self.open.pop() if self.open else ""
        if top.split(".")[0] != tag:
            self.errors.append(f"</{tag}> closes <{top}>")
        if tag == "section" and self._texts:
            key, _ = self.sections[-1]
            self.sections[-1] = (key, " ".join(" ".join(self._texts.pop()).split()))
        if tag == "td" and self._cell is not None:
            self.strip_cells.append(" ".join(" ".join(self._cell).split()))
            self._cell = None
        if tag == "p" and self._para is not None:
            css_class, words = self._para
            section = self.sections[-1][0] if self.sections else ""
            self.paragraphs.append((section, css_class, " ".join(" ".join(words).split())))
            self._para = None

    def handle_data(self, data: str) -> None:
        for texts in self._texts:
            texts.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._para is not None:
            self._para[1].append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser


def section_text(html: str, key: str) -> str:
    return next(text for k, text in outline(html).sections if k == key)


def paragraphs(html: str, section: str, css_class: str) -> list[str]:
    return [text for s, c, text in outline(html).paragraphs if s == section and c == css_class]


def week_html(html: str, index: int) -> str:
    start = html.index(f'id="week-{index}"')
    return html[start : html.index("</section>", start)]


# ---------- HTML ----------


@pytest.mark.parametrize("name", ["alex-marathon", "marco-marathon-gym", "kim-no-race"])
def test_the_html_refers_to_nothing_outside_itself(name: str) -> None:
    html = example_html(name)
    images = DATA_SVG.findall(html)
    # A heat map for each week with a session, carried inside the document.
    assert len(images) == sum(1 for w in example(name).plan.weeks if w.sessions)
    rest = DATA_SVG.sub("", html)
    for pattern in [
        r"https?:",
        r"//",
        r"\bsrc\s*=",
        r"\bhref\s*=",
        r"@import",
        r"url\(",
        "<script",
    ]:
        assert not re.search(pattern, rest, re.IGNORECASE), pattern
    for image in images:
        svg = base64.b64decode(image).decode("utf-8")
        assert not re.search(r"\bhref\s*=|<script|<image", svg, re.IGNORECASE)
    assert "<style>" in html
    assert "@font-face" not in html


@pytest.mark.parametrize("name", ["alex-marathon", "marco-marathon-gym", "kim-no-race"])
def test_the_html_parses_with_every_element_closed_in_order(name: str) -> None:
    parsed = outline(example_html(name))
    assert parsed.errors == []
    assert parsed.open == []
    assert example_html(name).startswith("<!DOCTYPE html>")


def test_each_week_has_its_own_section_and_the_css_starts_it_on_a_new_page() -> None:
    result = example("alex-marathon")
    html = example_html("alex-marathon")
    sections = [key for key, _ in outline(html).sections]
    weeks = [key for key in sections if key.startswith("week-")]
    assert weeks == [f"week-{n}" for n in range(1, len(result.plan.weeks) + 1)]
    assert sections == ["cover", *weeks, "exercise-notes", "references"]
    assert re.search(r"section\.week\s*\{[^}]*break-before:\s*page", html)
    assert re.search(r"section\.exercise-notes\s*\{[^}]*break-before:\s*page", html)
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", html)


def test_the_cover_lists_every_race_with_its_date_and_priority() -> None:
    cover = section_text(example_html("marco-marathon-gym"), "cover")
    assert "Half Marathon tune-up Sun 7 Mar 2027 half marathon B" in cover
    assert "Spring Marathon Sun 25 Apr 2027 marathon A" in cover
    assert cover.index("Half Marathon tune-up") < cover.index("Spring Marathon")


def test_the_cover_describes_the_athlete_and_the_plan_span() -> None:
    cover = section_text(example_html("alex-marathon"), "cover")
    assert "Strength plan: Alex" in cover
    assert "Intermediate" in cover
    assert "dumbbells (up to 30 kg)" in cover
    assert "Monday, Tuesday, Thursday, Saturday" in cover
    assert "7 Dec 2026 – 2 May 2027 · 21 weeks" in cover
    warnings = example("alex-marathon").plan.warnings  # "Read first"
    assert any(w.rule is RuleId.NOT_MEDICAL_ADVICE for w in warnings)
    assert all(text(w).removesuffix(".") in cover for w in warnings)
    assert "B1 and B2 make a superset" in cover  # the key explains the position labels


def test_a_plan_without_races_says_so_on_the_cover() -> None:
    cover = section_text(example_html("kim-no-race"), "cover")
    assert "No race entered" in cover
    assert "★" not in cover


def test_the_phase_strip_has_a_labelled_cell_per_week_marking_deloads_and_race_weeks() -> None:
    cells = outline(tiny_html()).strip_cells
    # Week 2 is a deload; the race on day 20 falls in week 3 (days 14-20).
    assert cells == ["1 Base", "2 Base deload", "3 Taper ★ A"]


def test_a_phase_that_opens_on_a_deload_week_shows_the_goal_of_its_loading_weeks() -> None:
    weeks = example("priya-half-home").plan.weeks
    # Priya's build phase opens on a running recovery week, so on a deload.
    assert [(w.phase, w.deload) for w in weeks[10:13]] == [
        (Phase.BASE, False),
        (Phase.BUILD, True),
        (Phase.BUILD, False),
    ]
    cover = section_text(example_html("priya-half-home"), "cover")
    assert (
        "Build 12–17 22 Feb – 4 Apr Keep the strength, add power: explosive lifts and more "
        "reactive plyometrics." in cover
    )
    assert "Deload: fewer sets" not in cover


def test_a_phase_of_deload_weeks_only_shows_their_goal() -> None:
    first, second, third = tiny_plan().weeks
    weeks = (
        replace(first, deload=True, goal="Absorb the training."),
        replace(second, deload=False, goal="Build strength."),
        replace(third, deload=True),
    )
    plan = replace(tiny_plan(), weeks=weeks)
    cover = section_text(render_html(resolve(plan, tiny_athlete(), library())), "cover")
    assert "Base 1–2 4 Jan – 17 Jan Build strength." in cover
    assert "Taper 3 18 Jan – 24 Jan Shed fatigue." in cover
    assert "Absorb the training." not in cover


def test_every_week_page_shows_its_phase_deload_and_goal_in_words() -> None:
    html = tiny_html()
    assert section_text(html, "week-2").startswith("Week 2 11 Jan – 17 Jan 2027")
    assert "Base phase Deload" in section_text(html, "week-2")
    assert "Absorb the training." in section_text(html, "week-2")
    assert "Taper phase ★ River 10k · Sun 24 Jan · A" in section_text(html, "week-3")
    assert "No strength session this week." in section_text(html, "week-3")


def test_an_exercise_line_gives_label_dose_kilograms_effort_tempo_rest_and_its_first_cue() -> None:
    html = tiny_html()
    lines = paragraphs(html, "week-1", "x")
    first_cue = " ".join(library().get("back_squat").cues[0].split())
    split_cue = " ".join(library().get("bulgarian_split_squat").cues[0].split())
    # 80% of a 100 kg back squat is 80 kg on a barbell that steps by 2.5 kg.
    assert lines == [
        "A Back squat 3 × 5 · 80 kg · 80% 1RM · RIR 2 · tempo 3-1-1-0 · rest 3:00 ☐ ☐ ☐ "
        + first_cue,
        f"B Bulgarian split squat 2 × 8 per side · RIR 3 · rest 1:30 ☐ ☐ {split_cue}",
    ]
    # Only the first cue: the others wait in the exercise notes.
    second_cue = " ".join(library().get("back_squat").cues[1].split())
    assert second_cue not in section_text(html, "week-1")


def test_a_session_header_says_when_what_and_how_hard_then_why_this_day() -> None:
    week = section_text(tiny_html(), "week-1")
    assert "Tue 5 Jan · 18:00 · Strength A: squat & single leg about 40 min · legs: heavy" in week
    assert "no plyometrics · after the day's run" in week
    assert f"Why this day: {cited(AFTER_TUESDAY)}" in week


def test_a_superset_is_labelled_b1_and_b2_in_gym_notation() -> None:
    html = tiny_html(
        squat(),
        split_squat(superset="B"),
        split_squat(slug="goblet_squat", name="Goblet squat", superset="B"),
        split_squat(slug="side_plank", name="Side plank", per_side=False),
    )
    labels = [line.split()[0] for line in paragraphs(html, "week-1", "x")]
    assert labels == ["A", "B1", "B2", "C"]


def test_a_note_all_exercises_share_is_said_once_and_one_of_its_own_beside_its_cue() -> None:
    deload = reason(RuleId.DELOAD_DOSE, "bell2022", kept="reps", fewer_sets=1, more_rir=2)
    swap = reason(RuleId.NIGGLE_SWAP, replaced="Split squat", niggle_sites=("knee",))
    html = tiny_html(squat(notes=(deload,)), split_squat(notes=(deload, swap)))
    week = section_text(html, "week-1")
    assert week.count(cited(deload)) == 1
    assert f"Every exercise: {cited(deload)}" in week
    lines = paragraphs(html, "week-1", "x")
    assert lines[1].endswith(f"· {cited(swap)}")
    assert cited(swap) not in lines[0]


def test_a_set_gets_one_tick_box() -> None:
    lines = paragraphs(tiny_html(), "week-1", "x")
    assert [line.count("☐") for line in lines] == [3, 2]


def test_session_warnings_are_set_apart_and_labelled() -> None:
    html = tiny_html()
    assert paragraphs(html, "week-2", "warnings") == [f"⚠ Warning • {cited(NEAR_TEMPO)}"]
    assert paragraphs(html, "week-1", "warnings") == []


def test_the_exercise_notes_give_each_exercise_of_the_plan_once_by_name_with_every_cue() -> None:
    result = example("priya-half-home")
    html = example_html("priya-half-home")
    notes = paragraphs(html, "exercise-notes", "exn")
    shown = {p.slug: p.name for s in result.plan.sessions for p in s.exercises}
    assert len(notes) == len(shown)
    # named as on the week pages: for the athlete's kit ("Woodchop", not "Cable chop")
    assert [n.split(" Week")[0] for n in notes] == sorted(shown.values(), key=str.lower)
    assert "Woodchop" in shown.values()
    for slug, name in shown.items():
        exercise = result.library.get(slug)
        entry = next(n for n in notes if n.startswith(name + " Week"))
        for cue in exercise.cues:
            assert f"• {' '.join(cue.split())}" in entry
        assert f"Why: {' '.join(exercise.why.text.split())}" in entry
        assert f"[{', '.join(exercise.why.citations)}]" in entry


def test_the_exercise_notes_say_in_which_weeks_each_exercise_comes() -> None:
    html = tiny_html(squat(), split_squat(slug="goblet_squat", name="Goblet squat"))
    notes = paragraphs(html, "exercise-notes", "exn")
    # The back squat is in weeks 1 and 2, the goblet squat in week 1, the split squat in week 2.
    assert [n.split(" • ")[0] for n in notes] == [
        "Back squat Weeks 1–2",
        "Bulgarian split squat Week 2",
        "Goblet squat Week 1",
    ]


def test_text_from_the_profile_is_escaped() -> None:
    name = '<script>alert("x")</script> & Co'
    html = render_html(resolve(tiny_plan(name), tiny_athlete(name), library()))
    assert "<script" not in html
    assert "Strength plan: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    assert outline(html).errors == []


def test_citation_keys_resolve_in_the_references_section() -> None:
    html = example_html("alex-marathon")
    references = section_text(html, "references")
    cited = set(re.findall(r'<span class="cite">\[([^\]]+)\]</span>', html))
    keys = {k.strip() for group in cited for k in group.split(",")}
    assert "blagrove2018" in keys
    for key in keys:
        assert key in references
    assert library().citations["blagrove2018"] in references


def test_heat_maps_go_into_their_own_week_only_as_images_that_carry_the_svg() -> None:
    svg = f'<svg {SVG_NS} viewBox="0 0 10 10"><title>Week 2 map</title><rect width="10"/></svg>'
    html = tiny_html(heatmaps={2: '<?xml version="1.0"?>\n' + svg})
    images = DATA_SVG.findall(week_html(html, 2))
    assert [base64.b64decode(i).decode("utf-8") for i in images] == [svg]
    assert len(DATA_SVG.findall(html)) == 1
    assert "<svg" not in html
    assert 'class="heatmap"' not in tiny_html()


def test_the_weeks_gaps_close_its_header() -> None:
    html = tiny_html(balance={1: [], 2: ["no calf or soleus work this week", "no trunk work"]})
    assert paragraphs(html, "week-2", "gaps") == [
        "Gaps this week: • no calf or soleus work this week • no trunk work"
    ]
    week = week_html(html, 2)
    summary, gaps = week.index('class="week-summary"'), week.index('class="gaps"')
    assert summary < gaps < week.index("</div>") < week.index('class="session"')
    assert paragraphs(html, "week-1", "gaps none") == ["No gaps in this week's balance."]
    # Week 3 has no session, so nothing to weigh; without `balance` no week has the block.
    assert "gaps" not in week_html(html, 3)
    assert 'class="gaps' not in tiny_html()


def test_the_export_prints_each_weeks_balance_flags() -> None:
    result = example("sam-5k-beginner")
    html = example_html("sam-5k-beginner")
    flagged = [w for w in result.plan.weeks if balance_report(w, result.library).flags]
    assert flagged
    for week in flagged:
        flags = balance_report(week, result.library).flags
        assert paragraphs(html, f"week-{week.index}", "gaps") == [
            "Gaps this week: " + " ".join(f"• {f}" for f in flags)
        ]


def test_the_html_is_the_same_every_time() -> None:
    result = example("alex-marathon")
    options = services.ExportOptions(now=datetime(2027, 1, 1, tzinfo=UTC))
    assert services.export_one("html", result, options) == example_html("alex-marathon").encode()


# ---------- PDF ----------


def week_first_pages(tops: list[str], weeks: int) -> dict[int, int]:
    """The page each week starts on (the cover is page 0). A week whose sessions do not fit its
    page goes on over the next one, never more."""
    first = {}
    for n in range(1, weeks + 1):
        first[n] = next(i for i, top in enumerate(tops) if top.startswith(f"Week {n} "))
    return first


def week_pages(tops: list[str], weeks: int) -> dict[int, range]:
    """The pages of each week: from its first to the page before the next week's."""
    first = week_first_pages(tops, weeks)
    notes = next(i for i, top in enumerate(tops) if top.startswith("Exercise notes"))
    ends = [first[n + 1] for n in range(1, weeks)] + [notes]
    return {n: range(first[n], end) for n, end in zip(first, ends, strict=True)}


def test_the_alex_pdf_is_a_cover_then_each_week_on_a_new_page_then_the_notes_and_references() -> (
    None
):
    weeks = len(example("alex-marathon").plan.weeks)
    tops = pdf_page_tops(alex_pdf())
    texts = pdf_pages_text(alex_pdf())
    assert tops[0].startswith("RUNSTRONG")
    assert "Strength plan: Alex" in texts[0]
    assert "Spring Marathon" in texts[0]
    cover = 1
    pages = week_pages(tops, weeks)
    assert pages[1].start == cover
    for n, span in pages.items():
        assert 1 <= len(span) <= 2, (n, span)  # a page a week, a second where it does not fit
        assert all(not tops[i].startswith("Week") for i in span[1:])
    notes = pages[weeks].stop
    assert tops[notes].startswith("Exercise notes")
    appendix = len(tops) - notes
    assert tops[-1].startswith("References")
    assert 2 <= appendix <= 6


def test_a_week_page_of_the_pdf_holds_its_sessions_heat_map_and_gaps() -> None:
    result = example("alex-marathon")
    texts = pdf_pages_text(alex_pdf())
    pages = week_pages(pdf_page_tops(alex_pdf()), len(result.plan.weeks))
    week = next(w for w in result.plan.weeks if balance_report(w, result.library).flags)
    first = texts[pages[week.index].start]
    assert "Muscles trained weighted sets per side" in first  # the heat map's legend
    assert sum("Muscles trained" in t for t in texts) == len(result.plan.weeks)
    assert "Gaps this week:" in first
    for flag in balance_report(week, result.library).flags:
        assert flag in first
    page = " ".join(texts[i] for i in pages[week.index])
    for s in week.sessions:
        assert s.title in page
        for p in s.exercises:
            assert p.name in page


def test_every_week_page_prints_its_heat_map_large_at_the_top_right_with_nothing_over_it() -> None:
    doc = pdfium.PdfDocument(alex_pdf())
    try:
        weeks = example("alex-marathon").plan.weeks
        assert all(w.sessions for w in weeks)
        first = week_first_pages(pdf_page_tops(alex_pdf()), len(weeks))
        for week in weeks:
            page = doc[first[week.index]]
            left, top, _, bottom = box = figures_box(page)
            # Head to toe, the body is 50 mm or more (it was 37 mm, too small to read).
            assert bottom - top >= 50, (week.index, box)
            assert top < PAGE_MARGIN_MM + 2  # at the top of the page
            assert left > 210 / 2  # on its right half
            assert text_within(page, box) == ""  # the week's text runs beside it, not over it
            page.close()
    finally:
        doc.close()


def test_the_heat_maps_legend_is_printed_in_7_pt_type_or_larger_beside_the_figures() -> None:
    doc = pdfium.PdfDocument(alex_pdf())
    try:
        page = doc[1]  # week 1
        _, top, right, bottom = figures_box(page)
        legend = text_within(page, (right, top, 210 - PAGE_MARGIN_MM, bottom))
        # The heading, then a row per colour, darkest first: its loads (weighted sets).
        ranges = r"(?: \d+(?:\.\d+)?–\d+(?:\.\d+)?){5}"
        assert re.fullmatch(
            rf"Muscles trained weighted sets per side{ranges} up to \S+ none", legend
        )
        for words in [
            "Muscles trained",
            "weighted sets per side",
            "up to",
            "none",
            "Front",
            "Back",
        ]:
            assert min(printed_sizes_pt(page, words)) >= 7, words
        first_range = re.search(r"\d+(?:\.\d+)?–\d+(?:\.\d+)?", legend)
        assert first_range
        assert min(printed_sizes_pt(page, first_range.group())) >= 7
        page.close()
    finally:
        doc.close()


def test_no_text_of_a_week_page_runs_past_its_side_margins() -> None:
    """Text beyond the margin would be text an image cut off, or a page too narrow for it."""
    doc = pdfium.PdfDocument(alex_pdf())
    try:
        for index in range(1, len(example("alex-marathon").plan.weeks) + 1):
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            for i, char in enumerate(text):
                if char.isspace():
                    continue
                left, _, right, _ = textpage.get_charbox(i)
                assert left / MM_PT >= PAGE_MARGIN_MM - 0.3, (index, char, text[i - 20 : i])
                assert right / MM_PT <= 210 - PAGE_MARGIN_MM + 0.3, (index, char, text[i - 20 : i])
            textpage.close()
            page.close()
    finally:
        doc.close()


def test_the_alex_pdf_is_a4_and_numbers_its_pages() -> None:
    data = alex_pdf()
    doc = pdfium.PdfDocument(data)
    try:
        sizes = {tuple(round(x, 2) for x in page.get_size()) for page in doc}
        total = len(doc)
    finally:
        doc.close()
    assert sizes == {A4_PT}
    pages = pdf_pages_text(data)
    assert f"Page 1 of {total}" in pages[0]
    assert f"Page {total} of {total}" in pages[-1]


def test_the_pdf_is_the_same_bytes_every_time_and_leaves_the_environment_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    html = tiny_html()
    first = export_pdf(html)
    assert first.startswith(b"%PDF-")
    assert export_pdf(html) == first
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_the_pdf_depends_neither_on_the_clock_nor_on_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Font subsets are stamped with the time they were made (fontTools, in whole seconds) or
    SOURCE_DATE_EPOCH: the export sets each font's stamp back to its creation date."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    html = tiny_html()
    first = export_pdf(html)
    time_module.sleep(1.1)  # into the next second
    assert export_pdf(html) == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert export_pdf(html) == first


def test_an_embedded_fonts_modified_stamp_becomes_its_created_stamp() -> None:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    from runstrong.export.pdf import fixed_font_timestamp

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef"])
    builder.setupCharacterMap({})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.font["head"].created = 3_000_000_000  # seconds since 1904
    builder.font["head"].modified = 3_600_000_000
    builder.font.recalcTimestamp = False
    made = io.BytesIO()
    builder.save(made)
    assert TTFont(io.BytesIO(made.getvalue()))["head"].modified == 3_600_000_000
    fixed = TTFont(io.BytesIO(fixed_font_timestamp(made.getvalue())))
    assert fixed["head"].modified == 3_000_000_000
    assert fixed["head"].created == 3_000_000_000
    assert fixed_font_timestamp(b"not a font") == b"not a font"


def test_the_printed_heat_maps_share_one_colour_scale_so_weeks_compare() -> None:
    """A taper week is light: on its own scale its few sets would print as dark as a base week's
    many. Every week's legend reads the same, and the taper weeks' darkest muscle is lighter
    than the darkest of the plan."""
    result = example("alex-marathon")
    maps = services.week_heatmaps(result)
    legends = {index: _legend(svg) for index, svg in maps.items()}
    assert len(set(legends.values())) == 1, legends
    swatches = re.findall(r'<rect[^>]*fill="(#[0-9a-fA-F]{6})"', legends[1])  # darkest first

    def darkest(svg: str) -> int:  # the legend row of the darkest muscle drawn
        return min(i for i, colour in enumerate(swatches) if colour in _figures(svg))

    plan_darkest = min(darkest(svg) for svg in maps.values())
    taper = [w.index for w in result.plan.weeks if w.phase is Phase.TAPER and w.sessions]
    assert taper
    assert all(darkest(maps[i]) > plan_darkest for i in taper)


def _legend(svg: str) -> str:
    return svg[svg.index(">Muscles trained<") :]


def _figures(svg: str) -> str:
    return svg[: svg.index(">Muscles trained<")]
