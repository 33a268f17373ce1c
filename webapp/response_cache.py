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
    """An LRU of ``key -> value`` (keys include the store's stamp) with one computing thread per key.

    It holds at most ``size`` entries and, if ``weigh`` is given, values weighing at most
    ``max_weight`` in all (the response cache weighs bodies in bytes). A value heavier than
    ``max_weight`` on its own is returned but not kept.
    """

    def __init__(
        self, size: int = 128, max_weight: int | None = None, weigh: Callable[[Any], int] | None = None
    ) -> None:
        self.size = size
        self.max_weight = max_weight
        self.weigh = weigh
        self.weight = 0
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._weights: dict[Hashable, int] = {}
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._entries)

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
                self._keep(key, value)
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            return value

    def _keep(self, key: Hashable, value: Any) -> None:
        weight = self.weigh(value) if self.weigh is not None else 0
        if self.max_weight is not None and weight > self.max_weight:
            return
        with self._lock:
            self._entries[key] = value
            self.weight += weight - self._weights.get(key, 0)
            self._weights[key] = weight
            while len(self._entries) > self.size or (self.max_weight is not None and self.weight > self.max_weight):
                old, _ = self._entries.popitem(last=False)
                self.weight -= self._weights.pop(old)
