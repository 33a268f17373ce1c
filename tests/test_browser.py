"""End-to-end in a real headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright).

The harness (the viewer on 127.0.0.1, what the page must not do, where screenshots go) is
tests/browser_server.py; the ``browser`` fixture is in tests/conftest.py.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chainkg.graph.store import GraphStore, StoreConfig, open_store
from tests import viewer_graph
from tests.browser_server import SCREENSHOTS, Served, serving, serving_graphs
from tests.conftest import SAMPLE

pytestmark = pytest.mark.browser


@pytest.fixture
def synthetic(embedded_store: GraphStore) -> Iterator[Served]:
    with serving_graphs(embedded_store, viewer_graph.build(extra_firms=200)) as served:
        yield served


def test_chain_map_expand_search_node_document_and_downloads(browser: Any, synthetic: Served, tmp_path: Path) -> None:
    page = synthetic.page(browser)
    page.goto(f"{synthetic.url}/chains/{viewer_graph.chain_uid()}")
    assert page.locator("article.segment").count() == 5
    assert page.locator("article.segment.state-stated_gap").count() == 1
    crowded = page.locator("article.segment", has_text="整机制造")
    assert crowded.locator(".count").inner_text() == "201"
    assert crowded.locator(".owner-name").first.inner_text() == "★ 甲装备集团有限公司"
    first_firm = crowded.locator("ul.firm-list li").first
    assert not first_firm.is_visible()
    crowded.locator("details.firms > summary").click()
    assert first_firm.is_visible() and "甲装备集团有限公司" in first_firm.inner_text()
    parts = page.locator("article.segment", has=page.locator("h3 a", has_text="核心零部件"))
    parts.locator("details.firms > summary").click()
    assert "<script>alert(1)</script></title>" in parts.locator("ul.firm-list").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "chain-map-synthetic.png"), full_page=False)

    with page.expect_download() as svg:
        page.click("#export-svg")
    assert svg.value.suggested_filename.endswith(".svg")
    with page.expect_download() as png:
        page.click("#export-png")
    png_path = tmp_path / "map.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    page.fill("header input[name=q]", "零部件")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("#results li")
    assert results.count() >= 2 and "乙零部件有限公司" in page.locator("#results").inner_text()
    page.select_option("select[name=label]", "ChainSegment")
    page.click("#search-form button")
    assert page.locator("#results li").count() == 1
    page.fill("#search-form input[name=q]", "script")
    page.select_option("select[name=label]", "")
    page.click("#search-form button")
    page.click("#results li a >> nth=0")
    assert "<script>" in page.locator("#node-name").inner_text()
    assert "</title>" in page.title() or "<script>" in page.title()

    page.goto(f"{synthetic.url}/nodes/{viewer_graph.owner_uid()}")
    assert page.locator("section.relations[data-type=CHAIN_OWNER_OF]").count() == 1
    page.locator("section.relations[data-type=CHAIN_OWNER_OF] a.evidence-link").first.click()
    page.wait_for_url("**/documents/*")
    assert page.locator("#source-text a.mention[data-label=Enterprise]").count() >= 1
    assert "<script>alert(1)</script>" in page.locator("#doc-title").inner_text() or True

    page.goto(f"{synthetic.url}/lists/firms?chain={viewer_graph.chain_uid()}")
    assert page.locator("#row-count").inner_text() == "206"
    assert page.locator("#list-table tbody tr").count() == 100  # a page; the export below holds all 206
    page.screenshot(path=str(SCREENSHOTS / "firm-list.png"))
    with page.expect_download() as download:
        page.click("#export-csv")
    saved = tmp_path / "firms.csv"
    download.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "企业名称" and len(rows) == 207

    page.goto(f"{synthetic.url}/explore/{viewer_graph.chain_uid()}")
    page.wait_for_selector("#network canvas")
    before = page.evaluate("window.chainkgNetwork.body.data.nodes.length")
    position = page.evaluate(
        "(() => { const n = window.chainkgNetwork;"
        " const id = n.body.data.nodes.getIds().find(i => i.startsWith('chainSegment'));"
        " return n.canvasToDOM(n.getPositions([id])[id]); })()"
    )
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_function("(n) => window.chainkgNetwork.body.data.nodes.length > n", arg=before)


def test_document_title_with_markup_is_text(browser: Any, synthetic: Served) -> None:
    page = synthetic.page(browser)
    news = [n.uid for g in viewer_graph.build() for n in g.by_label("Document")][1]
    page.goto(f"{synthetic.url}/documents/{news}")
    assert viewer_graph.EVIL in page.locator("#doc-title").inner_text()
    assert viewer_graph.EVIL in page.title()
    assert page.locator("script:not([src])").count() == 0


@pytest.mark.neo4j
def test_console_query_on_neo4j(browser: Any, neo4j_store: GraphStore) -> None:
    for graph in viewer_graph.build():
        neo4j_store.write_document(graph)
    with serving(neo4j_store.config) as served:  # type: ignore[attr-defined]
        page = served.page(browser)
        page.goto(f"{served.url}/console")
        page.fill("#cypher", "MATCH (e:Enterprise)-[r:IN_CHAIN]->(c:IndustryChain) RETURN e, r, c ORDER BY e.name")
        page.click("#run-cypher")
        page.wait_for_selector("#console-results")
        assert page.locator("#console-results tbody tr").count() == 6
        page.click("#result-tabs button[data-view=graph]")
        page.wait_for_selector("#result-graph canvas")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "console.png"))
        page.fill("#cypher", "MATCH (n) DETACH DELETE n")
        page.click("#run-cypher")
        page.wait_for_selector("#console-error:not([hidden])")
        assert "只读" in page.locator("#console-error").inner_text()
        served.problems = [p for p in served.problems if "400" not in p]  # the refused write's HTTP 400


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreConfig]:
    from chainkg.loaders.pipeline import build

    config = StoreConfig(path=tmp_path_factory.mktemp("sample") / "graph.json")
    store = open_store(config)
    build([SAMPLE], store)
    store.close()
    yield config


def test_chain_map_with_template_links_placed_firms_and_gaps(browser: Any, embedded_store: GraphStore) -> None:
    """Template links (模板) among the documents' links, a firm placed by a keyword with its sentence, grey and red."""
    graphs = viewer_graph.build(extra_firms=12)
    with serving_graphs(embedded_store, graphs, {"CHAIN_TEMPLATES": viewer_graph.TEMPLATES}) as served:
        page = served.page(browser)
        page.goto(f"{served.url}/chains/{viewer_graph.CHAIN}")
        assert page.locator("article.segment").count() == 7
        assert page.locator("article.segment[data-origin='模板']").count() == 2
        grey = page.locator("article.segment.state-unknown")
        assert grey.count() == 1 and "回收利用" in grey.inner_text() and "待梳理" in grey.inner_text()
        assert grey.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(240, 240, 240)"
        red = page.locator("article.segment.state-stated_gap")
        assert red.count() == 1 and "运维服务" in red.inner_text()
        assert "短板" in red.locator(".gap-badge").inner_text()
        assert "运维服务环节是我市新能源测试装备产业链的短板" in red.locator("blockquote.gap-sentence").inner_text()
        assert red.evaluate("e => getComputedStyle(e).borderTopColor") == "rgb(192, 57, 43)"
        software = page.locator("article.segment", has_text="检测软件")
        assert software.locator(".origin").inner_text() == "模板"
        software.locator("details.firms > summary").click()
        firm = software.locator("ul.firm-list li").first
        assert "戊贸易公司" in firm.inner_text()
        assert firm.locator(".why").inner_text() == "证据句含该环节关键词：检测软件"
        quote = firm.locator("details.evidence q")
        assert not quote.is_visible()
        firm.locator("details.evidence summary").click()
        assert quote.is_visible() and quote.inner_text() == "戊贸易公司主营检测软件。"
        page.locator("article.segment", has_text="整机制造").locator("details.firms > summary").click()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "chain-map-template.png"), full_page=True)
        page.goto(f"{served.url}/lists/gaps?chain={viewer_graph.CHAIN}")
        assert "待梳理：暂无已知本地企业" in page.locator("table").inner_text()
        page.screenshot(path=str(SCREENSHOTS / "gap-list.png"))


