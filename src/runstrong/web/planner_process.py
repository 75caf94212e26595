"""`python -m runstrong.web.planner_process CONFIG_JSON`: a request worker's planner process
(web/planner.py). It loads the exercise library of the WebConfig given (its folders and cache),
then runs the calls its worker sends on standard input and answers on standard output, until
that closes. Anything else it would print goes to standard error."""

from __future__ import annotations

import os
import signal
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m runstrong.web.planner_process CONFIG_JSON", file=sys.stderr)
        return 2
    from runstrong.library.loader import load_library
    from runstrong.web.config import WebConfig
    from runstrong.web.planner import serve_calls

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server; this ends with it
    calls = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print, or a library's, goes to standard error: not into an answer
    config = WebConfig.from_json(argv[0])
    library = load_library(config.exercise_dirs, cache_dir=config.cache_dir)
    serve_calls(library, calls, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
