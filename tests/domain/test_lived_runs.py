"""Imported runs in the plan as lived (domain.lived_runs, domain.lived_plan), on a scripted
week of the standard athlete (builders.make_athlete): easy runs Monday, Wednesday and Saturday,
intervals Tuesday, tempo Thursday, the long run Sunday, all in the morning; strength A on Tuesday
and B on Thursday at 18:00, both heavy on the legs in the first week (from Monday 4 January
2027)."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import library, make_athlete, make_profile, with_rule
from runstrong.domain.athlete import Athlete, Run, RunType, Weekday
from runstrong.domain.engine import generate_plan
from runstrong.domain.lived_plan import Outcome, live_plan
from runstrong.domain.lived_runs import DoneRun, lived_runs
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import LowerBodyLoad, Plan
from runstrong.domain.rules import Rules
from runstrong.domain.running_calendar import RunningCalendar

START = date(2027, 1, 4)
MON, TUE, WED, THU, FRI = (START + timedelta(days=i) for i in range(5))
A, B, W = (f"test-runner/2027-01-04/{x}" for x in "ABW")


def ran(day: date, kind: RunType, minutes: int = 45, n: int = 1) -> DoneRun:
    return DoneRun(day, Run(Weekday.of(day), kind, minutes, time(7)), f"run {n}")


def made(athlete: Athlete, **rules: object) -> tuple[Plan, Rules]:
    profile = make_profile(athlete, rules=Rules().override(rules) if rules else Rules())
    return generate_plan(profile, library(), start=START), profile.rules


def lived(athlete: Athlete, runs: list[DoneRun], **rules: object) -> tuple[Plan, Plan]:
    plan, found = made(athlete, **rules)
    calendar = lived_runs(RunningCalendar.of(athlete), runs, found)
    return plan, live_plan(plan, athlete, found, library(), [], calendar).plan


def test_runs_replace_the_running_week_for_the_days_they_cover() -> None:
    athlete = make_athlete()
    runs = [ran(MON, RunType.EASY), ran(TUE, RunType.EASY, 40, 2)]
    found = lived_runs(RunningCalendar.of(athlete), runs, Rules())
    calendar = found.calendar
    assert found.through == TUE
    assert [r.type for r in calendar.runs_on(TUE)] == [RunType.EASY]  # intervals were planned
    # not run on Tuesday: the intervals are expected on Wednesday, the next day without a key run
    assert [(r.day, r.type, r.minutes) for r in calendar.runs_on(WED)] == [
        (Weekday.WED, RunType.INTERVALS, 60)
    ]
    assert [r.type for r in calendar.runs_on(THU)] == [RunType.TEMPO]  # to come: as planned
    assert [r.type for r in calendar.runs_on(TUE + timedelta(weeks=1))] == [RunType.INTERVALS]
    notes = found.notes[MON]
    assert with_rule(notes, RuleId.RUNS_AS_RUN, first_date="2027-01-04", last_date="2027-01-05",
                     runs=("run 1", "run 2"))  # fmt: skip
    assert with_rule(notes, RuleId.KEY_RUN_CARRIED, run="tue:intervals",
                     planned_date="2027-01-05", to_date="2027-01-06")  # fmt: skip
    off = lived_runs(RunningCalendar.of(athlete), [ran(TUE, RunType.EASY)],
                     Rules(carry_missed_key_runs=False))  # fmt: skip
    assert [r.type for r in off.calendar.runs_on(WED)] == [RunType.EASY]
    assert with_rule(off.notes[MON], RuleId.KEY_RUN_MISSED, run="tue:intervals")


def test_intervals_run_on_wednesday_leave_thursdays_heavy_session_where_it_was() -> None:
    # the example: intervals done Wednesday instead of Tuesday; Thursday's heavy legs
    # are now the day after them, which is fine
    plan, week = lived(make_athlete(), [ran(MON, RunType.EASY), ran(TUE, RunType.EASY),
                                        ran(WED, RunType.INTERVALS)])  # fmt: skip
    first = week.weeks[0]
    assert [(s.id, s.date, s.lower_body_load) for s in first.sessions] == [
        (A, TUE, LowerBodyLoad.HEAVY), (B, THU, LowerBodyLoad.HEAVY),
    ]  # fmt: skip
    assert with_rule(first.notes, RuleId.KEY_RUN_DONE_ELSEWHERE, run="tue:intervals",
                     planned_date="2027-01-05", done_date="2027-01-06")  # fmt: skip
    assert week.weeks[1:] == plan.weeks[1:]


def test_a_heavy_session_the_day_before_a_key_run_that_moved_is_made_moderate() -> None:
    # the intervals are not among Tuesday's runs: expected on Wednesday, so Tuesday's heavy
    # session is now the day before them; Thursday (B) and Saturday (before the long run)
    # cannot take it as planned, so it stays, moderate on the legs
    plan, week = lived(make_athlete(), [ran(MON, RunType.EASY), ran(TUE, RunType.EASY)])
    a = next(s for s in week.weeks[0].sessions if s.id == A)
    planned = next(s for s in plan.weeks[0].sessions if s.id == A)
    assert (a.date, a.lower_body_load) == (TUE, LowerBodyLoad.MODERATE)
    assert with_rule(a.reasons, RuleId.EASED_FOR_MOVED_RUN, run="wed:intervals",
                     run_date="2027-01-06")  # fmt: skip
    assert any(with_rule(p.notes, RuleId.MODERATED_DOSE) for p in a.exercises)
    assert len(a.exercises) <= len(planned.exercises)
    assert next(s for s in week.weeks[0].sessions if s.id == B) == next(
        s for s in plan.weeks[0].sessions if s.id == B
    )


def test_a_heavy_session_the_day_before_a_key_run_that_moved_moves_where_a_day_holds_it() -> None:
    # one whole-body session a week, on Tuesday or Friday: Friday (before Saturday's easy run)
    # holds it as planned
    athlete = make_athlete(strength_days=("tue", "fri"), sessions_per_week=1)
    plan, week = lived(athlete, [ran(MON, RunType.EASY), ran(TUE, RunType.EASY)])
    assert [(s.id, s.date) for s in plan.weeks[0].sessions] == [(W, TUE)]
    w = week.weeks[0].sessions[0]
    assert (w.date, w.lower_body_load) == (FRI, LowerBodyLoad.HEAVY)
    assert with_rule(w.reasons, RuleId.MISSED_MOVED, why="key_run_moved", from_date="2027-01-05",
                     to_date="2027-01-08", run_date="2027-01-06")  # fmt: skip


def test_a_key_run_done_early_frees_its_day_to_come() -> None:
    # the tempo (Thursday) run on Tuesday instead of the intervals: Thursday keeps Tuesday's
    # other runs (none), the intervals are expected on Wednesday
    athlete = make_athlete()
    found = lived_runs(RunningCalendar.of(athlete),
                       [ran(MON, RunType.EASY), ran(TUE, RunType.TEMPO)], Rules())  # fmt: skip
    assert found.calendar.runs_on(THU) == ()
    assert [r.type for r in found.calendar.runs_on(WED)] == [RunType.INTERVALS]
    assert with_rule(found.notes[MON], RuleId.KEY_RUN_DONE_ELSEWHERE, run="thu:tempo",
                     done_date="2027-01-05")  # fmt: skip


def test_no_runs_leave_the_plan_as_the_log_has_it() -> None:
    plan, week = lived(make_athlete(), [])
    assert week == plan
    outcomes = live_plan(
        plan,
        make_athlete(),
        Rules(),
        library(),
        [],
        lived_runs(RunningCalendar.of(make_athlete()), [], Rules()),
    ).outcomes
    assert {o.outcome for o in outcomes.values()} == {Outcome.PLANNED}


KINDS = [RunType.EASY, RunType.INTERVALS, RunType.TEMPO, RunType.LONG, RunType.REST]


@settings(max_examples=40)
@given(
    days=st.lists(st.sampled_from(KINDS), min_size=1, max_size=7),
    strength=st.sampled_from([("mon", "tue", "thu", "sat"), ("tue", "fri"), ("mon", "wed", "fri")]),
)
def test_no_heavy_session_to_come_is_the_day_before_a_key_run_of_the_runs_as_run(
    days: list[RunType], strength: tuple[str, ...]
) -> None:
    """Whatever the week's runs so far, a heavy session from the day of the latest run on is
    never the day before a key run, long run or race of the calendar as run."""
    athlete = make_athlete(strength_days=strength)
    runs = [ran(MON + timedelta(days=i), kind, 45, i) for i, kind in enumerate(days)
            if kind is not RunType.REST] or [ran(MON, RunType.EASY)]  # fmt: skip
    plan, rules = made(athlete)
    found = lived_runs(RunningCalendar.of(athlete), runs, rules)
    week = live_plan(plan, athlete, rules, library(), [], found).plan.weeks[0]
    assert found.through is not None
    for s in week.sessions:
        if s.date < found.through or s.lower_body_load is not LowerBodyLoad.HEAVY:
            continue
        tomorrow = found.calendar.runs_on(s.date + timedelta(days=1))
        assert not any(r.type.is_protected for r in tomorrow), (s.id, s.date, tomorrow)
