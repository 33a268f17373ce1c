"""One store per app, shared by every request; how the pages reach it (:func:`get_store`, :func:`run_query`).

Opening a store per request would reread the embedded JSON file (or reconnect to Neo4j and check
its schema) on every page, far too slow for a chain map of 2,000 firms. The viewer only reads,
so one store is shared; the embedded file is reopened when its modification time or size
changes, so a ``chainkg build`` in another shell shows up on the next page.

:meth:`StoreHolder.stamp` names the state of the data, for the viewer's caches: the file's
modification time and size, or Neo4j's bookmark after a trivial read transaction (it carries
the id of the last committed transaction, so it changes with every write, whoever makes it).
Neo4j is asked at most once every ``recheck`` seconds.

An embedded store is warmed before it is handed out (:func:`warm_embedded`). When a Neo4j
store is opened, the viewer's queries are planned in the background (EXPLAIN
with their example parameters, so the parameter types match real calls): right after a server
starts, planning them takes seconds, which the first user of a chain map would otherwise wait
(``chainkg serve`` waits for it, :meth:`StoreHolder.wait_until_warm`, before it listens).

What the pages build once per store version (every chain's picture and its map's query rows) is built by
:meth:`StoreHolder.keep_warm` in background threads once the server listens, and again whenever the data
changed and then stayed unchanged for a while (a ``chainkg build`` in progress changes it with every
transaction: warming each of those versions would only slow the build down). A request for what is being
warmed joins that computation (:class:`chainkg.webapp.response_cache.ReadCache`) instead of starting a second.

The pages hold the store only through its interface (``chainkg.graph.store``): named queries
through ``chainkg.queries.run``, the console through ``GraphStore.console``, never a driver.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import current_app

from chainkg import queries
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import GraphStore, StoreConfig, open_store

log = logging.getLogger(__name__)

#: The named queries the pages run; their plans are warmed on a fresh Neo4j connection.
VIEWER_QUERIES = (
    "chain_list",
    "chain_map",
    "chain_firm_evidence",
    "chain_gap_sentences",
    "chain_firms",
    "chain_carriers",
    "chain_gaps",
    "policies_measures",
    "targets",
    "projects",
    "search",
    "node",
    "neighbourhood",
    "document",
    "document_mentions",
    "documents",
)


def warm_query_plans(store: GraphStore) -> None:
    """Plan the viewer's queries once (EXPLAIN runs nothing), so Neo4j has them cached."""
    named = [queries.get_query(name) for name in VIEWER_QUERIES]
    store.prepare((q.cypher, q.bind({p.name: p.example for p in q.parameters})) for q in named)


def warm_embedded(store: GraphStore) -> None:
    """Run the viewer's queries once with their example parameters on a just-opened embedded store.

    That builds what they build once per graph (the networkx view, its index of neighbours by
    type, the search text) in this one thread, before any request sees the store: otherwise the
    first concurrent requests would each build them at once, seconds of work apiece.
    """
    for name in VIEWER_QUERIES:
        query = queries.get_query(name)
        queries.run(store, name, {p.name: p.example for p in query.parameters})


