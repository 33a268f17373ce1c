"""Policy loaders on short plans from other cities: the rules carry over beyond the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Graph
from loaders import departments, divisions, measures
from loaders.pipeline import extract_path
from loaders.text_clean import clean

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
    cleaned = clean("企 业 优 强 行 动\n- 12 -\n這是一個很長的句子在頁末被切斷了所以下一行繼續說明\n\n完畢。\n")
    assert cleaned.splitlines() == ["企业优强行动", "这是一个很长的句子在页末被切断了所以下一行继续说明完毕。"]
