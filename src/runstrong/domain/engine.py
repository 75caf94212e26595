"""generate_plan: the athlete's profile and the exercise library -> a periodised strength plan.

Pure and deterministic: time comes in as arguments (`start`, `today`), nothing is random, and the
same input gives the same plan. The steps: periodise the weeks (periodisation.py), decide each
week's sessions by phase and level, fill their slots (selection.py) and dose them
(prescription.py), fit them to the time budget (budget.py), and place them on the right days
(scheduling.py). Every decision carries its reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from runstrong.domain import supersets
from runstrong.domain.athlete import Athlete, RacePriority, Severity, Weekday
from runstrong.domain.budget import session_minutes
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Level, NiggleSite, PlyoIntensity, display_name
from runstrong.domain.periodisation import (
    BEGINNER_GOALS,
    WeekFrame,
    periodise,
    plan_length_weeks,
)
from runstrong.domain.plan import LowerBodyLoad, Phase, Plan, Prescription, Role, Session, Week
from runstrong.domain.prescription import (
    Context,
    contacts_of,
    longest_week_in_cycle,
    prescribe,
)
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.domain.scheduling import Placed, Placement, Scheduler, SessionNeeds
from runstrong.domain.selection import Chooser
from runstrong.domain.templates import (
    SESSION_A,
    SESSION_ACTIVATION,
    SESSION_B,
    SESSION_MAINTENANCE,
    SESSION_RECOVERY,
    Slot,
)

LOWER_LEG_SITES = frozenset(
    {
        NiggleSite.ACHILLES,
        NiggleSite.CALF,
        NiggleSite.SHIN,
        NiggleSite.PLANTAR_FASCIA,
        NiggleSite.KNEE,
    }
)
SQUAT_SLUGS = ("back_squat", "front_squat")
# Trimming for time: an exercise whose category the week's other session covers goes before any
# that would leave a gap in the week (our heuristic [D]; larger than the spread of trim ranks).
COVERED_ELSEWHERE_TRIM_BONUS = 10
# Short of time, accessories from the lateral hip down the trim order (templates.py) go down to
# this many sets before any exercise is left out (our heuristic [D]).
MIN_TRIM_RANK_FOR_FEWER_SETS = 4
MIN_ACCESSORY_SETS = 2
MIN_MAIN_SETS = 3  # the low end of 3-4 (intermediate) and 3-5 (advanced) sets: science.md §2.3


@dataclass(frozen=True, slots=True)
class Template:
    key: str
    title: str
    slots: tuple[Slot, ...]
    light: bool = False


A = Template("A", "Strength A: squat, single leg, calves", SESSION_A)
B = Template("B", "Strength B: hinge, hamstrings, soleus", SESSION_B)
M = Template("M", "Strength: maintenance", SESSION_MAINTENANCE)
T = Template("T", "Strength: last full session before the race", SESSION_MAINTENANCE)
ACT = Template("ACT", "Activation: light and crisp", SESSION_ACTIVATION, light=True)
REC = Template("REC", "Recovery: light strength", SESSION_RECOVERY, light=True)


@dataclass(frozen=True, slots=True)
class Draft:
    """A session's content before it is placed on a day."""

    template: Template
    exercises: tuple[Prescription, ...]
    trim_ranks: tuple[int, ...]
    coverage: tuple[str, ...]
    notes: tuple[str, ...]
    hard_plyo: bool


def generate_plan(
    profile: Profile,
    library: ExerciseLibrary,
    *,
    start: date | None = None,
    today: date | None = None,
    weeks: int | None = None,
) -> Plan:
    """The strength plan for `profile`. `start` beats the profile's start; without either, the
    plan starts the Monday after `today`."""
    athlete, rules = profile.athlete, profile.rules
    first_day = plan_start(profile, start=start, today=today)
    n_weeks = weeks or profile.weeks or plan_length_weeks(first_day, athlete.races, rules)
    frames, warnings = periodise(
        first_day, n_weeks, athlete.races, rules, athlete.running.recovery_week_every
    )
    planner = _WeekPlanner(athlete, library, rules, first_day)
    warnings = _profile_warnings(athlete) + _unused_maxes(athlete, library) + warnings
    built = [planner.week(frame) for frame in frames]
    return Plan(athlete=athlete.name, start=first_day, weeks=tuple(built), warnings=tuple(warnings))


def plan_start(profile: Profile, *, start: date | None, today: date | None) -> date:
    """`start` if given, else the profile's start, else the Monday after `today`."""
    if start or profile.start:
        return start or profile.start  # type: ignore[return-value]
    if today is None:
        raise ValueError("generate_plan needs start, profile.start or today")
    return today + timedelta(days=7 - today.weekday())


