"""The one small interface every store implements, and what names a store.

A store merges per-document graphs, reads the whole graph back, finds and
retracts a document, and counts. The embedded file store and Neo4j pass the
same contract tests (``tests/test_store_contract.py``), so the CLI, the loaders
and the viewer never ask which one they hold. Callers import these names from
:mod:`chainkg.graph.store`, which also opens a store; they live here so that
the two stores can subclass :class:`GraphStore` without importing the module
that imports them.

Named queries (``chainkg.queries.run``) build on this interface: raw Cypher on
a store that :attr:`GraphStore.runs_cypher`, the query's Python twin on the
embedded store. The store knows nothing of the query registry.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from chainkg.graph.cypher_console import ConsoleResult
from chainkg.graph.errors import Neo4jOnlyError
from chainkg.graph.model import Graph


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives: a Neo4j URI if given, else the embedded file.

    The defaults and the environment variables behind each field are declared
    once, in :data:`chainkg.settings.SETTINGS`; :func:`chainkg.settings.store_config`
    fills this from them.
    """

    path: Path = Path(".chainkg/graph.json")
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    #: How long the driver retries a transaction the server could not take (a restart, a leader change).
    neo4j_retry_seconds: float = 30.0
    #: How long a writer of the embedded store waits for another writer of the same file before it fails.
    lock_wait_seconds: float = 300.0

    def describe(self) -> str:
        return f"Neo4j at {self.neo4j_uri}" if self.neo4j_uri else f"embedded store {self.path}"


class GraphStore(ABC):
    """Merges per-document graphs and gives the whole graph back."""

    #: Whether :meth:`run_cypher` and :meth:`console` work (Neo4j). The embedded store answers
    #: named queries through their Python twins instead, and raises :class:`Neo4jOnlyError` here.
    runs_cypher: ClassVar[bool] = False
    #: Whether a write may be cut short anywhere (a build's Ctrl-C) and leave the store as of its last commit:
    #: Neo4j's transactions roll back, and a staged write left unfinished is taken up by the next one. The
    #: embedded store changes its graph in place, so a build lets its write finish before it stops.
    interruptible_writes: ClassVar[bool] = False

    @abstractmethod
    def write_document(self, graph: Graph, *, replaces: Sequence[str] = ()) -> None:
        """Merge one document's graph, all or nothing.

        ``replaces``: uids of stored documents this one is a new version of (a changed firm table),
        retracted in the same all-or-nothing write, so no reader sees both versions or neither.

        The graph is handed over: a store may keep its nodes and edges as its own (the embedded store
        does, so a large document's graph is not held twice, and its later writes change them): the caller
        does not change the graph once written, nor count on it staying as written.
        """

    @abstractmethod
    def read(self) -> Graph:
        """The whole stored graph."""

    @abstractmethod
    def find_document(self, ref: str) -> str | None:
        """The uid of the stored Document that ``ref`` names (its uid, file name or path), or None.

        A uid wins over a name; of several documents of one name (files of one name in two
        folders), the one with the smallest uid, so the answer does not depend on storage order.
        """

    @abstractmethod
    def remove_document(self, document_uid: str) -> None:
        """Retract what only that document stated; :class:`UnknownDocumentError` if it is not stored."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""

    @abstractmethod
    def document_hashes(self) -> dict[str, str]:
        """sha256 → uid of every stored Document, so unchanged files can be skipped."""

    def run_cypher(
        self, text: str, params: dict[str, Any] | None = None, *, read_only: bool = True
    ) -> list[dict[str, Any]]:
        """Rows (column → value) of one Cypher statement, in a read (or, if not ``read_only``, write) transaction."""
        raise Neo4jOnlyError(
            f"{type(self).__name__} runs no Cypher: give --neo4j-uri (or NEO4J_URI) to use the Neo4j store"
        )

    def console(self, text: str, params: dict[str, Any] | None = None, **options: Any) -> ConsoleResult:
        """One analyst statement, checked read-only and bounded in time and rows (:mod:`chainkg.graph.cypher_console`).

        ``options`` are those of :func:`chainkg.graph.cypher_console.run_read_only`
        (``timeout_seconds``, ``row_limit``, …), passed through.
        """
        raise Neo4jOnlyError(
            "Cypher 控制台需要 Neo4j 存储（启动时给出 --neo4j-uri） / the console needs the Neo4j store"
        )

    def prepare(self, statements: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Get ready to run these statements (text, example parameters) fast: Neo4j plans them ahead.
        Nothing to do on a store that runs no Cypher."""

    def begin_writing(self) -> None:
        """Become the store's one writer before reading what to merge into (the embedded store locks its file,
        waiting for another writer to finish, and reads it afresh); nothing to do on Neo4j, whose
        transactions already merge concurrent writers."""

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
