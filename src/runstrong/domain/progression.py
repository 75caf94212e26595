"""Progression: where a loading week stands on its scheme's table of doses (science.md §2.1, §3.4).

Each scheme is a table of doses, easiest first: the main lifts' rep wave (fewer reps, a higher
%1RM, row by row), body-weight and band main lifts' steps (sets, then reps, then a slower
lowering), holds' seconds. A block's loading weeks climb their table a row a week, and each block
starts `progression_block_step_rows` rows above the block before it, so the wave goes on across
deloads instead of starting again: a lifter reaches the table's last rows, and no dose comes back
week after week. Where a block has more loading weeks than the table rows, the weeks past the
last row add a set each (within `progression_max_main_sets`). Our own scheme [D]
(`runstrong_heuristic`): the rows themselves come from the evidence (prescription.py).
"""

from __future__ import annotations

from typing import NamedTuple

from runstrong.domain.rules import Rules


class Progress(NamedTuple):
    """Where a loading week stands: its week in the block, its block's place among the blocks of
    its phase and among the loading blocks since the last light phase, and how many loading
    weeks its block holds."""

    week: int
    block: int
    loading_block: int
    block_weeks: int


class Step(NamedTuple):
    """A row of a scheme's table (0-based), and the sets added past its last row."""

    row: int
    extra_sets: int


def position(block: int, week: int, block_weeks: int, rows: int, block_step_rows: int) -> int:
    """The week's place on a table of `rows` rows: the block starts `block_step_rows` rows a
    block higher, but low enough for its `block_weeks` weeks to climb one row each, where the
    table allows (a block longer than the table starts at its first row)."""
    highest_start = max(0, rows - max(1, block_weeks))
    return min(block * block_step_rows, highest_start) + week


def step(at: int, rows: int) -> Step:
    """The row at place `at` of a table of `rows` rows; past its last row, a set more a week."""
    row = min(at, rows - 1)
    return tuple.__new__(Step, (row, at - row))  # skips Step's Python __new__ (budget.py)


def on_loading_blocks(progress: Progress, rows: int, rules: Rules) -> Step:
    """The week's step on a table of `rows` rows whose blocks count on from base into build."""
    at = position(
        progress.loading_block,
        progress.week,
        progress.block_weeks,
        rows,
        rules.progression_block_step_rows,
    )
    return step(at, rows)


def more_contacts(contacts: int, most: int, progress: Progress, rules: Rules) -> int:
    """A session's plyometric `contacts` for the week: `plyo_contacts_step_pct` of them more a
    step of progression, up to `most` (never below the contacts it starts from)."""
    at = on_loading_blocks(progress, rules.plyo_contacts_steps + 1, rules)
    more = contacts * at.row * rules.plyo_contacts_step_pct // 100
    return min(max(contacts, most), contacts + more)