class StoreHolder:
    """Opens the store lazily, once, and reopens an embedded file that changed on disk."""

    def __init__(self, config: StoreConfig, recheck: float = 1.0) -> None:
        self.config = config
        self.recheck = recheck
        self._lock = threading.Lock()
        self._store: GraphStore | None = None
        self._stamp: tuple[int, int] | None = None
        self._neo4j_seen: tuple[float, tuple[str, ...]] | None = None
        self._warmer: threading.Thread | None = None
        self._keepers: list[threading.Thread] = []
        self._closing = threading.Event()

    def _file_stamp(self) -> tuple[int, int] | None:
        if self.config.neo4j_uri:
            return None
        try:
            stat = os.stat(self.config.path)
        except FileNotFoundError:
            return (0, 0)
        return (stat.st_mtime_ns, stat.st_size)

    def stamp(self) -> tuple[object, ...]:
        """What identifies the stored data's current state, for the viewer's caches."""
        file_stamp = self._file_stamp()
        if file_stamp is not None:
            return file_stamp
        seen = self._neo4j_seen
        now = time.monotonic()
        if seen is None or now - seen[0] >= self.recheck:
            seen = self._neo4j_seen = (now, self._neo4j_bookmark())
        return seen[1]

    def _neo4j_bookmark(self) -> tuple[str, ...]:
        store = self.get()
        assert isinstance(store, Neo4jStore)  # only asked when the config names a Neo4j URI
        return store.bookmarks()

    def get(self) -> GraphStore:
        stamp = self._file_stamp()
        store = self._store
        if store is not None and stamp == self._stamp:
            return store
        with self._lock:
            if self._store is None or stamp != self._stamp:
                self._join_warmer()
                opened = open_store(self.config)
                if not self.config.neo4j_uri:
                    warm_embedded(opened)
                old, self._store = self._store, opened
                self._stamp = stamp
                if old is not None:
                    old.discard()
                if self.config.neo4j_uri:
                    self._warmer = threading.Thread(target=warm_query_plans, args=(self._store,), daemon=True)
                    self._warmer.start()
            return self._store

    def wait_until_warm(self) -> None:
        """Return once the viewer's queries are planned (``chainkg serve`` waits before it listens)."""
        with self._lock:
            self._join_warmer()

    def _join_warmer(self) -> None:
        # The warm-up shares the driver: let it finish before that driver is closed.
        if self._warmer is not None:
            self._warmer.join(timeout=60)
            self._warmer = None

    def keep_warm(self, what: str, warm: Callable[[], Iterable[object]], settle_seconds: float) -> None:
        """Run ``warm`` now in a background thread, and again for each later version of the data that stays
        unchanged for ``settle_seconds``, until :meth:`close`; log (info) ``what`` was warmed, and how long it took.

        ``warm`` yields after each piece of work (a chain), so closing waits for one piece, not for all of them.
        """
        keeper = threading.Thread(target=self._keep_warm, args=(what, warm, settle_seconds), daemon=True)
        self._keepers.append(keeper)
        keeper.start()

    def _keep_warm(self, what: str, warm: Callable[[], Iterable[object]], settle_seconds: float) -> None:
        warmed: tuple[object, ...] | None = None
        seen: tuple[object, ...] | None = None
        while not self._closing.is_set():
            try:
                stamp = self.stamp()
                if stamp != warmed and (warmed is None or stamp == seen):
                    warmed = stamp  # once per version, even if it fails: the pages then build what they show
                    started, done = time.perf_counter(), 0
                    for _ in warm():
                        if self._closing.is_set():
                            return
                        done += 1
                    log.info("%s warmed: %d in %.1f s", what, done, time.perf_counter() - started)
                seen = stamp
            except Exception:  # noqa: BLE001 - a store that cannot answer fails the pages too, which say why
                log.exception("warming %s failed; the pages build them on request", what)
            self._closing.wait(settle_seconds)

    def close(self) -> None:
        self._closing.set()
        for keeper in self._keepers:
            keeper.join(timeout=60)
        self._keepers = []
        with self._lock:
            self._join_warmer()
            if self._store is not None:
                self._store.discard()
                self._store = None


def get_store() -> GraphStore:
    """The app's store: opened on first use and shared by requests (the embedded file is reread when it changes)."""
    holder: StoreHolder = current_app.extensions["chainkg_store"]
    return holder.get()


def store_stamp() -> tuple[object, ...]:
    """The current state of the store's data, the part of every cache key that expires it."""
    holder: StoreHolder = current_app.extensions["chainkg_store"]
    return holder.stamp()


def run_query(name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a named query, shared by requests until the store changes: callers must not modify them."""
    params = params or {}
    key = ("query", name, tuple(sorted(params.items())), store_stamp())
    return current_app.extensions["chainkg_cache"].get_or_compute(key, lambda: queries.run(get_store(), name, params))
