"""The training log as CSV and JSON (docs/formats.md, "Log CSV and JSON"): one row per set, in
kilograms whatever the athlete's units, each with the e1RM it implies."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import orjson

from runstrong.domain.training_log import HistoryRow, SetLog

LOG_SCHEMA_VERSION = 1
E1RM_DECIMALS = 1  # an estimate: to 0.1 kg
COLUMNS = (
    "date", "session_id", "slug", "side", "reps", "kg", "seconds", "contacts", "rir", "e1rm_kg",
)  # fmt: skip


def row_dict(row: HistoryRow) -> dict[str, Any]:
    return {
        "date": row.logged.date.isoformat(),
        "session_id": row.logged.session_id,
        **set_dict(row.logged.set),
        "e1rm_kg": None if row.e1rm_kg is None else round(row.e1rm_kg, E1RM_DECIMALS),
    }


def set_dict(s: SetLog) -> dict[str, Any]:
    """A logged set's fields, as the log's JSON writes them (kilograms)."""
    return {
        "slug": s.slug,
        "side": str(s.side),
        "reps": s.reps,
        "kg": s.kg,
        "seconds": s.seconds,
        "contacts": s.contacts,
        "rir": s.rir,
    }


def log_json(handle: str, rows: Sequence[HistoryRow]) -> bytes:
    body = {
        "schema_version": LOG_SCHEMA_VERSION,
        "athlete": handle,
        "sets": [row_dict(r) for r in rows],
    }
    return orjson.dumps(body, option=orjson.OPT_INDENT_2) + b"\n"


def log_csv(rows: Sequence[HistoryRow]) -> bytes:
    """A header, then a row per set; an empty cell where a value is not recorded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        values = row_dict(r)
        writer.writerow("" if values[c] is None else values[c] for c in COLUMNS)
    return out.getvalue().encode("utf-8")
