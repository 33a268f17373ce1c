"""Load the generated industry-chain graph into a fresh local Neo4j and print how fast, and how fast it answers.

Run ``python -m bench.neo4j_load [--scale 1.0]``. It starts its own server in a
temporary folder, then:

1. loads a small generated graph (the same generator at ``--sample-scale``) one
   query per row, each its own auto-commit transaction as a naive loader does,
   to give the ratio against the bulk loader;
2. empties the database and loads the whole generated graph
   (:mod:`bench.large_graph`) with :meth:`chainkg.graph.neo4j_store.Neo4jStore.bulk_load`,
   printing nodes/s, relationships/s and elements/s (generation included:
   the generator streams, as a real export file would be read; its cost alone
   is measured first in a pass that loads nothing), and the time Neo4j then
   takes to build the name and full-text indexes, reported apart;
3. times the chain-map queries and full-text search of the query registry on
   that graph (p50/p95), and prints the loader process's peak memory;
4. loads the same graph again with Neo4j's offline importer
   (:func:`chainkg.local_neo4j.import_graph`, ``chainkg neo4j import``), which
   replaces the database: the importer's files written from the streamed graph
   (by ``--import-workers`` processes, each generating and writing its share),
   the import, and the restart with the search indexes, each timed; the
   importer's peak memory; and the same queries on the imported database.

The bulk loader is the route for any server (remote, cluster, Aura) and for
merging into a graph; the importer is the first load of a big graph into the
local server. Both store the same database (``tests/test_neo4j_import.py``).
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.large_graph import Sizes, _Plan, iter_edges, iter_nodes
from chainkg import local_neo4j, queries
from chainkg.graph.model import Edge, Node
from chainkg.graph.neo4j_store import Neo4jStore, _label, _rel_type, edge_props, node_props
from chainkg.graph.store import StoreConfig

PASSWORD = "chainkg-bench-pw"


def _per_row_load(store: Neo4jStore, scale: float, seed: int) -> tuple[int, float]:
    """The generated graph at a small ``scale``, one MERGE query per node and edge; returns (elements, seconds)."""
    nodes = [Node.from_dict(d) for d in iter_nodes(scale, seed)]
    edges = [Edge.from_dict(d) for d in iter_edges(scale, seed)]
    started = time.perf_counter()
    with store.driver.session() as session:
        for node in nodes:
            session.run(
                f"MERGE (n:Entity {{uid: $uid}}) SET n += $props, n:{_label(node.label)}",
                uid=node.uid,
                props=node_props(node.to_dict()),
            ).consume()
        for edge in edges:
            session.run(
                "MATCH (a:Entity {uid: $start}) MATCH (b:Entity {uid: $end}) "
                f"MERGE (a)-[r:{_rel_type(edge.type)}]->(b) SET r += $props",
                start=edge.start,
                end=edge.end,
                props=edge_props(edge.to_dict()),
            ).consume()
    return len(nodes) + len(edges), time.perf_counter() - started


def _wipe(store: Neo4jStore) -> None:
    with store.driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _run_for_chain(store: Neo4jStore, name: str, chain: str) -> list[dict[str, Any]]:
    return queries.run(store, name, {"chain": chain})


def _latencies(run: Callable[[Any], list[dict[str, Any]]], args: list[Any], repeat: int) -> tuple[float, float, int]:
    """(p50 ms, p95 ms, rows of the last run) over ``repeat`` runs cycling through ``args``; two warm-up rounds."""
    for arg in args[:2]:
        run(arg)
    times, rows = [], 0
    for i in range(repeat):
        started = time.perf_counter()
        rows = len(run(args[i % len(args)]))
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=20)
    return statistics.median(times), cuts[18], rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 ≈ 1,009,000 nodes, 5,070,000 relationships")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=20_000, help="rows per transaction of the bulk loader")
    parser.add_argument("--sample-scale", type=float, default=0.0005, help="scale of the per-row baseline's graph")
    parser.add_argument("--repeat", type=int, default=200, help="runs per timed query")
    parser.add_argument("--heap", default="4g")
    parser.add_argument("--pagecache-mb", type=int, default=4096, help="scale 1.0 makes a store of about 3 GiB")
    parser.add_argument(
        "--import-workers", type=int, default=os.cpu_count() or 1, help="processes writing the importer's files"
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep the server's data in this folder (not deleted)")
    args = parser.parse_args()

    home = args.keep or Path(tempfile.mkdtemp(prefix="chainkg-bench-neo4j-"))
    sizes = Sizes.of(args.scale)
    print(f"scale {args.scale}: generator sizes {sizes}")
    info = local_neo4j.start(
        home, port=0, password=PASSWORD, heap=args.heap, jvm_flags=[f"-Dchainkg.pagecache.mb={args.pagecache_mb}"]
    )
    print(f"Neo4j {info.uri} (heap {args.heap}, page cache {args.pagecache_mb} MiB) in {home}")
    try:
        store = Neo4jStore(StoreConfig(neo4j_uri=info.uri, neo4j_password=PASSWORD))
        try:
            baseline_rate = _run(store, args)
        finally:
            store.close()
        _import(home, args, baseline_rate)
    finally:
        local_neo4j.stop(home, missing_ok=True)
        if args.keep is None:
            shutil.rmtree(home, ignore_errors=True)


def _run(store: Neo4jStore, args: argparse.Namespace) -> float:
    """The per-row baseline, then the bulk load and its queries; returns the baseline's elements/s."""
    baseline_elements, baseline_seconds = _per_row_load(store, args.sample_scale, args.seed)
    baseline_rate = baseline_elements / baseline_seconds
    print(f"per-row loader: {baseline_elements} elements in {baseline_seconds:.1f} s = {baseline_rate:,.0f} elements/s")
    _wipe(store)

    started = time.perf_counter()
    generated = sum(1 for _ in iter_nodes(args.scale, args.seed)) + sum(1 for _ in iter_edges(args.scale, args.seed))
    generation = time.perf_counter() - started
    print(f"generator alone: {generated:,} elements in {generation:.1f} s (one core; the load below includes it)")

    marks: dict[str, float] = {}

    def progress(nodes: int, edges: int) -> None:
        if edges == 0:
            marks["nodes_done"] = time.perf_counter()
        else:
            marks["edges_done"] = time.perf_counter()

    started = time.perf_counter()
    report = store.bulk_load(
        iter_nodes(args.scale, args.seed), iter_edges(args.scale, args.seed), batch=args.batch, progress=progress
    )
    ended = time.perf_counter()
    node_seconds = marks["nodes_done"] - started
    edge_seconds = marks["edges_done"] - marks["nodes_done"]
    load_seconds = marks["edges_done"] - started
    total = report.nodes + report.edges
    rate = total / load_seconds
    path = "CREATE (empty database)" if report.created else "read back + MERGE"
    print(f"bulk loader ({path}): {report.nodes:,} nodes, {report.edges:,} relationships in {load_seconds:.1f} s")
    print(f"  nodes/s         {report.nodes / node_seconds:,.0f}  ({node_seconds:.1f} s)")
    print(f"  relationships/s {report.edges / edge_seconds:,.0f}  ({edge_seconds:.1f} s)")
    print(f"  elements/s      {rate:,.0f}  (target >= 50,000)")
    print(f"  search indexes built after the load in {report.index_seconds:.1f} s")
    print(f"  elements/s until queryable (load + indexes) {total / (ended - started):,.0f}")
    print(f"  ratio to the per-row loader: {rate / baseline_rate:.1f}x")
    print(f"  loader peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")

    with store.driver.session() as session:
        session.run("CALL db.awaitIndexes(1800)").consume()
        stored_nodes = session.run("MATCH (n:Entity) RETURN count(n) AS n").single(strict=True)["n"]
        stored_rels = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single(strict=True)["n"]
    print(f"stored: {stored_nodes:,} nodes, {stored_rels:,} relationships")

    _time_queries(store, args)
    return baseline_rate


