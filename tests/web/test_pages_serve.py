"""The pages as `runstrong serve` serves them with two workers: the key file made once before
the workers start (owner-only), and a browser session and its forms good in whichever worker
answers."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import httpx

from builders import ROOT
from servers import free_port, wait_until_answering
from web_client import PASSWORD

REQUESTS = 24  # each on a new connection, which either worker may accept (not told which)


def test_a_session_is_good_in_every_worker_of_the_server(tmp_path: Path) -> None:
    port, key_file = free_port(), tmp_path / "keys" / "web.key"
    process = subprocess.Popen(
        [sys.executable, "-m", "runstrong", "--db", f"sqlite:///{tmp_path / 'two.sqlite3'}",
         "serve", "--port", str(port), "--workers", "2"],
        env={**os.environ, "RUNSTRONG_KEY_FILE": str(key_file)},
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    answers: list[int] = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(f"{base}/login", process)
        with httpx.Client(base_url=base, timeout=10) as browser:
            browser.get("/login")
            token = browser.cookies["rs_csrf"]
            form = {"email": "jo@example.org", "password": PASSWORD, "_csrf_token": token}
            assert browser.post("/signup", data=form).status_code == 303
            assert browser.post("/login", data=form).status_code == 303
            for _ in range(REQUESTS):
                with httpx.Client(base_url=base, cookies=browser.cookies, timeout=10) as fresh:
                    answers.append(fresh.get("/athletes").status_code)  # a new connection
            out = browser.post("/logout", data={"_csrf_token": token})
            after = browser.get("/athletes")
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert answers == [200] * REQUESTS
    assert out.status_code == 303
    assert after.status_code == 303  # logged out: to the log-in page
    assert len(set(re.findall(r"Started server process \[(\d+)\]", err))) == 2  # two workers
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
