"""A small HTTP/1.1 load generator: keep-alive connections over raw asyncio streams, each sending
its next request when the answer to the last one is in (closed loop), for a fixed time.

httpx spends more time per request than the server under test; this spends about 40 us, so one
core of it drives one core of server past 10,000 requests a second. Answers must carry a
Content-Length (runstrong's do); any status of 400 or more stops the run with the answer.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass

HEAD_END = b"\r\n\r\n"


@dataclass(frozen=True, slots=True)
class Result:
    seconds: list[float]  # each request's latency
    wall_s: float
    body_bytes: int

    @property
    def rps(self) -> float:
        return len(self.seconds) / self.wall_s

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else float("nan")

    @property
    def p99_ms(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000 if ordered else float("nan")


def request(
    method: str, path: str, host: str, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    """One request's bytes, sent as they are every time."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


async def _connection(
    host: str, port: int, raw: bytes, until: float, warm_until: float, out: list[float]
) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    received = 0
    try:
        while True:
            start = time.perf_counter()
            if start >= until:
                return received
            writer.write(raw)
            head = await reader.readuntil(HEAD_END)
            length = _content_length(head)
            body = await reader.readexactly(length)
            took = time.perf_counter() - start
            if not head.startswith(b"HTTP/1.1 2") and not head.startswith(b"HTTP/1.1 304"):
                raise SystemExit(f"{head.decode(errors='replace')}{body[:300]!r}")
            if start >= warm_until:
                out.append(took)
                received += length
    finally:
        writer.close()


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    raise SystemExit(f"an answer without Content-Length: {head[:300]!r}")


async def _load(
    host: str,
    port: int,
    raw: bytes | list[bytes],
    connections: int,
    seconds: float,
    warm_up_s: float,
) -> Result:
    out: list[float] = []
    begin = time.perf_counter()
    warm_until = begin + warm_up_s
    until = warm_until + seconds
    each = raw if isinstance(raw, list) else [raw]
    received = await asyncio.gather(
        *(
            _connection(host, port, each[i % len(each)], until, warm_until, out)
            for i in range(connections)
        )
    )
    return Result(out, time.perf_counter() - warm_until, sum(received))


def load(
    host: str,
    port: int,
    raw: bytes | list[bytes],
    connections: int,
    seconds: float,
    warm_up_s: float = 0.5,
) -> Result:
    """`connections` keep-alive connections each sending `raw` again and again for `seconds`
    (after `warm_up_s` not counted); a list of requests: connection i sends the i-th (modulo
    its length)."""
    return asyncio.run(_load(host, port, raw, connections, seconds, warm_up_s))
