"""The analyst queries of ``queries/`` against a real Neo4j.

Each query runs on a small synthetic chain graph (``tests/chain_graph.py``,
built through the loaders' own DocumentGraph) whose every row can be asserted
exactly, and again on the sample corpus as the loaders build it, where each
row must have the columns its ``// returns:`` header declares.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chainkg import queries, settings
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.queries import QueryError, get_query, registry
from tests.chain_graph import CHAIN, NEWS_DOC, PLAN_DOC, chain_documents
from tests.conftest import wipe_neo4j

pytestmark = pytest.mark.neo4j

#: The queries of this module's author; the viewer's own are tested with the viewer.
ANALYST_QUERIES = (
    "chain_owners",
    "chain_firms_at",
    "chain_gaps_at",
    "department_measures",
    "department_workload",
    "department_partners",
    "district_targets",
    "chain_support",
    "policy_citations",
    "evidence",
    "shortest_path",
    "fulltext",
    "district_chains",
    "tagged_firms",
    "top_projects",
    "indicator_owners",
)


@pytest.fixture(scope="module")
def chain_store(neo4j_server: StoreConfig) -> Iterator[GraphStore]:
    """Neo4j holding the synthetic chain graph (loaded once for the module; the queries only read)."""
    wipe_neo4j(neo4j_server)
    store = open_store(neo4j_server)
    for graph in chain_documents():
        store.write_document(graph)
    try:
        yield store
    finally:
        store.close()


def _q(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return queries.run(store, name, params)


def test_chain_owners(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "chain_owners")
    # Ordered by chain name (code points: 新 before 智).
    assert [(r["chain"], r["owner"]) for r in rows] == [("新能源汽车产业链", None), (CHAIN, "浙江中力机械股份有限公司")]
    owner = rows[1]
    assert owner["tags"] == ["链主", "上市"]
    # Stated by both documents: both sources, each with its own sentence.
    assert owner["sources"] == sorted([PLAN_DOC.uid, NEWS_DOC.uid])
    assert set(owner["evidence"]) == {
        "中力机械是智能物流装备产业链链主企业。",
        "作为链主，中力机械带动上下游企业集聚。",
    }
    assert _q(chain_store, "chain_owners", chain="智能物流装备") == [owner]  # by alias
    assert rows[0]["sources"] == [] and rows[0]["tags"] == []


def test_chain_firms_at(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "chain_firms_at", chain=CHAIN, place="吴兴区")
    assert [(r["name"], r["owner"], r["segments"], r["located_in"]) for r in rows] == [
        ("浙江中力机械股份有限公司", True, ["整机制造"], ["织里镇"]),  # through the town
        ("湖州德马科技股份有限公司", False, ["整机制造"], ["吴兴高新技术产业开发区"]),  # through the platform
    ]
    city = _q(chain_store, "chain_firms_at", chain=CHAIN, place="湖州市")
    # The city includes 长兴县, whose firm belongs to the chain only through its link (IN_SEGMENT).
    assert [r["name"] for r in city] == [
        "浙江中力机械股份有限公司",
        "湖州三一装载机有限公司",
        "湖州德马科技股份有限公司",
    ]
    zone = _q(chain_store, "chain_firms_at", chain=CHAIN, place="吴兴高新技术产业开发区")
    assert [r["name"] for r in zone] == ["湖州德马科技股份有限公司"]
    assert _q(chain_store, "chain_firms_at", chain=CHAIN, place="长兴县")[0]["tags"] == ["专精特新"]


def test_chain_gaps_at(chain_store: GraphStore) -> None:
    anywhere = _q(chain_store, "chain_gaps_at", chain=CHAIN)
    assert [(r["segment"], r["order"], r["position"], r["firms_elsewhere"]) for r in anywhere] == [
        ("系统集成", 3, "downstream", [])
    ]
    local = _q(chain_store, "chain_gaps_at", chain=CHAIN, place="吴兴区")
    assert [(r["segment"], r["products"], r["firms_elsewhere"]) for r in local] == [
        ("核心零部件", ["伺服电机"], ["湖州三一装载机有限公司"]),  # filled only in 长兴县: a firm to court
        ("系统集成", [], []),
    ]
    assert _q(chain_store, "chain_gaps_at", chain=CHAIN, place="没有这个地方") == []
    # Every chain: the second chain has no links, so no gaps.
    assert {r["chain"] for r in _q(chain_store, "chain_gaps_at")} == {CHAIN}


def test_department_measures(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "department_measures", department="市经信局")
    assert [(r["code"], r["measure"], r["role"]) for r in rows] == [
        ("一.（一）", "培育链主企业", "lead"),
        ("一.（二）", "招引补链项目", "involved"),
        ("二.（一）", "建设创新平台", "involved"),
    ]
    assert {r["policy"] for r in rows} == {"湖州市智能物流装备产业链高质量发展实施方案"}
    assert rows[0]["chains"] == [CHAIN] and rows[2]["chains"] == []
    assert rows[0]["evidence"] == "培育链主企业。（责任单位：市经信局、市发改委、市商务局）"
    lead = _q(chain_store, "department_measures", department="湖州市经济和信息化局", role="lead")
    assert [r["code"] for r in lead] == ["一.（一）"]


def test_department_workload(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "department_workload")
    table = [(r["department"], r["lead"], r["involved"], r["total"], r["policies"], r["indicators"]) for r in rows]
    assert table == [
        ("湖州市经济和信息化局", 1, 2, 3, 1, 1),
        ("湖州市商务局", 1, 1, 2, 1, 0),  # equal totals: more measures led first
        ("湖州市发展和改革委员会", 0, 2, 2, 1, 0),
        ("湖州市科学技术局", 1, 0, 1, 1, 0),
    ]
    assert _q(chain_store, "department_workload", district="湖州市") == rows
    assert _q(chain_store, "department_workload", district="吴兴区") == []


def test_department_partners(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "department_partners", department="市经信局")
    assert [(r["partner"], r["shared"], r["measures"]) for r in rows] == [
        ("湖州市发展和改革委员会", 2, ["培育链主企业", "建设创新平台"]),
        ("湖州市商务局", 2, ["培育链主企业", "招引补链项目"]),
        ("湖州市科学技术局", 1, ["建设创新平台"]),
    ]
    pairs = _q(chain_store, "department_partners")
    # Each unordered pair once: 经信-发改, 经信-商务, 经信-科技, 发改-商务, 发改-科技.
    assert len(pairs) == 5
    assert len({frozenset((r["uid"], r["partner_uid"])) for r in pairs}) == 5
    assert sum(r["shared"] for r in pairs) == 2 + 2 + 1 + 1 + 1
    assert len(_q(chain_store, "department_partners", limit=2)) == 2


def test_district_targets(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "district_targets", district="湖州市")
    assert [(r["indicator"], r["year"], r["value"], r["unit"], r["comparator"], r["set_by"]) for r in rows] == [
        ("亩均税收", 2025, 40.0, "万元/亩", ">=", ["建设创新平台"]),
        ("亩均税收", 2027, 45.0, "万元/亩", ">=", ["湖州市智能物流装备产业链高质量发展实施方案"]),
    ]
    assert rows[0]["evidence"] == "到2025年，湖州市亩均税收达到40万元/亩。"
    assert [r["value"] for r in _q(chain_store, "district_targets", district="湖州市", year="2027")] == [45.0]
    assert [r["value"] for r in _q(chain_store, "district_targets", district="湖州市吴兴区", indicator="亩均")] == [
        42.0
    ]
    assert _q(chain_store, "district_targets", district="湖州市", indicator="研发") == []


def test_chain_support(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "chain_support", chain=CHAIN)
    assert [(r["kind"], r["name"], r["policy"], r["lead"], r["involved"]) for r in rows] == [
        ("policy", "吴兴区支持智能物流装备产业发展若干政策", "吴兴区支持智能物流装备产业发展若干政策", [], []),
        (
            "measure",
            "培育链主企业",
            "湖州市智能物流装备产业链高质量发展实施方案",
            ["湖州市经济和信息化局"],
            ["湖州市发展和改革委员会", "湖州市商务局"],
        ),
        (
            "measure",
            "招引补链项目",
            "湖州市智能物流装备产业链高质量发展实施方案",
            ["湖州市商务局"],
            ["湖州市经济和信息化局"],
        ),
    ]
    assert rows[0]["sources"] == [NEWS_DOC.uid] and rows[1]["sources"] == [PLAN_DOC.uid]
    assert _q(chain_store, "chain_support", chain="新能源汽车产业链") == []


def test_policy_citations(chain_store: GraphStore) -> None:
    cited = _q(chain_store, "policy_citations", policy="浙江省先进制造业集群培育方案")
    assert [(r["direction"], r["name"], r["doc_number"], r["issued_by"], r["evidence"]) for r in cited] == [
        (
            "cited_by",
            "吴兴区支持智能物流装备产业发展若干政策",
            None,
            [],
            ["贯彻落实《浙江省先进制造业集群培育方案》。"],
        ),
        (
            "cited_by",
            "湖州市智能物流装备产业链高质量发展实施方案",
            "湖政办发〔2023〕22号",
            ["湖州市人民政府办公室"],
            ["根据《浙江省先进制造业集群培育方案》，制定本方案。"],
        ),
    ]
    cites = _q(chain_store, "policy_citations", policy="湖政办发〔2023〕22号", direction="cites")
    assert [(r["direction"], r["name"]) for r in cites] == [("cites", "浙江省先进制造业集群培育方案")]
    both = _q(chain_store, "policy_citations", policy="湖政办发〔2023〕22号", direction="both")
    assert [r["direction"] for r in both] == ["cites"]  # nothing cites the city's plan


def test_evidence(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "evidence", start="浙江中力机械股份有限公司", type="CHAIN_OWNER_OF", end=CHAIN)
    assert [(r["type"], r["start"], r["end"], r["document"], r["evidence"]) for r in rows] == sorted(
        [
            (
                "CHAIN_OWNER_OF",
                "浙江中力机械股份有限公司",
                CHAIN,
                PLAN_DOC.props["title"],
                "中力机械是智能物流装备产业链链主企业。",
            ),
            (
                "CHAIN_OWNER_OF",
                "浙江中力机械股份有限公司",
                CHAIN,
                NEWS_DOC.props["title"],
                "作为链主，中力机械带动上下游企业集聚。",
            ),
        ],
        key=lambda row: PLAN_DOC.uid if row[3] == PLAN_DOC.props["title"] else NEWS_DOC.uid,
    )
    # Given from the other end, the relationship keeps its own direction.
    reverse = _q(chain_store, "evidence", start=CHAIN, type="CHAIN_OWNER_OF")
    assert [(r["start"], r["end"]) for r in reverse] == [("浙江中力机械股份有限公司", CHAIN)] * 2
    everything = _q(chain_store, "evidence", start="湖州德马科技股份有限公司")
    assert {r["type"] for r in everything} == {"IN_CHAIN", "IN_SEGMENT", "LOCATED_IN", "INVESTS_IN", "MENTIONED_IN"}


def test_shortest_path(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "shortest_path", **{"from": "浙江中力机械股份有限公司", "to": "湖州市经济和信息化局"})
    assert {r["length"] for r in rows} == {3}
    names = [[n["name"] for n in r["nodes"]] for r in rows]
    assert ["浙江中力机械股份有限公司", CHAIN, "培育链主企业", "湖州市经济和信息化局"] in names
    assert all(rel["type"] != "MENTIONED_IN" for r in rows for rel in r["relationships"])
    first = rows[0]
    assert first["nodes"][0]["label"] == "Enterprise" and first["nodes"][-1]["label"] == "Department"
    # Through the documents, the firm and the department are two steps apart (both are mentioned in the plan).
    via = _q(
        chain_store,
        "shortest_path",
        **{"from": "浙江中力机械股份有限公司", "to": "湖州市经济和信息化局"},
        via_documents=True,
    )
    assert {r["length"] for r in via} == {2}
    assert _q(chain_store, "shortest_path", **{"from": "浙江中力机械股份有限公司", "to": "没有这个节点"}) == []


def test_fulltext(chain_store: GraphStore) -> None:
    assert isinstance(chain_store, Neo4jStore)
    chain_store.await_indexes(60)
    rows = _q(chain_store, "fulltext", q="经信局")
    # The alias 市经信局 is indexed; the quoted phrase does not match every name with 经 or 局.
    assert [r["name"] for r in rows] == ["湖州市经济和信息化局"]
    assert rows[0]["label"] == "Department" and "市经信局" in rows[0]["aliases"]
    firms = _q(chain_store, "fulltext", q="中力机械 德马", label="Enterprise")
    assert {r["name"] for r in firms} == {"浙江中力机械股份有限公司", "湖州德马科技股份有限公司"}
    assert all(r["label"] == "Enterprise" for r in firms)
    assert len(_q(chain_store, "fulltext", q="湖州", limit=3)) == 3
    # A quote in the text is escaped inside the phrase, not a Lucene syntax error.
    assert [r["name"] for r in _q(chain_store, "fulltext", q='"中力')] == ["浙江中力机械股份有限公司"]
    # No match spans a name and the alias after it in the index (…有限公司 | 中力机械).
    assert _q(chain_store, "fulltext", q="公司中力") == []
    assert _q(chain_store, "fulltext", q="   ") == []


def test_district_chains(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "district_chains", district="吴兴区")
    assert [(r["chain"], r["developed_in"], r["platforms"], r["firms"], r["owners"]) for r in rows] == [
        (CHAIN, ["吴兴区"], ["吴兴高新技术产业开发区"], 2, ["浙江中力机械股份有限公司"])
    ]
    city = _q(chain_store, "district_chains", district="湖州市")
    assert [(r["chain"], r["firms"]) for r in city] == [(CHAIN, 2), ("新能源汽车产业链", 1)]


def test_tagged_firms(chain_store: GraphStore) -> None:
    assert [r["name"] for r in _q(chain_store, "tagged_firms", tag="专精特新")] == [
        "湖州三一装载机有限公司",
        "湖州德马科技股份有限公司",
    ]
    rows = _q(chain_store, "tagged_firms", tag="专精特新", place="吴兴区")
    assert [(r["name"], r["chains"], r["located_in"]) for r in rows] == [
        ("湖州德马科技股份有限公司", [CHAIN], ["吴兴高新技术产业开发区"])
    ]
    # 三一 is in the chain through its link and in 新能源汽车 directly.
    by_chain = _q(chain_store, "tagged_firms", tag="专精特新", chain="新能源汽车产业链")
    assert [(r["name"], r["chains"]) for r in by_chain] == [("湖州三一装载机有限公司", ["新能源汽车产业链", CHAIN])]
    assert [r["name"] for r in _q(chain_store, "tagged_firms", tag="链主")] == ["浙江中力机械股份有限公司"]


def test_top_projects(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "top_projects")
    assert [(r["name"], r["investment"], r["unit"], r["investors"]) for r in rows] == [
        ("年产10万台智能叉车项目", 20.0, "亿元", ["浙江中力机械股份有限公司"]),
        ("德马智能仓储项目", 0.5, "万元", ["湖州德马科技股份有限公司"]),  # 5000 万元 = 0.5 亿元
    ]
    assert [r["name"] for r in _q(chain_store, "top_projects", min_investment="1")] == ["年产10万台智能叉车项目"]
    assert [r["name"] for r in _q(chain_store, "top_projects", place="吴兴高新技术产业开发区")] == ["德马智能仓储项目"]
    assert len(_q(chain_store, "top_projects", place="湖州市", chain=CHAIN, limit=1)) == 1


def test_indicator_owners(chain_store: GraphStore) -> None:
    rows = _q(chain_store, "indicator_owners", indicator="亩均")
    assert [(r["indicator"], r["unit"], r["owners"], r["targets"], r["years"]) for r in rows] == [
        ("亩均税收", "万元/亩", ["湖州市经济和信息化局"], 3, [2025, 2027])
    ]
    assert _q(chain_store, "indicator_owners", indicator="研发") == []


def test_parameters_are_typed_and_checked(chain_store: GraphStore) -> None:
    with pytest.raises(QueryError, match="no parameter"):
        _q(chain_store, "chain_owners", chian=CHAIN)
    with pytest.raises(QueryError, match="must be int"):
        _q(chain_store, "district_targets", district="湖州市", year="二〇二五")


TWIN_CASES = [
    ("chain_owners", {}),
    ("chain_owners", {"chain": "智能物流装备"}),
    ("chain_owners", {"chain": "新能源汽车产业链"}),
    ("policy_citations", {"policy": "浙江省先进制造业集群培育方案"}),
    ("policy_citations", {"policy": "湖政办发〔2023〕22号", "direction": "both"}),
    ("policy_citations", {"policy": "湖州市智能物流装备产业链高质量发展实施方案", "direction": "cites"}),
    ("department_workload", {}),
    ("department_workload", {"district": "湖州市"}),
]


@pytest.mark.parametrize(("name", "params"), TWIN_CASES)
def test_embedded_twin_gives_the_same_rows(
    chain_store: GraphStore, tmp_path: Path, name: str, params: dict[str, Any]
) -> None:
    embedded = open_store(StoreConfig(path=tmp_path / "graph.json"))
    for graph in chain_documents():
        embedded.write_document(graph)
    expected = queries.run(chain_store, name, params)
    assert expected, f"{name} {params}: the case must have rows to compare"
    assert queries.run(embedded, name, params) == expected


def _declared_columns(returns: str) -> list[str]:
    """The column names a ``// returns:`` line declares: the first word of each top-level comma item before '—'."""
    head = re.sub(r"[\[{(][^\]})]*[\]})]", "", returns.split("—")[0])  # drop [{uid, name}] and (notes)
    return [item.split()[0] for item in head.split(",") if item.strip()]


def test_every_analyst_query_has_a_full_header() -> None:
    for name in ANALYST_QUERIES:
        query = get_query(name)
        assert query.title and query.description and query.returns, name
        for parameter in query.parameters:
            assert parameter.example and parameter.description, f"{name}: {parameter.name}"
    assert len(registry()) >= 15


@pytest.fixture(scope="module")
def sample_store(neo4j_server: StoreConfig) -> Iterator[GraphStore]:
    """Neo4j holding the sample corpus as the loaders build it."""
    from chainkg.loaders.pipeline import build

    wipe_neo4j(neo4j_server)
    store = open_store(neo4j_server)
    report = build([settings.SAMPLE_CORPUS], store, workers=1)
    assert report.loaded and not report.errors
    try:
        yield store
    finally:
        store.close()


@pytest.mark.parametrize("name", ANALYST_QUERIES)
def test_on_the_sample_graph(sample_store: GraphStore, name: str) -> None:
    """Each query runs on the real sample graph with its header's examples, giving the declared columns."""
    query = get_query(name)
    rows = queries.run(sample_store, name, {p.name: p.example for p in query.parameters})
    for row in rows:
        assert list(row) == _declared_columns(query.returns), name
