"""The graph contract: stable uids, alias merge, provenance, retraction."""

from __future__ import annotations

import pytest

from chainkg.graph.errors import ModelError
from chainkg.graph.model import Edge, Graph, Node, clean_name, identity_key, make_uid, node_uid


def test_uids_are_stable_and_label_scoped() -> None:
    assert node_uid("District", "湖州市吴兴区") == node_uid("District", "《湖州市吴兴区》")
    assert node_uid("District", "湖州市") != node_uid("Department", "湖州市")
    assert make_uid("Measure", "policy-1", "二.（一）.1") == make_uid("Measure", "policy-1", "二.（一）.1")
    assert node_uid("Enterprise", "ＡＢＣ科技有限公司") == node_uid("Enterprise", "abc科技有限公司")
    with pytest.raises(ModelError, match="unknown label 'Firm'"):
        make_uid("Firm", "x")


def test_names_lose_book_marks_and_quotes() -> None:
    assert clean_name("《湖州市 行动方案》") == "湖州市行动方案"
    assert clean_name("“链主”") == "链主"
    assert identity_key("（２０２３）") == "(2023)"


def test_merge_unites_aliases_and_keeps_first_properties() -> None:
    uid = node_uid("Enterprise", "浙江海优威应用材料股份有限公司")
    graph = Graph()
    graph.add_node(
        Node(uid, "Enterprise", "浙江海优威应用材料股份有限公司", {"海优新材": "short-name"}, {"tags": ["上市"]})
    )
    graph.add_node(
        Node(uid, "Enterprise", "浙江海优威应用材料股份有限公司", {"海优威": "short-name"}, {"tags": ["链主"], "x": 1})
    )
    node = graph.nodes[uid]
    assert node.aliases == ["海优威", "海优新材"]
    assert node.props == {"tags": ["上市", "链主"], "x": 1}  # tags are a set of facts: united (UNITED_PROPS)
    assert node.to_dict()["mergedBy"] == ["海优威 ⇐ short-name", "海优新材 ⇐ short-name"]


def test_edges_need_known_ends_of_allowed_labels() -> None:
    graph = Graph()
    firm = graph.add_node(Node(node_uid("Enterprise", "甲公司"), "Enterprise", "甲公司"))
    chain = graph.add_node(Node(node_uid("IndustryChain", "新材料"), "IndustryChain", "新材料"))
    with pytest.raises(ModelError, match="CHAIN_OWNER_OF cannot touch a IndustryChain"):
        graph.add_edge(Edge("CHAIN_OWNER_OF", chain.uid, firm.uid, {"d": "s"}))
    with pytest.raises(ModelError, match="missing node"):
        graph.add_edge(Edge("IN_CHAIN", firm.uid, "nope", {"d": "s"}))
    with pytest.raises(ModelError, match="unknown relationship type"):
        Edge("OWNS", firm.uid, chain.uid)


def test_export_lists_every_source_of_a_fact() -> None:
    edge = Edge("IN_CHAIN", "a", "b", {"doc-2": "第二句。", "doc-1": "第一句。"})
    out = edge.to_dict()
    assert (out["source"], out["evidence"]) == ("doc-1", "第一句。")
    assert out["sources"] == ["doc-1", "doc-2"] and out["evidences"] == ["第一句。", "第二句。"]
    assert Edge.from_dict(out).evidence == edge.evidence


def test_retract_removes_only_what_the_document_alone_stated() -> None:
    graph = Graph()
    doc1 = graph.add_node(Node("document-1", "Document", "1.txt"))
    doc2 = graph.add_node(Node("document-2", "Document", "2.txt"))
    firm = graph.add_node(Node(node_uid("Enterprise", "甲公司"), "Enterprise", "甲公司"))
    only2 = graph.add_node(Node(node_uid("Enterprise", "乙公司"), "Enterprise", "乙公司"))
    chain = graph.add_node(Node(node_uid("IndustryChain", "新材料"), "IndustryChain", "新材料"))
    graph.add_edge(Edge("IN_CHAIN", firm.uid, chain.uid, {doc1.uid: "一。", doc2.uid: "二。"}))
    graph.add_edge(Edge("IN_CHAIN", only2.uid, chain.uid, {doc2.uid: "二。"}))
    graph.retract(doc2.uid)
    assert set(graph.nodes) == {doc1.uid, firm.uid, chain.uid}
    assert [e.sources for e in graph.edges.values()] == [[doc1.uid]]
