"""`make run`'s server: the web app on a SQLite file of the project's own (out/, never the
user's database), made afresh with one account and the example athlete, then served until
Ctrl-C. Prints the address, the account's email and password, an API token, the athlete's id
(opaque, as the API and the pages take it) and its calendar subscription URL.

    python -m runstrong.web.example examples/alex-marathon.toml out/runstrong.sqlite3 [--port N]
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

EMAIL = "alex@example.org"
PASSWORD = "runstrong example"  # a local example's account: printed, never for real use
HANDLE = "alex"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m runstrong.web.example")
    parser.add_argument("profile", type=Path)
    parser.add_argument("database", type=Path, help="a SQLite file, made afresh")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    from runstrong.domain.errors import RunstrongError

    try:
        _serve(args.profile, args.database, args.host, args.port)
    except RunstrongError as err:
        for line in err.lines():
            print(f"error: {line}", file=sys.stderr)
        return 2
    return 0


def _serve(profile: Path, database: Path, host: str, port: int) -> None:
    from runstrong import account_service, athlete_service, feed_service, services
    from runstrong.profile.loader import load_profile
    from runstrong.settings import from_environment
    from runstrong.web.api_athletes import public_id
    from runstrong.web.replans import read_plan_once

    for stale in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{database.resolve()}"
    settings = from_environment(os.environ, database_url=url)
    account = account_service.add_user(EMAIL, PASSWORD, settings)
    mine = replace(settings, owner=account.id)
    library = services.open_library(settings)
    text = profile.read_text("utf-8")
    athlete_service.add_athlete(
        load_profile(profile, library, cache_dir=settings.cache_dir),
        text,
        profile.suffix,
        library,
        mine,
        handle=HANDLE,
    )
    read_plan_once(HANDLE, library, mine)  # the workers read the plan parsed, without pydantic
    token = account_service.issue_token(EMAIL, PASSWORD, "make run", settings)
    feed, _ = feed_service.make_feed(HANDLE, mine)
    athlete = public_id(HANDLE, mine)
    base = f"http://{host}:{port}"
    print(
        f"""
runstrong's web app on {database} (made afresh with the example athlete)
  open:      {base}/athletes/{athlete}/today  (log in with the account below)
  api:       {base}/api/openapi.json  (the REST API; docs/api.md)
  account:   {EMAIL} / {PASSWORD}
  token:     {token}
  athlete:   {athlete}
  try:       curl -H "Authorization: Bearer {token}" {base}/api/v1/athletes/{athlete}/today
  calendar:  {base}/feeds/{feed}.ics  (subscribe to it in a calendar app)
Ctrl-C stops it.
""",
        flush=True,
    )
    command = [sys.executable, "-m", "runstrong", "serve", "--db", url, "--host", host,
               "--port", str(port)]  # fmt: skip
    os.execv(sys.executable, command)  # a fresh process: the server's, without this one's


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
