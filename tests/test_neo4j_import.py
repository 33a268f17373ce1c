"""Neo4j's offline importer: the files it reads, and a real import into a real local server.

The import must store what ``bulk_load`` stores, property for property, so the
two load routes give the same database.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.large_graph import iter_edges, iter_nodes
from chainkg import local_neo4j, queries, settings
from chainkg.cli import main
from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.errors import StoreError
from chainkg.graph.json_format import dump_json, write_atomic
from chainkg.graph.model import Graph
from chainkg.graph.neo4j_store import SEARCH_SEPARATOR, Neo4jStore
from chainkg.graph.store import GraphStore, StoreConfig
from chainkg.loaders.pipeline import build
from chainkg.neo4j_import import ARRAY_DELIMITER, ImportFiles, split_graph, write_import_files, write_parts

PASSWORD = "import-pass-123"


def _node(uid: str, label: str = "Enterprise", **props: object) -> dict[str, object]:
    return {"uid": uid, "label": label, "name": f"名称{uid}", "aliases": [], **props}


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_files_are_typed_per_signature(tmp_path: Path) -> None:
    nodes = [
        _node("e1", tags=["链主", "上市"], aliases=["甲"], mergedBy=["甲 ⇐ suffix"]),
        _node("e2"),  # no tags, no aliases: another header
        _node("t1", "Target", value=1.5, year=2025, unit="", listed=True),
        _node("t2", "Target", value=3, year=2025, unit="亿元", listed=False),  # an int value: another file
        _node("t3", "Target", codes=["一"]),
        _node("t4", "Target", codes=[1, 2]),  # a list of another item type: another file, not an error
    ]
    edges = [{"type": "LED_BY", "start": "e1", "end": "e2", "source": "d1", "evidence": "第一行\n第二行"}]
    files = write_import_files(nodes, edges, tmp_path)
    assert (files.nodes, files.relationships) == (6, 1)
    assert len([f for f in files.files if f.option == "--nodes" and f.name == "Entity:Enterprise"]) == 2
    assert len([f for f in files.files if f.option == "--nodes" and f.name == "Entity:Target"]) == 4
    by_file = {f.path.name: _rows(f.path) for f in files.files}
    first = by_file["nodes-p0-Enterprise-000.csv"]
    assert first[0] == [
        "uid:ID",
        "name:string",
        "aliases:string[]",
        "tags:string[]",
        "mergedBy:string[]",
        "searchText:string",
        "searchKey:string",
    ]
    tags, search = f"链主{ARRAY_DELIMITER}上市", f"名称e1{SEARCH_SEPARATOR}甲"
    assert first[1] == ["e1", "名称e1", "甲", tags, "甲 ⇐ suffix", search, search]
    assert by_file["nodes-p0-Enterprise-001.csv"][0] == [
        "uid:ID",
        "name:string",
        "searchText:string",
        "searchKey:string",
    ]
    float_target = by_file["nodes-p0-Target-002.csv"]
    assert float_target[0][1:] == [
        "name:string",
        "value:double",
        "year:long",
        "unit:string",
        "listed:boolean",
        "searchText:string",
        "searchKey:string",
    ]
    assert by_file["nodes-p0-Target-003.csv"][0][2] == "value:long"
    assert by_file["nodes-p0-Target-004.csv"][0][2] == "codes:string[]"
    assert by_file["nodes-p0-Target-005.csv"][0][2] == "codes:long[]"
    assert by_file["nodes-p0-Target-005.csv"][1][2] == f"1{ARRAY_DELIMITER}2"
    # An empty string is written quoted, which the importer keeps as "" (unquoted would mean no value).
    text = (tmp_path / "nodes-p0-Target-002.csv").read_text(encoding="utf-8")
    assert '"t1","名称t1",1.5,2025,"","true","名称t1","名称t1"' in text
    assert by_file["relationships-p0-LED_BY-000.csv"] == [
        [":START_ID", ":END_ID", "source:string", "evidence:string"],
        ["e1", "e2", "d1", "第一行\n第二行"],
    ]
    # Only the files with a field that spans lines are declared so (the importer reads those on one thread).
    assert [f.path.name for f in files.files if f.multiline] == ["relationships-p0-LED_BY-000.csv"]
    arguments = files.arguments(tmp_path.parent)
    assert f"--nodes=Entity:Target={tmp_path.name}/nodes-p0-Target-002.csv" in arguments
    assert arguments[-2:] == [
        "--multiline-fields-format=v2",
        f"--multiline-fields={tmp_path.name}/relationships-p0-LED_BY-000.csv",
    ]
    assert files.arguments(tmp_path.parent, all_multiline=True)[-1] == "--multiline-fields=true"
    one_line = write_import_files(nodes, [], tmp_path / "nodes-only")
    assert not one_line.multiline and not any("multiline" in a for a in one_line.arguments(tmp_path))


@pytest.mark.parametrize(
    ("node", "reason"),
    [
        (_node("bad1", tags=["a\x1fb"]), "control character"),
        (_node("bad2", codes=[1, "二"]), "mixes types"),
        (_node("bad3", extra={"a": 1}), "cannot be stored"),
    ],
)
def test_values_neo4j_cannot_hold_are_refused_by_uid(tmp_path: Path, node: dict[str, object], reason: str) -> None:
    with pytest.raises(StoreError, match=reason) as error:
        write_import_files([node], [], tmp_path)
    assert str(node["uid"]) in str(error.value)


def _imported_rows(files: ImportFiles) -> Counter[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every row of the files as (label or type, its cells by column), whatever file and part it is in."""
    rows: Counter[tuple[str, tuple[tuple[str, str], ...]]] = Counter()
    for file in files.files:
        header, *body = _rows(file.path)
        rows.update((file.name, tuple(zip(header, row, strict=True))) for row in body)
    return rows


