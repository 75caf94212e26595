"""Builders of the tests that serve the app on a port: a free port of the loopback, and a
`runstrong serve` process waited for until it answers."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx

START_TIMEOUT_S = 60  # a shared machine: a server (or its workers) may start slowly


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_answering(url: str, process: subprocess.Popen[str]) -> None:
    """Until `url` answers (any status); the process ending first, or the time running out,
    fails the test with what it printed."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, f"{url} did not answer in time"
            time.sleep(0.2)
