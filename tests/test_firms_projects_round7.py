"""Round 7: firms and projects in real news and reports. Every text here is invented (firms, places and
sentences), written in the phrasings several provinces use."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.extract import enterprises, projects
from chainkg.loaders.text.names import trim_left
from tests.extracted import extract_text as _graph


def _firms(graph: Graph) -> set[str]:
    return {name for n in graph.by_label("Enterprise") for name in (n.name, *n.alias_rules)}


def _ends(graph: Graph, rel: str, label: str, name: str) -> set[str]:
    node = next(n for n in graph.by_label(label) if n.name == name)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == node.uid}


def test_firms_a_chain_or_cluster_is_represented_by() -> None:
    # a report of the north-west (形成了A、B等为代表的…产业链) and one of the south (以A、B为代表的…集群)
    text = "全区已在临港园区形成了北辰石化、西岭煤化、金川化工等为代表的能源化工产业链。"
    assert enterprises._representative_names(text) == ["北辰石化", "西岭煤化", "金川化工"]
    text = "近年来，以南海重工、珠江智控为代表的高端装备产业集群加快成长。"
    assert enterprises._representative_names(text) == ["南海重工", "珠江智控"]


def test_lists_of_techniques_or_kinds_represented_are_not_firms() -> None:
    assert enterprises._representative_names("以云计算、大数据等为代表的新技术产业蓬勃发展。") == []
    assert enterprises._representative_names("以高校、科研院所为代表的创新主体。") == []


def test_represented_firms_join_the_chain_named_after_them(tmp_path: Path) -> None:
    graph = _graph(tmp_path, "园区概况\n\n在临港园区形成了北辰石化、西岭煤化等为代表的能源化工产业链，带动转型。")
    assert {"北辰石化", "西岭煤化"} <= _firms(graph)
    assert "能源化工" in " ".join(_ends(graph, "IN_CHAIN", "Enterprise", "北辰石化"))


def test_verbs_before_a_place_or_group_are_no_part_of_the_name() -> None:
    assert trim_left("已扎根滨海经济技术开发区") == "滨海经济技术开发区"
    assert trim_left("相信高新区") == "高新区"
    assert trim_left("盘点开发区") == "开发区"
    assert trim_left("改善园区") == "园区"
    assert trim_left("总共拿出集团") == "集团"
    assert trim_left("东湖州召开") == ""


def test_a_project_list_item_opening_with_a_known_firm_is_no_firm(tmp_path: Path) -> None:
    # the firms are named alone first (引进A、B等企业), then with what their projects make (A…、B…等项目)
    graph = _graph(
        tmp_path,
        "开发区动态\n\n开发区引进云岭晶材、天山芯源等企业。目前，云岭晶材光学玻璃、天山芯源硅片切割等项目进展顺利。",
    )
    firms = _firms(graph)
    assert {"云岭晶材", "天山芯源"} <= firms
    assert not {"云岭晶材光学玻璃", "天山芯源硅片切割"} & firms


def test_a_trade_word_after_a_firm_name_still_names_a_firm() -> None:
    assert not enterprises._opens_with_firm("星野机床", ["星野"])
    assert not enterprises._opens_with_firm("星野精工机床", ["星野精工"])
    assert enterprises._opens_with_firm("星野精工硅片切割", ["星野精工"])


def test_items_of_a_project_list_opening_with_a_firm_are_projects_not_firms() -> None:
    text = "开发区引进云岭晶材、天山芯源等企业。云岭晶材光学玻璃、昆仑光电镀膜等项目进展顺利。"
    names = enterprises._listed_names(text, (), ["云岭晶材", "天山芯源"])
    assert "云岭晶材" in names and "天山芯源" in names
    assert not {"云岭晶材光学玻璃", "昆仑光电镀膜"} & set(names)


def test_a_list_of_firms_projects_sharing_one_project_word(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "开发区动态\n\n开发区引进云岭晶材、天山芯源等企业。目前，云岭晶材光学玻璃、天山芯源硅片切割等一批项目进展顺利。",
    )
    projects = {n.name for n in graph.by_label("Project")}
    assert {"云岭晶材光学玻璃项目", "天山芯源硅片切割项目"} <= projects
    assert _ends(graph, "INVESTS_IN", "Enterprise", "天山芯源") == {"天山芯源硅片切割项目"}


def test_a_project_list_of_bare_firm_names_names_no_projects() -> None:
    # 龙头项目 after firms' own names (one with its trade word): firms, not projects of theirs
    forms = ["星野精工", "海川", "海川机床"]
    found = projects._shared_list_projects("随着星野精工、海川机床等龙头项目陆续投产。", forms)
    assert found == []
    text = "目前，星野精工光学镜片、海川机床数控刀具等项目开工。"
    found = projects._shared_list_projects(text, ["星野精工", "海川机床"])
    assert [name for name, _ in found] == ["星野精工光学镜片项目", "海川机床数控刀具项目"]


def test_a_project_named_by_a_list_of_capacities(tmp_path: Path) -> None:
    # a north-west plant and a south-west one: the name lists what it makes, the 、 does not cut it
    graph = _graph(tmp_path, "园区新签约\n\n滨湖铝业有限公司计划投资12亿元，建设年产8万吨铝板、铝箔、3万吨再生铝项目。")
    assert {n.name for n in graph.by_label("Project")} == {"年产8万吨铝板、铝箔、3万吨再生铝项目"}
    text = "签约后将建设20GW单晶硅棒、30GW切片项目。"
    start = text.index("30GW")
    assert projects._capacity_list(text, start, "30GW切片项目") == (text.index("20GW"), "20GW单晶硅棒、30GW切片项目")
    # a list of kinds before the cut, without a capacity opening it, is left alone
    text = "推进光伏、风电、储能项目。"
    assert projects._capacity_list(text, text.index("储能"), "储能项目") == (text.index("储能"), "储能项目")


def test_projects_named_after_their_figure_in_a_semicolon_list(tmp_path: Path) -> None:
    # a Gansu-style and a Fujian-style roll of projects started: 投资N亿元的<name>项目/工程；…
    graph = _graph(
        tmp_path,
        "金沙市重点项目集中开工\n\n本批开工项目中：投资3亿多元的石门水库项目，是保障供水的民生工程；"
        "投资2.5亿元的华远钒渣综合利用扩能改造工程，是循环经济项目；投资1.8亿元的金沙经济技术开发区新材料孵化"
        "产业园项目，是园区配套项目；总投资1亿元的安平县高标准农田建设项目已动工。",
    )
    assert {n.name for n in graph.by_label("Project")} == {
        "石门水库项目",
        "华远钒渣综合利用扩能改造工程",
        "金沙经济技术开发区新材料孵化产业园项目",
        "安平县高标准农田建设项目",
    }


def test_a_figure_before_a_kind_and_a_count_names_no_project(tmp_path: Path) -> None:
    graph = _graph(tmp_path, "全省重点项目\n\n竣工项目中，总投资300亿元的基础设施及社会民生项目8个。实施强链工程。")
    assert not list(graph.by_label("Project"))


def test_places_listed_before_the_verb_are_no_items_of_the_firms_list() -> None:
    text = "围绕煤化工，在东山化工园、西河经开区形成了北辰石化、西岭煤化等为代表的能源化工产业链。"
    assert enterprises._representative_names(text) == ["北辰石化", "西岭煤化"]
    text = "在东山化工园形成了北辰石化、南岭众和为代表的新材料产业集群。"
    assert enterprises._representative_names(text) == ["北辰石化", "南岭众和"]


def test_represented_firms_join_a_chain_named_by_its_head_word(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "园区概况\n\n围绕煤制烯烃等产业链，在东山园形成了北辰石化、西岭煤化等为代表的能源化工产业链，推动转型。",
    )
    chains = {n.name for n in graph.by_label("IndustryChain")}
    found = _ends(graph, "IN_CHAIN", "Enterprise", "北辰石化")
    assert found <= chains and any("能源化工" in c for c in found)


def test_a_bare_phase_names_no_project(tmp_path: Path) -> None:
    # the phase of a project named before (二期扩建项目, 三期新建项目), not a project's own name
    graph = _graph(tmp_path, "企业动态\n\n星海风电有限公司投资3亿元，启动二期扩建项目。南岭材料三期新建项目已开工。")
    assert {n.name for n in graph.by_label("Project")} == {"南岭材料三期新建项目"}
