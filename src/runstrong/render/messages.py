"""The message catalogue: the words for every rule id (`domain.messages.RuleId`).

One template per rule id, each a function of the reason's parameters. `text(reason)` gives the
sentence without its sources; `cited(reason)` adds them in brackets, as the terminal, the
Markdown and the calendar show them; the printable plan links them itself. A test renders every
rule id, so a new rule id without words fails the build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from runstrong.domain.athlete import Weekday
from runstrong.domain.exercise import NiggleSite
from runstrong.domain.messages import Param, Reason, RuleId


class P:
    """A reason's parameters, read by type (a missing or mistyped one is a bug: it raises)."""

    def __init__(self, params: Mapping[str, Param]) -> None:
        self._params = params

    def s(self, name: str) -> str:
        value = self._params[name]
        if not isinstance(value, str):
            raise TypeError(f"parameter {name} is not text: {value!r}")
        return value

    def n(self, name: str) -> float:
        value = self._params[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"parameter {name} is not a number: {value!r}")
        return value

    def i(self, name: str) -> int:
        return round(self.n(name))

    def t(self, name: str) -> tuple[str, ...]:
        value = self._params[name]
        if not isinstance(value, tuple):
            raise TypeError(f"parameter {name} is not a list: {value!r}")
        return value

    def get(self, name: str) -> Param | None:
        return self._params.get(name)

    def d(self, name: str) -> date:
        return date.fromisoformat(self.s(name))


# -- words for the data in parameters ---------------------------------------------------------


def run_text(ref: str) -> str:
    """A run named by `messages.run_ref`: "Tuesday's intervals run", "Sunday's long run",
    "Spring Marathon (race)"."""
    kind, _, rest = ref.partition(":")
    if kind == "race":
        return f"{rest} (race)"
    day = Weekday(kind).full_name
    if rest == "long":
        return f"{day}'s long run"
    if rest == "race":
        return f"{day}'s race"
    return f"{day}'s {rest} run"


