"""`heatmap --athlete H` with imported runs, on SQLite and PostgreSQL: the running layer counts
the runs done up to today, by their kind and minutes, and the profile's running week after
today; an athlete who imported none keeps the profile's week. Values worked out by hand from
domain.running_load's shares (soleus 0.22 a minute; intervals x1.2, tempo x1.1)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from activity_files import fit_bytes
from builders import EXAMPLES, ok, run_in_process

TODAY = "2026-12-10"  # Thursday of Alex's week 1 (7 to 13 December)


def soleus_and_label(svg: str) -> tuple[str, str]:
    root = ET.fromstring(svg)
    [path] = [el for el in root.iter() if el.get("id") == "running-soleus-left-back"]
    title = next(iter(path)).text or ""
    heads = [el.text or "" for el in root.iter() if (el.text or "").startswith("Running")]
    return title, heads[0]


def test_the_running_layer_counts_the_runs_done_then_the_planned_week(
    database_url: str, tmp_path: Path
) -> None:
    def rs(*args: str) -> str:
        return ok(run_in_process("--today", TODAY, *args, db=database_url))

    rs("athlete", "add", str(EXAMPLES / "alex-marathon.toml"))
    out = tmp_path / "week1.svg"
    rs("heatmap", "--athlete", "alex", "--week", "1", "--layer", "running", "-o", str(out))
    # nothing imported: the profile's week, 0.22 x (40 + 60 x 1.2 + 45 + 50 x 1.1 + 30 + 120)
    assert soleus_and_label(out.read_text("utf-8")) == (
        "Soleus (left): 79.64 weighted minutes of running", "Running (minutes-weighted)",
    )  # fmt: skip
    work = [(240.0, 1080.0, None, 345.0, 0.0), (120.0, 312.0, None, 170.0, 0.0)] * 5
    intervals = [(900.0, 2880.0, None, 210.0, 0.0), *work, (900.0, 2790.0, None, 200.0, 0.0)]
    easy = [(600.0, 1920.0, None, 215.0, 0.0)] * 3
    (tmp_path / "runs").mkdir()
    for name, day, laps in (("tue.fit", 8, intervals), ("wed.fit", 9, easy)):
        data = fit_bytes(datetime(2026, 12, day, 7, tzinfo=UTC), laps)
        (tmp_path / "runs" / name).write_bytes(data)
    rs("import", "runs", str(tmp_path / "runs"), "--athlete", "alex")
    kinds = rs("runs", "list", "alex")
    assert "intervals" in kinds
    rs("heatmap", "--athlete", "alex", "--week", "1", "--layer", "running", "-o", str(out))
    # done: Tuesday's 60 minutes of intervals (x1.2) and Wednesday's easy 30; Monday's and
    # Thursday's planned runs were not done; planned after today: Saturday 30, Sunday 120.
    # 0.22 x (60 x 1.2 + 30 + 30 + 120) = 55.44
    assert soleus_and_label(out.read_text("utf-8")) == (
        "Soleus (left): 55.44 weighted minutes of running",
        "Running: 2 done to 10 Dec, 2 planned after",
    )
