"""Files for Neo4j's offline importer (``neo4j-admin database import full``), for a first load of a big graph.

Over Bolt, :meth:`chainkg.graph.neo4j_store.Neo4jStore.bulk_load` is bounded by Neo4j's
transactional write path (about 20,000 elements/s on two cores: every
relationship is a locked, logged update of two node records). The offline
importer writes the store files directly, several times faster, but only into a
database that is stopped and replaced, on the machine that holds its files; so
it serves the local server (``chainkg neo4j import``), and ``bulk_load`` stays
the way to load a remote server, a cluster or Aura.

The files hold what ``bulk_load`` would store (:func:`chainkg.graph.neo4j_store.node_props`),
so both routes give the same database. CSV columns are typed in the header and
one file must have one header, so rows are written to one file per label (or
relationship type) and property signature: a label whose nodes carry different
properties, or an ``int`` here and a ``float`` there, gets several files.

Writing the rows is most of the time spent outside the importer, and the
server is idle meanwhile, so a graph is written in parts, one process each
(:func:`write_parts`): each part gets files of its own, which the importer
reads together.
"""

from __future__ import annotations

import csv
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from chainkg.graph.errors import StoreError
from chainkg.graph.neo4j_store import edge_props, node_props

#: Separates the items of a list property (and is the importer's ``--array-delimiter``):
#: a control character that no document text keeps, unlike ``;`` or ``，``.
ARRAY_DELIMITER = "\x1f"

#: Importer options matching how every file is written (:meth:`ImportFiles.arguments` adds the files).
IMPORT_OPTIONS = ("--array-delimiter=U+001F",)

_SCALAR_TYPES: dict[type, str] = {str: "string", bool: "boolean", int: "long", float: "double"}
_ITEM_TYPES: dict[type, str] = {str: "string", int: "long", float: "double"}


#: A part of a graph to write: called in the process that writes it, it gives the part's
#: nodes and edges in export form (``Graph.to_dict()``), as iterables that may stream.
GraphPart = Callable[[], tuple[Iterable[dict[str, Any]], Iterable[dict[str, Any]]]]


@dataclass(frozen=True)
class ImportFile:
    """One written file: its importer option, label (``Entity:Label``) or type, and whether a field spans lines."""

    option: str
    name: str
    path: Path
    multiline: bool


@dataclass
class ImportFiles:
    """The files written for one import."""

    folder: Path
    nodes: int = 0
    relationships: int = 0
    files: list[ImportFile] = field(default_factory=list)

    @property
    def multiline(self) -> bool:
        """Whether any file has a field spanning lines."""
        return any(f.multiline for f in self.files)

    def arguments(self, cwd: Path, *, all_multiline: bool = False) -> list[str]:
        """The importer's ``--nodes``/``--relationships`` options, for an importer run in ``cwd``.

        Paths are relative to ``cwd``: the importer splits its file lists at commas
        and may read a name as a pattern, which the folder's own path must not
        disturb. Only the files holding a line break inside a field (evidence
        read from a table, a measure's text) are declared
        multi-line: the importer reads those on one thread, so declaring every
        file so made its relationship phase more than twice as slow. ``all_multiline``
        declares every file so (``--multiline-fields=true``), for the importer's other
        reader of multi-line files (see :func:`chainkg.local_neo4j.import_graph`).
        """
        out = [f"{f.option}={f.name}={os.path.relpath(f.path, cwd)}" for f in self.files]
        multiline = [os.path.relpath(f.path, cwd) for f in self.files if f.multiline]
        if all_multiline:
            out.append("--multiline-fields=true")
        elif multiline:
            out += ["--multiline-fields-format=v2", f"--multiline-fields={','.join(multiline)}"]
        return out


