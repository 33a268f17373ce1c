"""Where callers get a store: the interface, its configuration, and how to open one.

The interface itself (:class:`GraphStore`, :class:`StoreConfig`) is defined in
:mod:`chainkg.graph.interface`, which both stores import; this module imports
both stores to choose between them, so nothing here is imported back and there
is no cycle. Callers (the CLI, the loaders, the viewer, ``chainkg.queries``)
import from here.
"""

from __future__ import annotations

from collections.abc import Callable

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.interface import GraphStore, StoreConfig
from chainkg.graph.neo4j_store import Neo4jStore

__all__ = ["GraphStore", "StoreConfig", "open_store"]


def open_store(config: StoreConfig, *, write: bool = False, waiting: Callable[[str], None] | None = None) -> GraphStore:
    """The store ``config`` points at: Neo4j when a URI is set, else the embedded file.

    ``write``: become its writer at once (:meth:`GraphStore.begin_writing`); ``waiting(message)`` is told
    if another writer of the same embedded file must finish first.
    """
    store: GraphStore
    if config.neo4j_uri:
        store = Neo4jStore(config)
    else:
        store = EmbeddedStore(config.path, lock_wait_seconds=config.lock_wait_seconds, waiting=waiting)
    if write:
        store.begin_writing()
    return store
