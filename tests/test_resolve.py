"""Cross-document resolution: one node per real thing, scoped things kept apart."""

from __future__ import annotations

from pathlib import Path

from graph.embedded_store import EmbeddedStore
from graph.model import Graph, Node, node_uid
from loaders.builder import DocumentGraph
from loaders.pipeline import build
from loaders.resolve import Resolver


def _doc(name: str) -> DocumentGraph:
    return DocumentGraph(Node(node_uid("Document", name), "Document", name, {}, {"kind": "news"}))


def test_short_name_in_a_later_document_maps_onto_the_stored_legal_name() -> None:
    first = _doc("a.txt")
    full = first.node("Enterprise", "宁波舜宇光电信息有限公司", "宁波舜宇光电信息有限公司投产。")
    resolver = Resolver(Graph())
    resolver.learn(resolver.resolve(first))
    second = _doc("b.txt")
    short = second.node("Enterprise", "舜宇光电", "舜宇光电签约落户。")
    chain = second.node("IndustryChain", "光学电子", "光学电子产业。")
    second.edge("IN_CHAIN", short, chain, "舜宇光电属于光学电子产业。")
    resolved = resolver.resolve(second)
    node = resolved.nodes[full.uid]
    assert node.name == "宁波舜宇光电信息有限公司"
    assert node.alias_rules["舜宇光电"].startswith("cross-document")
    assert ("IN_CHAIN", full.uid, chain.uid) in resolved.edges
    assert ("MENTIONED_IN", full.uid, second.document.uid) in resolved.edges
    assert short.uid not in resolved.nodes


def test_alias_of_a_chain_merges_and_departments_stay_scoped() -> None:
    first = _doc("a.txt")
    first.node("IndustryChain", "智能物流装备", "…", aliases={"物流装备": "fold"})
    first.node("Department", "平湖市经济和信息化局", "…", aliases={"市经信局": "scope"})
    resolver = Resolver(first)
    second = _doc("b.txt")
    chain = second.node("IndustryChain", "物流装备", "…")
    dept = second.node("Department", "湖州市经济和信息化局", "…", aliases={"市经信局": "scope"})
    resolved = resolver.resolve(second)
    assert chain.uid not in resolved.nodes
    assert node_uid("IndustryChain", "智能物流装备") in resolved.nodes
    assert dept.uid in resolved.nodes, "a department is never merged by a shared short form"


def test_ambiguous_alias_keeps_nodes_apart() -> None:
    stored = _doc("a.txt")
    stored.node("Enterprise", "天原集团", "…", aliases={"天原": "x"})
    stored.node("Enterprise", "天原科技", "…", aliases={"天原": "y"})
    resolver = Resolver(stored)
    second = _doc("b.txt")
    firm = second.node("Enterprise", "天原股份", "…", aliases={"天原": "z"})
    assert firm.uid in resolver.resolve(second).nodes


def test_building_twice_is_idempotent_and_firms_are_one_node(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "fixtures" / "news"
    store = EmbeddedStore(tmp_path / "g.json")
    build([corpus], store)
    once = store.read().to_dict()
    build([corpus], store, force=True)
    assert store.read().to_dict() == once
    names = [n["name"] for n in once["nodes"] if n["label"] == "Enterprise"]
    assert len(names) == len(set(names))
