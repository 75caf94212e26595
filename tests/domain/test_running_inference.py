"""The running week imported runs imply (domain.running_inference): each rule on a scripted
month of runs, the numbers worked out by hand."""

from __future__ import annotations

from datetime import date, time, timedelta

from runstrong.domain.activity import RunKind
from runstrong.domain.athlete import Run, RunType, Weekday
from runstrong.domain.messages import RuleId
from runstrong.domain.rules import Rules
from runstrong.domain.running_inference import (
    SeenRun,
    applied_week,
    infer_week,
    week_changes,
)

MONDAYS = [date(2026, 11, 2) + timedelta(weeks=w) for w in range(4)]
E, L, T, IV, RACE = RunKind.EASY, RunKind.LONG, RunKind.TEMPO, RunKind.INTERVALS, RunKind.RACE
USUAL = (
    Run(Weekday.MON, RunType.RECOVERY, 30, time(7)),
    Run(Weekday.TUE, RunType.INTERVALS, 60, time(7)),
    Run(Weekday.THU, RunType.TEMPO, 50, time(7)),
    Run(Weekday.SUN, RunType.LONG, 120, time(8)),
    Run(Weekday.SUN, RunType.EASY, 20, time(18)),
)


def month(weeks: list[dict[int, tuple[RunKind, float, time]]]) -> list[SeenRun]:
    """Runs by week and weekday number: (kind, minutes, local start)."""
    runs = []
    for w, days in enumerate(weeks):
        for weekday, (kind, minutes, start) in days.items():
            day = MONDAYS[w] + timedelta(days=weekday)
            runs.append(SeenRun(len(runs) + 1, day, start, minutes, kind))
    return runs


AM, PM = time(6, 50), time(7, 10)
TYPICAL = {0: (E, 31, AM), 2: (IV, 55, PM), 3: (T, 48, AM), 6: (E, 115, time(8))}


def test_a_weekdays_kind_is_the_kind_seen_in_half_the_weeks_and_minutes_their_median() -> None:
    runs = month([
        TYPICAL,
        {**TYPICAL, 2: (IV, 60, AM)},
        {**TYPICAL, 1: (IV, 58, AM), 2: (E, 40, AM)},  # intervals on Tuesday once
        {**TYPICAL, 4: (E, 30, AM)},  # a Friday run once
    ])  # fmt: skip
    week = infer_week(runs, MONDAYS, USUAL, Rules())
    by_day = {d.weekday: d for d in week.days}
    wed = by_day[Weekday.WED]
    # minutes 55, 60, 55; starts 07:10, 06:50, 07:10: the median 07:10 to 15 minutes
    assert (wed.type, wed.minutes, wed.start) == (RunType.INTERVALS, 55, time(7, 15))
    assert wed.reason.rule is RuleId.INFER_RUN_DAY
    assert wed.reason.get("count") == 3
    assert [r.day for r in wed.evidence] == [date(2026, 11, 4), date(2026, 11, 11),
                                             date(2026, 11, 25)]  # fmt: skip
    assert by_day[Weekday.TUE].type is RunType.REST  # 1 of 4 weeks
    assert by_day[Weekday.FRI].type is RunType.REST
    assert by_day[Weekday.THU].type is RunType.TEMPO
    assert (by_day[Weekday.SUN].type, by_day[Weekday.SUN].minutes) == (RunType.LONG, 115)
    # the profile's Monday recovery run stays recovery: the runs cannot tell it from easy
    assert by_day[Weekday.MON].type is RunType.RECOVERY
    assert by_day[Weekday.MON].minutes == 30  # 31 to 5 minutes
    assert week.weeks == tuple(MONDAYS)


