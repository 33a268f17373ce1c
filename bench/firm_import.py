"""How fast ``chainkg import firms`` takes a large firm list, on the embedded store and on Neo4j.

Run ``python -m bench.firm_import [--rows 100000]``. It writes a generated list (:mod:`bench.firm_data`)
of ``--rows`` fictional firms, builds the sample corpus into each store (so the import resolves against
documents' firms, as a real one does), and then times, on each store:

- the import of the list (read, rows → graph, resolution, the write, and the embedded file saved), in
  seconds and rows/s, against reading and parsing the rows alone (the baseline, measured in the same run:
  the ratio says what the graph and the store add);
- the same file again (stored unchanged: skipped by its sha256);
- a changed file (one row edited): the old version retracted and the new one written.

Neo4j is the project's own local server, started in a temporary folder (as ``tests/conftest.py`` does) and
stopped at the end, with the heap ``--heap`` (by default the server's own default, 1g: a list above
:data:`chainkg.graph.neo4j_store.STAGED_ABOVE` rows is written in stages of bounded transaction memory,
docs/performance.md). Peak memory is this process's (``ru_maxrss``) after each step; the load average
is printed with each figure, as the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import firm_data
from chainkg import local_neo4j, settings
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.loaders.firm_import import import_firms
from chainkg.loaders.firm_table import column_map, read_firm_table
from chainkg.loaders.pipeline import build
from chainkg.loaders.reading.tables import read_table

PASSWORD = "chainkg-bench-pw"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _cpu_of(pid: int | None) -> float:
    """CPU seconds a process (the local Neo4j) has used so far; 0 without one, or off Linux."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(step: Callable[[], object], server: int | None = None) -> tuple[float, float, float]:
    """Wall seconds, this process's CPU seconds and the server's (pid ``server``) CPU seconds of ``step``.

    On a machine shared with other work the CPU times are the steadier figures: their sum is about the
    wall time the step would take alone, less what client and server do at the same time."""
    started, cpu, server_cpu = time.perf_counter(), time.process_time(), _cpu_of(server)
    step()
    return time.perf_counter() - started, time.process_time() - cpu, _cpu_of(server) - server_cpu


def _baseline(path: Path) -> tuple[float, float]:
    """Reading the file and its rows (no graph, no store): what any import must do."""

    def read() -> None:
        table = read_table(path)
        read_firm_table(table, column_map(table.header, path))

    wall, cpu, _ = _timed(read)
    return wall, cpu


def _changed(original: str) -> str:
    """The same list with one row's 注册资本 edited."""
    lines = original.splitlines(keepends=True)
    lines[2] = lines[2].replace("万元人民币", "0万元人民币", 1)
    return "".join(lines)


def _run(name: str, store: GraphStore, path: Path, rows: int, baseline: float, server: int | None = None) -> None:
    original = path.read_text(encoding="utf-8-sig")
    build([settings.SAMPLE_CORPUS], store)
    on_server = "  server CPU {:6.1f} s" if server else ""
    wall, cpu, server_cpu = _timed(lambda: import_firms(path, store), server)
    print(
        f"{name:<9} import   {wall:7.1f} s  {rows / wall:9,.0f} rows/s  CPU {cpu:6.1f} s"
        + on_server.format(server_cpu)
        + f"  {cpu / baseline:5.1f}x reading alone (CPU)  peak {_peak_mib():,.0f} MiB  {_load()}"
    )
    wall, cpu, _ = _timed(lambda: import_firms(path, store))
    print(f"{name:<9} again    {wall:7.1f} s  CPU {cpu:6.1f} s  (unchanged: skipped)")
    path.write_text(_changed(original), encoding="utf-8-sig")  # a changed file replaces the one at its path
    wall, cpu, server_cpu = _timed(lambda: import_firms(path, store), server)
    path.write_text(original, encoding="utf-8-sig")
    print(
        f"{name:<9} changed  {wall:7.1f} s  CPU {cpu:6.1f} s"
        + on_server.format(server_cpu)
        + f"  (old version retracted, new written)  peak {_peak_mib():,.0f} MiB  {_load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--stores", default="embedded,neo4j", help="which stores to time (comma-separated)")
    parser.add_argument("--heap", default=settings.NEO4J_HEAP.default, help="the local Neo4j's heap")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chainkg-firm-bench-") as tmp:
        folder = Path(tmp)
        path = firm_data.write(folder / "firms.csv", args.rows)
        wall, baseline = _baseline(path)
        print(f"{args.rows:,} generated firms ({path.stat().st_size / 2**20:.1f} MiB CSV)")
        print(
            f"baseline  reading  {wall:7.1f} s  {args.rows / wall:9,.0f} rows/s  CPU {baseline:6.1f} s  "
            f"peak {_peak_mib():,.0f} MiB"
        )
        stores = args.stores.split(",")
        if "embedded" in stores:
            with open_store(StoreConfig(path=folder / "graph.json")) as store:
                _run("embedded", store, path, args.rows, baseline)
        if "neo4j" not in stores:
            return
        home = folder / "neo4j"
        info = local_neo4j.start(home, port=0, password=PASSWORD, heap=args.heap)
        print(f"Neo4j: local server, heap {args.heap}")
        try:
            with open_store(StoreConfig(neo4j_uri=info.uri, neo4j_password=PASSWORD)) as store:
                _run("Neo4j", store, path, args.rows, baseline, info.pid)
        finally:
            local_neo4j.stop(home)


if __name__ == "__main__":
    main()
