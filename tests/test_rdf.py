"""RDF: the ontology covers the model, exports round-trip, are deterministic, and validate."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from chainkg.cli import main
from chainkg.graph import rdf
from chainkg.graph.errors import RdfError
from chainkg.graph.json_format import dump_json, write_atomic
from chainkg.graph.model import LABELS, REL_TYPES, Edge, Graph, Node, make_uid
from chainkg.graph.rdf.rdflib_graph import rdflib_graph
from chainkg.graph.rdf.terms import CK, ONTOLOGY_FILE, RELATIONS, SHAPES_FILE
from chainkg.graph.rdf.text_formats import NTriplesWriter, TurtleWriter, write_blocks
from chainkg.graph.rdf.triples import graph_blocks
from chainkg.graph.store import GraphStore
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.resources import resource_text

#: Text that breaks naive escaping in N-Triples, Turtle, JSON or HTML.
TRICKY = '“链主”\n"quoted" back\\slash \\n not a newline\r\t<script>alert("x")</script> 湖州市'
#: The installed command, run as a user would (a new process: its own hash seed).
CHAINKG = str(Path(sys.executable).parent / "chainkg")
SKOS_DEFINITION = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#definition")


def _document(name: str, text: str) -> Node:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    props = {"title": name, "path": f"corpus/{name}", "kind": "policy", "sha256": sha, "format": "txt", "text": text}
    return Node(make_uid("Document", sha), "Document", name, {}, {**props, "date": "2023-05-06"})


def sample_documents() -> list[DocumentGraph]:
    """Two documents whose graphs hold every label and relationship type, tricky strings and typed values."""
    first = DocumentGraph(_document("湖州行动方案.txt", f"湖州市培育链主企业行动方案\n{TRICKY}"))
    ev = f"（一）强化链长制。（责任单位：市经信局、市发改委）{TRICKY}"
    g = first
    policy = g.node(
        "Policy", "《湖州市培育“链主”企业行动方案》", ev, docNumber="湖政办发〔2023〕22号", period="2023-2027"
    )
    other = g.node("Policy", "浙江省制造业高质量发展规划", ev)
    m1 = g.node("Measure", "强化链长制", ev, key=(policy.uid, "一"), code="一", title="强化链长制", text=TRICKY)
    m2 = g.node("Measure", "细化任务", ev, key=(policy.uid, "一.（一）"), code="一.（一）")
    dep = g.node("Department", "湖州市经济和信息化局", ev, aliases={"市经信局": "scope-abbreviation"}, level="city")
    dep2 = g.node("Department", "湖州市发展和改革委员会", ev, level="city")
    team = g.node("Department", "湖州市产业链工作专班", ev)
    city = g.node("District", "湖州市", ev, level="city")
    county = g.node("District", "湖州市吴兴区", ev, aliases={"吴兴": "suffix", "吴兴区": "suffix"}, level="county")
    chain = g.node("IndustryChain", "新能源汽车产业链", ev, category="emerging")
    cluster = g.node("Cluster", "绿色智造产业集群", ev)
    up = g.node("ChainSegment", "上游原材料", ev, position="upstream", order=1)
    mid = g.node("ChainSegment", "中游零部件", ev, position="midstream", order=2)
    product = g.node("Product", "锂电池", ev)
    firm = g.node("Enterprise", "浙江天能控股集团有限公司", ev, tags=["链主", "中国500强"], listed=True)
    firm2 = g.node("Enterprise", "湖州某某科技有限公司", ev, tags=[])
    park = g.node("Platform", "湖州莫干山高新技术产业开发区", ev, kind="高新区")
    institute = g.node("Institute", "浙江大学湖州研究院", ev)
    project = g.node("Project", "年产10GWh动力电池项目", ev, investment=52.5, area=300, status="在建")
    indicator = g.node("Indicator", "亩均税收", ev, unit="万元/亩")
    target = g.node(
        "Target", "亩均税收2027", ev, key=("亩均税收", city.uid, "2027"), value=40.5, unit="万元/亩", year=2027,
        comparator=">=", kind="target",
    )  # fmt: skip
    target2 = g.node("Target", "研发占比2025", ev, key=("研发", "2025"), value=3, year=2025, share=1e-7, kind="target")
    edges: list[tuple[str, Node, Node]] = [
        ("CITES", policy, other), ("ISSUED_BY", policy, dep), ("PART_OF", m1, policy), ("PART_OF", m2, m1),
        ("PART_OF", county, city), ("PART_OF", chain, cluster), ("PART_OF", dep, city), ("LED_BY", m1, dep),
        ("INVOLVES", m1, dep2), ("MEMBER_OF", dep, team), ("SUPPORTS", m1, chain), ("APPLIES_TO", m1, county),
        ("SETS", m1, target), ("SETS", policy, target2), ("OF_INDICATOR", target, indicator),
        ("OF_INDICATOR", target2, indicator), ("FOR", target, city), ("OWNED_BY", indicator, dep),
        ("DEVELOPED_IN", chain, county), ("HOSTS", park, chain), ("LOCATED_IN", firm, park),
        ("LOCATED_IN", park, county), ("LOCATED_IN", institute, city), ("LOCATED_IN", project, park),
        ("CHAIN_OWNER_OF", firm, chain), ("IN_CHAIN", firm2, chain), ("IN_CHAIN", project, chain),
        ("IN_SEGMENT", firm, up), ("HAS_SEGMENT", chain, up), ("UPSTREAM_OF", up, mid), ("INCLUDES", mid, product),
        ("MAKES", firm, product), ("ACQUIRED", firm, firm2), ("INVESTS_IN", firm, project),
    ]  # fmt: skip
    for rel_type, start, end in edges:
        g.edge(rel_type, start, end, ev, role="链主" if rel_type == "CHAIN_OWNER_OF" else None)
    g.node("Enterprise", "浙江天能控股集团有限公司", "第二次提及")  # MENTIONED_IN count 2

    second = DocumentGraph(_document("新闻.txt", "吴兴区新闻：天能集团是新能源汽车产业链链主。"))
    firm_again = second.node("Enterprise", "浙江天能控股集团有限公司", "天能集团是链主", aliases={"天能集团": "short"})
    chain_again = second.node("IndustryChain", "新能源汽车产业链", "新能源汽车产业链")
    second.edge("CHAIN_OWNER_OF", firm_again, chain_again, "天能集团是新能源汽车产业链链主。")
    return [first, second]


def sample_graph() -> Graph:
    graph = Graph()
    for document in sample_documents():
        graph.merge(document)
    return graph


def assert_same_graph(got: Graph, want: Graph) -> None:
    """Equal export dicts; on failure, print the nodes and edges that differ."""
    got_dict, want_dict = got.to_dict(), want.to_dict()
    if got_dict != want_dict:
        for part in ("nodes", "edges"):
            got_items = {json.dumps(item, ensure_ascii=False, sort_keys=True) for item in got_dict[part]}
            want_items = {json.dumps(item, ensure_ascii=False, sort_keys=True) for item in want_dict[part]}
            for item in sorted(want_items - got_items):
                print(f"missing {part[:-1]}: {item}")
            for item in sorted(got_items - want_items):
                print(f"unexpected {part[:-1]}: {item}")
    assert got_dict == want_dict


def assert_isomorphic(got: rdflib.Graph, want: rdflib.Graph) -> None:
    """Isomorphic RDF graphs; on failure, print the triples only one side has."""
    if not isomorphic(got, want):
        _both, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        for triple in sorted(only_want)[:50]:
            print("missing:", triple)
        for triple in sorted(only_got)[:50]:
            print("unexpected:", triple)
    assert isomorphic(got, want)


def test_sample_covers_every_label_and_relationship_type() -> None:
    counts = sample_graph().counts()
    assert [label for label in LABELS if label not in counts] == []
    assert [rel for rel in REL_TYPES if rel not in counts] == []


def test_ontology_declares_every_label_and_relationship_in_two_languages() -> None:
    ontology = rdflib.Graph().parse(data=resource_text(ONTOLOGY_FILE), format="turtle")
    terms = [CK + label for label in LABELS] + list(RELATIONS.values())
    for term in map(rdflib.URIRef, terms):
        for predicate in (rdflib.RDFS.label, SKOS_DEFINITION):
            languages = {lit.language for lit in ontology.objects(term, predicate)}
            assert {"zh", "en"} <= languages, f"{term} lacks a Chinese or English {predicate}"
    declared = {str(s) for s in ontology.subjects() if isinstance(s, rdflib.URIRef)}
    exported = rdf.to_rdflib(sample_graph())
    used = {str(t) for triple in exported for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(CK)}
    ad_hoc = {CK + "role", CK + "share", CK + "listed"}  # properties the sample adds beyond MODEL.md
    assert sorted(used - declared - ad_hoc) == []


@pytest.mark.parametrize("fmt", rdf.FORMATS)
def test_export_parse_import_gives_the_same_graph(tmp_path: Path, fmt: str) -> None:
    graph = sample_graph()
    out = tmp_path / f"graph.{fmt}"
    count = rdf.export_rdf(graph, out, fmt)
    parsed = rdf.parse_file(out)
    assert count == len(parsed)
    assert_same_graph(rdf.graph_from_rdf(parsed), graph)


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_streamed_text_is_the_graph_rdflib_builds(tmp_path: Path, fmt: str) -> None:
    graph = sample_graph()
    out = tmp_path / f"graph.{fmt}"
    rdf.export_rdf(graph, out, fmt)
    text = out.read_text(encoding="utf-8")
    assert "湖州市" in text and "\\\\slash" in text  # UTF-8 as is, backslashes escaped
    parsed = rdflib.Graph().parse(out, format="nt" if fmt == "nt" else "turtle")
    assert_isomorphic(parsed, rdf.to_rdflib(graph))
    evidence = {str(o) for o in parsed.objects(None, rdflib.URIRef(CK + "evidence"))}
    assert any(TRICKY in sentence for sentence in evidence)


def test_exports_are_byte_identical_across_processes(tmp_path: Path) -> None:
    store = tmp_path / "graph.json"
    write_atomic(store, dump_json(sample_graph()))
    for fmt in rdf.FORMATS:
        outputs = []
        for seed in ("1", "2"):
            out = tmp_path / f"{seed}.{fmt}"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            command = [CHAINKG, "export", "rdf", str(out), "--format", fmt, "--store"]
            subprocess.run([*command, str(store)], check=True, env=env, capture_output=True)
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], f"{fmt} export differs between runs"
        assert_isomorphic(rdf.parse_file(tmp_path / f"1.{fmt}"), rdf.to_rdflib(sample_graph()))


def test_iris_come_from_uids_under_the_base_and_literals_are_typed(tmp_path: Path) -> None:
    graph = sample_graph()
    graph.add_node(Node("odd uid/with 空格#", "Product", "奇怪的产品"))
    out = tmp_path / "graph.nt"
    rdf.export_rdf(graph, out, "nt", base="http://data.example.cn/kg#")
    parsed = rdflib.Graph().parse(out, format="nt")
    subjects = {str(s) for s in parsed.subjects(rdflib.RDF.type, None)}
    assert {f"http://data.example.cn/kg#{uid}" for uid in graph.nodes if " " not in uid} <= subjects
    assert "http://data.example.cn/kg#odd%20uid%2Fwith%20%E7%A9%BA%E6%A0%BC%23" in subjects
    values = {str(p)[len(CK) :]: o for p, o in parsed.predicate_objects() if str(p).startswith(CK)}
    assert values["year"].datatype == rdflib.XSD.gYear
    assert values["investment"].datatype == rdflib.XSD.decimal
    assert values["order"].datatype == rdflib.XSD.integer
    assert values["listed"].datatype == rdflib.XSD.boolean
    labels = list(parsed.objects(None, rdflib.RDFS.label))
    assert labels and all(label.language == "zh" for label in labels)
    assert_same_graph(rdf.graph_from_rdf(parsed), graph)
    with pytest.raises(RdfError, match="base IRI 'example'"):
        rdf.export_rdf(graph, out, "nt", base="example")


def test_every_source_and_its_evidence_is_kept_as_a_reified_statement() -> None:
    parsed = rdflib.Graph().parse(data=_text(sample_graph(), "nt"), format="nt")
    chain_owner = rdflib.URIRef(RELATIONS["CHAIN_OWNER_OF"])
    (fact,) = parsed.subjects(rdflib.RDF.predicate, chain_owner)
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    sources = {
        str(parsed.value(d, prov.entity)): str(parsed.value(d, rdflib.URIRef(CK + "evidence")))
        for d in parsed.objects(fact, prov.qualifiedDerivation)
    }
    assert len(sources) == 2
    assert "天能集团是新能源汽车产业链链主。" in sources.values()
    assert len(list(parsed.objects(fact, prov.wasDerivedFrom))) == 2
    assert str(parsed.value(fact, rdflib.URIRef(CK + "role"))) == "链主"


def _text(graph: Graph, fmt: str) -> str:
    from io import StringIO

    out = StringIO()
    nodes = [graph.nodes[uid].to_dict() for uid in sorted(graph.nodes)]
    edges = [graph.edges[key].to_dict() for key in sorted(graph.edges)]
    rdf.write_rdf(nodes, edges, out, fmt)
    return out.getvalue()


def test_streaming_writers_count_the_triples_they_write() -> None:
    graph = sample_graph()
    nodes: list[dict[str, Any]] = [n.to_dict() for n in graph.nodes.values()]
    edges: list[dict[str, Any]] = [e.to_dict() for e in graph.edges.values()]
    built = rdflib_graph(graph_blocks(nodes, edges, rdf.DEFAULT_BASE))
    from io import StringIO

    for writer in (NTriplesWriter(), TurtleWriter(rdf.DEFAULT_BASE)):
        out = StringIO()
        assert write_blocks(graph_blocks(nodes, edges, rdf.DEFAULT_BASE), out, writer) == len(built)


def test_the_sample_graph_validates_clean() -> None:
    assert rdf.validate(rdf.to_rdflib(sample_graph())) == []


def test_broken_graphs_give_readable_violations() -> None:
    graph = sample_graph()
    orphan = Node(make_uid("Measure", "orphan"), "Measure", "孤立的措施")
    graph.add_node(orphan)
    led_by = next(e for e in graph.edges.values() if e.type == "LED_BY")
    led_by.evidence.clear()  # a relationship statement with no source
    data = rdf.to_rdflib(graph)
    target = next(n for n in graph.by_label("Target") if n.name == "亩均税收2027")
    data.remove((rdflib.URIRef(rdf.DEFAULT_BASE + target.uid), rdflib.URIRef(CK + "value"), None))
    city = next(n for n in graph.by_label("District") if n.name == "湖州市")
    data.add((rdflib.URIRef(rdf.DEFAULT_BASE + "copy"), rdflib.DCTERMS.identifier, rdflib.Literal(city.uid)))
    hosts = next(data.subjects(rdflib.RDF.predicate, rdflib.URIRef(RELATIONS["HOSTS"])))
    data.remove((hosts, None, None))  # a plain triple with no statement at all

    lines = [str(v) for v in rdf.validate(data)]
    print("\n".join(lines))

    def find(*words: str) -> str:
        found = [line for line in lines if all(word in line for word in words)]
        assert found, f"no violation mentions {words}"
        return found[0]

    assert "Policy or another Measure" in find(f"Measure 孤立的措施 ({orphan.uid})")
    assert "no source" in find("relationship LED_BY Measure 强化链长制", "→ Department 湖州市经济和信息化局")
    assert "numeric value" in find(f"Target 亩均税收2027 ({target.uid})")
    assert "more than one node" in find(f"uid '{city.uid}'")
    assert find("relationship HOSTS Platform 湖州莫干山高新技术产业开发区", "IndustryChain 新能源汽车产业链")
    assert len(lines) == 5


def test_cli_validate_reports_violations_and_exit_code(tmp_path: Path) -> None:
    runner = CliRunner()
    store = tmp_path / "graph.json"
    graph = sample_graph()
    write_atomic(store, dump_json(graph))
    clean = runner.invoke(main, ["validate", "--store", str(store)])
    assert clean.exit_code == 0, clean.output
    assert "0 violations" in clean.output

    measure = Node(make_uid("Measure", "x"), "Measure", "无归属措施")
    graph.add_node(measure)
    graph.add_edge(Edge("LED_BY", measure.uid, next(graph.by_label("Department")).uid, {}))
    write_atomic(store, dump_json(graph))
    out = tmp_path / "broken.ttl"
    exported = runner.invoke(main, ["export", "rdf", str(out), "--store", str(store)])
    assert exported.exit_code == 0, exported.output
    broken = runner.invoke(main, ["validate", str(out)])
    assert broken.exit_code == 1
    assert f"violation: Measure 无归属措施 ({measure.uid})" in broken.output
    assert "relationship LED_BY Measure 无归属措施" in broken.output

    unknown = tmp_path / "graph.xyz"
    unknown.write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(unknown)])
    assert result.exit_code == 1 and "cannot tell the RDF format" in result.output


def test_shapes_and_ontology_files_parse() -> None:
    assert len(rdflib.Graph().parse(data=resource_text(SHAPES_FILE), format="turtle")) > 50
    assert len(rdflib.Graph().parse(data=resource_text(ONTOLOGY_FILE), format="turtle")) > 300


def test_round_trip_from_either_store(any_store: GraphStore, tmp_path: Path) -> None:
    for document in sample_documents():
        any_store.write_document(document)
    stored = any_store.read()
    out = tmp_path / "graph.ttl"
    rdf.export_rdf(stored, out, "ttl")
    assert_same_graph(rdf.graph_from_rdf(rdf.parse_file(out)), stored)
    assert_same_graph(stored, sample_graph())
