"""What a request worker loads at its start (issue 16: at most 80 MB of RSS a worker): the app
without litestar's pydantic and attrs plugins, which the API (msgspec structs) never uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builders import ROOT

STARTED = """
import sys
from pathlib import Path
from runstrong.web.app import create_app
from runstrong.web.config import WebConfig

folder = Path(sys.argv[1])
url = f"sqlite:///{folder / 'w.sqlite3'}"
app = create_app(WebConfig(database_url=url, key_file=folder / "key"))
assert app.openapi_schema.paths  # the OpenAPI document is still made
packages = ("attr", "attrs", "pydantic", "litestar")
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in packages)))
"""


def test_a_started_app_has_loaded_neither_litestar_pydantic_support_nor_attrs(
    tmp_path: Path,
) -> None:
    ran = subprocess.run(
        [sys.executable, "-c", STARTED, str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    loaded = set(ran.stdout.split())
    assert "litestar.app" in loaded  # what the check reads is the worker's modules
    assert {"litestar.plugins.pydantic", "pydantic.v1", "attr", "attrs"} & loaded == set()
