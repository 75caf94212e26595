"""`runstrong running infer`: the running week the imported runs imply, as a change to the
profile's [running] week with its evidence; `--apply` makes it a new profile version and
re-plans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
import orjson

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, table_or_json_option
from runstrong.cli.runs_cmd import RunsGroup, handle_argument
from runstrong.render.messages import text

if TYPE_CHECKING:
    from runstrong.domain.athlete import Run
    from runstrong.running_week_service import RunningInference


@click.group(
    "running",
    cls=RunsGroup,
    help="The athlete's running week, from what they really run.\n\n"
    "Example: runstrong running infer alex --weeks 4",
    no_args_is_help=True,
)
def running() -> None:
    pass


@running.command("infer", cls=LogCommand)
@handle_argument
@click.option(
    "--weeks", type=click.IntRange(1, 52), default=4, show_default=True,
    help="Whole weeks before this one to read.",
)  # fmt: skip
@click.option("--apply", is_flag=True, help="Make it the profile's week and re-plan.")
@table_or_json_option
def infer(handle: str, weeks: int, apply: bool, format_: str | None) -> None:
    """The running week the imported runs imply, set against the profile's [running] week.

    For each weekday: the kind of run seen on it in at least half the weeks read (intervals,
    hills, tempo, long, easy; else rest), its typical minutes and start, and the runs that show
    it (docs/science.md §4.2). Weeks without runs are left out. With --apply the changed days
    go into a new profile version and the plan is made again from this week, so its key-run
    days are the ones the athlete runs.

    Example: runstrong running infer alex --weeks 4 --apply
    """
    from runstrong import services
    from runstrong.running_week_service import infer_running

    settings = current_settings()
    found = infer_running(handle, weeks, services.open_library(settings), settings, apply=apply)
    if (format_ or "table") == "json":
        click.echo(inference_json(handle, found))
        return
    click.echo(inference_text(handle, found, apply))


def _run_text(run: Run | None) -> str:
    if run is None:
        return "rest"
    at = "" if run.time is None else f" at {run.time:%H:%M}"
    return f"{run.type} {run.minutes} min{at}"


def inference_text(handle: str, found: RunningInference, apply: bool) -> str:
    week = found.inferred
    first, last = week.weeks[0], max(week.weeks)
    lines = [f"{handle}: the running week of {len(week.weeks)} weeks of runs (weeks of "
             f"{first.isoformat()} to {last.isoformat()})"]  # fmt: skip
    if week.left_out:
        lines.append("left out, no runs imported: weeks of "
                     + ", ".join(m.isoformat() for m in week.left_out))  # fmt: skip
    if not found.changes:
        lines.append("the profile's [running] week already matches the runs")
    for change in found.changes:
        lines.append(f"- {change.weekday}: {_run_text(change.before)}")
        lines.append(f"+ {change.weekday}: {_run_text(change.after)}")
        lines.append(f"    {text(change.day.reason)}")
        ids = ", ".join(str(r.run_id) for r in change.day.evidence)
        if ids:
            lines.append(f"    runs {ids}")
    unchanged = [d for d in week.days if d.weekday not in {c.weekday for c in found.changes}]
    if unchanged:
        lines.append("as the profile says:")
        lines += [f"  {text(d.reason)}" for d in unchanged]
    if found.plan is not None:
        plan = found.plan
        lines.append(f"applied: profile version {plan.profile_version}, plan {plan.version}, "
                     f"{plan.start.isoformat()} to {plan.end.isoformat()}")  # fmt: skip
    elif found.changes and not apply:
        lines.append(f"to apply: runstrong running infer {handle} --weeks "
                     f"{len(week.weeks) + len(week.left_out)} --apply")  # fmt: skip
    return "\n".join(lines)


def _run_data(run: Run | None) -> dict[str, Any] | None:
    if run is None:
        return None
    return {"day": str(run.day), "type": str(run.type), "minutes": run.minutes,
            "time": None if run.time is None else f"{run.time:%H:%M}"}  # fmt: skip


def inference_json(handle: str, found: RunningInference) -> str:
    plan = found.plan
    data = {
        "athlete": handle,
        "weeks": [m.isoformat() for m in found.inferred.weeks],
        "left_out": [m.isoformat() for m in found.inferred.left_out],
        "days": [
            {
                "day": str(d.weekday), "type": str(d.type), "minutes": d.minutes,
                "time": None if d.start is None else f"{d.start:%H:%M}",
                "evidence": [{"run": r.run_id, "date": r.day.isoformat(), "kind": str(r.kind),
                              "minutes": round(r.minutes)} for r in d.evidence],
                "reason": {"rule": str(d.reason.rule), "params": dict(d.reason.params),
                           "citations": list(d.reason.citations), "text": text(d.reason)},
            }
            for d in found.inferred.days
        ],
        "changes": [
            {"day": str(c.weekday), "before": _run_data(c.before), "after": _run_data(c.after)}
            for c in found.changes
        ],
        "week": [_run_data(r) for r in found.applied],
        "applied": plan is not None,
        "plan": None if plan is None else {
            "version": plan.version, "profile_version": plan.profile_version,
            "start": plan.start.isoformat(), "end": plan.end.isoformat(),
        },
    }  # fmt: skip
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
