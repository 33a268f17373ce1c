"""Same input, same graph: build, ``--force``, ``--force``, a plain build, and each document removed and rebuilt.

Builds a generated corpus (the samples with other cities, names and figures, see :mod:`bench.extraction`)
into a fresh store, dumps the graph as deterministic JSON, and compares the dump after each step with the
first. Every step should print ``same``; a difference prints the nodes and relationships that differ.
Runs on the embedded store, and on Neo4j with ``--neo4j`` (a local server started in a temporary folder,
or the one ``--neo4j-uri`` names, whose default database is emptied first).

    python -m bench.idempotence [--documents 300] [--removals 300] [--neo4j] [--neo4j-uri URI]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.extraction import generate
from chainkg import local_neo4j, settings
from chainkg.graph.json_format import dump_json
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.loaders.pipeline import build

PASSWORD = "chainkg-bench"


def _digest(store: GraphStore) -> tuple[str, bytes]:
    data = dump_json(store.read())
    return hashlib.sha256(data).hexdigest()[:16], data


def _difference(first: bytes, now: bytes) -> str:
    """What differs between two dumps: node uids and relationship keys on one side only or changed."""
    a, b = json.loads(first), json.loads(now)
    nodes_a, nodes_b = {n["uid"]: n for n in a["nodes"]}, {n["uid"]: n for n in b["nodes"]}
    edges_a = {(e["type"], e["start"], e["end"]): e for e in a["edges"]}
    edges_b = {(e["type"], e["start"], e["end"]): e for e in b["edges"]}
    changed_nodes = sorted(u for u in nodes_a.keys() | nodes_b.keys() if nodes_a.get(u) != nodes_b.get(u))
    changed_edges = sorted(k for k in edges_a.keys() | edges_b.keys() if edges_a.get(k) != edges_b.get(k))
    lines = [f"{len(changed_nodes)} nodes and {len(changed_edges)} relationships differ"]
    lines += [f"    node {u}" for u in changed_nodes[:5]]
    lines += [f"    {t} {s} → {e}" for t, s, e in changed_edges[:5]]
    return "\n".join(lines)


def run(config: StoreConfig, corpus: Path, removals: int, seed: int = 3) -> bool:
    """Every step on one store; True when every dump equals the first."""
    ok = True
    with open_store(config) as store:
        started = time.perf_counter()
        build([corpus], store, workers=2)
        first_digest, first = _digest(store)
        print(f"  build: {first_digest} ({time.perf_counter() - started:.1f} s)")

        def step(name: str, digest_and_data: tuple[str, bytes]) -> None:
            nonlocal ok
            digest, data = digest_and_data
            same = data == first
            ok &= same
            print(f"  {name}: {'same' if same else 'DIFFERENT: ' + _difference(first, data)}")

        for name, force in (("build --force", True), ("build --force again", True), ("plain build", False)):
            build([corpus], store, workers=2, force=force)
            step(name, _digest(store))
        files = sorted(corpus.glob("*.txt"))
        chosen = sorted(random.Random(seed).sample(files, min(removals, len(files))))
        started = time.perf_counter()
        differing = 0
        for path in chosen:
            uid = store.find_document(path.name)
            if uid is None:  # a copy of another file's content: loaded once, under the other name
                continue
            store.remove_document(uid)
            build([corpus], store, workers=1)
            digest, data = _digest(store)
            if data != first:
                differing += 1
                if differing <= 3:
                    print(f"  remove and rebuild {path.name}: DIFFERENT: {_difference(first, data)}")
        ok &= differing == 0
        print(
            f"  remove and rebuild, {len(chosen)} documents one at a time: "
            f"{'all same' if not differing else f'{differing} different'} ({time.perf_counter() - started:.0f} s)"
        )
    return ok


@contextmanager
def _neo4j(uri: str | None) -> Iterator[StoreConfig]:
    if uri:
        config = settings.store_config(neo4j_uri=uri)
        with open_store(config) as store:
            store.run_cypher("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", read_only=False)
        yield config
        return
    with tempfile.TemporaryDirectory(prefix="chainkg-idem-") as home:
        info = local_neo4j.start(Path(home), port=0, password=PASSWORD)
        try:
            yield StoreConfig(neo4j_uri=info.uri, neo4j_password=PASSWORD)
        finally:
            local_neo4j.stop(Path(home))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300, help="documents to generate (default 300)")
    parser.add_argument("--removals", type=int, default=300, help="documents removed and rebuilt one at a time")
    parser.add_argument("--neo4j", action="store_true", help="also run on Neo4j (a local server unless --neo4j-uri)")
    parser.add_argument("--neo4j-uri", default=None, help="run on this Neo4j (its default database is emptied)")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="chainkg-idem-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generate(Path("examples/corpus"), corpus, args.documents)
        print(f"corpus: {args.documents} generated documents")
        print("embedded store:")
        results["embedded"] = run(StoreConfig(path=Path(tmp) / "graph.json"), corpus, args.removals)
        if args.neo4j or args.neo4j_uri:
            print("Neo4j:")
            with _neo4j(args.neo4j_uri) as config:
                results["neo4j"] = run(config, corpus, args.removals)
    print("; ".join(f"{name}: {'idempotent' if ok else 'NOT idempotent'}" for name, ok in results.items()))
    if not all(results.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
