"""A large document written to Neo4j in stages (issue #20): the same graph as one transaction, nothing
half-written as a user sees it, and a write cut short (a failed stage, a killed process) taken back.

The thresholds are the store's attributes ``staged_above`` and ``stage_rows``, set small here so that
graphs of a few hundred rows go in many transactions. Real Neo4j throughout (``neo4j_server``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import firm_data
from chainkg import queries
from chainkg.graph.errors import ModelError
from chainkg.graph.model import Edge, Graph, Node
from chainkg.graph.neo4j_store import UNFINISHED, Neo4jStore, _stages
from chainkg.graph.store import StoreConfig, open_store
from chainkg.loaders.firm_import import import_firms
from chainkg.loaders.firm_table import column_map, firm_graph, read_firm_table
from chainkg.loaders.pipeline import build
from chainkg.loaders.reading.tables import read_table
from tests.conftest import SAMPLE, wipe_neo4j

pytestmark = pytest.mark.neo4j


@pytest.fixture
def store(neo4j_server: StoreConfig) -> Iterator[Neo4jStore]:
    wipe_neo4j(neo4j_server)
    opened = open_store(neo4j_server)
    assert isinstance(opened, Neo4jStore)
    try:
        yield opened
    finally:
        opened.close()


def _dump(store: Neo4jStore) -> str:
    return json.dumps(store.read().to_dict(), ensure_ascii=False, sort_keys=True)


def _staged(store: Neo4jStore, on: bool) -> None:
    """Stage every write (in stages of 40 rows), or none."""
    store.staged_above, store.stage_rows = (0, 40) if on else (10**9, 10**9)


def _changed(original: str) -> str:
    """The list with one row's 注册资本 edited and its last row dropped."""
    lines = original.splitlines(keepends=True)
    lines[2] = lines[2].replace("万元人民币", "0万元人民币", 1)
    return "".join(lines[:-1])


def _sequence(store: Neo4jStore, tmp_path: Path, staged: bool) -> list[str]:
    """Build the sample corpus, import a list, import it again changed, remove it: the dump after each step.
    Only the list's writes are staged (the corpus is written alike both times)."""
    _staged(store, False)
    build([SAMPLE], store)
    path = firm_data.write(tmp_path / "firms.csv", 150)
    original = path.read_text(encoding="utf-8-sig")
    dumps = [_dump(store)]
    _staged(store, staged)
    import_firms(path, store)
    if staged:  # the list's graph: hundreds of rows in stages of 40
        table = read_table(path)
        staging = _stages(firm_graph(read_firm_table(table, column_map(table.header, path))), store.stage_rows)
        assert staging is not None and len(staging[1]) > 5
    dumps.append(_dump(store))
    assert import_firms(path, store).status == "unchanged"
    path.write_text(_changed(original), encoding="utf-8-sig")
    report = import_firms(path, store)
    assert report.status == "updated"
    dumps.append(_dump(store))
    store.remove_document(report.document)
    dumps.append(_dump(store))
    return dumps


def test_staged_import_equals_one_transaction(tmp_path: Path, store: Neo4jStore, neo4j_server: StoreConfig) -> None:
    """Import, unchanged import, changed import (retract and write) and removal: the same graph either way."""
    one = _sequence(store, tmp_path, staged=False)
    wipe_neo4j(neo4j_server)
    staged = _sequence(store, tmp_path, staged=True)
    assert staged == one
    assert one[1] != one[0] and one[2] != one[1]
    assert staged[3] == staged[0]  # removed: the store as before the list


def test_staged_corpus_equals_one_transaction(store: Neo4jStore, neo4j_server: StoreConfig) -> None:
    """Every document of the sample corpus staged (policies, news: district chains, measures) and the
    same list again into a store that already holds its firms: the same graph as one transaction each."""
    _staged(store, False)
    build([SAMPLE], store)
    one = _dump(store)
    wipe_neo4j(neo4j_server)
    _staged(store, True)
    build([SAMPLE], store)
    assert _dump(store) == one


def test_list_into_a_store_holding_its_firms(tmp_path: Path, store: Neo4jStore, neo4j_server: StoreConfig) -> None:
    """A second file naming the same firms merges into the stored ones, staged as in one transaction."""
    first = firm_data.write(tmp_path / "a.csv", 120)
    second = tmp_path / "b.csv"
    second.write_text(_changed(first.read_text(encoding="utf-8-sig")), encoding="utf-8-sig")
    dumps = []
    for staged in (False, True):
        wipe_neo4j(neo4j_server)
        _staged(store, False)
        import_firms(first, store)
        _staged(store, staged)
        import_firms(second, store)
        dumps.append(_dump(store))
    assert dumps[0] == dumps[1]


