"""Two cities' imported firm lists, a plan and a news item for the 智能物流装备 chain (its template's links).

测试省 has the cities 甲市 (district 东区), 乙市 (district 西区) and 丙市. 甲市's plan supports the chain and
calls 自动化立体仓库 a 短板. Imported firm lists (Documents of kind ``firm_table``, written as
``chainkg import firms`` writes them): 甲市's covers 东区, 乙市's covers 西区; 丙市 has none. The firms'
business scopes are written in the styles of two provinces (a 广东-style 研发、生产、销售：A、B and a
浙江-style 一般项目：A；B；（除依法须经批准的项目外…）), invented like the firms.

- 东区: 甲输送设备有限公司 makes conveyor lines (输送分拣设备), 甲贸易有限公司 only sells stacker cranes.
- 西区: 乙仓储装备有限公司 makes stacker cranes (专精特新, 5000万元), 乙导航科技有限公司 laser navigation
  parts, 乙软件有限公司 only software and technical services, 乙车辆有限公司 whose industry is 电动叉车.
- 丙市: 丙机器人有限公司, which a news item says makes AGV (a product node, no chain tie).
"""

from __future__ import annotations

import hashlib
from typing import Any

from chainkg.graph.model import Graph, Node, make_uid, node_uid
from chainkg.loaders.extract.builder import DocumentGraph

CHAIN = "智能物流装备"
PLAN_TEXT = (
    "甲市智能物流装备产业链行动方案\n一、做强智能物流装备产业链。\n自动化立体仓库环节是我市智能物流装备产业链的短板。\n"
)
NEWS_TEXT = "丙机器人有限公司生产AGV。\n"

#: (district, name, business scope, industry, tags, registered capital in 万元) per imported row.
JIA_ROWS = [
    ("东区", "甲输送设备有限公司", "输送线、分拣机的设计、制造、安装；货物进出口。", "通用设备制造业", [], 800.0),
    ("东区", "甲贸易有限公司", "堆垛机销售；叉车租赁；五金产品批发。", "批发业", [], 100.0),
]
YI_ROWS = [
    (
        "西区",
        "乙仓储装备有限公司",
        "研发、生产、销售：堆垛机、穿梭车、立体货架；货物及技术进出口。"
        "（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        "专用设备制造业",
        ["专精特新"],
        5000.0,
    ),
    (
        "西区",
        "乙导航科技有限公司",
        "一般项目：激光导航传感器研发；驱动轮制造；智能仓储装备销售（不含堆垛机）。"
        "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
        "仪器仪表制造业",
        ["高新技术企业"],
        1200.0,
    ),
    ("西区", "乙软件有限公司", "软件开发；技术服务、技术开发、技术咨询；信息系统集成服务。", "软件业", [], 300.0),
    ("西区", "乙车辆有限公司", "", "电动叉车制造", ["规上"], 20000.0),
]


def _document(name: str, title: str, kind: str, text: str = "", **props: Any) -> Node:
    sha = hashlib.sha256(name.encode()).hexdigest()
    base = {"title": title, "kind": kind, "sha256": sha, "path": f"synthetic/{name}", "text": text}
    return Node(make_uid("Document", sha), "Document", name, {}, {**base, **props})


def _places(g: DocumentGraph, s: str) -> dict[str, Node]:
    province = g.node("District", "测试省", s, level="province")
    places = {"测试省": province}
    for city, county in (("甲市", "东区"), ("乙市", "西区"), ("丙市", None)):
        places[city] = g.node("District", city, s, level="city")
        g.edge("PART_OF", places[city], province, s)
        if county:
            places[county] = g.node("District", county, s, level="county")
            g.edge("PART_OF", places[county], places[city], s)
    return places


def firm_table(file: str, title: str, rows: list[tuple[str, str, str, str, list[str], float]]) -> DocumentGraph:
    """An imported firm list in the shape ``chainkg import firms`` writes (see the module docstring)."""
    scope = sorted({node_uid("District", r[0]) for r in rows})
    g = DocumentGraph(_document(file, title, "firm_table", scope=scope))
    places = _places(g, f"企业名单 {file}")
    for n, (district, name, business, industry, tags, capital) in enumerate(rows, start=2):
        row = f"{file} 第{n}行"
        line = f"企业名单 {row}：{name}，{district}"
        firm = g.node(
            "Enterprise",
            name,
            line,
            credit_code=f"91330000MA{n:08d}",
            legal_representative="张三",
            registered_capital=capital,
            registered_capital_text=f"{capital:g}万元",
            founded="2015-06-01",
            company_type="有限责任公司",
            industry=industry,
            business_scope=business or None,
            province="测试省",
            city="甲市" if district == "东区" else "乙市",
            county=district,
            tags=tags,
            import_sources=[row],
        )
        g.edge("LOCATED_IN", firm, places[district], line)
    return g


def build() -> list[Graph]:
    """甲市's plan, the two cities' firm lists and the news item."""
    plan = DocumentGraph(_document("plan.txt", "甲市智能物流装备产业链行动方案", "policy", PLAN_TEXT))
    s = PLAN_TEXT.splitlines()[1]
    places = _places(plan, s)
    chain = plan.node("IndustryChain", CHAIN, s, category="emerging")
    policy = plan.node("Policy", "甲市智能物流装备产业链行动方案", s)
    plan.edge("SUPPORTS", policy, chain, s)
    plan.edge("APPLIES_TO", policy, places["甲市"], s)

    news = DocumentGraph(_document("news.txt", "丙市新闻", "news", NEWS_TEXT))
    places = _places(news, NEWS_TEXT)
    firm = news.node("Enterprise", "丙机器人有限公司", NEWS_TEXT, tags=["上市"])
    news.edge("MAKES", firm, news.node("Product", "AGV", NEWS_TEXT), NEWS_TEXT)
    news.edge("LOCATED_IN", firm, places["丙市"], NEWS_TEXT)
    return [
        plan,
        firm_table("甲市企业名单.xlsx", "甲市企业名单", JIA_ROWS),
        firm_table("乙市企业名单.xlsx", "乙市企业名单", YI_ROWS),
        news,
    ]


def uid(label: str, name: str) -> str:
    return node_uid(label, name)
