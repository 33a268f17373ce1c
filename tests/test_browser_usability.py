"""The viewer as a 招商 team uses it, in a real headless Chromium (the harness of tests/browser_server.py).

A chain map with template links, placed firms and why they are placed, grey and red links, the side
panel folded and remembered; the region picker, remembered; the dashboard; paging of lists, search
and a node's relations; the chain picker where a chain is missing or unknown; the gap list's 补链 /
缺链主 switch; the explore legend and filters; the console's table and its Chinese errors (Neo4j).
Every page is also checked for what a user must not see: English relationship types, ``.0`` on whole
numbers, file names where a document is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from chainkg.graph.model import REL_TYPES
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from tests import region_graph, viewer_graph
from tests.browser_server import SCREENSHOTS, Served, serving, serving_graphs
from tests.conftest import SAMPLE

pytestmark = pytest.mark.browser

#: What a page must not show a user: a relationship type's identifier, a whole number with ".0".
RAW_TYPE = re.compile(r"\b(" + "|".join(REL_TYPES) + r")\b")
WHOLE_WITH_POINT = re.compile(r"(?<![\d.])\d+\.0(?![\d])")


def _plain(page: Any) -> str:
    """The text a user reads in the page's main part."""
    text: str = page.locator("main").inner_text()
    return text


@pytest.fixture
def templated(embedded_store: GraphStore) -> Iterator[Served]:
    graphs = viewer_graph.build(extra_firms=160)
    with serving_graphs(embedded_store, graphs, {"CHAIN_TEMPLATES": viewer_graph.TEMPLATES}) as served:
        yield served


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from chainkg.loaders.pipeline import build

    config = StoreConfig(path=tmp_path_factory.mktemp("sample") / "graph.json")
    store = open_store(config)
    build([SAMPLE], store)
    store.close()
    with serving(config) as served:
        yield served


def test_chain_map_template_links_reasons_colours_and_folded_side(browser: Any, templated: Served) -> None:
    page = templated.page(browser)
    page.goto(f"{templated.url}/chains/{viewer_graph.CHAIN}")
    template_links = page.locator("article.segment[data-origin='模板']")
    assert template_links.count() == 2
    assert {t.strip() for t in template_links.locator(".origin").all_inner_texts()} == {"模板"}
    # a placed firm: why it is on the link, as a tooltip and, once the link's firms are open, in words
    software = page.locator("article.segment", has_text="检测软件")
    firm = software.locator("ul.firm-list li").first
    assert firm.get_attribute("title") == "归入依据：证据句含该环节关键词：检测软件"
    assert not firm.is_visible()
    software.locator("details.firms > summary").click()
    assert firm.is_visible() and firm.locator(".why").inner_text() == "证据句含该环节关键词：检测软件"
    firm.locator("details.evidence summary").click()
    assert firm.locator("details.evidence q").inner_text() == "戊贸易公司主营检测软件。"
    # grey: no known local firm; red: a document calls it a gap
    grey = page.locator("article.segment.state-unknown")
    assert grey.count() == 1 and "待梳理" in grey.inner_text()
    assert grey.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(240, 240, 240)"
    red = page.locator("article.segment.state-stated_gap")
    assert red.count() == 1 and "运维服务" in red.inner_text()
    assert red.evaluate("e => getComputedStyle(e).borderTopColor") == "rgb(192, 57, 43)"
    # the side panel folds, and stays folded on the next chain map
    measures = page.locator("aside.chain-side section.measures")
    assert measures.is_visible()
    page.click("#side-toggle")
    assert not measures.is_visible()
    assert page.locator("#side-toggle").get_attribute("aria-expanded") == "false"
    page.reload()
    assert not page.locator("aside.chain-side section.measures").is_visible()
    page.click("#side-toggle")
    assert page.locator("aside.chain-side section.measures").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "usability-chain-map.png"), full_page=True)


