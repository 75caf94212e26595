"""The printable plan of a stored athlete (`export html|pdf --athlete`) has a "Training load"
section: the load, monotony and compliance charts as SVG images; a profile's plan has none."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from activity_files import fit_bytes
from builders import EXAMPLES, ok, run_in_process
from svg_text import texts

TODAY = "2026-12-20"


def test_the_printable_plan_of_an_athlete_shows_the_training_load_charts(
    database_url: str, tmp_path: Path
) -> None:
    def rs(*args: str) -> str:
        return ok(run_in_process("--today", TODAY, *args, db=database_url))

    rs("athlete", "add", str(EXAMPLES / "alex-marathon.toml"))
    easy = [(600.0, 1900.0, 140.0, 220.0, 0.0)] * 4
    for day in (8, 10, 13, 15):
        start = datetime(2026, 12, day, 7, tzinfo=UTC)
        (tmp_path / f"{day}.fit").write_bytes(fit_bytes(start, easy))
    rs("import", "runs", str(tmp_path), "--athlete", "alex")
    rs("log", "alex", "--date", "2026-12-08", "--set", "back_squat 5x100@2", "--rpe", "7",
       "--minutes", "45")  # fmt: skip
    out = tmp_path / "plan.html"
    rs("export", "html", "--athlete", "alex", "-o", str(out))
    html = out.read_text("utf-8")
    section = html[html.index('<section class="training-load">') :]
    section = section[: section.index("</section>")]
    assert "<h2>Training load</h2>" in section
    assert "it does not predict injury" in section
    images = re.findall(r'<img alt="([^"]+)" src="data:image/svg\+xml;base64,([^"]+)"', section)
    assert [alt for alt, _ in images] == [
        "Weekly load by running and lifting, and the acute:chronic ratio with its caveat",
        "Monotony and strain a week",
        "Plan against done: strength sets and running minutes",
    ]
    titles = []
    for _, data in images:
        svg = ET.fromstring(base64.b64decode(data))
        titles += texts(svg, "role-title-text")
    # two weeks into the plan: no acute:chronic ratio yet (4 weeks of history first), no panel
    assert titles == [
        "alex: weekly training load",
        "alex: monotony and strain",
        "alex: plan against done",
    ]
    profile_plan = tmp_path / "profile.html"
    ok(run_in_process("--today", TODAY, "export", "html", str(EXAMPLES / "alex-marathon.toml"),
                      "-o", str(profile_plan)))  # fmt: skip
    assert "training-load" not in profile_plan.read_text("utf-8").split("</style>", 1)[1]
