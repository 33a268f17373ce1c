"""The Neo4j store on a real server: retraction, idempotence, bulk loads, push/pull, and a server stopped mid-load."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.large_graph import build_graph, iter_edges, iter_nodes
from chainkg import local_neo4j
from chainkg.cli import main
from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.errors import UnknownDocumentError
from chainkg.graph.json_format import dump_json, write_atomic
from chainkg.graph.model import Edge, Graph, Node
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import GraphStore, StoreConfig
from tests.chain_graph import CHAIN, NEWS_DOC, PLAN_DOC, chain_documents

pytestmark = pytest.mark.neo4j


def _merged(graphs: list[Graph]) -> Graph:
    """What loading ``graphs`` in order must give, by the model's own merge rules."""
    whole = Graph()
    for graph in graphs:
        whole.merge(graph)
    return whole


def test_remove_document_keeps_facts_other_documents_state(neo4j_store: GraphStore, tmp_path: Path) -> None:
    plan, news = chain_documents()
    for graph in (plan, news):
        neo4j_store.write_document(graph)
    owner_edge = [e for e in neo4j_store.read().edges.values() if e.type == "CHAIN_OWNER_OF"]
    assert [e.sources for e in owner_edge] == [sorted([PLAN_DOC.uid, NEWS_DOC.uid])]

    neo4j_store.remove_document(NEWS_DOC.uid)
    graph = neo4j_store.read()
    (owner,) = [e for e in graph.edges.values() if e.type == "CHAIN_OWNER_OF"]
    assert owner.evidence == {PLAN_DOC.uid: "中力机械是智能物流装备产业链链主企业。"}  # the plan's statement stays
    names = {n.name for n in graph.nodes.values()}
    assert "新能源汽车产业链" not in names and "吴兴区支持智能物流装备产业发展若干政策" not in names
    assert {CHAIN, "长兴县", "浙江省先进制造业集群培育方案"} <= names  # also stated by the plan
    # The result is what the plan alone gives, and what the embedded store's retraction gives.
    assert graph.to_dict() == _merged([plan]).to_dict()
    embedded = EmbeddedStore(tmp_path / "graph.json")
    for doc in chain_documents():
        embedded.write_document(doc)
    embedded.remove_document(NEWS_DOC.uid)
    assert embedded.read().to_dict() == graph.to_dict()
    with pytest.raises(UnknownDocumentError):
        neo4j_store.remove_document(NEWS_DOC.uid)


def test_reloading_changes_nothing(neo4j_store: GraphStore) -> None:
    documents = chain_documents()
    for graph in documents:
        neo4j_store.write_document(graph)
    first = neo4j_store.read().to_dict()
    for graph in chain_documents():
        neo4j_store.write_document(graph)
    assert neo4j_store.read().to_dict() == first == _merged(documents).to_dict()


def test_bulk_load_merges_like_write_document(neo4j_store: GraphStore) -> None:
    """Into an empty database (nothing read back) and into one holding a document (read back and merged)."""
    assert isinstance(neo4j_store, Neo4jStore)
    generated = build_graph(0.002, seed=3)
    report = neo4j_store.bulk_load(iter_nodes(0.002, seed=3), iter_edges(0.002, seed=3), batch=500)
    assert (report.nodes, report.edges) == (len(generated.nodes), len(generated.edges))
    assert report.batches > 2
    assert neo4j_store.read().to_dict() == generated.to_dict()

    plan, news = chain_documents()
    neo4j_store.write_document(plan)
    data = news.to_dict()
    neo4j_store.bulk_load(data["nodes"], data["edges"], batch=7)
    assert neo4j_store.read().to_dict() == _merged([generated, plan, news]).to_dict()


