"""The embedded default store: the graph in memory, saved to one JSON file.

A new user gets results without any server. The file is the export format of
:meth:`chainkg.graph.model.Graph.to_dict`, written sorted with a trailing newline, so
the same graph always gives the same bytes. Saving goes through a temporary
file and an atomic rename: a crash never leaves half a file, and a reader
(``stats``, ``export``, the viewer) needs no lock to see a whole one.

A writer (``build``, ``remove``, ``pull`` into a file) holds an exclusive lock
on a side file, ``graph.json.lock``, from :meth:`EmbeddedStore.begin_writing`
to close, and reads the file only once it holds it: two writers take turns
instead of the last to save dropping what the first stored. The second one
waits, saying so, for at most ``lock_wait_seconds``, then fails with a clear
:class:`StoreError` having changed nothing.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

import networkx as nx

from chainkg.graph.errors import StoreError, UnknownDocumentError
from chainkg.graph.interface import GraphStore
from chainkg.graph.json_format import read_json, write_json
from chainkg.graph.model import Graph

#: How long a writer waits for another one to finish with the same file, by default.
LOCK_WAIT_SECONDS = 300.0


def lock_path(path: Path) -> Path:
    """The side file writers of ``path`` lock: ``graph.json.lock`` beside ``graph.json``."""
    return path.with_name(path.name + ".lock")


class WriterLock:
    """The exclusive lock of a store file's writers (``fcntl.flock`` on :func:`lock_path`), held until released.

    ``waiting(message)`` is called once if another writer holds it; after ``wait_seconds``
    of waiting, :class:`StoreError`. The lock dies with its process, so a crashed or killed
    writer never leaves a stale one.
    """

    def __init__(
        self, path: Path, wait_seconds: float = LOCK_WAIT_SECONDS, waiting: Callable[[str], None] | None = None
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle: IO[str] = open(lock_path(self.path), "a")  # noqa: SIM115 (held until release)
        os.set_inheritable(handle.fileno(), False)
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise StoreError(
                        f"another chainkg is still writing {self.path} after {wait_seconds:g} s of waiting: "
                        "nothing was changed; run this again once it is done (or set CHAINKG_STORE_WAIT "
                        "to wait longer)"
                    ) from None
                if not told:
                    told = True
                    if waiting is not None:
                        waiting(f"waiting for another chainkg writing {self.path}…")
                time.sleep(0.1)
        self._handle: IO[str] | None = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class EmbeddedStore(GraphStore):
    """A :class:`Graph` held in memory and saved to ``path`` on flush."""

    def __init__(
        self,
        path: Path,
        *,
        lock_wait_seconds: float = LOCK_WAIT_SECONDS,
        waiting: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.lock_wait_seconds = lock_wait_seconds
        self.waiting = waiting
        self._lock: WriterLock | None = None
        self._stamp: tuple[int, int, int] | None = None
        self.graph = self._load()
        self._dirty = False
        self._nx: nx.MultiDiGraph | None = None

    def _load(self) -> Graph:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._stamp = None
            return Graph()
        self._stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        return read_json(self.path)

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def begin_writing(self) -> None:
        """Take the writers' lock (waiting for another writer to finish) and read the file as it is then.

        Called by :func:`chainkg.loaders.pipeline.build` before it reads the store, and by every
        write: what another writer saved meanwhile is read in, never overwritten.
        """
        if self._lock is not None:
            return
        self._lock = WriterLock(self.path, self.lock_wait_seconds, self.waiting)
        if self._file_stamp() != self._stamp:
            if self._dirty:  # cannot happen through begin_writing's callers: every write takes the lock first
                self._lock.release()
                self._lock = None
                raise StoreError(f"{self.path} changed on disk while unsaved changes were held")
            self.graph = self._load()
            self._nx = None

    def write_document(self, graph: Graph, *, replaces: Sequence[str] = ()) -> None:
        """Merge ``graph``, keeping its nodes and edges as the store's own (the interface allows it): a large
        document's graph is held once, not once more as the store's copy."""
        self.begin_writing()
        # Graph.merge validates every edge before this graph is touched only if
        # the document graph is itself valid, which Graph.add_edge guarantees;
        # the labels are checked before a replaced document is retracted.
        self.graph.check_labels(graph)
        for uid in replaces:
            self.graph.retract(uid)
        self.graph.merge(graph, adopt=True)
        self._dirty = True
        self._nx = None

    def read(self) -> Graph:
        return self.graph

    def find_document(self, ref: str) -> str | None:
        node = self.graph.nodes.get(ref)
        if node is not None and node.label == "Document":
            return ref
        named = [n.uid for n in self.graph.by_label("Document") if ref in (n.name, n.props.get("path"))]
        return min(named, default=None)

    def remove_document(self, document_uid: str) -> None:
        self.begin_writing()
        node = self.graph.nodes.get(document_uid)
        if node is None or node.label != "Document":
            raise UnknownDocumentError(f"no stored document {document_uid!r}")
        self.graph.retract(document_uid)
        self._dirty = True
        self._nx = None

    def counts(self) -> dict[str, int]:
        return self.graph.counts()

    def document_hashes(self) -> dict[str, str]:
        return {n.props["sha256"]: n.uid for n in self.graph.by_label("Document")}

    def networkx(self) -> nx.MultiDiGraph:
        """The graph as a networkx MultiDiGraph (node and edge attributes in export form)."""
        if self._nx is None:
            view = nx.MultiDiGraph()
            for uid, node in self.graph.nodes.items():
                view.add_node(uid, **node.to_dict())
            for edge in self.graph.edges.values():
                view.add_edge(edge.start, edge.end, key=edge.type, **edge.to_dict())
            self._nx = view
        return self._nx

    def flush(self) -> None:
        if self._dirty:
            write_json(self.path, self.graph)
            self._dirty = False
            self._stamp = self._file_stamp()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._release()

    def discard(self) -> None:
        self._dirty = False
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
