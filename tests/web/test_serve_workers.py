"""`runstrong serve --workers 2` on SQLite and PostgreSQL: two worker processes behind one port,
sharing the database (an account made through one is signed in through either), stopped by
Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx

from builders import ROOT
from servers import free_port

START_TIMEOUT_S = 90  # two workers on a shared machine


def test_two_workers_serve_one_database_behind_one_port(database_url: str) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "runstrong", "serve", "--db", database_url, "--port", str(port),
         "--workers", "2"],
        cwd=ROOT, env=os.environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                httpx.get(f"{base}/api/v1/athletes", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "serve did not answer in time"
                time.sleep(0.3)
        credentials = {"email": "two@example.org", "password": "two workers, one port"}
        assert httpx.post(f"{base}/api/v1/users", json=credentials).status_code == 201
        token = httpx.post(f"{base}/api/v1/tokens", json=credentials).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        answers = {
            httpx.get(f"{base}/api/v1/athletes", headers=auth).status_code for _ in range(20)
        }
        assert answers == {200}
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    pids = {
        line.split("[")[1].split("]")[0]
        for line in err.splitlines()
        if "Started server process" in line
    }
    assert len(pids) == 2, err