def test_region_picker_switches_and_is_remembered(browser: Any, embedded_store: GraphStore) -> None:
    with serving_graphs(embedded_store, region_graph.build()) as served:
        page = served.page(browser)
        page.goto(f"{served.url}/chains/{region_graph.CHAIN}")
        with page.expect_navigation():
            page.select_option("#region-select", region_graph.uid("District", "甲市"))
        assert page.locator("h1 .region-name").inner_text() == "甲市"
        firms = " ".join(page.locator("article.segment").all_text_contents())
        assert "甲电池公司" in firms and "乙储能公司" not in firms
        # remembered on every page, with no parameter
        page.goto(f"{served.url}/lists/gaps")
        assert page.locator("h1 .region-name").inner_text() == "甲市"
        assert page.locator("#region-select").input_value() == region_graph.uid("District", "甲市")
        with page.expect_navigation():
            page.select_option("#region-select", "")
        page.goto(f"{served.url}/")
        assert page.locator("h1 .region-name").inner_text() == "全部地区"


def test_dashboard_and_populated_map_of_the_sample_corpus(browser: Any, sample: Served) -> None:
    page = sample.page(browser)
    page.goto(f"{sample.url}/")
    rows = page.locator("#chains tbody tr")
    assert rows.count() >= 10
    first = rows.first
    assert int(first.locator("td").nth(3).inner_text().split()[0]) >= 1, "chains ranked by their firms, most first"
    assert page.locator("ul.documents li").count() == 5
    assert not any(t.endswith(".txt") for t in page.locator("ul.documents li a").all_inner_texts())
    page.screenshot(path=str(SCREENSHOTS / "usability-dashboard.png"), full_page=True)
    with page.expect_navigation():
        first.locator("a.chain-link").click()
    assert page.locator("article.segment").count() >= 5
    assert page.locator("ul.firm-list li").count() >= 1
    text = _plain(page)
    assert not WHOLE_WITH_POINT.search(text), WHOLE_WITH_POINT.search(text)
    # targets from the sample are stored as 250.0: shown whole everywhere, on the targets list too
    page.goto(f"{sample.url}/lists/targets")
    assert not WHOLE_WITH_POINT.search(_plain(page))


def test_node_pages_name_relations_properties_and_documents_in_chinese(browser: Any, sample: Served) -> None:
    page = sample.page(browser)
    page.goto(f"{sample.url}/search?q=机床&label=IndustryChain")
    page.locator("#results li a").first.click()
    page.wait_for_url("**/nodes/*")
    text = _plain(page)
    assert not RAW_TYPE.search(text), RAW_TYPE.search(text)
    assert "category" not in text and "incubating" not in text and "industry-vocabulary" not in text
    assert "类别" in text and "产业名称词表" in text
    documents = page.locator("section.relations[data-type=MENTIONED_IN] li > a")
    assert documents.count() >= 1
    assert not any(name.endswith(".txt") for name in documents.all_inner_texts())
    page.goto(f"{sample.url}/explore/{page.url.rsplit('/', 1)[1]}?mentions=1")
    page.wait_for_selector("#network canvas")
    assert not RAW_TYPE.search(page.locator("#legend-types").inner_text())


