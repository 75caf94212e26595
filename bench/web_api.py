"""A first measure of the REST API (issue 16): `runstrong serve` (one worker, SQLite, pinned to
CPU 0) answering one client on one keep-alive connection (pinned to CPU 1, loopback): the
median and 99th percentile latency and the requests a second of the stored plan, the day, the
history, a log POST and the athlete list; the server's RSS after; and the time of one argon2id
hash. Run with `.venv/bin/python -m bench.web_api`.

One connection, taking turns: a floor for the issue's targets (16 connections come with the
load generator of the bench slice), not the throughput of several clients.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.__main__ import ALEX

REQUESTS = 400
WARM_UP = 20
PASSWORD = "bench password"
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pinned(cpu: int) -> list[str]:
    return ["taskset", "-c", str(cpu)] if os.cpu_count() and os.cpu_count() > 1 else []  # type: ignore[operator]


def wait_for(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            httpx.get(f"{base}/api/openapi.json", timeout=2)
            return
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("serve did not start") from None
            time.sleep(0.2)


def timed(client: httpx.Client, method: str, url: str, **kw: object) -> list[float]:
    seconds = []
    for i in range(WARM_UP + REQUESTS):
        start = time.perf_counter()
        answer = client.request(method, url, **kw)  # type: ignore[arg-type]
        took = time.perf_counter() - start
        assert answer.status_code < 300, answer.text
        if i >= WARM_UP:
            seconds.append(took)
    return seconds


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def argon2_ms() -> float:
    from runstrong.account_service import _hasher

    hasher = _hasher()
    start = time.perf_counter()
    for _ in range(10):
        hasher.hash(PASSWORD)
    return (time.perf_counter() - start) * 100


def main() -> None:
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        process = subprocess.Popen(
            [*pinned(0), sys.executable, "-m", "runstrong", "--db", url, "serve", "--port",
             str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_for(base, process)
            rows = run(base)
            rss = rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"{REQUESTS} requests each, one connection, SQLite, one worker")
    print(f"{'request':<34}{'median ms':>10}{'p99 ms':>9}{'req/s':>8}")
    for name, seconds in rows:
        ordered = sorted(seconds)
        p99 = ordered[int(len(ordered) * 0.99) - 1]
        median = statistics.median(seconds)
        print(
            f"{name:<34}{median * 1000:>10.2f}{p99 * 1000:>9.2f}{len(seconds) / sum(seconds):>8.0f}"
        )
    print(f"server RSS after: {rss:.0f} MB; one argon2id hash: {argon2_ms():.1f} ms")


def run(base: str) -> list[tuple[str, list[float]]]:
    with httpx.Client(base_url=base, timeout=30) as client:
        credentials = {"email": "bench@example.org", "password": PASSWORD}
        client.post("/api/v1/users", json=credentials).raise_for_status()
        token = client.post("/api/v1/tokens", json=credentials).json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        import json
        import tomllib

        profile = tomllib.loads(ALEX.read_text("utf-8"))
        profile["plan"] = {"start": "2026-12-07"}
        made = client.post(
            "/api/v1/athletes",
            content=json.dumps(profile, default=str).encode(),
            headers={"content-type": "application/json"},
        )
        made.raise_for_status()
        athlete = f"/api/v1/athletes/{made.json()['id']}"
        log = {
            "date": "2026-12-08",
            "sets": [{"slug": "back_squat", "reps": 5, "kg": 100.0, "rir": 2}] * 12,
            "replace": True,
        }
        client.post(f"{athlete}/logs", json=log).raise_for_status()
        return [
            ("GET plan (stored, 450 kB)", timed(client, "GET", f"{athlete}/plan")),
            ("GET today", timed(client, "GET", f"{athlete}/today?date=2026-12-10")),
            ("GET history (12 sets)", timed(client, "GET", f"{athlete}/history")),
            ("POST log (12 sets, replace)", timed(client, "POST", f"{athlete}/logs", json=log)),
            ("GET athletes", timed(client, "GET", "/api/v1/athletes")),
        ]


if __name__ == "__main__":
    main()
