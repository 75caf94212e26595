"""The running layer of the heat map: where a week of running puts its load, muscle by muscle.

The unit is *minutes-weighted*: a run's minutes x the muscle's share of a minute of that kind of
running. It is shown beside the strength layer (weighted sets), never added to it.

The model is our heuristic [D] [runstrong_heuristic], drawn from docs/science.md §1.3:

- **Base shares** (`RUNNING_BASE_SHARE`) are one minute of steady, easy running spread over the
  muscles that carry it; they sum to 1. The plantarflexors dominate support (0.38 together), with
  soleus above gastrocnemius: up to about 7 m/s soleus and gastrocnemius provide most of the
  vertical support [dorn2012]. Gluteus medius is large in stance (model peak about 3.3 body
  weights at the preferred step rate) [lenhart2014], so it comes next with the quadriceps, which
  take the load at touch-down. Gluteus maximus, the hamstrings and the hip flexors share the rest.
- **Run-type multipliers** (`RUN_TYPE_MULTIPLIER`) scale a base share for faster or steeper
  running; a muscle not listed keeps 1.0. Peak forces grow with speed [cavanagh1980], and as speed
  rises the hip muscles (hip extensors, hamstrings, hip flexors) take a growing part; above about
  7 m/s they dominate [dorn2012]. So tempo and race running raise the hip muscles by 1.3 and the
  rest by 1.1; intervals raise the hamstrings and hip flexors by 1.8, gluteus maximus by 1.6 and
  the rest by 1.2. Hills add gluteus maximus (1.6) and the calves (1.4), with hamstrings and hip
  flexors 1.3 and quadriceps 1.2. Recovery runs are slower: 0.9 everywhere. Long runs keep the
  easy shares: their minutes make them count.
- Rest days contribute nothing, whatever their minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from runstrong.domain.athlete import Run, RunningWeek, RunType
from runstrong.domain.muscles import Muscle

# Share of one minute of easy running per muscle (sums to 1.0) [D], science.md §1.3.
RUNNING_BASE_SHARE: dict[Muscle, float] = {
    Muscle.SOLEUS: 0.22,
    Muscle.GASTROCNEMIUS: 0.16,
    Muscle.QUADRICEPS: 0.16,
    Muscle.GLUTEUS_MEDIUS: 0.14,
    Muscle.GLUTEUS_MAXIMUS: 0.10,
    Muscle.HAMSTRINGS_MEDIAL: 0.06,
    Muscle.HAMSTRINGS_LATERAL: 0.06,
    Muscle.HIP_FLEXORS: 0.10,
}

_HIP = (
    Muscle.GLUTEUS_MAXIMUS,
    Muscle.HAMSTRINGS_MEDIAL,
    Muscle.HAMSTRINGS_LATERAL,
    Muscle.HIP_FLEXORS,
)
_OTHERS = (Muscle.SOLEUS, Muscle.GASTROCNEMIUS, Muscle.QUADRICEPS, Muscle.GLUTEUS_MEDIUS)

# Tempo effort and race pace: hip muscles x1.3, the rest x1.1 [D].
TEMPO_HIP_MULTIPLIER = 1.3
TEMPO_OTHER_MULTIPLIER = 1.1
# Intervals: hamstrings and hip flexors x1.8, gluteus maximus x1.6, the rest x1.2 [D].
INTERVAL_HAMSTRING_HIP_FLEXOR_MULTIPLIER = 1.8
INTERVAL_GLUTEUS_MAXIMUS_MULTIPLIER = 1.6
INTERVAL_OTHER_MULTIPLIER = 1.2
# Hills: gluteus maximus x1.6, calves x1.4, hamstrings and hip flexors x1.3, quadriceps x1.2 [D].
HILL_GLUTEUS_MAXIMUS_MULTIPLIER = 1.6
HILL_CALF_MULTIPLIER = 1.4
HILL_HAMSTRING_HIP_FLEXOR_MULTIPLIER = 1.3
HILL_QUADRICEPS_MULTIPLIER = 1.2
# Recovery runs: slower than easy, lower forces everywhere [D].
RECOVERY_MULTIPLIER = 0.9

_TEMPO: dict[Muscle, float] = {
    **dict.fromkeys(_HIP, TEMPO_HIP_MULTIPLIER),
    **dict.fromkeys(_OTHERS, TEMPO_OTHER_MULTIPLIER),
}

# Multiplier of each base share by run type; a muscle not listed keeps 1.0. REST is absent.
RUN_TYPE_MULTIPLIER: dict[RunType, dict[Muscle, float]] = {
    RunType.EASY: {},
    RunType.LONG: {},
    RunType.RECOVERY: dict.fromkeys(RUNNING_BASE_SHARE, RECOVERY_MULTIPLIER),
    RunType.TEMPO: _TEMPO,
    RunType.RACE: _TEMPO,
    RunType.INTERVALS: {
        **dict.fromkeys(_OTHERS, INTERVAL_OTHER_MULTIPLIER),
        Muscle.GLUTEUS_MAXIMUS: INTERVAL_GLUTEUS_MAXIMUS_MULTIPLIER,
        Muscle.HAMSTRINGS_MEDIAL: INTERVAL_HAMSTRING_HIP_FLEXOR_MULTIPLIER,
        Muscle.HAMSTRINGS_LATERAL: INTERVAL_HAMSTRING_HIP_FLEXOR_MULTIPLIER,
        Muscle.HIP_FLEXORS: INTERVAL_HAMSTRING_HIP_FLEXOR_MULTIPLIER,
    },
    RunType.HILLS: {
        Muscle.GLUTEUS_MAXIMUS: HILL_GLUTEUS_MAXIMUS_MULTIPLIER,
        Muscle.SOLEUS: HILL_CALF_MULTIPLIER,
        Muscle.GASTROCNEMIUS: HILL_CALF_MULTIPLIER,
        Muscle.HAMSTRINGS_MEDIAL: HILL_HAMSTRING_HIP_FLEXOR_MULTIPLIER,
        Muscle.HAMSTRINGS_LATERAL: HILL_HAMSTRING_HIP_FLEXOR_MULTIPLIER,
        Muscle.HIP_FLEXORS: HILL_HAMSTRING_HIP_FLEXOR_MULTIPLIER,
        Muscle.QUADRICEPS: HILL_QUADRICEPS_MULTIPLIER,
    },
}


def share_per_minute(run_type: RunType) -> dict[Muscle, float]:
    """Minutes-weighted credit of one minute of this kind of running (empty for rest)."""
    if run_type is RunType.REST:
        return {}
    multipliers: Mapping[Muscle, float] = RUN_TYPE_MULTIPLIER[run_type]
    return {m: share * multipliers.get(m, 1.0) for m, share in RUNNING_BASE_SHARE.items()}


def run_muscle_minutes(run: Run) -> dict[Muscle, float]:
    """Minutes-weighted load of one run per muscle, in `Muscle` order; empty for rest days.

    Raises ValueError when the run has negative minutes.
    """
    if run.minutes < 0:
        raise ValueError(f"{run.day.value} {run.type.value} run: minutes must be >= 0")
    shares = share_per_minute(run.type)
    return {m: shares[m] * run.minutes for m in Muscle if m in shares and run.minutes > 0}


def running_muscle_minutes(week: RunningWeek) -> dict[Muscle, float]:
    """Minutes-weighted load of a running week per muscle, in `Muscle` order.

    Muscles no run loads are absent, so a week of rest (or no runs) gives an empty dict.
    """
    return runs_muscle_minutes(week.runs)


def runs_muscle_minutes(runs: Iterable[Run]) -> dict[Muscle, float]:
    """Minutes-weighted load of any runs per muscle, in `Muscle` order: the runs of a usual
    week, or of the dates a heat map shows (`RunningCalendar.runs_between`)."""
    totals: dict[Muscle, float] = {}
    for run in runs:
        for muscle, minutes in run_muscle_minutes(run).items():
            totals[muscle] = totals.get(muscle, 0.0) + minutes
    return {m: totals[m] for m in Muscle if m in totals}
