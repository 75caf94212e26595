"""`python -m runstrong.make_file ID`: make the file of row ID of `made_files` (a PDF, a
calendar feed) and store it; started by a web worker (runstrong.made_files.start), which sends
the settings (database, exercise folders, cache) as JSON on standard input. An entry point: it
reads the clock."""

from __future__ import annotations

import sys
from datetime import UTC, datetime


def main(argv: list[str]) -> int:
    from runstrong.made_files import make, settings_from_json

    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m runstrong.make_file ID < settings.json", file=sys.stderr)
        return 2
    settings = settings_from_json(sys.stdin.buffer.read(), datetime.now(UTC).date())
    make(int(argv[0]), settings, lambda: datetime.now(UTC))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
