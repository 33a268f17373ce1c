"""Policy loaders on short plans from other cities: the rules carry over beyond the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.graph.model import Graph
from chainkg.loaders.extract import departments, documents, indicator_tables, measures, targets
from chainkg.loaders.pipeline import extract_path
from chainkg.loaders.reading import text_clean
from chainkg.loaders.reading.text_clean import clean, to_simplified
from chainkg.loaders.text import divisions
from chainkg.loaders.text.document import split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "policies"


def _graph(name: str) -> Graph:
    return extract_path(FIXTURES / name)


def _named(graph: Graph, label: str, name: str):
    found = [n for n in graph.by_label(label) if n.name == name]
    assert found, f"no {label} {name!r}; have {sorted(n.name for n in graph.by_label(label))}"
    return found[0]


def _ends(graph: Graph, rel: str, start_uid: str) -> set[str]:
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == start_uid}


def _measure(graph: Graph, code: str):
    found = [n for n in graph.by_label("Measure") if n.props.get("code") == code]
    assert len(found) == 1, f"measure {code}: {[n.props.get('code') for n in graph.by_label('Measure')]}"
    return found[0]


def test_ningbo_plan_measures_units_and_scope() -> None:
    graph = _graph("ningbo_digital_plan.txt")
    policy = _named(graph, "Policy", "宁波市数字经济高质量发展三年行动计划（2024—2026年）")
    assert policy.props["period"] == "2024-2026"
    item = _measure(graph, "二.（一）.1")
    assert item.name == "培育集成电路产业链"
    assert _ends(graph, "LED_BY", item.uid) == {"宁波市经济和信息化局"}
    assert _ends(graph, "INVOLVES", item.uid) == {"宁波市发展和改革委员会", "宁波市商务局"}
    # continuous numbering across sub-sections: item 3 sits under （二）
    assert _ends(graph, "PART_OF", _measure(graph, "二.（二）.3").uid) == {"推进产业数字化"}
    assert _ends(graph, "APPLIES_TO", _measure(graph, "二.（二）.3").uid) == {"宁波市慈溪市", "宁波市余姚市"}
    assert "浙江省数字经济促进条例" in _ends(graph, "CITES", policy.uid)
    assert "市经信局" in _named(graph, "Department", "宁波市经济和信息化局").aliases


def test_ningbo_plan_targets() -> None:
    graph = _graph("ningbo_digital_plan.txt")
    targets = {(n.props["year"], n.props["value"], n.props["comparator"]) for n in graph.by_label("Target")}
    assert (2026, 3000.0, ">=") in targets
    assert (2026, 90.0, ">") in targets
    assert (2026, 12.0, "about") in targets


def test_pidu_opinion_gb18030_county_scope_and_list_table() -> None:
    graph = _graph("pidu_electronics_opinion.txt")
    assert _measure(graph, "二.1.（2）").name == "建设产业载体"
    leads = _ends(graph, "LED_BY", _measure(graph, "二.2.（1）").uid)
    assert leads == {"中共成都市郫都区委人才工作领导小组办公室"}
    indicator = _named(graph, "Indicator", "研发投入强度")
    assert indicator.props["unit"] == "%"
    assert _ends(graph, "OWNED_BY", indicator.uid) == {"成都市郫都区科学技术局"}
    # the category cell is written once and the row below still reads
    assert _named(graph, "Indicator", "规上企业数量").props["unit"] == "家"


def test_suzhou_area_table_spaced_heading() -> None:
    graph = _graph("suzhou_targets_table.txt")
    assert _measure(graph, "二.（二）").name == "加快建设工业互联网平台"
    by_area = {
        graph.nodes[e.end].name: graph.nodes[e.start].props["value"]
        for e in graph.edges.values()
        if e.type == "FOR" and graph.nodes[e.start].name.startswith("智能化改造项目")
    }
    assert by_area == {"苏州市姑苏区": 800.0, "苏州市吴中区": 1500.0, "苏州市相城区": 1400.0, "苏州市": 12000.0}


@pytest.mark.parametrize(
    ("scope", "surface", "expected"),
    [
        ("湖州市", "市经信局", "湖州市经济和信息化局"),
        ("嘉兴市平湖市", "市经信局", "平湖市经济和信息化局"),
        ("宁波市", "市发展改革委", "宁波市发展和改革委员会"),
        ("湖州市吴兴区", "区委", "中共湖州市吴兴区委员会"),
        ("湖州市", "省商务厅", "浙江省商务厅"),
        (None, "工信部", "中华人民共和国工业和信息化部"),
    ],
)
def test_department_short_forms_read_in_scope(scope: str | None, surface: str, expected: str) -> None:
    mentions = departments.find_departments(surface, scope)
    assert [m.name for m in mentions] == [expected]


def test_districts_short_forms_only_in_scope_city() -> None:
    in_scope = [m.name for m in divisions.find_districts("吴兴和长兴", "湖州市")]
    assert in_scope == ["湖州市吴兴区", "湖州市长兴县"]
    assert divisions.find_districts("吴兴和长兴", "宁波市") == []
    assert divisions.ancestors("湖州市吴兴区") == ["湖州市", "浙江省"]
    assert [m.name for m in divisions.find_districts("浙江省湖州市吴兴区织里镇", None)][0] == "湖州市吴兴区"


def test_numbering_restart_and_inline_circled_items() -> None:
    text = "一、任务\n（一）甲\n1.子甲。正文\n主要路径：①路径一。说明；②路径二。说明\n（二）乙\n1.子乙\n"
    codes = [(i.code, i.title) for i in measures.walk(measures.parse(text))]
    assert ("一.（一）.1.①", "路径一") in codes
    assert ("一.（二）.1", "子乙") in codes


def test_clean_spaced_characters_page_numbers_and_traditional() -> None:
    cleaned = clean("企 业 优 强 行 动\n- 12 -\n這是一個很長的句子在頁末被切斷了所以下一行繼續說明\n\n完畢。\n").text
    assert cleaned.splitlines() == ["企业优强行动", "这是一个很长的句子在页末被切断了所以下一行继续说明完毕。"]


@pytest.mark.parametrize(
    "line",
    ["- 12 -", "  —3—  ", "第 4 页 共 20 页", "\u30003/12", "１２/３０", "12", "第一章 总则", "2025年目标", "", "   "],
)
def test_page_numbers_are_told_by_their_opening_as_by_the_pattern(line: str) -> None:
    assert text_clean._is_page_number(line) == (text_clean._PAGE_NUMBER.match(line) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "湖州市人民政府办公室文件\n湖政办发〔2023〕22号\n关于印发……的通知",
        "见〔注〕，另见浙江省经济和信息化厅浙经信发〔2024〕5号",  # a first 〔 that opens no 文号
        "一二三四五六七八九十一二三四五六七八九十湖政发〔2022〕1号",  # an issuer run longer than twelve
        "2023年12月，市政府印发了行动方案。",
    ],
)
def test_doc_numbers_are_found_from_their_bracket_as_by_the_pattern(text: str) -> None:
    found, plain = documents.find_doc_number(text), documents.DOC_NUMBER.search(text)
    assert (found.span() if found else None) == (plain.span() if plain else None)


def _targets(graph: Graph) -> dict[tuple[str, str], tuple[float, str, int]]:
    """(indicator, scope) → (value, comparator, year) of every target."""
    out = {}
    for node in graph.by_label("Target"):
        indicator = next(
            graph.nodes[e.end].name for e in graph.edges.values() if e.type == "OF_INDICATOR" and e.start == node.uid
        )
        scope = next(graph.nodes[e.end].name for e in graph.edges.values() if e.type == "FOR" and e.start == node.uid)
        out[(indicator, scope)] = (node.props["value"], node.props["comparator"], node.props["year"])
    return out


def test_hefei_notice_annexes_inherit_issuer_and_task_force_plan_has_no_measures() -> None:
    graph = _graph("hefei_notice_with_annexes.txt")
    issued = {graph.nodes[e.start].name for e in graph.edges.values() if e.type == "ISSUED_BY"}
    assert issued == {
        "合肥市新能源汽车产业链提升行动方案(2024—2026年)",
        "合肥市新能源汽车产业链2024年工作要点",
        "合肥市新能源汽车产业链工作专班方案",
    }
    policies = {n.props.get("policy") for n in graph.by_label("Measure")}
    assert "合肥市新能源汽车产业链工作专班方案" not in policies  # groups and mechanisms, not measures
    # the 附件：1. … 2. … list closing the plan names annexes, it opens no items
    assert not [n for n in graph.by_label("Measure") if n.name.endswith(("工作要点", "专班方案"))]
    # a leader's rank (市委常委) is no member unit; a sub-unit's holder belongs to the department above it
    members = {
        (graph.nodes[e.start].name, graph.nodes[e.end].name) for e in graph.edges.values() if e.type == "MEMBER_OF"
    }
    assert members == {("中共合肥市委组织部", "合肥市新能源汽车产业链工作专班综合协调组")}
    evidence = [e.evidence[graph.document.uid] for e in graph.edges.values() if e.type == "MEMBER_OF"]
    assert evidence == ["成 员：李华（市委组织部人才工作处处长）"]  # the line as written, spaced title and all


def test_hefei_cited_plans_quoted_merged_and_publications_skipped() -> None:
    graph = _graph("hefei_notice_with_annexes.txt")
    main = _named(graph, "Policy", "合肥市新能源汽车产业链提升行动方案(2024—2026年)")
    cited = _ends(graph, "CITES", main.uid)
    assert {"庐州英才计划", "庐州英才计划产业园管理办法", "新一轮专精特新企业培育三年行动计划"} <= cited
    assert main.name not in cited  # the notice quoting its own plan is no citation
    assert not any("简报" in name for name in cited)
    # 二氧化碳达峰行动计划 is the same plan as 《合肥市二氧化碳排放达峰行动方案》: one node, the other name an alias
    assert "二氧化碳达峰行动计划" not in cited
    assert "二氧化碳达峰行动计划" in _named(graph, "Policy", "合肥市二氧化碳排放达峰行动方案").aliases


def test_hefei_focus_clause_with_province_abbreviations() -> None:
    graph = _graph("hefei_notice_with_annexes.txt")
    assert _ends(graph, "APPLIES_TO", _measure(graph, "二.（一）.1").uid) == {
        "北京市",
        "天津市",
        "河北省",
        "广东省",
        "香港特别行政区",
        "澳门特别行政区",
    }


def test_hefei_targets_from_sentences_and_tables() -> None:
    targets = _targets(_graph("hefei_notice_with_annexes.txt"))
    assert targets[("列入重点项目清单的制造业项目占比", "合肥市")] == (66.67, ">=", 2026)
    assert targets[("产值", "动力电池")] == (1200.0, "=", 2026)  # 分别 pairs values with the chains listed
    assert targets[("产值", "智能网联汽车")] == (800.0, "=", 2026)
    assert targets[("建设公共海外仓", "合肥市")] == (30.0, "=", 2026)  # a count before the thing counted
    assert targets[("导入卓越绩效管理模式企业", "合肥市")] == (500.0, "=", 2026)  # the firms that do it
    assert targets[("招引总投资10亿元以上的制造业重大项目", "合肥市")] == (20.0, ">=", 2026)
    assert not [k for k, v in targets.items() if v[0] == 10.0]  # 10亿元以上 qualifies the projects
    assert targets[("省重大项目开工率二季度", "合肥市")] == (60.0, "=", 2024)
    # the text's 全年整治低效用地企业200家以上 restates the table's row: one target, the table's name
    assert [k for k, v in targets.items() if v[0] == 200.0] == [("低效用地企业整治数", "合肥市")]


def test_evidence_quotes_the_source_across_spacing_and_page_breaks() -> None:
    graph = _graph("hefei_notice_with_annexes.txt")
    heading = _measure(graph, "二.（一）")
    assert heading.name == "招大引强"
    assert {e.evidence[graph.document.uid] for e in graph.edges.values() if e.start == heading.uid} == {
        "（一）招 大 引 强"
    }
    firms = next(n for n in graph.by_label("Target") if n.props["value"] == 500.0)
    evidence = {e.evidence[graph.document.uid] for e in graph.edges.values() if e.start == firms.uid}
    assert evidence == {"建设30个公共海外仓，推动500家企业导入卓越绩效管理\n- 12 -\n模式。"}


def test_clean_maps_every_character_back_to_the_source() -> None:
    broken = "一、推动這個很長的句子在頁末被切斷了所以下一行繼續說明\n- 3 -\n\n完畢。"
    source = f"  企 业 优 强 行 动\n{broken}[bookmark: _GoBack]\n"
    cleaned = clean(source)
    assert cleaned.text == "  企业优强行动\n一、推动这个很长的句子在页末被切断了所以下一行继续说明完毕。\n"
    assert len(cleaned.origin) == len(cleaned.text) + 1
    for index, char in enumerate(cleaned.text):
        if char != "\n":
            assert to_simplified(source[cleaned.origin[index]]) == char
    sentence = next(s for s in split_sentences(cleaned.text, cleaned) if s.text.startswith("一、"))
    assert sentence.source == broken


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("近两年引进3亿元以上产业项目开工率力争达到80%以上", [("近两年引进3亿元以上产业项目开工率", 80.0, ">=")]),
        ("滚动推进10亿元以上重大项目超200个", [("滚动推进10亿元以上重大项目", 200.0, ">")]),
        ("与省里合作设立规模不低于100亿元的区域引导基金", [("区域引导基金规模", 100.0, ">=")]),
        ("全年为1000家企业提供质量管家服务", [("提供质量管家服务企业", 1000.0, "=")]),
        ("对亩均税收低于1万元的企业实施整治", []),
        ("最高奖励500万元", []),
        ("专班下设8个专题小组", []),
        ("企业470余家", [("企业", 470.0, ">")]),
        ("吴兴的区域两化融合指数已达114.29", [("区域两化融合指数", 114.29, "=")]),
        ("新材料、生命健康共4个全国性现代产业集群", [("全国性现代产业集群", 4.0, "=")]),
        (
            "新建项目开工率一季度达到30%、二季度65%",
            [("新建项目开工率一季度", 30.0, "="), ("新建项目开工率二季度", 65.0, "=")],
        ),
    ],
)
def test_read_figures(clause: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.indicator, f.value, f.comparator) for f in targets.read_figures(clause, "湖州市")] == expected


def test_news_figures_year_subject_and_goal() -> None:
    graph = _graph("wuxi_liangxi_news.txt")
    found = {
        (graph.nodes[e.end].name, n.props["value"], n.props["year"], n.props["kind"])
        for n in graph.by_label("Target")
        for e in graph.edges.values()
        if e.type == "FOR" and e.start == n.uid
    }
    assert found == {
        ("无锡市梁溪区", 520.0, 2023, "actual"),  # the year its sentence names
        ("无锡市梁溪区", 12.0, 2023, "actual"),  # 同比增长 of the figure before it
        ("清名桥街道", 120.0, 2024, "actual"),  # the place named before it; 今年 after a closed 2023
        ("无锡市梁溪区", 800.0, 2025, "target"),  # 到2025年 in news is a goal
    }
    assert _named(graph, "Indicator", "软件业务收入同比增长")
    # a task force the news names (组建…专班) is a body; 成立工作专班 names none, and news lists no members
    departments_named = {n.name for n in graph.by_label("Department")}
    assert "软件产业招商引才专班" in departments_named and "工作专班" not in departments_named
    assert not [e for e in graph.edges.values() if e.type == "MEMBER_OF"]
    assert targets.reference_year("2022年销售额700亿元。今年以来新增企业10家。") == 2023
    assert targets.reference_year("举行2023年签约活动，到2025年产值翻番。今年一季度…") == 2023


def test_district_short_forms_stand_as_words() -> None:
    assert divisions.find_districts("千亩长白山基地", None) == []  # not 白山市
    assert [m.name for m in divisions.find_districts("吴兴和长兴", "湖州市")] == ["湖州市吴兴区", "湖州市长兴县"]
    assert [m.name for m in divisions.find_districts("设立美妆业务镇级办事服务点，推进织里镇建设", "湖州市吴兴区")] == [
        "织里镇"
    ]
    assert [m.name for m in divisions.find_districts("川渝地区和长三角（沪苏浙皖）", None)] == [
        "四川省",
        "重庆市",
        "上海市",
        "江苏省",
        "浙江省",
        "安徽省",
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("规上工业亩均税收（万元/亩）", ("规上工业亩均税收", "万元/亩")),
        ("全市出让土地总量中工业用地比例不低于（%）", ("全市出让土地总量中工业用地比例", "%")),
        ("新增上市公司 （家）", ("新增上市公司", "家")),
    ],
)
def test_indicator_cells(cell: str, expected: tuple[str, str]) -> None:
    assert indicator_tables.split_unit(cell) == expected


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("市委组织部人才工作处处长", "中共湖州市委组织部"),
        ("市委改革办改革一处处长", "中共湖州市委全面深化改革委员会办公室"),
        ("市经信局产业处处长", "湖州市经济和信息化局"),
        ("市委常委", None),
        ("常务副市长", None),
    ],
)
def test_member_offices(segment: str, expected: str | None) -> None:
    unit = departments.read_unit(segment, "湖州市")
    assert (unit.name if unit else None) == expected
