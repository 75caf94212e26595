"""The running calendar: dated running weeks and strength-day exceptions, read by date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from builders import library, make_athlete, make_profile, make_race, standard_week, with_rule
from runstrong.domain.athlete import (
    Athlete,
    Run,
    RunningOverride,
    RunType,
    StrengthException,
    Weekday,
)
from runstrong.domain.engine import generate_plan
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Plan, Session
from runstrong.domain.running_calendar import RunningCalendar, change_note

W = Weekday
START = date(2026, 12, 7)  # a Monday
TRAVEL_MONDAY = date(2027, 1, 11)  # week 6
TRAVEL_SUNDAY = TRAVEL_MONDAY + timedelta(days=6)
TRAVEL_RUNS = (Run(W.TUE, RunType.EASY, 30, time(7)), Run(W.THU, RunType.EASY, 30, time(7)))


def with_changes(
    athlete: Athlete,
    overrides: tuple[RunningOverride, ...] = (),
    exceptions: tuple[StrengthException, ...] = (),
) -> Athlete:
    return replace(
        athlete,
        running=athlete.running._replace(overrides=overrides),
        availability=athlete.availability._replace(exceptions=exceptions),
    )


def plan_of(athlete: Athlete, weeks: int = 10) -> Plan:
    return generate_plan(make_profile(athlete), library(), start=START, weeks=weeks)


def in_span(session: Session, first: date, last: date) -> bool:
    return first <= session.date <= last


def travel_week(label: str = "Travel") -> RunningOverride:
    return RunningOverride(TRAVEL_MONDAY, TRAVEL_SUNDAY, TRAVEL_RUNS, label)


# The calendar itself ------------------------------------------------------------------------


def test_a_date_inside_an_override_has_the_overrides_runs_and_outside_the_usual_ones() -> None:
    calendar = RunningCalendar(standard_week().runs, (W.MON,), (travel_week(),))
    tuesday = TRAVEL_MONDAY + timedelta(days=1)
    assert calendar.runs_on(tuesday) == (TRAVEL_RUNS[0],)
    assert calendar.runs_on(TRAVEL_SUNDAY) == ()  # no long run that Sunday
    usual_sunday = TRAVEL_SUNDAY + timedelta(days=7)
    assert [r.type for r in calendar.runs_on(usual_sunday)] == [RunType.LONG]
    assert [r.type for r in calendar.runs_on(tuesday - timedelta(days=7))] == [RunType.INTERVALS]


def test_an_override_without_runs_means_no_running_and_a_rest_is_no_run() -> None:
    rest = Run(W.WED, RunType.REST, 30)
    calendar = RunningCalendar(
        (rest,), (W.MON,), (RunningOverride(TRAVEL_MONDAY, TRAVEL_SUNDAY, ()),)
    )
    assert calendar.runs_between(TRAVEL_MONDAY - timedelta(days=7), TRAVEL_SUNDAY) == ()


def test_an_exception_allows_only_its_days_and_an_empty_one_none() -> None:
    only_saturday = StrengthException(TRAVEL_MONDAY, TRAVEL_SUNDAY, (W.SAT,))
    calendar = RunningCalendar((), (W.MON, W.THU), exceptions=(only_saturday,))
    week = [TRAVEL_MONDAY + timedelta(days=i) for i in range(7)]
    assert [d for d in week if calendar.allows_strength(d)] == [date(2027, 1, 16)]
    before = [d - timedelta(days=7) for d in week]
    assert [d.weekday() for d in before if calendar.allows_strength(d)] == [0, 3]
    none = RunningCalendar((), (W.MON,), exceptions=(StrengthException(week[0], week[0], ()),))
    assert not none.allows_strength(week[0])


def test_the_usual_weeks_share_one_signature_and_a_changed_week_has_its_own() -> None:
    calendar = RunningCalendar(standard_week().runs, (W.MON,), (travel_week(),))
    first_monday = TRAVEL_MONDAY - timedelta(weeks=3)
    assert calendar.signature(first_monday, first_monday + timedelta(days=8)) == ()
    changed = calendar.signature(TRAVEL_MONDAY, TRAVEL_MONDAY + timedelta(days=8))
    assert len(changed) == 9
    assert changed[6] == ((), False)  # the Sunday: no long run, no strength day
    # the week before reads the override's Monday ahead of it: not a usual week either
    assert calendar.signature(TRAVEL_MONDAY - timedelta(days=7), TRAVEL_MONDAY) != ()


def change(
    kind: str, first: date, last: date, label: str = "", days: tuple[str, ...] = ()
) -> Reason:
    return reason(
        RuleId.DATED_CHANGE,
        kind=kind,
        first_date=first.isoformat(),
        last_date=last.isoformat(),
        label=label,
        days=days,
    )


def test_each_change_is_noted_with_its_label_dates_and_effect() -> None:
    assert change_note(travel_week("Work trip")) == change(
        "running", TRAVEL_MONDAY, TRAVEL_SUNDAY, "Work trip"
    )
    assert change_note(RunningOverride(TRAVEL_MONDAY, TRAVEL_MONDAY, ())) == change(
        "no_running", TRAVEL_MONDAY, TRAVEL_MONDAY
    )
    assert change_note(StrengthException(TRAVEL_MONDAY, TRAVEL_SUNDAY, (W.SAT, W.TUE))) == change(
        "strength_only", TRAVEL_MONDAY, TRAVEL_SUNDAY, days=("tue", "sat")
    )
    assert change_note(StrengthException(TRAVEL_MONDAY, TRAVEL_SUNDAY, (), "Holiday")) == change(
        "no_strength", TRAVEL_MONDAY, TRAVEL_SUNDAY, "Holiday"
    )


# The engine reads it by date ----------------------------------------------------------------


def test_an_override_changes_only_the_dates_it_covers() -> None:
    athlete = make_athlete(strength_days=("wed", "sat"))
    usual = plan_of(athlete)
    changed = plan_of(with_changes(athlete, overrides=(travel_week(),)))
    outside = [s for s in usual.sessions if not in_span(s, TRAVEL_MONDAY, TRAVEL_SUNDAY)]
    assert [s for s in changed.sessions if not in_span(s, TRAVEL_MONDAY, TRAVEL_SUNDAY)] == outside
    assert [w.notes for w in changed.weeks if w.start != TRAVEL_MONDAY] == [
        w.notes for w in usual.weeks if w.start != TRAVEL_MONDAY
    ]


def test_a_travel_week_without_a_long_run_frees_the_day_before_it() -> None:
    """Usually Wednesday comes before Thursday's tempo run and Saturday before Sunday's long
    run: a heavy session there is made moderate for the day, and says so. The travel week has
    neither key run, so its sessions need no change (and the weeks around keep theirs)."""
    athlete = make_athlete(strength_days=("wed", "sat"))
    plan = plan_of(with_changes(athlete, overrides=(travel_week(),)))
    travel = next(w for w in plan.weeks if w.start == TRAVEL_MONDAY)
    assert [s.weekday for s in travel.sessions] == [W.WED, W.SAT]
    for s in travel.sessions:
        assert s.warnings == ()
        assert with_rule(s.reasons, RuleId.NO_KEY_RUN_NEAR)
    for week in (plan.weeks[4], plan.weeks[6]):  # the weeks before and after
        saturday = next(s for s in week.sessions if s.weekday is W.SAT)
        assert with_rule(saturday.reasons, RuleId.LEGS_MODERATED_KEY_RUN, run="sun:long")
        assert not saturday.warnings


def test_an_override_that_moves_the_long_run_moves_the_day_kept_free() -> None:
    """Strength on Wednesday, Friday or Saturday; usually the long run is on Sunday and Friday
    suits heavy legs. In one week the long run is on Saturday: that week heavy legs keep off
    Friday and follow the long run instead, and the weeks around keep Friday."""
    runs = (
        Run(W.TUE, RunType.INTERVALS, 60, time(7)),
        Run(W.THU, RunType.EASY, 45, time(7)),
        Run(W.SAT, RunType.LONG, 120, time(8)),
    )
    moved = RunningOverride(TRAVEL_MONDAY, TRAVEL_SUNDAY, runs, "Race rehearsal")
    athlete = make_athlete(strength_days=("wed", "fri", "sat"))
    plan = plan_of(with_changes(athlete, overrides=(moved,)))
    travel = next(w for w in plan.weeks if w.start == TRAVEL_MONDAY)
    assert [s.weekday for s in travel.sessions] == [W.WED, W.SAT]
    saturday = travel.sessions[1]
    assert saturday.warnings == ()
    assert with_rule(saturday.reasons, RuleId.HARD_DAYS_HARD)
    for week in (plan.weeks[4], plan.weeks[6]):  # the weeks before and after
        assert [s.weekday for s in week.sessions] == [W.WED, W.FRI]


def test_an_override_that_repeats_the_usual_week_changes_nothing_but_the_note() -> None:
    athlete = make_athlete()
    same = RunningOverride(TRAVEL_MONDAY, TRAVEL_SUNDAY, standard_week().runs, "Home")
    usual, changed = plan_of(athlete), plan_of(with_changes(athlete, overrides=(same,)))
    assert changed.sessions == usual.sessions
    travel = next(w for w in changed.weeks if w.start == TRAVEL_MONDAY)
    assert travel.notes[0].rule is RuleId.DATED_CHANGE
    assert travel.notes[0].get("label") == "Home"
    assert travel.notes[0].get("kind") == "running"
    assert travel.notes[0].get("first_date") == "2027-01-11"


def test_dated_changes_outside_the_plan_change_nothing() -> None:
    """Read by date (a calendar with changes) or by weekday (the usual week only), the plan is
    the same where no change covers its dates."""
    athlete = make_athlete(races=(make_race(date(2027, 3, 7), "B", "10k"),))
    long_ago = date(2020, 1, 6)
    dated = with_changes(
        athlete,
        (RunningOverride(long_ago, long_ago + timedelta(days=6), ()),),
        (StrengthException(long_ago, long_ago, ()),),
    )
    assert plan_of(dated, weeks=16) == plan_of(athlete, weeks=16)


def test_no_strength_dates_stay_empty_and_the_week_uses_the_days_left() -> None:
    """Thursday to Sunday off: the week's two sessions go on Monday and Tuesday."""
    athlete = make_athlete(strength_days=("mon", "tue", "thu", "sat"))
    off = StrengthException(TRAVEL_MONDAY + timedelta(days=3), TRAVEL_SUNDAY, (), "Away")
    plan = plan_of(with_changes(athlete, exceptions=(off,)))
    assert not [s for s in plan.sessions if in_span(s, off.first, off.last)]
    week = next(w for w in plan.weeks if w.start == TRAVEL_MONDAY)
    assert [s.weekday for s in week.sessions] == [W.MON, W.TUE]
    assert change("no_strength", date(2027, 1, 14), date(2027, 1, 17), "Away") in week.notes


