"""One store per app, shared by every request.

Opening a store per request would reread the embedded JSON file (or reconnect to Neo4j and check
its schema) on every page, far too slow for a chain map of 2,000 firms. The viewer only reads,
so one store is shared; the embedded file is reopened when its modification time or size
changes, so a ``chainkg build`` in another shell shows up on the next page.

:meth:`StoreHolder.stamp` names the state of the data, for the viewer's caches: the file's
modification time and size, or Neo4j's bookmark after a trivial read transaction (it carries
the id of the last committed transaction, so it changes with every write, whoever makes it).
Neo4j is asked at most once every ``recheck`` seconds.

When a Neo4j store is opened, the viewer's queries are planned in the background (EXPLAIN
with their example parameters, so the parameter types match real calls): right after a server
starts, planning them takes seconds, which the first user of a chain map would otherwise wait.
"""

from __future__ import annotations

import os
import threading
import time

from chainkg.graph.store import GraphStore, StoreConfig, open_store

#: The named queries the pages run; their plans are warmed on a fresh Neo4j connection.
VIEWER_QUERIES = (
    "chain_list",
    "chain_map",
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
)


def warm_query_plans(store: GraphStore) -> None:
    """Plan the viewer's queries once (EXPLAIN runs nothing), so Neo4j has them cached."""
    from neo4j import READ_ACCESS
    from neo4j.exceptions import DriverError, Neo4jError

    from chainkg.queries import get_query

    driver = store.driver  # type: ignore[attr-defined]
    try:
        with driver.session(database=store.config.neo4j_database, default_access_mode=READ_ACCESS) as session:  # type: ignore[attr-defined]
            for name in VIEWER_QUERIES:
                query = get_query(name)
                params = query.bind({p.name: p.example for p in query.parameters})
                session.run("EXPLAIN " + query.cypher, params).consume()
    except (Neo4jError, DriverError, OSError):
        pass  # only a head start: the pages plan what they need themselves


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
        from neo4j import READ_ACCESS

        driver = self.get().driver  # type: ignore[attr-defined]
        with driver.session(database=self.config.neo4j_database, default_access_mode=READ_ACCESS) as session:
            session.execute_read(lambda tx: tx.run("RETURN 1").consume())
            return tuple(sorted(session.last_bookmarks().raw_values))

    def get(self) -> GraphStore:
        stamp = self._file_stamp()
        store = self._store
        if store is not None and stamp == self._stamp:
            return store
        with self._lock:
            if self._store is None or stamp != self._stamp:
                self._join_warmer()
                old, self._store = self._store, open_store(self.config)
                self._stamp = stamp
                if old is not None:
                    old.discard()
                if self.config.neo4j_uri:
                    self._warmer = threading.Thread(target=warm_query_plans, args=(self._store,), daemon=True)
                    self._warmer.start()
            return self._store

    def _join_warmer(self) -> None:
        # The warm-up shares the driver: let it finish before that driver is closed.
        if self._warmer is not None:
            self._warmer.join(timeout=60)
            self._warmer = None

    def close(self) -> None:
        with self._lock:
            self._join_warmer()
            if self._store is not None:
                self._store.discard()
                self._store = None