def test_the_long_run_is_the_weeks_longest_when_it_is_long_enough() -> None:
    # Sunday 90 min against a median of 45: long, though not classified long; a run classified
    # long that is not the week's longest counts as easy
    weeks = [{0: (E, 40, AM), 2: (L, 80, AM), 4: (E, 45, AM), 6: (E, 90, AM)}] * 2
    by_day = {d.weekday: d for d in infer_week(month(weeks), MONDAYS[:2], (), Rules()).days}
    assert by_day[Weekday.SUN].type is RunType.LONG
    assert by_day[Weekday.WED].type is RunType.EASY
    # a week of even runs has no long run: 50 is under 130 % of the median 45
    even = [{0: (E, 40, AM), 2: (E, 45, AM), 4: (E, 50, AM)}] * 2
    assert RunType.LONG not in {
        d.type for d in infer_week(month(even), MONDAYS[:2], (), Rules()).days
    }


def test_a_weekday_run_on_most_weeks_in_no_one_kind_is_easy_and_a_race_is_no_usual_kind() -> None:
    weeks = [{5: (T, 40, AM)}, {5: (RACE, 25, AM)}, {5: (E, 40, AM)}, {5: (IV, 50, AM)}]
    sat = infer_week(month(weeks), MONDAYS, (), Rules()).days[5]
    assert (sat.type, sat.reason.rule) == (RunType.EASY, RuleId.INFER_MIXED_DAY)
    assert sat.reason.get("count") == 4


def test_weeks_without_runs_are_left_out_not_read_as_rest() -> None:
    weeks = [{1: (IV, 60, AM)}, {}, {1: (IV, 60, AM)}, {}]
    week = infer_week(month(weeks), MONDAYS, (), Rules())
    assert week.left_out == (MONDAYS[1], MONDAYS[3])
    assert week.days[1].type is RunType.INTERVALS  # 2 of the 2 weeks read


def test_the_share_of_weeks_is_a_rule() -> None:
    weeks = [{1: (IV, 60, AM)}, {1: (IV, 60, AM)}, {0: (E, 30, AM)}, {0: (E, 30, AM)}]
    assert infer_week(month(weeks), MONDAYS, (), Rules()).days[1].type is RunType.INTERVALS
    strict = Rules(infer_min_week_share_pct=75)
    assert infer_week(month(weeks), MONDAYS, (), strict).days[1].type is RunType.REST


def test_one_long_run_a_week() -> None:
    weeks = [{5: (E, 100, AM), 6: (E, 40, AM)}, {5: (E, 40, AM), 6: (E, 100, AM)},
             {5: (E, 100, AM), 6: (E, 40, AM)}, {5: (E, 40, AM), 6: (E, 100, AM)}]  # fmt: skip
    days = infer_week(month(weeks), MONDAYS, (), Rules()).days
    # each weekday long in 2 of 4 weeks, both 100 minutes: one stays long, the other is easy
    assert sorted(d.type for d in days[5:]) == [RunType.EASY, RunType.LONG]
    easy = next(d for d in days[5:] if d.type is RunType.EASY)
    assert easy.reason.rule is RuleId.INFER_ONE_LONG_RUN


def test_the_changes_name_each_weekday_that_differs_and_applying_keeps_the_rest() -> None:
    weeks = [{**TYPICAL, 3: (T, 48, time(18)), 6: (E, 100, time(8))}] * 4
    week = infer_week(month(weeks), MONDAYS, USUAL, Rules())
    changes = week_changes(USUAL, week, Rules())
    # Monday 31 min at 06:50 and Thursday's 48 minutes are within 10 % and an hour: no change
    assert [(str(c.weekday), c.before and c.before.type, c.after and c.after.type)
            for c in changes] == [
        ("tue", RunType.INTERVALS, None),
        ("wed", None, RunType.INTERVALS),
        ("thu", RunType.TEMPO, RunType.TEMPO),  # 07:00 -> 18:00
        ("sun", RunType.LONG, RunType.LONG),  # 120 -> 100 min: 17 % less
    ]  # fmt: skip
    applied = applied_week(USUAL, changes)
    assert [(str(r.day), str(r.type), r.minutes, f"{r.time:%H:%M}") for r in applied] == [
        ("mon", "recovery", 30, "07:00"), ("wed", "intervals", 55, "07:15"),
        ("thu", "tempo", 50, "18:00"), ("sun", "long", 100, "08:00"),
        ("sun", "easy", 20, "18:00"),
    ]  # fmt: skip
