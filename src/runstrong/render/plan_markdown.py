"""Plan -> Markdown: a printable plan, week by week, with every reason and warning."""

from __future__ import annotations

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.loads import resolve_load
from runstrong.domain.plan import Plan, Session
from runstrong.render.dose_text import (
    HOW_TO_READ,
    dose_text,
    position_labels,
    rest_texts,
    weeks_text,
)
from runstrong.render.messages import cited, text


def render_markdown(plan: Plan, athlete: Athlete, library: ExerciseLibrary) -> str:
    lines = [f"# Strength plan for {plan.athlete}", ""]
    lines.append(f"{plan.start:%d %b %Y} to {plan.end:%d %b %Y}, {weeks_text(len(plan.weeks))}.")
    for race in sorted(athlete.races, key=lambda r: r.date):
        lines.append(
            f"- {race.name}: {race.date:%a %d %b %Y}, {race.distance}, priority {race.priority}"
        )
    lines += ["", f"*{HOW_TO_READ}*"]
    if plan.warnings:
        lines += ["", "**Warnings**", ""] + [f"- {cited(w)}" for w in plan.warnings]
    for week in plan.weeks:
        deload = ", deload" if week.deload else ""
        lines += [
            "",
            f"## Week {week.index}: {week.phase}{deload} (from {week.start:%a %d %b})",
            "",
        ]
        lines.append(f"*{week.goal}*")
        lines += [f"- {cited(note)}" for note in week.notes]
        if not week.sessions:
            lines += ["", "No strength session this week."]
        for session in week.sessions:
            lines += ["", *_session(session, athlete, library)]
    return "\n".join(lines) + "\n"


def _session(s: Session, athlete: Athlete, library: ExerciseLibrary) -> list[str]:
    lines = [
        f"### {s.date:%a %d %b} {s.time:%H:%M}: {s.title}",
        "",
        f"About {s.est_minutes} min; legs: {s.lower_body_load}"
        + (f"; {s.plyo_contacts} plyometric contacts" if s.plyo_contacts else ""),
        "",
        "| | Exercise | Dose | Why |",
        "|---|---|---|---|",
    ]
    rests = rest_texts(s.exercises)
    for label, p, after in zip(position_labels(s.exercises), s.exercises, rests, strict=True):
        load = resolve_load(p, library.get(p.slug), athlete.one_rep_max_kg, athlete.equipment)
        why = p.why + (" " + " ".join(f"({cited(n)})" for n in p.notes) if p.notes else "")
        cites = ", ".join(p.citations)
        dose = dose_text(p, load.load_kg, after, text(load.note) if load.note else None)
        lines.append(f"| {label} | {p.name} | {dose} | {why} [{cites}] |")
    lines += ["", "Why this day: " + "; ".join(cited(r) for r in s.reasons)]
    lines += [f"> Warning: {cited(w)}" for w in s.warnings]
    return lines