def test_parts_written_at_once_hold_the_whole_graph(tmp_path: Path) -> None:
    """A generated graph written in three shares by three processes: the same rows as written whole, in part files."""
    whole = write_import_files(iter_nodes(0.002, 3), iter_edges(0.002, 3), tmp_path / "whole")

    def share(part: int) -> tuple[object, object]:
        return iter_nodes(0.002, 3, part, 3), iter_edges(0.002, 3, part, 3)

    parts = write_parts([functools.partial(share, part) for part in range(3)], tmp_path / "parts")
    assert (parts.nodes, parts.relationships) == (whole.nodes, whole.relationships) > (3000, 12000)
    assert {f.path.name.split("-")[1] for f in parts.files} == {"p0", "p1", "p2"}
    assert _imported_rows(parts) == _imported_rows(whole)


def test_a_part_that_fails_in_its_process_is_raised_with_the_uid(tmp_path: Path) -> None:
    nodes = [_node("good"), _node("bad", tags=["a\x1fb"])]
    with pytest.raises(StoreError, match="bad.*control character"):
        write_parts(split_graph(nodes, [], 2), tmp_path)


@pytest.mark.neo4j
def test_import_stores_what_bulk_load_stores(neo4j_store: GraphStore, tmp_path: Path) -> None:
    """The sample corpus (line breaks, empty strings, several sources) imported equals the same graph bulk-loaded."""
    assert isinstance(neo4j_store, Neo4jStore)
    embedded = EmbeddedStore(tmp_path / "graph.json")
    build([settings.SAMPLE_CORPUS], embedded, workers=1)
    embedded.flush()
    graph = embedded.read()
    data = graph.to_dict()
    neo4j_store.bulk_load(data["nodes"], data["edges"])

    home = tmp_path / "local"
    parts = split_graph(data["nodes"], data["edges"], 2)  # two processes write the files, as on a 2-core machine
    report = local_neo4j.import_graph(home, parts, password=PASSWORD, heap="512m")
    try:
        assert (report.nodes, report.relationships) == (len(graph.nodes), len(graph.edges))
        imported = Neo4jStore(StoreConfig(neo4j_uri=report.uri, neo4j_password=PASSWORD))
        try:
            assert imported.read().to_dict() == data
            assert _stored(imported) == _stored(neo4j_store)
            # The schema is built: the cjk full-text index answers, the uid constraints hold.
            hits = queries.run(imported, "fulltext", {"q": "经信局", "limit": 5})
            assert hits and all("经济和信息化局" in row["name"] or "经信局" in row["name"] for row in hits)
            owners = queries.run(imported, "chain_owners", {"chain": ""})
            assert owners == queries.run(neo4j_store, "chain_owners", {"chain": ""})
        finally:
            imported.close()

        # A database holding nodes is not replaced unless asked; what it holds stays.
        with pytest.raises(local_neo4j.LocalNeo4jError, match="replace"):
            local_neo4j.import_graph(home, split_graph(data["nodes"][:1], [], 1), password=PASSWORD, heap="512m")
        source = tmp_path / "small.json"
        small = Graph.from_dict({"nodes": data["nodes"][:7], "edges": []})
        write_atomic(source, dump_json(small))
        command = ["neo4j", "import", "--home", str(home), "--from", str(source)]
        refused = CliRunner().invoke(main, command, env={"NEO4J_PASSWORD": PASSWORD})
        assert refused.exit_code == 1 and "--replace" in refused.output
        imported = Neo4jStore(StoreConfig(neo4j_uri=report.uri, neo4j_password=PASSWORD))
        try:
            assert imported.node_count() == len(graph.nodes)
        finally:
            imported.close()

        # Asked to, the command replaces the database, in three parts, telling each step.
        replaced = CliRunner().invoke(main, [*command, "--replace", "-j", "3"], env={"NEO4J_PASSWORD": PASSWORD})
        assert replaced.exit_code == 0, replaced.output
        assert "in 3 part(s)" in replaced.output and "imported 7 nodes and 0 relationships" in replaced.output
        imported = Neo4jStore(StoreConfig(neo4j_uri=report.uri, neo4j_password=PASSWORD))
        try:
            assert imported.read().to_dict() == small.to_dict()
        finally:
            imported.close()

        # Many fields spanning lines in one big file trip the importer's reader of files named multi-line;
        # the import is then run again with its other reader, and stores every line break.
        notes = [_node(f"n{i}", note=f"第{i}行\n说明{i}") for i in range(300_000)]
        steps: list[str] = []
        local_neo4j.import_graph(
            home, split_graph(notes, [], 1), password=PASSWORD, heap="512m", replace=True, progress=steps.append
        )
        assert any("every file read as multi-line" in step for step in steps)
        imported = Neo4jStore(StoreConfig(neo4j_uri=report.uri, neo4j_password=PASSWORD))
        try:
            assert imported.node_count() == len(notes)
            (row,) = imported.run_cypher("MATCH (n:Enterprise {uid: 'n299999'}) RETURN n.note AS note")
            assert row["note"] == "第299999行\n说明299999"
        finally:
            imported.close()
    finally:
        local_neo4j.stop(home)


def _stored(store: Neo4jStore) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every node's labels and raw properties, every relationship's type, ends and raw properties, sorted."""
    nodes = sorted(
        (r["uid"], sorted(r["labels"]), sorted(r["props"].items()))
        for r in store.run_cypher("MATCH (n) RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props")
    )
    rels = sorted(
        (r["type"], r["start"], r["end"], sorted(r["props"].items()))
        for r in store.run_cypher(
            "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.uid AS start, b.uid AS end, properties(r) AS props"
        )
    )
    return nodes, rels
