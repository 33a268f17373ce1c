"""A document's graph is held once on its way to the embedded store, and the graph stored is the same.

Resolving uses the document's graph up (its nodes and edges become the resolved graph's) and the embedded store
keeps the resolved graph's nodes and edges as its own (:meth:`Graph.merge` with ``adopt``), rather than each
making a copy; the store's file is written an element at a time. These tests hold the graph stored to what the
copying way gave (every object made anew at each stage) and check that nothing is copied where it is handed over.
Memory itself is measured by ``python -m bench.large_document``, not asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

from chainkg.graph.json_format import PIECE_CHARS, dump_json, write_json
from chainkg.graph.model import Edge, Graph, Node
from chainkg.graph.store import StoreConfig, open_store
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.pipeline import build, extract_path
from chainkg.loaders.reading.readers import find_documents, read_document
from chainkg.loaders.resolve import Resolver
from chainkg.loaders.text.document import SECTION_CHARS, sections
from tests.conftest import SAMPLE

#: A sample with measures, targets and firms: its copies make a document of several sections.
POLICY = SAMPLE / "004_bf8a38d02e4bdcc0.txt"


def _copied(graph: Graph) -> Graph:
    """A graph of new nodes and edges, equal to ``graph``, sharing no object with it (the copying way)."""
    copy = Graph()
    copy.merge(graph)
    return copy


def _large(folder: Path) -> Path:
    """The policy sample's copies, one after another: a document of three sections."""
    text = read_document(POLICY).text
    path = folder / "汇编.txt"
    path.write_text("\n\n".join([text] * (5 * SECTION_CHARS // 2 // len(text) + 1)), encoding="utf-8")
    assert len(list(sections(read_document(path).text))) == 3
    return path


def _reference(files: list[Path]) -> bytes:
    """The file a build of ``files`` must give, made the copying way: each document's graph copied before it is
    resolved, and the resolved graph copied into the stored one."""
    resolver, stored = Resolver(Graph()), Graph()
    for path in find_documents(files):
        resolved = resolver.resolve(_copied(extract_path(path)))
        stored.merge(resolved)
        resolver.learn(resolved)
    return dump_json(stored)


def test_a_build_stores_the_graph_the_copying_way_gives(tmp_path: Path) -> None:
    # in the order a build reads them (a property two documents state differently is the first one's)
    files = sorted([_large(tmp_path), *SAMPLE.glob("*.txt")], key=str)
    store = open_store(StoreConfig(path=tmp_path / "graph.json"))
    try:
        report = build(files, store)
    finally:
        store.close()
    assert len(report.loaded) == len(files) and not report.errors
    assert (tmp_path / "graph.json").read_bytes() == _reference(files)


def test_documents_built_one_by_one_give_the_bytes_of_one_build(tmp_path: Path) -> None:
    """Later documents merge into the nodes and edges an earlier one handed over; read back from the file
    instead, they must merge alike."""
    # in the order a build reads them (a property two documents state differently is the first one's)
    files = sorted([_large(tmp_path), *SAMPLE.glob("*.txt")], key=str)
    together, one_by_one = tmp_path / "together.json", tmp_path / "one_by_one.json"
    for target, batches in ((together, [files]), (one_by_one, [[path] for path in files])):
        for batch in batches:
            store = open_store(StoreConfig(path=target))
            try:
                assert build(batch, store).loaded == [str(path) for path in batch]
            finally:
                store.close()
    assert together.read_bytes() == one_by_one.read_bytes()


def test_resolving_hands_the_document_graph_on() -> None:
    document = extract_path(POLICY)
    nodes, edges = dict(document.nodes), dict(document.edges)
    resolved = Resolver(Graph()).resolve(document)
    # what resolving leaves where it was is the document's own object, not a copy (what it moves is new)
    assert sum(resolved.edges.get(key) is edge for key, edge in edges.items()) > 0.9 * len(edges)
    assert sum(resolved.nodes.get(uid) is node for uid, node in nodes.items()) > 0.9 * len(nodes)


def test_the_embedded_store_keeps_the_written_graph_and_a_plain_merge_copies(tmp_path: Path) -> None:
    document = DocumentGraph(Node("document-1", "Document", "a.txt", {}, {"sha256": "a"}))
    firm = document.node("Enterprise", "湖州三一装载机有限公司", "湖州三一装载机有限公司投产。")
    copy = Graph()
    copy.merge(document)
    assert copy.to_dict() == document.to_dict() and copy.nodes[firm.uid] is not firm
    store = open_store(StoreConfig(path=tmp_path / "graph.json"))
    try:
        store.write_document(document)
        assert store.read().nodes[firm.uid] is firm
        mention = ("MENTIONED_IN", firm.uid, "document-1")
        assert store.read().edges[mention] is document.edges[mention]
    finally:
        store.close()


def _export_text(graph: Graph) -> str:
    """The export format written plainly: every element encoded whole, one a line."""
    lines = {
        section: ",\n".join("  " + json.dumps(e, ensure_ascii=False, separators=(", ", ": ")) for e in elements)
        for section, elements in graph.to_dict().items()
    }
    return '{\n "nodes": [\n' + lines["nodes"] + '\n ],\n "edges": [\n' + lines["edges"] + "\n ]\n}\n"


def test_the_file_is_written_element_by_element_and_a_long_text_in_pieces(tmp_path: Path) -> None:
    # what JSON escapes, on either side of each place the text is cut into pieces
    tricky = '"\\\n\t\x01“引号”'
    text = "".join(tricky + "字" * (PIECE_CHARS - 2 * len(tricky) + shift) + tricky for shift in (-1, 0, 1))
    graph = Graph()
    for name in ("乙", "甲", "丙"):
        graph.add_node(Node(f"district-{name}", "District", name + "市", {}, {"level": "city"}))
    graph.add_node(Node("document-1", "Document", "a.txt", {}, {"text": text, "title": "汇编"}))
    for name in ("丙", "甲"):
        graph.add_edge(Edge("MENTIONED_IN", f"district-{name}", "document-1", {"document-1": f"{name}市。"}))
    write_json(tmp_path / "graph.json", graph)
    written = (tmp_path / "graph.json").read_bytes()
    assert written == dump_json(graph) == _export_text(graph).encode("utf-8")
    assert next(n for n in json.loads(written)["nodes"] if n["uid"] == "document-1")["text"] == text
