"""Plan -> printable HTML: a cover, each week on a new A4 page (and over the next where its
sessions do not fit), then the exercise notes and references.

A week's page holds what is needed on the day: the week's header (dates, phase, deload, race,
goal, notes, then its gaps: the balance flags) with its muscle heat map and the map's legend at
the top right, printed large enough to read (`runstrong.render.printed_heatmap`), then each
session: its header, one paragraph an exercise (position label A, B1, B2 ..., exercise, dose,
kilograms, %1RM, RIR, tempo, rest, a tick box per set, and on a second line its first cue and
any note), then the session's reasons and warnings in small type. What does not change from week
to week (every cue of an exercise, why it is in the plan, its sources) is printed once, in the
"Exercise notes" appendix, A to Z.

The document is self-contained: the stylesheet (`templates/report.css`) is inlined, there are no
scripts, links, web fonts or fetched images, so it prints the same from a browser or through
WeasyPrint (`runstrong.export.pdf`). Every piece of text from a profile or the library is
HTML-escaped. The heat maps (`heatmaps`: SVG that our own renderer made) are embedded as
images whose source is the SVG itself, a `data:` URI.

Colour is never the only signal: phases, deloads, races and warnings are also written as text, so
the plan reads the same printed in greyscale.

Speed: WeasyPrint spends its time per box and per line of text in a box. A table cell costs as
much as a paragraph and a multi-line cell several times more, a float makes every later line on
the page be measured twice, and an inline SVG puts its 200-odd elements through the page's CSS
cascade. So the markup is paragraphs, lines break with newlines (`white-space: pre-line`) rather
than <br> elements, and the heat map is an image, positioned rather than floated. The Alex
example (21 weeks, 27 pages when measured) renders in well under half the time of the former
layout (a table row and every cue of each exercise on every week: 66 pages).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache
from html import escape
from importlib import resources
from string import Template

from runstrong.domain.athlete import Athlete, EquipmentSet, Race
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Equipment
from runstrong.domain.messages import Reason, RuleId
from runstrong.domain.plan import LowerBodyLoad, Phase, Plan, Session, Week
from runstrong.render.dose_text import amount, effort_parts, load_text
from runstrong.render.load_section import Figure, training_load_section
from runstrong.render.messages import text as reason_text
from runstrong.render.resolved import ResolvedExercise, ResolvedPlan, ResolvedSession, ResolvedWeek

PHASE_NAMES: dict[Phase, str] = {
    Phase.BASE: "Base",
    Phase.BUILD: "Build",
    Phase.PEAK: "Peak",
    Phase.TAPER: "Taper",
    Phase.RECOVERY: "Recovery",
    Phase.MAINTENANCE: "Maintenance",
    Phase.TRANSITION: "Transition",
}
# Short labels that fit a week's cell in the "phases at a glance" strip.
PHASE_SHORT: dict[Phase, str] = {
    Phase.BASE: "Base",
    Phase.BUILD: "Build",
    Phase.PEAK: "Peak",
    Phase.TAPER: "Taper",
    Phase.RECOVERY: "Recov.",
    Phase.MAINTENANCE: "Maint.",
    Phase.TRANSITION: "Trans.",
}
STRIP_MAX_WEEKS_PER_ROW = 16
TICK_BOX = "☐"  # one per set, to tick on paper (U+2610 BALLOT BOX)
NBSP = "\u00a0"
# A line break inside the paragraphs styled `white-space: pre-line` in report.css: a newline
# costs WeasyPrint less than a <br> element.
_NL = "\n"
_NO_RACE = "No race entered: the plan builds and keeps strength."
_CITATION_GROUP = re.compile(r"\[([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)\]")
_XML_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?")


def render_html(
    resolved: ResolvedPlan,
    *,
    heatmaps: Mapping[int, str] | None = None,
    balance: Mapping[int, Sequence[str]] | None = None,
    log_lines: Mapping[str, str] | None = None,
    training_load: Sequence[Figure] = (),
) -> str:
    """The whole plan as one HTML document.

    `heatmaps` maps a week's index to an SVG document (its muscle heat map); `balance` maps a
    week's index to that week's balance flags in plain words (`balance_report(week).flags`),
    printed at the end of the week's header as "Gaps this week" ("No gaps" for an empty list).
    Weeks missing from either mapping, and weeks without a session, go without. `log_lines`
    maps a session's id to what the log says became of it (a stored athlete's plan), printed
    under the session's head. `training_load` (a stored athlete's charts) is a section of its
    own after the weeks (`render.load_section`).
    """
    plan, athlete, library = resolved.plan, resolved.athlete, resolved.library
    figures = heatmaps or {}
    parts = [_cover(plan, athlete, library)]
    parts += [
        _week(w, athlete, figures.get(w.week.index), _flags_of(balance, w.week.index), log_lines)
        for w in resolved.weeks
    ]
    parts.append(training_load_section(training_load))
    parts.append(_exercise_notes(plan, library))
    parts.append(_references(plan, library))
    return _page_template().substitute(
        title=escape(f"Strength plan: {plan.athlete}"),
        author=escape(plan.athlete),
        css=_stylesheet(),
        body="\n".join(p for p in parts if p),
    )


def _flags_of(balance: Mapping[int, Sequence[str]] | None, week: int) -> Sequence[str] | None:
    if balance is None or week not in balance:
        return None
    return balance[week]


@cache
def _page_template() -> Template:
    return Template(_template_text("report.html"))


@cache
def _stylesheet() -> str:
    return _template_text("report.css").strip()


def _template_text(name: str) -> str:
    folder = resources.files("runstrong.render").joinpath("templates")
    return folder.joinpath(name).read_text("utf-8")


# ---------- cover ----------


def _cover(plan: Plan, athlete: Athlete, library: ExerciseLibrary) -> str:
    sessions = len(plan.sessions)
    span = (
        f"{_long_date(plan.start)} – {_long_date(plan.end)} · {_count(len(plan.weeks), 'week')}"
        f" · {_count(sessions, 'strength session')}"
    )
    return "\n".join(
        [
            '<section class="cover">',
            '<div class="kicker">runstrong · strength training for runners</div>',
            f"<h1>Strength plan: {escape(plan.athlete)}</h1>",
            f'<div class="span">{escape(span)}</div>',
            _facts(athlete, library),
            _races(athlete, plan),
            "<h2>Phases at a glance</h2>",
            _strip(plan, athlete.races),
            _warnings(plan.warnings, "Read first"),
            "<h2>How to read this plan</h2>",
            _KEY,
            "</section>",
        ]
    )


def _facts(athlete: Athlete, library: ExerciseLibrary) -> str:
    availability = athlete.availability
    days = ", ".join(
        d.full_name for d in sorted(availability.strength_days, key=lambda d: d.number)
    )
    if availability.sessions_per_week is not None:
        days += f" (at most {_count(availability.sessions_per_week, 'session')} a week)"
    rows = [
        ("Strength level", str(athlete.level).capitalize()),
        ("Equipment", _equipment_text(athlete.equipment)),
        ("Strength days", days),
        (
            "Session",
            f"about {availability.session_minutes} min, at {availability.preferred_time:%H:%M}",
        ),
    ]
    if athlete.one_rep_max_kg:
        maxes = ", ".join(
            f"{_exercise_name(slug, library)} {kg:g} kg"
            for slug, kg in sorted(athlete.one_rep_max_kg.items())
        )
        rows.append(("Known maxes (1RM)", maxes))
    if athlete.niggles:
        rows.append(
            (
                "Niggles",
                ", ".join(
                    f"{_humanise(n.site).capitalize()} ({n.severity})" for n in athlete.niggles
                ),
            )
        )
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="facts">{body}</table>'


def _equipment_text(kit: EquipmentSet) -> str:
    items = []
    for item in sorted(kit.items, key=list(Equipment).index):
        text = _humanise(item)
        if item is Equipment.DUMBBELLS and kit.dumbbell_max_kg is not None:
            text += f" (up to {kit.dumbbell_max_kg:g} kg)"
        elif item is Equipment.BARBELL and kit.barbell_max_kg is not None:
            text += f" (up to {kit.barbell_max_kg:g} kg)"
        elif item is Equipment.KETTLEBELL and kit.kettlebell_kgs:
            text += " (" + ", ".join(f"{kg:g}" for kg in sorted(kit.kettlebell_kgs)) + " kg)"
        items.append(text)
    return ", ".join(items) if items else "bodyweight only"


def _races(athlete: Athlete, plan: Plan) -> str:
    if not athlete.races:
        return f'<h2>Races</h2><p class="muted">{_NO_RACE}</p>'
    rows = []
    for race in sorted(athlete.races, key=lambda r: r.date):
        week = _week_of(plan, race.date)
        where = f"week {week.index}" if week else "outside the plan"
        rows.append(
            f"<tr><td><b>{escape(race.name)}</b></td><td>{_long_day(race.date)}</td>"
            f"<td>{escape(_humanise(race.distance))}</td>"
            f'<td><span class="prio prio-{race.priority}">{race.priority}</span></td>'
            f"<td>{where}</td></tr>"
        )
    head = "<tr><th>Race</th><th>Date</th><th>Distance</th><th>Priority</th><th>Plan</th></tr>"
    return (
        f'<h2>Races</h2><table class="grid"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _strip(plan: Plan, races: Iterable[Race]) -> str:
    race_weeks: dict[int, list[Race]] = {}
    for race in races:
        if week := _week_of(plan, race.date):
            race_weeks.setdefault(week.index, []).append(race)
    weeks = list(plan.weeks)
    rows_n = max(1, -(-len(weeks) // STRIP_MAX_WEEKS_PER_ROW))
    per_row = max(1, -(-len(weeks) // rows_n))
    rows = []
    for start in range(0, len(weeks), per_row):
        chunk = weeks[start : start + per_row]
        cells = [_strip_cell(w, race_weeks.get(w.index, [])) for w in chunk]
        cells += ['<td class="empty"></td>'] * (per_row - len(chunk))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    phases = list(dict.fromkeys(w.phase for w in weeks))
    legend = [
        f'<span class="item"><span class="swatch ph-{p}"></span>{PHASE_NAMES[p]}</span>'
        for p in phases
    ]
    if any(w.deload for w in weeks):
        legend.append(
            '<span class="item"><span class="swatch ph-base deload-hatch"></span>'
            "Deload (lighter) week</span>"
        )
    if race_weeks:
        legend.append(
            '<span class="item"><span class="swatch race-mark"></span>'
            "★ Race week, priority A/B/C</span>"
        )
    return (
        f'<table class="strip">{"".join(rows)}</table>'
        f'<div class="legend">{"".join(legend)}</div>' + _phase_table(weeks)
    )


def _strip_cell(week: Week, races: list[Race]) -> str:
    classes = [f"ph-{week.phase}"]
    marks = []
    if week.deload:
        classes.append("deload-hatch")
        marks.append("deload")
    if races:
        classes.append("race")
        marks.append("★ " + "".join(sorted(str(r.priority) for r in races)))
    title = f"Week {week.index}: {PHASE_NAMES[week.phase]}"
    return (
        f'<td class="{" ".join(classes)}" title="{escape(title)}">'
        f'<span class="wk">{week.index}</span><span class="pl">{PHASE_SHORT[week.phase]}</span>'
        f'<span class="mk">{"".join(f"<span>{escape(m)}</span>" for m in marks)}</span></td>'
    )


def _phase_table(weeks: list[Week]) -> str:
    runs: list[list[Week]] = []
    for week in weeks:
        if runs and runs[-1][-1].phase is week.phase:
            runs[-1].append(week)
        else:
            runs.append([week])
    rows = []
    for run in runs:
        first, last = run[0], run[-1]
        # A phase may open on a deload (a running recovery week): its goal is its loading weeks'.
        goal = next((w.goal for w in run if not w.deload), first.goal)
        span = f"{first.index}" if first is last else f"{first.index}–{last.index}"
        dates = f"{_short_date(first.start)} – {_short_date(last.start + timedelta(days=6))}"
        rows.append(
            f'<tr><td class="nowrap"><span class="swatch ph-{first.phase}"></span>'
            f'<b>{PHASE_NAMES[first.phase]}</b></td><td class="nowrap">{span}</td>'
            f'<td class="nowrap">{dates}</td>'
            f"<td>{escape(goal)}</td></tr>"
        )
    head = "<tr><th>Phase</th><th>Weeks</th><th>Dates</th><th>Goal</th></tr>"
    return f'<table class="grid phases"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


_KEY = (
    '<div class="key">'
    "<p><b>A, B1, B2</b>: the order of the exercises; B1 and B2 make a superset: a set of one, "
    "a set of the other, then the rest.</p>"
    "<p><b>3 × 8</b>: three sets of eight repetitions; <b>per side</b>: each set on the left, "
    "then on the right.</p>"
    "<p><b>RIR 2</b>: stop each set with about two good repetitions left in reserve.</p>"
    "<p><b>% 1RM</b>: share of your one-repetition maximum; kilograms come from your known maxes, "
    "rounded to your equipment.</p>"
    "<p><b>Tempo 3-0-1-0</b>: seconds lowering, pause at the bottom, lifting, pause at the top. "
    "<b>Contacts</b>: foot contacts with the ground in jumps.</p>"
    f"<p><b>{NBSP.join([TICK_BOX] * 3)}</b>: tick a box for each set done. Under each exercise, "
    "the first thing to get right; every cue, and why the exercise is there, are in the "
    "Exercise notes at the end, with the sources (<b>[blagrove2018]</b>).</p>"
    "</div>"
)


# ---------- weeks ----------
# Paragraphs, not table cells: see "Speed" in the module docstring.


def _week(
    resolved: ResolvedWeek,
    athlete: Athlete,
    heatmap: str | None,
    flags: Sequence[str] | None,
    log_lines: Mapping[str, str] | None = None,
) -> str:
    """One page: the week's header (its gaps last) with the heat map at its top right, then
    the sessions across the full width. The heat map is positioned, not floated: with a float
    on the page WeasyPrint measures every later line twice."""
    week = resolved.week
    end = week.start + timedelta(days=6)
    chips = [f'<span class="chip ph-{week.phase}">{PHASE_NAMES[week.phase]} phase</span>']
    if week.deload:
        chips.append('<span class="chip deload">Deload</span>')
    chips += [
        f'<span class="chip race">★ {escape(r.name)} · {_short_day(r.date)} · {r.priority}</span>'
        for r in sorted(athlete.races, key=lambda r: r.date)
        if week.start <= r.date <= end
    ]
    parts = [f'<section class="week" id="week-{week.index}">', '<div class="week-head">']
    if heatmap:
        parts.append(_heatmap_img(heatmap))
    parts += [
        f"<h2>Week {week.index}</h2>",
        f'<p class="dates">{_short_date(week.start)} – {_long_date(end)}</p>',
        f'<p class="chips">{" ".join(chips)}</p>',
        f'<p class="goal">{escape(week.goal)}</p>',
    ]
    if week.notes:
        notes = _NL.join(f"• {_reason(n)}" for n in week.notes)
        parts.append(f'<p class="week-notes">{notes}</p>')
    if week.sessions:
        minutes = sum(s.est_minutes for s in week.sessions)
        contacts = sum(s.plyo_contacts for s in week.sessions)
        summary = f"{_count(len(week.sessions), 'session')}, about {minutes} min in all"
        if contacts:
            summary += f", {contacts} plyometric contacts"
        parts.append(f'<p class="week-summary">{summary}.</p>')
        if flags is not None:
            parts.append(_gaps(flags))
        parts.append("</div>")
        lines = log_lines or {}
        parts += [_session(s, lines.get(s.session.id)) for s in resolved.sessions]
    else:
        parts.append('</div><p class="rest-week">No strength session this week.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _gaps(flags: Sequence[str]) -> str:
    """The week's balance flags, or that it has none."""
    if not flags:
        return '<p class="gaps none"><b>No gaps</b> in this week\'s balance.</p>'
    items = "".join(f"{_NL}• {_with_citations(f)}" for f in flags)
    return f'<p class="gaps"><b>Gaps this week:</b>{items}</p>'


