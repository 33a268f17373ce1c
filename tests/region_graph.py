"""A small graph of one chain that two cities' documents speak of, for the region rule and the viewer.

测试省 has two cities, 甲市 and 乙市 (PART_OF 测试省); 甲市 has a district 东区 (PART_OF 甲市) and 东区 a
platform 甲高新园区 (LOCATED_IN 东区). Both cities' policies support the chain 储能测试装备:

- 甲市's policy is issued by 甲市经济和信息化局 (PART_OF 甲市); its measure names no place, so the measure is
  甲市's through its policy's issuer; its target (FOR the chain only) is 甲市's through the measure that sets it;
  it calls the 运维服务 link a 短板.
- 乙市's measure APPLIES_TO 乙市; its target is FOR 乙市 and the chain.

Firms: 甲电池公司 on the platform (so in 东区, 甲市, 测试省), 乙储能公司 LOCATED_IN 乙市, 丙无址公司 of no place.
"""

from __future__ import annotations

from chainkg.graph.model import Graph, Node, make_uid, node_uid
from chainkg.loaders.extract.builder import DocumentGraph

CHAIN = "储能测试装备"
JIA_TEXT = (
    "甲市储能测试装备产业链行动方案\n"
    "一、做强电芯制造。支持甲电池公司扩大电芯制造。（责任单位：甲市经济和信息化局）\n"
    "到2026年，储能测试装备产业链产值达到50亿元。\n"
    "运维服务环节是我市储能测试装备产业链的短板。\n"
)
YI_TEXT = (
    "乙市储能测试装备产业链实施意见\n"
    "一、引育系统集成企业。乙储能公司在乙市从事系统集成。\n"
    "到2026年，乙市储能测试装备产业链产值达到80亿元。\n"
)
NEWS_TEXT = "丙无址公司从事电芯制造。\n"


def _document(name: str, title: str, text: str, kind: str) -> Node:
    sha = make_uid("Document", name)
    return Node(
        make_uid("Document", sha),
        "Document",
        name,
        {},
        {"title": title, "path": f"tests/{name}", "kind": kind, "sha256": sha, "format": "txt", "text": text},
    )


def _places(g: DocumentGraph, s: str) -> dict[str, Node]:
    province = g.node("District", "测试省", s, level="province")
    jia = g.node("District", "甲市", s, level="city")
    yi = g.node("District", "乙市", s, level="city")
    east = g.node("District", "东区", s, level="county")
    park = g.node("Platform", "甲高新园区", s, kind="园区")
    g.edge("PART_OF", jia, province, s)
    g.edge("PART_OF", yi, province, s)
    g.edge("PART_OF", east, jia, s)
    g.edge("LOCATED_IN", park, east, s)
    return {"province": province, "jia": jia, "yi": yi, "east": east, "park": park}


def _segments(g: DocumentGraph, chain: Node, s: str) -> dict[str, Node]:
    segs = {}
    for order, (name, position) in enumerate(
        [("电芯制造", "upstream"), ("系统集成", "midstream"), ("运维服务", "downstream")], start=1
    ):
        seg = g.node("ChainSegment", name, s, key=(CHAIN, name), position=position, order=order)
        g.edge("HAS_SEGMENT", chain, seg, s)
        segs[name] = seg
    return segs


def _policy(g: DocumentGraph, title: str, text: str, chain: Node, value: int, code: str) -> tuple[Node, Node, Node]:
    lines = text.splitlines()
    pol = g.node("Policy", title, lines[0])
    measure = g.node(
        "Measure", lines[1][:10], lines[1], key=(title, "一"), code="一", title=lines[1][:10], text=lines[1]
    )
    g.edge("PART_OF", measure, pol, lines[1])
    g.edge("SUPPORTS", measure, chain, lines[1])
    target = g.node(
        "Target",
        f"产业链产值 {CHAIN} 2026 {code}",
        lines[2],
        key=("产业链产值", CHAIN, "2026", code),
        value=value,
        unit="亿元",
        year=2026,
        comparator=">=",
        kind="target",
    )
    g.edge("OF_INDICATOR", target, g.node("Indicator", "产业链产值", lines[2], unit="亿元"), lines[2])
    g.edge("FOR", target, chain, lines[2])
    g.edge("SETS", measure, target, lines[2])
    return pol, measure, target


def build() -> list[Graph]:
    """甲市's policy, 乙市's policy and a news item."""
    jia_doc = DocumentGraph(_document("jia.txt", "甲市储能测试装备产业链行动方案", JIA_TEXT, "policy"))
    s = JIA_TEXT.splitlines()[1]
    places = _places(jia_doc, s)
    chain = jia_doc.node("IndustryChain", CHAIN, s, category="emerging")
    segs = _segments(jia_doc, chain, s)
    pol, _measure, _target = _policy(jia_doc, "甲市储能测试装备产业链行动方案", JIA_TEXT, chain, 50, "甲")
    bureau = jia_doc.node("Department", "甲市经济和信息化局", s, level="city")
    jia_doc.edge("PART_OF", bureau, places["jia"], s)
    jia_doc.edge("ISSUED_BY", pol, bureau, s)
    firm = jia_doc.node("Enterprise", "甲电池公司", s)
    jia_doc.edge("IN_SEGMENT", firm, segs["电芯制造"], s)
    jia_doc.edge("IN_CHAIN", firm, chain, s)
    jia_doc.edge("LOCATED_IN", firm, places["park"], s)

    yi_doc = DocumentGraph(_document("yi.txt", "乙市储能测试装备产业链实施意见", YI_TEXT, "policy"))
    s = YI_TEXT.splitlines()[1]
    places = _places(yi_doc, s)
    chain = yi_doc.node("IndustryChain", CHAIN, s)
    segs = _segments(yi_doc, chain, s)
    _pol, measure, target = _policy(yi_doc, "乙市储能测试装备产业链实施意见", YI_TEXT, chain, 80, "乙")
    yi_doc.edge("APPLIES_TO", measure, places["yi"], s)
    yi_doc.edge("FOR", target, places["yi"], YI_TEXT.splitlines()[2])
    firm = yi_doc.node("Enterprise", "乙储能公司", s)
    yi_doc.edge("IN_SEGMENT", firm, segs["系统集成"], s)
    yi_doc.edge("IN_CHAIN", firm, chain, s)
    yi_doc.edge("LOCATED_IN", firm, places["yi"], s)

    news = DocumentGraph(_document("news.txt", "新闻", NEWS_TEXT, "news"))
    chain = news.node("IndustryChain", CHAIN, NEWS_TEXT)
    segs = _segments(news, chain, NEWS_TEXT)
    firm = news.node("Enterprise", "丙无址公司", NEWS_TEXT)
    news.edge("IN_SEGMENT", firm, segs["电芯制造"], NEWS_TEXT)
    news.edge("IN_CHAIN", firm, chain, NEWS_TEXT)
    return [jia_doc, yi_doc, news]


def uid(label: str, name: str) -> str:
    return node_uid(label, name)