def _profile_warnings(athlete: Athlete) -> list[str]:
    warnings = []
    for niggle in athlete.niggles:
        if niggle.severity is Severity.SEVERE:
            warnings.append(
                f"Severe {niggle.site} niggle: see a physiotherapist or doctor. "
                "The plan leaves out "
                f"exercises that load it and, for the lower leg, all plyometrics."
            )
    if athlete.niggles:
        warnings.append(
            "runstrong is not medical advice: stop any exercise that brings on pain "
            "and get it seen."
        )
    return warnings


def _unused_maxes(athlete: Athlete, library: ExerciseLibrary) -> list[str]:
    """Say so when a known max cannot turn into kilograms (rule 10: never ignore input silently)."""
    out = []
    kit = athlete.equipment.available
    for slug in sorted(athlete.one_rep_max_kg):
        ex = library.get(slug)
        if not ex.percent_1rm:
            out.append(
                f"Your {ex.name} max is not used: {ex.name} is dosed by reps in reserve, "
                "not by %1RM."
            )
        elif not ex.fits(kit):
            out.append(
                f"Your {ex.name} max is not used: your equipment does not allow {ex.name}, "
                "so the plan doses its lifts by reps in reserve."
            )
    return out


class _WeekPlanner:
    def __init__(
        self, athlete: Athlete, library: ExerciseLibrary, rules: Rules, start: date
    ) -> None:
        self.athlete = athlete
        self.library = library
        self.rules = rules
        self.chooser = Chooser(
            library,
            athlete.level,
            athlete.equipment.available,
            athlete.niggle_sites,
            frozenset(athlete.one_rep_max_kg),
        )
        self.scheduler = Scheduler(athlete, rules, start)
        self.history: list[Placed] = []
        self.block_slugs: dict[tuple[int, str], frozenset[str]] = {}
        self.draft_cache: dict[WeekFrame, list[Draft]] = {}

    # -- which sessions ---------------------------------------------------------------------
    def templates(self, frame: WeekFrame) -> list[Template]:
        avail = self.athlete.availability
        cap = min(avail.sessions_per_week or 7, len(avail.strength_days))
        if frame.phase in (Phase.BASE, Phase.BUILD, Phase.TRANSITION):
            n = min(cap, self.rules.sessions_per_week_base_build)
            if n >= 2 and self._b_race_ahead(frame):
                return [A, ACT]  # mini-taper: one heavy session early, then activation
            return [A, B][:n] if n >= 2 else [M]
        if frame.phase in (Phase.PEAK, Phase.MAINTENANCE):
            return [M][: min(cap, self.rules.sessions_per_week_maintenance)]
        if frame.phase is Phase.TAPER:
            return [T]
        return [REC]

    def _b_race_ahead(self, frame: WeekFrame) -> bool:
        """A B race this week or early next week, inside the heavy-session cut-off."""
        horizon = frame.start + timedelta(days=6 + self.rules.last_heavy_days_before_b_race)
        return any(
            r.priority is RacePriority.B and frame.start < r.date <= horizon
            for r in self.athlete.races
        )

    # -- one week ---------------------------------------------------------------------------
    def week(self, frame: WeekFrame) -> Week:
        drafts = self._trim(self._block_exercises(frame, self._drafts(frame)), frame)
        needs = [self._needs(d, frame) for d in drafts]
        placements, notes = self.scheduler.place_week(frame.start, needs, self.history)
        placed_before = sum(p is not None for p in placements)
        placements, drafts = self._fallback_to_activation(frame, drafts, placements)
        if len(drafts) > placed_before:  # a light session replaced what no day allowed
            heavy = (
                f"{placed_before} heavy session(s) fit"
                if placed_before
                else "no heavy session fits"
            )
            notes = [
                f"The race is close: {heavy} before it, so a light activation session "
                "takes the place of the rest [runstrong_heuristic]."
            ]
        sessions = []
        for draft, placement in zip(drafts, placements, strict=True):
            if placement is None:
                continue
            session = self._session(frame, draft, placement)
            sessions.append(session)
            self.history.append(
                Placed(
                    datetime.combine(session.date, session.time),
                    session.lower_body_load is LowerBodyLoad.HEAVY,
                    session.plyo_contacts > 0,
                )
            )
        sessions.sort(key=lambda s: s.date)
        goal = frame.goal
        if self.athlete.level is Level.BEGINNER and not frame.deload:
            goal = BEGINNER_GOALS.get(frame.phase, goal)
        return Week(
            index=frame.index,
            start=frame.start,
            phase=frame.phase,
            deload=frame.deload,
            goal=goal,
            sessions=tuple(sessions),
            notes=frame.notes + tuple(notes),
        )

    def _limit(self, draft: Draft) -> int:
        """The session's time budget: short sessions in peak, race season and taper."""
        limit = self.athlete.availability.session_minutes
        if draft.template in (M, T):
            return min(limit, self.rules.maintenance_session_max_minutes)
        return limit

    def _minutes(self, draft: Draft) -> int:
        return session_minutes(draft.exercises, self.library, self.rules)

    def _drafts(self, frame: WeekFrame) -> list[Draft]:
        if frame not in self.draft_cache:
            used: set[str] = set()  # one exercise appears once a week: variety across sessions
            self.draft_cache[frame] = [self.draft(t, frame, used) for t in self.templates(frame)]
        return self.draft_cache[frame]

    def _block_exercises(self, frame: WeekFrame, drafts: list[Draft]) -> list[Draft]:
        """Exercises stay the same for a whole block, deload included: those that fit the time
        budget in every week of the block's dose cycle."""
        keys = [(frame.block, d.template.key) for d in drafts]
        if any(key not in self.block_slugs for key in keys):
            longest = replace(
                frame,
                deload=False,
                week_in_block=longest_week_in_cycle(self.athlete.level, frame.phase),
            )
            for key, draft in zip(keys, self._trim(self._drafts(longest), longest), strict=True):
                self.block_slugs.setdefault(key, frozenset(p.slug for p in draft.exercises))
        minutes = self.athlete.availability.session_minutes
        return [
            _keep_only(d, self.block_slugs[k], minutes) for d, k in zip(drafts, keys, strict=True)
        ]

    def _fallback_to_activation(
        self, frame: WeekFrame, drafts: list[Draft], placements: list[Placement | None]
    ) -> tuple[list[Placement | None], list[Draft]]:
        """Sessions no day allows (taper limits) become one light activation session if it fits."""
        kept = [(d, p) for d, p in zip(drafts, placements, strict=True) if p is not None]
        if len(kept) == len(drafts) or any(d.template.light for d, _ in kept):
            return [p for _, p in kept], [d for d, _ in kept]
        light = self.draft(ACT, frame, set())
        history = self.history + [Placed(p.at, False, False) for _, p in kept]
        retry, _ = self.scheduler.place_week(frame.start, [self._needs(light, frame)], history)
        if retry[0] is None:
            return [p for _, p in kept], [d for d, _ in kept]
        return [*(p for _, p in kept), retry[0]], [*(d for d, _ in kept), light]

    def draft(self, template: Template, frame: WeekFrame, used: set[str]) -> Draft:
        ctx = self._context(template, frame)
        max_plyo = self._max_plyo(frame)
        exercises: list[Prescription] = []
        ranks: list[int] = []
        coverage: list[str] = []
        notes: list[str] = []
        hard_plyo = False
        for slot in template.slots:
            if slot.role is Role.PLYOMETRIC and not self._plyo_wanted(template, frame):
                continue
            ex, subs = self.chooser.choose(slot, block=frame.block, used=used, max_plyo=max_plyo)
            if ex is None:
                if slot.role is Role.PLYOMETRIC and self.athlete.niggle_sites & LOWER_LEG_SITES:
                    notes.append("no plyometrics: they load your niggle")
                continue
            used.add(ex.slug)
            p = prescribe(ex, slot.role, ctx, self.rules)
            shown = display_name(ex, self.athlete.equipment.available)
            if shown != p.name:
                p = replace(p, name=shown)
            exercises.append(replace(p, notes=p.notes + subs) if subs else p)
            ranks.append(slot.trim_rank)
            coverage.append(slot.coverage)
            if ex.plyometric and ex.plyometric.intensity is not PlyoIntensity.LOW:
                hard_plyo = True
        return Draft(
            template, tuple(exercises), tuple(ranks), tuple(coverage), tuple(notes), hard_plyo
        )

    def _context(self, template: Template, frame: WeekFrame) -> Context:
        level = self.athlete.level
        reduced = (
            level is Level.BEGINNER and frame.index <= self.rules.beginner_reduced_volume_weeks
        )
        phase = Phase.PEAK if template is T else frame.phase
        return Context(
            level=level,
            phase=phase,
            week_in_block=frame.week_in_block,
            deload=frame.deload,
            reduced_volume=reduced,
            plyo_contacts=self._plyo_budget(frame, reduced),
            activation=template.light,
            deload_plyo_cut_pct=self.rules.deload_plyo_cut_pct,
        )

    def _plyo_wanted(self, template: Template, frame: WeekFrame) -> bool:
        """Base: plyometrics in session A only; build: in both, 48 h apart (science.md §3.1)."""
        if template in (A, M, T):
            return True
        return (
            template is B
            and frame.phase is Phase.BUILD
            and self.athlete.level is not Level.BEGINNER
        )

    def _max_plyo(self, frame: WeekFrame) -> PlyoIntensity | None:
        severe_leg = any(
            n.severity is Severity.SEVERE and n.site in LOWER_LEG_SITES
            for n in self.athlete.niggles
        )
        if severe_leg:
            return None
        level = self.athlete.level
        if level is Level.BEGINNER or frame.phase in (Phase.PEAK, Phase.TAPER, Phase.MAINTENANCE):
            return PlyoIntensity.LOW if level is not Level.ADVANCED else PlyoIntensity.MODERATE
        if level is Level.INTERMEDIATE:
            return PlyoIntensity.MODERATE if frame.phase is Phase.BUILD else PlyoIntensity.LOW
        if frame.phase is Phase.BUILD and self._cleared_for_high_plyo():
            return PlyoIntensity.HIGH
        return PlyoIntensity.MODERATE

    def _cleared_for_high_plyo(self) -> bool:
        """Squat 1RM >= 1.5 x body mass before high-intensity plyometrics [nsca2016]."""
        mass = self.athlete.body_mass_kg
        squat = max((self.athlete.one_rep_max_kg.get(s, 0.0) for s in SQUAT_SLUGS), default=0.0)
        return bool(mass) and squat >= self.rules.high_plyo_min_squat_bw_ratio * (mass or 1.0)

    def _plyo_budget(self, frame: WeekFrame, reduced: bool) -> int:
        rules = self.rules
        if frame.phase in (Phase.PEAK, Phase.TAPER, Phase.MAINTENANCE):
            budget = rules.plyo_contacts_maintenance
        else:
            budget = {
                Level.BEGINNER: rules.plyo_contacts_beginner,
                Level.INTERMEDIATE: rules.plyo_contacts_intermediate,
                Level.ADVANCED: rules.plyo_contacts_advanced,
            }[self.athlete.level]
        if reduced:
            budget //= 2
        return budget

    # -- time budget ------------------------------------------------------------------------
    def _trim(self, drafts: list[Draft], frame: WeekFrame) -> list[Draft]:
        """Fit every session to session_minutes, deciding for the week as a whole: first
        accessories go down to 2 sets, then they are left out, those whose category another
        exercise of the week also covers first, so no category is lost while a duplicate stays.
        The main lifts stay."""
        out = list(drafts)
        minutes = [self._minutes(d) for d in out]
        limits = [self._limit(d) for d in out]
        while True:
            over = [i for i, m in enumerate(minutes) if m > limits[i]]
            fewer = [
                (d.trim_ranks[k], i, k)
                for i in over
                for d in [out[i]]
                for k, p in enumerate(d.exercises)
                if d.trim_ranks[k] >= MIN_TRIM_RANK_FOR_FEWER_SETS and p.sets > MIN_ACCESSORY_SETS
            ]
            if fewer:
                _, i, k = max(fewer)
                out[i] = _with_sets(out[i], k, MIN_ACCESSORY_SETS, limits[i])
                minutes[i] = self._minutes(out[i])
                continue
            fewer_main = [
                (i, k)
                for i in over
                for k, p in enumerate(out[i].exercises)
                if p.role is Role.MAIN and p.sets > MIN_MAIN_SETS
            ]
            if fewer_main:
                i, k = fewer_main[0]
                out[i] = _with_sets(out[i], k, out[i].exercises[k].sets - 1, limits[i])
                minutes[i] = self._minutes(out[i])
                continue
            counts = Counter(c for d in out for c in d.coverage)
            droppable = [
                (_trim_priority(d, k, counts), i, k)
                for i in over
                for d in [out[i]]
                for k, p in enumerate(d.exercises)
                if p.role is not Role.MAIN
            ]
            if not droppable:
                return out
            _, i, k = max(droppable)
            out[i] = _without(out[i], k, limits[i])
            minutes[i] = self._minutes(out[i])

    # -- placing and finishing --------------------------------------------------------------
    def _needs(self, draft: Draft, frame: WeekFrame) -> SessionNeeds:
        load = self._lower_body_load(draft, frame)
        return SessionNeeds(
            label=draft.template.key,
            demanding_legs=load.rank >= LowerBodyLoad.MODERATE.rank,
            heavy_legs=load is LowerBodyLoad.HEAVY,
            plyo=any(p.contacts for p in draft.exercises),
            hard_plyo=draft.hard_plyo,
            last_heavy=draft.template is T,
        )

    def _lower_body_load(self, draft: Draft, frame: WeekFrame) -> LowerBodyLoad:
        lower = [p for p in draft.exercises if self.library.get(p.slug).is_lower_body]
        if not lower:
            return LowerBodyLoad.NONE
        if draft.template.light:
            return LowerBodyLoad.LIGHT
        if not any(p.role in (Role.MAIN, Role.SECONDARY) for p in lower):
            return LowerBodyLoad.LIGHT
        if self.athlete.level is Level.BEGINNER or frame.deload:
            return LowerBodyLoad.MODERATE
        return LowerBodyLoad.HEAVY

    def _session(self, frame: WeekFrame, draft: Draft, placement: Placement) -> Session:
        load = self._lower_body_load(draft, frame)
        reasons = [_phase_reason(frame, draft.template), *placement.reasons, *draft.notes]
        warnings = list(placement.warnings)
        minutes = self._minutes(draft)
        if minutes > self.athlete.availability.session_minutes:
            warnings.append(
                f"about {minutes} minutes, more than your "
                f"{self.athlete.availability.session_minutes}"
                f": even the main lifts alone take longer"
            )
        return Session(
            date=placement.day,
            weekday=Weekday.of(placement.day),
            time=placement.start,
            title=draft.template.title,
            after_run=placement.after_run,
            lower_body_load=load,
            plyo_contacts=sum(contacts_of(p) for p in draft.exercises),
            est_minutes=minutes,
            exercises=supersets.label(
                supersets.group(draft.exercises, self.rules.superset_accessories)
            ),
            reasons=tuple(reasons),
            warnings=tuple(warnings),
        )