def _heatmap_img(svg: str) -> str:
    """The heat map as an image whose source is the SVG itself (a data: URI, nothing fetched).

    Inline, its 150 or so SVG elements would each go through the page's CSS cascade; as an image
    WeasyPrint parses the SVG apart, which saves about a second on a 21-week plan."""
    data = base64.b64encode(_XML_PROLOGUE.sub("", svg, count=1).encode("utf-8")).decode("ascii")
    return (
        '<p class="heatmap"><img alt="Muscle heat map: weighted sets per muscle this week" '
        f'src="data:image/svg+xml;base64,{data}"></p>'
    )


def _session(resolved: ResolvedSession, log_line: str | None = None) -> str:
    s = resolved.session
    notes = [x.notes for x in resolved.exercises]  # the prescription's notes and the load's
    # A note every exercise shares (a deload's cut, say) is said once, under the exercises.
    shared = [n for n in notes[0] if all(n in other for other in notes)] if len(notes) > 1 else []
    parts = ['<div class="session">', _session_head(s)]
    if log_line:
        parts.append(f'<p class="logged"><b class="label">Log</b> {escape(log_line)}</p>')
    parts += [_exercise(x, [n for n in x.notes if n not in shared]) for x in resolved.exercises]
    small = []
    if shared:
        small.append("<b>Every exercise:</b> " + "; ".join(_reason(n) for n in shared))
    if s.reasons:
        reasons = "; ".join(_reason(r, stop=False) for r in s.reasons)
        small.append(f"<b>Why this day:</b> {reasons}.")
    if small:
        parts.append(f'<p class="why-day">{_NL.join(small)}</p>')
    if s.warnings:
        parts.append(_warnings(s.warnings, "Warning"))
    parts.append("</div>")
    return "\n".join(parts)


