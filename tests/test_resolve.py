"""Cross-document resolution: one node per real thing, scoped things kept apart."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.model import Graph, Node, node_uid
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.pipeline import build, extract_path
from chainkg.loaders.resolve import Resolver, identity


def _doc(name: str) -> DocumentGraph:
    return DocumentGraph(Node(node_uid("Document", name), "Document", name, {}, {"kind": "news"}))


def test_short_name_in_a_later_document_maps_onto_the_stored_legal_name() -> None:
    first = _doc("a.txt")
    first.node("Enterprise", "宁波舜宇光电信息有限公司", "宁波舜宇光电信息有限公司投产。")
    resolver = Resolver(Graph())
    stored = resolver.resolve(first)
    resolver.learn(stored)
    full = next(stored.by_label("Enterprise"))
    second = _doc("b.txt")
    short = second.node("Enterprise", "舜宇光电", "舜宇光电签约落户。")
    chain = second.node("IndustryChain", "光学电子", "光学电子产业。")
    second.edge("IN_CHAIN", short, chain, "舜宇光电属于光学电子产业。")
    resolved = resolver.resolve(second)
    assert short.uid not in resolved.nodes
    assert ("IN_CHAIN", full.uid, chain.uid) in resolved.edges
    assert ("MENTIONED_IN", full.uid, second.document.uid) in resolved.edges
    stored.merge(resolved)
    node = stored.nodes[full.uid]
    assert node.name == "宁波舜宇光电信息有限公司", "the fuller name stays the display name"
    assert node.alias_rules["舜宇光电"].startswith("cross-document")


def test_alias_of_a_chain_merges_and_departments_stay_scoped() -> None:
    first = _doc("a.txt")
    first.node("IndustryChain", "智能物流装备", "…", aliases={"物流装备": "fold"})
    first.node("Department", "平湖市经济和信息化局", "…", aliases={"市经信局": "scope"})
    resolver = Resolver(first)
    second = _doc("b.txt")
    chain = second.node("IndustryChain", "物流装备", "…")
    dept = second.node("Department", "湖州市经济和信息化局", "…", aliases={"市经信局": "scope"})
    resolved = resolver.resolve(second)
    assert chain.uid not in resolved.nodes
    assert node_uid("IndustryChain", "智能物流装备") in resolved.nodes
    assert dept.uid in resolved.nodes, "a department is never merged by a shared short form"


def test_ambiguous_alias_keeps_nodes_apart() -> None:
    stored = _doc("a.txt")
    stored.node("Enterprise", "天原集团", "…", aliases={"天原": "x"})
    stored.node("Enterprise", "天原科技", "…", aliases={"天原": "y"})
    resolver = Resolver(stored)
    second = _doc("b.txt")
    firm = second.node("Enterprise", "天原股份", "…", aliases={"天原": "z"})
    assert firm.uid in resolver.resolve(second).nodes


def test_building_twice_is_idempotent_and_firms_are_one_node(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "fixtures" / "news"
    store = EmbeddedStore(tmp_path / "g.json")
    build([corpus], store)
    once = store.read().to_dict()
    build([corpus], store, force=True)
    assert store.read().to_dict() == once
    names = [n["name"] for n in once["nodes"] if n["label"] == "Enterprise"]
    assert len(names) == len(set(names))


def _build(tmp_path: Path, order: list[str]) -> dict:
    """Build the news files of ``order`` into one store, one build per file, in that order."""
    corpus = Path(__file__).parent / "fixtures" / "news"
    store = EmbeddedStore(tmp_path / f"{'-'.join(order)}.json")
    for name in order:
        path = tmp_path / "files" / name  # the same path in both orders: a Document records it
        path.parent.mkdir(exist_ok=True)
        path.write_bytes((corpus / name).read_bytes())
        build([path], store)
    return store.read().to_dict()


def test_short_and_full_names_in_either_load_order_give_one_node_and_the_same_export(tmp_path: Path) -> None:
    files = ["hefei_shushan_brief.txt", "hefei_displays.txt"]  # the first uses only short forms
    forward, backward = _build(tmp_path, files), _build(tmp_path, files[::-1])
    assert forward == backward
    by_name = {(n["label"], n["name"]): n for n in forward["nodes"]}
    zone = by_name[("Platform", "合肥蜀山高新技术产业开发区")]
    assert "蜀山高新区" in zone["aliases"]
    assert ("Platform", "蜀山高新区") not in by_name
    firm = by_name[("Enterprise", "合肥维信诺科技有限公司")]
    assert "维信诺科技" in firm["aliases"], "the fuller legal name is the display name whichever came first"
    assert all(rule.partition(" ⇐ ")[2] for rule in zone["mergedBy"] + firm["mergedBy"])


def test_a_node_named_by_another_nodes_alias_in_the_same_document_is_that_node() -> None:
    doc = _doc("a.txt")
    fabric = doc.node("IndustryChain", "纺织面料", "…", aliases={"纺织": "industry-vocabulary"})
    bare = doc.node("IndustryChain", "纺织", "鼓励纺织企业向下游延伸。")
    resolved = Resolver(Graph()).resolve(doc)
    assert bare.uid not in resolved.nodes
    assert ("MENTIONED_IN", fabric.uid, doc.document.uid) in resolved.edges


def test_the_mentions_of_two_readings_merged_in_one_document_add_up() -> None:
    doc = _doc("a.txt")
    doc.node("Enterprise", "甲乙精工机械有限公司", "甲乙精工机械有限公司今年扩产。")
    doc.node("Enterprise", "甲乙精工机械有限公司", "甲乙精工机械有限公司新建产线。")
    doc.node("Enterprise", "浙江甲乙精工机械有限公司", "浙江甲乙精工机械有限公司在东区签约。")  # the same identity
    resolved = Resolver(Graph()).resolve(doc)
    (firm,) = resolved.by_label("Enterprise")
    assert resolved.edges[("MENTIONED_IN", firm.uid, doc.document.uid)].props["count"] == 3


def test_identity_keys_join_forms_of_one_zone_and_keep_same_kinds_of_two_cities_apart() -> None:
    assert identity("Platform", "湖州吴兴高新技术产业开发区") == identity("Platform", "吴兴高新区")
    assert identity("Platform", "湖州市企业服务平台") != identity("Platform", "嘉兴市企业服务平台")
    assert identity("Platform", "湖州经济开发区") != identity("Platform", "嘉兴经济开发区")
    assert identity("Enterprise", "湖州三一装载机有限公司") == identity("Enterprise", "三一装载机")


def test_a_coded_platform_named_before_a_verb_is_one_node_whatever_its_kind_word() -> None:
    graph = Resolver(Graph()).resolve(extract_path(Path(__file__).parent / "fixtures" / "news" / "beilun_chains.txt"))
    platforms = [n for n in graph.by_label("Platform") if "1+N" in n.name]
    assert len(platforms) == 1, [n.name for n in platforms]
    assert {platforms[0].name, *platforms[0].alias_rules} == {"1+N产业平台", "1+N高能级平台"}
    assert (
        identity("Platform", "2+8产业平台") == identity("Platform", "2+8平台") == identity("Platform", "2+8高能级平台")
    )
