"""The server process of `runstrong serve`: uvicorn serving the app factory's app
(web/app.py: app_from_environment, its WebConfig in RUNSTRONG_WEB_CONFIG) with the command's
host, port, workers and access log. `runstrong serve` reads and checks its options, then on
Linux becomes `python -m runstrong.web.server OPTIONS_JSON` (cli/serve_cmd.py), so that a
request worker holds the web app's modules and not the command line's."""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass

import msgspec


@dataclass(frozen=True, slots=True)
class ServerOptions:
    host: str
    port: int
    workers: int
    access_log: bool

    def to_json(self) -> str:
        return msgspec.json.encode(asdict(self)).decode()

    @classmethod
    def from_json(cls, text: str) -> ServerOptions:
        return msgspec.json.decode(text, type=cls)


def run_server(options: ServerOptions) -> None:
    """Serve until stopped (Ctrl-C, SIGTERM)."""
    import uvicorn

    uvicorn.run(
        "runstrong.web.app:app_from_environment",
        factory=True,
        host=options.host,
        port=options.port,
        workers=options.workers,
        log_level="info",
        access_log=options.access_log,  # about a tenth of a stored answer's time when on
        server_header=False,
    )


if __name__ == "__main__":
    run_server(ServerOptions.from_json(sys.argv[1]))
