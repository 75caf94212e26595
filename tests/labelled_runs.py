"""A labelled set of synthetic runs for the classifier (domain.run_kind): easy, long, tempo,
intervals, hills and race, eight of each, drawn with a fixed seed from ranges a runner of
threshold 300 W, 4:00/km and heart rate 50-190 would run them in, lap by lap with a little
noise, and seen four ways (power, pace only, heart rate only, nothing but speed). Used by
tests/domain/test_run_kind_set.py and bench/run_kinds.py (the confusion table)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from runstrong.domain.activity import Activity, ActivitySource, Lap
from runstrong.domain.anchors import Anchors
from runstrong.domain.rules import Rules
from runstrong.domain.run_kind import RunWeek, classify

START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
THRESHOLD_W = 300.0
THRESHOLD_SPEED = 1000 / 240  # 4:00/km
SCENARIOS: dict[str, tuple[Anchors, bool, bool]] = {  # anchors, power kept, heart rate kept
    "power": (Anchors(threshold_power_w=300, threshold_pace_s_per_km=240, max_hr=190,
                      resting_hr=50), True, True),
    "pace": (Anchors(threshold_pace_s_per_km=240), False, False),
    "heart-rate": (Anchors(max_hr=190, resting_hr=50), False, True),
    "speed": (Anchors(), False, False),  # against the athlete's median speed
}  # fmt: skip
WEEK = RunWeek(weekly_minutes=300, typical_speed_m_s=3.3)
KINDS = ("easy", "long", "tempo", "intervals", "hills", "race")
PER_KIND = 8
SEED = 17
RACE_PCT = {5.0: 106.0, 10.0: 103.0, 21.0975: 98.0, 42.195: 92.0}  # km: % of threshold


def lap(minutes: float, pct: float, hr: float, climb_m: float = 0.0, noise: float = 0.0) -> Lap:
    """A lap at `pct` % of threshold (speed and power alike), `hr` bpm, `climb_m` metres up;
    `noise` a share by which its speed and power differ from the target."""
    share = pct / 100 * (1 + noise)
    seconds = minutes * 60
    return Lap(seconds, seconds * THRESHOLD_SPEED * share, hr, THRESHOLD_W * share, climb_m)


def run(*laps: Lap, power: bool = True, hr: bool = True) -> Activity:
    """A run of `laps` (time-weighted averages), with or without its power and heart rate."""
    kept = tuple(Lap(x.seconds, x.meters, x.avg_hr if hr else None,
                     x.avg_power_w if power else None, x.ascent_m) for x in laps)  # fmt: skip
    seconds = sum(x.seconds for x in kept)

    def weighted(get: Callable[[Lap], float | None]) -> float | None:
        known = [(v, x.seconds) for x in kept if (v := get(x)) is not None]
        return sum(v * s for v, s in known) / sum(s for _, s in known) if known else None

    return Activity(
        start=START, seconds=seconds, sport="running", source=ActivitySource.FIT,
        source_name="labelled.fit", meters=sum(x.meters or 0 for x in kept),
        avg_hr=weighted(lambda x: x.avg_hr), avg_power_w=weighted(lambda x: x.avg_power_w),
        ascent_m=sum(x.ascent_m or 0 for x in kept), laps=kept if len(kept) > 1 else (),
    )  # fmt: skip


def _steady(rnd: random.Random, minutes: float, pct: float, hr: float, climb: float) -> list[Lap]:
    """5-minute laps (the last shorter) at about `pct` %, each a little off."""
    laps, left = [], minutes
    while left > 0:
        m = min(5.0, left)
        laps.append(lap(m, pct, hr + rnd.uniform(-3, 3), climb * m / 5, rnd.uniform(-0.03, 0.03)))
        left -= m
    return laps


def labelled_laps(kind: str, rnd: random.Random) -> list[Lap]:
    """One run of `kind`, drawn from its ranges."""
    u = rnd.uniform
    if kind in ("easy", "long"):
        minutes = u(30, 60) if kind == "easy" else u(80, 150)
        return _steady(rnd, minutes, u(70, 80), u(120, 140), u(0, 5))
    warm = _steady(rnd, u(10, 15), u(72, 78), 130, 2)
    cool = _steady(rnd, u(8, 12), u(70, 76), 135, 2)
    if kind == "tempo":
        block = _steady(rnd, u(20, 35), u(91, 99), u(165, 172), 2)
        return [*warm, *block, *cool]
    if kind == "intervals":
        reps, hard, easy = rnd.randint(4, 8), u(2, 5), u(1.5, 3)
        work = [x for _ in range(reps) for x in (lap(hard, u(106, 120), u(170, 178)),
                                                  lap(easy, u(55, 65), u(145, 152)))]  # fmt: skip
        return [*warm, *work, *cool]
    if kind == "hills":
        reps = rnd.randint(6, 10)
        work = [x for _ in range(reps) for x in (lap(u(1.2, 2), u(62, 70), u(168, 176), u(30, 40)),
                                                  lap(2, u(60, 66), u(140, 148)))]  # fmt: skip
        return [*warm, *work, *cool]
    distance = rnd.choice(tuple(RACE_PCT))
    km, pct = distance * u(0.99, 1.01), RACE_PCT[distance]
    per_km_minutes = 1000 / (THRESHOLD_SPEED * pct / 100) / 60
    whole, part = int(km), km - int(km)
    laps = [lap(per_km_minutes, pct, u(174, 180), 3) for _ in range(whole)]
    return [*laps, lap(per_km_minutes * part, pct, 180, 0)] if part > 0.01 else laps


def labelled_set(seed: int = SEED) -> list[tuple[str, list[Lap]]]:
    """PER_KIND runs of each kind, in KINDS order."""
    rnd = random.Random(seed)
    return [(kind, labelled_laps(kind, rnd)) for kind in KINDS for _ in range(PER_KIND)]


def confusion(scenario: str, seed: int = SEED) -> Counter[tuple[str, str]]:
    """(label, kind classified) counts of the labelled set seen as `scenario`."""
    anchors, power, hr = SCENARIOS[scenario]
    rules = Rules()
    return Counter(
        (label, str(classify(run(*laps, power=power, hr=hr), anchors, WEEK, rules).kind))
        for label, laps in labelled_set(seed)
    )


def confusion_table(found: Counter[tuple[str, str]]) -> str:
    """Rows: the label; columns: the kind classified."""
    width = max(len(k) for k in KINDS) + 2
    lines = ["label \\ kind".ljust(14) + "".join(k.rjust(width) for k in KINDS)]
    for label in KINDS:
        lines.append(label.ljust(14) + "".join(str(found[(label, k)]).rjust(width)
                                               for k in KINDS))  # fmt: skip
    return "\n".join(lines)
