"""The app served for the browser tests: uvicorn on a free port of 127.0.0.1 in a thread, on
a SQLite file of the test's, with a clock the test moves."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from servers import free_port
from web_client import Clock

START_TIMEOUT_S = 30


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Clock]]:
    """The app on a free port of 127.0.0.1 (uvicorn in a thread), on a new SQLite file, with a
    clock the test moves; its address and the clock."""
    from runstrong.storage import database
    from runstrong.web.app import create_app
    from runstrong.web.config import WebConfig

    clock = Clock()
    url = f"sqlite:///{tmp_path / 'browser.sqlite3'}"
    app = create_app(WebConfig(database_url=url, clock=clock, key_file=tmp_path / "web.key"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        assert thread.is_alive(), "the server stopped before it started"
        assert time.monotonic() < deadline, "the server did not start in time"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", clock
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        database.close(url)


@pytest.fixture
def chromium() -> str:
    """Debian's chromium, for Playwright (which cannot download its own here)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "no chromium on PATH: apt-get install chromium (the browser tests need it)"
    return found
