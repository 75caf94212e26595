"""Classification of runs on a labelled set of synthetic runs: each of easy, long, tempo,
intervals, hills and race, with power, with pace only, with heart rate only and with nothing
but the athlete's own typical speed; the evidence each decision carries."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from runstrong.domain.activity import Activity, ActivitySource, Lap, RunKind
from runstrong.domain.messages import RuleId
from runstrong.domain.rules import Rules
from runstrong.domain.run_kind import Anchors, RunWeek, classify

START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
# threshold 300 W, 4:00/km (4.167 m/s), heart rate 50-190 (reserve 140)
ANCHORS = Anchors(threshold_power_w=300, threshold_pace_s_per_km=240, max_hr=190, resting_hr=50)
PACE_ONLY = Anchors(threshold_pace_s_per_km=240)
HR_ONLY = Anchors(max_hr=190, resting_hr=50)
NONE = Anchors()
WEEK = RunWeek(weekly_minutes=300, typical_speed_m_s=3.3)


def lap(minutes: float, speed: float, watts: float | None = None, hr: float | None = None,
        climb: float = 0.0) -> Lap:  # fmt: skip
    return Lap(minutes * 60, minutes * 60 * speed, hr, watts, climb)


def run(*laps: Lap, name: str | None = None, power: bool = True, hr: bool = True) -> Activity:
    seconds = sum(x.seconds for x in laps)
    meters = sum(x.meters or 0 for x in laps)

    def weighted(values: list[tuple[float | None, float]]) -> float | None:
        known = [(v, s) for v, s in values if v is not None]
        return sum(v * s for v, s in known) / sum(s for _, s in known) if known else None

    kept = tuple(
        Lap(x.seconds, x.meters, x.avg_hr if hr else None, x.avg_power_w if power else None,
            x.ascent_m) for x in laps
    )  # fmt: skip
    return Activity(
        start=START, seconds=seconds, sport="running", source=ActivitySource.FIT,
        source_name="test.fit", meters=meters,
        avg_hr=weighted([(x.avg_hr, x.seconds) for x in kept]),
        avg_power_w=weighted([(x.avg_power_w, x.seconds) for x in kept]),
        ascent_m=sum(x.ascent_m or 0 for x in laps), laps=kept if len(kept) > 1 else (),
        name=name,
    )  # fmt: skip


EASY = run(*[lap(9, 3.3, 215, 125, 3) for _ in range(5)])
LONG = run(*[lap(10, 3.2, 225, 135, 5) for _ in range(12)])
TEMPO = run(lap(12, 3.2, 210, 130), lap(25, 3.8, 280, 165), lap(10, 3.1, 200, 135))
INTERVALS = run(
    lap(15, 3.2, 210, 130),
    *[x for _ in range(5) for x in (lap(4, 4.5, 345, 172), lap(2, 2.6, 170, 150))],
    lap(10, 3.1, 200, 135),
)
HILLS = run(
    lap(15, 3.2, 210, 130, 10),
    *[x for _ in range(8) for x in (lap(1.5, 2.8, 340, 170, 30), lap(2, 3.0, 150, 140, 0))],
    lap(10, 3.1, 200, 135, 5),
)
RACE = run(*[lap(8.37, 4.0, 305, 175, 4) for _ in range(5)])  # 10.04 km in 41:50

LABELLED = [
    ("easy", EASY), ("long", LONG), ("tempo", TEMPO), ("intervals", INTERVALS),
    ("hills", HILLS), ("race", RACE),
]  # fmt: skip


def confusion(anchors: Anchors, **drop: bool) -> Counter[tuple[str, str]]:
    return Counter(
        (label, str(classify(run_of(r, **drop), anchors, WEEK, Rules()).kind))
        for label, r in LABELLED
    )


def run_of(r: Activity, *, power: bool = True, hr: bool = True) -> Activity:
    laps = r.laps or (Lap(r.seconds, r.meters, r.avg_hr, r.avg_power_w, r.ascent_m),)
    return run(*laps, name=r.name, power=power, hr=hr)


@pytest.mark.parametrize(
    ("anchors", "power", "hr"),
    [
        (ANCHORS, True, True),  # power against threshold power
        (PACE_ONLY, False, False),  # speed against threshold pace
        (HR_ONLY, False, True),  # heart-rate reserve
        (NONE, False, False),  # the athlete's median speed (3.3 m/s)
    ],
    ids=["power", "pace", "heart-rate", "typical-speed"],
)
def test_each_labelled_run_is_classified_as_labelled(
    anchors: Anchors, power: bool, hr: bool
) -> None:
    found = confusion(anchors, power=power, hr=hr)
    wrong = {pair: n for pair, n in found.items() if pair[0] != pair[1]}
    assert wrong == {}


def test_the_evidence_names_the_measure_and_the_numbers() -> None:
    rules = Rules()
    tempo = classify(TEMPO, ANCHORS, WEEK, rules)
    assert tempo.evidence[0].rule is RuleId.RUN_TEMPO
    assert dict(tempo.evidence[0].params) == {
        "measure": "threshold_power",
        "pct": 93,
        "minutes": 25,
    }
    race = classify(RACE, ANCHORS, WEEK, rules)
    assert [e.rule for e in race.evidence] == [RuleId.RUN_RACE, RuleId.RUN_RACE]
    assert race.evidence[0].get("km") == 10.04
    intervals = classify(INTERVALS, ANCHORS, WEEK, rules)
    assert intervals.evidence[0].get("work_laps") == 5
    long = classify(LONG, ANCHORS, WEEK, rules)
    assert dict(long.evidence[0].params) == {"minutes": 120, "week_pct": 40}
    hills = classify(HILLS, ANCHORS, WEEK, rules)
    # 10 + 8 x 30 + 5 = 255 m climbed over 15*60*3.2 + 8*(90*2.8 + 120*3.0) + 600*3.1 m
    # = 9636 m: 26.5 m/km
    assert hills.evidence[0].get("m_per_km") == 26.5


def test_the_athletes_setting_wins_and_says_so() -> None:
    found = classify(EASY, ANCHORS, WEEK, Rules(), kind_set=RunKind.TEMPO)
    assert found.kind is RunKind.TEMPO
    assert found.evidence[0].rule is RuleId.RUN_KIND_SET


def test_a_long_run_is_long_against_the_athletes_week() -> None:
    ninety = run(*[lap(10, 3.2, 225, 135) for _ in range(9)])
    assert classify(ninety, ANCHORS, RunWeek(300), Rules()).kind is RunKind.LONG  # 30 %
    assert classify(ninety, ANCHORS, RunWeek(600), Rules()).kind is RunKind.EASY  # 15 %
    assert classify(ninety, ANCHORS, RunWeek(600), Rules().override(
        {"run_long_min_week_pct": 15})).kind is RunKind.LONG  # fmt: skip


def test_a_hard_run_at_no_race_distance_is_tempo_and_one_named_a_race_is_a_race() -> None:
    eight_k = run(*[lap(8, 4.0, 305, 175) for _ in range(4)])  # 7.68 km hard
    assert classify(eight_k, ANCHORS, WEEK, Rules()).kind is RunKind.TEMPO
    named = run(*[lap(8, 4.0, 305, 175) for _ in range(4)], name="Club champs race")
    assert classify(named, ANCHORS, WEEK, Rules()).kind is RunKind.RACE


def test_a_run_with_nothing_measured_is_easy_and_says_why() -> None:
    bare = Activity(START, 1800, "running", ActivitySource.GPX, "x.gpx")
    found = classify(bare, NONE, RunWeek(), Rules())
    assert found.kind is RunKind.EASY
    assert found.evidence[0].get("measure") == "none"
