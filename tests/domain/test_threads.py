"""Planning is safe for a web server: many threads at once get the same plan, and no call
switches anything process-wide (the garbage collector, the environment) while it runs."""

from __future__ import annotations

import gc
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from builders import EXAMPLES, library
from runstrong.domain.engine import generate_plan
from runstrong.export import plan_json
from runstrong.profile.loader import load_profile
from runstrong.render.resolved import resolve

THREADS = 8
TODAY = date(2026, 11, 30)


def _plan_bytes(name: str) -> bytes:
    profile = load_profile(EXAMPLES / f"{name}.toml", library())
    plan = generate_plan(profile, library(), today=TODAY)
    return plan_json.export_json(resolve(plan, profile.athlete, library()))


def _state() -> tuple[object, ...]:
    return (gc.isenabled(), dict(os.environ), sys.getrecursionlimit(), sys.getswitchinterval())


def test_eight_threads_at_once_make_byte_identical_plans_and_change_no_global_state() -> None:
    names = ["alex-marathon", "jo-ultra-achilles"] * (THREADS // 2)
    expected = {name: _plan_bytes(name) for name in set(names)}
    before = _state()
    seen: set[tuple[object, ...]] = set()
    done = threading.Event()

    def watch() -> None:  # samples the process's state while the plans are made
        while not done.is_set():
            seen.add(tuple(repr(part) for part in _state()))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            got = list(pool.map(_plan_bytes, names))
    finally:
        done.set()
        watcher.join()
    assert got == [expected[name] for name in names]
    assert _state() == before
    assert seen == {tuple(repr(part) for part in before)}
