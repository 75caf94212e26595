"""The printable plan: a self-contained HTML document and the PDF WeasyPrint makes of it."""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import replace
from datetime import date, time, timedelta
from functools import cache
from html.parser import HTMLParser

import pypdfium2 as pdfium
import pytest

from builders import EXAMPLES, GYM, library, make_athlete, make_race
from runstrong import services
from runstrong.domain.athlete import Athlete, Weekday
from runstrong.domain.plan import LowerBodyLoad, Phase, Plan, Prescription, Role, Session, Week
from runstrong.export.pdf import export_pdf
from runstrong.render.report import render_html

TODAY = date(2026, 11, 26)
MONDAY = date(2027, 1, 4)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
A4_PT = (595.28, 841.89)
MM_PT = 72 / 25.4
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


@cache
def example(name: str) -> services.PlanResult:
    return services.make_plan(EXAMPLES / f"{name}.toml", today=TODAY)


@cache
def example_html(name: str) -> str:
    result = example(name)
    return render_html(result.plan, result.profile.athlete, result.library)


@cache
def alex_pdf() -> bytes:
    return export_pdf(example_html("alex-marathon"))


def pdf_pages_text(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


def pdf_page_tops(data: bytes) -> list[str]:
    """The text at the top of each page's body, below the running header (margin 16 mm)."""
    doc = pdfium.PdfDocument(data)
    try:
        tops = []
        for page in doc:
            width, height = page.get_size()
            textpage = page.get_textpage()
            tops.append(
                textpage.get_text_bounded(
                    left=0, bottom=height - 30 * MM_PT, right=width, top=height - 15 * MM_PT
                ).strip()
            )
            textpage.close()
            page.close()
        return tops
    finally:
        doc.close()


def squat(**changes: object) -> Prescription:
    p = Prescription(
        slug="back_squat",
        name="Back squat",
        role=Role.MAIN,
        sets=3,
        reps=5,
        seconds=None,
        contacts=None,
        per_side=False,
        rir=2,
        percent_1rm=80,
        rest_s=180,
        tempo="3-1-1-0",
        why="Heavy squats <make> runners economical & robust.",
        citations=("blagrove2018",),
    )
    return replace(p, **changes)  # type: ignore[arg-type]


def split_squat() -> Prescription:
    return Prescription(
        slug="bulgarian_split_squat",
        name="Bulgarian split squat",
        role=Role.SECONDARY,
        sets=2,
        reps=8,
        seconds=None,
        contacts=None,
        per_side=True,
        rir=3,
        percent_1rm=None,
        rest_s=90,
        tempo=None,
        why="Single-leg strength.",
        citations=("mackey2021",),
    )


def session(day: date, *exercises: Prescription, warnings: tuple[str, ...] = ()) -> Session:
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
        reasons=("after Tuesday's intervals run: run first, then lift [doma2013, schumann2022]",),
        warnings=warnings,
    )


def tiny_plan(name: str = "Test Runner") -> Plan:
    weeks = (
        Week(1, MONDAY, Phase.BASE, False, "Build strength.", (session(MONDAY + timedelta(1)),)),
        Week(
            2,
            MONDAY + timedelta(7),
            Phase.BASE,
            True,
            "Absorb the training.",
            (session(MONDAY + timedelta(8), warnings=("heavy legs 37 h before a tempo run",)),),
        ),
        Week(3, MONDAY + timedelta(14), Phase.TAPER, False, "Shed fatigue.", ()),
    )
    return Plan(athlete=name, start=MONDAY, weeks=weeks, warnings=("Not medical advice.",))


def tiny_athlete(name: str = "Test Runner") -> Athlete:
    race = make_race(MONDAY + timedelta(20), "A", "10k", name="River 10k")
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0}, races=(race,))
    return replace(athlete, name=name)


