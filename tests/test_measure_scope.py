"""What a measure is about and where: numbered articles, the chain a plan or heading is about (SUPPORTS) and
the places a measure acts in (APPLIES_TO), on short invented plans written the way several provinces write them."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.extract import measures
from chainkg.loaders.reading.text_clean import clean
from tests.extracted import extract_text as _graph


def _measures(graph: Graph) -> dict[str, object]:
    return {n.props.get("code"): n for n in graph.by_label("Measure")}


def _ends(graph: Graph, rel: str, start_uid: str) -> set[str]:
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == start_uid}


def _supports(graph: Graph) -> dict[str, set[str]]:
    """Measure code → names of the chains it SUPPORTS."""
    return {code: _ends(graph, "SUPPORTS", node.uid) for code, node in _measures(graph).items()}


# --- 第X条 articles and 第X章 chapters ---------------------------------------------------------------------


def test_articles_with_heading_before_the_full_stop_or_in_brackets() -> None:
    text = (
        "第一条　总体目标。到2027年，培育三家龙头企业。\n"
        "第二条（扩大产能）对新建生产线的企业给予补助。\n"
        "第三条 附则。本办法自发布之日起施行。\n"
    )
    items = measures.parse(text)
    assert [(i.code, i.title) for i in items] == [("第一条", "总体目标"), ("第二条", "扩大产能"), ("第三条", "附则")]


def test_chapters_group_articles_and_sub_items_nest_under_articles() -> None:
    text = (
        "第一章 总则\n"
        "第一条 为促进本地装备制造业发展，制定本办法。\n"
        "第二章 支持政策\n"
        "第二条 支持企业技术改造。\n"
        "（一）设备投资补助。按投资额的百分之十给予补助。\n"
        "第三条 支持企业开拓市场。\n"
    )
    items = list(measures.walk(measures.parse(text)))
    assert [i.code for i in items] == [
        "第一章",
        "第一章.第一条",
        "第二章",
        "第二章.第二条",
        "第二章.第二条.（一）",
        "第二章.第三条",
    ]


def test_a_counted_thing_at_a_line_start_is_no_article() -> None:
    # 第二条生产线 would read as an article only at a line start; inside a sentence it is text
    items = measures.parse("1.扩大产能。推动企业建成第二条生产线。\n")
    assert [i.code for i in items] == ["1"]


def test_site_header_fields_and_articles_are_never_glued_to_the_line_before() -> None:
    text = (
        "索引号:ABC123456789/2024-00001234\n发布机构:某某市人民政府办公室\n文号:某政办发〔2024〕3号\n\n"
        "某某市促进智能家电产业发展若干政策\n"
        "第一条(目的) 为推动智能家电产业集聚发展,结合本市实际,制定本政策并组织实施到位\n"
        "第二条(适用范围) 本政策适用于本市企业。\n"
    )
    lines = [line for line in clean(text).text.split("\n") if line]
    assert lines[0].startswith("索引号") and lines[1].startswith("发布机构")
    assert "某某市促进智能家电产业发展若干政策" in lines
    assert any(line.startswith("第二条") for line in lines)


# --- SUPPORTS: one-chain plans, chain headings, grouping headings ------------------------------------------

_ARTICLES_PLAN = """广东省江门市人民政府办公室关于印发《江门市支持智能家电产业高质量发展若干措施》的通知
江府办〔2025〕7号

江门市支持智能家电产业高质量发展若干措施

第一条　发展目标。到2027年，全市家电产业产值达到800亿元。
第二条　支持龙头企业增资扩产。对企业新增设备投资给予10%补助。（责任单位：市工业和信息化局）
第三条　鼓励首台套产品应用。对首次推广应用的新产品给予奖励。（责任单位：市科学技术局）
第四条　附则。本措施由市工业和信息化局负责解释。
"""


def test_articles_of_a_one_chain_plan_support_its_chain_but_the_closing_article(tmp_path: Path) -> None:
    graph = _graph(tmp_path, _ARTICLES_PLAN)
    supports = _supports(graph)
    assert supports["第一条"] == supports["第二条"] == supports["第三条"] == {"智能家电"}
    assert supports["第四条"] == set()
    assert _measures(graph)["第二条"].name == "支持龙头企业增资扩产"


_GROUPED_PLAN = """湖南省株洲市人民政府关于推进轨道交通装备产业延链强链的实施意见

