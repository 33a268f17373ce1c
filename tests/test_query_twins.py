"""Every named query runs on both stores: the analysts' queries have twins held equal to their Cypher, a query
only Neo4j can answer says so (in Chinese, on the viewer too), and a document's scope gives it its region."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from chainkg import queries
from chainkg.graph.model import Graph, node_uid
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.queries import QueryError
from chainkg.queries.region import Regions
from chainkg.webapp import create_app
from tests import region_graph, viewer_graph
from tests.viewer_graph import CHAIN

OWNER = "甲装备集团有限公司"


def _load(store: GraphStore, graphs: list[Graph]) -> None:
    for graph in graphs:
        store.write_document(graph)
    store.flush()


def _with_scope(graphs: list[Graph], document_title: str, district: str) -> list[Graph]:
    """The graphs, the document titled ``document_title`` speaking for ``district`` (as the loader records it)."""
    for graph in graphs:
        for doc in graph.by_label("Document"):
            if doc.props.get("title") == document_title:
                doc.props["scope"] = [node_uid("District", district)]
    return graphs


ANALYST_CASES: list[tuple[str, dict[str, object]]] = [
    ("chain_firms_at", {"chain": CHAIN, "place": "东区"}),
    ("chain_firms_at", {"chain": CHAIN, "place": "高新园区"}),
    ("chain_firms_at", {"chain": CHAIN, "place": "西区"}),
    ("chain_firms_at", {"chain": CHAIN, "place": "无此地"}),
    ("department_measures", {"department": "市经信局"}),
    ("department_measures", {"department": "测试市商务局", "role": "involved"}),
    ("department_measures", {"department": "测试市商务局", "role": "lead"}),
    ("department_partners", {}),
    ("department_partners", {"department": "测试市商务局"}),
    ("district_chains", {"district": "东区"}),
    ("district_chains", {"district": "西区"}),
    ("evidence", {"start": OWNER}),
    ("evidence", {"start": OWNER, "type": "CHAIN_OWNER_OF", "end": CHAIN}),
    ("indicator_owners", {}),
    ("indicator_owners", {"indicator": "产值"}),
]


def test_every_query_has_a_twin_or_says_why_only_neo4j_runs_it() -> None:
    for query in queries.registry().values():
        has_twin = query.embedded() is not None
        assert has_twin != bool(query.neo4j_only), query.name
    only = {q.name for q in queries.registry().values() if q.neo4j_only}
    assert only == {"fulltext", "shortest_path"}


def test_a_neo4j_only_query_on_the_embedded_store_says_so_in_chinese(tmp_path: Path) -> None:
    config = StoreConfig(path=tmp_path / "g.json")
    with open_store(config) as store:
        _load(store, viewer_graph.build())
        with pytest.raises(QueryError, match="只能在 Neo4j 上运行.*全文索引"):
            queries.run(store, "fulltext", {"q": "装备"})
    app = create_app(config, {"TESTING": True})
    client = app.test_client()
    answer = client.get("/api/queries/shortest_path?from=a&to=b")
    assert answer.status_code == 409
    assert "只能在 Neo4j 上运行" in answer.get_json()["error"]
    page = client.get("/console").get_data(as_text=True)
    assert "仅限 Neo4j：全文索引只在 Neo4j 中" in page
    assert client.get(f"/api/queries/department_measures?department={quote('市经信局')}").status_code == 200
    app.extensions["chainkg_store"].close()


@pytest.mark.neo4j
def test_analyst_queries_agree(embedded_store: GraphStore, neo4j_store: GraphStore) -> None:
    for store in (embedded_store, neo4j_store):
        _load(store, viewer_graph.build(extra_firms=3))
    filled = 0
    for name, params in ANALYST_CASES:
        embedded = queries.run(embedded_store, name, params)
        assert embedded == queries.run(neo4j_store, name, params), f"{name} {params}"
        filled += bool(embedded)
    assert filled >= len(ANALYST_CASES) - 3


@pytest.mark.neo4j
def test_district_targets_agree_and_a_news_item_takes_its_region_from_its_scope(
    embedded_store: GraphStore, neo4j_store: GraphStore
) -> None:
    for store in (embedded_store, neo4j_store):
        _load(store, _with_scope(region_graph.build(), "新闻", "乙市"))
    for params in ({"district": "乙市"}, {"district": "乙市", "year": 2026}, {"district": "乙市", "year": 2020}):
        rows = queries.run(embedded_store, "district_targets", params)
        assert rows == queries.run(neo4j_store, "district_targets", params)
    assert queries.run(embedded_store, "district_targets", {"district": "乙市"})
    facts = queries.run(embedded_store, "region_facts", {})
    assert facts == queries.run(neo4j_store, "region_facts", {})
    news = next(r for r in facts if r["label"] == "Document" and r["name"] == "news.txt")
    yi = region_graph.uid("District", "乙市")
    assert news["places"] == [yi] and news["via"] == []
    regions = Regions.from_rows(facts)
    assert regions.contains(yi, news["uid"]) and regions.contains(region_graph.uid("District", "测试省"), news["uid"])
    assert not regions.contains(region_graph.uid("District", "甲市"), news["uid"])
    # a document stating a policy keeps its policy's places, whatever its scope
    policy_doc = next(r for r in facts if r["label"] == "Document" and r["name"] == "jia.txt")
    assert policy_doc["places"] == [] and policy_doc["via"]
