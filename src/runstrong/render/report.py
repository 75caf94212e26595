"""Plan -> printable HTML: a cover page, then one page (or more) per week, ready for A4 paper.

The document is self-contained: the stylesheet (`templates/report.css`) is inlined, there are no
scripts, images, links or web fonts, so it prints the same from a browser or through WeasyPrint
(`runstrong.export.pdf`). Every piece of text from a profile or the library is HTML-escaped. The
only markup taken as is comes from `heatmaps`: inline SVG that our own heat-map renderer made.

Colour is never the only signal: phases, deloads, races and warnings are also written as text, so
the plan reads the same printed in greyscale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache
from html import escape
from importlib import resources
from string import Template

from runstrong.domain.athlete import Athlete, EquipmentSet, Race
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Equipment
from runstrong.domain.loads import resolve_load
from runstrong.domain.plan import LowerBodyLoad, Phase, Plan, Prescription, Session, Week
from runstrong.render.dose_text import amount, rest

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
_NO_RACE = "No race entered: the plan builds and keeps strength."
_CITATION_GROUP = re.compile(r"\[([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)\]")
_XML_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?")


def render_html(
    plan: Plan,
    athlete: Athlete,
    library: ExerciseLibrary,
    *,
    heatmaps: Mapping[int, str] | None = None,
) -> str:
    """The whole plan as one HTML document. `heatmaps` maps a week's index to inline SVG."""
    figures = heatmaps or {}
    parts = [_cover(plan, athlete, library)]
    parts += [_week(w, athlete, library, figures.get(w.index)) for w in plan.weeks]
    parts.append(_references(plan, library))
    return _page_template().substitute(
        title=escape(f"Strength plan: {plan.athlete}"),
        author=escape(plan.athlete),
        css=_stylesheet(),
        body="\n".join(p for p in parts if p),
    )


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
        span = f"{first.index}" if first is last else f"{first.index}–{last.index}"
        dates = f"{_short_date(first.start)} – {_short_date(last.start + timedelta(days=6))}"
        rows.append(
            f'<tr><td class="nowrap"><span class="swatch ph-{first.phase}"></span>'
            f'<b>{PHASE_NAMES[first.phase]}</b></td><td class="nowrap">{span}</td>'
            f'<td class="nowrap">{dates}</td>'
            f"<td>{escape(first.goal)}</td></tr>"
        )
    head = "<tr><th>Phase</th><th>Weeks</th><th>Dates</th><th>Goal</th></tr>"
    return f'<table class="grid phases"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


_KEY = (
    '<div class="key">'
    "<p><b>3 × 8</b>: three sets of eight repetitions; <b>per side</b>: every set on the left, "
    "then on the right.</p>"
    "<p><b>RIR 2</b>: stop each set with about two good repetitions left in reserve.</p>"
    "<p><b>% 1RM</b>: share of your one-repetition maximum; kilograms come from your known maxes, "
    "rounded to your equipment.</p>"
    "<p><b>Tempo 3-0-1-0</b>: seconds lowering, pause at the bottom, lifting, pause at the top.</p>"
    "<p><b>Contacts</b>: foot contacts with the ground in jumping (plyometric) work.</p>"
    "<p><b>□ □ □</b>: tick a box for each set done. <b>[blagrove2018]</b>: the sources, listed "
    "at the end.</p>"
    "</div>"
)


# ---------- weeks ----------


def _week(week: Week, athlete: Athlete, library: ExerciseLibrary, heatmap: str | None) -> str:
    end = week.start + timedelta(days=6)
    chips = [f'<span class="chip ph-{week.phase}">{PHASE_NAMES[week.phase]} phase</span>']
    if week.deload:
        chips.append('<span class="chip deload">Deload</span>')
    chips += [
        f'<span class="chip race">★ {escape(r.name)} · {_short_day(r.date)} · {r.priority}</span>'
        for r in sorted(athlete.races, key=lambda r: r.date)
        if week.start <= r.date <= end
    ]
    parts = [
        f'<section class="week" id="week-{week.index}">',
        '<div class="week-head"><div>',
        f"<h2>Week {week.index}</h2>",
        f'<div class="dates">{_short_date(week.start)} – {_long_date(end)}</div>',
        f'</div><div class="right">{"".join(chips)}</div></div>',
        f'<p class="goal">{escape(week.goal)}</p>',
    ]
    if week.notes:
        parts.append(_list(week.notes, "week-notes"))
    if week.sessions:
        minutes = sum(s.est_minutes for s in week.sessions)
        contacts = sum(s.plyo_contacts for s in week.sessions)
        summary = f"{_count(len(week.sessions), 'session')}, about {minutes} min in all"
        if contacts:
            summary += f", {contacts} plyometric contacts"
        parts.append(f'<div class="week-summary">{summary}.</div>')
        parts += [_session(s, athlete, library) for s in week.sessions]
    else:
        parts.append('<div class="rest-week">No strength session this week.</div>')
    if heatmap:
        parts.append(f'<div class="heatmap">{_XML_PROLOGUE.sub("", heatmap, count=1)}</div>')
    parts.append("</section>")
    return "\n".join(parts)