def test_paging_of_lists_search_and_relations(browser: Any, templated: Served) -> None:
    page = templated.page(browser)
    page.goto(f"{templated.url}/lists/firms?chain={viewer_graph.chain_uid()}&sort=name")
    assert page.locator("#row-count").inner_text() == "166"
    assert page.locator("#list-table tbody tr").count() == 100
    assert "共 166 条" in page.locator("#pager").inner_text()
    first_page = page.locator("#list-table tbody tr td:first-child").all_inner_texts()
    page.click("#pager a.next")
    assert page.locator("#list-table tbody tr").count() == 66
    assert "第 2 / 2 页" in page.locator("#pager").inner_text().replace("\n", " ")
    second_page = page.locator("#list-table tbody tr td:first-child").all_inner_texts()
    assert not set(first_page) & set(second_page) and sorted(first_page + second_page)[0] == first_page[0]
    assert page.locator("#pager a.next").count() == 0, "no 下一页 link on the last page"
    page.click("#pager a.prev")
    assert page.locator("#list-table tbody tr").count() == 100
    # the API twin is paged the same way
    api = page.request.get(f"{templated.url}/api/lists/firms?chain={viewer_graph.chain_uid()}&page=2").json()
    assert api["total"] == 166 and len(api["rows"]) == 66 and api["paging"]["pages"] == 2
    # search results
    page.goto(f"{templated.url}/search?q=测试配套")
    assert page.locator("#result-count").inner_text() == "160"
    assert page.locator("#results li").count() == 100
    page.click("#pager a.next")
    assert page.locator("#results li").count() == 60
    # a node's long relation group: folded, with its count, and paged
    page.goto(f"{templated.url}/search?q=整机制造&label=ChainSegment")
    page.locator("#results li a").first.click()
    page.wait_for_url("**/nodes/*")
    group = page.locator("section.relations[data-type=IN_SEGMENT]")
    assert "161 条" in group.locator("summary").inner_text()
    assert not group.locator("li").first.is_visible(), "a long group starts folded"
    group.locator("summary").click()
    assert group.locator("li").count() == 50 and group.locator("li").first.is_visible()
    group.locator("a.more-relations").click()
    assert page.locator("section.relations").count() == 1
    assert page.locator("section.relations li").count() == 50
    assert "第 2 / 4 页" in page.locator("#relation-pager").inner_text().replace("\n", " ")
    page.screenshot(path=str(SCREENSHOTS / "usability-relations-paged.png"))


def test_chain_picker_where_a_chain_is_missing_or_unknown(browser: Any, templated: Served) -> None:
    page = templated.page(browser)
    page.goto(f"{templated.url}/lists/firms?district=东区")
    assert page.locator("#chain-picker").is_visible() and "请从下列产业链中选择" in _plain(page)
    page.fill("#picker-form input[name=q]", "测试装备")
    page.click("#picker-form button")
    choices = page.locator("#chain-picker a.chain-choice")
    assert choices.all_inner_texts() == [viewer_graph.CHAIN]
    choices.first.click()
    page.wait_for_url("**/lists/firms?*")
    assert "chain=" in page.url and "district=" in page.url
    assert page.locator("h1").inner_text().startswith("企业清单")
    assert page.locator("#list-table tbody tr").count() >= 1
    # an unknown chain: the picker says so and leads to the map
    response = page.goto(f"{templated.url}/chains/没有这条链")
    assert response is not None and response.status == 404
    assert "未找到" in page.locator("#picker-message").inner_text()
    page.locator("#chain-picker a.chain-choice", has_text=viewer_graph.CHAIN).click()
    page.wait_for_url("**/chains/*")
    assert page.locator("article.segment").count() == 7
    page.goto(f"{templated.url}/chains")
    assert page.locator("#chain-picker a.chain-choice").count() == 2
    templated.problems = [p for p in templated.problems if "404" not in p]  # the unknown chain's HTTP 404


def test_gap_list_defaults_to_link_gaps_with_a_switch(browser: Any, templated: Served) -> None:
    page = templated.page(browser)
    page.goto(f"{templated.url}/lists/gaps")
    kinds = page.locator("#list-table tbody tr td:nth-child(2)").all_inner_texts()
    assert kinds and "缺链主" not in kinds
    assert "短板：文件明确指出" in kinds and "待梳理：暂无已知本地企业" in kinds
    assert page.locator("#gap-switch .active").inner_text().startswith("补链")
    page.locator("#gap-switch a", has_text="缺链主").click()
    assert page.locator("#list-table tbody tr td:nth-child(2)").all_inner_texts() == ["缺链主"]
    # the fine filter by kind works on the page (it used to collide with the list's kind)
    page.locator("#gap-switch a", has_text="全部").click()
    page.select_option("#list-filters select[name=state]", "未梳理：文件无环节、无模板")
    page.click("#list-filters button")
    assert page.locator("#list-table tbody tr td:first-child").all_inner_texts() == ["空白产业"]


