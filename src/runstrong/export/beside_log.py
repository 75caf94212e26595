"""What the log says beside what was planned, for the exports of a stored athlete's plan
(`runstrong export ... --athlete H`; docs/formats.md): each session's outcome as JSON fields, and
the logged sets paired with the planned rows of the CSV.

A logged set is paired with the next planned row of the same exercise and side, else the next row
of that exercise whatever its side; sets left over (more sets than
planned, or an exercise not in the plan) follow the session's planned rows on rows of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from runstrong.domain.lived_plan import SessionOutcome
from runstrong.domain.training_log import SetLog, Side
from runstrong.export.log_export import set_dict


def outcome_dict(outcome: SessionOutcome) -> dict[str, Any]:
    """The `log` object of a session in the plan JSON."""
    done, missed = outcome.done, outcome.missed_log
    return {
        "outcome": str(outcome.outcome),
        "planned_date": outcome.planned_on.isoformat(),
        "date": None if outcome.on is None else outcome.on.isoformat(),
        "missed": None if outcome.missed is None else str(outcome.missed),
        "missed_on": None if missed is None else missed.date.isoformat(),
        "moved_to": None
        if missed is None or missed.moved_to is None
        else missed.moved_to.isoformat(),
        "reason": None if missed is None else missed.reason,
        "rpe": None if done is None else done.rpe,
        "minutes": None if done is None else done.minutes,
        "note": None if done is None else done.note,
        "sets": [] if done is None else [set_dict(s) for s in done.sets],
    }


def outcome_of(
    outcomes: Mapping[str, SessionOutcome] | None, session_id: str
) -> SessionOutcome | None:
    return None if outcomes is None else outcomes.get(session_id)


def pair_sets(
    planned: Sequence[tuple[str, str]], logged: Sequence[SetLog]
) -> tuple[list[SetLog | None], list[SetLog]]:
    """For each planned row (slug, side: "left", "right" or ""), the logged set paired with it
    (None: none), and the logged sets left over, in the order logged."""
    paired: list[SetLog | None] = [None] * len(planned)
    left_over: list[SetLog] = []
    for s in logged:
        side = "" if s.side is Side.BOTH else str(s.side)
        free = [i for i, (slug, _) in enumerate(planned) if slug == s.slug and paired[i] is None]
        same_side = [i for i in free if planned[i][1] == side]
        found = (same_side or free)[:1]
        if found:
            paired[found[0]] = s
        else:
            left_over.append(s)
    return paired, left_over