def _session(s: Session, athlete: Athlete, library: ExerciseLibrary) -> str:
    legs = f"Legs: {s.lower_body_load}"
    if s.lower_body_load is LowerBodyLoad.HEAVY:
        legs = f'<span class="legs-heavy">{legs}</span>'
    meta = [f"about {s.est_minutes} min", legs]
    meta.append(f"{s.plyo_contacts} plyometric contacts" if s.plyo_contacts else "no plyometrics")
    if s.after_run:
        meta.append("after the day's run")
    sep = '<span class="sep">|</span>'
    head = (
        '<div class="session-head">'
        f'<div class="when">{_short_day(s.date)}<span class="time">{s.time:%H:%M}</span></div>'
        f'<div class="what"><h3>{escape(s.title)}</h3>'
        f'<div class="session-meta">{sep.join(meta)}</div></div></div>'
    )
    parts = ['<div class="session">', _exercise_table(s, head, athlete, library)]
    if s.reasons:
        reasons = "; ".join(_with_citations(r.rstrip(". ")) for r in s.reasons)
        parts.append(f'<p class="why-day"><span class="lbl">Why this day:</span> {reasons}.</p>')
    if s.warnings:
        parts.append(_warnings(s.warnings, "Warning"))
    parts.append("</div>")
    return "\n".join(parts)


_COLUMNS = (
    ("#", "5mm"),
    ("Exercise", "auto"),
    ("Sets × reps", "29mm"),
    ("Load · effort", "29mm"),
    ("Tempo", "17mm"),
    ("Rest", "13mm"),
    ("Done", "24mm"),
)


def _exercise_table(s: Session, head: str, athlete: Athlete, library: ExerciseLibrary) -> str:
    """One table per session. Its head (the session's header and the column labels) repeats on
    every page the session runs over. Each exercise is two rows, kept together: the detail row
    avoids a break before it. (No `break-inside: avoid` on row groups: WeasyPrint then lets the
    first group after a table head split.)"""
    cols = "".join(f'<col style="width:{w}">' for _, w in _COLUMNS)
    labels = "".join(f'<th scope="col">{escape(label)}</th>' for label, _ in _COLUMNS)
    rows = [_exercise_rows(i, p, athlete, library) for i, p in enumerate(s.exercises, 1)]
    return (
        f'<table class="exercises"><colgroup>{cols}</colgroup><thead>'
        f'<tr><th class="session-cell" colspan="{len(_COLUMNS)}">{head}</th></tr>'
        f'<tr class="cols">{labels}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _exercise_rows(i: int, p: Prescription, athlete: Athlete, library: ExerciseLibrary) -> str:
    exercise = library.get(p.slug)
    load = resolve_load(p, exercise, athlete.one_rep_max_kg, athlete.equipment)
    effort = []
    if p.percent_1rm is not None:
        effort.append(f"{p.percent_1rm}% 1RM")
    if p.rir is not None:
        effort.append(f"RIR {p.rir}")
    load_html = f'<span class="load">{load.load_kg:g} kg</span>' if load.load_kg is not None else ""
    effort_html = f'<span class="effort">{" · ".join(effort)}</span>' if effort else ""
    if not load_html and not effort_html:
        effort_html = '<span class="effort">—</span>'
    boxes = '<span class="box"></span>' * p.sets
    main = (
        f'<tr class="main{" first" if i == 1 else ""}"><td class="n">{i}</td>'
        f'<td class="name">{escape(p.name)}<span class="role">{escape(str(p.role))}</span></td>'
        f'<td class="dose">{_dose(p)}</td><td>{load_html}{effort_html}</td>'
        f"<td>{escape(p.tempo) if p.tempo else '—'}</td><td>{escape(rest(p))}</td>"
        f'<td><span class="boxes">{boxes}</span></td></tr>'
    )
    cues = "".join(f"<li>{escape(c)}</li>" for c in exercise.cues)
    notes = [*p.notes, *([load.note] if load.note else [])]
    notes_html = "".join(f'<span class="note">Note: {escape(n)}</span>' for n in notes)
    cites = f' <span class="cite">[{escape(", ".join(p.citations))}]</span>' if p.citations else ""
    detail = (
        '<tr class="detail"><td></td>'
        f'<td colspan="2"><ul class="cues">{cues}</ul></td>'
        f'<td colspan="4" class="why"><span class="lbl">Why</span>{escape(p.why)}{cites}'
        f"{notes_html}</td></tr>"
    )
    return main + detail


_PER_SIDE = " per side"


def _dose(p: Prescription) -> str:
    text = amount(p)
    if p.per_side and text.endswith(_PER_SIDE):
        return f'{escape(text.removesuffix(_PER_SIDE))}<span class="per-side">per side</span>'
    return escape(text)


def _warnings(items: Iterable[str], label: str) -> str:
    items = list(items)
    if not items:
        return ""
    body = "".join(f"<li>{_with_citations(w)}</li>" for w in items)
    return (
        f'<div class="warnings"><span class="label">⚠ {escape(label)}</span><ul>{body}</ul></div>'
    )


# ---------- references ----------


def _references(plan: Plan, library: ExerciseLibrary) -> str:
    keys = sorted(_cited_keys(plan))
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


def _cited_keys(plan: Plan) -> set[str]:
    keys: set[str] = set()
    texts = list(plan.warnings)
    for s in plan.sessions:
        keys.update(key for p in s.exercises for key in p.citations)
        texts += [*s.reasons, *s.warnings]
    for text in texts:
        for group in _CITATION_GROUP.findall(text):
            keys.update(k.strip() for k in group.split(","))
    return keys


# ---------- small helpers ----------


def _with_citations(text: str) -> str:
    """Escape `text`, setting "[key, key]" citation groups in the small citation style."""
    out, last = [], 0
    for match in _CITATION_GROUP.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span class="cite">{escape(match.group(0))}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _list(items: Iterable[str], css_class: str) -> str:
    return f'<ul class="{css_class}">' + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


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
