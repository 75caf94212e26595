"""Answers from stored bytes: a worker's bounded cache of encoded answers (a plan version's JSON,
a made calendar or PDF) by what they were made from, each kept as it is and gzipped, with an
ETag; and the response that sends the one the client accepts (304 when it has it already).

A key names bytes that never change (a plan version's row id, a made file's row id), so an entry
is never stale: the cache is bounded by bytes (least recently used out first), not by time."""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, cast

from litestar import Request, Response
from litestar.status_codes import HTTP_304_NOT_MODIFIED

CACHE_BUDGET_BYTES = 16 * 1024 * 1024  # per worker: a few dozen plans, inside the 80 MB target
GZIP_LEVEL = 6
GZIP_MIN_BYTES = 1_024  # smaller answers are sent as they are


@dataclass(frozen=True, slots=True)
class Encoded:
    raw: bytes
    gzipped: bytes | None
    etag: str

    @property
    def size(self) -> int:
        return len(self.raw) + len(self.gzipped or b"")


def encode(raw: bytes) -> Encoded:
    gzipped = gzip.compress(raw, GZIP_LEVEL, mtime=0) if len(raw) >= GZIP_MIN_BYTES else None
    return Encoded(raw, gzipped, '"' + hashlib.blake2b(raw, digest_size=12).hexdigest() + '"')


class StoredBytes:
    """A least-recently-used cache of Encoded answers, at most `budget` bytes (thread-safe: a
    handler may run in a worker thread)."""

    def __init__(self, budget: int = CACHE_BUDGET_BYTES) -> None:
        self.budget = budget
        self._entries: OrderedDict[object, Encoded] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: object) -> Encoded | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: object, raw: bytes) -> Encoded:
        return self.keep(key, encode(raw))

    def keep(self, key: object, found: Encoded) -> Encoded:
        """Keep `found`, encoded already (perhaps kept elsewhere too, under another key)."""
        if found.size > self.budget:
            return found
        with self._lock:
            old = self._entries.pop(key, None)
            self._size += found.size - (old.size if old else 0)
            self._entries[key] = found
            while self._size > self.budget:
                _, dropped = self._entries.popitem(last=False)
                self._size -= dropped.size
        return found


def send(
    request: Request[Any, Any, Any],
    found: Encoded,
    media_type: str,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    """`found` as the client takes it: 304 when its If-None-Match has the ETag, gzipped when it
    accepts gzip, else as it is."""
    sent = {"ETag": found.etag, "Vary": "Accept-Encoding", **(headers or {})}
    if found.etag in request.headers.get("if-none-match", ""):
        return Response(b"", status_code=HTTP_304_NOT_MODIFIED, headers=sent, media_type=media_type)
    if found.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        sent["Content-Encoding"] = "gzip"
        return Response(cast(Any, found.gzipped), media_type=media_type, headers=sent)
    return Response(cast(Any, found.raw), media_type=media_type, headers=sent)