def _import(home: Path, args: argparse.Namespace, baseline_rate: float) -> None:
    """The same graph through Neo4j's offline importer into the same server (its database replaced)."""
    started = time.perf_counter()
    parts = [
        functools.partial(_generated_part, args.scale, args.seed, part, args.import_workers)
        for part in range(args.import_workers)
    ]
    report = local_neo4j.import_graph(
        home,
        parts,
        password=PASSWORD,
        heap=args.heap,
        jvm_flags=[f"-Dchainkg.pagecache.mb={args.pagecache_mb}"],
        replace=True,
    )
    total = report.nodes + report.relationships
    loaded = report.write_seconds + report.import_seconds
    print(f"offline importer: {report.nodes:,} nodes, {report.relationships:,} relationships")
    print(
        f"  files written by {args.import_workers} processes (generation included) {report.write_seconds:.1f} s, "
        f"import {report.import_seconds:.1f} s"
    )
    print(f"  elements/s      {total / loaded:,.0f}  (files + import; target >= 50,000)")
    print(f"  ratio to the per-row loader: {total / loaded / baseline_rate:.1f}x")
    print(f"  restart and search indexes {report.schema_seconds:.1f} s")
    queryable = time.perf_counter() - started
    print(f"  elements/s until queryable (files + import + restart + indexes) {total / queryable:,.0f}")
    largest_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak memory of the largest child process (the importer's or the server's JVM): {largest_child:,.0f} MiB")
    store = Neo4jStore(StoreConfig(neo4j_uri=report.uri, neo4j_password=PASSWORD))
    try:
        print(f"stored: {store.node_count():,} nodes; queries on the imported database:")
        _time_queries(store, args)
    finally:
        store.close()


