"""`make run`'s server (python -m runstrong.web.example): a SQLite file of its own made afresh
with an account and the example athlete, served until Ctrl-C, its address, token and calendar
URL printed and answering."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from icalendar import Calendar

from builders import EXAMPLES, ROOT
from servers import free_port

START_TIMEOUT_S = 90  # a shared machine: planning and starting the server may be slow


def printed(process: subprocess.Popen[str], label: str) -> str:
    """The value after `label` on the line that starts with it (read as it is printed)."""
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.strip().startswith(label):
            return line.split()[1]
        assert line or process.poll() is None, process.communicate()
    raise AssertionError(f"no '{label}' line")


def test_the_example_server_serves_the_example_athlete_on_a_fresh_file(tmp_path: Path) -> None:
    database = tmp_path / "out" / "runstrong.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"an earlier run's file: replaced")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "runstrong.web.example", str(EXAMPLES / "alex-marathon.toml"),
         str(database), "--port", str(port)],
        cwd=ROOT, env=os.environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        token = printed(process, "token:")
        athlete = printed(process, "athlete:")
        feed = printed(process, "calendar:")
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                today = httpx.get(
                    f"{base}/api/v1/athletes/{athlete}/today?date=2026-12-08",
                    headers={"Authorization": f"Bearer {token}"},
                )
                break
            except httpx.TransportError:
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "the example server did not answer in time"
                time.sleep(0.2)
        assert today.status_code == 200, today.text
        assert today.json()["session"]["date"] == "2026-12-08"
        calendar = httpx.get(feed, timeout=60)
        assert calendar.status_code == 200
        assert Calendar.from_ical(calendar.content).walk("VEVENT")
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert process.returncode == 0
