"""Plan against done, week by week: strength sessions and sets planned and logged, runs and
minutes planned (the profile's running calendar) and recorded (imported runs), and how much of
the plan was done.

How much is our own measure [D] [runstrong_heuristic] (docs/science.md §4.2):
- strength by sets (a session done with fewer sets is partly done; a set of one side is half a
  set, as the heat map counts it), running by minutes;
- each as a share of what was planned, in %: more than planned shows more than 100 %;
- the week's compliance: the mean of the two shares that have a plan, each counted up to
  100 % (`COMPLIANCE_CAP_PCT`), so that extra running does not make up for missed lifting.
Days after `last_day` (today) count neither planned nor done: a week under way is compared up to
today. Pure: plain dated amounts in, the weeks out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from runstrong.domain.plan import Session
from runstrong.domain.training_log import SessionLog, Side

DAYS_A_WEEK = 7
PERCENT = 100.0
COMPLIANCE_CAP_PCT = 100.0  # a share above the plan counts as the whole plan in the mean [D]


@dataclass(frozen=True, slots=True)
class Dated:
    """One session or run on its day and its amount: sets of a strength session, minutes of a
    run."""

    day: date
    amount: float


@dataclass(frozen=True, slots=True)
class WeekCompliance:
    """A Monday-to-Sunday week, planned against done, up to `until` (its Sunday, or today in a
    week under way). A share is None when nothing of it was planned."""

    monday: date
    until: date
    planned_sessions: int
    done_sessions: int
    planned_sets: float
    done_sets: float
    planned_runs: int
    done_runs: int
    planned_minutes: float
    done_minutes: float

    @property
    def strength_pct(self) -> float | None:
        return share(self.done_sets, self.planned_sets)

    @property
    def running_pct(self) -> float | None:
        return share(self.done_minutes, self.planned_minutes)

    @property
    def compliance_pct(self) -> float | None:
        """The mean of the strength and running shares that have a plan, each capped."""
        found = [min(COMPLIANCE_CAP_PCT, x) for x in (self.strength_pct, self.running_pct)
                 if x is not None]  # fmt: skip
        return sum(found) / len(found) if found else None


def share(done: float, planned: float) -> float | None:
    """`done` as a percentage of `planned`; None when nothing was planned."""
    return None if planned <= 0 else PERCENT * done / planned


def weekly_compliance(
    planned_sessions: Sequence[Dated],
    done_sessions: Sequence[Dated],
    planned_runs: Sequence[Dated],
    done_runs: Sequence[Dated],
    first_monday: date,
    last_day: date,
) -> list[WeekCompliance]:
    """The weeks from `first_monday` to the week of `last_day`, each with what was planned and
    done on its days up to `last_day` (sessions in sets, runs in minutes)."""
    weeks: list[WeekCompliance] = []
    monday = first_monday
    while monday <= last_day:
        until = min(monday + timedelta(days=DAYS_A_WEEK - 1), last_day)
        ps = _amounts(planned_sessions, monday, until)
        ds = _amounts(done_sessions, monday, until)
        pr = _amounts(planned_runs, monday, until)
        dr = _amounts(done_runs, monday, until)
        weeks.append(WeekCompliance(
            monday=monday, until=until, planned_sessions=len(ps), done_sessions=len(ds),
            planned_sets=sum(ps), done_sets=sum(ds), planned_runs=len(pr), done_runs=len(dr),
            planned_minutes=sum(pr), done_minutes=sum(dr),
        ))  # fmt: skip
        monday += timedelta(days=DAYS_A_WEEK)
    return weeks


def _amounts(items: Sequence[Dated], first: date, last: date) -> list[float]:
    return [x.amount for x in items if first <= x.day <= last]


def planned_sets(session: Session) -> int:
    """The sets a session plans (a per-side exercise's sets count once: both sides are a set)."""
    return sum(p.sets for p in session.exercises)


def logged_sets(log: SessionLog) -> float:
    """The sets a log holds, a set of one side counted as half a set."""
    return sum(1.0 if s.side is Side.BOTH else 0.5 for s in log.sets)