def test_explore_legend_and_filters(browser: Any, templated: Served) -> None:
    page = templated.page(browser)
    page.goto(f"{templated.url}/explore/{viewer_graph.chain_uid()}")
    page.wait_for_selector("#network canvas")
    legend = page.locator("#legend-labels")
    assert "企业" in legend.inner_text() and "环节" in legend.inner_text()
    firm_colour = (
        legend.locator("label", has_text="企业").locator(".swatch").evaluate("e => getComputedStyle(e).backgroundColor")
    )
    assert firm_colour == "rgb(41, 128, 185)"  # LABEL_COLOUR["Enterprise"]
    types = page.locator("#legend-types").inner_text()
    assert "环节" in types and not RAW_TYPE.search(types)
    total = int(page.locator("#network").get_attribute("data-shown") or 0)
    page.locator("#legend-labels input[data-label=ChainSegment]").uncheck()
    segments = int(re.search(r"环节（(\d+)）", legend.inner_text()).group(1))  # type: ignore[union-attr]
    assert int(page.locator("#network").get_attribute("data-shown") or 0) == total - segments
    assert "显示" in page.locator("#explore-status").inner_text()
    page.locator("#legend-labels input[data-label=ChainSegment]").check()
    assert int(page.locator("#network").get_attribute("data-shown") or 0) == total
    page.screenshot(path=str(SCREENSHOTS / "usability-explore.png"))


@pytest.mark.neo4j
def test_console_table_and_chinese_errors(browser: Any, neo4j_store: GraphStore) -> None:
    for graph in viewer_graph.build():
        neo4j_store.write_document(graph)
    with serving(neo4j_store.config) as served:  # type: ignore[attr-defined]
        page = served.page(browser)
        page.goto(f"{served.url}/console")
        page.fill("#cypher", "MATCH (e:Enterprise)-[r:CHAIN_OWNER_OF]->(c:IndustryChain) RETURN e, r, c, 2.0 AS n")
        page.click("#run-cypher")
        page.wait_for_selector("#console-results")
        cells = page.locator("#console-results tbody tr").first.locator("td")
        firm = cells.nth(0)
        assert firm.locator(".badge").inner_text() == "企业"
        assert firm.locator("a.node-link").inner_text() == "甲装备集团有限公司"
        assert cells.nth(1).inner_text() == "—链主→"
        assert cells.nth(3).inner_text() == "2"
        firm.locator("a.node-link").click()
        page.wait_for_url("**/nodes/*")
        assert page.locator("#node-name").inner_text() == "甲装备集团有限公司"
        page.go_back()
        page.fill("#cypher", "MATC (n) RETURN n")
        page.click("#run-cypher")
        page.wait_for_selector("#console-error:not([hidden])")
        error = page.locator("#console-error")
        assert error.locator(".error-message").inner_text().startswith("Cypher 语法错误")
        detail = error.locator("details.error-detail")
        assert "服务器原文" in detail.locator("summary").inner_text()
        assert "SyntaxError" in detail.locator("summary").inner_text()
        detail.locator("summary").click()
        assert "MATC" in detail.locator("pre").inner_text()
        page.screenshot(path=str(SCREENSHOTS / "usability-console-error.png"))
        page.fill("#cypher", "MATCH (n) DETACH DELETE n")
        page.click("#run-cypher")
        expect(page.locator("#console-error .error-message")).to_contain_text("只读")
        served.problems = [p for p in served.problems if "400" not in p]  # the refused statements' HTTP 400
