"""Finished responses and named-query rows, kept while the data they show is unchanged.

A chain map of 2,000 firms takes a few hundred milliseconds to gather and render; twenty
colleagues opening it at once would queue behind each other, and each change of the district
filter would ask the store again. The viewer never writes, so a response (or a query's rows)
can be reused until the store changes (``StoreHolder.stamp``: the embedded file's modification
time and size; Neo4j's last committed transaction, read from a bookmark). One request computes
a missing entry while the others for the same key wait for it, instead of all computing it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class ReadCache:
    """A small LRU of ``key -> value`` (keys include the store's stamp) with one computing thread per key."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                return hit
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                hit = self._entries.get(key)
            if hit is not None:
                return hit
            try:
                value = compute()
                with self._lock:
                    self._entries[key] = value
                    while len(self._entries) > self.size:
                        self._entries.popitem(last=False)
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            return value
