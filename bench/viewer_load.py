"""The viewer under load: 20 clients on chain maps and search, a 300-document graph, both stores.

Run ``python -m bench.viewer_load [--documents 300] [--clients 20] [--requests 3000] [--store both]``
(``python -m bench.viewer --documents 300`` runs the same). It generates a corpus from the samples
(:func:`bench.extraction.generate`), builds it into a fresh embedded store file and into a local
Neo4j started for the run, and for each store starts ``chainkg serve`` in its own process, the way
a user does (so the clients below do not share the server's interpreter). When the viewer answers
its home page, ``--clients`` keep-alive clients send ``--requests`` GETs in all, each a URL drawn
at random (seeded) from:

* chain map page ``/chains/<uid>`` and its API ``/api/chains/<uid>``, for every chain, unfiltered
  and filtered to the chain's first district;
* search page ``/search?q=`` and its API ``/api/search?q=``, for terms taken from the graph's names
  (chain, district and firm names, and two-character prefixes of them).

Nothing is asked before the clients start: the first request for each URL is answered from the
store or from what the viewer warmed by itself, later ones may come from the viewer's caches. The load
runs twice per store, each time on a fresh server: clients at once (as soon as the home page answers,
while the server still warms its chain maps in the background) and clients once it has warmed them (it
logs so). It prints, per run and endpoint, requests, errors, p50, p95 and max (ms), and the load average
before and after (the machine's other work shows in every figure). Aim: p95 ≤ 300 ms for every endpoint
on both stores.
``--server-args`` passes extra options to ``chainkg serve`` (e.g. ``--development``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from bench.extraction import generate
from bench.http_load import Load, free_port, get, percentiles, run_clients
from chainkg.graph.store import StoreConfig, open_store

PASSWORD = "chainkg-bench-password"
CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
#: What ``chainkg -v serve`` logs once its chain maps are warmed (``open_now``: pictures and map rows).
WARMED = ("chain pictures warmed:", "chain map rows warmed:")


def _build(config: StoreConfig, corpus: Path, workers: int) -> str:
    from chainkg.loaders.pipeline import build

    started = time.perf_counter()
    with open_store(config) as store:
        report = build([corpus], store, workers=workers)
        counts = store.counts()
    if report.errors:
        raise SystemExit(f"build failed: {report.errors[:3]}")
    nodes = sum(v for k, v in counts.items() if k[:1].isupper() and not k.isupper())
    return f"{len(report.loaded)} documents, {nodes:,} nodes, built in {time.perf_counter() - started:.0f} s"


class Server:
    """``chainkg serve`` over ``config`` in a child process, until :meth:`stop`."""

    def __init__(self, config: StoreConfig, extra: list[str]) -> None:
        self.port = free_port()
        # -v: the server logs when it has warmed every chain map (:meth:`wait_warmed`)
        serve = ["-v", "serve", "--port", str(self.port)]
        args = [sys.executable, "-c", "from chainkg.cli import main; main()", *serve, *extra]
        if config.neo4j_uri:
            args += ["--neo4j-uri", config.neo4j_uri, "--neo4j-password", config.neo4j_password or ""]
        else:
            args += ["--store", str(config.path)]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.output: list[str] = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def wait_ready(self, timeout: float = 600) -> float:
        """Seconds until the home page answers 200 (the store is opened by then)."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.process.poll() is not None:
                raise SystemExit("chainkg serve exited:\n" + "".join(self.output))
            try:
                if get(self.port, "/")[0] == 200:
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("chainkg serve did not answer in time:\n" + "".join(self.output))

    def wait_warmed(self, timeout: float = 900) -> float:
        """Seconds until the server logs that every chain map is warmed (``StoreHolder.keep_warm``)."""
        started = time.perf_counter()
        while not all(any(w in line for line in self.output) for w in WARMED):
            if self.process.poll() is not None or time.perf_counter() - started > timeout:
                raise SystemExit("chainkg serve did not warm its chain maps:\n" + "".join(self.output))
            time.sleep(0.2)
        return time.perf_counter() - started

    def stop(self) -> None:
        self.process.send_signal(2)  # Ctrl-C
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _urls(port: int, terms: int, seed: int) -> list[tuple[str, str]]:
    """``(endpoint, url)`` pairs: chain maps of every chain (unfiltered and by one district) and searches."""
    chains = json.loads(get(port, "/api/overview")[1])["chains"]
    pairs: list[tuple[str, str]] = []
    words: set[str] = set()
    for chain in chains:
        uid = chain["uid"]
        words.add(chain["name"])
        # The API twin of the page: where the firm and district names for search come from (not timed).
        data = json.loads(get(port, f"/api/chains/{uid}")[1])
        districts = data["distribution"]["districts"]
        variants = [""] + ([f"?district={quote(districts[0]['uid'])}"] if districts else [])
        for variant in variants:
            pairs.append(("chain map page", f"/chains/{uid}{variant}"))
            pairs.append(("chain map API", f"/api/chains/{uid}{variant}"))
        for d in districts[:3]:
            words.add(d["name"])
        for column in data.get("columns", []):
            for segment in column["segments"]:
                for firm in segment.get("firms", [])[:3]:
                    words.add(firm["name"])
    rng = random.Random(seed)
    pool = sorted(words | {w[:2] for w in words if len(w) > 2})
    for word in rng.sample(pool, min(terms, len(pool))):
        pairs.append(("search page", f"/search?q={quote(word)}"))
        pairs.append(("search API", f"/api/search?q={quote(word)}"))
    return pairs