def _session_head(s: Session) -> str:
    legs = f"legs: {s.lower_body_load}"
    if s.lower_body_load is LowerBodyLoad.HEAVY:
        legs = f"<b>{legs}</b>"
    meta = [f"about {s.est_minutes} min", legs]
    meta.append(f"{s.plyo_contacts} plyometric contacts" if s.plyo_contacts else "no plyometrics")
    if s.after_run:
        meta.append("after the day's run")
    return (
        f'<p class="sh"><b>{_short_day(s.date)} · {s.time:%H:%M} · {escape(s.title)}</b> '
        f'<span class="meta">{" · ".join(meta)}</span></p>'
    )


def _exercise(x: ResolvedExercise, notes: list[Reason]) -> str:
    """Two lines: label, name, dose, load and effort, tempo, rest and a tick box per set; then
    the exercise's first cue and any note. A one-letter label is padded with a figure space,
    the width of a digit, so that names line up after "A" and "B1" alike."""
    p, exercise, label = x.prescription, x.exercise, x.label
    values = []
    if x.load_kg is not None:
        values.append(load_text(x.load_kg, x.load_estimated))
    values += effort_parts(p)
    if p.tempo:
        values.append(f"tempo {escape(p.tempo)}")
    values.append(x.rest_text)
    pad = "\u2007" if len(label) == 1 else ""
    second = [_line(exercise.cues[0])] if exercise.cues else []
    second += [f'<span class="note">{_reason(n)}</span>' for n in notes]
    return (
        f'<p class="x"><b>{label}{pad}\u2002{_line(p.name)}</b>\u2003<b>{escape(amount(p))}</b>'
        f" · {' · '.join(values)}\u2003{_boxes(p.sets)}"
        f'{_NL}<span class="cue">{" · ".join(second)}</span></p>'
    )


