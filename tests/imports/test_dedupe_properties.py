"""Deduplication as a property: however many devices recorded each run, with starts a little
apart and durations a little different, and in whatever order the files come, each run is kept
once, the richest recording of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from runstrong.domain.activity import Activity, ActivitySource, Lap, richness
from runstrong.runs_service import ImportSummary, deduplicated

FIRST = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
SOURCES = list(ActivitySource)


@st.composite
def recordings(draw: st.DrawFn) -> tuple[int, list[Activity]]:
    """Runs at least 6 hours apart, each recorded 1-4 times: starts within 60 s, durations
    within 4 %, some with laps and power."""
    runs = draw(st.integers(1, 8))
    out = []
    for i in range(runs):
        start = FIRST + timedelta(hours=6 * i + draw(st.integers(0, 3)))
        seconds = draw(st.integers(20 * 60, 150 * 60))
        for copy in range(draw(st.integers(1, 4))):
            laps = (Lap(seconds / 2), Lap(seconds / 2)) if draw(st.booleans()) else ()
            out.append(Activity(
                start=start + timedelta(seconds=draw(st.integers(0, 60))),
                seconds=seconds * (1 + draw(st.integers(-2, 2)) / 100), sport="running",
                source=draw(st.sampled_from(SOURCES)), source_name=f"run{i}-copy{copy}",
                avg_power_w=250.0 if draw(st.booleans()) else None, laps=laps,
            ))  # fmt: skip
    return runs, draw(st.permutations(out))


@given(recordings())
def test_each_run_is_kept_once_and_the_richest_recording_of_it(
    found: tuple[int, list[Activity]],
) -> None:
    runs, recorded = found
    summary = ImportSummary()
    kept = deduplicated(recorded, summary)
    assert len(kept) == runs
    assert len(summary.duplicates) == len(recorded) - runs
    for activity in kept:
        run = activity.source_name.split("-")[0]
        copies = [a for a in recorded if a.source_name.startswith(f"{run}-")]
        assert richness(activity) == max(richness(a) for a in copies)
    assert [a.start for a in kept] == sorted(a.start for a in kept)
