"""User mistakes become one clear line on stderr and exit code 2; `--debug` shows the traceback.

Click reports its usage errors itself in standalone mode: the usage line, a hint and the
message, exit code 2. What is left for us are runstrong's own errors (`RunstrongError`): one
`error: ...` line each.
"""

from __future__ import annotations

import sys

import click

from runstrong.domain.errors import RunstrongError

EXIT_USER_ERROR = 2
DEBUG_FLAG = "--debug"


def split_debug(argv: list[str]) -> tuple[list[str], bool]:
    """`argv` without `--debug` (accepted anywhere before a `--`), and whether it was there."""
    end = argv.index("--") if "--" in argv else len(argv)
    kept = [a for a in argv[:end] if a != DEBUG_FLAG] + argv[end:]
    return kept, len(kept) != len(argv)


def run_safely(app: click.Command, argv: list[str]) -> int:
    args, debug = split_debug(argv)
    try:
        app.main(args=args, prog_name="runstrong", standalone_mode=True)
    except SystemExit as exit_:
        return _exit_code(exit_.code)
    except RunstrongError as err:
        if debug:
            raise
        for line in str(err).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def warn(message: str) -> None:
    """Something the user should know, that does not stop the command: one line on stderr."""
    print(f"warning: {message}", file=sys.stderr)
