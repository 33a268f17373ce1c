"""A small synthetic chain graph for the viewer's tests, built the way loaders build graphs.

One chain (新能源测试装备) with five links upstream → downstream, products, firms (one chain
owner 链主, one firm on no link, one whose name is markup), platforms and districts, a measure
with a lead department that supports the chain, a target, a project and a chain without links.
Two documents: a policy (which calls the 运维服务 link a 短板) and a news item. With the chain template
of ``tests/fixtures/templates`` (``TEMPLATES``) the map gains template links, and 戊贸易公司 (on no
link of the documents) is placed on the template's 检测软件 link by its sentence. ``extra_firms`` adds
firms to the 整机制造 link to test a crowded map.
"""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph, Node, make_uid
from chainkg.loaders.extract.builder import DocumentGraph

TEMPLATES = Path(__file__).resolve().parent / "fixtures" / "templates"
EVIL = "<script>alert(1)</script>\"'</title>"
CHAIN = "新能源测试装备"
POLICY_TEXT = (
    "测试市新能源测试装备产业链行动方案\n"
    "一、培育链主企业。支持甲装备集团有限公司做强整机制造环节，新能源测试装备产业链重点布局东区。"
    "（责任单位：测试市经济和信息化局、测试市商务局）\n"
    "到2025年，新能源测试装备产业链产值达到100亿元。\n"
    "运维服务环节是我市新能源测试装备产业链的短板，要开展补链招商。\n"
)
NEWS_TEXT = (
    f"新闻：{EVIL}在核心零部件环节落户高新园区。\n"
    "高新园区位于东区，聚焦新能源测试装备产业。\n"
    "乙零部件有限公司生产伺服电机和减速器，位于西区。丙材料科技供应钢材，位于东区。\n"
    "丁集成公司从事集成应用。戊贸易公司也属于新能源测试装备产业链。\n"
    "甲装备集团有限公司是整机制造环节的链主。\n"
    "甲装备集团有限公司投资甲装备智能工厂项目，位于东区。\n"
    "戊贸易公司主营检测软件。\n"
)


def _document(name: str, title: str, text: str, kind: str) -> Node:
    sha = make_uid("Document", name)
    return Node(
        make_uid("Document", sha),
        "Document",
        name,
        {},
        {
            "title": title,
            "path": f"tests/{name}",
            "kind": kind,
            "sha256": sha,
            "format": "txt",
            "text": text,
        },
    )


def build(extra_firms: int = 0) -> list[Graph]:
    """The two document graphs, policy first."""
    policy = DocumentGraph(_document("policy.txt", "测试市新能源测试装备产业链行动方案", POLICY_TEXT, "policy"))
    s = POLICY_TEXT.splitlines()[1]
    chain = policy.node("IndustryChain", CHAIN, s, category="emerging")
    pol = policy.node(
        "Policy", "测试市新能源测试装备产业链行动方案", POLICY_TEXT.splitlines()[0], docNumber="测政发〔2024〕1号"
    )
    measure = policy.node("Measure", "培育链主企业", s, key=("policy", "一"), code="一", title="培育链主企业", text=s)
    lead = policy.node("Department", "测试市经济和信息化局", s, aliases={"市经信局": "scope-abbreviation"})
    other = policy.node("Department", "测试市商务局", s)
    east = policy.node("District", "东区", s, level="county")
    owner = policy.node("Enterprise", "甲装备集团有限公司", s, aliases={"甲装备": "short-form"}, tags=["链主", "上市"])
    policy.edge("PART_OF", measure, pol, s)
    policy.edge("LED_BY", measure, lead, s)
    policy.edge("INVOLVES", measure, other, s)
    policy.edge("SUPPORTS", measure, chain, s)
    policy.edge("DEVELOPED_IN", chain, east, s)
    policy.edge("CHAIN_OWNER_OF", owner, chain, s)
    t_sentence = POLICY_TEXT.splitlines()[2]
    target = policy.node(
        "Target",
        "产业链产值 新能源测试装备 2025",
        t_sentence,
        key=("产业链产值", CHAIN, "2025"),
        value=100,
        unit="亿元",
        year=2025,
        comparator=">=",
        kind="target",
    )
    indicator = policy.node("Indicator", "产业链产值", t_sentence, unit="亿元")
    policy.edge("OF_INDICATOR", target, indicator, t_sentence)
    policy.edge("FOR", target, chain, t_sentence)
    policy.edge("SETS", measure, target, t_sentence)

    news = DocumentGraph(_document("news.txt", f"新闻 {EVIL}", NEWS_TEXT, "news"))
    lines = NEWS_TEXT.splitlines()
    chain_n = news.node("IndustryChain", CHAIN, lines[3])
    segs = []
    for order, (name, position) in enumerate(
        [
            ("原材料", "upstream"),
            ("核心零部件", "upstream"),
            ("整机制造", "midstream"),
            ("集成应用", "downstream"),
            ("运维服务", "downstream"),
        ],
        start=1,
    ):
        seg = news.node("ChainSegment", name, lines[0], key=(CHAIN, name), position=position, order=order)
        news.edge("HAS_SEGMENT", chain_n, seg, lines[0])
        if segs:
            news.edge("UPSTREAM_OF", segs[-1], seg, lines[0])
        segs.append(seg)
    raw, parts, whole, integ, _service = segs
    park = news.node("Platform", "高新园区", lines[0], kind="园区")
    east_n = news.node("District", "东区", lines[2])
    west = news.node("District", "西区", lines[2], level="county")
    news.edge("LOCATED_IN", park, east_n, lines[0])
    news.edge("HOSTS", park, chain_n, lines[0])
    firms = {
        "甲装备集团有限公司": (whole, park, lines[4]),
        EVIL: (parts, park, lines[0]),
        "乙零部件有限公司": (parts, west, lines[2]),
        "丙材料科技": (raw, east_n, lines[2]),
        "丁集成公司": (integ, None, lines[3]),
    }
    for name, (seg, place, sentence) in firms.items():
        firm = news.node("Enterprise", name, sentence)
        news.edge("IN_SEGMENT", firm, seg, sentence)
        news.edge("IN_CHAIN", firm, chain_n, sentence)
        if place is not None:
            news.edge("LOCATED_IN", firm, place, sentence)
    loose = news.node("Enterprise", "戊贸易公司", lines[6])
    news.edge("IN_CHAIN", loose, chain_n, lines[6])
    for name, seg in (("钢材", raw), ("伺服电机", parts), ("减速器", parts), ("堆垛机", whole)):
        news.edge("INCLUDES", seg, news.node("Product", name, lines[2]), lines[2])
    for i in range(extra_firms):
        firm = news.node("Enterprise", f"测试配套企业{i:04d}有限公司", lines[0])
        news.edge("IN_SEGMENT", firm, whole, lines[0])
        news.edge("LOCATED_IN", firm, west if i % 2 else east_n, lines[0])
    project = news.node("Project", "甲装备智能工厂项目", lines[5], investment=20.5, status="在建")
    news.edge("IN_CHAIN", project, chain_n, lines[5])
    news.edge("INVESTS_IN", news.node("Enterprise", "甲装备集团有限公司", lines[5]), project, lines[5])
    news.edge("LOCATED_IN", project, east_n, lines[5])
    news.node("IndustryChain", "空白产业", lines[3])
    return [policy, news]


def owner_uid() -> str:
    from chainkg.graph.model import node_uid

    return node_uid("Enterprise", "甲装备集团有限公司")


def chain_uid() -> str:
    from chainkg.graph.model import node_uid

    return node_uid("IndustryChain", CHAIN)