class _Writers:
    """One open CSV file per (label or type, property signature), created as rows first need it."""

    def __init__(self, folder: Path, kind: str, id_columns: list[str]) -> None:
        self.folder = folder
        self.kind = kind
        self.id_columns = id_columns
        self.files: dict[tuple[Any, ...], _File] = {}

    def write(self, name: str, ids: list[str], props: dict[str, Any]) -> None:
        """Write one row: ``ids`` (the ID columns) then ``props``, to the file of its name and signature.

        Runs once per node and relationship (millions in a big import), so the
        usual row, of strings and numbers only, takes a path of C-level calls:
        the values' types are the signature, and only a row holding a list or
        a bool is converted value by value.
        """
        values = list(props.values())
        types = tuple(map(type, values))
        special = list in types or bool in types
        items = tuple(_item_type(v) for v in values) if list in types else None
        key = (name, tuple(props), types, items)
        try:
            file = self.files.get(key)
            if file is None:
                file = self.files[key] = _File(self.folder / f"{self.kind}-{name}-{len(self.files):03d}.csv", name)
                file.start(self.id_columns, props)
            if special:
                keys = list(props)
                for i, value in enumerate(values):
                    if type(value) is list:
                        values[i] = _joined(value, file.item_types[i], keys[i])
                    elif type(value) is bool:
                        values[i] = "true" if value else "false"
        except StoreError as exc:
            raise StoreError(f"{name} {' → '.join(ids)}: {exc}") from None
        file.writer.writerow([*ids, *values])
        file.rows += 1

    def close(self, option: str, prefix: str) -> list[ImportFile]:
        """Close the files and describe them (``--nodes`` with ``prefix`` ``Entity:``, or ``--relationships``)."""
        return [
            ImportFile(option, prefix + file.name, file.path, file.close())
            for file in sorted(self.files.values(), key=lambda f: f.path)
        ]


class _File:
    """One CSV file: its header types the columns, so its rows must all have the same property types."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self.handle = open(path, "w", encoding="utf-8", newline="")
        # Every string quoted: the importer reads a quoted "" as an empty string, an unquoted empty field as no value.
        self.writer = csv.writer(self.handle, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        #: The item type of each list column (by property position), None for the other columns.
        self.item_types: list[type | None] = []
        self.rows = 0

    def start(self, id_columns: list[str], props: dict[str, Any]) -> None:
        header = list(id_columns)
        for key, value in props.items():
            column, item_type = _column_type(value, key)
            header.append(f"{key}:{column}")
            self.item_types.append(item_type)
        self.writer.writerow(header)

    def close(self) -> bool:
        """Close the file; return whether a field spans lines (more line ends than rows, or a carriage return).

        Read back rather than checked row by row: a count over the file's bytes
        costs far less than a test of every value of millions of rows.
        """
        self.handle.close()
        breaks = returns = 0
        with open(self.path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 24), b""):
                breaks += chunk.count(b"\n")
                returns += chunk.count(b"\r")
        return returns > 0 or breaks != self.rows + 1


def write_import_files(
    nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]], folder: Path, part: int = 0
) -> ImportFiles:
    """Write a graph given in export form (``Graph.to_dict()``: nodes, then edges) as importer CSV files.

    Streams: memory stays flat however large the graph. The rows must be in
    export form, each uid and each (type, start, end) once, as an export is: the
    properties are taken as they come (:func:`chainkg.graph.neo4j_store.node_props` on
    the export form), and the importer
    reports a repeated uid or an edge to an unknown node as bad input. ``part``
    numbers the files, so that the parts of one graph (:func:`write_parts`) can share a folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = ImportFiles(folder)
    node_files = _Writers(folder, f"nodes-p{part}", ["uid:ID"])
    edge_files = _Writers(folder, f"relationships-p{part}", [":START_ID", ":END_ID"])
    try:
        for item in nodes:
            props = node_props(item)
            uid = props.pop("uid")  # the ID column, which the importer stores as property ``uid``
            node_files.write(item["label"], [uid], props)
            files.nodes += 1
        for item in edges:
            props = edge_props(item)
            edge_files.write(item["type"], [item["start"], item["end"]], props)
            files.relationships += 1
    finally:
        files.files = node_files.close("--nodes", "Entity:") + edge_files.close("--relationships", "")
    return files


