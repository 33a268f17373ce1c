"""The contract both stores keep: merge, read back, idempotent reload, retraction, atomic writes."""

from __future__ import annotations

import pytest

from chainkg.graph.errors import ModelError, UnknownDocumentError
from chainkg.graph.model import Graph, Node, make_uid
from chainkg.graph.store import GraphStore
from chainkg.loaders.extract.builder import DocumentGraph


def _document(name: str) -> Node:
    return Node(make_uid("Document", name), "Document", name, {}, {"sha256": name, "title": name, "kind": "news"})


def _doc_graph(name: str, firm_alias: str) -> DocumentGraph:
    """A small document graph: a firm in a chain and a district, stated by ``name``."""
    graph = DocumentGraph(_document(name))
    sentence = f"{firm_alias}是智能物流装备产业链的链主企业，位于湖州市吴兴区。"
    firm = graph.node(
        "Enterprise", "湖州三一装载机有限公司", sentence, aliases={firm_alias: "short-name"}, tags=["链主"]
    )
    chain = graph.node("IndustryChain", "智能物流装备", sentence, category="emerging")
    district = graph.node("District", "湖州市吴兴区", sentence, level="county")
    graph.edge("CHAIN_OWNER_OF", firm, chain, sentence)
    graph.edge("LOCATED_IN", firm, district, sentence)
    return graph


def test_write_read_back(any_store: GraphStore) -> None:
    doc = _doc_graph("a.txt", "三一装载机")
    any_store.write_document(doc)
    any_store.flush()
    assert any_store.read().to_dict() == doc.to_dict()


def test_reload_changes_nothing(any_store: GraphStore) -> None:
    any_store.write_document(_doc_graph("a.txt", "三一装载机"))
    first = any_store.read().to_dict()
    counts = any_store.counts()
    any_store.write_document(_doc_graph("a.txt", "三一装载机"))
    assert any_store.counts() == counts
    assert any_store.read().to_dict() == first


def test_two_documents_merge_sources_and_aliases(any_store: GraphStore) -> None:
    a, b = _doc_graph("a.txt", "三一装载机"), _doc_graph("b.txt", "三一")
    any_store.write_document(a)
    any_store.write_document(b)
    graph = any_store.read()
    firm = graph.nodes[next(iter(n.uid for n in a.by_label("Enterprise")))]
    assert firm.aliases == ["三一", "三一装载机"]
    owner = next(e for e in graph.edges.values() if e.type == "CHAIN_OWNER_OF")
    assert owner.sources == sorted([a.document.uid, b.document.uid])
    mentions = [e for e in graph.edges.values() if e.type == "MENTIONED_IN" and e.start == firm.uid]
    assert len(mentions) == 2


def test_remove_document_keeps_facts_other_documents_state(any_store: GraphStore) -> None:
    a, b = _doc_graph("a.txt", "三一装载机"), _doc_graph("b.txt", "三一")
    any_store.write_document(a)
    any_store.write_document(b)
    any_store.remove_document(b.document.uid)
    graph = any_store.read()
    assert b.document.uid not in graph.nodes
    owner = next(e for e in graph.edges.values() if e.type == "CHAIN_OWNER_OF")
    assert owner.sources == [a.document.uid]
    with pytest.raises(UnknownDocumentError, match=b.document.uid):
        any_store.remove_document(b.document.uid)
    any_store.remove_document(a.document.uid)
    assert any_store.counts() == {}


def test_a_node_that_is_no_document_is_not_removed(any_store: GraphStore) -> None:
    a = _doc_graph("a.txt", "三一装载机")
    any_store.write_document(a)
    firm = next(n.uid for n in a.by_label("Enterprise"))
    with pytest.raises(UnknownDocumentError):
        any_store.remove_document(firm)
    assert any_store.read().to_dict() == a.to_dict()


def test_find_document_by_uid_name_or_path(any_store: GraphStore) -> None:
    a, b = _doc_graph("a.txt", "三一装载机"), _doc_graph("b.txt", "三一")
    any_store.write_document(a)
    any_store.write_document(b)
    uid = a.document.uid
    assert any_store.find_document(uid) == uid
    assert any_store.find_document("a.txt") == uid
    assert any_store.find_document("b.txt") == b.document.uid
    assert any_store.find_document("c.txt") is None
    firm = next(n.uid for n in a.by_label("Enterprise"))
    assert any_store.find_document(firm) is None  # a uid, but not a document's
    # Two files of one name in two folders: each path finds its own; the name finds the smaller uid.
    uids = []
    for folder in ("news", "policy"):
        props = {"sha256": folder, "path": f"{folder}/same.txt"}
        doc = Node(make_uid("Document", folder), "Document", "same.txt", {}, props)
        any_store.write_document(DocumentGraph(doc))
        uids.append(doc.uid)
        assert any_store.find_document(f"{folder}/same.txt") == doc.uid
    assert any_store.find_document("same.txt") == min(uids)


def test_failed_write_leaves_store_unchanged(any_store: GraphStore) -> None:
    any_store.write_document(_doc_graph("a.txt", "三一装载机"))
    before = any_store.read().to_dict()
    clash = DocumentGraph(_document("c.txt"))
    chain = next(n for n in _doc_graph("a.txt", "x").by_label("IndustryChain"))
    # The same uid under another label: the whole document must be refused.
    clash.add_node(Node(chain.uid, "Product", "智能物流装备"))
    clash.node("Enterprise", "另一家有限公司", "另一家有限公司成立。")
    with pytest.raises(ModelError):
        any_store.write_document(clash)
    assert any_store.read().to_dict() == before


def test_document_hashes(any_store: GraphStore) -> None:
    doc = _doc_graph("a.txt", "三一装载机")
    any_store.write_document(doc)
    assert any_store.document_hashes() == {"a.txt": doc.document.uid}


def test_graph_round_trips_through_export_dict() -> None:
    doc = _doc_graph("a.txt", "三一装载机")
    assert Graph.from_dict(doc.to_dict()).to_dict() == doc.to_dict()