def _with_sets(draft: Draft, k: int, sets: int, limit: int) -> Draft:
    p = draft.exercises[k]
    note = f"{p.name}: {sets} sets instead of {p.sets} to fit your {limit} minutes"
    exercises = (*draft.exercises[:k], replace(p, sets=sets), *draft.exercises[k + 1 :])
    return replace(draft, exercises=exercises, notes=(*draft.notes, note))


def _trim_priority(draft: Draft, k: int, counts: Counter[str]) -> int:
    covered_elsewhere = counts[draft.coverage[k]] > 1
    return draft.trim_ranks[k] + COVERED_ELSEWHERE_TRIM_BONUS * covered_elsewhere


def _without(draft: Draft, k: int, limit: int) -> Draft:
    gone = draft.exercises[k]
    return replace(
        draft,
        exercises=draft.exercises[:k] + draft.exercises[k + 1 :],
        trim_ranks=draft.trim_ranks[:k] + draft.trim_ranks[k + 1 :],
        coverage=draft.coverage[:k] + draft.coverage[k + 1 :],
        notes=(*draft.notes, f"left out {gone.name} to fit your {limit} minutes"),
        hard_plyo=draft.hard_plyo and gone.role is not Role.PLYOMETRIC,
    )


TEMPLATE_PURPOSE = {
    "A": "the week's squat-pattern session, with single-leg and straight-knee calf work",
    "B": "the week's hinge session, with hamstrings, bent-knee calf and trunk work",
    "M": "one short session keeps strength while the running takes priority [ronnestad2010]",
}