class Outline(HTMLParser):
    """Checks that every element is closed in order, and collects the text of each section."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self.open: list[str] = []
        self.sections: list[tuple[str, str]] = []  # (id or class, its words)
        self.strip_cells: list[str] = []
        self._texts: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        css_class = attributes.get("class") or ""
        if tag == "section":
            self.sections.append((attributes.get("id") or css_class, ""))
            self._texts.append([])
        if tag == "td" and "ph-" in css_class and "table.strip" in self.open:
            self._cell = []
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

    def handle_data(self, data: str) -> None:
        for texts in self._texts:
            texts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser


def section_text(html: str, key: str) -> str:
    return next(text for k, text in outline(html).sections if k == key)


# ---------- HTML ----------


@pytest.mark.parametrize("name", ["alex-marathon", "marco-marathon-gym", "kim-no-race"])
def test_the_html_refers_to_nothing_outside_itself(name: str) -> None:
    html = example_html(name)
    for pattern in [
        r"https?:",
        r"//",
        r"\bsrc\s*=",
        r"\bhref\s*=",
        r"@import",
        r"url\(",
        "<script",
    ]:
        assert not re.search(pattern, html, re.IGNORECASE), pattern
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
    weeks = [key for key, _ in outline(html).sections if key.startswith("week-")]
    assert weeks == [f"week-{n}" for n in range(1, len(result.plan.weeks) + 1)]
    assert re.search(r"section\.week\s*\{[^}]*break-before:\s*page", html)
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
    assert "not medical advice" in cover


def test_a_plan_without_races_says_so_on_the_cover() -> None:
    cover = section_text(example_html("kim-no-race"), "cover")
    assert "No race entered" in cover
    assert "★" not in cover


def test_the_phase_strip_has_a_labelled_cell_per_week_marking_deloads_and_race_weeks() -> None:
    cells = outline(render_html(tiny_plan(), tiny_athlete(), library())).strip_cells
    # Week 2 is a deload; the race on day 20 falls in week 3 (days 14-20).
    assert cells == ["1 Base", "2 Base deload", "3 Taper ★ A"]


def test_every_week_page_shows_its_phase_deload_and_goal_in_words() -> None:
    html = render_html(tiny_plan(), tiny_athlete(), library())
    assert "Week 2" in section_text(html, "week-2")
    assert "Base phase Deload" in section_text(html, "week-2")
    assert "Absorb the training." in section_text(html, "week-2")
    assert "Taper phase ★ River 10k · Sun 24 Jan · A" in section_text(html, "week-3")
    assert "No strength session this week." in section_text(html, "week-3")


def test_a_session_shows_its_dose_kilograms_cues_and_reasons() -> None:
    html = render_html(tiny_plan(), tiny_athlete(), library())
    week = section_text(html, "week-1")
    # 80% of a 100 kg back squat is 80 kg on a barbell that steps by 2.5 kg.
    assert "A Back squat 3 × 5 80 kg 80% 1RM · RIR 2 3-1-1-0 3:00" in week
    assert "B Bulgarian split squat 2 × 8 per side RIR 3 — 1:30" in week
    first_cue = library().get("back_squat").cues[0]
    assert " ".join(first_cue.split()) in week  # the week page shows the first cue
    notes = section_text(html, "exercise-notes")  # every cue and the why, once, in the appendix
    squat = library().get("back_squat")
    for cue in squat.cues:
        assert " ".join(cue.split()) in notes
    assert " ".join(squat.why.text.split()) in notes
    assert "Tue 5 Jan · 18:00 Strength A: squat & single leg about 40 min | Legs: heavy" in week
    assert "Why this day: after Tuesday's intervals run: run first, then lift" in week


def test_a_set_gets_one_tick_box() -> None:
    html = render_html(tiny_plan(), tiny_athlete(), library())
    week_1 = html[html.index('id="week-1"') : html.index('id="week-2"')]
    rows = re.findall(r'<td class="boxes">(□*)</td>', week_1)
    assert [len(row) for row in rows] == [3, 2]


def test_session_warnings_are_set_apart_and_labelled() -> None:
    html = render_html(tiny_plan(), tiny_athlete(), library())
    assert re.search(
        r'<div class="warnings"><span class="label">⚠ Warning</span><ul><li>heavy legs 37 h',
        html,
    )
    assert "⚠ Warning" not in section_text(html, "week-1")


def test_text_from_the_profile_is_escaped() -> None:
    name = '<script>alert("x")</script> & Co'
    html = render_html(tiny_plan(name), tiny_athlete(name), library())
    assert "<script" not in html
    assert "Strength plan: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    assert outline(html).errors == []


def test_citation_keys_resolve_in_the_references_section() -> None:
    html = example_html("alex-marathon")
    references = section_text(html, "references")
    cited = set(re.findall(r'<span class="cite">\[([^\]]+)\]</span>', html))
    keys = {k.strip() for group in cited for k in group.split(",")}
    assert keys
    for key in keys:
        assert key in references
    assert library().citations["blagrove2018"] in references


def test_heat_maps_go_into_their_own_week_only() -> None:
    svg = f'<svg {SVG_NS} viewBox="0 0 10 10"><title>Week 2 map</title><rect width="10"/></svg>'
    html = render_html(
        tiny_plan(), tiny_athlete(), library(), heatmaps={2: '<?xml version="1.0"?>\n' + svg}
    )
    week_2 = html[html.index('id="week-2"') : html.index('id="week-3"')]
    assert f'<div class="heatmap">{svg}</div>' in week_2
    assert html.count("<svg") == 1
    assert "<?xml" not in html
    assert not re.search(r"https?:", html.replace(SVG_NS, ""))
    assert '<div class="heatmap">' not in render_html(tiny_plan(), tiny_athlete(), library())


def test_the_html_is_the_same_every_time() -> None:
    result = example("alex-marathon")
    again = render_html(result.plan, result.profile.athlete, result.library)
    assert again == example_html("alex-marathon")


# ---------- PDF ----------


def test_the_alex_pdf_has_the_cover_first_then_each_week_at_the_top_of_a_new_page() -> None:
    weeks = len(example("alex-marathon").plan.weeks)
    tops = pdf_page_tops(alex_pdf())
    assert len(tops) >= weeks + 1
    assert tops[0].startswith("RUNSTRONG")
    assert "Strength plan: Alex" in pdf_pages_text(alex_pdf())[0]
    assert "Spring Marathon" in pdf_pages_text(alex_pdf())[0]
    starts = [(i, m.group(1)) for i, top in enumerate(tops) if (m := re.match(r"Week (\d+)", top))]
    assert [int(n) for _, n in starts] == list(range(1, weeks + 1))
    assert 1 <= starts[0][0] <= 2  # after the cover (and its how-to-read page)
    one_page = sum(b - a == 1 for (a, _), (b, _) in itertools.pairwise(starts))
    assert one_page >= 0.8 * (weeks - 1)  # a week to a page


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
    html = render_html(tiny_plan(), tiny_athlete(), library())
    first = export_pdf(html)
    assert first.startswith(b"%PDF-")
    assert export_pdf(html) == first
    assert "SOURCE_DATE_EPOCH" not in os.environ