def _load(port: int, pairs: list[tuple[str, str]], clients: int, requests: int, seed: int) -> Load:
    rng = random.Random(seed)
    return run_clients(port, [pairs[rng.randrange(len(pairs))] for _ in range(requests)], clients)


def _table(result: Load, aim: float) -> list[str]:
    lines = [f"  {'endpoint':<16} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}"]
    for endpoint in ("chain map page", "chain map API", "search page", "search API"):
        values = result.latencies.get(endpoint, [])
        errs = result.errors.get(endpoint, [])
        if len(values) < 2:
            lines.append(f"  {endpoint:<16} {len(values):>8} {len(errs):>6}")
            continue
        p50, p95, top = percentiles(values)
        flag = "" if p95 <= aim else "  over the aim"
        lines.append(f"  {endpoint:<16} {len(values):>8} {len(errs):>6} {p50:>7.0f} {p95:>7.0f} {top:>7.0f}{flag}")
        lines += [f"    error: {e}" for e in errs[:3]]
    n = result.count()
    lines.append(f"  {n} requests in {result.seconds:.1f} s ({n / result.seconds:.0f} req/s)")
    return lines


def measure(label: str, config: StoreConfig, args: argparse.Namespace) -> None:
    """The load twice, each from a fresh server: clients from the moment it answers (its chain maps are being
    warmed meanwhile), then clients once it has warmed them."""
    server = Server(config, shlex.split(args.server_args))
    try:
        server.wait_ready()
        pairs = _urls(server.port, args.terms, args.seed)
    finally:
        server.stop()  # _urls asked each chain's unfiltered API once; the runs start from servers with empty caches
    print(f"[{label}] {len(pairs)} distinct URLs, {args.requests} requests, {args.clients} clients")
    for when in ("at once", "warmed"):
        server = Server(config, shlex.split(args.server_args))
        try:
            ready = server.wait_ready()
            note = f"server ready in {ready:.1f} s"
            if when == "warmed":
                note += f", chain maps warmed {server.wait_warmed():.1f} s later"
            print(f"  clients {when} ({note}; load average before: {_load_average()})")
            result = _load(server.port, pairs, args.clients, args.requests, args.seed)
            for line in _table(result, args.aim):
                print("  " + line)
            print(f"    load average after: {_load_average()}")
        finally:
            server.stop()


def _load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--terms", type=int, default=60, help="distinct search terms")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", choices=("embedded", "neo4j", "both"), default="both")
    parser.add_argument("--server-args", default="", help="extra options of chainkg serve")
    parser.add_argument("--aim", type=float, default=300.0, help="p95 aim in ms")
    parser.add_argument("--workers", type=int, default=max(1, os.cpu_count() or 1), help="build processes")
    parser.add_argument("--keep", type=Path, default=None, help="build in (and reuse) this folder")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        corpus = folder / f"corpus-{args.documents}"
        if not corpus.exists():
            corpus.mkdir(parents=True)
            generate(CORPUS, corpus, args.documents)
        if args.store in ("embedded", "both"):
            config = StoreConfig(path=folder / f"graph-{args.documents}.json")
            if not config.path.exists():
                print(f"[embedded] {_build(config, corpus, args.workers)}")
            measure("embedded", config, args)
        if args.store in ("neo4j", "both"):
            from chainkg import local_neo4j

            home = folder / "neo4j"
            fresh = not home.exists()
            info = local_neo4j.start(home, port=0, password=PASSWORD)
            try:
                config = StoreConfig(neo4j_uri=info.uri, neo4j_password=PASSWORD)
                if fresh:
                    print(f"[neo4j] {_build(config, corpus, args.workers)}")
                measure("neo4j", config, args)
            finally:
                local_neo4j.stop(home, missing_ok=True)


if __name__ == "__main__":
    main()
