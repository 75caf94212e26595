"""Activity files for the tests, written by the project's own means: FIT with fit-tool, GPX and
TCX with the standard library's XML, a Strava export's activities.csv with csv. Each takes the
run's start and its laps as (seconds, metres, heart rate, watts, metres climbed)."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

LapSpec = tuple[float, float, float | None, float | None, float]


def fit_bytes(
    start: datetime, laps: list[LapSpec], sport: str = "running", rpe_tenths: int | None = None
) -> bytes:
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 1
    ms = int(start.timestamp() * 1000)
    file_id.time_created = ms
    builder.add(file_id)
    at = ms
    for seconds, metres, hr, watts, climb in laps:
        lap = LapMessage()
        lap.start_time = at
        at += int(seconds * 1000)
        lap.timestamp = at
        lap.total_timer_time = seconds
        lap.total_elapsed_time = seconds
        lap.total_distance = metres
        lap.total_ascent = climb
        if hr is not None:
            lap.avg_heart_rate = hr
        if watts is not None:
            lap.avg_power = watts
        builder.add(lap)
    total = sum(x[0] for x in laps)
    session = SessionMessage()
    session.start_time = ms
    session.timestamp = at
    session.total_timer_time = total
    session.total_elapsed_time = total
    session.total_distance = sum(x[1] for x in laps)
    session.total_ascent = sum(x[4] for x in laps)
    session.sport = {"running": Sport.RUNNING, "cycling": Sport.CYCLING}[sport]
    hrs = [(x[2], x[0]) for x in laps if x[2] is not None]
    if hrs:
        session.avg_heart_rate = round(sum(h * s for h, s in hrs) / sum(s for _, s in hrs))
        session.max_heart_rate = max(h for h, _ in hrs) + 5
    watts = [(x[3], x[0]) for x in laps if x[3] is not None]
    if watts:
        session.avg_power = round(sum(w * s for w, s in watts) / sum(s for _, s in watts))
    if rpe_tenths is not None:
        session.workout_rpe = rpe_tenths
    builder.add(session)
    return bytes(builder.build().to_bytes())


def tcx_bytes(start: datetime, laps: list[LapSpec], sport: str = "Running") -> bytes:
    ns = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}TrainingCenterDatabase")
    activity = ET.SubElement(ET.SubElement(root, f"{{{ns}}}Activities"), f"{{{ns}}}Activity")
    activity.set("Sport", sport)
    ET.SubElement(activity, f"{{{ns}}}Id").text = _iso(start)
    at, altitude = start, 100.0
    for seconds, metres, hr, _watts, climb in laps:
        lap = ET.SubElement(activity, f"{{{ns}}}Lap", StartTime=_iso(at))
        ET.SubElement(lap, f"{{{ns}}}TotalTimeSeconds").text = str(seconds)
        ET.SubElement(lap, f"{{{ns}}}DistanceMeters").text = str(metres)
        if hr is not None:
            avg = ET.SubElement(lap, f"{{{ns}}}AverageHeartRateBpm")
            ET.SubElement(avg, f"{{{ns}}}Value").text = str(int(hr))
        track = ET.SubElement(lap, f"{{{ns}}}Track")
        for height in (altitude, altitude + climb):
            point = ET.SubElement(track, f"{{{ns}}}Trackpoint")
            ET.SubElement(point, f"{{{ns}}}Time").text = _iso(at)
            ET.SubElement(point, f"{{{ns}}}AltitudeMeters").text = str(height)
        altitude += climb
        at += timedelta(seconds=seconds)
    return bytes(ET.tostring(root, xml_declaration=True, encoding="utf-8"))


def gpx_bytes(
    start: datetime, seconds: float, *, hr: int | None = None, timed: bool = True,
    kind: str = "running", climb: float = 0.0,
) -> bytes:  # fmt: skip
    """A straight track north from 51.5 N, one point a minute, about 3 m/s."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gpx version="1.1" creator="runstrong tests" xmlns="http://www.topografix.com/GPX/1/1"'
        ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
        f"<trk><name>test run</name><type>{kind}</type><trkseg>",
    ]
    steps = int(seconds // 60)
    for i in range(steps + 1):
        lat = 51.5 + i * 180 / 111_195  # 180 m a minute
        ele = 10 + climb * i / steps
        when = f"<time>{_iso(start + timedelta(seconds=60 * i))}</time>" if timed else ""
        ext = (
            f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>"
            "</gpxtpx:TrackPointExtension></extensions>"
            if hr is not None
            else ""
        )
        lines.append(f'<trkpt lat="{lat:.6f}" lon="-0.1"><ele>{ele}</ele>{when}{ext}</trkpt>')
    lines.append("</trkseg></trk></gpx>")
    return "\n".join(lines).encode()


STRAVA_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Elapsed Time",
    "Distance", "Max Heart Rate", "Filename", "Elapsed Time", "Moving Time", "Distance",
    "Elevation Gain", "Average Heart Rate", "Average Watts", "Perceived Exertion",
]  # fmt: skip


def strava_row(
    activity_id: int, start: datetime, kind: str, seconds: float, metres: float,
    filename: str = "", hr: float | None = None, rpe: str = "",
) -> list[str]:  # fmt: skip
    date = start.strftime("%b %-d, %Y, %-I:%M:%S %p")
    return [
        str(activity_id), date, f"activity {activity_id}", kind, str(int(seconds)),
        f"{metres / 1000:.2f}", "", filename, str(int(seconds)), str(int(seconds)),
        str(metres), "", "" if hr is None else str(hr), "", rpe,
    ]  # fmt: skip


def strava_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(STRAVA_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def write_strava_zip(path: Path, rows: list[list[str]], files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("activities.csv", strava_csv(rows))
        for name, data in files.items():
            archive.writestr(name, gzip.compress(data) if name.endswith(".gz") else data)
    return path


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
