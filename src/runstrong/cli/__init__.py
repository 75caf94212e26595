"""The `runstrong` command line: thin commands over runstrong.services."""

from __future__ import annotations

import gc
import os
import sys

# runstrong uses no pydantic plugins; looking for them scans every installed package's entry
# points (tens of milliseconds at every start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from runstrong.cli.app import app
from runstrong.cli.errors import run_safely


def main() -> None:
    # A command is a short-lived process: reference counting frees what it makes, and the cyclic
    # garbage collector's passes only cost time (about 10% of `runstrong plan`; without them the
    # 27-page PDF export peaked at 144 MB instead of 138 MB).
    gc.disable()
    sys.exit(run_safely(app, sys.argv[1:]))


__all__ = ["app", "main"]
