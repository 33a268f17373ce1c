"""Round 2 of titles, issuers and targets: header fields apart from the title, signatures as issuers, plan years,
caps and single projects that are no targets, a report's 开发区/园区 as its zone. Invented texts, two provinces per
shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.graph.model import Graph
from chainkg.loaders.extract import departments, targets
from chainkg.loaders.reading.text_clean import clean
from tests.extracted import extract_text as _graph


def _ends(graph: Graph, rel: str, label: str) -> set[str]:
    starts = {n.uid for n in graph.by_label(label)}
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start in starts}


def _targets(graph: Graph) -> list[tuple[str, str, int | None, float]]:
    out = []
    for node in graph.by_label("Target"):
        indicator = next(
            graph.nodes[e.end].name for e in graph.edges.values() if e.type == "OF_INDICATOR" and e.start == node.uid
        )
        scope = next(graph.nodes[e.end].name for e in graph.edges.values() if e.type == "FOR" and e.start == node.uid)
        out.append((indicator, scope, node.props.get("year"), node.props.get("value")))
    return out


@pytest.mark.parametrize(
    "header",
    [
        "索引号:000000001/2024-00011\n发布机构:苏州市人民政府办公室\n成文日期:2024年05月06日\n",
        "索引号：11111/2023-002\n发文机关：株洲市人民政府办公室\n文号：株政办发〔2023〕9号\n",
    ],
)
def test_header_fields_are_never_glued_to_the_title(header: str) -> None:
    text = clean(header + "\n某市某某产业链发展三年行动计划(2024—2026年)\n\n为推进产业发展，制定本计划。\n").text
    lines = [line for line in text.split("\n") if line]
    assert lines[-2] == "某市某某产业链发展三年行动计划(2024—2026年)"


def test_an_article_opens_its_own_line_and_a_policy_title_ends_a_line() -> None:
    text = clean(
        "某区促进无人机产业发展若干政策\n第一条（目的）为推动产业集聚发展，制定本政策。\n第二条（对象）本政策适用于区内企业。\n"
    ).text
    assert text.split("\n")[:3] == [
        "某区促进无人机产业发展若干政策",
        "第一条（目的）为推动产业集聚发展，制定本政策。",
        "第二条（对象）本政策适用于区内企业。",
    ]


@pytest.mark.parametrize(
    ("written", "scope", "expected"),
    [
        ("中共浏阳市委办公室浏阳市人民政府办公室", "长沙市", ["中共浏阳市委办公室", "浏阳市人民政府办公室"]),
        ("江苏省工业和信息化厅江苏省发展和改革委员会", "江苏省", ["江苏省工业和信息化厅", "江苏省发展和改革委员会"]),
        ("绵阳市电子信息产业建圈强链工作专班", "绵阳市", ["绵阳市电子信息产业建圈强链工作专班"]),
        ("大同市重点产业链链长制工作领导小组办公室", "大同市", ["大同市重点产业链链长制工作领导小组办公室"]),
        ("福建省人民政府办公厅", "福建省", ["福建省人民政府办公厅"]),
    ],
)
def test_issuing_offices_are_named_in_full_as_written(written: str, scope: str | None, expected: list[str]) -> None:
    assert [unit.name for unit in departments.issuing_offices(written, scope)] == expected


def test_signature_above_the_date_issues_the_plan(tmp_path: Path) -> None:
    text = (
        "襄阳市2024年重点产业链工作要点\n\n一、年度目标\n全年新增规上工业企业100家。\n"
        "二、重点工作\n（一）强化招商。引进配套企业10家。（牵头单位：市商务局）\n\n"
        "中共襄阳市委办公室　襄阳市人民政府办公室\n2024年3月2日\n"
    )
    graph = _graph(tmp_path, text)
    assert _ends(graph, "ISSUED_BY", "Policy") == {"中共襄阳市委办公室", "襄阳市人民政府办公室"}
    assert ("新增规上工业企业", "襄阳市", 2024, 100.0) in _targets(graph)


def test_a_title_opening_with_its_government_names_the_issuer(tmp_path: Path) -> None:
    text = (
        "赣州市人民政府关于加快稀土新材料产业发展的实施意见\n赣市府发〔2024〕3号\n\n"
        "一、发展目标\n到2026年，稀土新材料产业营业收入突破800亿元。\n"
        "二、主要任务\n（一）壮大龙头。支持链主企业扩能。（市工信局牵头）\n"
    )
    graph = _graph(tmp_path, text)
    assert _ends(graph, "ISSUED_BY", "Policy") == {"赣州市人民政府"}


def test_a_plan_without_a_period_runs_to_its_goal_year(tmp_path: Path) -> None:
    text = (
        "南阳市新能源电池产业链高质量发展实施方案\n\n"
        "一、发展目标\n到2025年，全市新能源电池产业链营业收入突破600亿元。\n"
        "二、重点任务\n（一）拓展应用。每年新增新型储能装机20万千瓦以上。（牵头单位：市发展改革委）\n"
        "（二）强化支持。对新建项目按设备投资额给予补助，单个项目最高500万元。（牵头单位：市财政局）\n\n"
        "南阳市人民政府办公室\n2024年2月1日\n"
    )
    found = _targets(_graph(tmp_path, text))
    assert [t for t in found if t[3] == 20.0][0][2] == 2025
    assert not [t for t in found if t[3] == 500.0]  # a cap is no target


def test_a_preamble_reports_what_is(tmp_path: Path) -> None:
    text = (
        "株洲市轨道交通装备产业链提升行动方案(2024—2026年)\n\n"
        "轨道交通装备是株洲市的首位产业,全市已集聚相关企业300余家。\n"
        "一、主要目标\n到2026年,轨道交通装备产业链产值突破2000亿元。\n"
        "二、重点任务\n(一)强化配套。引进零部件企业20家。(责任单位:市工信局)\n\n株洲市人民政府办公室\n2024年1月5日\n"
    )
    found = _targets(_graph(tmp_path, text))
    assert [t for t in found if t[3] == 300.0][0][2] == 2024


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("某某电池项目总投资", None),
        ("项目占地", None),
        ("达产后可年产电机", None),
        ("建成后将新增产能", None),
        ("签约项目总投资", "签约项目总投资"),
        ("重大项目投资", "重大项目投资"),
        ("工业投资", "工业投资"),
    ],
)
def test_a_single_projects_size_is_no_target(name: str, expected: str | None) -> None:
    assert targets._project_figure(name, None) == expected


def test_a_batch_of_projects_keeps_its_sum() -> None:
    count = targets.Figure("签约项目数量", 9, "个", "=")
    assert targets._project_figure("总投资", count) == "总投资"


@pytest.mark.parametrize(
    ("text", "zone", "value"),
    [
        (
            "3月5日，湘潭经济技术开发区举行项目签约活动。湘潭经开区以装备制造为主导。"
            "2023年，开发区规模以上工业企业实现产值680亿元。\n",
            "湘潭经济技术开发区",
            680.0,
        ),
        (
            "9月2日，芜湖高新技术产业开发区举办推介会。据介绍，2024年园区规上工业企业实现产值520亿元。\n",
            "芜湖高新技术产业开发区",
            520.0,
        ),
    ],
)
def test_a_reports_zone_word_is_its_named_zone(tmp_path: Path, text: str, zone: str, value: float) -> None:
    found = _targets(_graph(tmp_path, text, "news.txt"))
    scopes = {scope for _, scope, _, v in found if v == value}
    assert scopes == {zone}, found
