"""Niggle check-ins: pain (0-10) during training sets the niggle's severity for the plan from
that day, by the pain-monitoring thresholds (science.md §1.2a, [silbernagel2007]):

- pain above `niggle_pain_acceptable_max` (5): severe; above `niggle_pain_safe_max` (2): moderate;
  at most 2: mild, or none where no niggle is kept.
- A worse severity applies at once (a new site too). Pain 3-5 with a severe niggle: moderate.
- Pain at most 2 steps the severity down one level (mild to none) only after check-ins at most 2
  for `niggle_step_down_days` (14), and at most one level each `niggle_step_down_every_days` (7).

Pure: the earlier check-ins of the site come in as data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from runstrong.domain.exercise import NiggleSite, Severity
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.rules import Rules

MAX_PAIN = 10
_LEVELS: tuple[Severity | None, ...] = (None, Severity.MILD, Severity.MODERATE, Severity.SEVERE)


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A check-in as kept: the day, the site, the pain and the severity before and after it
    (None: no niggle there)."""

    date: date
    site: NiggleSite
    pain: int
    before: Severity | None
    after: Severity | None


def pain_severity(pain: int, rules: Rules) -> Severity:
    """The severity the pain-monitoring thresholds give a pain (0-10)."""
    if pain > rules.niggle_pain_acceptable_max:
        return Severity.SEVERE
    if pain > rules.niggle_pain_safe_max:
        return Severity.MODERATE
    return Severity.MILD


def _rank(severity: Severity | None) -> int:
    return 0 if severity is None else severity.rank


def check_in(
    site: NiggleSite,
    pain: int,
    day: date,
    current: Severity | None,
    earlier: Sequence[CheckIn],
    rules: Rules,
) -> CheckIn:
    """The check-in of `pain` at `site` on `day`, with the severity it leaves (`after`), given
    the severity now (`current`) and the site's earlier check-ins (any order)."""
    found = pain_severity(pain, rules)
    after: Severity | None = current
    hurts = pain > rules.niggle_pain_safe_max
    if hurts and _rank(found) != _rank(current):  # moderate or severe: the thresholds decide
        after = found
    elif (
        pain <= rules.niggle_pain_safe_max
        and current is not None
        and _may_step_down(day, earlier, rules)
    ):
        after = _LEVELS[_rank(current) - 1]
    return CheckIn(day, site, pain, current, after)


def _may_step_down(day: date, earlier: Sequence[CheckIn], rules: Rules) -> bool:
    """Pain at most niggle_pain_safe_max at every check-in since one at least
    niggle_step_down_days ago, and no step down in the last niggle_step_down_every_days."""
    past = sorted((c for c in earlier if c.date <= day), key=lambda c: c.date)
    low_since: date | None = None
    for c in reversed(past):
        if c.pain > rules.niggle_pain_safe_max:
            break
        low_since = c.date
    if low_since is None or (day - low_since).days < rules.niggle_step_down_days:
        return False
    steps = [c.date for c in past if _rank(c.after) < _rank(c.before)]
    return not steps or (day - max(steps)).days >= rules.niggle_step_down_every_days


def check_in_reason(c: CheckIn, rules: Rules) -> Reason:
    """The check-in's decision as a reason: the pain, the thresholds, the severity before and
    after (`none` for no niggle)."""
    return reason(
        RuleId.NIGGLE_CHECK_IN,
        "silbernagel2007",
        site=str(c.site),
        pain=c.pain,
        before=str(c.before) if c.before else "none",
        after=str(c.after) if c.after else "none",
        safe_max=rules.niggle_pain_safe_max,
        acceptable_max=rules.niggle_pain_acceptable_max,
        step_down_days=rules.niggle_step_down_days,
    )
