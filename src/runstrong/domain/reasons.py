"""Why each session is there: its phase, its place in the block, the work it holds."""

from __future__ import annotations

from runstrong.domain.drafts import Draft
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.periodisation import WeekFrame
from runstrong.domain.plan import Phase, Role
from runstrong.domain.rules import Rules
from runstrong.domain.templates import ACT, REC, T


def extras(draft: Draft) -> tuple[str, ...]:
    """The work a heavy session holds beside its main lift, after trimming: `single_leg`,
    `hamstring`, `calf_straight_knee`, `calf_bent_knee`, `trunk`."""
    key = draft.template.key
    roles = {p.role for p in draft.exercises}
    return tuple(
        name
        for name, present in (
            ("single_leg", Role.SECONDARY in roles),
            ("hamstring", key == "B" and Role.POSTERIOR in roles),
            ("calf_straight_knee", "calf_straight_knee" in draft.coverage),
            ("calf_bent_knee", "calf_bent_knee" in draft.coverage),
            ("trunk", key == "B" and Role.TRUNK in roles),
        )
        if present
    )


def phase_reason(
    frame: WeekFrame,
    draft: Draft,
    rules: Rules,
    *,
    b_race_ahead: bool,
    stand_in: bool = False,
) -> Reason:
    """The session's first reason: what it is for this week. `stand_in`: a light session in
    place of a heavy one the week could not place."""
    template = draft.template
    if template is T:
        return reason(RuleId.TAPER_LAST_HEAVY, "runstrong_heuristic")
    if template is ACT and frame.phase is Phase.TAPER:
        return reason(RuleId.TAPER_ACTIVATION, "bosquet2007")
    if template is ACT and stand_in:
        return reason(RuleId.ACTIVATION_STAND_IN, "runstrong_heuristic")
    if template is ACT and b_race_ahead:
        return reason(
            RuleId.B_RACE_MINI_TAPER,
            "runstrong_heuristic",
            days=rules.last_heavy_days_before_b_race,
        )
    if template is REC:
        return reason(RuleId.RACE_RECOVERY, "runstrong_heuristic")
    if frame.deload:
        return reason(RuleId.DELOAD_WEEK, "bell2022")
    key = template.key
    cites = ("ronnestad2010",) if key == "M" else ()
    return reason(
        RuleId.PHASE_WEEK,
        *cites,
        phase=str(frame.phase),
        week=frame.week_in_block + 1,
        session=key,
        title=template.title,
        extras=extras(draft) if key in ("A", "B") else (),
    )
