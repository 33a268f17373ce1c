"""Every page and API of the viewer through Flask's test client, on the embedded store and on Neo4j."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from chainkg.graph.cypher_console import ConsoleError
from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.errors import Neo4jOnlyError
from chainkg.graph.model import LABELS, REL_TYPES
from chainkg.graph.store import GraphStore, StoreConfig
from chainkg.webapp import create_app
from chainkg.webapp.labels import LABEL_COLOUR, LABEL_ZH, REL_ZH
from tests import viewer_graph
from tests.viewer_graph import CHAIN

EVIL_NAME = "<script>alert(1)</script></title>"  # the markup firm's name after clean_name


def _config(store: GraphStore) -> StoreConfig:
    path = getattr(store, "path", None)
    return StoreConfig(path=path) if path is not None else store.config  # type: ignore[attr-defined]


@pytest.fixture
def client(any_store: GraphStore) -> Iterator[FlaskClient]:
    for graph in viewer_graph.build():
        any_store.write_document(graph)
    any_store.flush()
    app = create_app(_config(any_store), {"TESTING": True})
    yield app.test_client()
    app.extensions["chainkg_store"].close()


def _docs() -> list[str]:
    return [n.uid for g in viewer_graph.build() for n in g.by_label("Document")]


def _no_raw_markup(html: str) -> None:
    """The markup names and titles never reach the page unescaped."""
    assert "<script>alert" not in html
    assert html.count("</title>") == 1


def test_every_label_and_type_has_chinese_names_and_colours() -> None:
    assert set(LABEL_ZH) == set(LABELS) == set(LABEL_COLOUR)
    assert set(REL_ZH) == set(REL_TYPES)


def test_home_lists_chains(client: FlaskClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and CHAIN in page.text and "空白产业" in page.text
    api = client.get("/api/overview").get_json()
    chain = next(c for c in api["chains"] if c["name"] == CHAIN)
    assert chain == {**chain, "links": 5, "firms": 6, "owners": 1, "with_firms": 4, "unknown": 0, "stated_gaps": 1}
    assert chain["category"] == "emerging" and "新兴" in page.text and "emerging" not in page.text
    assert [c["name"] for c in api["chains"]] == [CHAIN, "空白产业"]  # most firms first
    assert not api["chains"][1]["mapped"] and "未梳理" in page.text
    assert api["top_gaps"][0]["sentence"].startswith("运维服务环节是我市")
    assert [d["title"] for d in api["documents"]] == sorted(d["title"] for d in api["documents"])
    assert "测试市新能源测试装备产业链行动方案" in page.text and "policy.txt" not in page.text


def test_chain_map_layers_firms_owner_and_gaps(client: FlaskClient) -> None:
    data = client.get(f"/api/chains/{viewer_graph.chain_uid()}").get_json()
    assert [c["title"] for c in data["columns"]] == ["上游", "中游", "下游"]
    names = [[s["name"] for s in c["segments"]] for c in data["columns"]]
    assert names == [["原材料", "核心零部件"], ["整机制造"], ["集成应用", "运维服务"]]
    segs = {s["name"]: s for c in data["columns"] for s in c["segments"]}
    assert segs["运维服务"]["state"] == "stated_gap" and segs["整机制造"]["state"] == "firms"
    assert segs["运维服务"]["stated_gaps"][0]["sentence"].startswith("运维服务环节是我市")
    assert {s["origin"] for s in segs.values()} == {"文件"}
    assert [f["name"] for f in segs["整机制造"]["owners"]] == ["甲装备集团有限公司"]
    assert {f["name"] for f in segs["核心零部件"]["firms"]} == {"乙零部件有限公司", EVIL_NAME}
    assert [p["name"] for p in segs["核心零部件"]["products"]] == ["伺服电机", "减速器"]
    assert [f["name"] for f in data["unplaced"]] == ["戊贸易公司"]
    assert [p["name"] for p in data["carriers"]["platforms"]] == ["高新园区"]
    assert [d["name"] for d in data["carriers"]["districts"]] == ["东区"]
    assert data["measures"][0]["lead"] == ["测试市经济和信息化局"]
    assert data["targets"][0]["value"] == 100 and data["projects"][0]["name"] == "甲装备智能工厂项目"
    assert data["counts"] == {
        "firms": 6,
        "firms_total": 6,
        "owners": 1,
        "segments": 5,
        "from_documents": 5,
        "with_firms": 4,
        "unknown": 0,
        "stated_gaps": 1,
        "confirmed_gaps": 0,
    }
    page = client.get(f"/chains/{CHAIN}")  # by name too
    assert page.status_code == 200
    html = page.text
    assert "短板" in html and "★ 甲装备集团有限公司" in html and "测试市经济和信息化局" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _no_raw_markup(html)


def test_chain_map_filters_by_district_and_platform(client: FlaskClient) -> None:
    west = client.get(f"/api/chains/{CHAIN}?district=西区").get_json()
    assert west["counts"]["firms"] == 1
    segs = {s["name"]: s for c in west["columns"] for s in c["segments"]}
    assert segs["整机制造"]["state"] == "unknown" and segs["核心零部件"]["state"] == "firms"  # per district
    east = client.get(f"/api/chains/{CHAIN}?district=东区").get_json()
    assert {f["name"] for c in east["columns"] for s in c["segments"] for f in s["firms"]} == {
        "甲装备集团有限公司",
        "丙材料科技",
        EVIL_NAME,
    }  # on 高新园区, which is in 东区
    park = client.get(f"/api/chains/{CHAIN}?platform=高新园区").get_json()
    assert park["counts"]["firms"] == 2


def test_chain_map_svg_is_escaped_and_valid(client: FlaskClient) -> None:
    import xml.etree.ElementTree as ET

    response = client.get(f"/chains/{viewer_graph.chain_uid()}/map.svg?download=1")
    assert response.mimetype == "image/svg+xml"
    assert "attachment" in response.headers["Content-Disposition"]
    root = ET.fromstring(response.data)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "短板：文件明确指出" in texts and any(t and EVIL_NAME in t for t in texts)
    assert "新能源测试装备 产业链图" in texts


def test_unknown_things_are_404_page_or_json(client: FlaskClient) -> None:
    for path in ("/chains/没有", "/nodes/nope", "/documents/nope", "/explore/nope", "/lists/nothing"):
        page = client.get(path)
        assert page.status_code == 404 and page.mimetype == "text/html" and "未找到" in page.text
    for path in ("/api/chains/没有", "/api/nodes/nope", "/api/documents/nope", "/api/explore/nope", "/api/x"):
        api = client.get(path)
        assert api.status_code == 404 and api.get_json()["status"] == 404
    # a page that needs a chain asks for one (the chain picker); its API twin still answers 400
    for path in ("/lists/firms", "/leads"):
        picker = client.get(path)
        assert picker.status_code == 200 and 'id="chain-picker"' in picker.text, path
    assert client.get("/api/lists/firms").get_json()["status"] == 400
    assert client.get("/api/leads").get_json()["status"] == 400
    unknown = client.get("/leads?chain=没有")
    assert unknown.status_code == 404 and 'id="chain-picker"' in unknown.text


def test_firm_list_filters_sorts_and_exports(client: FlaskClient) -> None:
    chain = viewer_graph.chain_uid()
    data = client.get(f"/api/lists/firms?chain={chain}").get_json()
    assert data["total"] == 6 and data["chain_name"] == CHAIN
    assert client.get(f"/api/lists/firms?chain={chain}&district=西区").get_json()["total"] == 1
    assert client.get(f"/api/lists/firms?chain={chain}&tag=链主").get_json()["total"] == 1
    assert client.get(f"/api/lists/firms?chain={chain}&q=零部件").get_json()["total"] == 2
    desc = client.get(f"/api/lists/firms?chain={chain}&sort=name&desc=1").get_json()
    assert [r["name"] for r in desc["rows"]] == sorted((r["name"] for r in data["rows"]), reverse=True)
    page = client.get(f"/lists/firms?chain={chain}")
    assert page.status_code == 200 and "企业清单" in page.text
    _no_raw_markup(page.text)
    exported = client.get(f"/lists/firms.csv?chain={chain}&district=东区")
    assert exported.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["企业名称", "链主", "所属环节"] and len(rows) == 4
    assert "filename*=UTF-8''" in exported.headers["Content-Disposition"]
    xlsx = client.get(f"/lists/firms.xlsx?chain={chain}")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "企业名称" and len(values) == 7
    assert any(v[0] == EVIL_NAME for v in values)


def test_other_lists(client: FlaskClient) -> None:
    projects = client.get("/api/lists/projects").get_json()
    assert projects["rows"][0]["investors"] == ["甲装备集团有限公司"] and projects["rows"][0]["investment"] == 20.5
    measures = client.get(f"/api/lists/measures?chain={CHAIN}").get_json()
    assert measures["rows"][0]["lead"] == ["测试市经济和信息化局"]
    assert measures["rows"][0]["involved"] == ["测试市商务局"]
    assert client.get("/api/lists/measures?chain=空白产业").get_json()["total"] == 0
    targets = client.get("/api/lists/targets?year=2025").get_json()
    assert targets["rows"][0]["indicator"] == "产业链产值" and targets["rows"][0]["scope"] == [CHAIN]
    gaps = client.get("/api/lists/gaps?gap=全部").get_json()["rows"]
    assert [(g["chain"], g["kind"], g["segment"]) for g in gaps] == [
        ("新能源测试装备", "stated_gap", "运维服务"),
        ("空白产业", "unmapped", None),
        ("空白产业", "missing_owner", None),
    ]
    assert gaps[0]["evidence"].startswith("运维服务环节是我市")
    assert client.get(f"/api/lists/gaps?chain={CHAIN}&gap=缺链主").get_json()["total"] == 0
    for kind in ("projects", "measures", "targets", "gaps"):
        assert client.get(f"/lists/{kind}").status_code == 200
        assert client.get(f"/lists/{kind}.csv").status_code == 200
        assert client.get(f"/lists/{kind}.xlsx").status_code == 200


def test_search_partial_alias_and_type_filter(client: FlaskClient) -> None:
    found = client.get("/api/search?q=甲装备").get_json()["results"]
    assert {r["name"] for r in found[:2]} == {"甲装备集团有限公司", "甲装备智能工厂项目"}  # both start with it
    assert {r["label"] for r in found} >= {"Enterprise", "Project"}
    only = client.get("/api/search?q=甲装备&label=Project").get_json()["results"]
    assert [r["label"] for r in only] == ["Project"]
    alias = client.get("/api/search?q=市经信").get_json()["results"]
    assert alias[0]["name"] == "测试市经济和信息化局" and alias[0]["matched"] == "市经信局"
    page = client.get("/search?q=script")
    assert "&lt;script&gt;" in page.text
    _no_raw_markup(page.text)
    assert client.get("/api/search").get_json()["results"] == []


def test_node_page_groups_neighbours_with_evidence(client: FlaskClient) -> None:
    data = client.get(f"/api/nodes/{viewer_graph.owner_uid()}").get_json()
    assert data["node"]["aliases"] == ["甲装备"] and ["tags", ["链主", "上市"]] in data["node"]["props"]
    groups = {(g["type"], g["direction"]): g for g in data["groups"]}
    owner = groups[("CHAIN_OWNER_OF", "out")]
    assert owner["title"] == "链主" and owner["relations"][0]["name"] == CHAIN
    evidence = owner["relations"][0]["evidence"][0]
    assert evidence["document"] in _docs() and "链主" not in evidence["evidence"] or evidence["evidence"]
    page = client.get(f"/nodes/{viewer_graph.owner_uid()}").text
    assert f'href="/documents/{evidence["document"]}"' in page
    evil = client.get("/api/search?q=script&label=Enterprise").get_json()["results"][0]
    evil_page = client.get(f"/nodes/{evil['uid']}").text
    _no_raw_markup(evil_page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;" in evil_page


def test_document_page_highlights_entities(client: FlaskClient) -> None:
    news = _docs()[1]
    data = client.get(f"/api/documents/{news}").get_json()
    marked = {p["text"]: p["label"] for p in data["pieces"] if "uid" in p}
    assert marked["乙零部件有限公司"] == "Enterprise" and marked["高新园区"] == "Platform"
    assert "".join(p["text"] for p in data["pieces"]) == data["document"]["text"]
    html = client.get(f"/documents/{news}").text
    assert re.search(r'<a class="mention" data-label="Enterprise"[^>]*href="/nodes/enterprise-[0-9a-f]+"', html)
    _no_raw_markup(html)
    assert "&#34;&#39;&lt;/title&gt;" in html  # the document title keeps its quotes, escaped


def test_explore_and_subgraph_exports(client: FlaskClient) -> None:
    chain = viewer_graph.chain_uid()
    data = client.get(f"/api/explore/{chain}").get_json()
    ids = {n["id"] for n in data["graph"]["nodes"]}
    assert chain in ids and viewer_graph.owner_uid() in ids
    assert all(e["from"] in ids and e["to"] in ids for e in data["graph"]["edges"])
    assert not any(n["group"] == "Document" for n in data["graph"]["nodes"])
    page = client.get(f"/explore/{chain}").text
    assert "/static/vendor/vis-network.min.js" in page and 'type="application/json"' in page
    assert "<script>alert" not in page
    graphml = client.get(f"/export/{chain}.graphml?depth=2")
    import networkx as nx

    exported = nx.read_graphml(io.BytesIO(graphml.data))
    assert exported.number_of_nodes() > len(ids) and chain in exported
    standalone = client.get(f"/export/{chain}.html")
    assert "attachment" in standalone.headers["Content-Disposition"]
    assert "vis.Network" in standalone.text and "<script>alert" not in standalone.text
    assert 'src="http' not in standalone.text
    assert client.get(f"/api/explore/{chain}?depth=x").status_code == 400


def test_vendor_files_are_served_and_pinned(client: FlaskClient) -> None:
    js = client.get("/static/vendor/vis-network.min.js")
    assert js.status_code == 200 and b"vis-network" in js.data[:400]
    readme = client.get("/static/vendor/README.md").text
    assert "vis-network 10.1.5" in readme


def test_console_registry_and_named_queries(client: FlaskClient) -> None:
    data = client.get("/api/console").get_json()
    names = {q["name"] for q in data["queries"]}
    assert {"chain_map", "chain_firms", "search", "node"} <= names
    assert next(q for q in data["queries"] if q["name"] == "search")["parameters"][0]["name"] == "q"
    assert client.get("/console").status_code == 200
    rows = client.get(f"/api/queries/chain_firms?chain={CHAIN}").get_json()
    assert len(rows["rows"]) == 6 and "owner" in rows["columns"]
    assert client.get("/api/queries/nope").status_code == 404
    assert client.get("/api/queries/search?nope=1").status_code == 400


def test_console_runs_reads_and_refuses_writes(client: FlaskClient, any_store: GraphStore) -> None:
    response = client.post("/api/console", json={"cypher": "MATCH (n:Enterprise) RETURN n.name AS name"})
    if not hasattr(any_store, "driver"):
        assert response.status_code == 409 and "Neo4j" in response.get_json()["error"]
        return
    body = response.get_json()
    assert response.status_code == 200 and body["columns"] == ["name"] and len(body["rows"]) == 6
    graph = client.post(
        "/api/console", json={"cypher": "MATCH (e:Enterprise)-[r:CHAIN_OWNER_OF]->(c) RETURN e, r, c"}
    ).get_json()
    assert len(graph["graph"]["nodes"]) == 2 and graph["graph"]["edges"][0]["type"] == "CHAIN_OWNER_OF"
    for write in ("CREATE (n:Enterprise {name: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (n:Enterprise) SET n.x = 1"):
        refused = client.post("/api/console", json={"cypher": write})
        assert refused.status_code == 400 and "只读" in refused.get_json()["error"], write
    assert client.get("/api/overview").get_json()["counts"]["Enterprise"] == 6
    load = client.post("/api/console", json={"cypher": "LOAD CSV FROM 'http://example.com/x.csv' AS row RETURN row"})
    assert load.status_code == 400 and "LOAD CSV" in load.get_json()["error"]
    bad = client.post("/api/console", json={"cypher": "MATC (n) RETURN n"})
    assert bad.status_code == 400 and "Cypher" in bad.get_json()["error"]
    assert client.post("/api/console", json={"cypher": 1}).status_code == 400


@pytest.mark.neo4j
def test_console_row_limit_and_timeout(neo4j_store: GraphStore) -> None:
    """The console is Neo4j's only (on the embedded store it answers 409, tested above)."""
    limited = neo4j_store.console("UNWIND range(1, 50) AS i RETURN i", row_limit=10)
    assert limited.truncated and len(limited.rows) == 10
    with pytest.raises(ConsoleError, match="时间限制"):
        neo4j_store.console(
            "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(*)", timeout_seconds=0.5
        )


