"""The JSON export format: ``{"nodes": [...], "edges": [...]}``, sorted, stable bytes.

Other issues and tools read this format (``chainkg export json``, the embedded
store's file, the evaluation), so it is written and read in this one place.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from chainkg.graph.errors import StoreError
from chainkg.graph.model import Graph

#: One node or edge as one line of JSON. Without ``indent`` the json module encodes in C: indenting each
#: element's fields made saving a graph of 100,000 imported firms take longer than reading them.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
#: A string value longer than this (a document's whole text) is written a piece of this many characters at a
#: time: encoded whole, it would be held several times over while saved (escaped, in its line, as UTF-8).
PIECE_CHARS = 1 << 20


def _chunks(graph: Graph) -> Iterator[str]:
    """The export text of ``graph`` piece by piece: one node or edge per line, so two versions of a graph
    differ line by line. Each element's export form is made as its line is (:meth:`Graph.node_dicts`)."""
    yield '{\n "nodes": ['
    for elements, sep in ((graph.node_dicts(), ""), (graph.edge_dicts(), '\n ],\n "edges": [')):
        yield sep
        for i, element in enumerate(elements):
            yield from _line(",\n  " if i else "\n  ", element)
    yield "\n ]\n}\n"


def _line(start: str, element: dict[str, Any]) -> Iterator[str]:
    """``start`` and the JSON of one node or edge as :data:`_ENCODE` writes it, a long string value in pieces
    (JSON escapes a string character by character, so its pieces' escapes join into the whole's)."""
    if not any(isinstance(value, str) and len(value) > PIECE_CHARS for value in element.values()):
        yield start + _ENCODE(element)
        return
    for i, (key, value) in enumerate(element.items()):
        yield (start + "{" if i == 0 else ", ") + _ENCODE(key) + ": "
        if isinstance(value, str) and len(value) > PIECE_CHARS:
            yield '"'
            for piece in range(0, len(value), PIECE_CHARS):
                yield _ENCODE(value[piece : piece + PIECE_CHARS])[1:-1]
            yield '"'
        else:
            yield _ENCODE(value)
    yield "}"


def dump_json(graph: Graph) -> bytes:
    """Deterministic bytes of ``graph`` in the export format."""
    return "".join(_chunks(graph)).encode("utf-8")


def write_json(path: Path, graph: Graph) -> None:
    """Replace ``path`` with :func:`dump_json`'s bytes of ``graph``, written as they are made: neither the text
    of a large graph (three times the file's size in memory, made whole) nor its export forms are ever held
    at once."""
    with replacing(path, "w", encoding="utf-8", newline="") as handle:
        for chunk in _chunks(graph):
            handle.write(chunk)


@contextmanager
def replacing(path: Path, mode: str = "wb", **open_args: Any) -> Iterator[IO[Any]]:
    """A file opened beside ``path`` that replaces it in one rename when the block succeeds.

    Readers never see half a file, and a failure leaves the old file as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (see :func:`replacing`)."""
    with replacing(path) as handle:
        handle.write(data)


def read_json(path: Path) -> Graph:
    """Read an export file; a broken one is a :class:`StoreError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Graph.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path}: not a chainkg graph file ({exc})") from exc
