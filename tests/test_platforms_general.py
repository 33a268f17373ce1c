"""Platforms and institutes in the phrasings of several provinces: the kinds of many provinces' parks and zones,
where a name starts (after verbs, years, heading numbers, class nouns and the place a carrier lies in), zones
named in short (X高新区 → X高新技术产业开发区), HOSTS and LOCATED_IN. Every text here is invented (places, parks
and sentences are made up or generic), written for these tests."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from tests.extracted import extract_text as _graph


def _names(graph: Graph, label: str) -> set[str]:
    return {name for n in graph.by_label(label) for name in (n.name, *n.alias_rules)}


def _ends(graph: Graph, rel: str, label: str, name: str) -> set[str]:
    node = next(n for n in graph.by_label(label) if n.name == name or name in n.alias_rules)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == node.uid}


def test_kinds_of_many_provinces_are_platforms(tmp_path: Path) -> None:
    # Jiangxi-style 工业园, Fujian-style 软件园 and 综合保税区, Liaoning-style 中试基地, a Sichuan-style 经开区
    text = (
        "赣州开放型经济扎实推进\n\n"
        "今年以来，章贡区新圳工业园新增企业12家，福州软件园签约项目8个。"
        "沈阳综合保税区进出口额增长两成，营口镁质材料中试基地建成投用。"
        "遂宁经开区新引进锂电项目5个。\n"
    )
    platforms = _names(_graph(tmp_path, text), "Platform")
    assert {"章贡区新圳工业园", "福州软件园", "沈阳综合保税区", "营口镁质材料中试基地"} <= platforms
    assert "遂宁经济技术开发区" in platforms  # the short zone form read as the official kind, kept as an alias
    assert "遂宁经开区" in platforms


def test_names_start_after_verbs_years_headings_and_class_nouns(tmp_path: Path) -> None:
    # a Tianjin-style visit opening, a Fujian-style year before 园区, a heading number, a Liaoning-style class noun
    text = (
        "江城新区信创产业观察\n\n"
        "走进高新区的集成电路产业园，工程师们正在调试设备。2024年园区实现产值300亿元。\n"
        "(二)园区提升行动\n"
        "4.强化创新平台支撑\n"
        "金龙集团与驻地高校北辰理工大学共建合金材料联合实验室。\n"
    )
    graph = _graph(tmp_path, text)
    platforms = _names(graph, "Platform")
    assert "集成电路产业园" in platforms
    assert not {"走进高新区", "2024年园区", "(二)园区", "4.强化创新平台", "强化创新平台"} & platforms
    institutes = _names(graph, "Institute")
    assert {"北辰理工大学", "合金材料联合实验室"} <= institutes
    assert "驻地高校北辰理工大学" not in institutes


def test_a_park_after_its_zone_and_a_place_before_a_named_carrier(tmp_path: Path) -> None:
    # Hubei-style zone + park, Jilin-style city + zone that opens with a place
    text = (
        "宜州新能源项目集中开工\n\n"
        "11月5日，在宜州高新区白鹭工业园，一批电池材料项目开工。"
        "在吉林市吉林经济技术开发区规划建设碳纤维制品产业园。\n"
    )
    graph = _graph(tmp_path, text)
    platforms = _names(graph, "Platform")
    assert {"白鹭工业园", "吉林经济技术开发区"} <= platforms
    assert "吉林市吉林经济技术开发区" not in platforms
    assert "宜州高新技术产业开发区" in platforms
    assert "宜州高新技术产业开发区" in _ends(graph, "LOCATED_IN", "Platform", "白鹭工业园")


def test_short_and_full_forms_of_one_zone_are_one_platform(tmp_path: Path) -> None:
    # Anhui-style: the full name with a province, the short form without it; a Guangxi-style county zone
    text = (
        "庐阳经开区：项目开工热潮涌动\n\n"
        "位于合肥市的安徽庐阳经济开发区迎来开工热潮。庐阳经开区以整车为龙头，形成汽车及零部件、"
        "家电及配件两大主导产业。\n"
    )
    graph = _graph(tmp_path, text)
    zones = [n for n in graph.by_label("Platform") if "庐阳" in n.name]
    assert [z.name for z in zones] == ["安徽庐阳经济开发区"]
    assert {"汽车及零部件", "家电及配件"} <= _ends(graph, "HOSTS", "Platform", "安徽庐阳经济开发区")


def test_projects_and_firm_plants_are_no_platforms(tmp_path: Path) -> None:
    text = (
        "南岭家居产业加快集聚\n\n"
        "总投资30亿元的智能家居产业园项目将落户南岭家居小镇。"
        "华木集团投资20亿元建设的南岭智能制造生产基地已投产。\n"
    )
    platforms = _names(_graph(tmp_path, text), "Platform")
    assert "南岭家居小镇" in platforms
    assert not {"智能家居产业园", "南岭智能制造生产基地"} & platforms


def test_a_text_on_one_chain_hosts_it_in_its_platforms(tmp_path: Path) -> None:
    # a Hebei-style one-chain plan: its parks carry the plan's chain, a park named after a joined trade keeps it
    text = (
        "邢台市生物医药产业链三年行动方案\n\n"
        "一、发展目标\n到2026年，全市生物医药产业规模突破800亿元，生物医药企业达到300家。\n"
        "二、重点任务\n"
        "1.建设专业园区。高水平建设邢台国际健康城产业园，集聚研发外包企业。支持邢台高新区建设中试平台。"
        "推动生物医药创新药研发，做强生物医药产业链。\n"
        "2.支持云台镇建设医疗器械和生物医药产业园。\n"
    )
    graph = _graph(tmp_path, text, "plan.txt")
    assert "生物医药" in _ends(graph, "HOSTS", "Platform", "邢台国际健康城产业园")
    assert "生物医药" in _ends(graph, "HOSTS", "Platform", "邢台高新技术产业开发区")
    assert "医疗器械和生物医药产业园" in _names(graph, "Platform")
    assert "专业园区" not in _names(graph, "Platform")


def test_a_zone_lies_in_the_county_the_text_speaks_for(tmp_path: Path) -> None:
    # a Hunan-style county plan naming the city's zone that lies in the county
    text = (
        "长沙县2024年产业链建设工作要点\n\n围绕汽车及零部件产业链，服务整车企业在长沙经开区扩能，引进关键零部件企业。\n"
    )
    graph = _graph(tmp_path, text, "plan.txt")
    assert _ends(graph, "LOCATED_IN", "Platform", "长沙经济技术开发区") == {"长沙市长沙县"}


def test_slogans_counts_and_alternatives_are_no_platforms(tmp_path: Path) -> None:
    # a Jiangxi-style working model, a Shanghai-style count and alternative, a Sichuan-style 若干
    text = (
        "东湖区产业链工作推进会召开\n\n"
        "推行“链长+园区”工作机制，建成100多个专业服务平台，吸引区域总部或研发中心落户。"
        "布局若干科技成果转化示范园区，辐射青山经济开发区。\n"
    )
    graph = _graph(tmp_path, text)
    names = _names(graph, "Platform") | _names(graph, "Institute")
    assert not {"链长+园区", "100多个专业服务平台", "区域总部或研发中心", "辐射青山经济开发区"} & names
    assert "青山经济开发区" in names
