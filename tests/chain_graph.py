"""A small synthetic industry-chain graph whose query results can be asserted exactly.

Two documents, built through the loaders' own :class:`chainkg.loaders.builder.DocumentGraph`:
a city's plan for the 智能物流装备 chain (districts, departments, a policy with
three measures and their responsible units, links, products, firms, a platform,
projects, an indicator with targets) and a news item that restates the chain
owner (so that fact has two sources), adds a second policy citing the same
provincial one, and a second chain with no owner.
"""

from __future__ import annotations

import hashlib

from chainkg.graph.model import Node, make_uid
from chainkg.loaders.extract.builder import DocumentGraph

CHAIN = "智能物流装备产业链"
EV = "湖州市智能物流装备产业链高质量发展实施方案。"


def _document(name: str, title: str, kind: str) -> Node:
    sha = hashlib.sha256(name.encode()).hexdigest()
    props = {"title": title, "kind": kind, "sha256": sha, "path": f"synthetic/{name}"}
    return Node(make_uid("Document", sha), "Document", name, {}, props)


PLAN_DOC = _document("plan.txt", "湖州市智能物流装备产业链高质量发展实施方案", "policy")
NEWS_DOC = _document("news.txt", "吴兴区智能物流装备产业加速集聚", "news")


def chain_documents() -> list[DocumentGraph]:
    """A city's plan for one chain and a news item restating some of it (see the module docstring)."""
    g = DocumentGraph(PLAN_DOC)
    huzhou = g.node("District", "湖州市", EV, level="city")
    wuxing = g.node("District", "吴兴区", EV, aliases={"湖州市吴兴区": "scope"}, level="county")
    changxing = g.node("District", "长兴县", EV, level="county")
    zhili = g.node("District", "织里镇", EV, level="town")
    g.edge("PART_OF", wuxing, huzhou, "湖州市吴兴区。")
    g.edge("PART_OF", changxing, huzhou, "湖州市长兴县。")
    g.edge("PART_OF", zhili, wuxing, "吴兴区织里镇。")
    depts = {}
    for name, alias in (
        ("湖州市经济和信息化局", "市经信局"),
        ("湖州市发展和改革委员会", "市发改委"),
        ("湖州市商务局", "市商务局"),
        ("湖州市科学技术局", "市科技局"),
        ("湖州市人民政府办公室", "市政府办"),
    ):
        depts[alias] = g.node("Department", name, EV, aliases={alias: "scope-abbreviation"}, level="city")
        g.edge("PART_OF", depts[alias], huzhou, f"{name}。")
    jxj, fgw, sw, kjj = depts["市经信局"], depts["市发改委"], depts["市商务局"], depts["市科技局"]
    p0 = g.node("Policy", "浙江省先进制造业集群培育方案", EV)
    p1 = g.node("Policy", "湖州市智能物流装备产业链高质量发展实施方案", EV, docNumber="湖政办发〔2023〕22号")
    g.edge("CITES", p1, p0, "根据《浙江省先进制造业集群培育方案》，制定本方案。")
    g.edge("ISSUED_BY", p1, depts["市政府办"], "湖州市人民政府办公室印发。")
    chain = g.node("IndustryChain", CHAIN, EV, aliases={"智能物流装备": "suffix"}, category="emerging")
    g.edge("DEVELOPED_IN", chain, wuxing, "智能物流装备产业链重点区域：吴兴区。")
    segments = []
    for order, (name, position) in enumerate(
        (("核心零部件", "upstream"), ("整机制造", "midstream"), ("系统集成", "downstream")), 1
    ):
        seg = g.node("ChainSegment", name, EV, key=(chain.uid, name), order=order, position=position)
        g.edge("HAS_SEGMENT", chain, seg, f"产业链包括{name}环节。")
        if segments:
            g.edge("UPSTREAM_OF", segments[-1], seg, "上游到下游。")
        segments.append(seg)
    s1, s2, _ = segments
    g.edge("INCLUDES", s1, g.node("Product", "伺服电机", EV), "核心零部件：伺服电机。")
    g.edge("INCLUDES", s2, g.node("Product", "堆垛机", EV), "整机制造：堆垛机。")
    measures = {}
    for code, title, lead, involved in (
        ("一.（一）", "培育链主企业", jxj, (fgw, sw)),
        ("一.（二）", "招引补链项目", sw, (jxj,)),
        ("二.（一）", "建设创新平台", kjj, (jxj, fgw)),
    ):
        m = g.node("Measure", title, f"{title}。", key=(p1.uid, code), code=code, title=title)
        measures[code] = m
        g.edge("PART_OF", m, p1, f"{code}{title}")
        units = "、".join(d.aliases[0] for d in (lead, *involved))
        g.edge("LED_BY", m, lead, f"{title}。（责任单位：{units}）")
        for d in involved:
            g.edge("INVOLVES", m, d, f"{title}。（责任单位：{units}）")
    m1, m2, m3 = measures.values()
    g.edge("SUPPORTS", m1, chain, "培育智能物流装备链主企业。")
    g.edge("SUPPORTS", m2, chain, "招引智能物流装备补链项目。")
    g.edge("APPLIES_TO", m2, wuxing, "重点区域：吴兴区。")
    indicator = g.node("Indicator", "亩均税收", EV, unit="万元/亩")
    g.edge("OWNED_BY", indicator, jxj, "亩均税收（责任单位：市经信局）")
    for scope, year, value, setter in ((huzhou, 2025, 40.0, m3), (huzhou, 2027, 45.0, p1), (wuxing, 2025, 42.0, m3)):
        sentence = f"到{year}年，{scope.name}亩均税收达到{value:g}万元/亩。"
        key = (indicator.uid, scope.uid, str(year), "target", f"{value:g}")
        target = g.node(
            "Target",
            f"亩均税收 {scope.name} {year}",
            sentence,
            key=key,
            value=value,
            unit="万元/亩",
            year=year,
            comparator=">=",
            kind="target",
        )
        g.edge("OF_INDICATOR", target, indicator, sentence)
        g.edge("FOR", target, scope, sentence)
        g.edge("SETS", setter, target, sentence)
    zone = g.node("Platform", "吴兴高新技术产业开发区", EV, kind="高新区")
    g.edge("LOCATED_IN", zone, wuxing, "吴兴高新区位于吴兴区。")
    g.edge("HOSTS", zone, chain, "吴兴高新区主导产业为智能物流装备。")
    e1 = g.node("Enterprise", "浙江中力机械股份有限公司", EV, aliases={"中力机械": "short-name"}, tags=["链主", "上市"])
    e2 = g.node("Enterprise", "湖州德马科技股份有限公司", EV, tags=["专精特新"])
    e3 = g.node("Enterprise", "湖州三一装载机有限公司", EV, tags=["专精特新"])
    g.edge("CHAIN_OWNER_OF", e1, chain, "中力机械是智能物流装备产业链链主企业。")
    g.edge("IN_CHAIN", e1, chain, "中力机械属于智能物流装备产业链。")
    g.edge("IN_SEGMENT", e1, s2, "中力机械生产叉车整机。")
    g.edge("LOCATED_IN", e1, zhili, "中力机械位于织里镇。")
    g.edge("IN_CHAIN", e2, chain, "德马科技属于智能物流装备产业链。")
    g.edge("IN_SEGMENT", e2, s2, "德马科技生产输送分拣整机。")
    g.edge("LOCATED_IN", e2, zone, "德马科技位于吴兴高新区。")
    g.edge("IN_SEGMENT", e3, s1, "三一装载机生产核心零部件。")
    g.edge("LOCATED_IN", e3, changxing, "三一装载机位于长兴县。")
    big = g.node("Project", "年产10万台智能叉车项目", EV, investment=20, investmentUnit="亿元", status="在建")
    small = g.node("Project", "德马智能仓储项目", EV, investment=5000, investmentUnit="万元", status="签约")
    for project, firm, place in ((big, e1, wuxing), (small, e2, zone)):
        g.edge("IN_CHAIN", project, chain, f"{project.name}属于智能物流装备产业链。")
        g.edge("LOCATED_IN", project, place, f"{project.name}落地{place.name}。")
        g.edge("INVESTS_IN", firm, project, f"{firm.name}投资{project.name}。")

    n = DocumentGraph(NEWS_DOC)
    chain_n = n.node("IndustryChain", CHAIN, "吴兴区智能物流装备产业加速集聚。")
    e1_n = n.node("Enterprise", "浙江中力机械股份有限公司", "中力机械。")
    n.edge("CHAIN_OWNER_OF", e1_n, chain_n, "作为链主，中力机械带动上下游企业集聚。")
    p0_n = n.node("Policy", "浙江省先进制造业集群培育方案", "培育方案。")
    p2 = n.node("Policy", "吴兴区支持智能物流装备产业发展若干政策", "若干政策。")
    n.edge("CITES", p2, p0_n, "贯彻落实《浙江省先进制造业集群培育方案》。")
    n.edge("SUPPORTS", p2, chain_n, "吴兴区出台政策支持智能物流装备产业。")
    ev2 = n.node("IndustryChain", "新能源汽车产业链", "长兴县新能源汽车产业链。")
    changxing_n = n.node("District", "长兴县", "长兴县。")
    n.edge("DEVELOPED_IN", ev2, changxing_n, "长兴县发展新能源汽车产业链。")
    e3_n = n.node("Enterprise", "湖州三一装载机有限公司", "三一装载机。")
    n.edge("IN_CHAIN", e3_n, ev2, "三一装载机进入新能源汽车产业链。")
    return [g, n]
