"""In a real headless Chromium: a region's chain map shows its confirmed gaps and their leads; a gap link opens
its 招商目标清单, which exports as CSV (tests/leads_graph.py: 甲市 and 乙市 imported their firm lists)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

from chainkg.graph.store import GraphStore
from tests import leads_graph
from tests.browser_server import SCREENSHOTS, Served, serving_graphs
from tests.leads_graph import CHAIN, uid

pytestmark = pytest.mark.browser


@pytest.fixture
def firm_lists(embedded_store: GraphStore) -> Iterator[Served]:
    with serving_graphs(embedded_store, leads_graph.build()) as served:
        yield served


def test_a_gap_link_opens_its_ranked_leads_and_exports_them(browser: Any, firm_lists: Served) -> None:
    page = firm_lists.page(browser)
    page.goto(f"{firm_lists.url}/chains/{CHAIN}?region={uid('District', '甲市')}")
    # 甲市's list is imported: its empty links are confirmed gaps (red), its stated gap stays one
    assert page.locator("article.segment.state-confirmed_gap").count() == 5
    assert page.locator("article.segment.state-stated_gap").count() == 1
    conveyors = page.locator("article.segment[data-uid='template:智能物流装备:输送分拣设备']")
    conveyors.locator("details.firms > summary").click()
    on_map = conveyors.inner_text()
    assert "甲输送设备有限公司" in on_map and "经营范围含该环节产品：输送线、分拣机" in on_map
    stacker = page.locator("article.segment[data-uid='template:智能物流装备:自动化立体仓库']")
    assert "乙仓储装备有限公司" in stacker.locator(".lead-list").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "chain-map-confirmed-gaps.png"), full_page=False)
    with page.expect_navigation():
        stacker.locator("a.leads-link").click()
    assert "/leads?" in page.url
    rows = page.locator("#leads-table tbody tr")
    assert rows.count() == 1
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[1] == "乙仓储装备有限公司" and cells[2] == "自动化立体仓库"
    assert "专精特新" in cells[5] and "注册资本 5000万元" in cells[5] and "乙市企业名单.xlsx 第2行" in cells[5]
    # all gap links: every lead, best first; 甲市's own firms are none of them
    with page.expect_navigation():
        page.locator("#gap-links a").first.click()
    names = page.locator("#leads-table tbody tr td:nth-child(2)").all_inner_texts()
    assert names[0] == "乙仓储装备有限公司" and "丙机器人有限公司" in names
    assert not any(n.startswith("甲") for n in names)
    page.screenshot(path=str(SCREENSHOTS / "leads.png"), full_page=False)
    with page.expect_download() as download:
        page.click("#export-csv")
    body = download.value.path().read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert table[0][:3] == ["序号", "企业名称", "补链环节"]
    assert [r[1] for r in table[1:]] == names
    assert download.value.suggested_filename == "招商目标清单-智能物流装备-甲市.csv"


def test_without_a_region_the_list_asks_for_one(browser: Any, firm_lists: Served) -> None:
    page = firm_lists.page(browser)
    page.goto(f"{firm_lists.url}/leads?chain={CHAIN}&region=")
    assert page.locator("#choose-region").is_visible()
    assert page.locator("#leads-table tbody tr td.empty").count() == 1
