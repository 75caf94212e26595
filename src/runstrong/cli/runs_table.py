"""Imported runs and the training load as plain aligned text and as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson

from runstrong.render.messages import cited, text

if TYPE_CHECKING:
    from runstrong.runs_service import ListedRun, LoadReport


def aligned(rows: Sequence[Sequence[str]], numeric: set[int]) -> list[str]:
    """Rows as columns: a header, a rule, the rest; numbers right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        cells = [c.rjust(w) if i in numeric else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]  # fmt: skip
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _number(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def runs_text(handle: str, listed: Sequence[ListedRun]) -> str:
    rows = [("id", "day", "start", "min", "km", "HR", "W", "climb m", "RPE", "kind", "evidence")]
    for x in listed:
        a = x.run.activity
        rows.append((
            str(x.run.id), x.day.isoformat(), f"{a.start:%H:%M}", _number(a.minutes),
            _number(None if a.meters is None else a.meters / 1000, 1), _number(a.avg_hr),
            _number(a.avg_power_w), _number(a.ascent_m), _number(a.rpe), str(x.classified.kind),
            "; ".join(text(e) for e in x.classified.evidence),
        ))  # fmt: skip
    head = f"{handle}: {len(listed)} run{'s' if len(listed) != 1 else ''} (start in UTC)"
    return "\n".join([head, *aligned(rows, {0, 3, 4, 5, 6, 7, 8})])


def runs_json(handle: str, listed: Sequence[ListedRun]) -> str:
    data = {
        "athlete": handle,
        "runs": [
            {
                "id": x.run.id, "day": x.day.isoformat(),
                "start": x.run.activity.start.isoformat(), "seconds": x.run.activity.seconds,
                "meters": x.run.activity.meters, "avg_hr": x.run.activity.avg_hr,
                "max_hr": x.run.activity.max_hr, "avg_power_w": x.run.activity.avg_power_w,
                "ascent_m": x.run.activity.ascent_m, "laps": len(x.run.activity.laps),
                "rpe": x.run.activity.rpe,
                "source": str(x.run.activity.source),
                "source_name": x.run.activity.source_name,
                "kind": str(x.classified.kind), "kind_set": x.run.kind_set is not None,
                "evidence": [_reason(e) for e in x.classified.evidence],
            }
            for x in listed
        ],
    }  # fmt: skip
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


def _reason(r: Any) -> dict[str, Any]:
    return {"rule": str(r.rule), "params": dict(r.params), "citations": list(r.citations),
            "text": text(r)}  # fmt: skip


def load_text(handle: str, report: LoadReport) -> str:
    rows = [("week of", "sessions", "run AU", "strength AU", "total AU", "monotony", "strain",
             "acute:chronic")]  # fmt: skip
    for w in report.weeks:
        rows.append((
            w.monday.isoformat(), str(w.sessions), _number(w.run_au), _number(w.strength_au),
            _number(w.total_au), _number(w.monotony, 2), _number(w.strain),
            _number(w.ratio, 2),
        ))  # fmt: skip
    lines = [
        f"{handle}: training load (AU = session RPE x minutes)",
        *aligned(rows, set(range(1, 8))),
    ]
    lines.append("")
    lines += [f"note: {_note(n)}" for n in report.notes]
    return "\n".join(lines)


def load_json(handle: str, report: LoadReport) -> str:
    data = {
        "athlete": handle,
        "weeks": [
            {
                "monday": w.monday.isoformat(), "sessions": w.sessions,
                "run_au": round(w.run_au, 1), "strength_au": round(w.strength_au, 1),
                "total_au": round(w.total_au, 1),
                "monotony": None if w.monotony is None else round(w.monotony, 3),
                "strain": None if w.strain is None else round(w.strain, 1),
                "acute_au": round(w.acute_au, 1), "chronic_au": round(w.chronic_au, 1),
                "acute_chronic_ratio": None if w.ratio is None else round(w.ratio, 3),
            }
            for w in report.weeks
        ],
        "sessions": [
            {"day": s.day.isoformat(), "what": s.what, "ref": s.ref, "au": round(s.au, 1),
             "how": _reason(s.reason)}
            for s in report.sessions
        ],
        "notes": [_reason(n) for n in report.notes],
    }  # fmt: skip
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


ESTIMATED = {
    "anchor_observed_max_hr": "maximum heart rate",
    "anchor_threshold_power": "threshold power",
    "anchor_threshold_pace": "threshold pace",
}


def _note(note: Any) -> str:
    """A load note; an anchor estimated from the runs says that the load uses it."""
    what = ESTIMATED.get(str(note.rule))
    if what is None:
        return cited(note)
    return f"{what} estimated from the runs (none in the profile), used here: {cited(note)}"
