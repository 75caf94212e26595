"""Benchmarks of the charting path (runstrong.charts: Vega-Lite specs rendered by vl-convert):
what importing it adds to a process's start, the first chart of a process (the JavaScript
engine starting), and later charts in the same process (the web app's case), SVG and PNG.
Run with `.venv/bin/python -m bench.charts` (`make bench`).

For the choice (issue 15), matplotlib 3.11 was measured once on this machine (its own
virtualenv, not a dependency): importing pyplot with the SVG backend took 0.84 s, a chart 52-56
ms after that. The first chart of a fresh process, this file's 208 points as SVG, took 1.27 s
with matplotlib and 1.20 s with vl-convert (medians of 7, taking turns). So the two cost the
same for one chart from the command line; vl-convert adds almost nothing to a process that
never charts (3 ms against 0.84 s), and its input is a Vega-Lite spec, JSON that the web app
can render in the browser or on the server. matplotlib renders later charts about twice as fast.
"""

from __future__ import annotations

import statistics
import time

from bench.__main__ import Command, cli_medians, print_rows
from runstrong.charts.e1rm import E1rmPoint, e1rm_spec
from runstrong.charts.render import render_chart
from runstrong.domain.training_log import Units

RUNS = 11
TWO_YEARS = 208  # points: two lifts, a session a week, two years


# The chart's data, in a fresh process as in this one (without this module's imports).
TWO_YEARS_CODE = f"""
from datetime import date, timedelta
from runstrong.charts.e1rm import E1rmPoint
first = date(2024, 12, 2)
points = [
    E1rmPoint(first + timedelta(weeks=i // 2), ("Back squat", "Deadlift")[i % 2], 100 + i / 4)
    for i in range({TWO_YEARS})
]
"""
FIRST_CHART = (
    TWO_YEARS_CODE + "from runstrong.charts.e1rm import e1rm_spec\n"
    "from runstrong.charts.render import render_chart\n"
    "from runstrong.domain.training_log import Units\n"
    "render_chart(e1rm_spec(points, 'Alex', Units.KG), 'svg')"
)


def two_years() -> list[E1rmPoint]:
    found: dict[str, list[E1rmPoint]] = {}
    exec(TWO_YEARS_CODE, found)  # the same points as the fresh process's
    return found["points"]


def in_process_ms(fmt: str) -> float:
    spec = e1rm_spec(two_years(), "Alex", Units.KG)
    render_chart(spec, fmt)  # warm-up: the engine starts
    times = []
    for _ in range(RUNS * 2):
        start = time.perf_counter()
        render_chart(spec, fmt)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    cli = cli_medians(
        {
            "bare": Command(["-c", "pass"]),
            "import": Command(["-c", "import vl_convert"]),
            "first": Command(["-c", FIRST_CHART]),
        },
        RUNS,
    )
    bare = cli["bare"]
    rows = [
        ("python -c pass (reference)", bare, ""),
        ("python: import vl_convert", cli["import"], f"+{cli['import'] - bare:.0f} ms"),
        (f"python: first chart of a process, {TWO_YEARS} points, SVG", cli["first"],
         f"{cli['first'] / bare:.1f} x python start"),
        ("  later charts in that process: SVG", in_process_ms("svg"), ""),
        ("  later charts in that process: PNG (2x)", in_process_ms("png"), ""),
    ]  # fmt: skip
    print_rows("runstrong chart benchmarks", rows)


if __name__ == "__main__":
    main()
