"""Remake the viewer's screenshots in docs/screenshots/: ``python -m bench.screenshots [--out FOLDER]``.

Not a benchmark: it lives beside them because, like them, it builds graphs and drives the viewer from
a checkout. It serves the viewer on a free port of 127.0.0.1 and photographs pages in Debian's headless
Chromium (``/usr/bin/chromium``, driven by Playwright, as the browser tests do):

* ``dashboard.png``: the home page a newcomer sees after ``tools/run.sh``: the sample corpus
  (examples/corpus) and the generated firm list it imports (fictional firms, ``bench.firm_data``), every
  chain ranked by its firms and gaps;
* ``chain_map_sample.png``: that graph's 智能物流装备 map for 湖州市吴兴区, its firms placed by their 经营范围;
* ``chain_map.png``: the test chain of ``tests/viewer_graph.py`` with its chain template
  (tests/fixtures/templates), so it shows links from the documents and from the template, firms placed
  on links with the reason (firm lists open), a grey 待梳理 link and a red 短板 link.

Same inputs, same pictures: run it after a change to the pages.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import ViewportSize, sync_playwright
from werkzeug.serving import make_server

from bench import firm_data
from bench.chromium import ARGS, CHROMIUM
from chainkg.graph.store import StoreConfig, open_store
from chainkg.loaders.firm_import import import_firms
from chainkg.loaders.pipeline import build
from chainkg.webapp import create_app
from tests import viewer_graph

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT: ViewportSize = {"width": 1500, "height": 1000}


@contextmanager
def served(config: StoreConfig, test_config: dict[str, Any] | None = None) -> Iterator[str]:
    """The viewer over ``config`` on a free port of 127.0.0.1, for the ``with`` block; yields its URL."""
    app = create_app(config, test_config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        app.extensions["chainkg_store"].close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Remake the viewer's screenshots.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="chainkg-screenshots-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport=VIEWPORT, locale="zh-CN")

        sample = StoreConfig(path=Path(tmp) / "sample.json")
        store = open_store(sample)
        build([ROOT / "examples" / "corpus"], store)
        firms = firm_data.write(Path(tmp) / "generated_firms.csv", 300)
        import_firms(firms, store, title="生成的示例企业名单（虚构企业）")
        store.close()
        with served(sample) as url:
            page.goto(f"{url}/")
            page.screenshot(path=str(args.out / "dashboard.png"), full_page=True)
            page.goto(f"{url}/chains/智能物流装备?region=湖州市吴兴区")
            for summary in page.locator("article.segment details.firms > summary").all():
                summary.click()
            page.screenshot(path=str(args.out / "chain_map_sample.png"), full_page=True)

        test_chain = StoreConfig(path=Path(tmp) / "test-chain.json")
        store = open_store(test_chain)
        for graph in viewer_graph.build(extra_firms=12):
            store.write_document(graph)
        store.close()
        with served(test_chain, {"CHAIN_TEMPLATES": viewer_graph.TEMPLATES}) as url:
            page.goto(f"{url}/chains/{viewer_graph.CHAIN}")
            for summary in page.locator("article.segment details.firms > summary").all():
                summary.click()
            page.screenshot(path=str(args.out / "chain_map.png"), full_page=True)
        browser.close()
    print(f"wrote dashboard.png, chain_map_sample.png and chain_map.png in {args.out}")


if __name__ == "__main__":
    main()
