"""Every threshold the engine uses: a name with its unit, a value, and where it comes from.

`Rules()` holds the defaults. A profile's `[rules]` table overrides any field by name
(docs/formats.md). Each field's metadata carries `cite` (a key of docs/science.md), `heuristic`
(True when it is our own design choice, tag [D]) and `least` (the smallest value a profile may
set, 0 unless given); `runstrong rules` lists them all.
"""

from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import Any

from runstrong.domain.intensity import LAST_RM


def rule(
    default: Any,
    *,
    cite: str,
    heuristic: bool = False,
    doc: str = "",
    least: float = 0,
    most: float | None = None,
) -> Any:
    metadata = {"cite": cite, "heuristic": heuristic, "doc": doc, "least": least, "most": most}
    return field(default=default, metadata=metadata)


HOURS_IN_A_DAY = 24
# The longest spacing a rule may ask for: four days. Longer, and two sessions a week could not keep
# it, and a key run a week later would be checked again (our limit [D]).
MAX_BUFFER_HOURS = 96
MAX_RIR = 5  # reps in reserve are only guessed within about a rep up to 5 [hackett2017]
# The longest a race may keep heavy legs away: four weeks, after which its recovery is a plan of
# its own (our limit [D]).
MAX_DAYS_AFTER_RACE = 28
MAX_TEMPO_SECONDS = 9  # a tempo such as 4-1-1-0 writes each phase as one digit
# Limits of a dose: reps at most 30 (as an exercise file's max_reps), holds of 5-600 s and rests
# up to 600 s (as a workout file's; docs/formats.md).
MAX_REPS = 30
MIN_HOLD_SECONDS = 5
MAX_HOLD_SECONDS = 600
MAX_REST_SECONDS = 600
# Every other number a profile may set has an upper limit too, so that no override can ask the
# engine for an unbounded amount of work (a million accessory sets): our limits [D], each well
# above any sensible value.
MAX_SETS = 10  # sets of one exercise in a session (as a workout file's)
MAX_PLAN_WEEKS = 104  # weeks of a phase or a cycle: a plan is at most 104 weeks
MAX_POINTS = 1000  # placement and selection points (dimensionless)
MAX_PLYO_CONTACTS = 300  # foot contacts in a session
MAX_RATIO_TO_BODY_MASS = 5.0  # kg lifted per kg of body mass
MAX_ROTATION_EXERCISES = 10
MAX_SESSION_MINUTES = 180  # a session's time budget (availability.session_minutes)
MAX_WARM_UP_MINUTES = 60
MAX_RUN_MINUTES = 36 * 60  # the longest run imported (domain.activity.MAX_RUN_HOURS)
MAX_PROGRESSION_ROWS = 10  # steps of a progression table, and rows a block may start higher
MAX_HOLD_STEP_SECONDS = 60  # seconds a hold may gain a step
# Pairs of rules where the first may not exceed the second, or (strict) must stay below it.
ORDERED_PAIRS = (
    ("rir_min", "rir_max", False),
    ("min_hours_run_to_strength", "preferred_hours_run_to_strength", False),
    ("min_loading_weeks_before_deload", "deload_every_weeks", True),
    ("niggle_pain_safe_max", "niggle_pain_acceptable_max", False),
    ("load_acute_days", "load_chronic_days", True),
    ("bodyweight_main_sets_start", "bodyweight_main_sets_most", False),
)


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Rules:
    """Every rule's value: the defaults, or a profile's overrides (`override`), immutable.

    No generated __init__, repr, __eq__ or __hash__: with 235 fields, compiling them cost every
    command's start (the generated __init__ alone, some 8 ms of a 150 ms `runstrong plan`; the
    two comparisons, 15M instructions). `__init__` below sets every field from its default or a
    keyword of the same name, and `__eq__` and `__hash__` compare the same values, field by
    field. Still a dataclass: `fields`, `replace` and the frozen `__setattr__` work as before."""

    # Frequency (science.md §1.1, §2.1 runner adaptation, §3.2)
    sessions_per_week_base_build: int = rule(
        2,
        cite="blagrove2018",
        doc="strength sessions a week in base and build (1-2: the two sessions A and B)",
        least=1,
        most=2,
    )
    sessions_per_week_maintenance: int = rule(
        1,
        cite="ronnestad2010",
        doc="sessions a week in peak, race season and maintenance (1-2)",
        least=1,
        most=2,
    )
    min_program_weeks_for_economy: int = rule(
        8,
        cite="balsalobre2016",
        doc="weeks of training before running-economy gains are expected",
        most=MAX_PLAN_WEEKS,
    )
    # Periodisation, counted in weeks before the A race's week (science.md §3.1)
    peak_weeks: int = rule(
        2, cite="bazyler2015", heuristic=True, doc="weeks of peak before taper", most=MAX_PLAN_WEEKS
    )
    build_weeks: int = rule(
        6, cite="bazyler2015", heuristic=True, doc="weeks of build before peak", most=MAX_PLAN_WEEKS
    )
    min_base_weeks: int = rule(
        3,
        cite="bazyler2015",
        heuristic=True,
        doc="shortest base block worth keeping",
        most=MAX_PLAN_WEEKS,
    )
    taper_weeks_a_race: int = rule(
        2,
        cite="bosquet2007",
        doc="taper weeks before an A race (race week included)",
        most=MAX_PLAN_WEEKS,
    )
    recovery_weeks_after_long_race: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="recovery weeks after a marathon or ultra",
        most=MAX_PLAN_WEEKS,
    )
    recovery_weeks_after_race: int = rule(
        1,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="recovery weeks after a shorter A race",
        most=MAX_PLAN_WEEKS,
    )
    no_race_base_weeks: int = rule(
        12,
        cite="eihara2022",
        heuristic=True,
        doc="base weeks when no race is planned",
        most=MAX_PLAN_WEEKS,
    )
    default_plan_weeks_without_race: int = rule(
        16,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plan length when no race is planned",
        most=MAX_PLAN_WEEKS,
    )
    # Taper (science.md §3.1)
    last_heavy_days_before_a_race: int = rule(
        9,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="last heavy lower-body session, days before an A race (7-10)",
        most=MAX_DAYS_AFTER_RACE,
    )
    last_heavy_days_before_b_race: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="last heavy lower-body session, days before a B race",
        most=MAX_DAYS_AFTER_RACE,
    )
    last_activation_days_before_race: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="last light activation session, days before an A or B race",
        most=MAX_DAYS_AFTER_RACE,
    )
    no_strength_days_before_race: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="no strength at all in these last days before an A or B race",
        most=MAX_DAYS_AFTER_RACE,
    )
    no_strength_days_after_race: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="no strength session in the days after an A race",
        most=MAX_DAYS_AFTER_RACE,
    )
    no_heavy_days_after_b_race: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="no heavy legs or hard plyometrics in these days after a 5k, 10k or other A or B race",
        most=MAX_DAYS_AFTER_RACE,
    )
    no_heavy_days_after_long_race: int = rule(
        7,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="no heavy legs or hard plyometrics in these days after a marathon (at least "
        "no_heavy_days_after_half_marathon)",
        most=MAX_DAYS_AFTER_RACE,
    )
    no_heavy_days_after_half_marathon: int = rule(
        4,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="no heavy legs or hard plyometrics in these days after a half marathon (at least "
        "no_heavy_days_after_b_race)",
        most=MAX_DAYS_AFTER_RACE,
    )
    no_heavy_days_after_ultra: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="no heavy legs or hard plyometrics in these days after an ultra (at least "
        "no_heavy_days_after_long_race)",
        most=MAX_DAYS_AFTER_RACE,
    )
    # The last days before a B race: lighter doses whatever the session (science.md §3.1)
    b_race_window_days: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="days before a B race in which every session keeps the B-race doses below",
        most=MAX_DAYS_AFTER_RACE,
    )
    b_race_min_rir: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="fewest reps in reserve of a set within b_race_window_days of a B race",
        most=MAX_RIR,
    )
    b_race_max_percent_1rm: int = rule(
        85,
        cite="nsca2016",
        heuristic=True,
        doc="every set within b_race_window_days of a B race stays below this %1RM (at its reps "
        "+ RIR)",
        least=75,
        most=100,
    )
    b_race_max_plyo_contacts: int = rule(
        20,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="most plyometric contacts of a session within b_race_window_days of a B race",
        most=300,
    )
    # Deloads (science.md §3.4)
    deload_every_weeks: int = rule(
        4,
        cite="bell2023",
        heuristic=True,
        doc="deload cadence when the running week gives none (more than "
        "min_loading_weeks_before_deload)",
        least=1,
        most=MAX_PLAN_WEEKS,
    )
    min_loading_weeks_before_deload: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="loading weeks a deload needs since the last light week (race recovery, taper, deload)",
        most=MAX_PLAN_WEEKS,
    )
    deload_sets_cut_pct: int = rule(
        50, cite="bell2022", heuristic=True, doc="sets cut in a deload week", most=100
    )
    deload_rir_add: int = rule(
        2, cite="bell2022", heuristic=True, doc="RIR added in a deload week", most=MAX_RIR
    )
    deload_plyo_cut_pct: int = rule(
        50,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plyometric contacts cut in a deload week",
        most=100,
    )
    deload_by_effort_once_a_week: bool = rule(
        True,
        cite="bell2022",
        heuristic=True,
        doc="a once-a-week session's body-weight and band work deloads by reps in reserve alone "
        "(its sets kept: half of one session a week is too little to keep)",
    )
    # Progression (science.md §2.1, §3.4; progression.py)
    progression_block_step_rows: int = rule(
        1,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="rows of a dose table each block of a phase starts above the block before it (the "
        "wave goes on across deloads)",
        most=MAX_PROGRESSION_ROWS,
    )
    progression_max_main_sets: int = rule(
        5,
        cite="nsca2016",
        heuristic=True,
        least=1,
        doc="most sets of a main lift when a block's weeks run past the top of its rep wave "
        "(a set more a week)",
        most=MAX_SETS,
    )
    bodyweight_main_sets_start: int = rule(
        2,
        cite="acsm2009",
        heuristic=True,
        least=1,
        doc="sets of a body-weight or band main lift on the first step of its progression",
        most=MAX_SETS,
    )
    bodyweight_main_sets_most: int = rule(
        3,
        cite="acsm2009",
        heuristic=True,
        least=1,
        doc="sets of a body-weight or band main lift at the top of its progression",
        most=MAX_SETS,
    )
    bodyweight_main_fewer_reps: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="reps below the variant's own on the first step of each number of sets of a "
        "body-weight or band main lift",
        most=MAX_REPS,
    )
    bodyweight_slow_lowering_seconds: int = rule(
        3,
        cite="acsm2009",
        heuristic=True,
        least=1,
        doc="seconds to lower a body-weight or band main lift on the last step of its "
        "progression (tempo 3-1-1-0, outside build)",
        most=MAX_TEMPO_SECONDS,
    )
    hold_seconds_step: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="seconds a timed hold gains a step of its progression",
        most=MAX_HOLD_STEP_SECONDS,
    )
    hold_steps: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="steps a timed hold climbs above its level's seconds",
        most=MAX_PROGRESSION_ROWS,
    )
    plyo_contacts_step_pct: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plyometric contacts a step of progression adds, share of the level's contacts a "
        "session",
        most=100,
    )
    plyo_contacts_steps: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="steps plyometric contacts climb above the level's contacts a session",
        most=MAX_PROGRESSION_ROWS,
    )
    plyo_contacts_most_beginner: int = rule(
        60,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="most plyometric contacts a session a beginner's progression reaches (40-60)",
        most=MAX_PLYO_CONTACTS,
    )
    plyo_contacts_most_intermediate: int = rule(
        100,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="most plyometric contacts a session an intermediate's progression reaches (60-100)",
        most=MAX_PLYO_CONTACTS,
    )
    plyo_contacts_most_advanced: int = rule(
        140,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="most plyometric contacts a session an advanced runner's progression reaches (80-140)",
        most=MAX_PLYO_CONTACTS,
    )
    # Scheduling (science.md §3.3)
    min_hours_run_to_strength: float = rule(
        3.0,
        cite="schumann2022",
        doc="least time from the end of a run to strength the same day",
        most=HOURS_IN_A_DAY,
    )
    preferred_hours_run_to_strength: float = rule(
        6.0,
        cite="doma2013",
        doc="preferred time from the end of a run to strength the same day",
        most=HOURS_IN_A_DAY,
    )
    key_run_buffer_hours: float = rule(
        48.0,
        cite="doma2019",
        heuristic=True,
        doc="preferred time from heavy legs or moderate-to-high plyometrics to a key run, long "
        "run or race: a preference that steers the choice of days (penalty_key_run_buffer_points"
        "), never a warning; the day before is the rule (fit_legs_to_day)",
        most=MAX_BUFFER_HOURS,
    )
    min_hours_between_heavy_lower: float = rule(
        48.0, cite="doma2019", doc="between two heavy lower-body sessions", most=MAX_BUFFER_HOURS
    )
    min_hours_between_plyo: float = rule(
        48.0, cite="nsca2016", doc="between two plyometric sessions", most=MAX_BUFFER_HOURS
    )
    # Place, then dose by place (science.md §3.3): a heavy session on a day that cannot hold
    # heavy legs (the day before a key run, long run or race; too close to another heavy leg
    # session) keeps its day and becomes moderate on the legs.
    fit_legs_to_day: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a heavy session the day before a key run, long run or race, or closer than "
        "min_hours_between_heavy_lower to another heavy one, becomes moderate on the legs, and "
        "one closer than min_hours_between_plyo to other jumps leaves its own out (1 on; 0 off: "
        "it stays as it was and a warning names the broken rule)",
    )
    # The plan as lived (lived_plan.py): a session the log says was missed moves within its week.
    move_missed_sessions: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a session logged skipped or moved goes to the athlete's day, else the best free "
        "strength day later in its week that holds it as planned, else it is dropped (1 on; "
        "0 off: a missed session is dropped)",
    )
    carry_missed_key_runs: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a key run of the running week not among the imported runs of its day is expected "
        "on the next day of its week to come without a key run, and the plan as lived places "
        "strength around it (1 on; 0 off: it is said to be missed)",
    )
    heavy_set_min_percent_1rm: int = rule(
        80,
        cite="doma2019",
        heuristic=True,
        doc="a lower-body set at or above this %1RM is heavy: none where the day asks for "
        "moderate legs",
        least=50,
        most=100,
    )
    heavy_set_max_reps: int = rule(
        5,
        cite="doma2019",
        heuristic=True,
        doc="a lower-body set of at most this many reps at RIR heavy_set_max_rir or less is "
        "heavy: none where the day asks for moderate legs",
        least=1,
        most=MAX_REPS,
    )
    heavy_set_max_rir: int = rule(
        3,
        cite="doma2019",
        heuristic=True,
        doc="see heavy_set_max_reps",
        most=MAX_RIR,
    )
    moderate_legs_min_reps: int = rule(
        8,
        cite="acsm2009",
        heuristic=True,
        doc="a heavy lower-body set made moderate for its day: at least this many reps",
        least=1,
        most=LAST_RM,
    )
    moderate_legs_min_rir: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a lower-body set made moderate for its day: at least this many reps in reserve "
        "(single-leg and calf work too)",
        most=MAX_RIR,
    )
    moderate_legs_fewer_sets: int = rule(
        1,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="sets taken off a heavy lower-body exercise made moderate for its day (never below "
        "2, nor below its own sets)",
        most=5,
    )
    moderate_legs_rest_seconds: int = rule(
        120,
        cite="acsm2009",
        heuristic=True,
        doc="longest rest between sets of a lower-body exercise made moderate for its day",
        least=30,
        most=MAX_REST_SECONDS,
    )
    latest_session_hour: int = rule(
        21,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="latest start hour when moving a session later",
        most=23,
    )
    # Placement penalties (science.md "Every rule the engine uses"): each candidate placement of a
    # week's sessions costs the penalty points (dimensionless) of the rules it breaks; the least
    # costly placement wins. Our own weighting of how bad each break is.
    penalty_day_before_key_run_points: int = rule(
        36,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): a heavy session the day before a key run, long "
        "run or race, made moderate on the legs for that day (fit_legs_to_day; off: kept heavy, "
        "with a warning)",
        most=MAX_POINTS,
    )
    # Above penalty_legs_not_on_hard_day_points (an easy day is preferred to the day before a
    # key run), and below penalty_recovery_day_points, the cheapest broken rule, even with those
    # 10 points added: a preference must not outweigh a rule and its warning.
    penalty_moderate_day_before_key_run_points: int = rule(
        12,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): moderate legs (a beginner's session, a deload) the "
        "day before a key run, long run or race: allowed, but another day is preferred",
        most=MAX_POINTS,
    )
    penalty_heavy_legs_too_close_points: int = rule(
        36,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): a heavy lower-body session closer than "
        "min_hours_between_heavy_lower to another, made moderate on the legs "
        "(fit_legs_to_day; off: kept heavy, with a warning)",
        most=MAX_POINTS,
    )
    penalty_plyo_too_close_points: int = rule(
        60,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): two plyometric sessions closer than "
        "min_hours_between_plyo",
        most=MAX_POINTS,
    )
    penalty_too_soon_after_run_points: int = rule(
        40,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): strength less than min_hours_run_to_strength "
        "after the day's run",
        most=MAX_POINTS,
    )
    penalty_before_run_points: int = rule(
        40,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): strength before the day's run",
        most=MAX_POINTS,
    )
    penalty_recovery_day_points: int = rule(
        25,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): heavy or moderate legs on a recovery-run day",
        most=MAX_POINTS,
    )
    penalty_key_run_buffer_points: int = rule(
        20,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless), per key run: heavy legs or hard plyometrics less "
        "than key_run_buffer_hours before it (beyond the next day): a preference, no warning",
        most=MAX_POINTS,
    )
    penalty_legs_not_on_hard_day_points: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): heavy or moderate legs on a day with no key run",
        most=MAX_POINTS,
    )
    penalty_under_preferred_gap_points: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): heavy or moderate legs less than "
        "preferred_hours_run_to_strength after the day's run",
        most=MAX_POINTS,
    )
    penalty_light_session_on_hard_day_points: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless): a session light on the legs (upper body, trunk, "
        "activation) on a key-run day",
        most=MAX_POINTS,
    )
    penalty_per_taper_day_early_points: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless) per day the taper's last heavy session falls "
        "earlier than last_heavy_days_before_a_race",
        most=MAX_POINTS,
    )
    penalty_session_left_out_points: int = rule(
        110,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="penalty points (dimensionless) per planned session left out of a week: more than "
        "any one broken rule, less than two serious ones",
        most=MAX_POINTS,
    )
    # Dose (science.md §2.3, §2.4, §2.5)
    beginner_reduced_volume_weeks: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="first weeks at reduced volume for beginners (2-3)",
        most=MAX_PLAN_WEEKS,
    )
    rir_min: int = rule(
        1, cite="hackett2017", heuristic=True, doc="lowest RIR prescribed", most=MAX_RIR
    )
    rir_max: int = rule(
        4, cite="hackett2017", heuristic=True, doc="highest RIR prescribed", most=MAX_RIR
    )
    plyo_contacts_beginner: int = rule(
        50,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plyometric contacts a session, beginner (40-60)",
        most=MAX_PLYO_CONTACTS,
    )
    plyo_contacts_intermediate: int = rule(
        80,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plyometric contacts a session, intermediate (60-100)",
        most=MAX_PLYO_CONTACTS,
    )
    plyo_contacts_advanced: int = rule(
        110,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plyometric contacts a session, advanced (80-140)",
        most=MAX_PLYO_CONTACTS,
    )
    plyo_contacts_maintenance: int = rule(
        40,
        cite="bazyler2015",
        heuristic=True,
        doc="plyometric contacts a session in peak and race season (30-60)",
        most=MAX_PLYO_CONTACTS,
    )
    high_plyo_min_squat_bw_ratio: float = rule(
        1.5,
        cite="nsca2016",
        doc="squat 1RM per body mass before high-intensity plyometrics",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    # Accessory and plyometric doses (prescription.py; science.md §2.3, §2.4, §3.1); the main
    # lifts' dose tables by level and phase stay tables in prescription.py (science.md §2.3).
    beginner_reduced_volume_sets: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="most sets of any exercise in a beginner's first weeks (beginner_reduced_volume_weeks)",
        most=MAX_SETS,
    )
    beginner_reduced_volume_min_rir: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="least RIR in a beginner's first weeks",
        most=MAX_RIR,
    )
    accessory_sets: int = rule(
        3,
        cite="acsm2009",
        heuristic=True,
        least=1,
        doc="sets of a single-leg, posterior-chain, calf or upper-body accessory",
        most=MAX_SETS,
    )
    accessory_sets_light: int = rule(
        2,
        cite="spiering2021",
        heuristic=True,
        least=1,
        doc="sets of those accessories for a beginner, and in peak, race season and taper",
        most=MAX_SETS,
    )
    accessory_rir_beginner: int = rule(
        3,
        cite="acsm2009",
        heuristic=True,
        doc="RIR of an accessory, beginner",
        most=MAX_RIR,
    )
    accessory_rir_intermediate: int = rule(
        2,
        cite="acsm2009",
        heuristic=True,
        doc="RIR of an accessory, intermediate",
        most=MAX_RIR,
    )
    accessory_rir_advanced: int = rule(
        2,
        cite="acsm2009",
        heuristic=True,
        doc="RIR of an accessory, advanced",
        most=MAX_RIR,
    )
    loaded_accessory_reps_beginner: int = rule(
        12,
        cite="acsm2009",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a loaded accessory, beginner",
    )
    loaded_accessory_reps_intermediate: int = rule(
        8,
        cite="acsm2009",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a loaded accessory, intermediate",
    )
    loaded_accessory_reps_advanced: int = rule(
        6,
        cite="acsm2009",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a loaded accessory, advanced",
    )
    bodyweight_reps_beginner_variant: int = rule(
        12,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a body-weight or band exercise of beginner level (harder variants, fewer "
        "reps)",
    )
    bodyweight_reps_intermediate_variant: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a body-weight or band exercise of intermediate level",
    )
    bodyweight_reps_advanced_variant: int = rule(
        6,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a body-weight or band exercise of advanced level",
    )
    hold_seconds_beginner_variant: int = rule(
        30,
        cite="runstrong_heuristic",
        heuristic=True,
        least=MIN_HOLD_SECONDS,
        most=MAX_HOLD_SECONDS,
        doc="seconds of a timed hold of beginner level",
    )
    hold_seconds_intermediate_variant: int = rule(
        40,
        cite="runstrong_heuristic",
        heuristic=True,
        least=MIN_HOLD_SECONDS,
        most=MAX_HOLD_SECONDS,
        doc="seconds of a timed hold of intermediate level",
    )
    hold_seconds_advanced_variant: int = rule(
        45,
        cite="runstrong_heuristic",
        heuristic=True,
        least=MIN_HOLD_SECONDS,
        most=MAX_HOLD_SECONDS,
        doc="seconds of a timed hold of advanced level",
    )
    single_leg_rest_seconds: int = rule(
        90,
        cite="acsm2009",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a single-leg set",
    )
    posterior_rest_seconds: int = rule(
        90,
        cite="acsm2009",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a posterior-chain accessory set",
    )
    calf_rest_seconds: int = rule(
        60, cite="bohm2015", heuristic=True, most=MAX_REST_SECONDS, doc="rest after a calf set"
    )
    upper_rest_seconds: int = rule(
        75,
        cite="acsm2009",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after an upper-body set",
    )
    bodyweight_main_rest_seconds: int = rule(
        75,
        cite="acsm2009",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a set of a body-weight or band main lift (dosed by reps, not %1RM)",
    )
    hip_trunk_sets: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="sets of a hip or trunk exercise",
        most=MAX_SETS,
    )
    hip_trunk_sets_beginner: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="sets of a hip or trunk exercise, beginner",
        most=MAX_SETS,
    )
    hip_trunk_reps_bodyweight: int = rule(
        12,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a body-weight or band hip or trunk exercise",
    )
    hip_trunk_reps_loaded: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a loaded hip or trunk exercise",
    )
    hip_trunk_rir: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        most=MAX_RIR,
        doc="RIR of a hip or trunk exercise",
    )
    hip_trunk_rest_seconds: int = rule(
        30,
        cite="runstrong_heuristic",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a hip or trunk set",
    )
    calf_reps_bodyweight: int = rule(
        10,
        cite="bohm2015",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a body-weight calf raise: slow, heavy-feeling sets",
    )
    calf_reps_loaded: int = rule(
        8,
        cite="bohm2015",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a loaded calf raise",
    )
    calf_lowering_seconds: int = rule(
        3,
        cite="bohm2015",
        heuristic=True,
        least=1,
        most=MAX_TEMPO_SECONDS,
        doc="seconds to lower a calf raise (tempo 3-0-3-0): heavy, slow loading for the tendon",
    )
    calf_lifting_seconds: int = rule(
        3,
        cite="bohm2015",
        heuristic=True,
        least=1,
        most=MAX_TEMPO_SECONDS,
        doc="seconds to lift a calf raise",
    )
    main_lowering_seconds: int = rule(
        2,
        cite="acsm2009",
        least=1,
        most=MAX_TEMPO_SECONDS,
        doc="seconds to lower a main lift (tempo 2-0-1-0): 1-2 s each way for heavy loads",
    )
    main_lifting_seconds: int = rule(
        1,
        cite="acsm2009",
        least=1,
        most=MAX_TEMPO_SECONDS,
        doc="seconds to lift a main lift outside build",
    )
    main_explosive_lift_in_build: bool = rule(
        True,
        cite="bazyler2015",
        heuristic=True,
        doc="in build, lift main lifts as fast as possible, tempo 2-0-X-0 (1 on, 0 off)",
    )
    explosive_lift_in_build: bool = rule(
        True,
        cite="bazyler2015",
        heuristic=True,
        doc="in build, intermediate and advanced runners do an explosive lift (a loaded jump "
        "squat, kettlebell swing or medicine-ball throw) where the kit has one (1 on, 0 off)",
    )
    power_sets: int = rule(
        3,
        cite="bazyler2015",
        heuristic=True,
        least=1,
        most=MAX_SETS,
        doc="sets of the explosive lift in build",
    )
    power_reps: int = rule(
        5,
        cite="bazyler2015",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps a set of the explosive lift: few, each as fast as possible",
    )
    power_rest_seconds: int = rule(
        120,
        cite="nsca2016",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a set of the explosive lift: full recovery keeps every rep fast",
    )
    plyo_reps_low_intensity: int = rule(
        20,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps a set of a low-intensity plyometric drill (pogos, skips)",
    )
    plyo_reps_moderate_intensity: int = rule(
        8,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps a set of a moderate-intensity plyometric drill",
    )
    plyo_reps_high_intensity: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps a set of a high-intensity plyometric drill (bounds, drop jumps)",
    )
    plyo_max_sets: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="most sets of one plyometric drill: quality over volume, more contacts come from "
        "easier drills",
        most=MAX_SETS,
    )
    plyo_rest_seconds: int = rule(
        90,
        cite="nsca2016",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a plyometric set (60-180)",
    )
    activation_sets: int = rule(
        2,
        cite="bazyler2015",
        heuristic=True,
        least=1,
        doc="sets of a light activation exercise",
        most=MAX_SETS,
    )
    activation_reps: int = rule(
        8,
        cite="bazyler2015",
        heuristic=True,
        least=1,
        most=MAX_REPS,
        doc="reps of a light activation exercise (at rir_max)",
    )
    activation_hold_seconds: int = rule(
        20,
        cite="bazyler2015",
        heuristic=True,
        least=MIN_HOLD_SECONDS,
        most=MAX_HOLD_SECONDS,
        doc="seconds of a light activation hold",
    )
    activation_rest_seconds: int = rule(
        30,
        cite="runstrong_heuristic",
        heuristic=True,
        most=MAX_REST_SECONDS,
        doc="rest after a light activation set",
    )
    superset_accessories: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="pair leg accessories with upper-body or trunk work (1 on, 0 off)",
    )
    # Exercise choice (docs/architecture.md, "Filling the slots"): candidates are scored in
    # points (dimensionless); the best few take turns block by block.
    rotation_score_window_points: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless): candidates this close to the best take turns, "
        "block by block",
        most=MAX_POINTS,
    )
    rotation_max_exercises: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="most exercises that take turns in one slot, block by block",
        most=MAX_ROTATION_EXERCISES,
    )
    outgrown_rung_penalty_points: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) off an exercise per harder rung of its ladder "
        "that a trained athlete can do",
        most=MAX_POINTS,
    )
    # The candidates' scores (selection.py; docs/architecture.md "Filling the slots"): our own
    # weights on one scale, in points (dimensionless), that only weigh one choice against
    # another. The defaults order the choices: a known max (+4) outweighs a unilateral main
    # lift (-2), barbell work for beginners (-4) outweighs a %1RM lift (+2), and so on.
    score_primary_pattern_points: float = rule(
        3.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) for an exercise whose main pattern is one the slot "
        "asks for",
        most=MAX_POINTS,
    )
    score_level_gap_strength_points: float = rule(
        2.0,
        cite="acsm2009",
        heuristic=True,
        doc="score points (dimensionless) off a strength exercise (main lift, single leg, "
        "posterior chain, calf) per level it is below the athlete's",
        most=MAX_POINTS,
    )
    score_level_gap_other_points: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) off any other exercise (plyometrics, hip, upper body, "
        "trunk) per level it is below the athlete's",
        most=MAX_POINTS,
    )
    score_loaded_points: float = rule(
        2.0,
        cite="acsm2009",
        heuristic=True,
        doc="score points (dimensionless) for a loaded strength exercise when the athlete has "
        "dumbbells, a kettlebell or a barbell",
        most=MAX_POINTS,
    )
    score_main_unilateral_penalty_points: float = rule(
        2.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) off a main lift done one side at a time",
        most=MAX_POINTS,
    )
    score_main_machine_penalty_points: float = rule(
        1.0,
        cite="acsm2009",
        heuristic=True,
        doc="score points (dimensionless) off a main lift on a machine: free-weight multi-joint "
        "lifts first",
        most=MAX_POINTS,
    )
    score_main_barbell_beginner_penalty_points: float = rule(
        4.0,
        cite="acsm2009",
        heuristic=True,
        doc="score points (dimensionless) off a barbell main lift for a beginner: body weight, "
        "bands and dumbbells first",
        most=MAX_POINTS,
    )
    score_main_percent_1rm_points: float = rule(
        2.0,
        cite="nsca2016",
        heuristic=True,
        doc="score points (dimensionless) for a main lift dosed by %1RM, for a trained athlete",
        most=MAX_POINTS,
    )
    score_main_known_max_points: float = rule(
        4.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) for a main lift whose max the athlete knows",
        most=MAX_POINTS,
    )
    score_single_leg_hold_penalty_points: float = rule(
        3.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) off a timed hold in a main-lift, single-leg or calf "
        "slot: reps first, a hold where nothing else is fine with a niggle",
        most=MAX_POINTS,
    )
    score_plyo_intensity_points: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) per step of plyometric intensity (low 0, moderate 1, "
        "high 2): the hardest drill the athlete is cleared for",
        most=MAX_POINTS,
    )
    score_activation_level_penalty_points: float = rule(
        2.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) off a light activation exercise per level above beginner",
        most=MAX_POINTS,
    )
    score_activation_loaded_penalty_points: float = rule(
        2.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="score points (dimensionless) off a loaded light activation exercise",
        most=MAX_POINTS,
    )
    maintenance_session_max_minutes: int = rule(
        40,
        cite="spiering2021",
        heuristic=True,
        doc="longest session in peak, race season and taper: 1-2 sets per lift keep strength",
        most=MAX_SESSION_MINUTES,
    )
    # Time budget (our estimates)
    warm_up_minutes: int = rule(
        8,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="warm-up in each session",
        most=MAX_WARM_UP_MINUTES,
    )
    changeover_seconds: int = rule(
        60,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="moving between exercises",
        most=MAX_REST_SECONDS,
    )
    side_switch_seconds: int = rule(
        15,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="switching sides in a per-side set",
        most=MAX_REST_SECONDS,
    )
    superset_switch_seconds: int = rule(
        20,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="moving from one exercise of a superset to the other",
        most=MAX_REST_SECONDS,
    )
    # Trimming for time (science.md "Every rule the engine uses"): before any exercise is left
    # out, accessories go down to min_trimmed_accessory_sets, then main lifts to
    # min_trimmed_main_sets, then calves, single-leg work and plyometrics.
    min_main_sets_short_of_time: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="the last step of fitting a session to its minutes, once every other cut is made: "
        "its main lifts go down to this many sets (two sets of a main lift beat a session "
        "over its time)",
        most=MAX_SETS,
    )
    min_trimmed_accessory_sets: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        least=1,
        doc="short of time, accessories, calves, single-leg work and plyometrics go down to "
        "this many sets before any exercise is left out",
        most=MAX_SETS,
    )
    min_trimmed_main_sets: int = rule(
        3,
        cite="nsca2016",
        heuristic=True,
        least=1,
        doc="short of time, main lifts go down to this many sets before any category leaves "
        "the week (the low end of 3-4 and 3-5 sets; min_main_sets_short_of_time is the last "
        "resort)",
        most=MAX_SETS,
    )
    trim_covered_categories_first: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="short of time, first leave out exercises whose category another exercise of the "
        "week covers (1 on, 0 off)",
    )
    circuit_to_fit: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="short of time, do a session's accessories, upper body and trunk as one circuit "
        "(one rest a round) before any category leaves the week (1 on, 0 off)",
    )
    min_category_sets: int = rule(
        1,
        cite="spiering2021",
        heuristic=True,
        least=1,
        doc="short of time, accessories and then plyometrics go down to this many sets before "
        "an exercise that is the week's only one of its category is left out",
        most=MAX_SETS,
    )
    single_leg_hip_fallback: bool = rule(
        True,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="when no single-leg knee exercise fits (a knee niggle, no box), do single-leg hip "
        "work instead: a single-leg Romanian deadlift, bridge or hip thrust (1 on, 0 off)",
    )
    # Niggles by severity (science.md §1.2a): mild and moderate keep the pattern, fewer jumps
    niggle_plyo_contacts_pct: int = rule(
        50,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="plyometric contacts kept, in % of the session's, with a mild or moderate niggle "
        "of the leg (knee, hip, hamstring, calf, Achilles, shin, plantar fascia)",
        most=100,
    )
    niggle_pain_safe_max: int = rule(
        2,
        cite="silbernagel2007",
        doc="pain (0-10) during an exercise kept for a niggle that counts as safe",
        most=10,
    )
    niggle_pain_acceptable_max: int = rule(
        5,
        cite="silbernagel2007",
        doc="pain (0-10) during an exercise kept for a niggle that is still acceptable, if it "
        "settles by the next morning and does not rise week to week",
        most=10,
    )
    # Niggle check-ins (science.md §1.2a, "Niggle check-ins"): pain sets the severity at once
    # when it is worse; a lower severity only after weeks of pain at most niggle_pain_safe_max
    niggle_step_down_days: int = rule(
        14,
        cite="silbernagel2007",
        heuristic=True,
        doc="days of check-ins with pain at most niggle_pain_safe_max before a niggle's "
        "severity steps down a level",
        least=1,
        most=56,
    )
    niggle_step_down_every_days: int = rule(
        7,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="days at least between two steps down of a niggle's severity",
        least=1,
        most=28,
    )
    # Progression from the log (science.md §2.6a): the next session's dose from what was done
    progression_max_rise_pct: float = rule(
        10.0,
        cite="nsca2016",
        heuristic=True,
        doc="most a lift's next load rises over the load last lifted, in % (the NSCA's "
        "increments are 2.5-10 %)",
        most=50,
    )
    double_progression_reps: int = rule(
        4,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="reps above the planned reps a dumbbell or kettlebell lift climbs to, a rep a "
        "session, before its load rises a step (0: off, loads from the e1RM)",
        most=MAX_REPS,
    )
    hold_progress_seconds: int = rule(
        5,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="seconds added to a hold after every set held the planned time",
        most=MAX_HOLD_SECONDS,
    )
    plyo_contacts_rise_pct: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="most a drill's contacts rise over those last done, in %, when fewer than planned "
        "were done",
        most=100,
    )
    # Signals from the log (science.md §2.6a)
    stall_exposures: int = rule(
        3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="sessions of a lift in a row whose e1RM has not risen: a stall",
        least=2,
        most=10,
    )
    stall_min_gain_pct: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="rise of the e1RM, in %, over stall_exposures sessions below which the lift has "
        "stalled",
        most=20,
    )
    stall_load_cut_pct: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a stalled lift's next load is cut by this, in %, to build back up",
        most=50,
    )
    high_rpe_session_rpe: float = rule(
        8.0,
        cite="foster2001",
        heuristic=True,
        doc="mean session RPE (CR-10) of the last 7 days at or above which the next session eases",
        least=1,
        most=10,
    )
    high_rpe_min_sessions: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="sessions with an RPE in the last 7 days needed before their mean counts",
        least=1,
        most=14,
    )
    high_rpe_rir_add: int = rule(
        1,
        cite="helms2016",
        heuristic=True,
        doc="reps in reserve added to the next session's lifts after a week of high session RPE",
        most=MAX_RIR,
    )
    missed_window_days: int = rule(
        14,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="days looked back for missed sessions",
        least=1,
        most=56,
    )
    missed_sessions_for_reentry: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="sessions skipped in missed_window_days from which the next session's loads are cut",
        least=1,
        most=14,
    )
    missed_load_cut_pct: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="next loads cut, in %, after missed_sessions_for_reentry missed sessions",
        most=50,
    )
    # Light kit (science.md §2.8): is the heaviest load the kit allows enough for the dose?
    # Without a known max, the athlete's 1RM (kg lifted) is estimated from body mass and level,
    # low on purpose, so that only a kit clearly too light for the dose changes the plan.
    est_bilateral_1rm_per_kg_beginner: float = rule(
        0.5,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="estimated 1RM (kg lifted per kg of body mass) of a two-legged squat, hinge or hip "
        "thrust without a known max, beginner",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_bilateral_1rm_per_kg_intermediate: float = rule(
        0.75,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="estimated 1RM (kg lifted per kg of body mass) of a two-legged squat, hinge or hip "
        "thrust without a known max, intermediate",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_bilateral_1rm_per_kg_advanced: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="estimated 1RM (kg lifted per kg of body mass) of a two-legged squat, hinge or hip "
        "thrust without a known max, advanced",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_single_leg_1rm_pct: int = rule(
        35,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="estimated 1RM of a single-leg squat, lunge or hinge, in % of the two-legged estimate",
        most=100,
    )
    est_default_body_mass_kg: float = rule(
        60.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="body mass assumed for the load estimates when the profile gives none (kg; low on "
        "purpose: a lighter runner's loads)",
        least=25,
        most=250,
    )
    est_start_load_pct_past_table: int = rule(
        60,
        cite="acsm2009",
        heuristic=True,
        doc="%1RM of an estimated starting load for a dose past the %1RM table's 12RM (reps + "
        "RIR over 12: the low end of the ACSM novice 60-70 %)",
        least=1,
        most=100,
    )
    # Starting loads without a known max (start_estimates.py; science.md §2.8): a related lift's
    # known max first, else body mass and level; realistic for runners who lift, low end.
    est_start_squat_per_kg_beginner: float = rule(
        0.6,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="starting-load estimate without a known max: back squat 1RM (kg lifted per kg of body "
        "mass), beginner",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_start_squat_per_kg_intermediate: float = rule(
        1.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="starting-load estimate without a known max: back squat 1RM (kg lifted per kg of body "
        "mass), intermediate",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_start_squat_per_kg_advanced: float = rule(
        1.3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="starting-load estimate without a known max: back squat 1RM (kg lifted per kg of body "
        "mass), advanced",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_start_hinge_per_kg_beginner: float = rule(
        0.75,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="starting-load estimate without a known max: deadlift 1RM (kg lifted per kg of body "
        "mass), beginner",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_start_hinge_per_kg_intermediate: float = rule(
        1.25,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="starting-load estimate without a known max: deadlift 1RM (kg lifted per kg of body "
        "mass), intermediate",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_start_hinge_per_kg_advanced: float = rule(
        1.6,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="starting-load estimate without a known max: deadlift 1RM (kg lifted per kg of body "
        "mass), advanced",
        most=MAX_RATIO_TO_BODY_MASS,
    )
    est_front_squat_pct_of_back_squat: int = rule(
        80,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="front squat 1RM in % of the back squat's (coaching norm 70-85 %)",
        least=1,
        most=100,
    )
    est_box_squat_pct_of_back_squat: int = rule(
        90,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="barbell box squat 1RM in % of the back squat's",
        least=1,
        most=100,
    )
    est_goblet_squat_pct_of_back_squat: int = rule(
        40,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="goblet squat 1RM (one weight at the chest) in % of the back squat's",
        least=1,
        most=100,
    )
    est_single_leg_squat_pct_of_back_squat: int = rule(
        45,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="split squat, lunge or step-up 1RM (every weight held) in % of the back squat's",
        least=1,
        most=100,
    )
    est_romanian_deadlift_pct_of_deadlift: int = rule(
        75,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="Romanian deadlift 1RM in % of the deadlift's",
        least=1,
        most=100,
    )
    est_held_hinge_pct_of_deadlift: int = rule(
        60,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="dumbbell Romanian deadlift or kettlebell deadlift 1RM (every weight "
        "held) in % of the deadlift's",
        least=1,
        most=100,
    )
    est_single_leg_hinge_pct_of_deadlift: int = rule(
        25,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="single-leg Romanian deadlift 1RM in % of the deadlift's",
        least=1,
        most=100,
    )
    est_related_min_source_pct: int = rule(
        75,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a known max estimates the other lifts of its family (through the back squat or "
        "deadlift) only when its lift is at least this % of that reference (a goblet or split "
        "squat is limited by holding the weights)",
        least=1,
        most=100,
    )
    est_cable_hinge_pct_of_deadlift: int = rule(
        40,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="cable pull-through 1RM (the stack) in % of the deadlift's",
        least=1,
        most=100,
    )
    # A kettlebell or dumbbells listed without their weights: a bell and a heaviest dumbbell
    # assumed by level, light on purpose, until the profile says (science.md §2.8).
    assumed_kettlebell_kg_beginner: float = rule(
        8.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="kettlebell assumed for a beginner whose profile lists a kettlebell without its weight",
        least=1,
        most=100,
    )
    assumed_kettlebell_kg_intermediate: float = rule(
        12.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="kettlebell assumed for an intermediate runner whose profile lists a kettlebell "
        "without its weight",
        least=1,
        most=100,
    )
    assumed_kettlebell_kg_advanced: float = rule(
        16.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="kettlebell assumed for an advanced runner whose profile lists a kettlebell without "
        "its weight",
        least=1,
        most=100,
    )
    assumed_dumbbell_max_kg_beginner: float = rule(
        10.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="heaviest dumbbell assumed for a beginner whose profile lists dumbbells without "
        "their heaviest weight",
        least=1,
        most=100,
    )
    assumed_dumbbell_max_kg_intermediate: float = rule(
        15.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="heaviest dumbbell assumed for an intermediate runner whose profile lists dumbbells "
        "without their heaviest weight",
        least=1,
        most=100,
    )
    assumed_dumbbell_max_kg_advanced: float = rule(
        20.0,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="heaviest dumbbell assumed for an advanced runner whose profile lists dumbbells "
        "without their heaviest weight",
        least=1,
        most=100,
    )
    load_rir_slack_reps: int = rule(
        1,
        cite="hackett2017",
        heuristic=True,
        doc="reps a set may leave in reserve beyond its RIR before the kit counts as too light "
        "for the dose (RIR is guessed to about a rep)",
        most=MAX_RIR,
    )
    light_load_max_reps: int = rule(
        12,
        cite="nsca2016",
        heuristic=True,
        doc="most reps a set is raised to when the kit is too light for the dose (the NSCA "
        "%1RM table ends at 12)",
        least=1,
        most=LAST_RM,
    )
    light_load_lowering_seconds: int = rule(
        4,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="seconds to lower each rep, with a 1-second pause, when the kit is too light even "
        "at light_load_max_reps",
        least=1,
        most=MAX_TEMPO_SECONDS,
    )

    # Imported runs: what kind each was (domain.run_kind; our heuristics, docs/science.md §4a)
    run_tempo_min_threshold_pct: int = rule(
        88,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a steady run at or above this % of threshold power or speed is a tempo run",
        most=200,
    )
    run_tempo_min_hr_reserve_pct: int = rule(
        80,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a steady run at or above this % of heart-rate reserve is a tempo run",
        most=100,
    )
    run_tempo_min_typical_speed_pct: int = rule(
        110,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="without anchors: a run this % of the athlete's median speed or faster is a tempo run",
        most=300,
    )
    run_min_hard_minutes: int = rule(
        12,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="shortest run taken as a tempo run or a race",
        most=MAX_SESSION_MINUTES,
    )
    run_work_lap_pct: int = rule(
        115,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a lap this % of the run's median lap power or speed or more is a work lap",
        least=100,
        most=300,
    )
    run_intervals_min_work_laps: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="work laps, with easier laps between them, that make a run intervals (or hills)",
        least=2,
        most=100,
    )
    run_hills_min_m_per_km: int = rule(
        20,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="metres climbed per km that make a run a hill session",
        least=1,
        most=500,
    )
    run_long_min_minutes: int = rule(
        75,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="shortest run taken as a long run",
        most=MAX_RUN_MINUTES,
    )
    run_long_min_week_pct: int = rule(
        25,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a long run is at least this % of the athlete's mean weekly running minutes "
        "(the 4 weeks before it)",
        most=100,
    )
    run_race_distance_pct: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a hard run within this % of 5 km, 10 km, a half or a marathon is a race",
        most=20,
    )
    # The running week the imported runs imply (domain.running_inference, science.md §4.2)
    infer_min_week_share_pct: int = rule(
        50,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a weekday's run kind is the kind seen on it in at least this % of the weeks read "
        "(weeks with runs); a weekday run on in fewer is a rest day",
        least=1,
        most=100,
    )
    infer_long_min_median_pct: int = rule(
        130,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a week's longest run (no key run) is its long run when it lasts at least this % "
        "of the week's median run",
        least=100,
        most=1000,
    )
    infer_same_minutes_pct: int = rule(
        10,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a weekday's typical minutes within this % of the profile's run are no change",
        most=100,
    )
    infer_same_start_minutes: int = rule(
        60,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="a weekday's typical start within this many minutes of the profile's run is no change",
        most=720,
    )
    infer_min_weeks: int = rule(
        2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="weeks with imported runs needed to infer a running week",
        least=1,
        most=MAX_PLAN_WEEKS,
    )
    # Anchors estimated from the runs (domain.anchor_estimate, science.md §4.4)
    anchor_estimate_weeks: int = rule(
        12,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="weeks of runs, up to today, the anchors are estimated from",
        least=1,
        most=MAX_PLAN_WEEKS,
    )
    anchor_effort_min_minutes: int = rule(
        30,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="shortest effort (a run, or laps in a row) a threshold is estimated from",
        least=5,
        most=MAX_SESSION_MINUTES,
    )
    anchor_effort_max_minutes: int = rule(
        60,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="longest effort a threshold is estimated from",
        least=5,
        most=MAX_SESSION_MINUTES,
    )
    anchor_riegel_exponent: float = rule(
        1.06,
        cite="riegel1981",
        doc="the exponent k of Riegel's endurance law, time = a x distance^k, that takes an "
        "effort's speed to an hour's",
        least=1.0,
        most=1.5,
    )
    # One training load (domain.training_load, docs/science.md §4)
    load_au_per_power_point: float = rule(
        4.2,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="load units per point of power stress (an hour at threshold, 100 points, counts as "
        "CR-10 7 x 60 minutes)",
        most=100.0,
    )
    load_au_per_trimp: float = rule(
        2.3,
        cite="runstrong_heuristic",
        heuristic=True,
        doc="load units per Banister TRIMP (an hour at 88 % of heart-rate reserve, about 183 "
        "TRIMP, counts as CR-10 7 x 60 minutes)",
        most=100.0,
    )
    load_trimp_weighting: float = rule(
        1.92,
        cite="morton1990",
        doc="the exponent b of Banister's TRIMP weighting k e^(b x HRr) (1.92 men, 1.67 women)",
        most=5.0,
    )
    load_trimp_coefficient: float = rule(
        0.64,
        cite="morton1990",
        doc="the factor k of Banister's TRIMP weighting k e^(b x HRr) (0.64 men, 0.86 women)",
        most=5.0,
    )
    load_rpe_easy: int = rule(
        3, cite="runstrong_heuristic", heuristic=True,
        doc="CR-10 rating taken for an easy run without power, heart rate or RPE", most=10,
    )  # fmt: skip
    load_rpe_long: int = rule(
        4, cite="runstrong_heuristic", heuristic=True,
        doc="CR-10 rating taken for a long run without power, heart rate or RPE", most=10,
    )  # fmt: skip
    load_rpe_tempo: int = rule(
        6, cite="runstrong_heuristic", heuristic=True,
        doc="CR-10 rating taken for a tempo run without power, heart rate or RPE", most=10,
    )  # fmt: skip
    load_rpe_intervals: int = rule(
        7, cite="runstrong_heuristic", heuristic=True,
        doc="CR-10 rating taken for intervals or hills without power, heart rate or RPE",
        most=10,
    )  # fmt: skip
    load_rpe_race: int = rule(
        8, cite="runstrong_heuristic", heuristic=True,
        doc="CR-10 rating taken for a race without power, heart rate or RPE", most=10,
    )  # fmt: skip
    load_rpe_strength: int = rule(
        5, cite="runstrong_heuristic", heuristic=True,
        doc="CR-10 rating taken for a strength session logged with minutes but no RPE",
        most=10,
    )  # fmt: skip
    load_acute_days: int = rule(
        7,
        cite="williams2017",
        doc="days of the acute exponentially weighted average (decay 2 / (days + 1))",
        least=1,
        most=28,
    )
    load_chronic_days: int = rule(
        28,
        cite="williams2017",
        doc="days of the chronic exponentially weighted average, taken as of the day before "
        "the acute window (uncoupled)",
        least=7,
        most=90,
    )

    def __init__(self, **values: Any) -> None:
        """Every field from `values` where named there, else from its default."""
        unknown = values.keys() - _RULE_NAMES
        if unknown:
            raise TypeError(f"Rules() got an unexpected keyword argument {min(unknown)!r}")
        for name, default in _DEFAULTS:
            object.__setattr__(self, name, values.get(name, default))

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        """Pickled as its values by name (runstrong.cache pickles with a class's own reduce)."""
        return (rules_of, (dict(zip(_RULE_NAMES_IN_ORDER, _rule_values(self), strict=True)),))

    def override(self, values: dict[str, Any]) -> "Rules":
        return replace(self, **values)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_rule_values(self) == _rule_values(other))

    def __hash__(self) -> int:
        return hash(_rule_values(self))

    @staticmethod
    def describe() -> list[dict[str, Any]]:
        """Every rule: name, default, citation key, heuristic flag, description, and the least
        and most a profile may set (most None: no upper limit)."""
        defaults = Rules()
        return [
            {
                "name": f.name,
                "default": getattr(defaults, f.name),
                "cite": f.metadata["cite"],
                "heuristic": f.metadata["heuristic"],
                "doc": f.metadata["doc"],
                "least": f.metadata["least"],
                "most": f.metadata["most"],
            }
            for f in fields(Rules)
        ]


_rule_values = attrgetter(*(f.name for f in fields(Rules)))  # every value, in field order
_DEFAULTS: tuple[tuple[str, Any], ...] = tuple((f.name, f.default) for f in fields(Rules))
_RULE_NAMES_IN_ORDER = tuple(name for name, _ in _DEFAULTS)
_RULE_NAMES = frozenset(_RULE_NAMES_IN_ORDER)


def rules_of(values: dict[str, Any]) -> Rules:
    """The rules with these values by name (unpickling)."""
    return Rules(**values)