def write_parts(parts: Sequence[GraphPart], folder: Path) -> ImportFiles:
    """Write the parts of a graph as importer files, all at once: one forked process per part.

    The parts are closures over whatever holds the graph (a graph in memory, a
    generator's arguments): a forked process inherits them, so nothing is
    pickled but the short report each sends back. Where processes cannot be
    forked, or for one part, they are written here, one after the other. If a
    part fails, the first failure is raised once all have ended.
    """
    reports: list[ImportFiles | BaseException]
    if len(parts) == 1 or "fork" not in multiprocessing.get_all_start_methods():
        reports = [write_import_files(*part(), folder, index) for index, part in enumerate(parts)]
    else:
        context = multiprocessing.get_context("fork")
        running = []
        for index, part in enumerate(parts):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_write_part, args=(part, folder, index, sender), daemon=True)
            process.start()
            sender.close()
            running.append((process, receiver))
        reports = [_report(process, receiver) for process, receiver in running]
    merged = ImportFiles(folder)
    for report in reports:
        if isinstance(report, BaseException):
            raise report
        merged.nodes += report.nodes
        merged.relationships += report.relationships
        merged.files += report.files
    return merged


def split_graph(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]], parts: int) -> list[GraphPart]:
    """A graph in memory (export form) as ``parts`` parts for :func:`write_parts`: contiguous slices,
    so that each process touches only its own stretch of the inherited memory."""
    parts = max(1, parts)

    def part(index: int) -> GraphPart:
        def rows() -> tuple[Sequence[dict[str, Any]], Sequence[dict[str, Any]]]:
            return _slice(nodes, index, parts), _slice(edges, index, parts)

        return rows

    return [part(index) for index in range(parts)]


def _slice(rows: Sequence[dict[str, Any]], index: int, parts: int) -> Sequence[dict[str, Any]]:
    size = -(-len(rows) // parts)
    return rows[index * size : (index + 1) * size]


def _write_part(part: GraphPart, folder: Path, index: int, sender: Connection) -> None:
    """In a forked process: write one part and send back its report, or the error that stopped it."""
    gc.freeze()  # the inherited graph is not garbage: keep the collector off it (and its pages shared)
    try:
        sender.send(write_import_files(*part(), folder, index))
    except Exception as exc:  # sent whole to the parent, which raises it; a StoreError names the bad row
        sender.send(exc if isinstance(exc, StoreError) else StoreError(f"{type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def _report(process: multiprocessing.process.BaseProcess, receiver: Connection) -> ImportFiles | BaseException:
    """What a part's process sent, once it has ended; an error if it died without a word."""
    try:
        report: ImportFiles | BaseException = receiver.recv()
    except EOFError:
        report = StoreError("a process writing import files died")
    process.join()
    if process.exitcode and not isinstance(report, BaseException):
        report = StoreError(f"a process writing import files exited with code {process.exitcode}")
    return report


def _item_type(value: Any) -> type | None:
    """The type of a list's first item, which types its column (None for a value that is no list)."""
    return type(value[0]) if type(value) is list and value else None


def _column_type(value: Any, key: str) -> tuple[str, type | None]:
    """The importer's type of a column holding ``value``, and the item type if it is a list."""
    if type(value) is list:
        item_type = type(value[0])
        if item_type in _ITEM_TYPES:
            return _ITEM_TYPES[item_type] + "[]", item_type
    elif type(value) in _SCALAR_TYPES:
        return _SCALAR_TYPES[type(value)], None
    raise StoreError(f"property {key!r} = {value!r} cannot be stored in Neo4j")


def _joined(values: list[Any], item_type: type | None, key: str) -> str:
    """A list as one field: items of the column's type joined by :data:`ARRAY_DELIMITER`, which none may hold."""
    if any(type(v) is not item_type for v in values):
        raise StoreError(f"property {key!r} = {values!r} mixes types; a Neo4j list holds one type")
    text = ARRAY_DELIMITER.join(map(str, values))
    if text.count(ARRAY_DELIMITER) != len(values) - 1:
        raise StoreError(f"property {key!r} holds the control character U+001F, which the import uses")
    return text