def _keep_only(draft: Draft, slugs: frozenset[str], minutes: int) -> Draft:
    keep = [i for i, p in enumerate(draft.exercises) if p.slug in slugs]
    if len(keep) == len(draft.exercises):
        return draft
    left_out = [p.name for p in draft.exercises if p.slug not in slugs]
    notes = (f"left out {', '.join(left_out)} to fit your {minutes} minutes",) if left_out else ()
    return replace(
        draft,
        notes=draft.notes + notes,
        exercises=tuple(draft.exercises[i] for i in keep),
        trim_ranks=tuple(draft.trim_ranks[i] for i in keep),
        coverage=tuple(draft.coverage[i] for i in keep),
    )


def _phase_reason(frame: WeekFrame, template: Template) -> str:
    if template is T:
        return "taper: the last heavy session comes 7-10 days before the race [runstrong_heuristic]"
    if template is ACT:
        return (
            "taper: light activation only, nothing in the last days before the race [bosquet2007]"
        )
    if template is REC:
        return "recovery after the race: light work only [runstrong_heuristic]"
    if frame.deload:
        return "deload week: same exercises, fewer sets, more in reserve [bell2022]"
    return (
        f"{str(frame.phase).capitalize()} phase, week {frame.week_in_block + 1} of this block: "
        f"{TEMPLATE_PURPOSE.get(template.key, template.title)}"
    )