def _warnings(items: Iterable[Reason], label: str) -> str:
    items = list(items)
    if not items:
        return ""
    body = _NL.join(f"• {_reason(w)}" for w in items)
    return f'<p class="warnings"><b class="label">⚠ {escape(label)}</b>{_NL}{body}</p>'


# ---------- exercise notes (appendix) ----------


def _exercise_notes(plan: Plan, library: ExerciseLibrary) -> str:
    """Each exercise of the plan once, by name: the weeks it is in, every cue, why it is there."""
    weeks: dict[str, list[int]] = {}
    names: dict[str, str] = {}  # as the plan names them: for the athlete's equipment
    for week in plan.weeks:
        for s in week.sessions:
            for p in s.exercises:
                names.setdefault(p.slug, p.name)
                used = weeks.setdefault(p.slug, [])
                if not used or used[-1] != week.index:
                    used.append(week.index)
    if not weeks:
        return ""
    exercises = sorted(
        (library.get(slug) for slug in weeks), key=lambda e: (names[e.slug].lower(), e.slug)
    )
    entries = []
    for ex in exercises:
        cues = "".join(f"{_NL}• {_line(c)}" for c in ex.cues)
        entries.append(
            f'<p class="exn" id="ex-{escape(ex.slug)}"><b>{escape(names[ex.slug])}</b>'
            f'\u2003<span class="used">{_week_ranges(weeks[ex.slug])}</span>{cues}'
            f'{_NL}<span class="why"><b>Why:</b> {_line(ex.why.text)}{_cite(ex.why.citations)}'
            "</span></p>"
        )
    return (
        '<section class="exercise-notes" id="exercise-notes"><h2>Exercise notes</h2>'
        '<p class="small muted">Every exercise in this plan, A to Z: how to do it (the first cue '
        "is the one on the week pages) and why it is there.</p>" + "\n".join(entries) + "</section>"
    )