def _list_graph(document: str, firms: int, clash: str | None = None) -> Graph:
    """A firm list's shape: a Document, firms MENTIONED_IN it, each LOCATED_IN one district; and, if
    ``clash`` is given, a last firm whose uid is that of a stored node of another label."""
    graph = Graph()
    props = {"sha256": document.rjust(64, "0"), "kind": "firm_table", "path": f"{document}.csv"}
    doc = graph.add_node(Node(f"document-{document}", "Document", f"{document}.csv", {}, props))
    district = graph.add_node(Node("district-test", "District", "测试区", {}, {"level": "county"}))
    graph.add_edge(Edge("MENTIONED_IN", district.uid, doc.uid, {doc.uid: "第1行"}, {"count": 1}))
    uids = [f"enterprise-{document}-{i:04d}" for i in range(firms)] + ([clash] if clash else [])
    for i, uid in enumerate(uids):
        graph.add_node(Node(uid, "Enterprise", f"测试企业{document}{i}有限公司", {}, {}))
        graph.add_edge(Edge("MENTIONED_IN", uid, doc.uid, {doc.uid: f"第{i}行"}, {"count": 1}))
        graph.add_edge(Edge("LOCATED_IN", uid, district.uid, {doc.uid: f"第{i}行"}))
    return graph


def test_failed_stage_leaves_the_store_as_before(store: Neo4jStore) -> None:
    """A node whose uid a stored Platform holds fails its stage late in the write: what the earlier stages
    wrote is retracted before the error is raised."""
    _staged(store, False)
    stored = _list_graph("a", 3)
    platform = stored.add_node(Node("enterprise-zzzz", "Platform", "测试平台", {}, {}))
    stored.add_edge(Edge("MENTIONED_IN", platform.uid, "document-a", {"document-a": "平台"}, {"count": 1}))
    store.write_document(stored)
    before, hashes = _dump(store), store.document_hashes()
    _staged(store, True)
    failing = _list_graph("b", 200, clash="enterprise-zzzz")
    staging = _stages(failing, store.stage_rows)
    assert staging is not None and len(staging[1]) > 10  # the clash is in the last of many stages
    assert "enterprise-zzzz" in {node.uid for node in staging[1][-1][0]}
    with pytest.raises(ModelError, match="enterprise-zzzz"):
        store.write_document(failing)
    assert _dump(store) == before
    assert store.document_hashes() == hashes


_KILLED_WRITER = """
import sys
from chainkg.graph.store import StoreConfig, open_store
from tests.test_neo4j_staged_write import _list_graph
store = open_store(StoreConfig(neo4j_uri=sys.argv[1], neo4j_password=sys.argv[2]))
store.staged_above, store.stage_rows = 0, 3
store.write_document(_list_graph("k", 3000))
"""


def test_killed_write_is_replaced_by_the_next(store: Neo4jStore, neo4j_server: StoreConfig, tmp_path: Path) -> None:
    """A writer killed (SIGKILL) between stages leaves an unfinished Document: no completion mark, out of
    the document hashes; the next write of that document retracts it and writes it whole."""
    _staged(store, False)
    store.write_document(_list_graph("a", 5))
    store.write_document(_list_graph("k", 3000))
    expected = _dump(store)
    store.remove_document("document-k")
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, neo4j_server.neo4j_uri or "", neo4j_server.neo4j_password or ""],
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            rows = store.run_cypher(
                "MATCH (d:Document {uid: 'document-k'})<-[:MENTIONED_IN]-(n) RETURN count(n) AS n, d[$mark] AS mark",
                {"mark": UNFINISHED},
            )
            if rows and rows[0]["n"] > 100:
                break
            time.sleep(0.05)
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait()
    assert rows[0]["mark"] is not None, "the write finished before it was killed"
    assert "document-k" not in store.document_hashes().values()
    assert [row["uid"] for row in queries.run(store, "documents")] == ["document-a"]
    assert store.find_document("document-k") == "document-k"  # unfinished, still found to remove
    _staged(store, True)
    store.write_document(_list_graph("k", 3000))
    assert _dump(store) == expected
    assert "document-k" in store.document_hashes().values()