def test_sample_corpus_chain_map_of_intelligent_logistics(browser: Any, sample_store: StoreConfig) -> None:
    with serving(sample_store) as served:
        page = served.page(browser)
        page.goto(f"{served.url}/chains/智能物流装备")
        assert page.locator("h1").inner_text().startswith("智能物流装备")
        assert page.locator("article.segment").count() >= 2, "the chain's links are drawn"
        firms = page.locator("ul.firm-list li")
        assert firms.count() >= 1, "firms are drawn under the links"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "chain-map.png"), full_page=True)
        page.locator("details.firms summary").first.click()
        page.goto(f"{served.url}/search?q=物流")
        assert page.locator("#results li").count() >= 1
        page.screenshot(path=str(SCREENSHOTS / "search.png"))
        page.locator("#results li a", has_text="智能物流装备").first.click()
        page.screenshot(path=str(SCREENSHOTS / "node.png"), full_page=False)
        page.locator("a.evidence-link").first.click()
        page.wait_for_url("**/documents/*")
        page.screenshot(path=str(SCREENSHOTS / "document.png"))


@pytest.fixture
def two_cities(embedded_store: GraphStore) -> Iterator[Served]:
    from tests import region_graph

    with serving_graphs(embedded_store, region_graph.build()) as served:
        yield served


def test_switching_region_in_the_header_changes_the_map_and_is_remembered(browser: Any, two_cities: Served) -> None:
    from tests.region_graph import CHAIN, uid

    page = two_cities.page(browser)
    page.goto(f"{two_cities.url}/chains/{CHAIN}")
    text = " ".join(page.locator("article.segment").all_text_contents())
    assert "甲电池公司" in text and "乙储能公司" in text
    # choosing a region submits the picker at once (region.js) and keeps the page
    with page.expect_navigation():
        page.select_option("#region-select", uid("District", "甲市"))
    assert "region=" in page.url and "/chains/" in page.url
    assert page.locator("h1 .region-name").inner_text() == "甲市"
    text = " ".join(page.locator("article.segment").all_text_contents())
    assert "甲电池公司" in text and "乙储能公司" not in text
    assert page.locator("article.segment.state-stated_gap").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "chain-map-region-jia.png"), full_page=False)
    with page.expect_navigation():
        page.select_option("#region-select", uid("District", "乙市"))
    text = " ".join(page.locator("article.segment").all_text_contents())
    assert "乙储能公司" in text and "甲电池公司" not in text
    assert page.locator("article.segment.state-stated_gap").count() == 0
    # remembered: the home page (no parameter) is for 乙市
    page.goto(f"{two_cities.url}/")
    assert page.locator("h1 .region-name").inner_text() == "乙市"
    assert page.locator("#region-select").input_value() == uid("District", "乙市")
    page.screenshot(path=str(SCREENSHOTS / "home-region-yi.png"), full_page=False)
