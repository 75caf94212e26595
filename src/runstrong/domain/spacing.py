"""The placement rules that keep heavy legs away from key runs and from each other (science.md
§3.3), as scheduling.py weighs each candidate day.

Heavy legs or hard plyometrics the day before a key run, long run or race, or heavy legs closer
than `min_hours_between_heavy_lower` to other heavy legs: the session is made moderate on the legs
for its day (a `fit` reason; day_fit.py changes its content), or with `fit_legs_to_day` off stays
heavy and a warning names the broken rule. Within `key_run_buffer_hours` of a key run: a
preference, said in the reasons. Plyometrics closer than `min_hours_between_plyo` to other
plyometrics: the later session leaves its jumps out (a `fit` reason), or with `fit_legs_to_day` off
keeps them and a warning names the broken rule. Each costs its `Rules.penalty_*` points.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from runstrong.domain.athlete import Weekday
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules


class Placed(NamedTuple):
    """A session already on the calendar (earlier in this week or in earlier weeks)."""

    at: datetime
    heavy_legs: bool
    plyo: bool


class Verdict(NamedTuple):
    """What a rule makes of a session on a day: its cost, and what it adds to the session's
    warnings or to why it must be moderate (`fit`)."""

    penalty: int
    warnings: tuple[Reason, ...] = ()
    fit: tuple[Reason, ...] = ()


NO_VERDICT = Verdict(0)  # nothing broken, nothing to change

# What a placement's `fit` reasons ask of the session's content (engine.py applies them with
# day_fit.py): moderate legs and no hard plyometrics, or no plyometrics at all.
LEGS_MODERATED = frozenset({RuleId.LEGS_MODERATED_KEY_RUN, RuleId.LEGS_MODERATED_SPACING})
PLYO_OUT = frozenset({RuleId.PLYO_LEFT_OUT_SPACING})


def moderates_legs(fit: Sequence[Reason]) -> bool:
    """Does a placement's `fit` make the session moderate on the legs?"""
    return any(f.rule in LEGS_MODERATED for f in fit)


def leaves_out_plyo(fit: Sequence[Reason]) -> bool:
    """Does a placement's `fit` leave the session's plyometrics out?"""
    return any(f.rule in PLYO_OUT for f in fit)


def day_before(
    what: str, runs: Sequence[str], tomorrow: str, add_day: str, rules: Rules
) -> Verdict:
    """Heavy legs (`what`: "heavy_legs") or hard plyometrics ("hard_plyo") the day before key
    runs `runs` (on weekday `tomorrow`): made moderate for the day, or kept with a warning per
    run. `add_day`: the weekday that would let the session follow the run instead ("": none)."""
    penalty = rules.penalty_day_before_key_run_points * len(runs)
    if rules.fit_legs_to_day:
        fit = tuple(
            reason(
                RuleId.LEGS_MODERATED_KEY_RUN,
                "doma2019",
                load=what,
                run=run,
                day=tomorrow,
                add_day=add_day,
            )
            for run in runs
        )
        return Verdict(penalty, fit=fit)
    warnings = tuple(
        reason(RuleId.DAY_BEFORE_KEY_RUN, "doma2019", load=what, run=run, add_day=add_day)
        for run in runs
    )
    return Verdict(penalty, warnings=warnings)


def buffer_reason(what: str, run: str, hours: int, rules: Rules) -> Reason:
    """Heavy legs or hard plyometrics `hours` before key run `run`, inside the preferred buffer."""
    return reason(
        RuleId.KEY_RUN_BUFFER,
        "doma2019",
        load=what,
        run=run,
        hours=hours,
        buffer_hours=rules.key_run_buffer_hours,
    )


def spacing(
    at: datetime, heavy_legs: bool, plyo: bool, placed: Sequence[Placed], rules: Rules
) -> Verdict:
    """A session at `at` against the sessions already placed: heavy legs too close to heavy legs
    are made moderate, plyometrics too close to plyometrics left out (each once)."""
    penalty = 0
    warnings: list[Reason] = []
    fit: list[Reason] = []
    if not heavy_legs and not plyo:
        return NO_VERDICT
    for other in placed:
        hours = abs((at - other.at).total_seconds()) / 3600
        min_hours = rules.min_hours_between_heavy_lower
        if heavy_legs and not moderates_legs(fit) and other.heavy_legs and hours < min_hours:
            penalty += rules.penalty_heavy_legs_too_close_points
            if rules.fit_legs_to_day:
                day = str(Weekday.of(other.at.date()))
                fit.append(_too_close(RuleId.LEGS_MODERATED_SPACING, min_hours, hours, day=day))
            else:
                warnings.append(_too_close(RuleId.HEAVY_LEGS_TOO_CLOSE, min_hours, hours))
        min_plyo = rules.min_hours_between_plyo
        if plyo and other.plyo and hours < min_plyo and not leaves_out_plyo(fit):
            penalty += rules.penalty_plyo_too_close_points
            if rules.fit_legs_to_day:
                day = str(Weekday.of(other.at.date()))
                fit.append(
                    _too_close(RuleId.PLYO_LEFT_OUT_SPACING, min_plyo, hours, "nsca2016", day=day)
                )
            else:
                warnings.append(_too_close(RuleId.PLYO_TOO_CLOSE, min_plyo, hours, "nsca2016"))
    if not penalty:
        return NO_VERDICT
    return Verdict(penalty, tuple(warnings), tuple(fit))


def _too_close(
    rule: RuleId, min_hours: float, hours: float, cite: str = "doma2019", **more: str
) -> Reason:
    return reason(rule, cite, **more, min_hours=min_hours, hours=round(hours))
