"""The one small interface every store implements, and how to open one.

A store merges per-document graphs, reads the whole graph back, retracts a
document, and counts. The embedded file store and Neo4j pass the same contract
tests (``tests/test_store_contract.py``), so the CLI, the loaders and the viewer
never ask which one they hold.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from chainkg.graph.model import Graph

if TYPE_CHECKING:
    from chainkg.queries import NamedQuery


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives: a Neo4j URI if given, else the embedded file."""

    path: Path = Path(".chainkg/graph.json")
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    #: How long the driver retries a transaction the server could not take (a restart, a leader change).
    neo4j_retry_seconds: float = 30.0

    def describe(self) -> str:
        return f"Neo4j at {self.neo4j_uri}" if self.neo4j_uri else f"embedded store {self.path}"


class GraphStore(ABC):
    """Merges per-document graphs and gives the whole graph back."""

    @abstractmethod
    def write_document(self, graph: Graph) -> None:
        """Merge one document's graph, all or nothing."""

    @abstractmethod
    def read(self) -> Graph:
        """The whole stored graph."""

    @abstractmethod
    def remove_document(self, document_uid: str) -> bool:
        """Retract what only that document stated; False if it was not stored."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""

    @abstractmethod
    def document_hashes(self) -> dict[str, str]:
        """sha256 → uid of every stored Document, so unchanged files can be skipped."""

    def query(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of the named query ``name`` of the registry (``queries/``)."""
        from chainkg.queries import get_query

        named = get_query(name)
        return self.run_named(named, named.bind(params or {}))

    @abstractmethod
    def run_named(self, query: NamedQuery, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run a registry query with bound parameters (Cypher on Neo4j, its Python twin embedded)."""

    def flush(self) -> None:
        """Make what was written durable (the embedded store saves its file here)."""

    def close(self) -> None:
        """Release connections; flushes first."""
        self.flush()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()

    def discard(self) -> None:
        """Close without flushing what is not yet durable (after an error)."""


def open_store(config: StoreConfig) -> GraphStore:
    """The store ``config`` points at: Neo4j when a URI is set, else the embedded file."""
    if config.neo4j_uri:
        from chainkg.graph.neo4j_store import Neo4jStore

        return Neo4jStore(config)
    from chainkg.graph.embedded_store import EmbeddedStore

    return EmbeddedStore(config.path)
