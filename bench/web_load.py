"""The REST API under load (issue 16's acceptance bench): `runstrong serve` pinned to CPU 0, the
load generator (bench.load: raw keep-alive HTTP/1.1 over asyncio) on CPU 1, over loopback; 1 and
16 connections, each for a few seconds, on SQLite and on PostgreSQL. For each request: median
and 99th percentile latency, requests a second, and requests per CPU second of the request
workers (what one core of their own answers: the figure to read on a shared, busy machine);
then the RSS of each request worker.

Run with `.venv/bin/python -m bench.web_load [--seconds S] [--workers N] [--only sqlite]`.
PostgreSQL: the server at 127.0.0.1:5432 (the tests' `test` database), in a schema of its own
that is dropped after. Targets (issue 16): plan and calendar feed >= 5,000/s, today and history
>= 1,500/s, log POST >= 300/s, RSS <= 80 MB per worker.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from bench.__main__ import ALEX
from bench.load import Result, load, request
from bench.web_api import PASSWORD, free_port, pinned, rss_mb, wait_for

HOST = "127.0.0.1"
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
CONNECTIONS = (1, 16)
TARGETS = {"plan": 5000, "feed": 5000, "today": 1500, "history": 1500, "log": 300}
PLAN_START = "2026-12-07"
DAY = "2026-12-10"  # a day of Alex's plan with a session
LOGGED = "2026-12-08"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    print(
        f"runstrong serve --workers {args.workers} on CPU 0; load on CPU 1; "
        f"{args.seconds:.0f} s per row after 0.5 s warm-up"
    )
    print(f"{'db':<11}{'request':<28}{'conns':>6}{'median ms':>10}{'p99 ms':>9}{'req/s':>9}"
          f"{'req/cpu-s':>10}{'target':>8}")  # fmt: skip
    for kind in ("sqlite", "postgresql"):
        if args.only not in (None, kind):
            continue
        with database(kind) as url, server(url, args.workers) as (port, process):
            cases = prepare(f"http://{HOST}:{port}")
            workers = worker_pids(process.pid, args.workers)
            for name, label, raw, counts in cases:
                for connections in counts:
                    before = cpu_s(workers)
                    found = load(HOST, port, raw, connections, args.seconds)
                    used = cpu_s(workers) - before
                    row(kind, label, connections, found, used, TARGETS[name])
            sizes = ", ".join(f"{rss_mb(pid):.0f}" for pid in workers)
            print(f"{kind}: RSS per request worker after the runs: {sizes} MB")


def row(kind: str, label: str, connections: int, found: Result, used_s: float, target: int) -> None:
    """`used_s`: the CPU time the request workers took (user + system): requests over it are
    what one core of their own would answer, whatever else the machine runs meanwhile."""
    per_core = len(found.seconds) / used_s if used_s > 0 else float("nan")
    print(
        f"{kind:<11}{label:<28}{connections:>6}{found.median_ms:>10.2f}{found.p99_ms:>9.2f}"
        f"{found.rps:>9.0f}{per_core:>10.0f}{target:>8}"
    )


@contextmanager
def database(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        return
    import psycopg

    schema = f"bench_{uuid.uuid4().hex}"
    with psycopg.connect(PG_DSN, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield PG_URL.format(schema=schema)
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def server(url: str, workers: int) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = free_port()
    command = [*pinned(0), sys.executable, "-m", "runstrong", "serve", "--db", url,
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://{HOST}:{port}", process)
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def prepare(base: str) -> list[tuple[str, str, bytes | list[bytes], tuple[int, ...]]]:
    """An account, Alex stored, a day logged and a calendar feed, and 15 more athletes (a club
    logging at once): the requests to time, and at how many connections."""
    with httpx.Client(base_url=base, timeout=120) as client:
        credentials = {"email": "bench@example.org", "password": PASSWORD}
        client.post("/api/v1/users", json=credentials).raise_for_status()
        token = client.post("/api/v1/tokens", json=credentials).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        profile = tomllib.loads(ALEX.read_text("utf-8"))
        profile["plan"] = {"start": PLAN_START}
        made = client.post(
            "/api/v1/athletes",
            content=json.dumps(profile, default=str).encode(),
            headers={**auth, "content-type": "application/json"},
        )
        made.raise_for_status()
        athlete = f"/api/v1/athletes/{made.json()['id']}"
        log = {
            "date": LOGGED,
            "sets": [{"slug": "back_squat", "reps": 5, "kg": 100.0, "rir": 2}] * 12,
            "replace": True,
        }
        client.post(f"{athlete}/logs", json=log, headers=auth).raise_for_status()
        feed = client.post(f"{athlete}/calendar-feed", headers=auth).json()["path"]
        client.get(feed).raise_for_status()  # made (the first fetch waits for it)
        club = [athlete]  # a club's athletes logging at once: one a connection
        for i in range(1, max(CONNECTIONS)):
            more = client.post(
                f"/api/v1/athletes?handle=bench{i}",
                content=json.dumps(profile, default=str).encode(),
                headers={**auth, "content-type": "application/json"},
            )
            more.raise_for_status()
            club.append(f"/api/v1/athletes/{more.json()['id']}")
    gzip = {**auth, "Accept-Encoding": "gzip"}
    body = json.dumps(log).encode()
    post = {**auth, "Content-Type": "application/json"}
    return [
        ("plan", "GET plan (gzip)", request("GET", f"{athlete}/plan", HOST, gzip), CONNECTIONS),
        ("feed", "GET feed .ics (gzip)",
         request("GET", feed, HOST, {"Accept-Encoding": "gzip"}), CONNECTIONS),
        ("today", "GET today", request("GET", f"{athlete}/today?date={DAY}", HOST, auth),
         CONNECTIONS),
        ("history", "GET history (12 sets)",
         request("GET", f"{athlete}/history", HOST, auth), CONNECTIONS),
        ("log", "POST log (12 sets, replace)",
         request("POST", f"{athlete}/logs", HOST, post, body), CONNECTIONS),
        ("log", "POST log, 16 athletes",
         [request("POST", f"{a}/logs", HOST, post, body) for a in club], CONNECTIONS[-1:]),
    ]  # fmt: skip


def worker_pids(pid: int, workers: int) -> list[int]:
    """The request workers: the server itself (one worker), else its largest children (uvicorn's
    supervisor may start a helper beside them: multiprocessing's resource tracker)."""
    if workers == 1:
        return [pid]
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return sorted(children, key=rss_mb, reverse=True)[:workers]


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds the processes took so far (/proc/PID/stat, fields 14 and 15)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


if __name__ == "__main__":
    main()
