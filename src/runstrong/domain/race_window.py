"""The last days before a B race: lighter doses, whatever the session (science.md §3.1).

A B race gets a mini-taper (one heavy session early in its week, then light activation), but a
session's timing alone does not make it light: within `b_race_window_days` of a B race every set
keeps at least `b_race_min_rir` reps in reserve and stays below `b_race_max_percent_1rm` (read at
its reps + RIR, so a set by reps in reserve is held to it too), and the session's plyometrics
hold at most `b_race_max_plyo_contacts` contacts (sets cut from the last drill back, then drills
left out). One reason on the session says what changed (`RuleId.B_RACE_DOSE`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from runstrong.domain.athlete import Race, RacePriority
from runstrong.domain.drafts import Draft
from runstrong.domain.intensity import percent_1rm_for
from runstrong.domain.messages import RuleId, reason
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Prescription, Reps
from runstrong.domain.prescription import contacts_of
from runstrong.domain.rules import Rules


def b_race_dates(races: Iterable[Race]) -> tuple[date, ...]:
    return tuple(r.date for r in races if r.priority is RacePriority.B)


def days_to_b_race(day: date, b_races: tuple[date, ...], rules: Rules) -> int | None:
    """Days from `day` to the nearest of the B races on `b_races` at most `b_race_window_days`
    ahead (None: none)."""
    window = rules.b_race_window_days
    ahead = [days for race in b_races if 0 < (days := (race - day).days) <= window]
    return min(ahead, default=None)


def within_b_race_limits(p: Prescription, rules: Rules) -> Prescription:
    """`p` with at least `b_race_min_rir` in reserve and below `b_race_max_percent_1rm` (more
    in reserve until it is, up to `rir_max`); the %1RM follows. Holds and contacts unchanged."""
    dose = p.dose
    if not isinstance(dose, Reps) or dose.effort is None:
        return p
    was = dose.effort.rir
    rir = max(was, min(rules.b_race_min_rir, rules.rir_max))
    while rir < rules.rir_max and _too_heavy(dose.count, rir, rules):
        rir += 1
    if rir == was:
        return p
    if isinstance(dose.effort, ByPercent):
        percent = percent_1rm_for(dose.count, rir)
        effort: ByRir | ByPercent = ByRir(rir) if percent is None else ByPercent(percent, rir)
    else:
        effort = ByRir(rir)
    return p.revised(dose=Reps(dose.count, effort))


def _too_heavy(reps: int, rir: int, rules: Rules) -> bool:
    percent = percent_1rm_for(reps, rir)
    return percent is not None and percent >= rules.b_race_max_percent_1rm


def b_race_draft(draft: Draft, days: int, rules: Rules) -> Draft:
    """`draft` within the B-race limits, `days` before the race, with a reason saying what
    changed; `draft` itself when nothing needs to."""
    rir_raised = percent_lowered = False
    exercises = []
    for p in draft.exercises:
        kept = within_b_race_limits(p, rules)
        if kept is not p:
            rir_raised = rir_raised or _rir(p) < rules.b_race_min_rir
            percent_lowered = percent_lowered or _percent(p) >= rules.b_race_max_percent_1rm
        exercises.append(kept)
    rows = _within_contacts(
        list(zip(exercises, draft.trim_ranks, draft.coverage, strict=True)),
        rules.b_race_max_plyo_contacts,
    )
    contacts_cut = sum(contacts_of(p) for p, _, _ in rows) < draft_contacts(draft)
    if not (rir_raised or percent_lowered or contacts_cut):
        return draft
    note = reason(
        RuleId.B_RACE_DOSE,
        "runstrong_heuristic",
        days=days,
        min_rir=rules.b_race_min_rir,
        max_percent=rules.b_race_max_percent_1rm,
        max_contacts=rules.b_race_max_plyo_contacts,
        rir_raised=int(rir_raised),
        percent_lowered=int(percent_lowered),
        contacts_cut=int(contacts_cut),
    )
    return draft._replace(
        exercises=tuple(p for p, _, _ in rows),
        trim_ranks=tuple(rank for _, rank, _ in rows),
        coverage=tuple(c for _, _, c in rows),
        notes=(note, *draft.notes),
    )


def draft_contacts(draft: Draft) -> int:
    return sum(contacts_of(p) for p in draft.exercises)


def _within_contacts(
    rows: list[tuple[Prescription, int, str]], most: int
) -> list[tuple[Prescription, int, str]]:
    """The rows with their plyometric contacts cut to `most`: sets taken from the last drill
    back (not below one), then drills left out from the last back."""
    total = sum(contacts_of(p) for p, _, _ in rows)
    for i in reversed(range(len(rows))):
        p, rank, coverage = rows[i]
        if total <= most or not isinstance(p.dose, Contacts):
            continue
        each = contacts_of(p) // p.sets
        sets = max(1, p.sets - -(-(total - most) // each))  # the fewest sets cut to fit
        total -= each * (p.sets - sets)
        rows[i] = (p.revised(sets=sets), rank, coverage)
    for i in reversed(range(len(rows))):
        p = rows[i][0]
        if total > most and isinstance(p.dose, Contacts):
            total -= contacts_of(p)
            del rows[i]
    return rows


def _rir(p: Prescription) -> int:
    effort = p.effort
    return -1 if effort is None else effort.rir


def _percent(p: Prescription) -> int:
    """The set's %1RM, given or read at its reps + RIR (0: none)."""
    dose = p.dose
    if not isinstance(dose, Reps) or dose.effort is None:
        return 0
    if isinstance(dose.effort, ByPercent):
        return dose.effort.percent_1rm
    return percent_1rm_for(dose.count, dose.effort.rir) or 0
