"""The run classifier (domain.run_kind) on the labelled set of tests/labelled_runs.py: the
confusion table of each way the runs are seen (power, pace only, heart rate only, the median
speed only) at the tests' seed, and the runs misclassified over SEEDS seeds, by label and kind.
Not a timing: a measure of the classifier. Run with `.venv/bin/python -m bench.run_kinds`."""

from __future__ import annotations

import sys
from collections import Counter

from bench.__main__ import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from labelled_runs import (  # type: ignore[import-not-found]
    KINDS,
    PER_KIND,
    SCENARIOS,
    SEED,
    confusion,
    confusion_table,
)

SEEDS = 50


def main() -> None:
    n = PER_KIND * len(KINDS)
    for scenario in SCENARIOS:
        found = confusion(scenario)
        right = sum(found[(k, k)] for k in KINDS)
        print(f"{scenario}: {right} of {n} as labelled (seed {SEED})")
        print(confusion_table(found))
        print()
    wrong: Counter[tuple[str, str, str]] = Counter()
    for seed in range(1, SEEDS + 1):
        for scenario in SCENARIOS:
            for (label, kind), count in confusion(scenario, seed).items():
                if label != kind:
                    wrong[(scenario, label, kind)] += count
    total = SEEDS * len(SCENARIOS) * n
    print(f"over seeds 1-{SEEDS}: {sum(wrong.values())} of {total} runs misclassified")
    for (scenario, label, kind), count in sorted(wrong.items()):
        print(f"  {scenario}: {label} as {kind}: {count}")


if __name__ == "__main__":
    main()
