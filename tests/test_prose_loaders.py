"""Prose loaders on short news texts about other places and firms (tests/fixtures/news).

Each text exercises one rule of the genre: chain owners and short names of legal
names, acquisitions and projects with figures, a chain laid out as segments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.graph.model import Graph
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.pipeline import extract_path

NEWS = Path(__file__).parent / "fixtures" / "news"


def _graph(name: str) -> Graph:
    return extract_path(NEWS / name)


def _named(graph: Graph, label: str, name: str):
    found = [n for n in graph.by_label(label) if n.name == name or name in n.alias_rules]
    assert found, f"no {label} {name!r}; have {[n.name for n in graph.by_label(label)]}"
    return found[0]


def _has(graph: Graph, rel: str, start, end) -> bool:
    return (rel, start.uid, end.uid) in graph.edges


def test_vocabulary_and_suffix_forms_are_one_chain() -> None:
    names = {m.name for m in find_industries("化妆品行业、时尚美妆和美妆产业都是一个产业。")}
    assert names == {"美妆"}


def test_bare_form_folds_into_the_longer_chain_of_the_document() -> None:
    mentions = find_industries("物流装备产业是重点产业。打造智能物流装备产业集聚区。")
    assert {m.name for m in mentions if m.label == "IndustryChain"} == {"智能物流装备"}


def test_list_with_count_names_chains_no_vocabulary_knows() -> None:
    text = "构建起光电通信、C3及关联产品、功能性膜材料3条重点发展产业链。"
    assert {m.name for m in find_industries(text)} >= {"C3及关联产品", "功能性膜材料", "光电通信"}


def test_counted_group_is_a_cluster_named_with_its_place() -> None:
    mentions = find_industries("宜宾市聚焦十大新兴产业链，其中动力电池产业是重点。", "宜宾市")
    clusters = [m for m in mentions if m.label == "Cluster"]
    assert [m.name for m in clusters] == ["宜宾市十大新兴产业链"]


def test_chain_owner_legal_name_and_short_name() -> None:
    graph = _graph("shangyu_new_materials.txt")
    owner = _named(graph, "Enterprise", "浙江晶盛机电股份有限公司")
    assert "晶盛机电" in owner.alias_rules
    assert "链主" in owner.props["tags"]
    chain = _named(graph, "IndustryChain", "新材料")
    assert _has(graph, "CHAIN_OWNER_OF", owner, chain)
    zone = _named(graph, "Platform", "上虞经济技术开发区")
    for firm in ("华特新材", "锦宏科技", "卓越新材"):
        node = _named(graph, "Enterprise", firm)
        assert _has(graph, "LOCATED_IN", node, zone)
        assert _has(graph, "IN_CHAIN", node, chain)
    assert not list(graph.by_label("Project")), "一批新材料项目 is a kind of project, not a named one"


def test_acquisition_and_project_figures() -> None:
    graph = _graph("wujin_lamps.txt")
    buyer = _named(graph, "Enterprise", "星宇车灯")
    for target in ("光华灯具", "远东模具"):
        assert _has(graph, "ACQUIRED", buyer, _named(graph, "Enterprise", target))
    project = _named(graph, "Project", "星宇车灯智能制造三期项目")
    assert project.props["investment"] == 25
    assert project.props["area"] == 120
    assert project.props["status"] == "在建"
    assert _has(graph, "INVESTS_IN", buyer, project)
    assert _has(graph, "MAKES", buyer, _named(graph, "Product", "车灯"))


def test_chain_segments_in_order_with_products() -> None:
    graph = _graph("yibin_batteries.txt")
    chain = _named(graph, "IndustryChain", "动力电池")
    segments = sorted(
        (n for n in graph.by_label("ChainSegment") if _has(graph, "HAS_SEGMENT", chain, n)),
        key=lambda n: n.props["order"],
    )
    assert [s.name for s in segments] == ["原材料", "关键材料", "电芯", "储能应用场景"]
    assert [s.props["position"] for s in segments] == ["upstream", "upstream", "midstream", "downstream"]
    for a, b in zip(segments, segments[1:], strict=False):
        assert _has(graph, "UPSTREAM_OF", a, b)
    assert _has(graph, "INCLUDES", segments[1], _named(graph, "Product", "负极"))
    park = _named(graph, "Platform", "宜宾三江新区动力电池产业园")
    assert _has(graph, "HOSTS", park, chain)
    legal = _named(graph, "Enterprise", "四川时代新能源科技有限公司")
    assert legal.label == "Enterprise"
    assert "龙头" in _named(graph, "Enterprise", "天原集团").props["tags"]


@pytest.mark.parametrize("name", sorted(p.name for p in NEWS.glob("*.txt")))
def test_extraction_is_deterministic(name: str) -> None:
    assert _graph(name).to_dict() == _graph(name).to_dict()


def _edge_ends(graph: Graph, rel: str, start) -> set[str]:
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == start.uid}


def test_platform_names_are_names_not_descriptions() -> None:
    graph = _graph("kunshan_displays.txt")
    names = {n.name for n in graph.by_label("Platform")}
    assert {"昆山经济技术开发区", "光电产业园", "昆山市企业服务平台"} <= names
    assert not any(n.endswith("生产基地") or n.startswith(("今年", "不断")) or n == "基地" for n in names), names


def test_carrier_and_firms_are_placed_by_cues() -> None:
    graph = _graph("kunshan_displays.txt")
    zone = _named(graph, "Platform", "昆山经济技术开发区")
    park = _named(graph, "Platform", "光电产业园")
    assert _edge_ends(graph, "LOCATED_IN", park) == {zone.name}, "以Y为主阵地: Y lies in the zone"
    for firm in ("维信诺", "龙腾光电", "国显半导体"):
        assert _edge_ends(graph, "LOCATED_IN", _named(graph, "Enterprise", firm)) == {park.name}
    for partner in ("抖音", "京东"):
        node = _named(graph, "Enterprise", partner)
        assert not _edge_ends(graph, "LOCATED_IN", node) and not _edge_ends(graph, "IN_CHAIN", node)


def test_industry_words_inside_names_and_directions_are_not_chains() -> None:
    graph = _graph("kunshan_displays.txt")
    chains = {n.name for n in graph.by_label("IndustryChain")}
    assert "新型显示" in chains
    assert not chains & {"半导体", "集成电路"}, chains


def test_projects_are_named_ones_not_kinds_or_amounts() -> None:
    graph = _graph("kunshan_displays.txt")
    assert [n.name for n in graph.by_label("Project")] == ["年产500万片柔性屏项目"]
    project = _named(graph, "Project", "年产500万片柔性屏项目")
    assert _has(graph, "INVESTS_IN", _named(graph, "Enterprise", "维信诺"), project)


def test_lists_of_technologies_models_inputs_and_fields_are_not_chains() -> None:
    graph = _graph("shunde_appliances_plan.txt")
    chains = {n.name for n in graph.by_label("IndustryChain")}
    assert {"家电", "家具", "陶瓷"} <= chains, "家电、家具、陶瓷等行业 is a list of industries"
    not_chains = {"人工智能", "节能环保", "新材料", "航空航天", "医疗健康", "工业机器人", "智能物流装备"}
    assert not chains & not_chains, chains & not_chains


def test_a_ladder_of_steps_or_factory_levels_is_no_chain() -> None:
    graph = _graph("shunde_appliances_plan.txt")
    segments = sorted(graph.by_label("ChainSegment"), key=lambda n: n.props["order"])
    assert [s.name for s in segments] == ["原材料", "关键零部件", "空调整机", "售后服务"]
    assert _has(graph, "INCLUDES", segments[1], _named(graph, "Product", "压缩机"))


def test_platforms_host_by_main_base_leading_industries_apposition_and_category() -> None:
    graph = _graph("hefei_displays.txt")
    display = _named(graph, "IndustryChain", "新型显示")
    base = _named(graph, "Platform", "芯屏汽合新产业平台")
    assert _edge_ends(graph, "HOSTS", base) >= {"新型显示", "新能源汽车", "集成电路"}, "主阵地 and 两大主导产业"
    zone = _named(graph, "Platform", "合肥蜀山高新技术产业开发区")
    assert _has(graph, "HOSTS", zone, display), "在X,…企业共计…产业集聚度 (half-width commas)"
    service = _named(graph, "Platform", "新型显示产业公共服务平台")
    assert _has(graph, "HOSTS", service, display), "an industry's public service platform, without 专业化"
    assert _edge_ends(graph, "HOSTS", _named(graph, "Platform", "合肥家电直播基地")) == {"家电"}, "家电类目"
    assert _named(graph, "Platform", "庐阳显示面板产业专利导航服务基地"), "深化X基地建设 still names X"
    assert not any(n.name.endswith("平台建设") or n.name == "平台" for n in graph.by_label("Platform"))


def test_firm_lists_name_industries_and_end_at_a_preposition() -> None:
    graph = _graph("hefei_displays.txt")
    assert "家电" in {n.name for n in graph.by_label("IndustryChain")}, "光伏组件、家电等企业: the 家电 industry"
    firms = {n.name for n in graph.by_label("Enterprise")}
    assert not firms & {"土地", "金融", "能耗"}, "土地、金融、能耗等要素向重点项目 lists 要素, not firms"


def test_chain_code_links_chains_to_the_counted_group_not_to_listed_clusters() -> None:
    graph = _graph("beilun_chains.txt")
    group = _named(graph, "Cluster", "北仑区六大重点产业链")
    members = {graph.nodes[e.start].name for e in graph.edges.values() if e.type == "PART_OF" and e.end == group.uid}
    assert members == {"集成电路", "工业机器人", "光伏", "氢能", "低空经济", "生物医药"}
    listed = _named(graph, "Cluster", "绿色石化")
    assert not any(e.type == "PART_OF" and e.end == listed.uid for e in graph.edges.values())


def test_products_a_firm_is_known_for_or_named_a_maker_of() -> None:
    graph = _graph("wujin_motors.txt")
    motor_maker = _named(graph, "Enterprise", "日本电产（常州）有限公司")
    assert _edge_ends(graph, "MAKES", motor_maker) == {"电机"}, "X全球领先的电机研发制造技术"
    hydraulics = _named(graph, "Enterprise", "江苏恒立液压股份有限公司")
    assert _edge_ends(graph, "MAKES", hydraulics) == {"液压件"}, "X…是国内最大的民营液压件企业"


def test_a_zone_is_the_place_not_the_district_in_its_name_and_a_new_clause_places_nothing() -> None:
    graph = _graph("hefei_displays.txt")
    firm = _named(graph, "Enterprise", "合肥京东方光电科技有限公司")
    assert _edge_ends(graph, "LOCATED_IN", firm) == {"合肥蜀山高新技术产业开发区"}, "而在蜀山高新区,X…"
    centre = _named(graph, "Platform", "庐阳新型显示产业知识产权运营中心")
    assert _edge_ends(graph, "LOCATED_IN", centre) == {"合肥市庐阳区"}, "X落地,合肥市… does not place X in 合肥市"


def test_formulas_of_kinds_and_a_quoted_kind_word_are_no_platforms() -> None:
    graph = _graph("shunde_appliances_plan.txt")
    names = {n.name for n in graph.by_label("Platform")}
    assert not any("+" in n or n.endswith("产业大脑") for n in names), names


def test_news_names_the_instruments_it_reports_on() -> None:
    graph = _graph("jiangyin_policies.txt")
    names = {n.name for n in graph.by_label("Policy")}
    assert names == {
        "江阴市链长制推进集成电路产业发展的实施方案",
        "人才新政3.0",
        "招商十条",
        "科技创新八条",
        "专精特新—小巨人—单项冠军梯度培育计划",
    }


def test_places_visited_or_partnered_with_are_no_districts() -> None:
    graph = _graph("kunshan_trips.txt")
    names = {n.name for n in graph.by_label("District")}
    assert "苏州市昆山市" in names or "昆山市" in names
    assert not names & {"深圳市", "成都市", "西安市", "厦门市", "上海市", "无锡市", "南京市"}


def test_reported_figures_are_named_as_indicators_and_dated_by_an_event_year() -> None:
    graph = _graph("jintan_figures.txt")
    figures = {
        graph.nodes[next(e.end for e in graph.edges.values() if e.type == "OF_INDICATOR" and e.start == t.uid)].name: (
            t.props["value"],
            t.props["year"],
            t.props["kind"],
        )
        for t in graph.by_label("Target")
    }
    assert figures["光伏龙头企业数量"] == (12, 2024, "actual")
    assert figures["光伏及配套企业数量"][0] == 320
    assert figures["产业集聚度"][0] == 85
    assert figures["外贸出口额"][0] == 56.3
    assert figures["外贸出口额同比增长"][0] == 9.1
    assert figures["国外销售额"][0] == 3
    assert figures["国外销售额占比"][0] == 40
    assert figures["光伏组件年产量"][0] == 20
    assert figures["培育江苏精品光伏企业数量"][0] == 5
    assert figures["引进省级人才"][0] == 8


def test_a_reported_figure_is_for_the_town_named_before_it_in_its_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "wujin_towns.txt"
    path.write_text(
        "常州武进：家电产业向镇街集聚\n\n"
        "2023年，湖塘镇家电企业达到120家，全年产值同比增长15%。\n\n"
        "在礼嘉镇，2023年新增规上工业企业8家。\n\n"
        "全区2023年新引进亿元以上项目36个。\n",
        encoding="utf-8",
    )
    graph = extract_path(path)
    scopes = {
        t.props["value"]: graph.nodes[
            next(e.end for e in graph.edges.values() if e.type == "FOR" and e.start == t.uid)
        ].name
        for t in graph.by_label("Target")
    }
    # a town named in an earlier paragraph is no subject of the next one; a paragraph naming none is the scope's
    assert scopes == {120: "湖塘镇", 15: "湖塘镇", 8: "礼嘉镇", 36: "常州市武进区"}
