"""The shapes that keep the viewer's queries fast on Neo4j (speed itself is measured by ``bench.viewer_load``):
search reads its candidates from the text index on ``searchKey``, the chain map's lists start from the chain,
nodes stored before ``searchKey`` existed get it when the store opens, and the regions are counted once."""

from __future__ import annotations

from typing import Any

import pytest

from chainkg import queries
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import GraphStore, open_store
from chainkg.queries.region import Regions
from tests import region_graph, viewer_graph
from tests.viewer_graph import CHAIN


def _load(store: GraphStore) -> None:
    for graph in viewer_graph.build(extra_firms=3):
        store.write_document(graph)
    store.flush()


def _operators(plan: Any) -> list[tuple[str, str, int]]:
    """(operator, details, rows) of every operator of a profiled plan."""
    args = plan.get("args", {})
    found = [(plan["operatorType"].split("@")[0], str(args.get("Details", "")), int(args.get("Rows", 0)))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def _profile(store: Neo4jStore, name: str, params: dict[str, Any]) -> list[tuple[str, str, int]]:
    query = queries.get_query(name)
    with store.driver.session(database=store.config.neo4j_database) as session:
        result = session.run("PROFILE " + query.cypher, query.bind(params))
        result.consume()
        summary = result.consume()
    assert summary.profile is not None
    return _operators(summary.profile)


@pytest.mark.neo4j
def test_search_reads_candidates_from_the_text_index(neo4j_store: Neo4jStore) -> None:
    _load(neo4j_store)
    plan = _profile(neo4j_store, "search", {"q": "装备"})
    assert any(op == "NodeIndexContainsScan" and "searchKey" in details for op, details, _ in plan), plan
    assert not any(op in ("AllNodesScan", "NodeByLabelScan") for op, _, _ in plan), plan


@pytest.mark.neo4j
@pytest.mark.parametrize(("name", "label"), [("targets", "Target"), ("policies_measures", "Measure")])
def test_a_chains_lists_start_from_the_chain(neo4j_store: Neo4jStore, name: str, label: str) -> None:
    _load(neo4j_store)
    plan = _profile(neo4j_store, name, {"chain": CHAIN})
    scans = [rows for op, details, rows in plan if op == "NodeByLabelScan" and f":{label}" in details]
    assert scans and all(rows == 0 for rows in scans), plan  # planned for the empty chain, not run for a chain
    assert queries.run(neo4j_store, name, {"chain": CHAIN})  # and still finds the chain's rows


@pytest.mark.neo4j
def test_nodes_stored_without_a_search_key_get_one_when_the_store_opens(neo4j_store: Neo4jStore) -> None:
    _load(neo4j_store)
    with neo4j_store.driver.session(database=neo4j_store.config.neo4j_database) as session:
        session.run("MATCH (n:Entity) REMOVE n.searchKey").consume()  # a database of an older chainkg:
        session.run("DROP INDEX entity_search_key").consume()  # neither the key nor its index
    assert queries.run(neo4j_store, "search", {"q": "甲装备"}) == []  # what an older database gave
    with open_store(neo4j_store.config) as reopened:
        found = queries.run(reopened, "search", {"q": "甲装备"})
        assert {row["name"] for row in found} >= {"甲装备集团有限公司"}
        assert all("searchKey" not in node.props for node in reopened.read().nodes.values())


def test_the_regions_picker_is_counted_once(embedded_store: GraphStore) -> None:
    for graph in region_graph.build():
        embedded_store.write_document(graph)
    regions = Regions.from_rows(queries.run(embedded_store, "region_facts", {}))
    first = regions.choices()
    assert first and regions.choices() is first
