"""Golden plans: each example runner's plan JSON, reviewed once and compared byte for byte.

Refresh after an intended change with
    .venv/bin/pytest tests/domain/test_golden_plans.py --update-golden
then read the diff (git diff tests/golden) before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import EXAMPLES, ROOT, library
from runstrong.domain.engine import generate_plan
from runstrong.export import plan_json
from runstrong.profile import load_profile
from runstrong.render.resolved import resolve

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_the_example_plan_matches_its_golden_file(example: Path, update_golden: bool) -> None:
    profile = load_profile(example, library())
    plan = generate_plan(profile, library())
    got = plan_json.export_json(resolve(plan, profile.athlete, library()))
    golden = GOLDEN / f"{example.stem}.plan.json"
    if update_golden:
        golden.write_bytes(got)
        pytest.skip(f"wrote {golden.name}")
    assert golden.exists(), f"no golden file: run with --update-golden and review {golden.name}"
    assert got.decode("utf-8") == golden.read_text("utf-8")
