"""A firm list with bad rows, imported and looked at in a real headless Chromium.

What a user who just ran ``chainkg import firms`` expects to find in the viewer: the list as a document
whose page says what the import did (rows read, firms imported, each bad row with its line and reason)
and names the firms it brought, each firm's page with the row's properties.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chainkg.graph.store import GraphStore, StoreConfig
from chainkg.loaders.firm_import import import_firms
from chainkg.loaders.firm_table import with_check_digit
from tests.browser_server import Served, serving

pytestmark = pytest.mark.browser


@pytest.fixture
def imported(embedded_store: GraphStore, tmp_path: Path) -> Iterator[tuple[Served, str]]:
    path = tmp_path / "招商企业名单.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["企业名称", "统一社会信用代码", "所属城市", "所属区县", "经营范围", "专精特新"])
        writer.writerow(
            ["湖州澜珩智能装备有限公司", with_check_digit("91330502MA2B0001A"), "湖州市", "吴兴区", "堆垛机", "是"]
        )
        writer.writerow(["", "", "湖州市", "吴兴区", "", ""])
        writer.writerow(["平湖翊岚电子有限公司", "91330482MA2B0002B0", "嘉兴市", "平湖市", "", ""])
        writer.writerow(["<script>alert(1)</script>有限公司", "", "湖州市", "南浔区", "", ""])
    report = import_firms(path, embedded_store)
    embedded_store.close()
    with serving(StoreConfig(path=embedded_store.path)) as served:  # type: ignore[attr-defined]
        yield served, report.document


def test_import_report_and_firms_in_the_viewer(browser: Any, imported: tuple[Served, str]) -> None:
    served, document = imported
    page = served.page(browser)
    page.goto(f"{served.url}/documents/{document}")
    assert "企业名单（导入）" in page.locator("table.props").inner_text()
    text = page.locator("#source-text").inner_text()
    assert "读取 4 行，导入 2 家企业" in text and "错误行 2 行" in text
    assert "第3行：缺少企业名称" in text and "第4行：统一社会信用代码“91330482MA2B0002B0”校验位错误" in text
    mentions = page.locator("ul.mentions").inner_text()
    assert "湖州澜珩智能装备有限公司" in mentions and "<script>alert(1)</script>有限公司" in mentions
    page.locator("ul.mentions a", has_text="湖州澜珩智能装备有限公司").click()
    props = page.locator("table.props").first.inner_text()
    assert "专精特新" in props and "招商企业名单.csv 第2行" in props
