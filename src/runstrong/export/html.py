"""Plan -> the printable HTML plan (`render.report`) with each week's heat map and gaps.

The PDF (`export.pdf`) is this document printed by WeasyPrint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from runstrong.domain.balance import balance_report, week_items
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.lived_plan import SessionOutcome
from runstrong.domain.muscle_load import muscle_loads
from runstrong.domain.plan import Plan
from runstrong.export.exporter import ExportOptions
from runstrong.render.load_section import Figure
from runstrong.render.printed_heatmap import render_printed_heatmap_svg, shared_scale_max
from runstrong.render.report import render_html
from runstrong.render.resolved import ResolvedPlan


def export(resolved: ResolvedPlan, options: ExportOptions) -> bytes:
    """The `Exporter` of the printable plan (export.exporter)."""
    return printable_html(resolved, options.outcomes, options.training_load).encode("utf-8")


def printable_html(
    resolved: ResolvedPlan,
    outcomes: Mapping[str, SessionOutcome] | None = None,
    training_load: Sequence[Figure] = (),
) -> str:
    """The whole printable plan: every week with its heat map and its balance gaps; with
    `outcomes` (a stored athlete's plan), what the log says under each session, and with
    `training_load` its charts."""
    plan, library = resolved.plan, resolved.library
    gaps = {w.index: balance_report(w, library).flags for w in plan.weeks if w.sessions}
    lines = None
    if outcomes is not None:
        from runstrong.render.log_text import outcome_text

        found = {sid: outcome_text(o) for sid, o in outcomes.items()}
        lines = {sid: line for sid, line in found.items() if line}
    return render_html(
        resolved, heatmaps=week_heatmaps(plan, library), balance=gaps, log_lines=lines,
        training_load=training_load,
    )  # fmt: skip


def week_heatmaps(plan: Plan, library: ExerciseLibrary) -> dict[int, str]:
    """An SVG heat map of each week's strength work, laid out for the printable plan. All share
    one colour scale, so a taper week looks as light as it is next to a base week."""
    loads = {
        week.index: muscle_loads(week_items(week, library)) for week in plan.weeks if week.sessions
    }
    top = shared_scale_max(loads.values())
    return {
        index: render_printed_heatmap_svg(
            week_loads,
            title=f"Week {index}: muscles trained (weighted sets per side)",
            scale_max=top,
        )
        for index, week_loads in loads.items()
    }
