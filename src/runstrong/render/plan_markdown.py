"""Plan -> Markdown: a printable plan, week by week, with every reason and warning."""

from __future__ import annotations

from runstrong.render.dose_text import HOW_TO_READ, dose_text, weeks_text
from runstrong.render.messages import cited, text
from runstrong.render.resolved import ResolvedPlan, ResolvedSession


def render_markdown(resolved: ResolvedPlan) -> str:
    plan, athlete = resolved.plan, resolved.athlete
    lines = [f"# Strength plan for {plan.athlete}", ""]
    lines.append(f"{plan.start:%d %b %Y} to {plan.end:%d %b %Y}, {weeks_text(len(plan.weeks))}.")
    for race in sorted(athlete.races, key=lambda r: r.date):
        lines.append(
            f"- {race.name}: {race.date:%a %d %b %Y}, {race.distance}, priority {race.priority}"
        )
    lines += ["", f"*{HOW_TO_READ}*"]
    if plan.warnings:
        lines += ["", "**Warnings**", ""] + [f"- {cited(w)}" for w in plan.warnings]
    for resolved_week in resolved.weeks:
        week = resolved_week.week
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
        for session in resolved_week.sessions:
            lines += ["", *_session(session)]
    return "\n".join(lines) + "\n"


def _session(resolved: ResolvedSession) -> list[str]:
    s = resolved.session
    lines = [
        f"### {s.date:%a %d %b} {s.time:%H:%M}: {s.title}",
        "",
        f"About {s.est_minutes} min; legs: {s.lower_body_load}"
        + (f"; {s.plyo_contacts} plyometric contacts" if s.plyo_contacts else ""),
        "",
        "| | Exercise | Dose | Why |",
        "|---|---|---|---|",
    ]
    for x in resolved.exercises:
        p = x.prescription
        why = p.why + (" " + " ".join(f"({cited(n)})" for n in p.notes) if p.notes else "")
        cites = ", ".join(p.citations)
        note = text(x.load_note) if x.load_note else None
        dose = dose_text(p, x.load_kg, x.rest_text, note, x.load_estimated)
        lines.append(f"| {x.label} | {p.name} | {dose} | {why} [{cites}] |")
    lines += ["", "Why this day: " + "; ".join(cited(r) for r in s.reasons)]
    lines += [f"> Warning: {cited(w)}" for w in s.warnings]
    return lines
