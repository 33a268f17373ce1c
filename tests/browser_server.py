"""The viewer served to a real headless Chromium, for every browser test (the ``browser`` fixture is in conftest.py).

The app is served by werkzeug on 127.0.0.1 in a thread. Every request the page makes that is
not to 127.0.0.1 is blocked and fails the test (the viewer must work with no internet); every
console error, page error and dialog fails it too (a markup name that ran as script would
open one). Screenshots go to a temporary folder, or to ``$CHAINKG_SCREENSHOTS`` when set
(``CHAINKG_SCREENSHOTS=docs/screenshots ./tools/test.sh tests/test_browser.py`` refreshes
the README's pictures), so a test run never rewrites tracked files.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from werkzeug.serving import make_server

from chainkg.graph.model import Graph
from chainkg.graph.store import GraphStore, StoreConfig
from chainkg.webapp import create_app

SCREENSHOTS = Path(os.environ.get("CHAINKG_SCREENSHOTS") or tempfile.mkdtemp(prefix="chainkg-screenshots-"))
SCREENSHOTS.mkdir(parents=True, exist_ok=True)


class Served:
    """The viewer on a free port of 127.0.0.1, and what the browser did that it must not."""

    def __init__(self, config: StoreConfig, test_config: dict[str, Any] | None = None) -> None:
        self.app = create_app(config, test_config)
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.problems: list[str] = []

    def page(self, browser: Any) -> Any:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 1000}, locale="zh-CN")
        page = context.new_page()

        def route(r: Any) -> None:
            if urlsplit(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                self.problems.append(f"request left 127.0.0.1: {r.request.url}")
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        return page

    def close(self) -> None:
        self.server.shutdown()
        self.thread.join(5)
        self.app.extensions["chainkg_store"].close()


@contextmanager
def serving(config: StoreConfig, test_config: dict[str, Any] | None = None) -> Iterator[Served]:
    """The viewer over ``config`` while the block runs; a block that ends normally must have caused no problem."""
    served = Served(config, test_config)
    try:
        yield served
    finally:
        served.close()
    assert served.problems == []


@contextmanager
def serving_graphs(
    store: GraphStore, graphs: Iterable[Graph], test_config: dict[str, Any] | None = None
) -> Iterator[Served]:
    """:func:`serving` over the embedded ``store`` once ``graphs`` are written into it."""
    for graph in graphs:
        store.write_document(graph)
    store.flush()
    with serving(StoreConfig(path=store.path), test_config) as served:  # type: ignore[attr-defined]
        yield served