def and_list(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def sites_text(sites: Sequence[str]) -> str:
    return ", ".join(NiggleSite(s).label for s in sites)


def plural(n: float, noun: str) -> str:
    return f"{n:g} {noun}" if n == 1 else f"{n:g} {noun}s"


def kit_text(p: P) -> str:
    """ "your heaviest pair of dumbbells (2 × 20 kg)", "your heaviest barbell load (60 kg)"."""
    kind, kg = p.s("kit"), p.n("kit_kg")
    if kind == "barbell":
        return f"your heaviest barbell load ({kg:g} kg)"
    if p.i("held") == 2:
        return f"your heaviest pair of {kind}s (2 × {kg:g} kg)"
    return f"your heaviest {kind} ({kg:g} kg)"


def shortfall_text(p: P) -> str:
    basis = (
        f", {p.i('percent')} % of your {p.n('max_kg'):g} kg max"
        if p.n("max_kg")
        else " by our estimate for your body mass and level"
    )
    return (
        f"{kit_text(p)} is too light for {p.i('reps')} reps with {p.i('rir')} in reserve, which "
        f"need about {p.i('need_kg')} kg{basis}"
    )


def sets_text(n: int) -> str:
    return "1 set" if n == 1 else f"{n} sets"


def budget_text(p: P) -> str:
    minutes, kind = p.i("budget_minutes"), p.s("budget")
    if kind == "taper":
        return f"the {minutes} minutes kept for the last session before the race"
    if kind == "maintenance":
        return f"the {minutes} minutes kept for maintenance"
    return f"your {minutes} minutes"


_CATEGORY = {
    "squat_or_single_leg": "squat or single-leg work",
    "hinge": "hinge",
    "calf_straight_knee": "straight-knee calf work",
    "calf_bent_knee": "bent-knee calf work",
    "lateral_hip": "lateral hip work",
    "trunk": "trunk work",
    "upper": "upper-body push or pull",
    "plyometric": "plyometrics",
}
_LOAD = {"heavy_legs": "heavy legs", "hard_plyo": "hard plyometrics"}
_EXTRAS = {
    "single_leg": "single-leg",
    "hamstring": "hamstring",
    "calf_straight_knee": "straight-knee calf",
    "calf_bent_knee": "bent-knee calf",
    "trunk": "trunk",
}
_SESSION_LEAD = {"A": "the week's squat-pattern session", "B": "the week's hinge session"}
_RACE_PRIORITY = {
    "A": "A race: the plan peaks for it",
    "B": "B race: a short mini-taper",
    "C": "C race: trained through, only the day before kept free of heavy legs",
}


# -- the templates ----------------------------------------------------------------------------


def _max_checks_kit(p: P) -> str:
    name = p.s("exercise")
    text = (
        f"Your {name} max gives no %1RM: {name} is dosed by reps in reserve. It is used to check "
        "that your heaviest weight is enough for its sets."
    )
    if not p.i("in_plan"):
        text += f" {name} is not in this plan: a harder variant or another exercise took its place."
    return text


def _short_cycle(p: P) -> str:
    return (
        f"{p.s('race')} on {p.s('race_date')} is only {p.i('weeks')} week(s) away: too soon for "
        f"a full cycle (running-economy gains need about {p.i('min_weeks')}+ weeks). This is a "
        f"short plan: {p.i('base')} base, {p.i('build')} build, {p.i('peak')} peak and "
        f"{p.i('taper')} taper week(s)."
    )


def _race_in_week(p: P) -> str:
    name, distance = p.s("race"), p.s("distance").replace("_", " ")
    named = distance.casefold() in name.casefold()  # "Park 5k", not "Park 5k (5k)"
    title = name if named else f"{name} ({distance})"
    return f"{title} on {p.d('race_date'):%a %d %b}: {_RACE_PRIORITY[p.s('priority')]}."


def _phase_week(p: P) -> str:
    session = p.s("session")
    if session == "M":
        purpose = (
            "the intensity kept and the volume cut, so strength holds while the running takes "
            "priority"
        )
    elif session == "W":
        purpose = (
            "the week's one session: squat and hinge patterns, calves, hip, upper body and "
            "trunk together, dosed for the phase"
        )
    elif session in _SESSION_LEAD:
        extras = [_EXTRAS[e] for e in p.t("extras")]
        purpose = _SESSION_LEAD[session]
        if extras:
            purpose += f", with {and_list(extras)} work"
    else:
        purpose = p.s("title")
    return f"{p.s('phase').capitalize()} phase, week {p.i('week')} of this block: {purpose}"


def _day_before_key_run(p: P) -> str:
    text = (
        f"rule 'no {_LOAD[p.s('load')]} the day before a key run, long run or race' broken: "
        f"{run_text(p.s('run'))} tomorrow; no better strength day this week"
    )
    if add := p.s("add_day"):
        text += (
            f" (adding {Weekday(add).full_name} to your strength days would let it follow that run)"
        )
    return text


def _key_run_buffer(p: P) -> str:
    part = "legs" if p.s("load") == "heavy_legs" else "jumps"
    return (
        f"{run_text(p.s('run'))} is {p.i('hours')} h later, inside the "
        f"{p.n('buffer_hours'):g} h we prefer and the best days this week allow; keep this "
        f"session's {part} crisp, not to failure"
    )


def _power_for_day(p: P) -> str:
    lift, action = p.s("exercise"), p.s("action")
    why = "a loaded jump or swing is a lower-body load, and this day asks for moderate legs"
    if action == "received":
        return (
            f"{lift} from {Weekday(p.s('day')).full_name}'s session, which asks for moderate legs"
        )
    if action == "moved":
        return f"{lift} moved to {Weekday(p.s('day')).full_name}, a day that can take it: {why}"
    if action == "swapped":
        return f"{p.s('instead')} instead of {lift}: {why}; a thrown ball is fast without it"
    return (
        f"{lift} left out today: {why}, and no other day this week can take it (a medicine "
        "ball of 3-6 kg would let a throw stand in)"
    )


def _legs_moderated_key_run(p: P) -> str:
    what = "moderate on the legs" if p.s("load") == "heavy_legs" else "without hard jumps"
    text = (
        f"{what} today: {run_text(p.s('run'))} is tomorrow, and heavy legs or hard "
        "plyometrics never go the day before"
    )
    if add := p.s("add_day"):
        text += (
            f" (adding {Weekday(add).full_name} to your strength days would let it follow that run)"
        )
    return text


def _moderated_dose(p: P) -> str:
    return f"moderate for the day: was {p.i('was_sets')} x {p.i('was_reps')} @ RIR {p.i('was_rir')}"


def _moderate_near_key_run(p: P) -> str:
    near = [f"{run_text(r)} tomorrow" for r in p.t("tomorrow")]
    near += [
        f"{run_text(r)} {h} h later" for r, h in zip(p.t("later"), p.t("later_hours"), strict=True)
    ]
    runs = f"{' and '.join(near)} {'are' if len(near) > 1 else 'is'} fine"
    buffer = f"{p.n('buffer_hours'):g} h"
    if p.t("tomorrow"):
        return (
            f"moderate on the legs, so {runs}: the day before and the {buffer} buffer are kept "
            "free of heavy legs and hard plyometrics; keep it crisp, not to failure"
        )
    return (
        f"moderate on the legs, so {runs}: the {buffer} buffer is for heavy legs and hard "
        "plyometrics, and the day before stays free"
    )


def _sessions_before_start(p: P) -> str:
    return (
        f"{p.i('count')} of {p.i('planned')} planned sessions fit this week: the plan starts on "
        f"{p.d('start_date'):%a %d %b}."
    )


def _missed_why(p: P) -> str:
    """Why a session left its day: what the log says, or a heavy session done beside it."""
    why = p.s("why")
    if why == "skipped":
        return f"skipped on {p.d('after_date'):%a %d %b}"
    if why == "moved":
        return f"moved from {p.d('after_date'):%a %d %b} in the log"
    if why == "key_run_moved":
        return f"a key run is now on {p.d('run_date'):%a %d %b}, the next day"
    return f"heavy legs were done on {p.d('after_date'):%a %d %b}, the day beside it"


def _anchor_caveat(p: P) -> str:
    if p.i("race"):
        return "; a race, so about all-out"
    return "; from training, so a lower bound unless that effort was all-out"


def _missed_moved(p: P) -> str:
    asked = p.s("asked_date")
    refused = (
        f"; {date.fromisoformat(asked):%a %d %b} could not hold it as planned" if asked else ""
    )
    return (
        f"moved from {p.d('from_date'):%a %d %b} to {p.d('to_date'):%a %d %b}: "
        f"{_missed_why(p)}{refused}"
    )


def _coach_pinned(p: P) -> str:
    """ "pinned by your coach: in place of Back squat; their sets and reps"."""
    parts = [f"in place of {p.s('replaced')}"] if p.s("replaced") else []
    if p.t("changed"):
        parts.append(f"their {' and '.join(p.t('changed'))}")
    return "pinned by your coach" + (f": {'; '.join(parts)}" if parts else "")


def _missed_dropped(p: P) -> str:
    return (
        f"{p.s('title')} of {p.d('from_date'):%a %d %b} dropped: {_missed_why(p)}, and no later "
        "strength day this week holds it as planned (never two heavy days back to back)."
    )


def _no_single_leg(p: P) -> str:
    return f"no single-leg exercise: {_why_empty(p)}"


def _why_empty(p: P) -> str:
    sites = p.t("niggle_sites")
    if sites:
        return f"your {sites_text(sites)} niggle rules those out"
    return "none fits your equipment and level"


def _dated_change(p: P) -> str:
    first, last = p.d("first_date"), p.d("last_date")
    span = f"on {first:%a %d %b}" if first == last else f"from {first:%a %d %b} to {last:%a %d %b}"
    kind = p.s("kind")
    if kind == "running":
        what = f"Another running week {span}; sessions are placed around its runs."
    elif kind == "no_running":
        what = f"No running {span}."
    elif kind == "strength_only":
        days = [Weekday(d).full_name for d in p.t("days")]
        what = f"Strength only on {and_list(days)} {span}."
    else:
        what = f"No strength {span}."
    label = p.s("label")
    return f"{label}: {what[0].lower()}{what[1:]}" if label else what


def _heavier_variant(p: P) -> str:
    how = (
        "for its heaviest sets"
        if p.s("how") == "heaviest_sets"
        else "which your kit loads less well"
    )
    return f"chosen instead of {p.s('replaced')}, {how}: {shortfall_text(p)}"


def _light_slow_tempo(p: P) -> str:
    return (
        f"{shortfall_text(p)}: {p.i('new_reps')} reps instead, {p.i('lowering_s')} s down with a "
        f"{p.i('pause_s')}-s pause at the bottom, to come nearer {p.i('rir')} in reserve; still a "
        "lighter set than the dose, which heavier weights would give"
    )


def _load_capped(p: P) -> str:
    kind, held, kg = p.s("kit"), p.i("held"), p.n("load_kg")
    kind = "barbell load" if kind == "barbell" else kind  # the bar and its plates
    what = f"{kind}s: {held} × {kg:g} kg" if held > 1 else f"{kind}: {kg:g} kg"
    advice = {
        "more_in_reserve": "expect a rep more in reserve",
        "slow_lowering": "slow the lowering instead",
    }[p.s("advice")]
    return f"capped at your heaviest {what} is {p.i('share')}% of your max; {advice}"


def _kit_assumed(p: P) -> str:
    kg, level = p.n("kg"), p.s("level")
    article = "an" if level[:1] in "aeiou" else "a"
    if p.s("kit") == "kettlebell":
        listed, assumed = "a kettlebell without its weight", f"one {kg:g} kg kettlebell"
    else:
        listed, assumed = "dumbbells without their heaviest weight", f"dumbbells up to {kg:g} kg"
    return (
        f"Your profile lists {listed}: the plan assumes {assumed}, light on purpose for "
        f"{article} {level} lifter. Add the weights to your profile's equipment so the plan can "
        "check and load your own."
    )


def _load_estimated(p: P) -> str:
    mass, rir = p.n("body_mass_kg"), p.i("rir")
    source = p.get("source")
    if source:  # from a related lift's known max (start_estimates.py)
        name = str(source).replace("_", " ")
        basis = f"about {p.i('pct')} % of your {name} max ({mass_text(p, 'source_kg')})"
    else:
        basis = (
            f"your body mass ({mass:g} kg)"
            if p.i("body_mass_given")
            else f"an assumed body mass of {mass:g} kg"
        )
        basis += f" and {p.s('level')} level"
    text = (
        f"estimated{'' if source else ', no known max'}: from {basis}; in the first session, "
        "if the first set "
        f"leaves more than {rir + 2} in reserve, go a step heavier, fewer than {rir}, a step "
        "lighter; log what you lift to replace the estimate"
    )
    if capped := p.n("capped_kg"):
        text += f" (capped at your heaviest weight, {capped:g} kg)"
    return text


def _b_race_dose(p: P) -> str:
    changes = []
    if p.i("rir_raised"):
        changes.append(f"at least {p.i('min_rir')} reps in reserve")
    if p.i("percent_lowered"):
        changes.append(f"every set below {p.i('max_percent')}% 1RM")
    if p.i("contacts_cut"):
        changes.append(f"at most {p.i('max_contacts')} jump contacts")
    what = ", ".join(changes) if changes else "its doses already light enough"
    return f"{p.i('days')} days before a B race: {what}, so the race comes on fresh legs"


def _deload_dose(p: P) -> str:
    fewer = p.i("fewer_sets")
    changes = [f"{fewer} fewer set{'s' if fewer > 1 else ''}"] if fewer else []
    return f"deload: same {p.s('kept')}, {' and '.join(changes + _more_rir(p))}"


def _deload_by_effort(p: P) -> str:
    shorter = p.i("fewer_seconds")
    changes = _more_rir(p) + ([f"{shorter} s shorter"] if shorter else [])
    return (
        f"deload by effort: {' and '.join(changes)}, all {p.i('sets')} sets kept "
        "(halving a once-a-week session would leave too little)"
    )


def _more_rir(p: P) -> list[str]:
    more = p.i("more_rir")
    return [f"RIR +{more}"] if more else []


# What each progression scheme does, step by step (docs/science.md, "Progression").
_PROGRESSION_SCHEMES = {
    "rep_wave": "fewer reps and a heavier load each week; each block starts a step higher",
    "bodyweight": "sets, then reps, then a slow lowering; then a harder variant",
    "hold": "{seconds_step} s longer each step",
    "moderate": (
        "a day for moderate legs climbs its own steps: fewer reps and a little heavier, then a "
        "set more, never a heavy set"
    ),
}


def _progression(p: P) -> str:
    scheme = _PROGRESSION_SCHEMES[p.s("scheme")].format(seconds_step=p.i("seconds_step"))
    text = f"progression step {p.i('step')} of {p.i('steps')}: {scheme}"
    if extra := p.i("extra_sets"):
        text += f"; past the last step, {extra} more set{'s' if extra > 1 else ''}"
    return text


# How to do an exercise kept for a niggle at each site (docs/science.md, "Niggles by site").
KG_PER_LB = 0.45359237


def mass_text(p: P, name: str) -> str:
    """A load parameter (kg) in the units the reason says (`units`: kg or lb; kg if none)."""
    kg = p.n(name)
    if p.get("units") == "lb":
        return f"{round(kg / KG_PER_LB, 1):g} lb"
    return f"{round(kg, 1):g} kg"


_OUTCOMES = {
    "more": "done with more to spare than planned",
    "as_planned": "done as planned",
    "less": "done with less to spare than planned",
    "short": "short of the planned reps",
    "unplanned": "from what you lifted",
}


def _log_load(p: P) -> str:
    kg, next_kg = p.n("kg"), p.n("next_kg")
    move = "up from" if next_kg > kg else "down from" if next_kg < kg else "as"
    dose = f" for {p.i('reps')} reps at RIR {p.i('rir')}" if p.get("reps") is not None else ""
    return (
        f"{mass_text(p, 'next_kg')}{dose}, {move} the {mass_text(p, 'kg')} of {p.s('date')} "
        f"({_OUTCOMES[p.s('outcome')]})"
    )


def _double_progression(p: P) -> str:
    stage = p.s("stage")
    if stage == "load":
        return (
            f"every set reached {p.i('top')} reps: up to {mass_text(p, 'next_kg')}, back to "
            f"{p.i('reps')} reps (double progression)"
        )
    if stage == "kit":
        return (
            f"every set reached {p.i('top')} reps, and {mass_text(p, 'kg')} is the heaviest "
            "your kit allows: stay there"
        )
    return (
        f"{mass_text(p, 'kg')} again, {p.i('reps')} reps: a rep more each session up to "
        f"{p.i('top')}, then a heavier weight (double progression)"
    )


def _niggle_check_in(p: P) -> str:
    site = sites_text((p.s("site"),))
    before, after, pain = p.s("before"), p.s("after"), p.i("pain")
    band = (
        f"at most {p.i('safe_max')}: safe" if pain <= p.i("safe_max")
        else f"at most {p.i('acceptable_max')}: acceptable" if pain <= p.i("acceptable_max")
        else f"above {p.i('acceptable_max')}: too much"
    )  # fmt: skip
    said = f"{site} pain {pain}/10 ({band})"
    if before == after:
        kept = "no niggle" if after == "none" else f"stays {after}"
        if pain <= p.i("safe_max") and after != "none":
            kept += f" until {p.i('step_down_days')} days of pain at most {p.i('safe_max')}"
        return f"{said}: {kept}"
    now = "no niggle" if after == "none" else after
    return f"{said}: from {'no niggle' if before == 'none' else before} to {now}"


_NIGGLE_CARE = {
    "knee": "to a set, pain-free depth (a box), 3 s down",
    "achilles": "slow, 3 s up and 3 s down",
    "calf": "slow, 3 s up and 3 s down",
    "hamstring": "lighter, shorter range, no fast stretch",
    "hip": "no deep hip bend",
    "low_back": "brace, spine still",
    "plantar_fascia": "slow, stop short of heel pain",
    "shin": "slow, no impact",
    "shoulder": "pain-free range only",
}
_PATTERN_WORDS = {
    "knee_dominant": "squat pattern",
    "knee_dominant_unilateral": "single-leg knee work",
    "single_leg_hip": "single-leg hip work",
    "posterior_chain": "hinge or hamstring work",
    "calf_straight_knee": "straight-knee calf work",
    "calf_bent_knee": "bent-knee calf work",
    "plyometric": "plyometrics",
    "hip_abduction_lateral": "lateral hip work",
    "hip_adduction": "adductor work",
    "upper_push": "upper-body push",
    "upper_pull": "upper-body pull",
}


def _niggle_care(p: P) -> str:
    site = p.s("site")
    return f"{_niggle(p)}: {_NIGGLE_CARE[site]}; {_pain_rule(p)}"


def _niggle_tendon_loading(p: P) -> str:
    return (
        f"{_niggle(p)}: heavy, slow loading treats it; add load as reps get easier, {_pain_rule(p)}"
    )


def _niggle(p: P) -> str:
    return f"{p.s('severity')} {NiggleSite(p.s('site')).label} niggle"


def _pain_rule(p: P) -> str:
    return f"pain up to {p.i('safe_pain')}/10 fine, {p.i('acceptable_pain')}/10 if gone by morning"


def _niggle_pattern_removed(p: P) -> str:
    pattern = p.s("pattern")
    what = _PATTERN_WORDS.get(pattern, pattern.replace("_", " "))
    return (
        f"no {what}: your severe {sites_text(p.t('niggle_sites'))} niggle rules that out. See a "
        "physiotherapist or doctor before loading it again"
    )


Template = Callable[[P], str]

MEASURE_WORDS = {
    "threshold_power": "of threshold power",
    "threshold_pace": "of threshold speed",
    "hr_reserve": "of heart-rate reserve",
    "typical_speed": "of the athlete's median speed",
}


def _effort_text(p: P) -> str:
    return f"{p.i('pct')} % {MEASURE_WORDS[p.s('measure')]}"


def _run_race(p: P) -> str:
    if p.get("how") is None:  # the race's second piece of evidence: how hard it was run
        return f"race effort: {_effort_text(p)} for {p.i('minutes')} minutes"
    if p.s("how") == "distance":
        return f"race: {p.n('km'):g} km, a race distance, run hard"
    return f"race: named '{p.s('word')}', run hard"


def _run_hills(p: P) -> str:
    laps = f", {p.i('work_laps')} of {p.i('laps')} laps hard" if p.i("work_laps") else ""
    return f"hills: {p.n('m_per_km'):g} m climbed per km{laps}"


CATALOGUE: dict[RuleId, Template] = {
    RuleId.SEVERE_NIGGLE: lambda p: (
        f"Severe {NiggleSite(p.s('site')).label} niggle: see a physiotherapist or doctor. The "
        "plan leaves out exercises that load it and, for the lower leg, all plyometrics."
    ),
    RuleId.NOT_MEDICAL_ADVICE: lambda p: (
        "runstrong is not medical advice: stop any exercise that brings on pain and get it seen."
    ),
    RuleId.MAX_CHECKS_KIT: _max_checks_kit,
    RuleId.MAX_UNUSED_BY_RIR: lambda p: (
        f"Your {p.s('exercise')} max is not used: {p.s('exercise')} is dosed by reps in "
        "reserve, not by %1RM."
    ),
    RuleId.MAX_UNUSED_KIT: lambda p: (
        f"Your {p.s('exercise')} max is not used: your equipment does not allow "
        f"{p.s('exercise')}, so the plan doses its lifts by reps in reserve."
    ),
    RuleId.MAX_UNUSED_NOT_IN_PLAN: lambda p: (
        f"Your {p.s('exercise')} max is not used: {p.s('exercise')} is not in this plan (other "
        "exercises took its place)."
    ),
    RuleId.SHORT_CYCLE: _short_cycle,
    RuleId.KIT_ASSUMED: _kit_assumed,
    RuleId.BODY_MASS_ASSUMED: lambda p: (
        f"No body mass in your profile: the estimated starting loads assume {p.n('kg'):g} kg, "
        "a light runner's: add your body mass to your profile for your own."
    ),
    RuleId.RACE_IN_WEEK: _race_in_week,
    RuleId.NO_STRENGTH_DAY: lambda p: (
        "No strength session this week: none of its days is one of your strength days."
    ),
    RuleId.NO_STRENGTH_DAY_BEFORE_START: lambda p: (
        f"No strength session this week: the plan starts on {p.d('start_date'):%a %d %b}, after "
        "this week's strength days."
    ),
    RuleId.NO_STRENGTH_DAY_EXCEPTION: lambda p: (
        "No strength session this week: your availability exception leaves no strength day."
    ),
    RuleId.NO_STRENGTH_DAY_RACE: lambda p: (
        "No strength session this week: the race and the days around it leave no strength day "
        "free (race limits)."
    ),
    RuleId.SESSIONS_EXCEPTION: lambda p: (
        f"{p.i('count')} of {p.i('planned')} planned sessions fit this week: your availability "
        "exception leaves fewer strength days than usual."
    ),
    RuleId.DATED_CHANGE: _dated_change,
    RuleId.FIRST_WEEK_RACE: lambda p: (
        f"{p.s('race')} on {p.s('race_date')} falls in the plan's first week: too soon for a "
        f"cycle (running-economy gains need about {p.i('min_weeks')}+ weeks). That week is its "
        f"race week, with at most a light session {p.i('days')} or more days before the race; "
        "recovery follows it."
    ),
    RuleId.SESSIONS_LEFT_OUT: lambda p: (
        f"{p.i('count')} of {p.i('planned')} planned sessions this week: on every strength day "
        "left, another would break placement rules that cost more than leaving it out "
        "(penalty_session_left_out_points)."
    ),
    RuleId.SESSIONS_BEFORE_START: _sessions_before_start,
    RuleId.SESSIONS_LIMITED: lambda p: (
        f"{p.i('count')} of {p.i('planned')} planned sessions fit this week (strength days, "
        "race and taper limits)."
    ),
    RuleId.CATEGORY_MISSING: lambda p: (
        f"This week holds no {and_list([_CATEGORY.get(c, c) for c in p.t('categories')])}: "
        "your kit, niggles, days or minutes left no room for it (each session's notes say what "
        "was left out and why)."
    ),
    RuleId.STAND_IN: lambda p: (
        f"A light {p.s('light')} session takes the place of the session left out."
    ),
    RuleId.STAND_IN_ONLY: lambda p: (
        f"No heavy session fits this week (race and taper limits), so a light {p.s('light')} "
        "session takes its place."
    ),
    RuleId.PHASE_WEEK: _phase_week,
    RuleId.DELOAD_WEEK: lambda p: "deload week: same exercises, fewer sets, more in reserve",
    RuleId.TAPER_LAST_HEAVY: lambda p: "taper: the last heavy session before the race",
    RuleId.TAPER_ACTIVATION: lambda p: (
        "taper: light activation only, nothing in the last days before the race"
    ),
    RuleId.ACTIVATION_STAND_IN: lambda p: (
        "light activation in place of a heavy session that no day this week allows without "
        "breaking the rules"
    ),
    RuleId.B_RACE_MINI_TAPER: lambda p: (
        "a B race is near: one heavy session early in the week, then light activation"
    ),
    RuleId.RACE_RECOVERY: lambda p: "recovery after the race: light work only",
    RuleId.HARD_DAYS_HARD: lambda p: "hard days hard: strength on a day that is already hard",
    RuleId.RECOVERY_DAY: lambda p: (
        "on a recovery-run day, which strength avoids where it can: none of your other strength "
        "days this week suits this session better; keep the run truly easy"
    ),
    RuleId.EASY_DAY_NO_KEY_DAY_SUITS: lambda p: (
        "on a day without a key run: no key-run day this week suits this session"
    ),
    RuleId.EASY_DAY_NO_KEY_DAY: lambda p: (
        "on a day without a key run: none of your strength days has one"
    ),
    RuleId.LIGHT_ON_EASY_DAY: lambda p: "light on the legs, so it can go on an easy day",
    RuleId.MOVED_AFTER_RUN: lambda p: (
        f"moved to {p.s('time')} to leave {p.n('hours'):g} h after the run"
    ),
    RuleId.RUN_FIRST: lambda p: (
        f"rule 'run first, strength later' broken: {run_text(p.s('run'))} starts at "
        f"{p.s('run_time')}, after this session and too late to lift after it"
    ),
    RuleId.TOO_SOON_AFTER_RUN: lambda p: (
        f"rule 'at least {p.n('min_hours'):g} h after the run' broken: only "
        f"{p.n('hours'):.1f} h after {run_text(p.s('run'))}"
    ),
    RuleId.SAME_SESSION_AFTER_RUN: lambda p: (
        f"straight after {run_text(p.s('run'))}, in the same session: no later time today leaves "
        f"the {p.n('min_hours'):g} h between them, and run first, then lift is the order that "
        "spares the run; the same session blunts only explosive gains"
    ),
    RuleId.AFTER_RUN: lambda p: (
        f"{p.n('hours'):.0f} h after {run_text(p.s('run'))}: run first, then lift"
    ),
    RuleId.TAPER_TIMING: lambda p: (
        f"{p.i('days')} days before the race: the taper keeps the last heavy session at least "
        f"{p.i('target')} days out"
    ),
    RuleId.DAY_BEFORE_KEY_RUN: _day_before_key_run,
    RuleId.KEY_RUN_BUFFER: _key_run_buffer,
    RuleId.MODERATE_NEAR_KEY_RUN: _moderate_near_key_run,
    RuleId.NO_KEY_RUN_NEAR: lambda p: (
        f"no key run, long run or race the next day, nor within {p.n('buffer_hours'):g} h"
    ),
    RuleId.LEGS_MODERATED_KEY_RUN: _legs_moderated_key_run,
    RuleId.LEGS_MODERATED_SPACING: lambda p: (
        f"moderate on the legs today: {p.i('hours')} h after {Weekday(p.s('day')).full_name}'s "
        f"heavy leg session, and heavy legs keep {p.n('min_hours'):g} h apart"
    ),
    RuleId.HEAVY_LEGS_TOO_CLOSE: lambda p: (
        f"rule '{p.n('min_hours'):g} h between heavy leg sessions' broken: {p.i('hours')} h "
        "after the last one"
    ),
    RuleId.PLYO_TOO_CLOSE: lambda p: (
        f"rule '{p.n('min_hours'):g} h between plyometric sessions' broken: {p.i('hours')} h "
        "after the last one"
    ),
    RuleId.PLYO_LEFT_OUT_SPACING: lambda p: (
        f"no plyometrics today: {p.i('hours')} h after {Weekday(p.s('day')).full_name}'s, and "
        f"plyometric sessions keep {p.n('min_hours'):g} h apart"
    ),
    RuleId.OVER_TIME: lambda p: (
        f"about {p.i('minutes')} minutes, more than your {p.i('budget_minutes')}: even the "
        "main lifts alone take longer"
    ),
    RuleId.MISSED_MOVED: _missed_moved,
    RuleId.MISSED_DROPPED: _missed_dropped,
    RuleId.NO_PLYO_NIGGLE: lambda p: "no plyometrics: they load your niggle",
    RuleId.POWER_FOR_DAY: _power_for_day,
    RuleId.HARD_PLYO_LEFT_OUT: lambda p: (
        f"left out {', '.join(p.t('exercises'))}: no hard plyometrics on this day"
    ),
    RuleId.NIGGLE_PATTERN_REMOVED: _niggle_pattern_removed,
    RuleId.NO_SINGLE_LEG: _no_single_leg,
    RuleId.LEFT_OUT_TO_FIT: lambda p: (
        f"left out {', '.join(p.t('exercises'))} to fit {budget_text(p)}"
    ),
    RuleId.CIRCUIT_TO_FIT: lambda p: (
        f"accessories, upper body and trunk as one circuit, one rest a round, to fit "
        f"{budget_text(p)}"
    ),
    RuleId.SETS_CUT_TO_FIT: lambda p: (
        f"{sets_text(p.i('sets'))} instead of {p.i('before')} to fit {budget_text(p)}: "
        f"{', '.join(p.t('exercises'))}"
    ),
    RuleId.NIGGLE_SWAP: lambda p: (
        f"chosen instead of {p.s('replaced')}, which needs care with your "
        f"{sites_text(p.t('niggle_sites'))} niggle"
    ),
    RuleId.NIGGLE_CARE: _niggle_care,
    RuleId.NIGGLE_TENDON_LOADING: _niggle_tendon_loading,
    RuleId.NIGGLE_FEWER_CONTACTS: lambda p: (
        f"{p.i('percent')} % of the contacts for your {sites_text(p.t('niggle_sites'))} niggle"
    ),
    RuleId.SINGLE_LEG_HIP: lambda p: (
        f"single-leg hip work in place of single-leg knee work: {_why_empty(p)}"
    ),
    RuleId.HEAVIER_VARIANT: _heavier_variant,
    RuleId.LIGHT_MORE_REPS: lambda p: (
        f"{shortfall_text(p)}: {p.i('new_reps')} reps instead, to end near {p.i('rir')} in reserve"
    ),
    RuleId.LIGHT_SLOW_TEMPO: _light_slow_tempo,
    RuleId.LOAD_CAPPED: _load_capped,
    RuleId.LOAD_ESTIMATED: _load_estimated,
    RuleId.B_RACE_DOSE: _b_race_dose,
    RuleId.REDUCED_VOLUME: lambda p: (
        f"first weeks: {p.i('sets')} sets, easy effort, to limit soreness"
    ),
    RuleId.ACTIVATION_CUE: lambda p: (
        "light activation: easy, crisp reps; stop well short of fatigue"
    ),
    RuleId.PLYO_CUE: lambda p: "quick, springy contacts; stop a set when they slow down",
    RuleId.POWER_CUE: lambda p: (
        "a light load moved as fast as you can; stop a set when the reps slow down"
    ),
    RuleId.DELOAD_DOSE: _deload_dose,
    RuleId.MODERATED_DOSE: _moderated_dose,
    RuleId.DELOAD_BY_EFFORT: _deload_by_effort,
    RuleId.PROGRESSION: _progression,
    RuleId.FROM_WORKOUT_FILE: lambda p: f"from the workout file {p.s('file')}",
    RuleId.COACH_PINNED: _coach_pinned,
    RuleId.LOG_LOAD: _log_load,
    RuleId.LOAD_RISE_CAPPED: lambda p: (
        f"capped at {mass_text(p, 'next_kg')}: at most {p.n('pct'):g} % above the "
        f"{mass_text(p, 'kg')} last lifted"
    ),
    RuleId.DOUBLE_PROGRESSION: _double_progression,
    RuleId.HOLD_FROM_LOG: lambda p: (
        f"{p.i('seconds')} s: on {p.s('date')} you held {p.i('shortest')}-{p.i('longest')} s "
        f"of the {p.i('planned')} s planned"
    ),
    RuleId.PLYO_FROM_LOG: lambda p: (
        f"{p.i('contacts')} contacts of the {p.i('planned')} planned: on {p.s('date')} you did "
        f"{p.i('done')}; building back up"
    ),
    RuleId.E1RM_STALLED: lambda p: (
        f"stalled: e1RM {mass_text(p, 'e1rm_kg')}, not up on {mass_text(p, 'first_kg')} over "
        f"{p.i('exposures')} sessions; {p.i('pct')} % lighter to build back up"
    ),
    RuleId.HIGH_SESSION_RPE: lambda p: (
        f"session RPE {p.n('mean'):g} on average over your last "
        f"{plural(p.i('sessions'), 'session')} this week (at least {p.n('threshold'):g}): "
        f"{p.i('rir_add')} more in reserve today"
    ),
    RuleId.MISSED_SESSIONS: lambda p: (
        f"{plural(p.i('missed'), 'session')} missed in the last {p.i('days')} days: loads "
        f"{p.i('pct')} % lighter to come back in"
    ),
    RuleId.NIGGLE_CHECK_IN: _niggle_check_in,
    RuleId.TEXT: lambda p: p.s("text"),
    RuleId.RUN_KIND_SET: lambda p: f"{p.s('kind')}: as the athlete set it",
    RuleId.RUN_RACE: _run_race,
    RuleId.RUN_HILLS: _run_hills,
    RuleId.RUN_INTERVALS: lambda p: (
        f"intervals: {p.i('work_laps')} of {p.i('laps')} laps at {p.i('work_lap_pct')} % or more "
        "of the run's median lap, with easier laps between"
    ),
    RuleId.RUN_LONG: lambda p: (
        f"long: {p.i('minutes')} minutes"
        + (f", {p.i('week_pct')} % of a usual week's running" if p.i("week_pct") else "")
    ),
    RuleId.RUN_TEMPO: lambda p: f"tempo: {_effort_text(p)} for {p.i('minutes')} minutes",
    RuleId.RUN_EASY: lambda p: (
        "easy: no power, pace or heart rate to say otherwise"
        if p.s("measure") == "none"
        else f"easy: {_effort_text(p)} on average"
    ),
    RuleId.LOAD_SRPE: lambda p: (
        f"{p.i('au')} AU: session RPE {p.i('rpe')} x {p.i('minutes')} minutes"
    ),
    RuleId.LOAD_POWER: lambda p: (
        f"{p.i('au')} AU: {p.i('minutes')} minutes at {p.i('pct')} % of threshold power "
        f"({p.i('points')} power-stress points)"
    ),
    RuleId.LOAD_TRIMP: lambda p: (
        f"{p.i('au')} AU: {p.i('minutes')} minutes at {p.i('pct')} % of heart-rate reserve "
        f"(TRIMP {p.i('trimp')})"
    ),
    RuleId.LOAD_ASSUMED_RPE: lambda p: (
        f"{p.i('au')} AU: {p.i('minutes')} minutes x RPE {p.i('rpe')} taken for {p.s('kind')} "
        "(nothing measured: an assumption)"
    ),
    RuleId.LOAD_NOT_COUNTED: lambda p: (
        f"{p.i('sessions')} strength session{'s' if p.i('sessions') != 1 else ''} logged without "
        "minutes: not counted"
    ),
    RuleId.RUNS_AS_RUN: lambda p: (
        f"runs from {p.d('first_date'):%a %d %b} to {p.d('last_date'):%a %d %b} as imported "
        f"({', '.join(p.t('runs')) or 'none'}), in place of the running week"
    ),
    RuleId.KEY_RUN_DONE_ELSEWHERE: lambda p: (
        f"{run_text(p.s('run'))} of {p.d('planned_date'):%a %d %b} was run on "
        f"{p.d('done_date'):%a %d %b}"
    ),
    RuleId.KEY_RUN_CARRIED: lambda p: (
        f"{run_text(p.s('run'))} of {p.d('planned_date'):%a %d %b} is not among the runs of that "
        f"day: expected on {p.d('to_date'):%a %d %b}, the next day without a key run"
    ),
    RuleId.KEY_RUN_MISSED: lambda p: (
        f"{run_text(p.s('run'))} of {p.d('planned_date'):%a %d %b} is not among the runs, and no "
        "day to come this week is free for it"
    ),
    RuleId.EASED_FOR_MOVED_RUN: lambda p: (
        f"moderate on the legs: {run_text(p.s('run'))} is now on {p.d('run_date'):%a %d %b}, the "
        "next day, and no other strength day this week holds this session as planned"
    ),
    RuleId.ANCHOR_OBSERVED_MAX_HR: lambda p: (
        f"{p.i('bpm')} bpm, the highest heart rate recorded ({p.s('run')}, {p.s('date')}; "
        f"{p.i('runs')} runs with heart rate): the true maximum is at least this"
    ),
    RuleId.ANCHOR_THRESHOLD_POWER: lambda p: (
        f"{p.i('watts')} W: {p.i('effort_watts')} W for {p.i('minutes')} minutes "
        f"({p.s('run')}, {p.s('date')}) held for an hour by Riegel's law ({p.n('factor_pct'):g} %)"
        + _anchor_caveat(p)
    ),
    RuleId.ANCHOR_THRESHOLD_PACE: lambda p: (
        f"{p.s('pace')} /km: {p.s('effort_pace')} /km for {p.i('minutes')} minutes "
        f"({p.s('run')}, {p.s('date')}) held for an hour by Riegel's law ({p.n('factor_pct'):g} % "
        "of its speed)" + _anchor_caveat(p)
    ),
    RuleId.INFER_RUN_DAY: lambda p: (
        f"{p.s('weekday')}: {p.s('type')} in {p.i('count')} of {p.i('weeks')} weeks "
        f"({', '.join(p.t('dates'))}), typically {p.i('minutes')} min at {p.s('time')}"
    ),
    RuleId.INFER_MIXED_DAY: lambda p: (
        f"{p.s('weekday')}: a run in {p.i('count')} of {p.i('weeks')} weeks "
        f"({', '.join(p.t('dates'))}) of no one kind as often, taken as easy, typically "
        f"{p.i('minutes')} min at {p.s('time')}"
    ),
    RuleId.INFER_REST_DAY: lambda p: (
        f"{p.s('weekday')}: rest, a run in {p.i('runs')} of {p.i('weeks')} weeks "
        f"(fewer than {p.i('share_pct')} %)"
    ),
    RuleId.INFER_ONE_LONG_RUN: lambda p: (
        f"{p.s('weekday')}: easy, not a second long run of the week ({p.i('count')} of "
        f"{p.i('weeks')} weeks: {', '.join(p.t('dates'))}), typically {p.i('minutes')} min at "
        f"{p.s('time')}"
    ),
    RuleId.INFER_RECOVERY_KEPT: lambda p: (
        f"{p.s('weekday')}: recovery as the profile says (runs cannot tell it from easy), "
        f"typically {p.i('minutes')} min"
    ),
    RuleId.LOAD_RATIO_CAVEAT: lambda p: (
        "the acute:chronic ratio describes a change of load only; it does not predict injury "
        "(random or fixed 'chronic' loads give the same associations)"
    ),
}


def text(reason: Reason) -> str:
    """The reason in words, without its sources."""
    return CATALOGUE[reason.rule](P(dict(reason.params)))


def cited(reason: Reason) -> str:
    """The reason in words with its sources in brackets: "... [doma2013, schumann2022]"."""
    words = text(reason)
    if not reason.citations:
        return words
    stop = "." if words.endswith(".") else ""
    return f"{words.removesuffix('.')} [{', '.join(reason.citations)}]{stop}"