def _week_ranges(indexes: list[int]) -> str:
    """[1, 2, 3, 5] -> "Weeks 1–3, 5"."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    text = ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
    return ("Week " if len(indexes) == 1 else "Weeks ") + text


# ---------- references ----------


def _references(plan: Plan, library: ExerciseLibrary) -> str:
    keys = sorted(_cited_keys(plan, library))
    if not keys:
        return ""
    rows = "".join(
        f'<tr><td class="k">{escape(k)}</td>'
        f"<td>{escape(library.citations.get(k, 'see docs/science.md'))}</td></tr>"
        for k in keys
    )
    return (
        '<section class="references"><h2>References</h2>'
        '<p class="small muted">The sources behind the reasons in this plan; docs/science.md '
        f'explains how each is used.</p><table class="refs">{rows}</table></section>'
    )


def _cited_keys(plan: Plan, library: ExerciseLibrary) -> set[str]:
    keys: set[str] = set()
    reasons = list(plan.warnings)
    for week in plan.weeks:
        reasons += week.notes
        for s in week.sessions:
            for p in s.exercises:
                keys.update(p.citations)
                keys.update(library.get(p.slug).why.citations)
                reasons += p.notes
            reasons += [*s.reasons, *s.warnings]
    for r in reasons:
        keys.update(r.citations)
        if r.rule is RuleId.TEXT:  # a plan saved before reasons were records: keys in its text
            for group in _CITATION_GROUP.findall(reason_text(r)):
                keys.update(k.strip() for k in group.split(","))
    return keys


# ---------- small helpers ----------


def _line(text: str) -> str:
    """Escaped, on one line: runs of white space (newlines too) become one space, so that
    the paragraphs that break lines with `_NL` break them only there."""
    return escape(" ".join(text.split()))


def _boxes(sets: int) -> str:
    """A tick box per set, joined by no-break spaces so they stay together."""
    return NBSP.join([TICK_BOX] * sets)


def _reason(reason: Reason, *, stop: bool = True) -> str:
    """A reason in words, escaped onto one line, its sources in the small citation style
    (`stop=False`: without a closing full stop, for a list joined by semicolons)."""
    words = reason_text(reason)
    if not stop:
        words = words.rstrip(". ")
    if reason.rule is RuleId.TEXT:
        return _with_citations(words)
    # The sources before a closing full stop, as `messages.cited` puts them.
    end = "." if reason.citations and words.endswith(".") else ""
    return _line(words.removesuffix(end)) + _cite(reason.citations) + end


def _with_citations(text: str) -> str:
    """Escape `text` onto one line (`_line`), setting "[key, key]" citation groups in the small
    citation style."""
    text = " ".join(text.split())
    out, last = [], 0
    for match in _CITATION_GROUP.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span class="cite">{escape(match.group(0))}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _cite(keys: Iterable[str]) -> str:
    keys = list(keys)
    return f' <span class="cite">[{escape(", ".join(keys))}]</span>' if keys else ""


def _week_of(plan: Plan, day: date) -> Week | None:
    return next((w for w in plan.weeks if w.start <= day <= w.start + timedelta(days=6)), None)


def _exercise_name(slug: str, library: ExerciseLibrary) -> str:
    return library.get(slug).name if slug in library else _humanise(slug)


def _humanise(key: str) -> str:
    return key.replace("_", " ")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


# English names whatever the process locale, so the same plan always gives the same document.
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _short_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _long_date(day: date) -> str:
    return f"{_short_date(day)} {day.year}"


def _short_day(day: date) -> str:
    return f"{_DAYS[day.weekday()]} {_short_date(day)}"


def _long_day(day: date) -> str:
    return f"{_short_day(day)} {day.year}"
