"""The `runstrong` command line: thin commands over runstrong.services."""

from __future__ import annotations

import sys

from runstrong.cli.app import app
from runstrong.cli.errors import run_safely


def main() -> None:
    sys.exit(run_safely(app, sys.argv[1:]))


__all__ = ["app", "main"]
