"""The viewer's read cache: one computation per key under concurrency, bounded by entries and by weight."""

from __future__ import annotations

import threading
import time

from chainkg.webapp.response_cache import ReadCache


def test_concurrent_misses_compute_once() -> None:
    cache: ReadCache = ReadCache()
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        time.sleep(0.05)
        return "answer"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute("k", compute))) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["answer"] * 20 and len(calls) == 1


def test_weight_bound_evicts_least_recently_used() -> None:
    cache: ReadCache = ReadCache(size=100, max_weight=10, weigh=len)
    for key in "abc":
        cache.get_or_compute(key, lambda: b"xxxx")  # 4 bytes each: c pushes a out
    assert len(cache) == 2 and cache.weight == 8
    assert cache.get_or_compute("a", lambda: b"new!") == b"new!"  # recomputed
    assert cache.get_or_compute("big", lambda: b"x" * 11) == b"x" * 11  # too heavy to keep, still answered
    assert len(cache) == 2 and cache.weight == 8


def test_entry_bound() -> None:
    cache: ReadCache = ReadCache(size=2)
    for key in range(5):
        cache.get_or_compute(key, lambda: [1])
    assert len(cache) == 2
