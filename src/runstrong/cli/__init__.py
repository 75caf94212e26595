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
    # The entry point's choice for its own process (never made inside a library call): a command
    # is short-lived, reference counting frees what it makes (planning makes no reference cycles,
    # tests/domain/test_engine_gc.py), and the cyclic garbage collector's passes only cost time.
    gc.disable()
    sys.exit(run_safely(app, sys.argv[1:]))


__all__ = ["app", "main"]
