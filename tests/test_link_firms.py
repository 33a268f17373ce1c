"""A firm is on a chain's link when it is IN_SEGMENT it or MAKES a product the link INCLUDES.

Plans lay chains out as links with products; news names the firms that make those products.
The viewer's chain map, the firm list and the gap (补链) queries all read the same rule, on
both stores.
"""

from __future__ import annotations

import pytest

from chainkg import queries
from chainkg.graph.model import Node, make_uid, node_uid
from chainkg.graph.store import GraphStore
from chainkg.loaders.extract.builder import DocumentGraph

CHAIN = "储能"
PLAN = "储能产业链：上游电芯材料，中游电池模组，下游储能系统集成。"
NEWS = "乙能源科技有限公司生产电池模组，落户东区。"


def _graph() -> DocumentGraph:
    doc = Node(make_uid("Document", "links"), "Document", "links.txt", {}, {"sha256": "links", "kind": "news"})
    g = DocumentGraph(doc)
    chain = g.node("IndustryChain", CHAIN, PLAN, aliases={"储能产业链": "suffix"})
    links = []
    for order, (name, product) in enumerate((("上游", "电芯材料"), ("中游", "电池模组"), ("下游", "储能系统")), 1):
        seg = g.node("ChainSegment", name, PLAN, key=(CHAIN, name), order=order)
        g.edge("HAS_SEGMENT", chain, seg, PLAN)
        g.edge("INCLUDES", seg, g.node("Product", product, PLAN), PLAN)
        links.append(seg)
    firm = g.node("Enterprise", "乙能源科技有限公司", NEWS)
    g.edge("MAKES", firm, g.node("Product", "电池模组", NEWS), NEWS)
    return g


def test_firm_making_a_links_product_is_on_that_link(any_store: GraphStore) -> None:
    any_store.write_document(_graph())
    firms = queries.run(any_store, "chain_firms", {"chain": CHAIN})
    assert [(f["name"], [s["name"] for s in f["segments"]]) for f in firms] == [("乙能源科技有限公司", ["中游"])]
    gaps = queries.run(any_store, "chain_gaps", {"chain": CHAIN})
    assert sorted(r["segment"] for r in gaps if r["kind"] == "missing_firms") == ["上游", "下游"]
    assert queries.run(any_store, "chain_firms", {"chain": "储能产业链"}) == firms  # an alias finds the chain too
    (row,) = [r for r in queries.run(any_store, "chain_list") if r["name"] == CHAIN]
    assert (row["segments"], row["firms"], row["gaps"]) == (3, 1, 2)


@pytest.mark.neo4j
def test_local_gaps_count_product_makers(neo4j_store: GraphStore) -> None:
    graph = _graph()
    east = graph.node("District", "东区", NEWS)
    graph.edge("LOCATED_IN", graph.nodes[node_uid("Enterprise", "乙能源科技有限公司")], east, NEWS)
    neo4j_store.write_document(graph)
    rows = queries.run(neo4j_store, "chain_gaps_at", {"chain": CHAIN, "place": "东区"})
    assert sorted(r["segment"] for r in rows) == ["上游", "下游"]
    rows = queries.run(neo4j_store, "chain_gaps_at", {"chain": CHAIN, "place": "西区"})
    assert rows == []  # an unknown place matches nothing
