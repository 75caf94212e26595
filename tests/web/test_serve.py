"""`runstrong serve` as a user runs it: a real process on a port, answering the API until it is
stopped; sign-up off by the environment; a database it cannot use is one error line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from builders import ROOT, one_error_line, run_in_process
from servers import free_port

START_TIMEOUT_S = 60  # a shared machine: the process may start slowly


def test_serve_answers_on_its_port_until_stopped(tmp_path: Path) -> None:
    port = free_port()
    database = tmp_path / "served.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "runstrong", "--db", f"sqlite:///{database}", "serve",
         "--port", str(port)],
        env={**os.environ, "RUNSTRONG_SIGNUP": "0"},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                document = httpx.get(f"{base}/api/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "serve did not answer in time"
                time.sleep(0.2)
        assert document.status_code == 200
        assert "/api/v1/athletes" in document.json()["paths"]
        sign_up = httpx.post(
            f"{base}/api/v1/users", json={"email": "a@example.org", "password": "long enough"}
        )
        assert sign_up.status_code == 403  # RUNSTRONG_SIGNUP=0
        assert httpx.get(f"{base}/api/v1/athletes").status_code == 401
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in err
    assert database.is_file()


def test_serve_on_a_database_it_cannot_use_is_one_error_line() -> None:
    line = one_error_line(run_in_process("--db", "mysql://somewhere/db", "serve"))
    assert "SQLite or PostgreSQL" in line
