"""Re-plans in the planner process (web/planner.py): what a served worker loads when athletes
are stored, edited and read; errors that keep their class and fields across the pipe; a
planner that dies is started again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from builders import ROOT
from runstrong.domain.errors import InputErrors
from runstrong.library.loader import load_library
from runstrong.profile.loader import profile_from_bytes
from runstrong.settings import Settings
from runstrong.web import replans
from runstrong.web.config import WebConfig
from runstrong.web.planner import LIBRARY, Planner, PlannerError
from servers import free_port, wait_until_answering
from web_client import NOW, PASSWORD, profile_json

BAD_PROFILE = b'{"athlete": {"name": "Kim", "level": "expert"}, "running": {"week": []}}'


def _children(pid: int) -> list[int]:
    """The process's children, whichever of its threads started them."""
    tasks = Path(f"/proc/{pid}/task").iterdir()
    return [int(c) for task in tasks for c in (task / "children").read_text().split()]


def _command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_served_worker_re_plans_elsewhere_and_never_loads_the_profile_reader(
    tmp_path: Path,
) -> None:
    """Two athletes stored, one edited, their days and plan read, with an empty input cache:
    the request worker (the serve process, one worker) has not mapped pydantic's core; its
    planner process has, and ends with it."""
    port = free_port()
    env = {**os.environ, "RUNSTRONG_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "runstrong", "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}",
         "serve", "--port", str(port)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/api/openapi.json", process)
        user = {"email": "p@example.org", "password": PASSWORD}
        assert httpx.post(f"{base}/api/v1/users", json=user).status_code == 201
        token = httpx.post(f"{base}/api/v1/tokens", json=user).json()["token"]
        auth = {"Authorization": f"Bearer {token}", "content-type": "application/json"}
        with httpx.Client(base_url=base, headers=auth, timeout=120) as web:
            first = web.post("/api/v1/athletes", content=profile_json())
            assert first.status_code == 201, first.text
            second = web.post("/api/v1/athletes", content=profile_json("sam-5k-beginner"))
            assert second.status_code == 201, second.text
            athlete = f"/api/v1/athletes/{first.json()['id']}"
            assert web.put(athlete, content=profile_json()).status_code == 200
            bad = web.put(athlete, content=BAD_PROFILE)
            assert bad.status_code == 422  # the reader's errors, from the planner
            assert {e["field"] for e in bad.json()["errors"]} >= {"athlete.level"}
            assert web.get(f"{athlete}/today?date=2026-12-10").status_code == 200
            assert web.get(f"{athlete}/plan").status_code == 200
            assert web.get(f"{athlete}/history").status_code == 200
        worker_maps = Path(f"/proc/{process.pid}/maps").read_text()
        planners = [c for c in _children(process.pid) if "planner_process" in _command(c)]
        assert len(planners) == 1
        planner_maps = Path(f"/proc/{planners[0]}/maps").read_text()
        assert "pydantic_core" in planner_maps  # the check reads what it should
        assert "pydantic_core" not in worker_maps
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    deadline = time.monotonic() + 10
    while Path(f"/proc/{planners[0]}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{planners[0]}/cmdline").exists() or not _command(planners[0])


def test_the_readers_errors_keep_their_class_and_fields_across_the_pipe(tmp_path: Path) -> None:
    planner = Planner(WebConfig(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    settings = Settings(today=NOW.date(), database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        with pytest.raises(InputErrors) as there:
            planner.call(
                replans.add_athlete, BAD_PROFILE, ".json", "profile", LIBRARY, settings,
                handle=None, units=None,
            )  # fmt: skip
    finally:
        planner.close()
    with pytest.raises(InputErrors) as here:
        profile_from_bytes(BAD_PROFILE, ".json", load_library(), "profile")
    assert [(e.where, e.field, e.message) for e in there.value.errors] == [
        (e.where, e.field, e.message) for e in here.value.errors
    ]
    assert there.value.lines() == here.value.lines()


def test_a_planner_that_died_is_started_again(tmp_path: Path) -> None:
    planner = Planner(WebConfig(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    try:
        assert planner.call(os.getpid) != os.getpid()  # a call runs in the other process
        first = planner.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        os.waitpid(first, 0)
        second = planner.call(os.getpid)  # between calls: started again, unseen
        assert second not in (first, os.getpid())
        with pytest.raises(PlannerError):  # dying during a call fails that call
            planner.call(os._exit, 3)
        assert planner.call(os.getpid) not in (first, second, os.getpid())
    finally:
        planner.close()
    assert planner.pid is None
