"""A worker's cache of encoded answers keeps each answer once: gzipped when that makes it smaller
(a plan's JSON), as it is when not (a PDF, random bytes), and bounded by the bytes it keeps."""

from __future__ import annotations

import gzip
import json
import os

from runstrong.web.stored_bytes import BOTH_MAX_BYTES, StoredBytes, encode

PLAN_LIKE = json.dumps(
    [{"date": f"2026-12-{d:02d}", "sets": 3, "reps": 5} for d in range(1, 29)] * 100
).encode()


def test_a_compressible_answer_is_kept_gzipped_only_and_made_again_as_it_was() -> None:
    assert len(PLAN_LIKE) > BOTH_MAX_BYTES  # a plan's size
    found = encode(PLAN_LIKE)
    assert found.plain is None
    assert found.gzipped is not None
    assert found.size == len(found.gzipped) < len(PLAN_LIKE) / 10
    assert gzip.decompress(found.gzipped) == PLAN_LIKE == found.raw


def test_a_small_compressible_answer_is_kept_as_it_is_and_gzipped() -> None:
    day = PLAN_LIKE[:5_000]  # a day's session: sent without decompressing to any client
    found = encode(day)
    assert found.plain == day == found.raw
    assert found.gzipped is not None
    assert gzip.decompress(found.gzipped) == day


def test_an_answer_gzip_does_not_shrink_is_kept_as_it_is() -> None:
    noise = os.urandom(20_000)  # as a PDF's compressed streams are
    found = encode(noise)
    assert found.gzipped is None
    assert found.plain == noise == found.raw


def test_the_etag_is_the_answers_not_its_encodings() -> None:
    assert encode(PLAN_LIKE).etag == encode(PLAN_LIKE).etag != encode(PLAN_LIKE + b" ").etag


def test_the_cache_keeps_to_its_budget_of_kept_bytes_oldest_out_first() -> None:
    noise = [os.urandom(10_000) for _ in range(3)]
    cache = StoredBytes(budget=25_000)
    for i, body in enumerate(noise):
        cache.put(i, body)
    assert cache.get(0) is None  # 30,000 bytes over 25,000: the least recently used out
    assert [cache.get(i).raw for i in (1, 2)] == noise[1:]  # type: ignore[union-attr]
