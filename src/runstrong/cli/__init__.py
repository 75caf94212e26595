"""The `runstrong` command line: thin commands over runstrong.services."""

from __future__ import annotations

import os
import sys

# runstrong uses no pydantic plugins; looking for them scans every installed package's entry
# points (tens of milliseconds at every start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from runstrong.cli.app import app
from runstrong.cli.errors import run_safely


def main() -> None:
    sys.exit(run_safely(app, sys.argv[1:]))


__all__ = ["app", "main"]
