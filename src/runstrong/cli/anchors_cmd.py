"""`runstrong anchors`: the profile's [anchors] beside the estimates the runs give, and the
anchors the load uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click
import orjson

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, table_or_json_option
from runstrong.cli.runs_cmd import handle_argument
from runstrong.cli.runs_table import aligned
from runstrong.render.messages import cited, text

if TYPE_CHECKING:
    from runstrong.anchors_service import AnchorsReport


def _pace(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d} /km"


def _watts(value: float) -> str:
    return f"{value:.0f} W"


def _bpm(value: float) -> str:
    return f"{value:.0f} bpm"


# Each anchor: its name in words, and how its value is shown.
SHOWN: dict[str, tuple[str, Callable[[float], str]]] = {
    "threshold_power_w": ("threshold power", _watts),
    "threshold_pace_s_per_km": ("threshold pace", _pace),
    "max_hr": ("maximum heart rate", _bpm),
    "resting_hr": ("resting heart rate", _bpm),
}


@click.command("anchors", cls=LogCommand)
@handle_argument
@table_or_json_option
def anchors(handle: str, format_: str | None) -> None:
    """The athlete's anchors: the profile's [anchors], what the runs of the last 12 weeks say
    of them, and which the load uses (the profile's, else the estimate).

    Maximum heart rate is the highest recorded (a lower bound); threshold power and pace come
    from the best 30-60 minute effort taken to an hour by Riegel's law (a lower bound unless it
    was all-out); resting heart rate is never estimated (docs/science.md §4.4).

    Example: runstrong anchors alex
    """
    from runstrong.anchors_service import anchors_report

    report = anchors_report(handle, current_settings())
    if (format_ or "table") == "json":
        click.echo(anchors_json(handle, report))
        return
    click.echo(anchors_text(handle, report))


def _values(report: AnchorsReport) -> list[tuple[str, float | None, float | None, float | None]]:
    from runstrong.domain.anchor_estimate import anchor_values

    profile, used = anchor_values(report.profile), anchor_values(report.used)
    estimated = {e.anchor: e.value for e in report.estimates}
    return [(name, profile[name], estimated.get(name), used[name]) for name in SHOWN]


def anchors_text(handle: str, report: AnchorsReport) -> str:
    rows = [("anchor", "profile", "estimate", "the load uses")]
    for name, profile, estimate, used in _values(report):
        words, shown = SHOWN[name]
        source = "" if used is None else (" (profile)" if profile is not None else " (estimate)")
        rows.append((words, "" if profile is None else shown(profile),
                     "" if estimate is None else shown(estimate),
                     "none" if used is None else shown(used) + source))  # fmt: skip
    head = (f"{handle}: anchors; estimates from {report.runs} run{'s' if report.runs != 1 else ''}"
            f" of {report.first.isoformat()} to {report.last.isoformat()}")  # fmt: skip
    lines = [head, *aligned(rows, set())]
    lines += [f"{SHOWN[e.anchor][0]}: {cited(e.reason)}" for e in report.estimates]
    return "\n".join(lines)


def anchors_json(handle: str, report: AnchorsReport) -> str:
    why = {e.anchor: e.reason for e in report.estimates}
    out: dict[str, Any] = {
        "athlete": handle, "first": report.first.isoformat(), "last": report.last.isoformat(),
        "runs": report.runs, "anchors": [],
    }  # fmt: skip
    for name, profile, estimate, used in _values(report):
        found = why.get(name)
        out["anchors"].append({
            "anchor": name, "profile": profile, "estimate": estimate, "used": used,
            "source": None if used is None else ("profile" if profile is not None else "estimate"),
            "estimate_reason": None if found is None else {
                "rule": str(found.rule), "params": dict(found.params),
                "citations": list(found.citations), "text": text(found),
            },
        })  # fmt: skip
    return orjson.dumps(out, option=orjson.OPT_INDENT_2).decode()
