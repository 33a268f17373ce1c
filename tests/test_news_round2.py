"""Firms and projects in news, round 2: the chain of a paragraph or of the document's title, projects told by their
figures, progress or a list, products of capacity-named projects, investors of 投资的…项目, names a one-character
cue does not cut, and a group kept apart from its listed company. Every text is invented."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.extract import enterprises
from chainkg.loaders.resolve import identity
from chainkg.loaders.text.names import trim_left
from tests.extracted import extract_text as _graph


def _ends(graph: Graph, rel: str, name: str) -> set[str]:
    node = next(n for n in [*graph.by_label("Enterprise"), *graph.by_label("Project")] if n.name == name)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == node.uid}


def _projects(graph: Graph) -> set[str]:
    return {n.name for n in graph.by_label("Project")}


def test_a_firm_whose_sentence_names_no_chain_takes_the_title_chain(tmp_path: Path) -> None:
    # a Gansu-style headline naming one chain, firms in later sentences that name none
    graph = _graph(
        tmp_path,
        "河西走廊：8个风电装备项目集中开工\n\n3月2日，一批项目在河西开工。"
        "祁连重工投资9亿元建设塔筒生产线，预计年底投产。",
    )
    assert "风电装备" in _ends(graph, "IN_CHAIN", "祁连重工")


def test_a_paragraph_opening_with_a_chain_ties_its_firms(tmp_path: Path) -> None:
    # a Jiangxi-style report: each paragraph opens with its chain; the title names none
    graph = _graph(
        tmp_path,
        "赣江新区集中签约一批重点项目\n\n"
        "新能源汽车项目唱主角。云岭新材投资12亿元的年产6万套电驱总成项目落户园区。\n\n"
        "生物医药是新区另一张名片。白鹭医疗计划投资3亿元扩大产能。",
    )
    assert _ends(graph, "IN_CHAIN", "云岭新材") == {"新能源汽车"}
    assert _ends(graph, "IN_CHAIN", "白鹭医疗") == {"生物医药"}


def test_projects_told_by_figures_progress_or_a_list(tmp_path: Path) -> None:
    # Shaanxi-style figures after the name, Hainan-style progress, a Guizhou-style list of projects
    graph = _graph(
        tmp_path,
        "秦岭园区项目建设提速\n\n其中，位于草堂镇的汉水精密轴承及配套项目总投资8.5亿元。"
        "椰风冷链物流中心项目已完成土地摘牌。"
        "黔山电机定子装配项目、乌江线束整体搬迁项目等6个项目签约落户。"
        "总投资20亿元的红枫竹木家居产业园项目将落户新区。",
    )
    found = _projects(graph)
    assert {
        "汉水精密轴承及配套项目",
        "椰风冷链物流中心项目",
        "黔山电机定子装配项目",
        "乌江线束整体搬迁项目",
        "红枫竹木家居产业园项目",
    } <= found
    assert not any("个项目" in name or "重点项目" in name for name in found)


def test_a_capacity_named_project_gives_its_products(tmp_path: Path) -> None:
    # Ningxia- and Heilongjiang-style capacity names: units and work words are no part of the product
    graph = _graph(
        tmp_path,
        "贺兰山材料有限公司投资6亿元建设年产8万吨高纯氧化铝及陶瓷粉体项目。"
        "松花江化工有限公司投资4亿元的年增20万吨聚乙烯薄膜扩建项目开工。",
    )
    assert {"高纯氧化铝", "陶瓷粉体"} <= _ends(graph, "MAKES", "贺兰山材料有限公司")
    assert _ends(graph, "MAKES", "松花江化工有限公司") == {"聚乙烯薄膜"}


def test_the_investor_of_a_project_is_a_firm() -> None:
    # a Henan-style 加快A投资的…项目, a Heilongjiang-style …项目由A投资
    assert "伏牛锂能" in enterprises._subject_names("加快伏牛锂能投资的嵩山新能源电池基地项目建设，扩大规模。")
    assert "松嫩石化" in enterprises._subject_names("去年投产的5万吨树脂项目由松嫩石化投资，原料就近供应。")


def test_a_one_character_cue_inside_a_name_does_not_cut_it() -> None:
    assert trim_left("华为终端") == "华为终端"
    assert trim_left("中和科技") == "中和科技"
    assert trim_left("也为星河科技") == "星河科技"
    assert trim_left("位于东湖高新区") == "东湖高新区"
    assert trim_left("简称江潮软件）") == "江潮软件"


def test_a_group_and_its_listed_company_are_two_firms(tmp_path: Path) -> None:
    assert identity("Enterprise", "太行钢铁集团") != identity("Enterprise", "太行钢铁股份有限公司")
    assert identity("Enterprise", "太行钢铁集团有限公司") == identity("Enterprise", "太行钢铁集团")
    graph = _graph(
        tmp_path,
        "鄂钢股份有限公司投资30亿元的硅钢项目落户开发区。鄂钢集团带动20家供应商在本地注册，鄂钢订单增加。",
    )
    names = {n.name for n in graph.by_label("Enterprise")}
    assert {"鄂钢股份有限公司", "鄂钢集团"} <= names
