"""Scope and policies on real-text shapes (round 7): a policy sent out under its 文号 alone takes its area from the
government's 简称 in the number when its body speaks of that kind of area (全区 of a region, 全省 of a province).
Every text is invented, in the phrasings of two provinces or more each."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.pipeline import extract_path, prepare
from chainkg.loaders.reading.readers import read_document
from chainkg.loaders.text.divisions import find_districts, short_form


def _write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _scope(tmp_path: Path, text: str) -> str | None:
    return prepare(read_document(_write(tmp_path, text))).scope


def _graph(tmp_path: Path, text: str) -> Graph:
    return extract_path(_write(tmp_path, text))


_REGION_NOTICE = (
    "桂政办发〔2031〕7号\n"
    "各市人民政府，自治区人民政府各组成部门：\n"
    "为加快培育新兴产业，制定本意见。\n"
    "一、总体目标\n"
    "到2035年，全区新材料产业营业收入达到900亿元。\n"
)
_PROVINCE_NOTICE = (
    "豫政〔2031〕12号\n"
    "各省辖市人民政府，省人民政府各部门：\n"
    "现将有关事项通知如下。\n"
    "一、发展目标\n"
    "到2035年，全省装备制造产业规模达到5000亿元。\n"
)


def test_a_number_alone_gives_its_government_area_when_the_body_agrees(tmp_path: Path) -> None:
    assert _scope(tmp_path, _REGION_NOTICE) == "广西壮族自治区"
    assert _scope(tmp_path, _PROVINCE_NOTICE) == "河南省"


def test_the_body_decides_which_area_a_shared_abbreviation_means(tmp_path: Path) -> None:
    # 宁 is 宁夏 to a text that says 全区; a city government's text that says 全市 is no region's
    city_text = "宁政发〔2031〕3号\n各区人民政府，市府各委办局：\n到2035年，全市软件产业收入达到3000亿元。\n"
    assert _scope(tmp_path, city_text) is None
    # a department's number (吉工信…) or a district's (渝北府…) is no government's 简称
    department = "吉工信〔2031〕5号\n各市（州）工业和信息化局：\n到2035年，全省化工产业产值达到800亿元。\n"
    assert _scope(tmp_path, department) is None


def test_the_region_word_names_the_region_a_text_speaks_for(tmp_path: Path) -> None:
    graph = _graph(tmp_path, _REGION_NOTICE)
    region = next(n for n in graph.nodes.values() if n.label == "District" and n.name == "广西壮族自治区")
    assert "全区" in region.aliases


def _policies(graph: Graph) -> set[str]:
    return {n.name for n in graph.nodes.values() if n.label == "Policy"}


def _issuers(graph: Graph, policy: str) -> set[str]:
    uid = next(n.uid for n in graph.nodes.values() if n.label == "Policy" and n.name == policy)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == "ISSUED_BY" and e.start == uid}


def test_news_links_the_offices_that_jointly_issue_a_plan(tmp_path: Path) -> None:
    # a provincial trio with 联合制定印发, a province and a ministry with 日前联合印发, and A联合B、C制定
    graph = _graph(
        tmp_path,
        "江西加快打造有机硅产业集群\n\n近日，省工信厅、省发展改革委、省科技厅联合制定印发《江西省有机硅产业链"
        "提升行动方案》，明确到2030年全省有机硅产业营收突破千亿元。\n",
    )
    assert _issuers(graph, "江西省有机硅产业链提升行动方案") == {
        "江西省工业和信息化厅",
        "江西省发展和改革委员会",
        "江西省科学技术厅",
    }
    graph = _graph(
        tmp_path,
        "省部携手建设储能产业基地\n\n本报讯 云南省人民政府、工业和信息化部日前联合印发《云南建设储能产业基地"
        "行动方案》，提出打造千亿级储能产业集群。\n",
    )
    assert _issuers(graph, "云南建设储能产业基地行动方案") == {"云南省人民政府", "中华人民共和国工业和信息化部"}
    graph = _graph(
        tmp_path,
        "福建推动产学研对接\n\n福建省工业和信息化厅联合福建省教育厅、福建省科学技术厅制定《福建省重点产业链"
        "产学研协同工作方案》，组织对接活动。\n",
    )
    assert len(_issuers(graph, "福建省重点产业链产学研协同工作方案")) == 3


def test_a_body_or_a_place_before_the_plan_issues_nothing(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "三省协同发展氢能\n\n日前，三省工信部门共同制定印发《长江中游氢能产业协同工作方案》，建立轮值机制。\n"
        "此前，湖南省长沙市出台《长沙市氢能产业发展若干措施》。\n",
    )
    assert _issuers(graph, "长江中游氢能产业协同工作方案") == set()
    assert _issuers(graph, "长沙市氢能产业发展若干措施") == set()


def test_a_short_title_after_the_full_one_is_the_same_plan(tmp_path: Path) -> None:
    # 《方案》 / 《实施方案》 / 《投资计划》 name again the plan reported just before
    graph = _graph(
        tmp_path,
        "贵州发布新型储能实施方案\n\n日前，贵州省印发《贵州省新型储能产业发展实施方案》。《实施方案》提出，"
        "到2030年全省新型储能装机达到500万千瓦。\n开发区制定出台《园区新兴产业千亿投资计划》，"
        "《投资计划》明确了重点项目。\n",
    )
    assert "实施方案" not in _policies(graph)
    assert "投资计划" not in _policies(graph)
    assert {"贵州省新型储能产业发展实施方案", "园区新兴产业千亿投资计划"} <= _policies(graph)


def test_autonomous_prefectures_and_counties_are_read_in_their_short_forms() -> None:
    # the peoples' names go (哈萨克, 回族, 土家族苗族 …), and X州 / X县 name the prefecture or county
    assert short_form("昌吉回族自治州") == "昌吉"
    assert short_form("恩施土家族苗族自治州") == "恩施"
    assert short_form("木垒哈萨克自治县") == "木垒"
    assert short_form("阿坝藏族羌族自治州") == "阿坝"
    assert short_form("景宁畲族自治县") == "景宁"
    found = {(m.name, m.surface) for m in find_districts("两州携手：延边州与湘西州签订协作协议，长阳县参加。", None)}
    assert ("延边朝鲜族自治州", "延边州") in found
    assert ("湘西土家族苗族自治州", "湘西州") in found
    assert ("宜昌市长阳土家族自治县", "长阳县") in found


def test_a_news_item_about_a_prefecture_takes_it_as_scope(tmp_path: Path) -> None:
    text = (
        "新疆伊犁州举办新能源产业招商会 签约项目12个\n\n6月3日，伊犁州新能源产业招商会在伊宁举行，"
        "签约项目12个，总投资80亿元。伊犁州将加快建设风电装备产业园。\n"
    )
    assert _scope(tmp_path, text) == "伊犁哈萨克自治州"


def _districts(graph: Graph) -> set[str]:
    return {n.name for n in graph.nodes.values() if n.label == "District"}


def test_a_province_opening_a_park_name_is_not_the_news_area(tmp_path: Path) -> None:
    # 江苏/四川 + a zone's own name: the park's name, not what the item speaks for
    text = (
        "滨湖港经开区签下三个新材料项目\n\n开春以来，江苏滨湖港临江经济技术开发区新签项目3个，总投资60亿元，"
        "涵盖新材料、高端装备等领域。滨湖港经开区将加快项目建设。\n"
    )
    assert _scope(tmp_path, text) is None
    text = "合江临港园区再添新项目\n\n近日，四川泸县合江临港经济开发区举行签约仪式，引进电子材料项目2个。\n"
    assert _scope(tmp_path, text) != "四川省"


def test_a_place_naming_a_paper_or_broadcaster_is_no_district(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "白银市签约五个项目\n\n据甘肃经济日报报道，白银市日前集中签约项目5个。又据湖北广播电视台消息，"
        "相关企业将赴白银考察。\n",
    )
    assert "湖北省" not in _districts(graph)
    assert "白银市" in _districts(graph)
