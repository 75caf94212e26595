"""A week's sessions before they are placed: what each depends on (ContentKey) and what it holds
(Draft)."""

from __future__ import annotations

from typing import NamedTuple

from runstrong.domain.exercise import Exercise
from runstrong.domain.messages import Reason
from runstrong.domain.plan import Phase, Prescription
from runstrong.domain.progression import Progress
from runstrong.domain.templates import Slot, Template

Pick = tuple[Slot, Exercise, tuple[Reason, ...]]  # a slot, its exercise, notes on the choice


class ContentKey(NamedTuple):
    """Everything a week's sessions depend on before they are placed: weeks with equal keys get
    the same sessions, so each is drafted once."""

    templates: tuple[Template, ...]
    phase: Phase
    block: int
    progress: Progress  # where the week stands in its progression
    deload: bool
    reduced: bool  # a beginner's first weeks


class Draft(NamedTuple):
    """A session's content before it is placed on a day."""

    template: Template
    exercises: tuple[Prescription, ...]
    trim_ranks: tuple[int, ...]
    coverage: tuple[str, ...]
    notes: tuple[Reason, ...]
    circuit: bool = False  # accessories, upper body and trunk done as one circuit (supersets.py)
