"""The plan as a terminal table: every exercise's notes, as the printed plan shows them."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from rich.console import Console

from builders import EXAMPLES, make_prescription, plan_from_file
from runstrong import services
from runstrong.cli.plan_table import print_plan
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.plan import Plan, Session
from runstrong.render.dose_text import position_labels
from runstrong.render.messages import cited, text
from runstrong.render.resolved import resolve

TODAY = date(2026, 11, 26)
WIDE = 2000  # columns: no line of the table wraps


def session_column(plan: Plan, result: services.PlanResult) -> list[str]:
    """The Session column of the printed table, line by line, blank lines left out."""
    out = io.StringIO()
    resolved = resolve(plan, result.athlete, result.library)
    print_plan(Console(file=out, width=WIDE, color_system=None), resolved)
    cells = [line.split("│")[3] for line in out.getvalue().splitlines() if line.count("│") >= 6]
    return [cell.rstrip() for cell in cells if cell.strip()]


def notes_under(lines: list[str], s: Session) -> dict[str, str]:
    """Each exercise's label -> the line printed right under its dose line."""
    found = {}
    for label, p in zip(position_labels(s.exercises), s.exercises, strict=True):
        head = f" {label}. {p.name}: "
        i = next(i for i, line in enumerate(lines) if line.startswith(head))
        found[label] = lines[i + 1]
        del lines[: i + 1]
    return found


@pytest.mark.parametrize("name", ["jo-ultra-achilles", "priya-half-home", "sam-5k-beginner"])
def test_each_exercises_own_notes_are_on_an_indented_line_under_its_dose(name: str) -> None:
    result = plan_from_file(EXAMPLES / f"{name}.toml", TODAY)
    lines = session_column(result.plan, result)
    noted = 0
    for s in result.plan.sessions:
        under = notes_under(lines, s)
        everyone = set.intersection(*(set(p.notes) for p in s.exercises))
        for label, p in zip(position_labels(s.exercises), s.exercises, strict=True):
            own = [n for n in p.notes if len(s.exercises) == 1 or n not in everyone]
            if own:
                assert under[label] == "    " + "; ".join(cited(n) for n in own)
                noted += 1
            else:
                assert not under[label].startswith("    ")
    assert noted, "the example needs exercises with notes (a niggle swap, a light kit)"


def test_a_swap_for_a_niggle_is_shown_under_the_exercise() -> None:
    result = plan_from_file(EXAMPLES / "jo-ultra-achilles.toml", TODAY)
    swapped = [
        (s, p)
        for s in result.plan.sessions
        for p in s.exercises
        if any(n.rule is RuleId.NIGGLE_SWAP for n in p.notes)
    ]
    assert swapped
    lines = session_column(result.plan, result)
    s, p = swapped[0]
    [note] = [n for n in p.notes if n.rule is RuleId.NIGGLE_SWAP]
    label = position_labels(s.exercises)[s.exercises.index(p)]
    assert cited(note) in notes_under(lines, s)[label]


def test_a_note_every_exercise_shares_is_said_once_under_the_session() -> None:
    result = plan_from_file(EXAMPLES / "sam-5k-beginner.toml", TODAY)
    first = result.plan.weeks[0].sessions[0]
    note = reason(RuleId.TEXT, text="a note every exercise of this session has")
    shared = text(note)
    exercises = tuple(replace(p, notes=(*p.notes, note)) for p in first.exercises)
    week = replace(result.plan.weeks[0], sessions=(replace(first, exercises=exercises),))
    lines = session_column(replace(result.plan, weeks=(week,)), result)
    assert sum(shared in line for line in lines) == 1
    assert lines[-1].strip().startswith("Every exercise: ")
    assert shared in lines[-1]


def test_position_labels_go_on_past_z_as_spreadsheet_columns_do() -> None:
    """A hand-made session of 28 exercises (a saved plan allows 30): A ... Z, then AA, AB."""
    labels = position_labels([make_prescription(f"ex{i}") for i in range(28)])
    assert labels[:2] == ["A", "B"]
    assert labels[25:] == ["Z", "AA", "AB"]