def test_the_console_is_neo4j_only_on_the_store_interface(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.json")
    assert not store.runs_cypher
    with pytest.raises(Neo4jOnlyError):
        store.console("RETURN 1")
    with pytest.raises(Neo4jOnlyError):
        store.run_cypher("RETURN 1")


def test_unreachable_store_is_503_page_and_json() -> None:
    app = create_app(StoreConfig(neo4j_uri="bolt://127.0.0.1:1", neo4j_password="x"))
    client = app.test_client()
    api = client.get("/api/overview")
    assert api.status_code == 503 and "127.0.0.1:1" in api.get_json()["error"]
    page = client.get("/")
    assert page.status_code == 503 and "图谱存储不可用" in page.text


def test_pages_follow_changes_to_the_store(any_store: GraphStore) -> None:
    """The viewer's caches serve a page again only while the stored data is unchanged, on both stores."""
    policy, news = viewer_graph.build()
    any_store.write_document(policy)
    any_store.flush()
    app = create_app(_config(any_store), {"NEO4J_CHANGE_CHECK_SECONDS": 0.0})
    client = app.test_client()
    before = client.get(f"/api/lists/firms?chain={CHAIN}").get_json()["total"]
    assert before == 1 and client.get(f"/api/lists/firms?chain={CHAIN}").get_json()["total"] == 1
    any_store.write_document(news)
    any_store.flush()
    assert client.get(f"/api/lists/firms?chain={CHAIN}").get_json()["total"] == 6
    assert client.get(f"/lists/firms?chain={CHAIN}").text.count("/nodes/enterprise-") >= 6
    app.extensions["chainkg_store"].close()


@pytest.fixture
def template_client(any_store: GraphStore) -> Iterator[FlaskClient]:
    """The viewer over the test graph with the test chain's template (tests/fixtures/templates)."""
    for graph in viewer_graph.build():
        any_store.write_document(graph)
    any_store.flush()
    app = create_app(_config(any_store), {"TESTING": True, "CHAIN_TEMPLATES": viewer_graph.TEMPLATES})
    yield app.test_client()
    app.extensions["chainkg_store"].close()


def test_chain_map_fills_links_from_the_template_and_explains_placements(template_client: FlaskClient) -> None:
    data = template_client.get(f"/api/chains/{CHAIN}").get_json()
    assert data["template"]["name"] == CHAIN
    segs = {s["name"]: s for c in data["columns"] for s in c["segments"]}
    names = [[s["name"] for s in c["segments"]] for c in data["columns"]]
    assert names == [["原材料", "检测软件", "核心零部件"], ["整机制造"], ["集成应用", "运维服务", "回收利用"]]
    assert {n: s["origin"] for n, s in segs.items() if s["origin"] == "模板"} == {
        "检测软件": "模板",
        "回收利用": "模板",
    }
    assert segs["回收利用"]["state"] == "unknown" and segs["回收利用"]["node"] is None
    assert segs["运维服务"]["state"] == "stated_gap"
    firm = next(f for f in segs["检测软件"]["firms"])
    why = segs["检测软件"]["reasons"][firm["uid"]]
    assert firm["name"] == "戊贸易公司" and why["reason"] == "关键词" and why["words"] == ["检测软件"]
    assert why["sentence"] == "戊贸易公司主营检测软件。"
    # 乙's evidence holds 丙's sentence about 钢材 too: only 乙's own sentence may place 乙
    assert {f["name"] for f in segs["原材料"]["firms"]} == {"丙材料科技"}
    assert data["unplaced"] == []
    html = template_client.get(f"/chains/{CHAIN}").text
    assert "证据句含该环节关键词：检测软件" in html and "待梳理" in html and 'data-origin="模板"' in html
    firms = template_client.get(f"/api/lists/firms?chain={CHAIN}&segment=检测软件").get_json()
    assert [r["name"] for r in firms["rows"]] == ["戊贸易公司"]
    gaps = template_client.get(f"/api/lists/gaps?chain={CHAIN}").get_json()["rows"]
    assert [(g["kind"], g["segment"], g["origin"]) for g in gaps] == [
        ("stated_gap", "运维服务", "文件"),
        ("unknown", "回收利用", "模板"),
    ]


def test_chain_without_links_or_template_is_unmapped(template_client: FlaskClient) -> None:
    data = template_client.get("/api/chains/空白产业").get_json()
    assert data["mapped"] is False and data["columns"] == []
    assert "未梳理" in template_client.get("/chains/空白产业").text