def _generated_part(scale: float, seed: int, part: int, parts: int) -> tuple[Iterator[Any], Iterator[Any]]:
    """One process's share of the generated graph, for the importer's files (:func:`bench.large_graph.iter_nodes`)."""
    return iter_nodes(scale, seed, part, parts), iter_edges(scale, seed, part, parts)


def _time_queries(store: Neo4jStore, args: argparse.Namespace) -> None:
    """p50/p95 of the chain-map, chain-firms and full-text queries on the generated graph."""
    plan = _Plan(args.scale, args.seed)
    rng = random.Random(args.seed)
    chains = [plan.chain_uid(c) for c in rng.sample(range(plan.n.chains), min(50, plan.n.chains))]
    firms_per_chain = [_count_firms(store, uid) for uid in chains[:5]]
    print(f"timed chains have e.g. {firms_per_chain} firms")
    for name in ("chain_map", "chain_firms"):
        p50, p95, rows = _latencies(functools.partial(_run_for_chain, store, name), chains, args.repeat)
        print(f"{name:<12} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ({rows} rows last run)")
    words = ["新能源汽车", "经信局", "产业园", "恒峰", "集成电路", "研究院", "锂电池", "政办发", "专精特新", "嘉兴"]
    words += [plan.firm_name(rng.randrange(plan.n.enterprises))[1] for _ in range(40)]
    p50, p95, rows = _latencies(lambda q: queries.run(store, "fulltext", {"q": q, "limit": 20}), words, args.repeat)
    print(f"{'fulltext':<12} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ({rows} rows last run)")


def _count_firms(store: Neo4jStore, chain_uid: str) -> int:
    rows = store.run_cypher(
        "MATCH (:IndustryChain {uid: $uid})<-[:IN_CHAIN]-(e:Enterprise) RETURN count(e) AS n", {"uid": chain_uid}
    )
    return int(rows[0]["n"])


if __name__ == "__main__":
    main()
