"""FIT activity files (fitdecode): the session message's totals, each lap, and the start; the
sport from the session (or the sport message); the session's `workout_rpe` (the perceived
effort a watch asks for after the run) as the run's session RPE. A file that is cut short or
fails its CRC is rejected whole: nothing of it is kept."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from runstrong.domain.activity import MAX_RPE, Activity, ActivitySource, Lap
from runstrong.imports.activities import ActivityFileError

RPE_TENTHS = 10  # the FIT profile's workout_rpe is the CR-10 rating x 10


def read_fit(data: bytes, where: str, source: ActivitySource) -> Activity:
    import fitdecode

    sessions: list[dict[str, Any]] = []
    laps: list[dict[str, Any]] = []
    sport: str | None = None
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "session":
                    sessions.append(_values(frame))
                elif frame.name == "lap":
                    laps.append(_values(frame))
                elif frame.name == "sport" and sport is None:
                    sport = _text(frame.get_value("sport", fallback=None))
    except fitdecode.FitEOFError:
        raise ActivityFileError("is a FIT file cut short (truncated)") from None
    except fitdecode.FitCRCError:
        raise ActivityFileError("is a FIT file that fails its checksum (corrupted)") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError) as err:
        raise ActivityFileError(f"is not a readable FIT file ({_first_line(err)})") from None
    if not sessions:
        raise ActivityFileError("is a FIT file without an activity session (not an activity)")
    if len(sessions) > 1:
        raise ActivityFileError(f"holds {len(sessions)} sessions (a multisport file)")
    s = sessions[0]
    start = s.get("start_time")
    seconds = _number(s.get("total_timer_time")) or _number(s.get("total_elapsed_time"))
    if not isinstance(start, datetime) or seconds is None:
        raise ActivityFileError("is a FIT session without a start time or duration")
    return Activity(
        start=_utc(start),
        seconds=seconds,
        sport=(_text(s.get("sport")) or sport or "").lower(),
        source=source,
        source_name=where,
        meters=_number(s.get("total_distance")),
        avg_hr=_number(s.get("avg_heart_rate")),
        max_hr=_number(s.get("max_heart_rate")),
        avg_power_w=_number(s.get("avg_power")),
        ascent_m=_number(s.get("total_ascent")),
        laps=tuple(_lap(x) for x in laps if (_number(x.get("total_timer_time")) or 0) > 0),
        rpe=_rpe(s.get("workout_rpe")),
    )


def _rpe(value: Any) -> int | None:
    """The session's `workout_rpe` (CR-10 x 10, the watch's perceived effort after the run) as a
    whole CR-10 rating; None where it is absent or off the scale."""
    tenths = _number(value)
    if tenths is None or not 0 <= tenths <= RPE_TENTHS * MAX_RPE:
        return None
    return round(tenths / RPE_TENTHS)


def _values(frame: Any) -> dict[str, Any]:
    return {f.name: f.value for f in frame.fields if f.value is not None}


def _lap(x: dict[str, Any]) -> Lap:
    return Lap(
        seconds=_number(x.get("total_timer_time")) or 0.0,
        meters=_number(x.get("total_distance")),
        avg_hr=_number(x.get("avg_heart_rate")),
        avg_power_w=_number(x.get("avg_power")),
        ascent_m=_number(x.get("total_ascent")),
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _first_line(err: Exception) -> str:
    return (str(err).splitlines() or [type(err).__name__])[0][:120]
