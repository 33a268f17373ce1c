"""How fast the viewer draws a big chain map, and how its API holds up under 20 clients.

Run ``python -m bench.viewer [--scale 0.04] [--requests 1000] [--seconds 60] [--store embedded|neo4j|both]
[--region-chains 20] [--region-only]``.
It generates the industry-chain graph (:mod:`bench.large_graph`; at scale 0.04 its chains have
about 900 to 3,600 firms), stores it in an embedded store file (or bulk-loads it into a local
Neo4j started for the run), serves the viewer on 127.0.0.1, picks the chain whose firm count is
closest to 2,000, and prints:

1. time to first render of that chain map in headless Chromium (``/usr/bin/chromium``):
   first contentful paint and load end, first visit (nothing of the chain cached by the
   server) and the median of later visits; then one uncached API call for another chain;
2. the chain-map API (``/api/chains/<uid>``) under 20 concurrent keep-alive clients: p50, p95,
   max and requests/s, over a bounded number of requests and a bounded time;
3. the chain map with and without a region filter (``--region-chains`` chains): each chain's map
   asked once, nothing of it cached, by a viewer whose regions are gathered (timed on their own, as
   ``chainkg serve`` gathers them before it listens), unfiltered and filtered to the city most of
   its firms are in, each by a fresh viewer: p50 and p95 over the chains.

Aims: first render ≤ 1.5 s, API p95 ≤ 150 ms.

With ``--documents N`` it runs :mod:`bench.viewer_load` instead: a generated N-document corpus
built into each store, ``chainkg serve`` under 20 clients on chain maps and search, p50/p95 per
endpoint (``python -m bench.viewer --documents 300 --store both``).
"""

from __future__ import annotations

import argparse
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

from bench.chromium import ARGS, CHROMIUM
from bench.http_load import get, percentiles, run_clients
from bench.large_graph import build_graph, iter_edges, iter_nodes
from chainkg import queries
from chainkg.graph.store import StoreConfig, open_store
from chainkg.webapp import chains as chain_pages
from chainkg.webapp import create_app, open_now
from chainkg.webapp import region as region_pages

_NEO4J_PASSWORD = "chainkg-bench-password"


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
    load = run_clients(port, [("api", path)] * requests, clients, seconds)
    p50, p95, top = percentiles(load.latencies["api"])
    errors = len(load.errors["api"])
    return {"n": load.count(), "errors": errors, "p50": p50, "p95": p95, "max": top, "rps": load.count() / load.seconds}


def _cold_maps(config: StoreConfig, urls: list[str]) -> tuple[float, list[float]]:
    """A fresh viewer: seconds to open it and gather its regions, then ms of each URL asked once (in-process)."""
    app = create_app(config)
    try:
        started = time.perf_counter()
        open_now(app, keep_warm=False)  # nothing of the chains built before they are asked
        opened = time.perf_counter() - started
        client = app.test_client()
        times = []
        for url in urls:
            started = time.perf_counter()
            answer = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 200:
                raise SystemExit(f"{url}: {answer.status_code}")
        return opened, times
    finally:
        app.extensions["chainkg_store"].close()


def _city_of_firms(app: Any, chain_uid: str) -> str | None:
    """The city most of the chain's firms are in (by the region rule)."""
    with app.app_context():
        rg = region_pages.regions()
        pic = chain_pages.picture(chain_uid)
        counts: dict[str, int] = {}
        for firm in pic["placements"] if pic else {}:
            for place in rg.regions_of(firm):
                found = rg.region(place)
                if found and found["level"] == "city":
                    counts[place] = counts.get(place, 0) + 1
    return max(sorted(counts), key=counts.__getitem__) if counts else None


def _region_case(config: StoreConfig, chains: list[dict[str, Any]], sample: int) -> None:
    """Cold chain maps of ``sample`` chains without and with a region filter; p50/p95 of each."""
    picked = sorted(chains, key=lambda c: (-c["firms"], c["uid"]))[:sample]
    app = create_app(config)
    try:
        open_now(app, keep_warm=False)  # nothing of the chains built before they are asked
        cities = {c["uid"]: _city_of_firms(app, c["uid"]) for c in picked}
    finally:
        app.extensions["chainkg_store"].close()
    picked = [c for c in picked if cities[c["uid"]]]
    plain_open, plain = _cold_maps(config, [f"/api/chains/{c['uid']}" for c in picked])
    region_open, scoped = _cold_maps(config, [f"/api/chains/{c['uid']}?region={cities[c['uid']]}" for c in picked])
    for label, opened, times in (("without a region", plain_open, plain), ("with a region", region_open, scoped)):
        q = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
        print(
            f"chain map {label:<16} ({len(times)} chains, each asked once, nothing cached): p50 {q[49]:.0f} ms, "
            f"p95 {q[94]:.0f} ms, max {max(times):.0f} ms; viewer opened and regions gathered in {opened:.1f} s"
        )


def _measure(config: StoreConfig, args: argparse.Namespace) -> None:
    """Serve the viewer over ``config`` and print the render and API figures for the ~2,000-firm chain; then the
    region case."""
    if not args.region_only:
        _measure_served(config, args)
    if args.region_chains:
        with open_store(config) as store:
            chains = queries.run(store, "chain_list")
        _region_case(config, chains, args.region_chains)


def _measure_served(config: StoreConfig, args: argparse.Namespace) -> None:
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        t1 = time.perf_counter()
        _status, body = get(port, "/api/overview")
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
        _status, body = get(port, f"/api/chains/{other['uid']}")
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
    parser.add_argument("--region-chains", type=int, default=20, help="chains of the region case (0: none)")
    parser.add_argument("--region-only", action="store_true", help="only the region case")
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