def test_a_week_with_too_few_strength_days_left_drops_a_session_and_says_why() -> None:
    athlete = make_athlete(strength_days=("mon", "tue", "thu", "sat"))
    off = StrengthException(TRAVEL_MONDAY + timedelta(days=1), TRAVEL_SUNDAY, ())
    plan = plan_of(with_changes(athlete, exceptions=(off,)))
    week = next(w for w in plan.weeks if w.start == TRAVEL_MONDAY)
    assert [s.weekday for s in week.sessions] == [W.MON]
    assert with_rule(week.notes, RuleId.SESSIONS_EXCEPTION, count=1, planned=2)


def test_a_week_with_no_strength_at_all_has_no_session_and_says_why() -> None:
    off = StrengthException(TRAVEL_MONDAY, TRAVEL_SUNDAY, (), "Holiday")
    plan = plan_of(with_changes(make_athlete(), exceptions=(off,)))
    week = next(w for w in plan.weeks if w.start == TRAVEL_MONDAY)
    assert week.sessions == ()
    assert week.notes[:2] == (
        change("no_strength", TRAVEL_MONDAY, TRAVEL_SUNDAY, "Holiday"),
        reason(RuleId.NO_STRENGTH_DAY_EXCEPTION),
    )


def test_only_saturday_puts_the_session_on_saturday() -> None:
    athlete = make_athlete(strength_days=("mon", "tue", "thu"), sessions_per_week=1)
    only = StrengthException(TRAVEL_MONDAY, TRAVEL_SUNDAY, (W.SAT,), "Hotel gym")
    plan = plan_of(with_changes(athlete, exceptions=(only,)))
    week = next(w for w in plan.weeks if w.start == TRAVEL_MONDAY)
    assert [s.date for s in week.sessions] == [date(2027, 1, 16)]
    others = [s for s in plan.sessions if not in_span(s, TRAVEL_MONDAY, TRAVEL_SUNDAY)]
    assert {s.weekday for s in others} <= {W.MON, W.TUE, W.THU}


