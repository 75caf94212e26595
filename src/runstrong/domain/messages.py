"""Decisions as records: what the engine decided and why, without a word of English.

A `Reason` is a rule id (`RuleId`), the sources behind it (citation keys into docs/science.md) and
the numbers and names the decision turned on (its parameters). The words come only from the
message catalogue (`runstrong.render.messages`), one template per rule id, so the terminal, the
printable plan, the calendar, the JSON and later the web app say the same thing, and tests check
rule ids and parameters, not wording.

Parameters are plain JSON values: text, whole numbers, decimals, or lists of text. By convention
a date is an ISO text (`2027-04-18`) in a parameter whose name ends in `date`; a run is named by
`run_ref` (`"tue:intervals"`, `"race:Spring Marathon"`); a weekday by its three-letter key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

Param = str | int | float | tuple[str, ...]
Params = tuple[tuple[str, Param], ...]


class RuleId(StrEnum):
    """Every rule id a reason, warning or note can carry. Where a decision applies a threshold of
    `Rules`, the id is that field's name; otherwise it names the decision."""

    # The plan as a whole
    SEVERE_NIGGLE = "severe_niggle"
    NOT_MEDICAL_ADVICE = "not_medical_advice"
    MAX_CHECKS_KIT = "max_checks_kit"
    MAX_UNUSED_BY_RIR = "max_unused_by_rir"
    MAX_UNUSED_KIT = "max_unused_kit"
    MAX_UNUSED_NOT_IN_PLAN = "max_unused_not_in_plan"
    SHORT_CYCLE = "min_program_weeks_for_economy"
    FIRST_WEEK_RACE = "first_week_race"
    KIT_ASSUMED = "kit_assumed"
    BODY_MASS_ASSUMED = "est_default_body_mass_kg"
    # A week
    RACE_IN_WEEK = "race_in_week"
    NO_STRENGTH_DAY = "no_strength_day"
    NO_STRENGTH_DAY_RACE = "no_strength_day_race"
    NO_STRENGTH_DAY_BEFORE_START = "no_strength_day_before_start"
    NO_STRENGTH_DAY_EXCEPTION = "no_strength_day_exception"
    DATED_CHANGE = "dated_change"
    SESSIONS_EXCEPTION = "sessions_exception"
    SESSIONS_LEFT_OUT = "penalty_session_left_out_points"
    SESSIONS_BEFORE_START = "sessions_before_start"
    SESSIONS_LIMITED = "sessions_limited"
    CATEGORY_MISSING = "category_missing"
    STAND_IN = "stand_in"
    STAND_IN_ONLY = "stand_in_only"
    # A session: what it is for
    PHASE_WEEK = "phase_week"
    DELOAD_WEEK = "deload_week"
    TAPER_LAST_HEAVY = "taper_last_heavy"
    TAPER_ACTIVATION = "taper_activation"
    ACTIVATION_STAND_IN = "activation_stand_in"
    B_RACE_MINI_TAPER = "last_heavy_days_before_b_race"
    RACE_RECOVERY = "race_recovery"
    # A session: its day and time
    HARD_DAYS_HARD = "hard_days_hard"
    RECOVERY_DAY = "penalty_recovery_day_points"
    EASY_DAY_NO_KEY_DAY_SUITS = "easy_day_no_key_day_suits"
    EASY_DAY_NO_KEY_DAY = "easy_day_no_key_day"
    LIGHT_ON_EASY_DAY = "light_on_easy_day"
    MOVED_AFTER_RUN = "preferred_hours_run_to_strength"
    RUN_FIRST = "penalty_before_run_points"
    TOO_SOON_AFTER_RUN = "min_hours_run_to_strength"
    SAME_SESSION_AFTER_RUN = "same_session_after_run"
    AFTER_RUN = "after_run"
    TAPER_TIMING = "last_heavy_days_before_a_race"
    DAY_BEFORE_KEY_RUN = "penalty_day_before_key_run_points"
    KEY_RUN_BUFFER = "key_run_buffer_hours"
    MODERATE_NEAR_KEY_RUN = "penalty_moderate_day_before_key_run_points"
    NO_KEY_RUN_NEAR = "no_key_run_near"
    HEAVY_LEGS_TOO_CLOSE = "min_hours_between_heavy_lower"
    # A session made moderate on the legs for its day (day_fit.py): which run or session asks
    LEGS_MODERATED_KEY_RUN = "legs_moderated_key_run"
    LEGS_MODERATED_SPACING = "legs_moderated_spacing"
    PLYO_TOO_CLOSE = "min_hours_between_plyo"
    # A session whose plyometrics are left out for its day: too close to other plyometrics
    PLYO_LEFT_OUT_SPACING = "plyo_left_out_spacing"
    OVER_TIME = "over_time"
    # A session the log missed (lived_plan.py): moved within its week, or dropped
    MISSED_MOVED = "missed_moved"
    MISSED_DROPPED = "missed_dropped"
    # A session: its content
    NO_PLYO_NIGGLE = "no_plyo_niggle"
    NIGGLE_PATTERN_REMOVED = "niggle_pattern_removed"
    NO_SINGLE_LEG = "no_single_leg"
    LEFT_OUT_TO_FIT = "left_out_to_fit"
    SETS_CUT_TO_FIT = "sets_cut_to_fit"
    CIRCUIT_TO_FIT = "circuit_to_fit"
    HARD_PLYO_LEFT_OUT = "hard_plyo_left_out"
    POWER_FOR_DAY = "power_for_moderate_day"
    B_RACE_DOSE = "b_race_window_days"
    # An exercise
    NIGGLE_SWAP = "niggle_swap"
    NIGGLE_CARE = "niggle_care"
    NIGGLE_TENDON_LOADING = "niggle_tendon_loading"
    NIGGLE_FEWER_CONTACTS = "niggle_plyo_contacts_pct"
    SINGLE_LEG_HIP = "single_leg_hip_fallback"
    HEAVIER_VARIANT = "heavier_variant"
    LIGHT_MORE_REPS = "light_load_max_reps"
    LIGHT_SLOW_TEMPO = "light_load_lowering_seconds"
    LOAD_CAPPED = "load_capped"
    LOAD_ESTIMATED = "load_estimated"
    REDUCED_VOLUME = "beginner_reduced_volume_weeks"
    ACTIVATION_CUE = "activation_cue"
    PLYO_CUE = "plyo_cue"
    POWER_CUE = "power_cue"
    DELOAD_DOSE = "deload_dose"
    DELOAD_BY_EFFORT = "deload_by_effort_once_a_week"
    PROGRESSION = "progression_block_step_rows"
    MODERATED_DOSE = "moderated_dose"
    FROM_WORKOUT_FILE = "from_workout_file"
    COACH_PINNED = "coach_pinned"  # a coach's pinned edit (domain.pins): not the engine's choice
    # The next session from the log (domain.log_progression, domain.signals, domain.checkins)
    LOG_LOAD = "log_load"
    LOAD_RISE_CAPPED = "progression_max_rise_pct"
    DOUBLE_PROGRESSION = "double_progression_reps"
    HOLD_FROM_LOG = "hold_progress_seconds"
    PLYO_FROM_LOG = "plyo_contacts_rise_pct"
    E1RM_STALLED = "stall_exposures"
    HIGH_SESSION_RPE = "high_rpe_session_rpe"
    MISSED_SESSIONS = "missed_sessions_for_reentry"
    NIGGLE_CHECK_IN = "niggle_check_in"
    # An imported run: what kind it was (run_kind.py), and how its load was worked out
    RUN_KIND_SET = "run_kind_set"
    RUN_RACE = "run_race"
    RUN_HILLS = "run_hills"
    RUN_INTERVALS = "run_intervals"
    RUN_LONG = "run_long"
    RUN_TEMPO = "run_tempo"
    RUN_EASY = "run_easy"
    LOAD_SRPE = "load_srpe"
    LOAD_POWER = "load_power"
    LOAD_TRIMP = "load_trimp"
    LOAD_ASSUMED_RPE = "load_assumed_rpe"
    LOAD_NOT_COUNTED = "load_not_counted"
    LOAD_RATIO_CAVEAT = "load_ratio_caveat"
    # The running calendar as run: imported runs and the key runs they move (lived_runs.py)
    RUNS_AS_RUN = "runs_as_run"
    KEY_RUN_DONE_ELSEWHERE = "key_run_done_elsewhere"
    KEY_RUN_CARRIED = "key_run_carried"
    KEY_RUN_MISSED = "key_run_missed"
    EASED_FOR_MOVED_RUN = "eased_for_moved_run"
    # Anchors estimated from the runs (anchor_estimate.py)
    ANCHOR_OBSERVED_MAX_HR = "anchor_observed_max_hr"
    ANCHOR_THRESHOLD_POWER = "anchor_threshold_power"
    ANCHOR_THRESHOLD_PACE = "anchor_threshold_pace"
    # The running week the imported runs imply (running_inference.py)
    INFER_RUN_DAY = "infer_run_day"
    INFER_MIXED_DAY = "infer_mixed_day"
    INFER_REST_DAY = "infer_rest_day"
    INFER_ONE_LONG_RUN = "infer_one_long_run"
    INFER_RECOVERY_KEPT = "infer_recovery_kept"
    # A plan saved before reasons were records (plan JSON schema 1): its text, kept as it was
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Reason:
    """One decision: its rule id, its sources and its parameters (in the order they were given)."""

    rule: RuleId
    params: Params = ()
    citations: tuple[str, ...] = ()
    # The hash, kept after the first lookup (0: not yet): the planner's memos are keyed on drafts
    # and prescriptions that hold reasons. Neither compared nor pickled.
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __hash__(self) -> int:  # the dataclass's own hash, computed once
        found = self._hash
        if not found:
            found = hash((self.rule, self.params, self.citations))
            object.__setattr__(self, "_hash", found)
        return found

    def get(self, name: str) -> Param | None:
        for key, value in self.params:
            if key == name:
                return value
        return None

    def __reduce__(self) -> tuple[type[Reason], tuple[RuleId, Params, tuple[str, ...]]]:
        # Pickled as a call with its fields: a mypyc-compiled frozen dataclass cannot be
        # unpickled field by field (as Prescription.__reduce__).
        return (Reason, (self.rule, self.params, self.citations))


# The same decisions recur week after week: each record is made once and shared (keyed on every
# argument, bounded, safe under threads; reasons are immutable). Measured: plan generation 5%
# faster than building each anew.
@lru_cache(maxsize=4096, typed=True)  # typed: 3 and 3.0 are different parameters
def reason(rule: RuleId, *citations: str, **params: Param) -> Reason:
    """`Reason(rule, params, citations)`, the parameters by name."""
    return Reason(rule, tuple(params.items()), citations)


def run_ref(weekday: str, run_type: str) -> str:
    """A run named as data: its weekday key and its type (`"tue:intervals"`)."""
    return f"{weekday}:{run_type}"


def race_ref(name: str) -> str:
    return f"race:{name}"
