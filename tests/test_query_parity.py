"""The viewer's named queries give equal rows on the embedded store (Python twin) and on Neo4j (Cypher)."""

from __future__ import annotations

import pytest

from chainkg import queries
from chainkg.graph.store import GraphStore
from tests import viewer_graph
from tests.viewer_graph import CHAIN

pytestmark = pytest.mark.neo4j


def _load(store: GraphStore) -> None:
    for graph in viewer_graph.build(extra_firms=3):
        store.write_document(graph)
    store.flush()


def _cases() -> list[tuple[str, dict[str, object]]]:
    chain, owner = viewer_graph.chain_uid(), viewer_graph.owner_uid()
    docs = [n.uid for g in viewer_graph.build() for n in g.by_label("Document")]
    return [
        ("chain_list", {}),
        ("chain_map", {"chain": chain}),
        ("chain_map", {"chain": CHAIN}),
        ("chain_map", {"chain": "空白产业"}),
        ("chain_map", {"chain": "没有这条链"}),
        ("chain_firms", {"chain": chain}),
        ("chain_carriers", {"chain": CHAIN}),
        ("policies_measures", {}),
        ("policies_measures", {"chain": chain}),
        ("policies_measures", {"chain": "空白产业"}),
        ("targets", {}),
        ("targets", {"chain": CHAIN}),
        ("projects", {}),
        ("chain_gaps", {}),
        ("chain_gaps", {"chain": CHAIN}),
        ("projects", {"chain": chain}),
        ("search", {"q": "装备"}),
        ("search", {"q": "甲装备", "label": "Enterprise"}),
        ("search", {"q": "SCRIPT"}),
        ("search", {"q": "测试", "limit": 3}),
        ("node", {"uid": owner}),
        ("node", {"uid": docs[0]}),
        ("node", {"uid": "nope"}),
        ("neighbourhood", {"uid": owner}),
        ("neighbourhood", {"uid": chain, "limit": 4}),
        ("document", {"uid": docs[1]}),
        ("document_mentions", {"uid": docs[1]}),
        ("chain_firm_evidence", {"chain": CHAIN}),
        ("chain_firm_evidence", {"chain": "空白产业"}),
        ("chain_gap_sentences", {"chain": chain}),
        ("chain_gaps_at", {}),
        ("chain_gaps_at", {"chain": CHAIN, "place": "东区"}),
        ("chain_gaps_at", {"chain": CHAIN, "place": "西区"}),
        ("chain_gaps_at", {"place": "无此地"}),
        ("tagged_firms", {"tag": "链主"}),
        ("tagged_firms", {"tag": "上市", "chain": CHAIN, "place": "东区"}),
        ("tagged_firms", {"tag": "上市", "place": "西区"}),
        ("top_projects", {}),
        ("top_projects", {"min_investment": 30}),
        ("top_projects", {"chain": CHAIN, "place": "东区", "limit": 5}),
        ("chain_support", {"chain": CHAIN}),
        ("chain_support", {"chain": "空白产业"}),
        ("documents", {}),
        ("region_facts", {}),
        ("chain_leads", {"chain": CHAIN, "words": "装备|伺服电机"}),
    ]


def test_viewer_queries_agree(embedded_store: GraphStore, neo4j_store: GraphStore) -> None:
    _load(embedded_store)
    _load(neo4j_store)
    for name, params in _cases():
        embedded = queries.run(embedded_store, name, params)
        neo4j = queries.run(neo4j_store, name, params)
        assert embedded == neo4j, f"{name} {params}:\nembedded {embedded}\nneo4j    {neo4j}"


def test_parity_cases_are_not_empty(embedded_store: GraphStore) -> None:
    """The comparison means something only if most cases return rows (and the markup firm is among them)."""
    _load(embedded_store)
    filled = [name for name, params in _cases() if queries.run(embedded_store, name, params)]
    assert len(filled) >= len(_cases()) - 10
    firms = queries.run(embedded_store, "chain_firms", {"chain": CHAIN})
    assert any(f["name"] == "<script>alert(1)</script></title>" for f in firms)


def test_region_facts_agree_on_two_cities(embedded_store: GraphStore, neo4j_store: GraphStore) -> None:
    """The facts the region rule decides from (tests/region_graph.py: two cities, a district, a platform)."""
    from tests import region_graph

    for store in (embedded_store, neo4j_store):
        for graph in region_graph.build():
            store.write_document(graph)
        store.flush()
    embedded = queries.run(embedded_store, "region_facts", {})
    assert embedded == queries.run(neo4j_store, "region_facts", {})
    assert any(r["label"] == "Target" and r["places"] and r["via"] for r in embedded)
