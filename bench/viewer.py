"""How fast the viewer draws a big chain map, and how its API holds up under 20 clients.

Run ``python -m bench.viewer [--scale 0.04] [--requests 1000] [--seconds 60] [--store embedded|neo4j|both]``.
It generates the industry-chain graph (:mod:`bench.large_graph`; at scale 0.04 its chains have
about 900 to 3,600 firms), stores it in an embedded store file (or bulk-loads it into a local
Neo4j started for the run), serves the viewer on 127.0.0.1, picks the chain whose firm count is
closest to 2,000, and prints:

1. time to first render of that chain map in headless Chromium (``/usr/bin/chromium``):
   first contentful paint and load end, first visit (nothing of the chain cached by the
   server) and the median of later visits; then one uncached API call for another chain;
2. the chain-map API (``/api/chains/<uid>``) under 20 concurrent keep-alive clients: p50, p95,
   max and requests/s, over a bounded number of requests and a bounded time.

Aims: first render ≤ 1.5 s, API p95 ≤ 150 ms.

With ``--documents N`` it runs :mod:`bench.viewer_load` instead: a generated N-document corpus
built into each store, ``chainkg serve`` under 20 clients on chain maps and search, p50/p95 per
endpoint (``python -m bench.viewer --documents 300 --store both``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

from bench.large_graph import build_graph, iter_edges, iter_nodes
from chainkg.graph.store import StoreConfig, open_store
from chainkg.webapp import create_app

CHROMIUM = "/usr/bin/chromium"
_NEO4J_PASSWORD = "chainkg-bench-password"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def _render_times(base: str, path: str, visits: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(visits):
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(base + path, wait_until="load")
            page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0")
            timing = page.evaluate(
                "(() => { const nav = performance.getEntriesByType('navigation')[0];"
                " const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
                " return {fcp: fcp.startTime, load: nav.loadEventEnd, response: nav.responseEnd,"
                " segments: document.querySelectorAll('article.segment').length,"
                " firms: document.querySelectorAll('ul.firm-list li').length}; })()"
            )
            out.append(timing)
            page.close()
        browser.close()
    return out


def _load_test(port: int, path: str, clients: int, requests: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    remaining = [requests]

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if remaining[0] <= 0 or time.perf_counter() > deadline:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(str(response.status))
            except (OSError, http.client.HTTPException) as exc:
                errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "n": len(latencies),
        "errors": len(errors),
        "p50": q[49],
        "p95": q[94],
        "max": latencies[-1],
        "rps": len(latencies) / elapsed,
    }


def _measure(config: StoreConfig, args: argparse.Namespace) -> None:
    """Serve the viewer over ``config`` and print the render and API figures for the ~2,000-firm chain."""
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        t1 = time.perf_counter()
        _status, body = _get(port, "/api/overview")
        chains = json.loads(body)["chains"]
        chain, other = sorted(chains, key=lambda c: abs(c["firms"] - 2000))[:2]
        print(
            f"chain: {chain['name']} ({chain['uid']}), {chain['firms']} firms, {chain['segments']} links, "
            f"{chain['gaps']} gaps; store opened and overview in {time.perf_counter() - t1:.1f} s"
        )
        path = f"/chains/{chain['uid']}"
        times = _render_times(f"http://127.0.0.1:{port}", path, args.visits)
        first, warm = times[0], times[1:] or times
        print(
            f"first render, first visit (fresh browser, nothing of this chain cached by the server): first "
            f"contentful paint {first['fcp']:.0f} ms, HTML received {first['response']:.0f} ms, "
            f"load {first['load']:.0f} ms ({first['segments']} links, {first['firms']} firm rows drawn)"
            "  [aim ≤ 1500 ms]"
        )
        print(
            f"first render (median of {len(warm)} later visits): first contentful paint "
            f"{statistics.median(t['fcp'] for t in warm):.0f} ms, "
            f"load {statistics.median(t['load'] for t in warm):.0f} ms"
        )
        t2 = time.perf_counter()
        _status, body = _get(port, f"/api/chains/{other['uid']}")
        print(
            f"uncached chain-map API call for another chain ({other['firms']} firms): "
            f"{(time.perf_counter() - t2) * 1000:.0f} ms, {len(body):,} bytes"
        )
        result = _load_test(port, "/api" + path, args.clients, args.requests, args.seconds)
        print(
            f"API /api{path} with {args.clients} clients: {result['n']} requests, {result['errors']} errors, "
            f"p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms, max {result['max']:.0f} ms, "
            f"{result['rps']:.1f} req/s  [aim p95 ≤ 150 ms]"
        )
    finally:
        server.shutdown()
        app.extensions["chainkg_store"].close()


def main() -> None:
    if any(a == "--documents" or a.startswith("--documents=") for a in sys.argv[1:]):
        from bench import viewer_load

        viewer_load.main(sys.argv[1:])  # the same options, --store and --clients among them
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.04)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="at most this many API requests")
    parser.add_argument("--seconds", type=float, default=60.0, help="and for at most this long")
    parser.add_argument("--visits", type=int, default=5, help="browser visits of the chain map")
    parser.add_argument("--store", choices=("embedded", "neo4j", "both"), default="embedded")
    parser.add_argument("--documents", type=int, help="instead: python -m bench.viewer_load (see there)")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request

    with tempfile.TemporaryDirectory() as tmp:
        if args.store in ("embedded", "both"):
            t0 = time.perf_counter()
            graph = build_graph(args.scale, args.seed)
            config = StoreConfig(path=Path(tmp) / "graph.json")
            store = open_store(config)
            store.write_document(graph)
            store.close()
            print(
                f"[embedded] graph: {len(graph.nodes):,} nodes, {len(graph.edges):,} relationships "
                f"(generated and stored in {time.perf_counter() - t0:.1f} s)"
            )
            del graph
            _measure(config, args)
        if args.store in ("neo4j", "both"):
            from chainkg import local_neo4j

            home = Path(tmp) / "neo4j"
            info = local_neo4j.start(home, port=0, password=_NEO4J_PASSWORD)
            try:
                config = StoreConfig(neo4j_uri=info.uri, neo4j_password=_NEO4J_PASSWORD)
                t0 = time.perf_counter()
                with open_store(config) as neo4j:
                    neo4j.bulk_load(iter_nodes(args.scale, args.seed), iter_edges(args.scale, args.seed))  # type: ignore[attr-defined]
                print(f"[neo4j] generated graph bulk-loaded in {time.perf_counter() - t0:.1f} s")
                _measure(config, args)
            finally:
                local_neo4j.stop(home, missing_ok=True)


if __name__ == "__main__":
    main()
