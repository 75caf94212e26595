"""Why each session is there: its phase, its place in the block, the work it holds."""

from __future__ import annotations

from runstrong.domain.drafts import Draft
from runstrong.domain.periodisation import WeekFrame
from runstrong.domain.plan import Phase, Role
from runstrong.domain.rules import Rules
from runstrong.domain.templates import ACT, REC, T

SESSION_LEAD = {"A": "the week's squat-pattern session", "B": "the week's hinge session"}
MAINTENANCE_PURPOSE = (
    "the intensity kept and the volume cut, so strength holds while the running takes "
    "priority [ronnestad2010]"
)


def purpose(draft: Draft) -> str:
    """What the session is for, naming only the work it still holds after trimming."""
    key = draft.template.key
    if key == "M":
        return MAINTENANCE_PURPOSE
    if key not in SESSION_LEAD:
        return draft.template.title
    roles = {p.role for p in draft.exercises}
    extras = [
        name
        for name, present in (
            ("single-leg", Role.SECONDARY in roles),
            ("hamstring", key == "B" and Role.POSTERIOR in roles),
            ("straight-knee calf", "calf_straight_knee" in draft.coverage),
            ("bent-knee calf", "calf_bent_knee" in draft.coverage),
            ("trunk", key == "B" and Role.TRUNK in roles),
        )
        if present
    ]
    if not extras:
        return SESSION_LEAD[key]
    listed = extras[0] if len(extras) == 1 else f"{', '.join(extras[:-1])} and {extras[-1]}"
    return f"{SESSION_LEAD[key]}, with {listed} work"


def phase_reason(
    frame: WeekFrame,
    draft: Draft,
    rules: Rules,
    *,
    b_race_ahead: bool,
    stand_in: bool = False,
) -> str:
    """The session's first reason: what it is for this week. `stand_in`: a light session in
    place of a heavy one the week could not place."""
    template = draft.template
    if template is T:
        return "taper: the last heavy session before the race [runstrong_heuristic]"
    if template is ACT and frame.phase is Phase.TAPER:
        return (
            "taper: light activation only, nothing in the last days before the race [bosquet2007]"
        )
    if template is ACT and stand_in:
        return (
            "light activation in place of a heavy session that no day this week allows "
            "without breaking the rules [runstrong_heuristic]"
        )
    if template is ACT and b_race_ahead:
        return (
            "a B race is near: one heavy session early in the week, then light activation "
            "[runstrong_heuristic]"
        )
    if template is REC:
        return "recovery after the race: light work only [runstrong_heuristic]"
    if frame.deload:
        return "deload week: same exercises, fewer sets, more in reserve [bell2022]"
    return (
        f"{str(frame.phase).capitalize()} phase, week {frame.week_in_block + 1} of this block: "
        f"{purpose(draft)}"
    )
