"""The scripted season (examples/season/): Marco's 12 weeks of log entries, two sessions missed
and a knee niggle, replayed through the command line on SQLite and PostgreSQL; what `today`
said before each session is the golden file. Regenerate it with --update-golden and read the
diff. Read as data, the golden shows loads rising where the log shows strength rising."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from builders import EXAMPLES, example_module, ok, run_in_process

SEASON = EXAMPLES / "season" / "marco-season.toml"
GOLDEN = EXAMPLES / "season" / "marco-season.golden.txt"


def _replay_module() -> object:
    return example_module(EXAMPLES / "season/replay.py", "season_replay")


def replayed(db: str) -> str:
    module = _replay_module()

    def run(args: list[str]) -> str:
        return ok(run_in_process(*args, db=db))

    text: str = module.replay(SEASON, run)  # type: ignore[attr-defined]
    return text


def test_the_season_replays_to_its_golden_output(database_url: str, update_golden: bool) -> None:
    text = replayed(database_url)
    if update_golden:
        GOLDEN.write_text(text, "utf-8")
    assert text == GOLDEN.read_text("utf-8")


def loads(text: str, slug: str, dose: str) -> list[tuple[float, float]]:
    """(load, e1RM) of each session `today` gave `slug` at `dose` (as "4x6 @2") from the log,
    leaving out a first session back after missed ones (capped, and its signal says why)."""
    pattern = re.compile(
        rf"^  {slug} {re.escape(dose)} ([\d.]+) kg \(log, e1RM ([\d.]+)\): (?!capped)", re.M
    )
    return [(float(kg), float(e1rm)) for kg, e1rm in pattern.findall(text)]


def test_loads_rise_where_the_log_shows_strength_rising() -> None:
    text = GOLDEN.read_text("utf-8")
    # The plan's rep wave rarely repeats a dose, so each dose that comes back is compared with
    # itself: the squat's 4 x 5 and the deadlift's 4 x 6 and 4 x 4.
    for slug, doses in (("back_squat", ("4x5 @2",)), ("deadlift", ("4x6 @2", "4x4 @1"))):
        for dose in doses:
            same_dose = loads(text, slug, dose)
            assert len(same_dose) >= 2, (slug, dose)
            for (kg, e1rm), (next_kg, next_e1rm) in itertools.pairwise(same_dose):
                assert next_e1rm > e1rm, (slug, same_dose)
                assert next_kg > kg, (slug, same_dose)
    assert "2027-01-19 skipped: travel" in text
    assert re.search(r"^2027-01-26 \S+ signals: missed_sessions_for_reentry$", text, re.M)
    assert re.search(r"^2027-01-14 \S+ signals: high_rpe_session_rpe$", text, re.M)
    assert "from no niggle to moderate" in text
    assert "from moderate to mild" in text


def test_the_season_file_is_the_log_of_the_make_script() -> None:
    """The season's entries are fixed data: 12 weeks from 8 December, sessions and check-ins."""
    import tomllib

    entries = tomllib.loads(SEASON.read_text("utf-8"))["entry"]
    days = [e["date"] for e in entries]
    assert days == sorted(days)
    assert (days[0], days[-1]) == ("2026-12-08", "2027-02-25")
    assert sum(1 for e in entries if e.get("skipped")) == 2
    assert sum(1 for e in entries if "niggle" in e) == 4
    assert Path(EXAMPLES / "season" / "make_season.py").exists()