def test_push_pull_round_trip(neo4j_store: GraphStore, neo4j_server: StoreConfig, tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    graph = _merged([build_graph(0.001, seed=1), *chain_documents()])
    write_atomic(source, dump_json(graph))
    neo4j = ["--neo4j-uri", neo4j_server.neo4j_uri or "", "--neo4j-password", neo4j_server.neo4j_password or ""]
    runner = CliRunner()
    pushed = runner.invoke(main, ["push", "--from", str(source), "--batch", "300", *neo4j])
    assert pushed.exit_code == 0, pushed.output
    assert f"pushed {len(graph.nodes)} nodes and {len(graph.edges)} relationships" in pushed.output
    again = runner.invoke(main, ["push", "--from", str(source), *neo4j])  # read-back path: nothing changes
    assert again.exit_code == 0, again.output

    target = tmp_path / "pulled" / "graph.json"
    pulled = runner.invoke(main, ["pull", "--to", str(target), *neo4j])
    assert pulled.exit_code == 0, pulled.output
    assert EmbeddedStore(target).read().to_dict() == graph.to_dict()
    assert target.read_bytes() == source.read_bytes()

    shown = runner.invoke(main, ["query", "chain_owners", "--param", f"chain={CHAIN}", "--format", "csv", *neo4j])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[0] == "chain_uid,chain,uid,owner,tags,sources,evidence"
    assert "浙江中力机械股份有限公司" in shown.output
    bad = runner.invoke(main, ["query", "district_targets", "--param", "year=soon", *neo4j])
    assert bad.exit_code == 1 and "year must be int" in bad.output


def _document_graphs(scale: float, seed: int) -> list[Graph]:
    """The generated graph cut into one graph per source document, as the loaders would hand them over."""
    whole = build_graph(scale, seed)
    by_document: dict[str, Graph] = {}
    for edge in sorted(whole.edges.values(), key=lambda e: e.key):
        for source, sentence in edge.evidence.items():
            graph = by_document.setdefault(source, Graph())
            for uid in (source, edge.start, edge.end):
                if uid not in graph.nodes:
                    graph.add_node(_copy(whole, uid))
            part = Edge(edge.type, edge.start, edge.end, {source: sentence}, dict(edge.props))
            graph.add_edge(part)
    return [by_document[uid] for uid in sorted(by_document)]


def _copy(graph: Graph, uid: str) -> Node:
    node = graph.nodes[uid]
    return Node(node.uid, node.label, node.name, dict(node.alias_rules), dict(node.props))


def test_a_server_stopped_mid_load_loses_nothing_committed(tmp_path: Path) -> None:
    """Stop the local Neo4j while documents load; every committed document is whole, and a rerun completes."""
    documents = _document_graphs(0.002, seed=7)
    assert len(documents) >= 40
    home, password = tmp_path / "neo4j", "stop-test-pw"
    info = local_neo4j.start(home, port=0, password=password)
    # Retries give up soon after the server stops, so the writer sees the failure quickly.
    config = StoreConfig(neo4j_uri=info.uri, neo4j_password=password, neo4j_retry_seconds=2.0)
    store = Neo4jStore(config)
    committed: list[str] = []
    failure: list[BaseException] = []

    def load() -> None:
        try:
            for graph in documents:
                store.write_document(graph)
                committed.append(_document_uid(graph))
        except Exception as exc:  # StoreError, or the driver's own once it is closed under the writer
            failure.append(exc)

    writer = threading.Thread(target=load)
    writer.start()
    deadline = time.monotonic() + 120
    while len(committed) < 5 and writer.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    local_neo4j.stop(home)
    store.discard()  # closes the driver under the writer
    writer.join(120)
    assert not writer.is_alive()
    assert failure, "the load finished before the server stopped; stop it earlier"
    assert 5 <= len(committed) < len(documents)

    info = local_neo4j.start(home, port=0, password=password)
    try:
        store = Neo4jStore(StoreConfig(neo4j_uri=info.uri, neo4j_password=password))
        stored = store.read()
        present = {n.uid for n in stored.by_label("Document")}
        assert set(committed) <= present
        for graph in documents:
            uid = _document_uid(graph)
            stated = {key for key, edge in stored.edges.items() if uid in edge.evidence}
            if uid in present:  # whole: every node and every fact the document states
                assert set(graph.nodes) <= set(stored.nodes), uid
                assert stated == set(graph.edges), uid
            else:  # or not there at all
                assert not stated, uid
        for graph in documents:  # the rerun
            store.write_document(graph)
        assert store.read().to_dict() == _merged(documents).to_dict()
        store.close()
    finally:
        local_neo4j.stop(home)


def _document_uid(graph: Graph) -> str:
    return next(n.uid for n in graph.nodes.values() if n.label == "Document")
