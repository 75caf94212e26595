"""Answers from stored bytes: a worker's bounded cache of encoded answers (a plan version's JSON,
a made calendar or PDF) by what they were made from, each kept once (gzipped when that makes it
smaller), with an ETag; and the response that sends the one the client accepts (304 when it has
it already).

A key names bytes that never change (a plan version's row id, a made file's row id), so an entry
is never stale: the cache is bounded by bytes (least recently used out first), not by time.
Clients take gzip (browsers, calendar apps, httpx); one that does not is sent the bytes
decompressed again (about 1 ms for a 500 kB plan), which keeps an entry a twentieth of its size."""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, cast

from litestar import Request, Response
from litestar.status_codes import HTTP_304_NOT_MODIFIED

# Per cache (stored plans, made files), per worker. Alex's 21-week plan JSON: 507 kB, gzipped
# 24 kB, so 4 MB holds about 170 plans (it held 30 at 16 MB as it is and gzipped); a made PDF,
# kept as it is, a few hundred kB.
CACHE_BUDGET_BYTES = 4 * 1024 * 1024
GZIP_LEVEL = 6
GZIP_MIN_BYTES = 1_024  # smaller answers are sent as they are
GZIP_MAX_RATIO = 0.9  # kept gzipped only if that saves a tenth (a PDF, a zip: kept as they are)
# Answers up to this size are kept as they are beside their gzip: a client that does not take
# gzip (curl, a script) then costs no decompression each time (40 us for a day's session),
# for a few kB more an entry. A plan's JSON (500 kB) is kept gzipped only.
BOTH_MAX_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Encoded:
    """An answer kept once: `gzipped` when gzip shrinks it (`raw` is then made again from it,
    for a client that does not take gzip; a small answer is kept `plain` too), else `plain`."""

    plain: bytes | None
    gzipped: bytes | None
    etag: str

    @property
    def size(self) -> int:
        return len(self.plain or b"") + len(self.gzipped or b"")

    @property
    def raw(self) -> bytes:
        """The answer as it was made."""
        if self.plain is not None:
            return self.plain
        assert self.gzipped is not None
        return gzip.decompress(self.gzipped)


def encode(raw: bytes) -> Encoded:
    etag = '"' + hashlib.blake2b(raw, digest_size=12).hexdigest() + '"'
    if len(raw) >= GZIP_MIN_BYTES:
        packed = gzip.compress(raw, GZIP_LEVEL, mtime=0)
        if len(packed) <= len(raw) * GZIP_MAX_RATIO:
            return Encoded(raw if len(raw) <= BOTH_MAX_BYTES else None, packed, etag)
    return Encoded(raw, None, etag)


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
