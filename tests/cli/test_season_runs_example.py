"""The season with its runs (examples/season-runs/): Marco's 12 weeks of lifting and 77 runs
written as FIT and GPX files by the tests' writers, imported and charted through the command
line on SQLite and PostgreSQL. The report (runs by week and kind, load, compliance) is the
golden file; regenerate it with --update-golden and read the diff."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from builders import EXAMPLES, example_module, ok, run_in_process
from svg_text import texts

FOLDER = EXAMPLES / "season-runs"
GOLDEN = FOLDER / "season-runs.golden.txt"


def test_the_season_of_runs_replays_to_its_golden_report_and_charts(
    database_url: str, tmp_path: Path, update_golden: bool
) -> None:
    module = example_module(FOLDER / "season_runs.py", "season_runs")

    def run(args: list[str]) -> str:
        return ok(run_in_process(*args, db=database_url))

    text: str = module.replay(run, tmp_path)
    if update_golden:
        GOLDEN.write_text(text, "utf-8")
    assert text == GOLDEN.read_text("utf-8")
    charts: list[Path] = module.charts(run, tmp_path / "charts", ("svg",))
    titles = [sorted(texts(ET.fromstring(p.read_bytes()), "role-title-text")) for p in charts]
    assert titles == [
        ["Acute:chronic ratio (EWMA 7 d ÷ 28 d, uncoupled)", "marco: weekly training load"],
        ["marco: monotony and strain"],
        ["marco: plan against done"],
    ]


def test_the_report_says_what_the_season_did() -> None:
    """Read as data: each run of its meant kind, the travel week, the cold, the race."""
    text = GOLDEN.read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "imported 77 runs for marco"
    assert "MISCLASSIFIED" not in text
    assert "week  7 2027-01-18: easy easy long" in lines  # travel: Tuesday to Friday
    assert "week  9 2027-02-01: easy intervals easy tempo easy race long" in lines
    compliance_rows = [line.split() for line in lines if "/" in line and line[:2] == "20"]
    travel = next(r for r in compliance_rows if r[0] == "2027-01-18")
    assert travel[1:5] == ["0/2", "0/47", "3/7", "245/475"]  # the two sessions missed
