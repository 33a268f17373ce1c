"""Export the generated industry-chain graph as RDF and print triples/s and peak memory.

Run ``python -m bench.rdf_export [--scale 1.0] [--formats nt,ttl]``. For each
format, a child process streams :mod:`bench.large_graph` (scale 1.0: about
1,000,000 nodes) through :func:`chainkg.graph.rdf.write_rdf` into a file and reports:

- triples/s overall and with the generator's own time taken out (the generator
  is timed alone first: it stands for reading a store or an export file);
- peak resident memory of that process (``ru_maxrss``) and of the generator
  alone, next to the same figures at a tenth of the scale: the streaming path
  should add the same small amount at any scale.

It then compares, on a small sample, the streaming writers with the rdflib path
(build an ``rdflib.Graph``, then serialise it) as a speed ratio.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.large_graph import iter_edges, iter_nodes
from chainkg.graph import rdf
from chainkg.graph.rdf.rdflib_graph import rdflib_graph
from chainkg.graph.rdf.triples import graph_blocks


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _measure(fmt: str, scale: float, seed: int, folder: Path) -> dict[str, float]:
    """Run in a child process: generator alone (twice: the second pass is as warm as the export's), then
    generator + export; returns the figures."""
    for _ in range(2):
        started = time.perf_counter()
        for _ in iter_nodes(scale, seed):
            pass
        for _ in iter_edges(scale, seed):
            pass
        generate = time.perf_counter() - started
    gc.collect()  # finished generators' plans hold their caches in reference cycles until collected
    generator_mb = _peak_mb()
    out = folder / f"graph-{scale}.{fmt}"
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as handle:
        triples = rdf.write_rdf(iter_nodes(scale, seed), iter_edges(scale, seed), handle, fmt)
    total = time.perf_counter() - started
    size = out.stat().st_size
    out.unlink()
    return {
        "triples": triples,
        "seconds": total,
        "generate": generate,
        "bytes": size,
        "peak_mb": _peak_mb(),
        "generator_mb": generator_mb,
    }


def _child(fmt: str, scale: float, seed: int, folder: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.rdf_export", "--child", fmt, "--scale", str(scale), "--seed", str(seed)]
    done = subprocess.run([*command, "--folder", str(folder)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def _rdflib_ratio(fmt: str, scale: float) -> tuple[float, float]:
    """(streaming triples/s, rdflib build+serialise triples/s) on an in-memory sample."""
    nodes, edges = list(iter_nodes(scale)), list(iter_edges(scale))
    started = time.perf_counter()
    triples = rdf.write_rdf(nodes, edges, io.StringIO(), fmt)
    stream = triples / (time.perf_counter() - started)
    started = time.perf_counter()
    graph = rdflib_graph(graph_blocks(nodes, edges, rdf.DEFAULT_BASE))
    graph.serialize(format="nt" if fmt == "nt" else "turtle")
    return stream, len(graph) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Graph size (1.0: about 1,000,000 nodes).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default="nt,ttl", help="Comma-separated: nt, ttl, jsonld.")
    parser.add_argument("--sample-scale", type=float, default=0.0005, help="Scale of the rdflib comparison sample.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child, args.scale, args.seed, args.folder)))
        return

    print(f"RDF export of the generated graph, scale {args.scale} (seed {args.seed}), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="chainkg-rdf-bench-") as tmp:
        for fmt in args.formats.split(","):
            small = _child(fmt, args.scale / 10, args.seed, Path(tmp))
            big = _child(fmt, args.scale, args.seed, Path(tmp))
            export_only = big["seconds"] - big["generate"]
            print(
                f"{fmt:>6}: {big['triples']:,.0f} triples, {big['bytes'] / 1e6:,.0f} MB in {big['seconds']:.1f} s: "
                f"{big['triples'] / big['seconds']:,.0f} triples/s with generation, "
                f"{big['triples'] / export_only:,.0f} triples/s export alone "
                f"(generator {big['generate']:.1f} s)"
            )
            print(
                f"        peak memory {big['peak_mb']:,.0f} MB at scale {args.scale} (generator alone "
                f"{big['generator_mb']:,.0f} MB), {small['peak_mb']:,.0f} MB at scale {args.scale / 10:g} "
                f"(generator alone {small['generator_mb']:,.0f} MB; {small['triples']:,.0f} triples)"
            )
    for fmt in args.formats.split(","):
        if fmt == "jsonld":
            continue
        stream, baseline = _rdflib_ratio(fmt, args.sample_scale)
        print(
            f"{fmt:>6} sample (scale {args.sample_scale:g}, in memory): streaming {stream:,.0f} triples/s, "
            f"rdflib graph + serialize {baseline:,.0f} triples/s: {stream / baseline:.1f}x"
        )


if __name__ == "__main__":
    main()