为做大做强本市优势产业，提出如下意见。
一、总体目标
到2026年，全市产业规模突破1500亿元。
二、主要任务
（一）做强整车制造。支持骨干企业研制新型动车组，拓展城市轨道交通、航空航天等应用市场。
（二）补齐关键部件。围绕牵引系统、制动系统引进配套企业。
三、保障措施
（一）强化组织领导。建立链长牵头的推进机制。
（二）加大资金支持。统筹专项资金支持重点项目。
四、附则
本意见自印发之日起施行。
"""


def test_one_chain_plan_groups_support_nothing_their_items_support_the_chain(tmp_path: Path) -> None:
    supports = _supports(_graph(tmp_path, _GROUPED_PLAN))
    assert supports["一"] == {"轨道交通装备"}  # an item with its own text
    assert supports["二"] == supports["三"] == set()  # top headings that only group items
    for code in ("二.（一）", "二.（二）", "三.（一）", "三.（二）"):
        assert supports[code] == {"轨道交通装备"}, code
    # the fields a measure serves (航空航天) are no chains it supports
    assert "航空航天" not in supports["二.（一）"]
    assert supports["四"] == set()


_CHAIN_HEADINGS_PLAN = """九江市2025年重点产业链链长制工作要点

全市聚焦新能源汽车、生物医药等重点产业链，推行链长制。
一、年度目标
全年重点产业链营业收入增长12%以上。
二、重点工作
（一）新能源汽车产业链
①培育整车企业。推动整车项目投产，引进电池配套企业。（市工业和信息化局牵头）
（二）生物医药产业链
①壮大中药板块。支持企业扩大中药饮片产能。（市卫生健康委牵头）
三、保障机制
①完善调度机制。各链每季度召开一次调度会。（市工业和信息化局牵头）
"""


def test_items_under_a_chain_heading_support_that_chain_and_group_headings_none(tmp_path: Path) -> None:
    supports = _supports(_graph(tmp_path, _CHAIN_HEADINGS_PLAN))
    assert supports["二.（一）"] == supports["二.（一）.①"] == {"新能源汽车"}
    assert supports["二.（二）"] == supports["二.（二）.①"] == {"生物医药"}
    assert supports["二"] == set()  # 重点工作 only groups the chains' headings
    assert supports["三.①"] == set()


# --- APPLIES_TO: where a measure acts -----------------------------------------------------------------------

_PLACES_PLAN = """江西省九江市锂电池产业链三年行动方案（2025—2027年）

一、重点任务
（一）壮大电芯规模。推动修水县、武宁县重点发展储能电芯，支持九江的赣锋示范科技有限公司扩大产能。（责任单位：市工业和信息化局、修水县人民政府）
（二）保障原料供应。以瑞昌市为重点整合锂矿资源，支持永修县的星源锂材有限公司扩大产能，全市统筹用地指标。
（三）建设回收基地。在湖口县规划建设电池回收产业园，在九江经开区布局检测平台。
"""

_PLACES_PLAN_SICHUAN = """四川省绵阳市集成电路产业链提升行动计划

一、重点任务
（一）建设封测基地。依托游仙区现有园区资源，引进封装测试企业。（牵头单位：游仙区政府）
（二）扩大芯片设计。加快位于涪城区的设计中心建设，引导三台县、盐亭县的配套企业进入供应体系。
"""


def test_places_after_a_cue_are_where_the_measure_applies(tmp_path: Path) -> None:
    graph = _graph(tmp_path, _PLACES_PLAN)
    items = _measures(graph)
    assert _ends(graph, "APPLIES_TO", items["一.（一）"].uid) == {"九江市修水县", "九江市武宁县"}
    assert _ends(graph, "APPLIES_TO", items["一.（二）"].uid) == {"九江市瑞昌市"}
    assert _ends(graph, "APPLIES_TO", items["一.（三）"].uid) == {"九江市湖口县"}


def test_places_of_bodies_and_firms_and_the_scope_apply_nowhere(tmp_path: Path) -> None:
    graph = _graph(tmp_path, _PLACES_PLAN_SICHUAN)
    items = _measures(graph)
    assert _ends(graph, "APPLIES_TO", items["一.（一）"].uid) == {"绵阳市游仙区"}  # not again from 游仙区政府
    assert _ends(graph, "APPLIES_TO", items["一.（二）"].uid) == {"绵阳市涪城区", "绵阳市三台县", "绵阳市盐亭县"}
