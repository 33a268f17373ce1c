"""Where callers get a store: the interface, its configuration, and how to open one.

The interface itself (:class:`GraphStore`, :class:`StoreConfig`) is defined in
:mod:`chainkg.graph.interface`, which both stores import; this module imports
both stores to choose between them, so nothing here is imported back and there
is no cycle. Callers (the CLI, the loaders, the viewer, ``chainkg.queries``)
import from here.
"""

from __future__ import annotations

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.interface import GraphStore, StoreConfig
from chainkg.graph.neo4j_store import Neo4jStore

__all__ = ["GraphStore", "StoreConfig", "open_store"]


def open_store(config: StoreConfig) -> GraphStore:
    """The store ``config`` points at: Neo4j when a URI is set, else the embedded file."""
    if config.neo4j_uri:
        return Neo4jStore(config)
    return EmbeddedStore(config.path)
