"""`runstrong compliance H`: plan against done, week by week, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import orjson

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, exercises_option, parse_date
from runstrong.cli.runs_table import aligned

if TYPE_CHECKING:
    from runstrong.compliance_service import ComplianceReport
    from runstrong.domain.compliance import WeekCompliance

COMPLIANCE_FORMATS = ("table", "json", "csv")
CSV_COLUMNS = (
    "monday", "until", "planned_sessions", "done_sessions", "planned_sets", "done_sets",
    "planned_runs", "done_runs", "planned_minutes", "done_minutes", "strength_pct",
    "running_pct", "compliance_pct",
)  # fmt: skip


@click.command("compliance", cls=LogCommand)
@click.argument("handle", metavar="HANDLE", help="The athlete's handle.")
@click.option(
    "--from", "first", metavar="DATE",
    help="From the week of this day (YYYY-MM-DD); default: the plan's start.",
)  # fmt: skip
@click.option(
    "--format", "format_", type=click.Choice(COMPLIANCE_FORMATS), default="table",
    show_default=True, help="Output format.",
)  # fmt: skip
@exercises_option
def compliance(handle: str, first: str | None, format_: str, exercises: tuple[Path, ...]) -> None:
    """Plan against done, week by week, up to today: strength sessions and sets planned and
    logged, runs and minutes planned (the profile's running week) and imported, and the share
    of each done. Compliance is the mean of the strength share (by sets) and the running share
    (by minutes), each counted up to 100 % (docs/science.md §4.2).

    Example: runstrong compliance alex --from 2026-12-07 --format csv
    """
    from runstrong.compliance_service import compliance as report_of

    report = report_of(handle, parse_date(first, "--from"), current_settings(exercises))
    if format_ == "json":
        click.echo(compliance_json(report))
    elif format_ == "csv":
        click.echo(compliance_csv(report), nl=False)
    else:
        click.echo(compliance_text(report))


def week_row(w: WeekCompliance) -> dict[str, Any]:
    return {
        "monday": w.monday.isoformat(), "until": w.until.isoformat(),
        "planned_sessions": w.planned_sessions, "done_sessions": w.done_sessions,
        "planned_sets": w.planned_sets, "done_sets": w.done_sets,
        "planned_runs": w.planned_runs, "done_runs": w.done_runs,
        "planned_minutes": round(w.planned_minutes), "done_minutes": round(w.done_minutes),
        "strength_pct": _rounded(w.strength_pct), "running_pct": _rounded(w.running_pct),
        "compliance_pct": _rounded(w.compliance_pct),
    }  # fmt: skip


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def compliance_json(report: ComplianceReport) -> str:
    data = {"athlete": report.handle, "weeks": [week_row(w) for w in report.weeks]}
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


def compliance_csv(report: ComplianceReport) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for w in report.weeks:
        writer.writerow({k: "" if v is None else v for k, v in week_row(w).items()})
    return out.getvalue()


def compliance_text(report: ComplianceReport) -> str:
    rows = [("week of", "sessions", "sets", "runs", "minutes", "strength %", "running %",
             "compliance %")]  # fmt: skip
    for w in report.weeks:
        rows.append((
            w.monday.isoformat() + ("" if (w.until - w.monday).days == 6 else " (so far)"),
            f"{w.done_sessions}/{w.planned_sessions}", f"{w.done_sets:g}/{w.planned_sets:g}",
            f"{w.done_runs}/{w.planned_runs}",
            f"{w.done_minutes:.0f}/{w.planned_minutes:.0f}", _pct(w.strength_pct),
            _pct(w.running_pct), _pct(w.compliance_pct),
        ))  # fmt: skip
    return "\n".join([
        f"{report.handle}: plan against done (done/planned; a share above 100 % counts as 100 "
        "in compliance)",
        *aligned(rows, set(range(1, 8))),
    ])  # fmt: skip


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"
