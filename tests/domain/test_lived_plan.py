"""domain.lived_plan: the plan as the log lived it, without a database.

The standard athlete (builders.make_athlete): strength on Monday, Tuesday, Thursday and Saturday;
easy runs Monday, Wednesday and Saturday, intervals Tuesday, tempo Thursday, the long run Sunday;
sessions at 18:00. Its plan from Monday 4 January 2027 puts A on Tuesday and B on Thursday, both
heavy on the legs in the first (base) week.
"""

from __future__ import annotations

from datetime import date

from builders import library, make_athlete, make_profile, with_rule
from runstrong.domain.engine import generate_plan
from runstrong.domain.lived_plan import Outcome, done_items, live_plan
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import LowerBodyLoad, Plan
from runstrong.domain.rules import Rules
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side

START = date(2027, 1, 4)
TUE, WED, THU, SAT = date(2027, 1, 5), date(2027, 1, 6), date(2027, 1, 7), date(2027, 1, 9)
A, B = "test-runner/2027-01-04/A", "test-runner/2027-01-04/B"
ATHLETE = make_athlete()


def plan(**rules: object) -> tuple[Plan, Rules]:
    profile = make_profile(ATHLETE, rules=Rules().override(rules) if rules else Rules())
    return generate_plan(profile, library(), start=START), profile.rules


def test_the_plan_starts_as_the_module_says() -> None:
    made, _ = plan()
    first = {s.id: (s.date, s.lower_body_load) for s in made.weeks[0].sessions}
    assert first == {A: (TUE, LowerBodyLoad.HEAVY), B: (THU, LowerBodyLoad.HEAVY)}


def test_nothing_logged_is_the_plan_itself() -> None:
    made, rules = plan()
    lived = live_plan(made, ATHLETE, rules, library(), [])
    assert lived.plan == made == lived.shown
    assert {o.outcome for o in lived.outcomes.values()} == {Outcome.PLANNED}


def test_a_missed_heavy_session_takes_the_day_another_left_and_the_other_is_dropped() -> None:
    made, rules = plan()
    logs = [
        SessionLog(TUE, A, LogStatus.SKIPPED),
        SessionLog(THU, B, LogStatus.MOVED, moved_to=SAT),  # the day before the long run
    ]
    lived = live_plan(made, ATHLETE, rules, library(), logs)
    week = lived.plan.weeks[0]
    assert [(s.id, s.date) for s in week.sessions] == [(A, THU)]
    assert with_rule(week.sessions[0].reasons, RuleId.MISSED_MOVED, to_date=THU.isoformat())
    assert with_rule(week.notes, RuleId.MISSED_DROPPED, from_date=THU.isoformat(), why="moved")
    assert (lived.outcomes[B].outcome, lived.outcomes[B].on) == (Outcome.DROPPED, None)
    # shown beside the log, the dropped session is back on its planned day
    assert [(s.id, s.date) for s in lived.shown.weeks[0].sessions] == [(A, THU), (B, THU)]
    # the weeks after are as planned
    assert lived.plan.weeks[1:] == made.weeks[1:]


def test_a_move_to_a_day_that_would_make_heavy_legs_moderate_is_refused() -> None:
    made, rules = plan()
    # Wednesday (the athlete's choice, not a strength day) is the day before Thursday's tempo
    # run; Thursday holds B; Saturday is the day before the long run: A has no day.
    logs = [SessionLog(TUE, A, LogStatus.MOVED, moved_to=WED)]
    lived = live_plan(made, ATHLETE, rules, library(), logs)
    assert lived.outcomes[A].outcome is Outcome.DROPPED
    # B moved to the Monday after: outside its week; Saturday cannot hold it: dropped
    logs = [SessionLog(THU, B, LogStatus.MOVED, moved_to=date(2027, 1, 11))]
    found = live_plan(made, ATHLETE, rules, library(), logs).outcomes[B]
    assert found.outcome is Outcome.DROPPED


def test_a_move_to_a_day_that_holds_the_session_is_kept_even_off_the_strength_days() -> None:
    made, rules = plan()
    deload = made.weeks[3]  # every 4th week: the running recovery week, a deload
    assert deload.deload
    a4 = next(s for s in deload.sessions if s.id.endswith("/A"))
    assert (a4.date, a4.lower_body_load) == (date(2027, 1, 26), LowerBodyLoad.MODERATE)
    wednesday = date(2027, 1, 27)  # moderate legs may go the day before the tempo run
    logs = [SessionLog(a4.date, a4.id, LogStatus.MOVED, moved_to=wednesday)]
    lived = live_plan(made, ATHLETE, rules, library(), logs)
    assert (lived.outcomes[a4.id].outcome, lived.outcomes[a4.id].on) == (Outcome.MOVED, wednesday)
    moved = next(s for s in lived.plan.weeks[3].sessions if s.id == a4.id)
    assert (moved.date, str(moved.weekday)) == (wednesday, "wed")
    assert moved.exercises == a4.exercises  # the same session, on another day


def test_with_move_missed_sessions_off_every_missed_session_is_dropped() -> None:
    made, rules = plan(move_missed_sessions=False)
    logs = [SessionLog(TUE, A, LogStatus.SKIPPED), SessionLog(THU, B, LogStatus.SKIPPED)]
    lived = live_plan(made, ATHLETE, rules, library(), logs)
    assert lived.plan.weeks[0].sessions == ()
    assert len(with_rule(lived.plan.weeks[0].notes, RuleId.MISSED_DROPPED, why="skipped")) == 2


def test_a_session_done_on_another_day_is_there_with_its_sets() -> None:
    made, rules = plan()
    sets = (SetLog("push_up", reps=12, rir=2),)
    logs = [
        SessionLog(TUE, A, LogStatus.MOVED, moved_to=WED),
        SessionLog(WED, A, LogStatus.DONE, sets),  # done the day before heavy B on Thursday
    ]
    lived = live_plan(made, ATHLETE, rules, library(), logs)
    assert lived.outcomes[A].outcome is Outcome.DONE
    assert lived.outcomes[A].done == logs[1]
    # B, heavy, the day after heavy legs done, moves on or is dropped: Saturday is the day
    # before the long run, so it is dropped, and the note says why
    assert lived.outcomes[B].outcome is Outcome.DROPPED
    assert with_rule(lived.plan.weeks[0].notes, RuleId.MISSED_DROPPED, why="heavy_beside")


def test_done_items_count_a_set_of_one_side_as_half_a_per_side_set() -> None:
    made, rules = plan()
    sets = (
        SetLog("bulgarian_split_squat", Side.LEFT, reps=8, kg=20, rir=2),
        SetLog("bulgarian_split_squat", Side.RIGHT, reps=8, kg=20, rir=2),
        SetLog("push_up", reps=12, rir=2),
        SetLog("my_own_lift", reps=5),  # not in the library: left out
    )
    lived = live_plan(made, ATHLETE, rules, library(), [SessionLog(TUE, A, LogStatus.DONE, sets)])
    items = done_items(made.weeks[0].sessions, lived.outcomes, library())
    assert [(x.slug, n) for x, n in items] == [
        ("bulgarian_split_squat", 0.5), ("bulgarian_split_squat", 0.5), ("push_up", 1.0),
    ]  # fmt: skip