def test_the_engine_takes_a_calendar_other_than_the_profiles() -> None:
    """The calendar is a value the engine is given (imported activities will feed one):
    given one with a week off, the plan follows it, not the profile."""
    athlete = make_athlete()
    off = StrengthException(TRAVEL_MONDAY, TRAVEL_SUNDAY, ())
    calendar = RunningCalendar.of(athlete)._replace(exceptions=(off,))
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=8, calendar=calendar)
    assert not [s for s in plan.sessions if in_span(s, TRAVEL_MONDAY, TRAVEL_SUNDAY)]
    assert [s for s in plan_of(athlete, 8).sessions if in_span(s, TRAVEL_MONDAY, TRAVEL_SUNDAY)]


# A property: no session on a date an exception forbids ---------------------------------------

DAYS = list(Weekday)


@st.composite
def changes(draw: st.DrawFn) -> tuple[tuple[RunningOverride, ...], tuple[StrengthException, ...]]:
    """Non-overlapping spans of 1-20 days in the plan's first 16 weeks, one list of each."""

    def spans() -> list[tuple[date, date]]:
        offsets = sorted(draw(st.lists(st.integers(0, 110), max_size=4, unique=True)))
        out: list[tuple[date, date]] = []
        for a, b in zip(offsets, [*offsets[1:], 112], strict=False):
            length = draw(st.integers(1, min(20, b - a)))
            out.append((START + timedelta(days=a), START + timedelta(days=a + length - 1)))
        return out

    overrides = tuple(
        RunningOverride(
            first,
            last,
            tuple(
                Run(day, draw(st.sampled_from(list(RunType))), 40, time(7))
                for day in draw(st.lists(st.sampled_from(DAYS), max_size=4, unique=True))
            ),
        )
        for first, last in spans()
    )
    exceptions = tuple(
        StrengthException(
            first, last, tuple(draw(st.lists(st.sampled_from(DAYS), max_size=3, unique=True)))
        )
        for first, last in spans()
    )
    return overrides, exceptions


@given(
    changes(),
    st.lists(st.sampled_from([d.value for d in DAYS]), min_size=1, max_size=4, unique=True),
)
def test_no_session_is_ever_placed_on_a_date_the_calendar_forbids(
    dated: tuple[tuple[RunningOverride, ...], tuple[StrengthException, ...]],
    strength_days: list[str],
) -> None:
    overrides, exceptions = dated
    athlete = with_changes(make_athlete(strength_days=tuple(strength_days)), overrides, exceptions)
    calendar = RunningCalendar.of(athlete)
    plan = plan_of(athlete, weeks=16)
    for s in plan.sessions:
        assert calendar.allows_strength(s.date), (s.date, exceptions)
        if calendar.exception_on(s.date) is None:
            assert s.weekday.value in strength_days
